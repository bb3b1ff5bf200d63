#include "indexer/extract/citation_id.h"

#include <algorithm>

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

// Families whose ids have no deeper levels (citation-ids.md: ASU, legacy, C&DI, auditing).
bool IsFlat(Family f) {
  return f == Family::kAsu || f == Family::kLegacy || f == Family::kCdi || f == Family::kAudit;
}

// Keywords that introduce a level inside an id: "Release 33-8350 Section III",
// "Form 10-Q Part II Item 1A", "Regulation G Rule 100", "SAB Topic 13 Question 2".
constexpr std::string_view kLevelWords[] = {" Section ", " Question ", " Item ", " Rule ",
                                            " Part ", " General Instruction ", " Instruction ",
                                            " Note ", " Article "};

// Position of the last " <LevelWord> " whose value has no further space, or npos.
size_t LastLevelWord(std::string_view id) {
  size_t best = std::string_view::npos;
  for (std::string_view w : kLevelWords) {
    size_t p = id.rfind(w);
    if (p == std::string_view::npos || p == 0) continue;
    std::string_view value = id.substr(p + w.size());
    if (value.empty() || value.find(' ') != std::string_view::npos) continue;
    if (best == std::string_view::npos || p > best) best = p;
  }
  // "... General Instruction B" is one level word, not "General" + " Instruction B".
  constexpr std::string_view kGeneral = " General";
  if (best != std::string_view::npos && best >= kGeneral.size() &&
      id.substr(best - kGeneral.size(), kGeneral.size()) == kGeneral &&
      id.substr(best, 13) == " Instruction ")
    best -= kGeneral.size();
  return best;
}

}  // namespace

std::string ParentCitation(Family family, std::string_view id) {
  if (id.empty()) return "";
  // A C&DI sub-question files under its question: "C&DI Non-GAAP 102.10(a)" -> "... 102.10".
  if (family == Family::kCdi) {
    size_t open = id.rfind('(');
    if (!id.empty() && id.back() == ')' && open != std::string_view::npos && open > 0 && id[open - 1] != ' ')
      return std::string(id.substr(0, open));
    return "";
  }
  if (IsFlat(family)) return "";
  // A trailing "(x)" pinpoint level.
  if (id.back() == ')') {
    size_t open = id.rfind('(');
    if (open != std::string_view::npos && open > 0 && id[open - 1] != ' ')
      return std::string(id.substr(0, open));
  }
  // The value after the last space: a dotted outline ("III.B.3", "5.D", "13.A.1", "1140.2",
  // "5-02.8", "36.130") drops its last dotted part.
  size_t space = id.rfind(' ');
  std::string_view last = space == std::string_view::npos ? id : id.substr(space + 1);
  size_t dot = last.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && dot + 1 < last.size()) {
    // C&DI questions ("100.01") are flat (handled above); "17 CFR 200.83" -> "17 CFR 200".
    return std::string(id.substr(0, id.size() - (last.size() - dot)));
  }
  if (family == Family::kAsc) {
    // "ASC 810-10-50-5A" -> "ASC 810-10-50" -> "ASC 810-10" -> "ASC 810".
    size_t hyphen = last.rfind('-');
    if (hyphen != std::string_view::npos)
      return std::string(id.substr(0, id.size() - (last.size() - hyphen)));
    return "";
  }
  size_t level = LastLevelWord(id);
  if (level != std::string_view::npos) {
    std::string_view head = id.substr(0, level);
    // "S-K Item 303" -> "Regulation S-K"; "S-T Rule 405" -> "Regulation S-T".
    if (head.size() == 3 && head[1] == '-' && head[0] == 'S') return "Regulation " + std::string(head);
    // Rules and statute sections are the roots of their families: "Exchange Act" and
    // "SOX" alone are not citations.
    if (family == Family::kRule || family == Family::kStatute) return "";
    if (head == "SAB" || head == "FRM" || head == "CF Disclosure Guidance") return "";
    return std::string(head);
  }
  return "";
}

std::vector<std::string> CitationLevels(Family family, std::string_view id) {
  std::vector<std::string> levels;
  std::string current(id);
  // Bounded: ids have at most a dozen levels. (A parent may be longer than its child:
  // "Regulation S-K" is the parent of "S-K Item 303".)
  for (int step = 0; step < 16 && !current.empty(); ++step) {
    levels.push_back(current);
    std::string parent = ParentCitation(family, current);
    if (parent == current || std::find(levels.begin(), levels.end(), parent) != levels.end()) break;
    current = std::move(parent);
  }
  std::reverse(levels.begin(), levels.end());
  return levels;
}

std::string CitationTermValue(std::string_view id) { return AsciiLower(id); }

}  // namespace secxref
