#!/usr/bin/env bash
# kill -9 at 20 random points of `secxref-index add` (fresh builds and updates): every time the
# index passes xapian-check and a rerun converges to an uninterrupted run (scripts/killtest).
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
exec "$src/scripts/killtest" --runs 20 --letters 100 --bin "${SECXREF_BIN:-$src/build/bin}"
