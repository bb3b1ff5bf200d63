#!/usr/bin/env bash
# kill -9 at 20 random points of `secxref-index add` (fresh builds and updates): every time the
# index passes xapian-check and a rerun converges to an uninterrupted run (scripts/killtest);
# then 10 more with `add --sync end` (commits unsynced until the run ends: a killed run leaves
# its marker, the rerun checks the index, then converges and removes the marker).
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SECXREF_BIN:-$src/build/bin}
"$src/scripts/killtest" --runs 20 --letters 100 --bin "$bin"
"$src/scripts/killtest" --runs 10 --letters 100 --bin "$bin" --add-args "--sync end"
