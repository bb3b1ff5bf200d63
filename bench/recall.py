#!/usr/bin/env python3
"""Scores `secxref-index extract --format jsonl` output against the ids scripts/gen-corpus planted.

  bench/recall.py CORPUS_DIR EXTRACT.jsonl [--json]

Letters are matched by path (run extract from inside CORPUS_DIR on relative paths, so that each
object's "source" is the path planted.jsonl gives) or else by accession. Per letter, planted and
extracted ids are compared as multisets: recall = found / planted, precision = found / extracted
(the generator writes no citation it does not plant, so an unplanted id is a false positive).
"comment" agreement counts found ids attributed to the planted comment number. Prints a summary,
the per-family table and the ids most often missed or invented, each with an example letter.
Standard library only.
"""
import collections
import json
import os
import sys


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    corpus, extract = args
    want_json = "--json" in argv
    planted = {}
    by_acc = {}
    for line in open(os.path.join(corpus, "planted.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        planted[d["path"]] = d
        by_acc[d["accession"]] = d["path"]
    seen = set()
    tally = collections.defaultdict(lambda: [0, 0, 0, 0])  # family -> planted, found, extracted, same comment
    missed, invented = collections.Counter(), collections.Counter()
    example = {}
    errors = unmatched = 0
    for line in open(extract, encoding="utf-8"):
        d = json.loads(line)
        if d.get("error"):
            errors += 1
            continue
        src = os.path.normpath(d.get("source") or "")
        path = src if src in planted else by_acc.get(d.get("accession") or "")
        if path is None or path in seen:
            unmatched += 1
            continue
        seen.add(path)
        want = collections.defaultdict(list)   # id -> planted comment numbers still unmatched
        fam = {}
        for c in planted[path]["citations"]:
            want[c["id"]].append(c["comment"])
            fam[c["id"]] = c["family"]
            tally[c["family"]][0] += 1
        for c in d.get("citations", []):
            tally[c["family"]][2] += 1
            slots = want.get(c["id"])
            if slots:
                comment = c.get("comment")
                tally[fam[c["id"]]][1] += 1
                if comment in slots:
                    slots.remove(comment)
                    tally[fam[c["id"]]][3] += 1
                else:
                    slots.pop(0)
            else:
                invented[c["id"]] += 1
                example.setdefault(("+", c["id"]), (path, c.get("text")))
        for cid, slots in want.items():
            for _ in slots:
                missed[cid] += 1
                example.setdefault(("-", cid), (path, None))
    for path, d in planted.items():   # letters the extractor never printed
        if path not in seen:
            for c in d["citations"]:
                tally[c["family"]][0] += 1
                missed[c["id"]] += 1
                example.setdefault(("-", c["id"]), (path, None))
    tot = [sum(t[i] for t in tally.values()) for i in range(4)]

    def r(a, b):
        return a / b if b else 1.0
    summary = {"letters": len(planted), "letters_read": len(seen), "errors": errors, "unmatched": unmatched,
               "planted": tot[0], "found": tot[1], "extracted": tot[2], "recall": round(r(tot[1], tot[0]), 4),
               "precision": round(r(tot[1], tot[2]), 4), "comment_agreement": round(r(tot[3], tot[1]), 4),
               "families": {f: {"planted": t[0], "found": t[1], "extracted": t[2],
                                "recall": round(r(t[1], t[0]), 4)} for f, t in sorted(tally.items())}}
    if want_json:
        print(json.dumps(summary))
        return 0
    print("recall %.4f (%d/%d)  precision %.4f (%d/%d)  comment agreement %.4f  letters %d/%d read, %d errors"
          % (summary["recall"], tot[1], tot[0], summary["precision"], tot[1], tot[2], summary["comment_agreement"],
             len(seen), len(planted), errors))
    for f, t in sorted(tally.items()):
        print("  %-10s recall %.4f (%d/%d)  precision %.4f  extracted %d" % (f, r(t[1], t[0]), t[1], t[0],
                                                                          r(t[1], t[2]), t[2]))
    for sign, counter, word in (("-", missed, "missed"), ("+", invented, "not planted")):
        for cid, n in counter.most_common(10):
            path, text = example[(sign, cid)]
            print("  %s %5dx %-40s e.g. %s%s" % (word, n, cid, path, (" %r" % text) if text else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
