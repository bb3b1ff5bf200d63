#!/usr/bin/env bash
# Queries while the index is written (issue 8): `secxref-query cites` and `search` run in a
# loop while `secxref-index add` commits in small batches, then while `reindex` builds and
# swaps in a new generation. Every query must succeed (exit 0 or 1, nothing on stderr: a
# DatabaseModifiedError is retried inside, never shown), every answer must be consistent (a
# subset of the final answer that only grows while `add` commits; exactly the final answer
# during `reindex`, whose generations hold the same documents), and the final answers must
# equal those of an index built alone. A second writer meanwhile is told which process holds
# the index: "index ... is being written by another process (PID N: secxref-index add ...)".
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SECXREF_BIN:-$src/build/bin}
idx=$bin/secxref-index
qry=$bin/secxref-query
work=$(mktemp -d "${TMPDIR:-/tmp}/reliability_conc.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

queries=(
  "cites|ASC 606-10-25-1"
  "cites|Item 303(b) of Regulation S-K"
  "search|goodwill AND cite:\"ASC 350-20\""
)
# answer DB I: the sorted letter#comment keys query I lists (exit 0 or 1), or FAIL.
answer() {
  local db=$1 kind=${queries[$2]%%|*} arg=${queries[$2]#*|} rc
  set +e
  "$qry" "$kind" --db "$db" --format jsonl --limit 0 "$arg" >"$work/q.out" 2>"$work/q.err"
  rc=$?
  set -e
  ((rc == 0 || rc == 1)) || { echo "query '$arg': exit $rc: $(cat "$work/q.err")"; return 1; }
  [[ ! -s $work/q.err ]] || { echo "query '$arg' said: $(cat "$work/q.err")"; return 1; }
  python3 -c '
import json, sys
keys = sorted({"%s#%s" % (o["letter"], o["comment"]) for o in map(json.loads, open(sys.argv[1]))})
print("\n".join(keys))' "$work/q.out"
}

python3 "$src/tests/index/make_letters.py" "$work/tree" 400 13
"$idx" add --db "$work/ref" --no-progress "$work/tree" >/dev/null
for i in "${!queries[@]}"; do
  answer "$work/ref" "$i" >"$work/ref.$i" || fail "reference query"
  [[ -s $work/ref.$i ]] || fail "reference query ${queries[$i]} finds nothing"
done

# --- queries while add commits -----------------------------------------------------------
db=$work/db
"$idx" add --db "$db" --no-progress --jobs 1 --batch 10 "$work/tree" >"$work/add.out" 2>&1 &
writer=$!
pids+=("$writer")
# From the first commit on, the index must answer every query.
for _ in $(seq 1 1200); do
  kill -0 "$writer" 2>/dev/null || break
  n=$("$idx" status --db "$db" --format json 2>/dev/null |
      python3 -c "import json,sys; print(json.load(sys.stdin)['letters'])" 2>/dev/null || echo 0)
  ((n > 0)) && break
  sleep 0.05
done
declare -A last
for i in "${!queries[@]}"; do last[$i]=0; done
rounds=0 grew=0 second=0
while kill -0 "$writer" 2>/dev/null; do
  for i in "${!queries[@]}"; do
    got=$(answer "$db" "$i") || fail "during add: $got"
    n=$(grep -c . <<<"$got" || true)
    extra=$(comm -23 <(echo "$got" | grep .) "$work/ref.$i" | head -3)
    [[ -z $extra ]] || fail "query ${queries[$i]} listed what the index never holds: $extra"
    ((n >= last[$i])) || fail "query ${queries[$i]}: $n results after ${last[$i]} (commits only add)"
    ((n > last[$i])) && grew=$((grew + 1))
    last[$i]=$n
  done
  rounds=$((rounds + 1))
  if ((second == 0)) && kill -0 "$writer" 2>/dev/null; then  # a second writer, once
    set +e
    "$idx" add --db "$db" --no-progress "$work/tree" >/dev/null 2>"$work/second.err"
    rc=$?
    set -e
    if kill -0 "$writer" 2>/dev/null; then
      ((rc == 2)) || fail "second writer: exit $rc"
      grep -q "is being written by another process (PID $writer: secxref-index add" "$work/second.err" ||
        fail "second writer: $(cat "$work/second.err")"
      second=1
      echo "second writer: $(cat "$work/second.err")"
    fi
  fi
done
wait "$writer" || fail "the writer failed: $(cat "$work/add.out")"
echo "add: $rounds rounds of ${#queries[@]} queries while it committed; answers grew $grew times"
((rounds >= 3)) || fail "too few query rounds during the writes ($rounds)"
((second)) || echo "note: the writer finished before a second writer could be tried"
for i in "${!queries[@]}"; do
  answer "$db" "$i" | cmp -s - "$work/ref.$i" || fail "final answer of ${queries[$i]} differs"
done

# --- queries while reindex swaps generations ---------------------------------------------
"$idx" reindex --db "$db" --no-progress >"$work/reindex.out" 2>&1 &
writer=$!
pids+=("$writer")
rounds=0
while kill -0 "$writer" 2>/dev/null; do
  for i in "${!queries[@]}"; do
    got=$(answer "$db" "$i") || fail "during reindex: $got"
    cmp -s <(echo "$got") "$work/ref.$i" || fail "during reindex, ${queries[$i]} answered differently"
  done
  rounds=$((rounds + 1))
done
wait "$writer" || fail "reindex failed: $(cat "$work/reindex.out")"
echo "reindex: $rounds rounds of queries while it ran, every answer the same"
for i in "${!queries[@]}"; do
  answer "$db" "$i" | cmp -s - "$work/ref.$i" || fail "after reindex, ${queries[$i]} differs"
done
echo "reliability_concurrency: ok"
