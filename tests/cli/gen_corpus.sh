#!/usr/bin/env bash
# scripts/gen-corpus end to end: byte-for-byte determinism (whatever --jobs), a smaller corpus is
# a prefix of a larger one, another seed gives another corpus, the format ratios are obeyed,
# every PDF opens with pdftotext and shows the text that was planted (citations included, even
# where broken across a line end or a page header), HTML/text letters carry the EDGAR wrapper,
# and every planted id is well formed per ../shared/spec/citation-ids.md.
set -euo pipefail
src=${SECXREF_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
gen="$src/scripts/gen-corpus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

python3 "$gen" --out "$tmp/a" --count 50 --seed 7 --jobs 1 --quiet
python3 "$gen" --out "$tmp/b" --count 50 --seed 7 --jobs 2 --quiet
sums "$tmp/a" > "$tmp/a.sums"
sums "$tmp/b" > "$tmp/b.sums"
cmp -s "$tmp/a.sums" "$tmp/b.sums" || { diff "$tmp/a.sums" "$tmp/b.sums" | head; fail "same seed, different output"; }
[[ $(grep -c 'filename1\.' "$tmp/a.sums") == 50 ]] || fail "expected 50 letter files"

python3 "$gen" --out "$tmp/c" --count 50 --seed 8 --jobs 2 --quiet
! cmp -s "$tmp/a/planted.jsonl" "$tmp/c/planted.jsonl" || fail "another seed gave the same corpus"

# A corpus of 30 letters is the first 30 letters of the corpus of 50, byte for byte.
python3 "$gen" --out "$tmp/p" --count 30 --seed 7 --jobs 2 --quiet
cmp -s <(head -30 "$tmp/a/index.jsonl") "$tmp/p/index.jsonl" || fail "index of 30 is not a prefix of 50"
cmp -s <(head -30 "$tmp/a/planted.jsonl") "$tmp/p/planted.jsonl" || fail "planted of 30 is not a prefix of 50"
(cd "$tmp/p" && find edgar -type f | sort) | while read -r f; do
  cmp -s "$tmp/a/$f" "$tmp/p/$f" || fail "$f differs between the corpora of 30 and 50"
done

# Refuses to overwrite without --force; --force replaces.
if python3 "$gen" --out "$tmp/a" --count 5 --quiet 2>/dev/null; then fail "overwrote a corpus without --force"; fi
python3 "$gen" --out "$tmp/t" --count 40 --seed 7 --text-ratio 1 --pdf-ratio 0 --html-ratio 0 --quiet
[[ $(find "$tmp/t/edgar" -type f | wc -l) == 40 && $(find "$tmp/t/edgar" -name '*.txt' | wc -l) == 40 ]] \
  || fail "--text-ratio 1 must give only .txt letters"
# The same seed writes the same letters whatever the format: same planted citations.
cmp -s <(python3 -c 'import json,sys
for l in open(sys.argv[1]): print(json.dumps(json.loads(l)["citations"]))' "$tmp/t/planted.jsonl") \
       <(head -40 "$tmp/a/planted.jsonl" | python3 -c 'import json,sys
for l in sys.stdin: print(json.dumps(json.loads(l)["citations"]))') || fail "format changed the letters' content"

have_pdftotext=0
command -v pdftotext >/dev/null && have_pdftotext=1
[[ $have_pdftotext == 1 ]] || echo "gen_corpus.sh: pdftotext not installed, PDF checks skipped"

python3 - "$tmp/a" "$have_pdftotext" <<'EOF'
import html, json, os, re, subprocess, sys
root, have_pdf = sys.argv[1], sys.argv[2] == "1"
ID = {
    "asc": r"ASC \d{3}(-\d{2,3}(-(\d{2}|S\d{2})(-\d+[A-Z]*(\([a-z]+\)(\(\d+\)(\([ivx]+\))?)?)?)?)?)?",
    "asu": r"ASU \d{4}-\d{2}",
    "legacy": r"(FAS|FIN) \d+(\(R\))?|EITF (\d{2}-\d{1,2}|D-\d+)|APB \d+|ARB \d+|SOP \d{2}-\d+|"
              r"FSP (FAS|EITF) \d+-\d+(-\d+)?|FTB \d{2}-\d+|DIG [A-Z]\d+",
    "release": r"Release (33|34)-\d+[A-Z]?( Section [IVX]+(\.[A-Z](\.\d+(\.[a-z])?)?)?)?",
    "form": r"(Form [0-9A-Z]+(-[0-9A-Z]+)?|Schedule [0-9A-Z]+)( Part [IVX]+)? "
            r"(Item \d+[A-Z]?(\.[A-Z0-9]+)*(\([a-z]\))?|General Instruction [A-Z](\.[A-Z])?(\.\d+)?)",
    "sk": r"Regulation S-K|S-K Item \d+(\([a-z]+\)(\(\d+\)(\([ivx]+\)(\([A-Z]\))?)?)?)?",
    "sx": r"Regulation S-X|S-X Rule \d+A?-\d{2}(\.\d+|(\([a-z]+\)(\(\d+\)(\([ivx]+\))?)?)?)|S-X Article \d+A?",
    "regulation": r"Regulation (G|FD|M-A)( (Rule|Item) \d+(\([a-z]\)(\(\d+\))?)?)?|S-T Rule \d+(\([a-z]\))?|17 CFR \d+\.\d+",
    "rule": r"(Exchange Act|Securities Act) Rule \d+([a-z]+-\d+)?[A-Z]?(\([a-z]\)(\(\d+\)(\([ivx]+\))?)?)?",
    "statute": r"(Exchange Act|Securities Act|SOX|IRC) Section \d+[A-Z]?(\([a-z0-9]+\))*",
    "sab": r"SAB (\d+|Topic \d+(\.[A-Z]+(\.\d+)?)?)",
    "cdi": r"C&DI ((Non-GAAP|Regulation S-K|Securities Act Rules|Securities Act Forms|Securities Act Sections|"
           r"Exchange Act Rules|Exchange Act Forms) )?\d{3}[A-Z]?\.\d{2}",
    "guidance": r"FRM (\d{4,5}(\.\d+)?|Topic \d+)|SLB \d+[A-Z]?( Section [IVX]+(\.[A-Z](\.\d+(\.[a-z])?)?)?)?|"
                r"CF Disclosure Guidance Topic \d+[A-Z]?",
    "ifrs": r"(IFRS|IAS|IFRIC|SIC) \d+(\.\d+[A-Z]?)?",
    "audit": r"AS \d{4}|AU \d{3}|AU-C \d{3}",
}
RX = {k: re.compile("(?:%s)\\Z" % v) for k, v in ID.items()}
HOW = {"explicit", "list", "range", "range-fill", "inherited"}
NOT_CITATIONS = re.compile(r"^(File Nos?\.|\(?202\)? ?551|page F?-?\d|\$)", re.I)
DATE = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December) "
                  r"\d{1,2}, \d{4}$")
SEC = {"Securities and Exchange Commission", "Division of Corporation Finance"}
errors = []
index = [json.loads(l) for l in open(os.path.join(root, "index.jsonl"))]
planted = [json.loads(l) for l in open(os.path.join(root, "planted.jsonl"))]
if len(index) != 50 or len(planted) != 50:
    errors.append("index/planted must have 50 lines")
forms = {d["form"] for d in index}
fmts = {d["format"] for d in planted}
if forms != {"UPLOAD", "CORRESP"} or not {"pdf", "htm"} <= fmts:
    errors.append("expected staff and response letters, PDF and HTML: %s %s" % (forms, fmts))
accs = [d["accession"] for d in index]
if len(set(accs)) != len(accs):
    errors.append("duplicate accession numbers")
for d in index:
    a = d["accession"]
    if not re.fullmatch(r"\d{10}-\d{2}-\d{6}", a) or d["path"] != "edgar/data/%s/%s/%s" % (
            d["cik"], a.replace("-", ""), os.path.basename(d["path"])):
        errors.append("bad index line %s" % d)
    if (d["form"] == "UPLOAD") != a.startswith("0000000000-"):
        errors.append("staff uploads use the 0000000000 filer prefix: %s" % a)
ncit = 0


def strip_headers(t, company):
    """Drops the page-2+ running header blocks (up to three lines above "Page N")."""
    out = []
    for line in (l.strip() for l in t.replace("\f", "\n").split("\n")):
        if re.fullmatch(r"Page \d+", line) or line.startswith(("FirstName", "Comapany")):
            k = 0
            while out and k < 3 and (DATE.match(out[-1]) or out[-1] in SEC or out[-1] == company or
                                     (out[-1] and not out[-1].endswith((".", ":", ",", ";")) and len(out[-1].split()) <= 5)):
                out.pop()
                k += 1
            continue
        out.append(line)
    return "\n".join(out)


def norm(t):
    t = t.replace("\u00a0", " ").replace("\u2011", "-")
    t = re.sub(r"-[ \t]*\n\s*", "-", t)       # a citation broken after a hyphen at a line end
    return re.sub(r"\s+", " ", t)


for d, ix in zip(planted, index):
    p = os.path.join(root, d["path"])
    raw = open(p, "rb").read()
    text = None
    if d["format"] == "pdf":
        if not raw.startswith(b"%PDF-1.4") or b"startxref" not in raw[-64:]:
            errors.append("%s: not a PDF 1.4 file" % p)
        if have_pdf:
            r = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True)
            if r.returncode or r.stderr:
                errors.append("%s: pdftotext: %s" % (p, r.stderr.decode()[:200]))
                continue
            text = r.stdout.decode("utf-8")
            pages = text.count("\f")
            if d["kind"] == "staff" and pages > 1 and "Page 2" not in text:
                errors.append("%s: multi-page staff letter without the page-2 header" % p)
    elif d["format"] == "htm":
        s = raw.decode("ascii")
        want = "<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>1\n<FILENAME>filename1.htm\n<TEXT>\n" % (
            "CORRESP" if d["kind"] == "response" else "LETTER")
        if not s.startswith(want) or not s.endswith("</TEXT>\n</DOCUMENT>\n"):
            errors.append("%s: missing the EDGAR <DOCUMENT> wrapper" % p)
        s = re.sub(r"(?i)</?(font|b|i|u|span)\b[^>]*>", "", s)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", s))
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        if d["kind"] == "response" and not text.startswith("<DOCUMENT>\n<TYPE>CORRESP\n"):
            errors.append("%s: response text without the EDGAR wrapper" % p)
    if text is not None:
        text = norm(strip_headers(text, ix["company"]))
    for c in d["citations"]:
        ncit += 1
        if c["family"] not in RX or not RX[c["family"]].match(c["id"]):
            errors.append("%s: malformed id %r (%s)" % (p, c["id"], c["family"]))
        if c["how"] not in HOW or c["role"] not in ("staff", "response") or not (
                c["comment"] is None or isinstance(c["comment"], int)):
            errors.append("%s: malformed entry %s" % (p, c))
        if NOT_CITATIONS.match(c["text"]):
            errors.append("%s: noise planted as a citation: %r" % (p, c["text"]))
        if text is not None and norm(c["text"]) not in text:
            errors.append("%s: planted %r is not in the letter's text" % (p, c["text"]))
if ncit < 100:
    errors.append("only %d citations planted in 50 letters" % ncit)
for e in errors[:30]:
    print("FAIL:", e)
sys.exit(1 if errors else 0)
EOF
echo "gen_corpus.sh: ok"
