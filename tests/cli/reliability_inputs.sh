#!/usr/bin/env bash
# Hostile and broken inputs end to end (issue 8), through `secxref-index add` and `extract`:
# every one yields a clear per-file message naming the file (or, when it is readable, the flag
# it deserves), the batch goes on (the good letters beside them are indexed), the exit status
# reports it, and the index passes xapian-check.
#
#   empty file, whitespace only, random binary (4 KB fixture and 1 MB), truncated PDF,
#   encrypted PDF, PDF without a text layer (flagged), invalid UTF-8 and cp1252 text (decoded,
#   flagged), a 100 MB letter (sparse: over max_file_bytes), HTML nested 5000 deep (refused)
#   and unclosed HTML (read), an SGML submission with a broken uuencode block, zip bombs (a
#   member declaring 300 MB; a 60 MB member of zeros, caught by the compression ratio), a
#   tar.gz bomb, path-traversal member names (only names: nothing written), symlink loops
#   (to a parent, to itself), an unreadable file and an unreadable directory.
# Unreadable paths: as root, the tools run with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
# dropped (setpriv), so chmod 000 means what it means for a user; without setpriv that case is
# skipped with a message.
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SECXREF_BIN:-$src/build/bin}
fix=${SECXREF_FIXTURES:-$src/tests/fixtures}
idx=$bin/secxref-index
work=$(mktemp -d "${TMPDIR:-/tmp}/reliability_inputs.XXXXXX")
cleanup() { chmod -R u+rwx "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
glass() { sed -n 's/^auto //p' "$1/XAPIANDB" | sed "s|^|$1/|"; }
docs() { python3 "$src/tests/index/docset.py" "$(glass "$1")"; }
status() { "$idx" status --db "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"; }

# How the tools are run: as root, without the capabilities that ignore file modes.
run=()
unreadable=1
if [[ $(id -u) == 0 ]]; then
  if command -v setpriv >/dev/null &&
     setpriv --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
    run=(setpriv --bounding-set=-dac_override,-dac_read_search)
  else
    echo "SKIP (unreadable files): running as root and setpriv cannot drop CAP_DAC_OVERRIDE"
    unreadable=0
  fi
fi

tree=$work/tree
mkdir -p "$tree"
python3 "$src/tests/index/make_letters.py" "$tree/good" 5 21  # five good letters, among the bad
cp "$fix"/bad/{empty.txt,whitespace.txt,random.bin,truncated.pdf,encrypted.pdf,no-text.pdf,invalid-utf8.txt} "$tree/"
cp "$fix/text/response-cp1252.txt" "$tree/cp1252.txt"
python3 - "$tree" "$fix" <<'PY'
import io, os, sys, tarfile, zipfile
tree, fix = sys.argv[1], sys.argv[2]
letter = open(os.path.join(fix, 'text/staff-letter-utf8.txt'), 'rb').read()
open(os.path.join(tree, 'random-1m.bin'), 'wb').write(os.urandom(1 << 20))
with open(os.path.join(tree, 'huge.txt'), 'wb') as f:  # 100 MB, sparse
    f.write(b'Dear Sir:\nPlease refer to ASC 810-10-50.\n')
    f.truncate(100 << 20)
open(os.path.join(tree, 'deep.htm'), 'w').write(
    '<html><body>' + '<div>' * 5000 + 'Dear Sir: ASC 810-10-50' + '</div>' * 10)
open(os.path.join(tree, 'unclosed.htm'), 'w').write(
    '<html><body><p>Dear Sir:<p><b>1. Please tell us how you applied ASC 810-10-50 '
    '<table><tr><td>to the <i>entities<td><font>described')
open(os.path.join(tree, 'broken-uu.txt'), 'wb').write(
    b'<SEC-DOCUMENT>0000000000-21-000009.txt\n<SEC-HEADER>\nACCESSION NUMBER: 0000000000-21-000009\n'
    b'CONFORMED SUBMISSION TYPE: UPLOAD\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>LETTER\n<SEQUENCE>1\n'
    b'<FILENAME>filename1.pdf\n<TEXT>\nbegin 644 filename1.pdf\nM)5!$1BTQ+C,-\xff\xfe garbage\n'
    b'</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n')
chunk = b'\0' * (1 << 20)
with zipfile.ZipFile(os.path.join(tree, 'bomb-declared.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
    with z.open('zeros.txt', 'w', force_zip64=True) as m:  # declares 300 MB
        for _ in range(300): m.write(chunk)
with zipfile.ZipFile(os.path.join(tree, 'bomb-ratio.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
    with z.open('zeros.txt', 'w') as m:  # 60 MB: under the size limit, over the ratio
        for _ in range(60): m.write(chunk)
class Zeros(io.RawIOBase):
    def __init__(self, n): self.n = n
    def readable(self): return True
    def readinto(self, b):
        k = min(len(b), self.n); b[:k] = bytes(k); self.n -= k; return k
with tarfile.open(os.path.join(tree, 'bomb.tar.gz'), 'w:gz') as tf:
    ti = tarfile.TarInfo('zeros.txt'); ti.size = 60 << 20  # under the size limit, over the ratio
    tf.addfile(ti, io.BufferedReader(Zeros(60 << 20)))
with zipfile.ZipFile(os.path.join(tree, 'traversal.zip'), 'w') as z:
    z.writestr('../../outside/escape.txt', letter)
    z.writestr('/tmp/secxref-absolute-escape.txt', letter)
PY
mkdir -p "$tree/loops"
ln -s .. "$tree/loops/up"
ln -s self "$tree/loops/self"
if ((unreadable)); then
  echo "Dear Sir: ASC 810-10-50" >"$tree/unreadable.txt"
  chmod 000 "$tree/unreadable.txt"
  mkdir -p "$tree/private"
  cp "$fix/text/staff-letter-utf8.txt" "$tree/private/letter.txt"
  chmod 000 "$tree/private"
  # The guard works: the dropped capabilities make the mode count.
  ! "${run[@]}" cat "$tree/unreadable.txt" >/dev/null 2>&1 || fail "unreadable.txt can be read"
fi
chmod 777 "$work"  # the db is written by the same (capability-reduced) user

# Per-file messages expected on stderr: "secxref-index: <path>: <message>".
expect=(
  "empty.txt: empty file"
  "whitespace.txt: empty file (only whitespace)"
  "random.bin: not a letter (unrecognised binary data)"
  "random-1m.bin: not a letter (unrecognised binary data)"
  "truncated.pdf: cannot parse PDF (damaged or truncated)"
  "encrypted.pdf: encrypted PDF (cannot be opened without a password)"
  "huge.txt: file too large (104857600 bytes > limit 67108864)"
  "deep.htm: HTML nested too deeply (5002 levels > limit 2000)"
  "broken-uu.txt:filename1.pdf: cannot decode uuencoded document: damaged or truncated uuencoding"
  "bomb-declared.zip:zeros.txt: file too large (314572800 bytes > limit 67108864)"
  "bomb-ratio.zip:zeros.txt: compression ratio over 200:1 (limit; archive bomb?)"
  "bomb.tar.gz:zeros.txt: compression ratio over 200:1 (limit; archive bomb?)"
  "loops/self: symbolic link loop"
  "loops/up: directory already visited (symbolic link loop?); skipped"
  "no-text.pdf: warning: no text layer (scanned or image-only PDF); indexed without its text"
)
if ((unreadable)); then
  expect+=("unreadable.txt: Permission denied" "private: Permission denied")
fi
# Letters that must be indexed: the five good ones, cp1252.txt, invalid-utf8.txt, no-text.pdf
# (a letter without text: indexed, flagged), unclosed.htm, and the two traversal.zip members.
good_letters=11

db=$work/db
set +e
"${run[@]}" "$idx" add --db "$db" --no-progress "$tree" >"$work/add.out" 2>"$work/add.err"
rc=$?
set -e
cat "$work/add.out"
((rc == 1)) || { cat "$work/add.err" >&2; fail "add over hostile inputs: exit $rc, want 1"; }
for e in "${expect[@]}"; do
  grep -qF "secxref-index: $tree/$e" "$work/add.err" || { cat "$work/add.err" >&2; fail "add: no '$e'"; }
done
grep -q "crash\|terminate\|Sanitizer\|runtime error" "$work/add.err" && fail "add: $(cat "$work/add.err")"
# Every stderr line names a file of the tree.
while IFS= read -r line; do
  [[ $line == "secxref-index: $tree/"* ]] || fail "add: a message that names no file: $line"
done <"$work/add.err"
[[ $(status "$db" letters) == "$good_letters" ]] || fail "add: $(status "$db" letters) letters, want $good_letters"
xapian-check "$(glass "$db")" >/dev/null || fail "xapian-check after the hostile batch"
[[ ! -e $work/outside && ! -e /tmp/secxref-absolute-escape.txt ]] || fail "an archive member was written to disk"
docs "$db" >"$work/first.docs"

# Again: the bad files are reported again (they are still bad), the good ones are unchanged.
set +e
"${run[@]}" "$idx" add --db "$db" --no-progress "$tree" >"$work/add2.out" 2>"$work/add2.err"
rc=$?
set -e
((rc == 1)) || fail "second add: exit $rc"
grep -qF "huge.txt: file too large" "$work/add2.err" || fail "second add forgot a bad file"
docs "$db" | cmp -s - "$work/first.docs" || fail "second add changed the documents"

# extract: one JSON object per document; the bad ones carry the same errors, the readable
# ones their flags; the batch goes on; exit 1.
set +e
"${run[@]}" "$idx" extract "$tree" >"$work/extract.jsonl" 2>"$work/extract.err"
rc=$?
set -e
((rc == 1)) || fail "extract over hostile inputs: exit $rc, want 1"
python3 - "$work/extract.jsonl" "$tree" "$unreadable" <<'PY' || fail "extract output"
import json, sys
path, tree, unreadable = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
docs = [json.loads(l) for l in open(path)]
def where(d):
    return d['source'][len(tree) + 1:] + (':' + d['member'] if d.get('member') else '')
by = {}
for d in docs:
    by.setdefault(where(d), []).append(d)
def one(name):
    assert name in by, f'no document for {name}: {sorted(by)}'
    return by[name][0]
errors = {
    'empty.txt': 'empty file', 'random.bin': 'not a letter', 'random-1m.bin': 'not a letter',
    'truncated.pdf': 'damaged or truncated', 'encrypted.pdf': 'encrypted PDF',
    'huge.txt': 'file too large', 'deep.htm': 'HTML nested too deeply',
    'broken-uu.txt:filename1.pdf': 'damaged or truncated uuencoding',
    'bomb-declared.zip:zeros.txt': 'file too large', 'bomb-ratio.zip:zeros.txt': 'compression ratio',
    'bomb.tar.gz:zeros.txt': 'compression ratio',
}
if unreadable:
    errors['unreadable.txt'] = 'Permission denied'
for name, msg in errors.items():
    d = one(name)
    assert msg in d.get('error', ''), f'{name}: error {d.get("error")!r}, want {msg!r}'
flags = {
    'no-text.pdf': 'no text layer',
    'invalid-utf8.txt': 'not valid UTF-8; decoded as Windows-1252',
    'cp1252.txt': 'not valid UTF-8; decoded as Windows-1252',
}
for name, flag in flags.items():
    d = one(name)
    assert not d.get('error'), f'{name}: {d.get("error")}'
    assert any(flag in w for w in d['warnings']), f'{name}: warnings {d["warnings"]}'
assert one('cp1252.txt')['company'] == 'Caf\u00e9 Holdings Corp.', one('cp1252.txt')['company']
u = one('unclosed.htm')
assert not u.get('error') and [c['id'] for c in u['citations']] == ['ASC 810-10-50'], u
for member in ('traversal.zip:../../outside/escape.txt', 'traversal.zip:/tmp/secxref-absolute-escape.txt'):
    d = one(member)
    assert not d.get('error') and d['kind'] == 'staff', d
good = [d for d in docs if d['source'].startswith(tree + '/good/')]
assert len(good) == 5 and all(not d.get('error') and d['citations'] for d in good), good
print(f'extract: {len(docs)} documents, {sum(1 for d in docs if d.get("error"))} with errors')
PY
grep -q "symbolic link loop" "$work/extract.err" || fail "extract: the symlink loop is not reported"
echo "reliability_inputs: ok"
