#!/usr/bin/env bash
# secxref-query as a command: usage errors, the default index location, colour on a terminal
# and NO_COLOR, json/csv to a pipe.
set -euo pipefail
bin=${SECXREF_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "query_cli: FAIL: $*" >&2; exit 1; }
status() { set +e; "$@" >/dev/null 2>"$tmp/err"; local s=$?; set -e; echo $s; }

cat >"$tmp/letter.txt" <<'LETTER'
UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
WASHINGTON, D.C. 20549

March 3, 2015

Mr. John Doe
Chief Financial Officer
Example Widgets, Inc.

Re: Example Widgets, Inc.
Form 10-K for the Fiscal Year Ended December 31, 2014
Filed February 20, 2015
File No. 001-00001

Dear Mr. Doe:

We have reviewed your filing and have the following comments.

Goodwill, page 40

1. Please tell us how you identified your reporting units for goodwill impairment testing.
Refer to ASC 350-20-35-33 through 35-38.

Revenue Recognition, page 45

2. Please explain how you determined that you are the principal in these arrangements.
Refer to ASC 606-10-55-36.

Sincerely,

/s/ Jane Roe

Jane Roe
Branch Chief
LETTER
"$bin/secxref-index" add --db "$tmp/db" --no-progress "$tmp/letter.txt" >/dev/null

[[ $(status "$bin/secxref-query" --help) -eq 0 ]] || fail "--help"
[[ $(status "$bin/secxref-query") -eq 2 ]] || fail "no subcommand"
[[ $(status "$bin/secxref-query" cites) -eq 2 ]] || fail "cites without an argument"
[[ $(status "$bin/secxref-query" cites "ASC 350" --db "$tmp/db" --sort sideways) -eq 2 ]] || fail "bad --sort"
[[ $(status "$bin/secxref-query" cites "ASC 350" --db "$tmp/nowhere") -eq 2 ]] || fail "missing index"
grep -q "no index at $tmp/nowhere" "$tmp/err" || fail "missing index message: $(cat "$tmp/err")"

# The default location: $SECXREF_DB, as secxref-index uses it.
# Options before the citation: a repeatable --db, --cik or --form takes one value each, never
# the positional after it ("citation is required" before).
a=$("$bin/secxref-query" cites "ASC 350-20" --db "$tmp/db" --format jsonl | wc -l)
b=$("$bin/secxref-query" cites --db "$tmp/db" --format jsonl "ASC 350-20" | wc -l)
[[ $a -gt 0 && $a == "$b" ]] || fail "cites with --db before the citation: $b lines, want $a"
"$bin/secxref-query" search --db "$tmp/db" --form 10-K goodwill >/dev/null 2>&1 || [[ $? == 1 ]] || fail "search with --form before the query"
n=$(SECXREF_DB="$tmp/db" "$bin/secxref-query" cites "ASC 350-20" --format jsonl | wc -l)
[[ $n -eq 1 ]] || fail "SECXREF_DB: $n comments"
n=$(SECXREF_DB="$tmp/db" "$bin/secxref-query" cites "ASC 350-20-35-35" --format jsonl | wc -l)
[[ $n -eq 1 ]] || fail "range member ASC 350-20-35-35: $n comments"

# Colour: on a terminal unless NO_COLOR; never into a pipe.
"$bin/secxref-query" cites "ASC 606" --db "$tmp/db" | grep -q $'\e\[' && fail "colour into a pipe"
if command -v script >/dev/null; then
  TERM=xterm script -qec "$bin/secxref-query cites 'ASC 606' --db $tmp/db" /dev/null >"$tmp/tty" </dev/null || true
  grep -q $'\e\[1;33m' "$tmp/tty" || fail "no colour on a terminal: $(cat -v "$tmp/tty" | head -5)"
  NO_COLOR=1 TERM=xterm script -qec "$bin/secxref-query cites 'ASC 606' --db $tmp/db" /dev/null >"$tmp/tty" </dev/null || true
  grep -q $'\e\[' "$tmp/tty" && fail "colour despite NO_COLOR"
  grep -q "ASC 606-10-55-36" "$tmp/tty" || fail "NO_COLOR output: $(cat "$tmp/tty")"
fi

# Scripts: json and csv.
"$bin/secxref-query" search 'reporting AND cite:"ASC 350"' --db "$tmp/db" --format json |
  python3 -c 'import json,sys; j=json.load(sys.stdin); assert j["letters_total"]==1 and j["letters"][0]["comments"][0]["comment"]==1, j' \
  || fail "search json"
"$bin/secxref-query" cites "ASC 606" --db "$tmp/db" --format csv |
  python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); assert len(r)==1 and r[0]["citations"]=="ASC 606-10-55-36" and r[0]["comment"]=="2", r' \
  || fail "cites csv"
echo "query_cli: ok"
