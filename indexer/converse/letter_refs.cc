#include "indexer/converse/letter_refs.h"

#include <algorithm>
#include <array>

#include "indexer/segment/date_parse.h"
#include "indexer/segment/text_util.h"

namespace secxref::converse {
namespace {

using seg::AsciiToLower;
using seg::FindI;
using seg::IsAsciiAlpha;
using seg::IsAsciiUpper;

struct Word {
  std::string lower;  // letters, digits, apostrophes and hyphens only, lower-cased
  size_t start = 0;
};

bool WordByte(char c) {
  return IsAsciiAlpha(c) || seg::IsAsciiDigit(c) || c == '\'' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;  // curly apostrophes and the like
}

// Up to `n` words of s[from, to), nearest last (reading backwards) or first.
std::vector<Word> WordsBefore(std::string_view s, size_t from, size_t to, size_t n) {
  std::vector<Word> out;
  size_t i = to;
  while (i > from && out.size() < n) {
    while (i > from && !WordByte(s[i - 1])) {
      // A sentence or line of the Re: block ends here: what comes before is not this phrase.
      if (s[i - 1] == '\n' && i - 1 > from && s[i - 2] == '\n') return out;
      if (s[i - 1] == ';' || s[i - 1] == ':') return out;
      --i;
    }
    size_t end = i;
    while (i > from && WordByte(s[i - 1])) --i;
    if (end == i) break;
    Word w;
    w.start = i;
    for (size_t k = i; k < end; ++k) w.lower += AsciiToLower(s[k]);
    out.push_back(std::move(w));
    // "Inc." and "No." end no sentence; a period after a longer lower-case word does.
    if (i > from + 1 && s[i - 1] == ' ' && s[i - 2] == '.') {
      size_t j = i - 2;
      size_t len = 0;
      while (j > from && IsAsciiAlpha(s[j - 1])) --j, ++len;
      if (len > 3 && !IsAsciiUpper(s[j])) return out;
    }
  }
  return out;
}

std::vector<Word> WordsAfter(std::string_view s, size_t from, size_t to, size_t n) {
  std::vector<Word> out;
  size_t i = from;
  while (i < to && out.size() < n) {
    while (i < to && !WordByte(s[i])) {
      // The phrase ends with its sentence, or with its line of the Re: block.
      if (s[i] == '.' || s[i] == ';' || s[i] == '(' || s[i] == ':' || s[i] == '\n') return out;
      ++i;
    }
    size_t start = i;
    Word w;
    w.start = start;
    while (i < to && WordByte(s[i])) w.lower += AsciiToLower(s[i++]);
    if (w.lower.empty()) break;
    out.push_back(std::move(w));
  }
  return out;
}

bool OneOf(const std::string& w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsLetterNoun(const std::string& w) {
  return OneOf(w, {"letter", "letters", "correspondence", "e-mail", "email", "submission"});
}
bool IsResponseNoun(const std::string& w) {
  return OneOf(w, {"response", "responses", "reply", "replies"});
}
bool IsStaffWord(const std::string& w) {
  return w.rfind("staff", 0) == 0 || w.rfind("commission", 0) == 0 || w == "sec" ||
         w.rfind("sec'", 0) == 0 || w.rfind("division", 0) == 0 || w == "comment" ||
         w == "comments";
}
bool IsCompanyWord(const std::string& w) {
  return w.rfind("company", 0) == 0 || w.rfind("registrant", 0) == 0;
}

// Whose letter "your"/"our" means depends on who writes.
RefRole Possessed(const std::string& who, LetterKind kind) {
  if (who == "your") return kind == LetterKind::kStaff ? RefRole::kResponse : RefRole::kStaff;
  if (who == "our") return kind == LetterKind::kStaff ? RefRole::kStaff : RefRole::kResponse;
  if (IsStaffWord(who)) return RefRole::kStaff;
  if (IsCompanyWord(who)) return RefRole::kResponse;
  return RefRole::kAny;
}

// The role of a letter noun at words[i] (reading backwards): "Response Letter" and "response"
// are the company's; "Comment Letter" and "the Staff's letter" the staff's; "your"/"our" by
// who writes.
RefRole RoleOfNoun(const std::vector<Word>& before, size_t i, LetterKind kind) {
  const std::string& noun = before[i].lower;
  if (IsResponseNoun(noun)) return RefRole::kResponse;
  if (noun == "comments" || noun == "comment")
    return RefRole::kStaff;  // "the written comments of the staff
  for (size_t k = i + 1; k < before.size() && k <= i + 3; ++k) {
    const std::string& w = before[k].lower;
    if (IsResponseNoun(w) && k == i + 1) return RefRole::kResponse;  // "response letter dated"
    if (w == "comment" || w == "comments") return RefRole::kStaff;   // "comment letter dated"
    RefRole r = Possessed(w, kind);
    if (r != RefRole::kAny) return r;
    if (w == "to" || w == "in" || w == "by" || w == "from") break;
  }
  return RefRole::kAny;
}

// Words between a letter noun and a date that make the date a filing's or a period's
// ("Form 8-K dated January 25, 2017", "filed with the Commission on ..."), not a letter's.
bool DescribesFilingOrPeriod(const std::string& w) {
  if (OneOf(w, {"ended",    "ending",     "filed",     "through",   "as",        "since",
                "until",    "amended",    "effective", "before",    "after",     "year",
                "quarter",  "period",     "between",   "furnished", "submitted", "dated",
                "form",     "forms",      "report",    "statement", "filing",    "filings",
                "schedule", "amendment",  "agreement", "exhibit",   "release",   "notes",
                "plan",     "transcript", "call",      "press"}))
    return true;
  // A form type: "8-k", "10-q".
  return w.find('-') != std::string::npos && w.find_first_of("0123456789") != std::string::npos;
}

}  // namespace

const char* RefRoleName(RefRole role) {
  switch (role) {
    case RefRole::kStaff:
      return "staff";
    case RefRole::kResponse:
      return "response";
    case RefRole::kAny:
      break;
  }
  return "any";
}

std::vector<LetterRef> FindLetterRefs(std::string_view text, Span region, LetterKind kind,
                                      std::string_view letter_date) {
  std::vector<LetterRef> out;
  const size_t end = std::min<size_t>(region.end, text.size());
  std::string_view s = text.substr(0, end);
  size_t pos = std::min<size_t>(region.start, end);
  while (pos < end) {
    std::optional<DateMatch> d = FindDate(s, pos, true);
    if (!d || d->start >= end) break;
    pos = std::max(d->end, d->start + 1);
    std::string iso = d->iso;
    if (!d->has_year) {
      if (letter_date.size() < 10) continue;
      iso = CompleteYear(*d, letter_date);
    }
    // The words of the same sentence before the date: "the comment letter of the staff (the
    // "Staff") of the Securities and Exchange Commission (the "Commission") dated ...".
    const size_t window = d->start > region.start + 300 ? d->start - 300 : region.start;
    std::vector<Word> before = WordsBefore(s, window, d->start, 30);
    std::vector<Word> after = WordsAfter(s, d->end, std::min(end, d->end + 60), 3);
    std::optional<RefRole> role;
    // "your April 2, 2019 response", "our May 10, 2016 letter", "the Staff's March 4 letter".
    if (!before.empty() && !after.empty() && !DescribesFilingOrPeriod(before[0].lower)) {
      const std::string& next =
          after[0].lower == "comment" && after.size() > 1 ? after[1].lower : after[0].lower;
      if (IsLetterNoun(next) || IsResponseNoun(next)) {
        RefRole r = IsResponseNoun(next)          ? RefRole::kResponse
                    : after[0].lower == "comment" ? RefRole::kStaff
                                                  : Possessed(before[0].lower, kind);
        if (IsLetterNoun(next) && r == RefRole::kAny) {
          // "the March 4 letter": whose, from the words before the date.
          for (size_t k = 1; k < before.size() && k <= 2 && r == RefRole::kAny; ++k)
            r = Possessed(before[k].lower, kind);
        }
        role = r;
      }
    }
    // "in your letter dated March 4, 2019", "Response dated May 24, 2016", "by letter of".
    if (!role && !before.empty()) {
      size_t i = 0;
      const std::string& w0 = before[0].lower;
      if (w0 == "dated" || w0 == "of" || w0 == "on") {
        i = 1;
        // "Amendment No. 2 filed on", "with the Commission on": not a letter.
      } else {
        continue;  // a date with no letter noun before or after it
      }
      // The nearest letter noun of the sentence, unless a filing's words come first.
      for (; i < before.size(); ++i) {
        const std::string& w = before[i].lower;
        if (IsLetterNoun(w) || IsResponseNoun(w) || w == "comments" || w == "comment") {
          role = RoleOfNoun(before, i, kind);
          break;
        }
        if (DescribesFilingOrPeriod(w)) break;
      }
    }
    if (!role) continue;
    if (iso == letter_date && *role == RefRole::kAny) continue;  // its own date, restated
    out.push_back({iso, *role});
  }
  return out;
}

namespace {

// The region's text with every run of white space as one space, lower-cased: phrases broken
// over PDF lines still match.
std::string Flattened(std::string_view text, Span region) {
  std::string out;
  const size_t end = std::min<size_t>(region.end, text.size());
  bool space = false;
  for (size_t i = std::min<size_t>(region.start, end); i < end; ++i) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += AsciiToLower(c);
  }
  return out;
}

bool ContainsAny(const std::string& hay, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles)
    if (hay.find(n) != std::string::npos) return true;
  return false;
}

}  // namespace

bool SaysReviewComplete(std::string_view text, Span region) {
  std::string flat = Flattened(text, region);
  return ContainsAny(flat, {"completed our review", "completed its review", "no further comments",
                            "not have any further comments", "no additional comments",
                            "not have any additional comments", "not have further comments",
                            "will not review", "not reviewed and will not"});
}

bool SaysFollowUp(std::string_view text, Span region) {
  std::string flat = Flattened(text, region);
  // Not "your response" or "response to our comments": every first letter says "please tell
  // us why in your response" and "After reviewing your response to our comments, we may have
  // additional comments".
  return ContainsAny(
      flat, {"reviewed your response", "reviewed your letter", "reviewed your correspondence",
             "reviewed your amended", "reviewed your amendment", "response to our prior",
             "response to our letter", "response to our comment letter", "response dated",
             "responses dated", "prior comment", "previous comment", "we note your response",
             "amendment no"});
}

bool SaysCompanyInitiated(std::string_view text, Span region) {
  std::string flat = Flattened(text, region);
  return ContainsAny(flat, {"rule 461", "and 461", "request acceleration", "requests acceleration",
                            "acceleration of the effective", "acceleration of effectiveness",
                            "be declared effective", "exxon capital", "shearman & sterling"});
}

namespace {

// The office's name after "Office of ": capitalised words joined by "and", "&" or ",", over a
// line break only after such a joiner ("Office of Real Estate and\nConstruction").
std::string OfficeNameAt(std::string_view text, size_t at) {
  std::string name;
  size_t i = at;
  bool joiner = false;  // the last word taken was a joiner ("and", "&") or ended with ','
  bool any = false;
  while (i < text.size()) {
    size_t j = i;
    bool newline = false;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t')) {
      newline |= text[j] == '\n';
      ++j;
    }
    if (j >= text.size()) break;
    if (newline && !joiner) break;
    size_t k = j;
    while (k < text.size() && text[k] != ' ' && text[k] != '\n' && text[k] != '\t') ++k;
    std::string_view word = text.substr(j, k - j);
    bool comma = !word.empty() && word.back() == ',';
    std::string_view bare = comma ? word.substr(0, word.size() - 1) : word;
    if (bare == "and" || bare == "&") {
      if (!any) break;
      name += name.empty() ? "" : " ";
      name += bare;
      joiner = true;
    } else if (!bare.empty() && IsAsciiUpper(bare[0]) &&
               std::all_of(bare.begin(), bare.end(),
                           [](char c) { return IsAsciiAlpha(c) || c == '-'; })) {
      name += name.empty() ? "" : " ";
      name += bare;
      if (comma) name += ',';
      joiner = comma;
      any = true;
    } else {
      break;
    }
    i = k;
  }
  // Trailing joiners and commas are not part of the name.
  while (true) {
    while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
    if (name.size() >= 4 && name.compare(name.size() - 4, 4, " and") == 0) {
      name.resize(name.size() - 4);
    } else if (name.size() >= 2 && name.compare(name.size() - 2, 2, " &") == 0) {
      name.resize(name.size() - 2);
    } else {
      break;
    }
  }
  return name;
}

bool IsDivisionOffice(const std::string& name) {
  // Offices of other parts of the government that answers mention.
  static constexpr std::array<std::string_view, 5> kOther = {"Foreign", "Freedom", "Inspector",
                                                             "General", "Chief"};
  if (name.empty()) return false;
  for (std::string_view o : kOther)
    if (name.compare(0, o.size(), o) == 0) return false;
  return true;
}

}  // namespace

std::string ReviewingOffice(std::string_view text, LetterKind kind) {
  constexpr std::string_view kOffice = "Office of ";
  size_t limit = text.size();
  if (kind != LetterKind::kStaff) {
    // Only the head, where the response addresses the staff.
    size_t re = std::string_view::npos;
    for (std::string_view marker : {"\nRe:", "\nRE:", "\nRe :", "\nRE :"}) {
      size_t p = text.find(marker);
      if (p != std::string_view::npos) re = std::min(re, p);
    }
    limit = re != std::string_view::npos ? re : std::min<size_t>(text.size(), 1500);
  }
  std::string found;
  for (size_t p = text.find(kOffice); p != std::string_view::npos && p < limit;
       p = text.find(kOffice, p + 1)) {
    std::string name = OfficeNameAt(text, p + kOffice.size());
    if (!IsDivisionOffice(name)) continue;
    found = "Office of " + name;
    if (kind != LetterKind::kStaff) break;  // the addressee comes first
  }
  return found;
}

}  // namespace secxref::converse
