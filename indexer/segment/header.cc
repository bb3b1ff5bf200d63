#include "indexer/segment/header.h"

#include <algorithm>

#include "indexer/segment/date_parse.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using namespace seg;

// How far into the letter a head can reach (letterheads, FOIA legends, addressee blocks).
constexpr int kMaxHeadLines = 90;

// "Re:", "RE:", "Re :", "Subject:" at the start of a line; returns the length to skip.
size_t ReLabel(std::string_view line) {
  std::string_view t = line;
  size_t skip = 0;
  while (skip < t.size() && (t[skip] == '*' || t[skip] == '_' || t[skip] == ' ')) ++skip;
  std::string_view r = t.substr(skip);
  for (std::string_view label : {"re:", "re :", "re.:", "subject:", "re -", "re-"}) {
    if (StartsWithI(r, label)) return skip + label.size();
  }
  // "Re" alone on a line, or "Re<TAB>Company" (columns collapsed to a space).
  if (r == "Re" || r == "RE") return skip + 2;
  return 0;
}

bool IsFiledLine(std::string_view s) {
  s = TrimDecoration(s);
  for (std::string_view w : {"filed", "submitted", "furnished", "originally filed",
                             "confidentially submitted", "dated", "amended"}) {
    if (StartsWithI(s, w) && (s.size() == w.size() || s[w.size()] == ' ' || s[w.size()] == ':'))
      return true;
  }
  return false;
}

bool IsFileNumberLine(std::string_view s) {
  s = TrimDecoration(s);
  while (!s.empty() && s.front() == '(') s.remove_prefix(1);
  for (std::string_view w : {"file no", "file nos", "file number", "sec file", "commission file",
                             "registration no", "cik no", "cik"}) {
    if (StartsWithI(s, w)) return true;
  }
  return false;
}

// The start of a phrase naming a filing under review, or npos.
size_t FilingPhrase(std::string_view s) {
  static constexpr std::string_view kStarts[] = {"amendment no",
                                                 "amendment number",
                                                 "amended",
                                                 "post-effective",
                                                 "pre-effective",
                                                 "registration statement",
                                                 "draft registration",
                                                 "preliminary",
                                                 "definitive",
                                                 "revised preliminary",
                                                 "offering statement",
                                                 "annual report",
                                                 "quarterly report",
                                                 "current report",
                                                 "proxy statement",
                                                 "information statement",
                                                 "schedule",
                                                 "forms ",
                                                 "form ",
                                                 "response dated",
                                                 "supplemental response",
                                                 "tender offer",
                                                 "prospectus",
                                                 "registration",
                                                 "correspondence",
                                                 "letter dated"};
  size_t best = std::string_view::npos;
  for (std::string_view w : kStarts) {
    size_t p = FindWordI(s, Trim(w));
    if (p < best) best = p;
  }
  return best;
}

bool StartsFiling(std::string_view s) {
  s = TrimDecoration(s);
  size_t p = FilingPhrase(s);
  if (p == 0) return true;
  // "10-K for the fiscal year..." / "Forms 10-K and 10-Q"
  return !s.empty() && IsAsciiDigit(s[0]) && s.find('-') != std::string_view::npos &&
         s.find('-') < 4;
}

// A line that continues the previous filing line: "for the Fiscal Year Ended" / "December 31,
// 2015" / "and Form 10-Q ..." after a line that ends mid-phrase.
bool ContinuesFiling(std::string_view prev, std::string_view line) {
  line = TrimDecoration(line);
  if (line.empty()) return false;
  if (IsAsciiLower(line[0])) return true;
  if (FindDate(line) && FindDate(line)->start == 0) return true;
  for (std::string_view w : {"for the", "for fiscal", "for year", "ended", "and ", "filed on"})
    if (StartsWithI(line, w) && !StartsWithI(line, "filed")) return true;
  std::string_view p = Trim(prev);
  for (std::string_view w : {" for", " the", " ended", " and", " of", " on", ",", " to", " No."})
    if (EndsWithI(p, w)) return true;
  return false;
}

// "Form 10-K for the Fiscal Year Ended" waits for its date on the next line.
bool EndsMidPhrase(std::string_view prev) {
  std::string_view p = Trim(prev);
  for (std::string_view w :
       {" for", " the", " ended", " ending", " and", " of", " on", ",", " to", " dated", " filed"})
    if (EndsWithI(p, w)) return true;
  return false;
}

std::string CleanPiece(std::string_view s) {
  std::string out = CollapseSpaces(s);
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == '*' ||
                          out.back() == '_' || out.back() == ' '))
    out.pop_back();
  size_t b = 0;
  while (b < out.size() && (out[b] == '*' || out[b] == '_' || out[b] == ' ')) ++b;
  return out.substr(b);
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

// Removes possessive endings: "Inc.’s" -> "Inc.", "Holdings, Inc.'s" -> "Holdings, Inc.".
std::string StripPossessives(std::string s) {
  for (std::string_view pos : {"\xE2\x80\x99s", "'s"}) {
    size_t p;
    while ((p = s.find(pos)) != std::string::npos) {
      size_t e = p + pos.size();
      if (e < s.size() && IsAsciiAlpha(s[e])) break;
      s.erase(p, pos.size());
    }
  }
  return s;
}

// A Re: line written as a sentence ("Request for Acceleration of Effectiveness of X, Inc.'s
// Registration Statement on Form S-4 (File No. 333-1) filed on May 8, 2025"): the filing is
// the phrase up to the form name, the company the possessive before it.
void ParseSentence(std::string_view s, ReBlock* re) {
  size_t f = FilingPhrase(s);
  if (f == std::string_view::npos) return;
  std::string_view filing = s.substr(f);
  size_t cut = filing.find('(');
  if (cut == std::string_view::npos) cut = FindWordI(filing, "filed");
  if (cut != std::string_view::npos) filing = filing.substr(0, cut);
  AddUnique(&re->reviewed, CleanPiece(filing));
  size_t file_no = FindI(s, "file no");
  if (file_no != std::string_view::npos)
    for (std::string& n : FileNumbersIn(s.substr(file_no))) AddUnique(&re->file_numbers, n);
  std::string_view before = Trim(s.substr(0, f));
  std::string b(before);
  if (!(EndsWithI(b, "'s") || EndsWithI(b, "\xE2\x80\x99s"))) return;
  // The company starts after the last " of " / " for " that precedes its first capital.
  size_t start = 0;
  for (std::string_view w : {" of ", " for ", " by "}) {
    size_t p = 0, last = std::string::npos;
    while ((p = FindI(b, w, p)) != std::string::npos) {
      size_t q = p + w.size();
      if (q < b.size() && IsAsciiUpper(b[q]) && p < b.find('\'') && p < b.find("\xE2\x80\x99"))
        last = q;
      p = q;
    }
    if (last != std::string::npos) start = std::max(start, last);
  }
  std::string company = CleanPiece(StripPossessives(b.substr(start)));
  if (!company.empty() && !re->company) re->company = company;
}

bool IsDeliveryLine(std::string_view s) {
  s = TrimDecoration(s);
  for (std::string_view w :
       {"via ", "by e-mail", "by email", "by edgar", "by facsimile", "by fax", "by hand",
        "by overnight", "by federal express", "delivered via", "sent via", "electronic mail",
        "edgar", "confidential", "mail stop", "correspondence", "by courier"}) {
    if (StartsWithI(s, w)) return true;
  }
  return false;
}

bool LooksLikePersonName(std::string_view s) {
  s = TrimDecoration(s);
  for (std::string_view w : {"mr.", "ms.", "mrs.", "dr.", "mr ", "ms ", "miss "})
    if (StartsWithI(s, w)) return true;
  // "Brian Miller", "Richard A. Cheap": 2-5 capitalised words, no digits, no company words.
  if (s.size() > 40 || CountDigits(s) > 0) return false;
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    if (!(IsAsciiUpper(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) return false;
    ++words;
    while (i < s.size() && s[i] != ' ') ++i;
  }
  for (std::string_view w :
       {"inc",    "corp",       "llc",        "ltd",        "plc",      "company",
        "group",  "street",     "securities", "commission", "division", "office",
        "chief",  "director",   "president",  "officer",    "counsel",  "finance",
        "united", "washington", "bank",       "holdings",   "trust",    "l.p"})
    if (FindWordI(s, w) != std::string_view::npos) return false;
  return words >= 2 && words <= 5;
}

}  // namespace

bool IsSalutation(std::string_view line) {
  std::string_view s = TrimDecoration(line);
  if (StartsWithI(s, "dear ")) {
    size_t colon = s.find_first_of(":,");
    return s.size() <= 70 || (colon != std::string_view::npos && colon < 70);
  }
  for (std::string_view w :
       {"ladies and gentlemen", "ladies & gentlemen", "gentlemen", "to whom it may concern",
        "dear sir", "sirs", "madam", "ladies/gentlemen", "mesdames", "dear staff"}) {
    if (StartsWithI(s, w) && s.size() <= w.size() + 30) return true;
  }
  return false;
}

std::vector<std::string> FileNumbersIn(std::string_view line) {
  std::vector<std::string> out;
  size_t i = 0;
  // Skip the label so a CIK number is not read as a file number.
  while (i < line.size()) {
    if (!IsAsciiDigit(line[i]) || !AtWordStart(line, i)) {
      ++i;
      continue;
    }
    size_t p = i;
    auto a = ParseNumber(line, &p, 4);
    if (a && p < line.size() && (line[p] == '-' || static_cast<unsigned char>(line[p]) == 0xE2)) {
      size_t q = p + (line[p] == '-' ? 1 : 3);  // '-' or an en dash (E2 80 93)
      size_t ds = q;
      auto b = ParseNumber(line, &q, 8);
      if (b && q - ds >= 2 && (q >= line.size() || !IsAsciiDigit(line[q]))) {
        AddUnique(&out,
                  std::string(line.substr(i, p - i)) + "-" + std::string(line.substr(ds, q - ds)));
        i = q;
        continue;
      }
    }
    i = p > i ? p : i + 1;
  }
  return out;
}

ReBlock ParseReBlock(const std::vector<std::string_view>& block_lines) {
  ReBlock re;
  std::vector<std::string> companies;
  std::vector<std::string> filings;
  bool in_filings = false;
  bool after_file_no = false;
  std::string_view prev;
  for (std::string_view raw : block_lines) {
    std::string_view line = TrimDecoration(raw);
    if (line.empty()) continue;
    if (IsFileNumberLine(line)) {
      std::string_view l = line;
      size_t cik = FindWordI(l, "cik");
      if (cik != std::string_view::npos) {
        size_t p = cik + 3;
        while (p < l.size() && !IsAsciiDigit(l[p])) ++p;
        size_t q = p;
        if (auto n = ParseNumber(l, &q, 10)) re.cik = std::to_string(*n);
        l = l.substr(0, cik);
      }
      for (std::string& n : FileNumbersIn(l)) AddUnique(&re.file_numbers, n);
      after_file_no = true;
      in_filings = true;
      prev = line;
      continue;
    }
    if (IsFiledLine(line)) {
      in_filings = true;
      prev = line;
      continue;
    }
    bool starts = StartsFiling(line);
    if (!in_filings && !starts) {
      // A company line, or a sentence naming the filing.
      if (line.size() > 90 || (FilingPhrase(line) != std::string_view::npos &&
                               FindI(line, "form ") != std::string_view::npos)) {
        ParseSentence(line, &re);
        in_filings = true;
      } else if (!companies.empty() &&
                 (IsAsciiLower(line[0]) || EndsWithI(prev, " and") || EndsWithI(prev, " of") ||
                  EndsWithI(prev, "&") || EndsWithI(prev, ","))) {
        companies.back() += " " + CleanPiece(line);
      } else {
        companies.push_back(CleanPiece(line));
      }
      prev = line;
      continue;
    }
    if (starts) {
      if (after_file_no && !filings.empty() && !StartsWithI(line, "form") &&
          !StartsWithI(line, "amendment") && !StartsWithI(line, "registration") &&
          !StartsWithI(line, "schedule")) {
        prev = line;
        continue;  // "Request for Acceleration" and the like after the file number
      }
      filings.push_back(CleanPiece(line));
      in_filings = true;
    } else if (!filings.empty() && ContinuesFiling(prev, line) && !after_file_no) {
      filings.back() += " " + CleanPiece(line);
    }
    prev = line;
  }
  for (std::string& f : filings) {
    // A trailing "(File No. ...)" belongs to the file numbers, not to the filing's name.
    size_t paren = FindI(f, "(file no");
    if (paren != std::string::npos) {
      for (std::string& n : FileNumbersIn(std::string_view(f).substr(paren)))
        AddUnique(&re.file_numbers, n);
      f = CleanPiece(std::string_view(f).substr(0, paren));
    }
    // "Response dated ..." names a letter, not a filing under review.
    if (StartsWithI(f, "response dated") || StartsWithI(f, "letter dated") ||
        StartsWithI(f, "supplemental response") || StartsWithI(f, "correspondence"))
      continue;
    AddUnique(&re.reviewed, f);
  }
  if (!re.company && !companies.empty()) {
    std::string c = companies[0];
    for (size_t i = 1; i < companies.size(); ++i) c += " and " + companies[i];
    re.company = c;
  }
  return re;
}

Header ReadHeader(const std::vector<TextLine>& lines) {
  Header h;
  const int n = static_cast<int>(lines.size());
  const int limit = std::min(n, kMaxHeadLines);
  for (int i = 0; i < limit; ++i) {
    if (IsSalutation(lines[i].text)) {
      h.salutation_line = i;
      break;
    }
  }
  const int head_end = h.salutation_line >= 0 ? h.salutation_line : limit;
  for (int i = 0; i < head_end; ++i) {
    if (ReLabel(lines[i].text) > 0) {
      h.re_first = i;
      break;
    }
  }
  if (h.re_first >= 0) {
    // The block runs to the salutation, or ends at a blank gap followed by prose.
    int last = h.re_first;
    for (int i = h.re_first + 1; i < head_end && i < h.re_first + 14; ++i) {
      std::string_view t = lines[i].text;
      // Prose ends the block, unless the block is that one sentence ("Request for
      // Acceleration of ... Registration Statement on Form S-4 (File No. 333-1)").
      const bool empty_so_far =
          last == h.re_first &&
          Trim(lines[h.re_first].text.substr(ReLabel(lines[h.re_first].text))).empty();
      if (t.size() > 160 && LastSignificant(t) == '.' && !empty_so_far) break;
      // A date on its own line ends the block, unless it finishes a filing's line
      // ("Form 10-K for the Fiscal Year Ended" / "December 31, 2017").
      if (DateLine(t) && i > h.re_first + 1 && !IsFiledLine(t) && !EndsMidPhrase(lines[i - 1].text))
        break;
      last = i;
    }
    h.re_last = last;
    std::vector<std::string_view> block;
    block.push_back(lines[h.re_first].text.substr(ReLabel(lines[h.re_first].text)));
    for (int i = h.re_first + 1; i <= last; ++i) block.push_back(lines[i].text);
    h.re = ParseReBlock(block);
  }
  // The letter's own date: the first date line above the Re: block (or the salutation);
  // failing that, the first date line in the head outside the Re: block.
  const int date_limit = h.re_first >= 0 ? h.re_first : head_end;
  for (int pass = 0; pass < 2 && !h.date; ++pass) {
    int from = 0, to = pass == 0 ? date_limit : std::max(head_end, limit);
    for (int i = from; i < to; ++i) {
      if (i >= h.re_first && i <= h.re_last && h.re_first >= 0) continue;
      if (pass == 1 && i == h.salutation_line) continue;
      if (auto d = DateLine(lines[i].text)) {
        h.date = d;
        h.date_line = i;
        break;
      }
    }
  }
  // Text without line structure (a page as one line): the first date in the head that is
  // not part of a description.
  if (!h.date) {
    for (int i = 0; i < std::max(head_end, std::min(n, 3)) && i < n && !h.date; ++i) {
      if (i >= h.re_first && i <= h.re_last && h.re_first >= 0) continue;
      std::string_view t = lines[i].text;
      size_t cut = t.size();
      for (std::string_view w : {"Re:", "RE:", "Dear ", "Ladies and Gentlemen"}) {
        size_t p = t.find(w);
        if (p != std::string_view::npos) cut = std::min(cut, p);
      }
      std::string iso;
      if (FirstLetterDate(t.substr(0, cut), &iso) != std::string_view::npos) {
        h.date = iso;
        h.date_line = i;
      }
    }
  }
  // Addressee: the first person-like line after the date (skipping delivery notes), or an
  // "Attn:"/"Attention:" line.
  const int addr_from = h.date_line >= 0 ? h.date_line + 1 : 0;
  const int addr_to = h.re_first >= 0 ? h.re_first : head_end;
  for (int i = addr_from; i < addr_to && !h.addressee; ++i) {
    std::string_view t = TrimDecoration(lines[i].text);
    for (std::string_view w : {"attn:", "attention:", "attn.:", "attn"}) {
      if (StartsWithI(t, w)) {
        std::string_view name = TrimDecoration(t.substr(w.size()));
        size_t comma = name.find(',');
        if (comma != std::string_view::npos) name = name.substr(0, comma);
        if (!name.empty()) h.addressee = std::string(name);
        break;
      }
    }
  }
  for (int i = addr_from; i < addr_to && !h.addressee; ++i) {
    std::string_view t = TrimDecoration(lines[i].text);
    if (IsDeliveryLine(t)) continue;
    if (LooksLikePersonName(t)) {
      std::string name(t);
      size_t comma = name.find(',');
      if (comma != std::string::npos && comma > 3) name = name.substr(0, comma);
      h.addressee = name;
      h.addressee_first = i;
    }
    if (h.addressee) break;
  }
  if (h.date_line >= 0) {
    h.addressee_first = h.date_line + 1;
    h.addressee_last = addr_to - 1;
  } else {
    h.addressee_first = 0;
    h.addressee_last = addr_to - 1;
  }
  // The body starts after the salutation; without one, after the Re: block.
  if (h.salutation_line >= 0) {
    const TextLine& s = lines[h.salutation_line];
    std::string_view t = s.text;
    size_t colon = t.find_first_of(":,");
    if (colon != std::string_view::npos && colon + 1 < t.size() &&
        Trim(t.substr(colon + 1)).size() > 0 && StartsWithI(TrimDecoration(t), "dear")) {
      size_t p = colon + 1;
      while (p < t.size() && t[p] == ' ') ++p;
      h.body_start = s.start + static_cast<uint32_t>(p);
    } else {
      h.body_start = s.end;
    }
  } else if (h.re_last >= 0) {
    h.body_start = lines[h.re_last].end;
  } else if (h.date_line >= 0) {
    h.body_start = lines[h.date_line].end;
  }
  return h;
}

}  // namespace secxref
