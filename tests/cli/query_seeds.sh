#!/usr/bin/env bash
# End to end over the two seed letters the product was specified from: index them with
# secxref-index, then ask secxref-query who cites what.
#   cites "ASC 810-10-50"   -> the 2013 letter's comments 1 and 2, nothing else
#   cites "Release 33-8350" -> the 2017 letter's comment 1, nothing else
set -euo pipefail
bin=${SECXREF_BIN:?}
seeds=${SECXREF_SHARED:-}/seeds
if [[ ! -f $seeds/letter-2013-10-29.txt || ! -f $seeds/letter-2017-09-19.txt ]]; then
  echo "query_seeds: no seed letters under ${SECXREF_SHARED:-<unset>}; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "query_seeds: FAIL: $*" >&2; exit 1; }

cp "$seeds/letter-2013-10-29.txt" "$seeds/letter-2017-09-19.txt" "$tmp/"
"$bin/secxref-index" add --db "$tmp/db" --no-progress "$tmp/letter-2013-10-29.txt" "$tmp/letter-2017-09-19.txt" >/dev/null

# "file comment" per matching comment, in output order.
listed() {
  python3 -c '
import json, os, sys
for line in sys.stdin:
    o = json.loads(line)
    print(os.path.basename(o["source"]), o["comment"])'
}

got=$("$bin/secxref-query" cites "ASC 810-10-50" --db "$tmp/db" --format jsonl | listed)
want=$'letter-2013-10-29.txt 1\nletter-2013-10-29.txt 2'
[[ $got == "$want" ]] || fail "cites ASC 810-10-50 listed:"$'\n'"$got"

got=$("$bin/secxref-query" cites "Release 33-8350" --db "$tmp/db" --format jsonl | listed)
[[ $got == "letter-2017-09-19.txt 1" ]] || fail "cites Release 33-8350 listed:"$'\n'"$got"

# The same through the other ways of writing them.
for arg in "asc 810-10-50" "810-10-50" "Release No. 33-8350" "Item 5.D of Form 20-F"; do
  n=$("$bin/secxref-query" cites "$arg" --db "$tmp/db" --format jsonl | wc -l)
  [[ $n -ge 1 ]] || fail "cites '$arg' found nothing"
done

# The citations of the 2013 letter's comment 1, as written, with the snippet around them.
line=$("$bin/secxref-query" cites "ASC 810-10-50" --db "$tmp/db" --format jsonl | head -1)
python3 - "$line" <<'PY' || fail "comment 1 fields: $line"
import json, sys
o = json.loads(sys.argv[1])
ids = [c["id"] for c in o["citations"]]
assert ids == ["ASC 810-10-50-2AA(d)", "ASC 810-10-50-3(bb)"], ids
assert o["citations"][0]["text"] == "paragraphs 2AA.d and 3.bb of ASC 810-10-50", o["citations"][0]
assert "paragraphs 2AA.d and 3.bb of ASC 810-10-50" in o["snippet"], o["snippet"]
assert o["date"] == "2013-10-29" and o["kind"] == "staff", o
assert o["headings"][-1] == "Note 1. Organization, page F-14", o["headings"]
PY

# Exit statuses: 0 results, 1 none (said on stderr), 2 error.
set +e
"$bin/secxref-query" cites "ASC 842" --db "$tmp/db" >/dev/null 2>"$tmp/err"; s=$?
set -e
[[ $s -eq 1 ]] || fail "uncited id: exit $s"
grep -q "no letter cites ASC 842" "$tmp/err" || fail "uncited id message: $(cat "$tmp/err")"
set +e
"$bin/secxref-query" cites "ASC 999" --db "$tmp/db" >/dev/null 2>"$tmp/err"; s=$?
set -e
[[ $s -eq 2 ]] || fail "unknown id: exit $s"
grep -q "did you mean" "$tmp/err" || fail "unknown id has no suggestions: $(cat "$tmp/err")"

# search, show, similar, stats on the same index.
"$bin/secxref-query" search 'goodwill AND "reporting unit" AND date:2017' --db "$tmp/db" --format jsonl | listed \
  | grep -qx "letter-2017-09-19.txt 2" || fail "search goodwill"
key=$("$bin/secxref-query" cites "ASC 810-10-50" --db "$tmp/db" --format jsonl | head -1 |
      python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["letter"])')
"$bin/secxref-query" show "$key#2" --db "$tmp/db" | grep -q "\[\[Paragraph 5A.d of ASC 810-10-50\]\]" \
  || fail "show marks citations"
"$bin/secxref-query" stats --db "$tmp/db" --format csv | grep -q '^1,ASC 810' || fail "stats: ASC 810 first"
echo "query_seeds: ok"
