#!/usr/bin/env bash
# A full disk while `secxref-index add` writes (issue 8): the write fails cleanly (a clear
# message, exit 2, no crash), the index still opens, passes xapian-check and holds everything
# committed before the failure (every document of the earlier run, unchanged), and once there
# is room again a rerun converges to the documents of an uninterrupted run.
#
# The disk: as root, a 3 MB tmpfs mounted for the test (a real ENOSPC). Otherwise, or when
# mounting is refused, a file-size limit (ulimit -f, with SIGXFSZ ignored so that writes fail
# with EFBIG instead of killing the process): the same failure path in Xapian. Neither
# possible: skipped with a message. SECXREF_FULL_DISK=tmpfs|ulimit picks one.
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SECXREF_BIN:-$src/build/bin}
idx=$bin/secxref-index
work=$(mktemp -d "${TMPDIR:-/tmp}/reliability_disk.XXXXXX")
mnt=$work/disk
mounted=0
cleanup() {
  ((mounted)) && umount "$mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
glass() { sed -n 's/^auto //p' "$1/XAPIANDB" | sed "s|^|$1/|"; }
docs() { python3 "$src/tests/index/docset.py" "$(glass "$1")"; }
letters() { "$idx" status --db "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['letters'])"; }

python3 "$src/tests/index/make_letters.py" "$work/a" 30 3        # fits
python3 "$src/tests/index/make_letters.py" "$work/b" 600 4 1000  # does not
"$idx" add --db "$work/ref-a" --no-progress "$work/a" >/dev/null
"$idx" add --db "$work/ref-ab" --no-progress "$work/a" "$work/b" >/dev/null
docs "$work/ref-ab" >"$work/ref-ab.docs"

mkdir -p "$mnt"
mode=none
want=${SECXREF_FULL_DISK:-auto}  # auto, tmpfs or ulimit
if [[ $want != ulimit && $(id -u) == 0 ]] && mount -t tmpfs -o size=3m secxref-full "$mnt" 2>/dev/null; then
  mounted=1 mode=tmpfs
elif [[ $want != tmpfs ]] && (ulimit -f 2048 && trap '' XFSZ && true) 2>/dev/null; then
  mode=ulimit
fi
if [[ $mode == none ]]; then
  echo "SKIP: cannot mount a small filesystem nor limit the file size here"
  exit 0
fi
echo "full disk by: $mode"
db=$mnt/db
limited() {  # runs "$@" with the disk full: on the tmpfs as is, else under the size limit
  if [[ $mode == ulimit ]]; then
    (ulimit -f 2048; trap '' XFSZ; exec "$@")  # 1 MB per file (512-byte blocks)
  else
    "$@"
  fi
}

# Before the failure: the letters of a/ committed.
limited "$idx" add --db "$db" --no-progress "$work/a" >/dev/null || fail "the first add does not fit"
docs "$db" >"$work/a.docs"
cmp -s "$work/a.docs" <(docs "$work/ref-a") || fail "the first add differs from its reference"

# The failure: b/ does not fit; small batches, so some of b/ is committed before it.
set +e
limited "$idx" add --db "$db" --no-progress --batch 50 "$work/b" >"$work/out" 2>"$work/err"
rc=$?
set -e
cat "$work/err"
((rc < 128)) || fail "add died of a signal ($rc) on a full disk"
((rc == 2)) || fail "add on a full disk: exit $rc, want 2"
grep -q "writing the index failed" "$work/err" || fail "no clear message: $(cat "$work/err")"
grep -qi "No space left on device\|File too large" "$work/err" || fail "the message hides the cause: $(cat "$work/err")"
grep -q "the index keeps its last commit" "$work/err" || fail "the message does not say what is kept"

# Nothing lost: the index opens, passes xapian-check, holds every document of a/ unchanged.
xapian-check "$(glass "$db")" >/dev/null || fail "xapian-check after the full disk"
n=$(letters "$db")
((n >= 30 && n < 630)) || fail "$n letters after the full disk, want 30 <= n < 630"
python3 - "$work/a.docs" <(docs "$db") <<'PY' || fail "documents committed before the failure were lost or changed"
import sys
def blocks(p):
    out, cur = set(), []
    for line in open(p):
        if line.startswith('== ') and cur:
            out.add(''.join(cur)); cur = []
        cur.append(line)
    if cur: out.add(''.join(cur))
    return out
before, after = blocks(sys.argv[1]), blocks(sys.argv[2])
missing = before - after
assert not missing, f'{len(missing)} of {len(before)} documents of the first add are gone or changed'
print(f'{len(before)} documents of the first add kept, {len(after) - len(before)} of the second committed')
PY
"$idx" status --db "$db" >/dev/null || fail "status after the full disk"

# Room again: the rerun converges to an uninterrupted run.
if [[ $mode == tmpfs ]]; then mount -o remount,size=64m "$mnt"; fi
"$idx" add --db "$db" --no-progress "$work/a" "$work/b" >/dev/null || fail "rerun with room failed"
xapian-check "$(glass "$db")" >/dev/null || fail "xapian-check after the rerun"
docs "$db" | cmp -s - "$work/ref-ab.docs" || fail "the rerun did not converge to an uninterrupted run"
echo "reliability_full_disk: ok ($n letters survived the full disk)"
