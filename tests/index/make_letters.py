#!/usr/bin/env python3
"""Writes an EDGAR-shaped tree of synthetic staff comment letters (plain text) for the
end-to-end index tests, the kill test and the benchmarks.

    make_letters.py OUT_DIR COUNT [SEED [FIRST]]

Each letter is edgar/data/<CIK>/<ACCESSION 18 digits>/filename1.txt with a letterhead, a date,
a Re: block (company, reviewed form, file number), numbered comments under headings, and
citations drawn from a fixed list (ASC, S-K, S-X, SAB, releases). Letters are numbered from
FIRST (default 0): trees made with different FIRST never share an accession. The wording is ours,
modelled on the usual shape of staff letters; deterministic for a given SEED.
"""
import os
import random
import sys

CITES = [
    "ASC 606-10-25-1", "ASC 606-10-50-5", "ASC 810-10-50-2AA", "ASC 805-30-25-2",
    "ASC 842-10-15-3", "ASC 350-20-35-1", "ASC 280-10-50-1", "ASC 820-10-50-2(bb)",
    "ASC 450-20-50-4", "ASC 718-10-30-2", "Item 303(b) of Regulation S-K",
    "Item 10(e) of Regulation S-K", "Rule 3-05 of Regulation S-X", "Rule 5-02 of Regulation S-X",
    "SAB Topic 5.Y", "SEC Release No. 33-8350", "Rule 12b-20 under the Exchange Act",
    "Item 5.D of Form 20-F", "ASU 2016-02", "IAS 36",
]
HEADINGS = [
    "Management's Discussion and Analysis", "Results of Operations, page 34",
    "Liquidity and Capital Resources, page 41", "Critical Accounting Estimates",
    "Notes to Consolidated Financial Statements", "Note 2. Revenue Recognition, page F-12",
    "Note 7. Goodwill and Intangible Assets, page F-22", "Segment Information",
    "Non-GAAP Financial Measures", "Leases",
]
ASKS = [
    "Please tell us how you considered", "Please expand your disclosure to address",
    "Tell us the basis for your conclusion under", "Revise future filings to comply with",
    "Explain to us how your accounting policy is consistent with",
    "Please quantify each factor and refer to",
]
WORDS = ("revenue contract customer performance obligation impairment goodwill segment lease "
         "liability cash flow operating margin backlog inventory reserve allowance estimate "
         "judgment fair value measurement disclosure period quarter fiscal material trend "
         "uncertainty acquisition consideration discount rate reporting unit").split()
COMPANIES = ["Northwind Traders", "Contoso Holdings", "Fabrikam Industries", "Tailspin Toys",
             "Adventure Works", "Litware Systems", "Proseware Energy", "Wingtip Logistics",
             "Coho Vineyard", "Lucerne Publishing", "Margie's Travel", "Alpine Ski House"]
FORMS = ["Form 10-K for the Fiscal Year Ended December 31, {y}",
         "Form 20-F for the Fiscal Year Ended December 31, {y}",
         "Form 10-Q for the Quarterly Period Ended June 30, {y}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def letter(rng, i):
    company = rng.choice(COMPANIES) + (" Inc." if i % 2 else " Corp.")
    year = 2012 + i % 10
    month = rng.randrange(12)
    day = rng.randrange(1, 28)
    lines = ["UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "WASHINGTON, D.C. 20549", "",
             "DIVISION OF", "CORPORATION FINANCE", "",
             f"{MONTHS[month]} {day}, {year + 1}", "",
             "Ms. Jordan Avery", "Chief Financial Officer", company, f"{100 + i} Harbor Street",
             "Springfield, IL 62701", "",
             f"Re: {company}", FORMS[i % len(FORMS)].format(y=year),
             f"Filed {MONTHS[(month + 2) % 12]} {day}, {year + 1}",
             f"File No. 001-{30000 + i:05d}", "",
             "Dear Ms. Avery:", "",
             "We have reviewed your filing and have the following comments. In some of our "
             "comments, we may ask you to provide us with information so we may better "
             "understand your disclosure.", ""]
    number = 1
    for _ in range(rng.randint(2, 5)):
        lines += [rng.choice(HEADINGS), ""]
        for _ in range(rng.randint(1, 3)):
            cites = rng.sample(CITES, rng.randint(0, 3))
            body = f"{number}. {sentence(rng, rng.randint(8, 20))} {rng.choice(ASKS)} "
            body += " and ".join(cites) + "." if cites else "the related guidance."
            body += " " + " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(1, 4)))
            lines += [body, ""]
            number += 1
    lines += ["We remind you that the company and its management are responsible for the "
              "accuracy and adequacy of their disclosures, notwithstanding any review, comments, "
              "action or absence of action by the staff.", "",
              "You may contact the staff accountant at (202) 551-3000 with any questions.", "",
              "Sincerely,", "", "/s/ Staff Reviewer", "", "Division of Corporation Finance",
              "Office of Manufacturing", ""]
    return "\n".join(lines)


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    for i in range(first, first + count):
        cik = 1000000 + (i * 7919) % 900000
        year = 12 + i % 10
        accession = f"0000000000{year:02d}{i:06d}"
        d = os.path.join(out, "edgar", "data", str(cik), accession)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "filename1.txt"), "w", encoding="utf-8") as f:
            f.write(letter(rng, i))


if __name__ == "__main__":
    main()
