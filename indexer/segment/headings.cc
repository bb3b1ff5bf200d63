#include "indexer/segment/headings.h"

#include "indexer/segment/date_parse.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using namespace seg;

bool StartsWord(std::string_view s, std::string_view w) {
  return StartsWithI(s, w) && (s.size() == w.size() || !IsAsciiAlpha(s[w.size()]));
}

// "Item 7.", "Item 1A", "Items 7 and 8"
bool StartsNumbered(std::string_view s, std::string_view word) {
  if (!StartsWithI(s, word)) return false;
  size_t p = word.size();
  if (p < s.size() && (s[p] == 's' || s[p] == 'S')) ++p;
  if (p >= s.size() || s[p] != ' ') return false;
  ++p;
  return p < s.size() && (IsAsciiDigit(s[p]) || IsAsciiUpper(s[p]));
}

// The heading is `w` alone, or `w` followed by a page reference or a dash: "Business",
// "Business, page 4", "Risk Factors - General".
bool HeadIs(std::string_view s, std::string_view w) {
  if (!StartsWithI(s, w)) return false;
  std::string_view rest = s.substr(w.size());
  return rest.empty() || rest.front() == ',' || StartsWithI(rest, " page") ||
         StartsWithI(rest, " -") || StartsWithI(rest, " \xE2\x80") || StartsWithI(rest, " (") ||
         rest.front() == ':';
}

bool EqualsI(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithI(a, b);
}

// "... Page 7" (a running head), not "..., page 84" (a location in the filing).
bool EndsWithPageNumber(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && IsAsciiDigit(s[i - 1])) --i;
  if (i == s.size() || i < 5) return false;
  return s.substr(i - 5, 5) == "Page ";
}

}  // namespace

bool LooksLikeHeading(std::string_view line) {
  std::string_view s = TrimDecoration(line);
  if (s.size() < 3 || s.size() > 160) return false;
  if (CountAlpha(s) < 3) return false;
  if (!StartsCapitalised(s)) return false;
  char last = LastSignificant(s);
  if (last == '.' || last == ';' || last == ',' || last == '?' || last == '!') {
    // "Note 2. Summary of Significant Accounting Policies, page F-8." is rare; "Item 7."
    // alone is a heading too.
    if (!(last == '.' && (StartsNumbered(s, "item") || StartsNumbered(s, "note")) && s.size() < 12))
      return false;
  }
  if (last == ':' && s.size() > 60) return false;
  // Words in a heading: few. Sentences have many.
  int words = 1;
  for (char c : s) words += c == ' ';
  if (words > 22) return false;
  // Table rows and amounts: mostly digits.
  size_t digits = CountDigits(s);
  if (digits > 8 && digits * 2 > CountAlpha(s)) return false;
  if (s.find('$') != std::string_view::npos || s.find('%') != std::string_view::npos) return false;
  if (DateLine(s)) return false;
  for (std::string_view w : {"page ",
                             "dear ",
                             "sincerely",
                             "very truly",
                             "re:",
                             "cc:",
                             "/s/",
                             "we ",
                             "please ",
                             "you ",
                             "refer ",
                             "tell ",
                             "our ",
                             "if ",
                             "in addition",
                             "also,",
                             "for example",
                             "response",
                             "comment",
                             "thank",
                             "respectfully",
                             "by:",
                             "name:",
                             "title:",
                             "attn",
                             "via ",
                             "fax",
                             "tel",
                             "phone",
                             "www.",
                             "http",
                             "e-mail",
                             "email",
                             "mail stop",
                             "ladies",
                             "gentlemen",
                             "securities and exchange commission",
                             "washington, d",
                             "division of corporation finance",
                             "confidential",
                             "foia"}) {
    if (StartsWithI(s, w)) return false;
  }
  // "Page 2" running heads that survived the reader ("Page", "May 16, 2024 Page 7"), "- 2 -".
  if (EqualsI(s, "page") || EndsWithPageNumber(s)) return false;
  if (s.front() == '-' || s.front() == '(' || s.front() == '[') return false;
  return true;
}

int HeadingRank(std::string_view heading) {
  std::string_view s = TrimDecoration(heading);
  if (StartsWord(s, "form") || StartsWord(s, "forms") || StartsWithI(s, "amendment no") ||
      StartsWithI(s, "registration statement on") || StartsWithI(s, "amended registration") ||
      StartsWithI(s, "draft registration") || StartsWithI(s, "post-effective") ||
      StartsWithI(s, "preliminary proxy") || StartsWithI(s, "definitive proxy") ||
      StartsWithI(s, "schedule to") || StartsWithI(s, "schedule 13e") ||
      StartsWithI(s, "schedule 14") || StartsWithI(s, "offering statement") ||
      (StartsWord(s, "annual report") && ContainsI(s, "form")))
    return 0;
  if (StartsNumbered(s, "note")) return 2;
  if (StartsNumbered(s, "item") || StartsNumbered(s, "part") || StartsNumbered(s, "exhibit") ||
      StartsNumbered(s, "annex") || StartsNumbered(s, "appendix") || StartsWithI(s, "notes to") ||
      StartsWithI(s, "financial statements") ||
      StartsWithI(s, "consolidated financial statements") ||
      StartsWithI(s, "management's discussion") ||
      StartsWithI(s, "management\xE2\x80\x99s discussion") ||
      StartsWithI(s, "selected financial data") || StartsWithI(s, "unaudited pro forma") ||
      StartsWithI(s, "report of independent") || StartsWithI(s, "prospectus summary"))
    return 1;
  for (std::string_view w :
       {"general", "risk factors", "summary", "business", "cover page", "signatures", "exhibits",
        "legal proceedings", "the merger", "the offer", "executive compensation",
        "exhibits and financial "
        "statement schedules",
        "financial information"}) {
    if (HeadIs(s, w)) return 1;
  }
  return 3;
}

void HeadingOutline::ApplyBlock(const std::vector<std::string>& block) {
  if (block.empty()) return;
  size_t free_in_block = 0;  // the free sub-heads that open the block
  for (const std::string& h : block) {
    if (HeadingRank(h) != 3) break;
    ++free_in_block;
  }
  // Free sub-heads that start the block (before any ranked heading) replace the deepest
  // free open heads; a ranked heading cuts the outline itself.
  bool replaced = false;
  for (const std::string& h : block) {
    int rank = HeadingRank(h);
    if (rank < 3) {
      while (!ranks_.empty() && ranks_.back() >= rank) {
        ranks_.pop_back();
        open_.pop_back();
      }
      replaced = true;
    } else if (!replaced) {
      size_t free_open = 0;
      for (size_t i = ranks_.size(); i > 0 && ranks_[i - 1] == 3; --i) ++free_open;
      size_t drop = std::min(free_open, free_in_block);
      for (size_t i = 0; i < drop; ++i) {
        ranks_.pop_back();
        open_.pop_back();
      }
      replaced = true;
    }
    open_.push_back(h);
    ranks_.push_back(rank);
  }
}

}  // namespace secxref
