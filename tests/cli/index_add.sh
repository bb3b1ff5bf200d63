#!/usr/bin/env bash
# End to end: secxref-index add / status / remove / --prune / reindex / compact on a tree of
# synthetic letters; every step leaves an index that passes xapian-check, and the documents
# are compared by content (tests/index/docset.py).
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SECXREF_BIN:-$src/build/bin}
idx=$bin/secxref-index
work=$(mktemp -d "${TMPDIR:-/tmp}/index_add.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
glass() { sed -n 's/^auto //p' "$1/XAPIANDB" | sed "s|^|$1/|"; }
check() { xapian-check "$(glass "$1")" >/dev/null || fail "xapian-check $1"; }
docs() { python3 "$src/tests/index/docset.py" "$(glass "$1")"; }
status() { "$idx" status --db "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"; }

python3 "$src/tests/index/make_letters.py" "$work/tree" 40 3
db=$work/db

# First run: every letter, a summary line, exit 0.
out=$("$idx" add --db "$db" --no-progress "$work/tree")
echo "$out"
[[ $out == *"40 letters"* ]] || fail "first add: $out"
[[ $(status "$db" letters) == 40 ]] || fail "status letters"
[[ $(status "$db" sources) == 40 ]] || fail "status sources"
(($(status "$db" comments) > 40)) || fail "status comments"
(($(status "$db" citations) > 0)) || fail "status citations"
[[ -n $(status "$db" schema) && $(status "$db" schema) == $(status "$db" current_schema) ]] || fail "status schema"
check "$db"
docs "$db" >"$work/first.docs"

# Second run over the same tree: nothing to do, and says so; the documents are unchanged.
out=$("$idx" add --db "$db" --no-progress "$work/tree")
[[ $out == *"nothing to do"*"40 files unchanged"* ]] || fail "second add: $out"
docs "$db" | cmp -s - "$work/first.docs" || fail "second add changed the documents"

# The text status names the counts, sources, last run, size and schema.
"$idx" status --db "$db" >"$work/status.txt"
for field in letters: comments: citations: sources: "last run:" size: schema:; do
  grep -q "^$field" "$work/status.txt" || fail "status lacks $field"
done

# --sync end: the same documents as the default, no marker after the run; a marker left by a
# run that did not finish shows in status, and the next add checks the index and removes it.
"$idx" add --db "$work/db-end" --sync end --no-progress "$work/tree" >/dev/null || fail "add --sync end"
docs "$work/db-end" | cmp -s - "$work/first.docs" || fail "--sync end indexed other documents"
check "$work/db-end"
[[ $(status "$work/db-end" sync_pending) == False ]] || fail "marker left by a finished --sync end run"
touch "$(glass "$work/db-end")/secxref-sync-pending"  # as a killed run leaves it
[[ $(status "$work/db-end" sync_pending) == True ]] || fail "status does not show the marker"
"$idx" status --db "$work/db-end" | grep -q "^sync:" || fail "text status does not show the marker"
"$idx" add --db "$work/db-end" --no-progress "$work/tree" >"$work/out" 2>"$work/err" || fail "add after a marker"
grep -q "checking the index first" "$work/err" || fail "add did not say it checks: $(cat "$work/err")"
[[ $(status "$work/db-end" sync_pending) == False ]] || fail "the check did not remove the marker"
"$idx" add --db "$work/db-end" --sync sometimes "$work/tree" >/dev/null 2>&1 && fail "--sync accepted a bad value"

# The default location: $SECXREF_DB, else $XDG_DATA_HOME/secxref/db.
SECXREF_DB=$db "$idx" status >/dev/null || fail "SECXREF_DB"
(unset SECXREF_DB; XDG_DATA_HOME=$work/xdg "$idx" add --no-progress "$work/tree" >/dev/null) || fail "XDG add"
[[ -e $work/xdg/secxref/db/XAPIANDB ]] || fail "no index under XDG_DATA_HOME"
(unset SECXREF_DB XDG_DATA_HOME; HOME=$work/home "$idx" add --no-progress "$work/tree" >/dev/null) || fail "HOME add"
[[ -e $work/home/.local/share/secxref/db/XAPIANDB ]] || fail "no index under ~/.local/share"

# A bad file: reported on stderr with its path, the batch goes on, exit status 1.
printf '\x00\x01\x02 not a letter' >"$work/tree/bad.bin"
set +e
"$idx" add --db "$db" --no-progress "$work/tree" >"$work/out" 2>"$work/err"
rc=$?
set -e
((rc == 1)) || fail "bad file: exit $rc"
grep -q "bad.bin" "$work/err" || fail "bad file not named on stderr"
grep -q "1 failed" "$work/out" || fail "summary does not count the failure: $(cat "$work/out")"
rm "$work/tree/bad.bin"
"$idx" add --db "$db" --no-progress --prune "$work/tree" >/dev/null || fail "prune of bad.bin"
docs "$db" | cmp -s - "$work/first.docs" || fail "documents changed by a failed file"

# A changed letter is re-read; a deleted one goes with --prune (and only then).
victim=$(find "$work/tree" -name filename1.txt | sort | sed -n 5p)
acc_dir=$(basename "$(dirname "$victim")")
acc="${acc_dir:0:10}-${acc_dir:10:2}-${acc_dir:12}"
changed=$(find "$work/tree" -name filename1.txt | sort | sed -n 9p)
python3 "$src/tests/index/make_letters.py" "$work/other" 12 77
cp "$(find "$work/other" -name filename1.txt | sort | sed -n 9p)" "$changed"
rm "$victim"
out=$("$idx" add --db "$db" --no-progress "$work/tree")
[[ $out == *"1 letters"*"38 skipped"* ]] || fail "changed file: $out"
[[ $(status "$db" letters) == 40 ]] || fail "a deleted file's letter went without --prune"
out=$("$idx" add --db "$db" --no-progress --prune "$work/tree")
[[ $out == *"1 pruned"* ]] || fail "prune: $out"
[[ $(status "$db" letters) == 39 ]] || fail "prune left the letter"
[[ $(xapian-delve -A XACC "$(glass "$db")" | grep -c "XACC$acc") == 0 ]] || fail "pruned accession still indexed"
check "$db"

# Removing by accession and by path.
second=$(find "$work/tree" -name filename1.txt | sort | sed -n 2p)
acc_dir=$(basename "$(dirname "$second")")
"$idx" remove --db "$db" "${acc_dir:0:10}-${acc_dir:10:2}-${acc_dir:12}" >/dev/null
[[ $(status "$db" letters) == 38 ]] || fail "remove accession"
third=$(find "$work/tree" -name filename1.txt | sort | sed -n 3p)
"$idx" remove --db "$db" "$third" >/dev/null
[[ $(status "$db" letters) == 37 ]] || fail "remove path"
set +e
"$idx" remove --db "$db" "$work/nowhere" >/dev/null 2>&1
rc=$?
set -e
((rc == 1)) || fail "removing what is not there should exit 1"
check "$db"
# The next add brings back what remove forgot (the files are still there).
"$idx" add --db "$db" --no-progress "$work/tree" >/dev/null
[[ $(status "$db" letters) == 39 ]] || fail "re-add after remove"
docs "$db" >"$work/before-reindex.docs"

# reindex: a new generation from the recorded sources, swapped in; same documents.
old=$(glass "$db")
out=$("$idx" reindex --db "$db" --no-progress)
echo "$out"
new=$(glass "$db")
[[ $new != "$old" && ! -e $old ]] || fail "reindex did not swap generations ($old -> $new)"
check "$db"
docs "$db" | cmp -s - "$work/before-reindex.docs" || fail "reindex changed the documents"

# compact: smaller or equal, same documents, swapped in.
out=$("$idx" compact --db "$db")
echo "$out"
check "$db"
docs "$db" | cmp -s - "$work/before-reindex.docs" || fail "compact changed the documents"
out=$("$idx" add --db "$db" --no-progress "$work/tree")
[[ $out == *"nothing to do"* ]] || fail "add after compact: $out"
echo "index_add: ok"
