#include "indexer/converse/summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "indexer/base/utf8.h"
#include "indexer/converse/letter_refs.h"
#include "indexer/extract/citation_id.h"
#include "indexer/segment/prior_refs.h"

namespace secxref::converse {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The citation's index term values: every level of its id, and of the other release numbers
// it files under ("Release Nos. 33-8350; 34-48960"), as the document builder writes XC terms.
std::vector<std::string> LevelValues(const Citation& c) {
  std::vector<std::string> ids{c.id};
  constexpr std::string_view kRelease = "Release ";
  if (c.family == Family::kRelease &&
      std::string_view(c.id).substr(0, kRelease.size()) == kRelease) {
    size_t number_end = c.id.find(' ', kRelease.size());
    std::string rest = number_end == std::string::npos ? "" : c.id.substr(number_end);
    for (const std::string& a : c.aliases) ids.push_back(std::string(kRelease) + a + rest);
  }
  std::vector<std::string> values;
  for (const std::string& id : ids)
    for (const std::string& level : CitationLevels(c.family, id))
      values.push_back(CitationTermValue(level));
  return values;
}

// The first year (19xx/20xx) written as a number of its own at or after `from`.
std::string YearAfter(std::string_view s, size_t from) {
  for (size_t i = from; i + 4 <= s.size(); ++i) {
    if (i > 0 && IsAlnum(s[i - 1])) continue;
    if (i + 4 < s.size() && IsAlnum(s[i + 4])) continue;
    std::string_view y = s.substr(i, 4);
    if (std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        (y.substr(0, 2) == "19" || y.substr(0, 2) == "20"))
      return std::string(y);
  }
  return "";
}

// A form type as the Re: block writes it: "10-K", "20-F", "S-4", "8-K", "10-K/A", "14A".
bool LooksLikeForm(std::string_view t) {
  if (t.empty() || t.size() > 8) return false;
  bool digit = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '/')) {
      return false;
    }
  }
  return digit && t.find_first_not_of("0123456789") != std::string_view::npos;
}

}  // namespace

std::string NormaliseCompany(std::string_view name) {
  static const std::set<std::string> kLegal = {
      "inc",     "incorporated", "corp", "corporation", "co",      "company", "ltd",
      "limited", "llc",          "lp",   "llp",         "plc",     "sa",      "ag",
      "nv",      "se",           "the",  "holdings",    "holding", "group"};
  std::string lower = AsciiLower(name);  // non-ASCII letters are kept as they are
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(std::move(w));
    w.clear();
  };
  for (char c : lower) {
    if (IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      w += c;
    } else if (c == '.' || c == '\'') {
      // "S.A." -> "sa", "McDonald's" -> "mcdonalds"
    } else {
      flush();
    }
  }
  flush();
  std::string out;
  for (const std::string& word : words) {
    if (kLegal.count(word)) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  if (out.empty()) {  // a name made only of legal words: keep them
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string NormaliseFileNumber(std::string_view number) {
  std::string n;
  for (char c : number)
    if (c != ' ') n += c;
  size_t dash = n.find('-');
  if (dash == std::string::npos || dash == 0) return n;
  size_t nz = n.find_first_not_of('0');
  if (nz >= dash) nz = dash - 1;  // "000-22190" -> "0-22190"
  return n.substr(nz);
}

std::string RegistrantKey(const Letter& letter, std::string_view key) {
  std::optional<std::string> cik = letter.cik ? letter.cik : letter.document.submission.cik;
  if (cik && !cik->empty()) {
    size_t nz = cik->find_first_not_of('0');
    return "cik:" + (nz == std::string::npos ? std::string("0") : cik->substr(nz));
  }
  std::optional<std::string> company =
      letter.company ? letter.company : letter.document.submission.company;
  if (company) {
    std::string n = NormaliseCompany(*company);
    if (!n.empty()) return "co:" + n;
  }
  if (!letter.file_numbers.empty())
    return "file:" + NormaliseFileNumber(letter.file_numbers.front());
  return "key:" + std::string(key);
}

std::vector<std::string> FilingKeys(const std::vector<std::string>& reviewed,
                                    const std::vector<std::string>& file_numbers) {
  std::set<std::string> keys;
  for (const std::string& f : file_numbers) keys.insert("file:" + NormaliseFileNumber(f));
  for (const std::string& r : reviewed) {
    std::string lower = AsciiLower(r);
    size_t at = lower.find("ended");
    if (at == std::string::npos) at = lower.find("year");
    std::string year = at == std::string::npos ? "" : YearAfter(r, at);
    size_t i = 0;
    while (i < r.size()) {
      while (i < r.size() &&
             (r[i] == ' ' || r[i] == ',' || r[i] == '(' || r[i] == ')' || r[i] == ';'))
        ++i;
      size_t j = i;
      while (j < r.size() && r[j] != ' ' && r[j] != ',' && r[j] != '(' && r[j] != ')' &&
             r[j] != ';')
        ++j;
      std::string_view t(r.data() + i, j - i);
      if (LooksLikeForm(t)) {
        std::string form = AsciiLower(t);
        keys.insert("form:" + form);
        if (!year.empty()) keys.insert("form:" + form + "/" + year);
      }
      i = j;
    }
  }
  return {keys.begin(), keys.end()};
}

LetterSummary Summarize(const CitedLetter& cited, std::string_view key, std::string_view subject) {
  const Letter& letter = cited.letter;
  const Document& doc = letter.document;
  const std::string& text = doc.text;
  LetterSummary s;
  s.key = std::string(key);
  s.accession = letter.accession ? *letter.accession : doc.submission.accession.value_or("");
  s.kind = letter.kind;
  s.date = letter.date ? *letter.date : doc.submission.filed_date.value_or("");
  s.registrant = RegistrantKey(letter, key);
  s.company = letter.company ? *letter.company : doc.submission.company.value_or("");
  s.cik = letter.cik ? *letter.cik : doc.submission.cik.value_or("");
  s.subject = std::string(subject);
  if (!letter.reviewed.empty()) s.reviewed = letter.reviewed.front();
  s.filings = FilingKeys(letter.reviewed, letter.file_numbers);

  // The letter's head: everything before the first numbered comment (all of it without).
  Span head{0, static_cast<uint32_t>(text.size())};
  for (const Comment& c : letter.comments) head.end = std::min(head.end, c.start);
  s.refs = FindLetterRefs(text, head, letter.kind, s.date);
  s.prior_default_date = DefaultPriorLetterDate(text, letter.body).value_or("");

  // Comments with the builder's tags ("3", then "3.2" for a second comment 3).
  std::map<int, int> seen;
  for (const Comment& c : letter.comments) {
    CommentSummary cs;
    cs.number = c.number;
    int k = ++seen[c.number];
    cs.tag = std::to_string(c.number) + (k > 1 ? "." + std::to_string(k) : "");
    cs.restates = letter.kind == LetterKind::kResponse && c.response_start > c.start;
    std::set<std::string> restated, answered;
    for (const CitedCitation& cc : cited.citations) {
      const Citation& ct = cc.citation;
      if (ct.id.empty() || ct.start < c.start || ct.start >= c.end) continue;
      ++cs.citations;
      std::vector<std::string> levels = LevelValues(ct);
      if (cs.restates && ct.start < c.response_start) {
        ++cs.restated_citations;
        restated.insert(levels.begin(), levels.end());
      } else {
        answered.insert(levels.begin(), levels.end());
      }
    }
    for (const std::string& v : restated)
      if (!answered.count(v)) cs.restated_only.push_back(v);
    s.comments.push_back(std::move(cs));
  }
  for (const CitedCitation& cc : cited.citations) {
    if (cc.citation.id.empty()) continue;
    bool inside =
        std::any_of(letter.comments.begin(), letter.comments.end(), [&](const Comment& c) {
          return cc.citation.start >= c.start && cc.citation.start < c.end;
        });
    if (!inside) ++s.outside_citations;
  }
  for (const PriorRef& r : letter.prior_refs) {
    PriorRefSummary p;
    p.refers_to = r.refers_to;
    p.comments = r.comments;
    p.letter_date = r.letter_date.value_or("");
    for (size_t i = 0; i < letter.comments.size(); ++i) {
      const Comment& c = letter.comments[i];
      if (r.start < c.start || r.start >= c.end) continue;
      p.tag = s.comments[i].tag;
      p.in_restatement = s.comments[i].restates && r.start < c.response_start;
      break;
    }
    s.prior_refs.push_back(std::move(p));
  }
  const Span whole{0, static_cast<uint32_t>(text.size())};
  s.closes = letter.kind == LetterKind::kStaff && letter.comments.empty() &&
             SaysReviewComplete(text, whole);
  s.follow_up = letter.kind == LetterKind::kStaff &&
                (!s.prior_refs.empty() || SaysFollowUp(text, head) ||
                 std::any_of(s.refs.begin(), s.refs.end(),
                             [](const LetterRef& r) { return r.role == RefRole::kResponse; }));
  s.initiated = letter.kind == LetterKind::kResponse &&
                std::none_of(s.refs.begin(), s.refs.end(),
                             [](const LetterRef& r) { return r.role == RefRole::kStaff; }) &&
                SaysCompanyInitiated(text, whole);
  s.office = ReviewingOffice(text, letter.kind);
  return s;
}

}  // namespace secxref::converse
