#!/usr/bin/env python3
"""Prints a database's documents in a canonical form, for comparing two indexes by content:
one block per document, ordered by its unique (Q) term, with its sorted term list and its
data. Document ids are left out: they differ between runs, shards and merges.

    docset.py DB [--no-data] [--prefix-free]

Uses xapian-delve only (no Python bindings needed). Exits 1 if two documents share a unique
term (a duplicate would mean re-indexing did not replace).
"""
import re
import subprocess
import sys


def delve(args):
    return subprocess.run(["xapian-delve"] + args, capture_output=True, text=True, check=False).stdout


def main():
    db = sys.argv[1]
    with_data = "--no-data" not in sys.argv
    # Every document carries one XK (kind) term: their posting lists name every document id.
    # (delve stops at the first id that does not exist, so ids must be exact.)
    kinds = delve(["-1", "-A", "XK", db]).split()
    existing = set()
    for kind in (k for k in kinds if k.startswith("XK")):
        for line in delve(["-1", "-t", kind, db]).splitlines():
            if line.strip().isdigit():
                existing.add(int(line))
    existing = sorted(existing)
    docs = {}
    chunk = 200
    for start in range(0, len(existing), chunk):
        ids = existing[start:start + chunk]
        args = ["-1"] + (["-d"] if with_data else [])
        for i in ids:
            args += ["-r", str(i)]
        out = delve(args + [db])
        current, kind = None, None
        for line in out.splitlines():
            h = re.match(r"(Term List|Data) for record #(\d+):$", line)
            if h:
                kind, current = h.group(1), int(h.group(2))
                docs.setdefault(current, {"terms": [], "data": ""})
                continue
            if current is None:
                continue
            if kind == "Term List":
                docs[current]["terms"].append(line)
            else:
                docs[current]["data"] += line
    blocks = {}
    status = 0
    for d in docs.values():
        uid = next((t for t in d["terms"] if t.startswith("Q")), "")
        if uid in blocks:
            print(f"duplicate unique term {uid}", file=sys.stderr)
            status = 1
        blocks[uid] = "\n".join(sorted(d["terms"])) + ("\n" + d["data"] if with_data else "")
    for uid in sorted(blocks):
        print(f"== {uid}\n{blocks[uid]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
