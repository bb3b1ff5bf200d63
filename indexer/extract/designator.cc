#include "indexer/extract/designator.h"

#include <algorithm>

namespace secxref {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperC(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerC(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsUpperC(c) || IsLowerC(c); }

// Splits on '-', dropping empty parts ("605-45--50-2" is a typo for 605-45-50-2).
std::vector<std::string_view> SplitHyphens(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t h = s.find('-', pos);
    std::string_view p = s.substr(pos, h == std::string_view::npos ? s.npos : h - pos);
    if (!p.empty()) parts.push_back(p);
    if (h == std::string_view::npos) break;
    pos = h + 1;
  }
  return parts;
}

// Reads subparagraph levels after a paragraph number: "d", ".d", "(d)", ".f.2", "(a)(1)", "a".
bool ParseSubs(std::string_view s, std::vector<std::string>* subs) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '(') {
      size_t close = s.find(')', i);
      if (close == std::string_view::npos || close == i + 1 || close - i > 6) return false;
      std::string_view v = s.substr(i + 1, close - i - 1);
      for (char x : v)
        if (!IsAlnum(x)) return false;
      subs->push_back(Lower(v));
      i = close + 1;
    } else if (c == '.') {
      size_t j = i + 1;
      while (j < s.size() && IsAlnum(s[j])) ++j;
      if (j == i + 1) return false;
      std::string_view v = s.substr(i + 1, j - i - 1);
      // ".f2" is not a level; allow a letter run or a digit run only.
      bool digits = AllDigits(v), letters = AllLower(v) || AllUpper(v);
      if (!digits && !letters) return false;
      subs->push_back(Lower(v));
      i = j;
    } else if (IsLowerC(c) || IsDigit(c)) {
      size_t j = i;
      if (IsLowerC(c)) {
        while (j < s.size() && IsLowerC(s[j])) ++j;
      } else {
        while (j < s.size() && IsDigit(s[j])) ++j;
      }
      subs->push_back(std::string(s.substr(i, j - i)));
      i = j;
    } else {
      return false;
    }
    if (subs->size() > 6) return false;
  }
  return true;
}

// Paragraph: digits + optional upper-case letters, then subparagraph levels.
bool ParseParagraph(std::string_view s, std::string* paragraph, std::vector<std::string>* subs) {
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0 || i > 4) return false;
  while (i < s.size() && IsUpperC(s[i])) ++i;
  if (i - 0 > 8) return false;
  *paragraph = std::string(s.substr(0, i));
  return ParseSubs(s.substr(i), subs);
}

bool ValidSegment(size_t index, std::string_view seg) {
  switch (index) {
    case 0: {
      if (seg.size() != 3 || !AllDigits(seg)) return false;
      int topic = (seg[0] - '0') * 100 + (seg[1] - '0') * 10 + (seg[2] - '0');
      return topic >= 105;
    }
    case 1:
      return (seg.size() == 2 || seg.size() == 3) && AllDigits(seg);
    case 2:
      return IsAscSectionNumber(seg);
    default:
      return false;
  }
}

// Normalizes a section number: "s99" -> "S99".
std::string SectionOf(std::string_view seg) {
  std::string s(seg);
  if (!s.empty() && s[0] == 's') s[0] = 'S';
  return s;
}

// Reads the segments of a (possibly partial) path written after a member separator.
// `first_index` is the hierarchy level of the first segment (0 topic .. 3 paragraph).
bool ParseSegmentsFrom(std::string_view s, size_t first_index, AscPath* out) {
  std::vector<std::string_view> parts = SplitHyphens(s);
  if (parts.empty() || first_index + parts.size() > 4) return false;
  for (size_t k = 0; k < parts.size(); ++k) {
    size_t level = first_index + k;
    bool last = k + 1 == parts.size();
    if (level == 3) {
      std::string para;
      if (!ParseParagraph(parts[k], &para, &out->subs)) return false;
      out->segments.push_back(para);
    } else {
      if (!last && !ValidSegment(level, parts[k])) return false;
      if (last && !ValidSegment(level, parts[k])) return false;
      out->segments.push_back(level == 2 ? SectionOf(parts[k]) : std::string(parts[k]));
    }
  }
  return true;
}

}  // namespace

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}
bool AllUpper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsUpperC(c)) return false;
  return true;
}
bool AllLower(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsLowerC(c)) return false;
  return true;
}
std::string Upper(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (IsLowerC(c)) c = static_cast<char>(c - 'a' + 'A');
  return o;
}
std::string Lower(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (IsUpperC(c)) c = static_cast<char>(c - 'A' + 'a');
  return o;
}

std::string AscPath::Id() const {
  std::string id = "ASC ";
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) id += '-';
    id += segments[i];
  }
  for (const std::string& s : subs) id += "(" + s + ")";
  return id;
}

bool IsAscSectionNumber(std::string_view section) {
  std::string_view n = section;
  if (!n.empty() && (n[0] == 'S' || n[0] == 's')) n.remove_prefix(1);
  if (n.size() != 2 || !AllDigits(n)) return false;
  static constexpr std::string_view kSections[] = {"00", "05", "10", "15", "20", "25", "30", "32",
                                                   "35", "40", "45", "50", "55", "60", "65", "70",
                                                   "75", "99"};
  for (std::string_view k : kSections)
    if (n == k) return true;
  return false;
}

std::optional<AscPath> ParseAscPath(std::string_view s) {
  // "310-10-35-13-a": a subparagraph written after a hyphen.
  std::string joined;
  size_t last = s.rfind('-');
  if (last != std::string_view::npos && last + 1 < s.size() && AllLower(s.substr(last + 1)) &&
      std::count(s.begin(), s.end(), '-') == 4) {
    joined = std::string(s.substr(0, last)) + "(" + std::string(s.substr(last + 1)) + ")";
    s = joined;
  }
  AscPath path;
  if (!ParseSegmentsFrom(s, 0, &path)) return std::nullopt;
  if (!path.subs.empty() && path.segments.size() < 4) return std::nullopt;
  return path;
}

std::optional<AscPath> ResolveAscMember(std::string_view s, const AscPath& previous) {
  if (s.empty()) return std::nullopt;
  // A complete path stands on its own.
  if (auto full = ParseAscPath(s)) {
    size_t depth = full->segments.size();
    if (depth >= 3 || (depth == 2 && previous.segments.size() <= 2) ||
        (depth == 1 && previous.segments.size() == 1))
      return full;
  }
  if (s.front() == '(') {
    // "(g)" after "2(bbb)", "(2)" after "1(a)(1)": replaces the level of its kind.
    if (previous.segments.size() != 4) return std::nullopt;
    std::vector<std::string> subs;
    if (!ParseSubs(s, &subs) || subs.empty()) return std::nullopt;
    size_t level = 0;
    if (AllDigits(subs[0])) level = 1;
    else if (previous.subs.size() >= 2 && IsLowerRoman(subs[0])) level = 2;
    if (level > previous.subs.size()) return std::nullopt;
    AscPath out = previous;
    out.subs.assign(previous.subs.begin(), previous.subs.begin() + level);
    out.subs.insert(out.subs.end(), subs.begin(), subs.end());
    return out;
  }
  if (s.front() == '-') s.remove_prefix(1);
  std::vector<std::string_view> parts = SplitHyphens(s);
  if (parts.empty() || parts.size() > previous.segments.size()) return std::nullopt;
  AscPath out;
  size_t keep = previous.segments.size() - parts.size();
  out.segments.assign(previous.segments.begin(), previous.segments.begin() + keep);
  if (!ParseSegmentsFrom(s, keep, &out)) return std::nullopt;
  if (!out.subs.empty() && out.segments.size() < 4) return std::nullopt;
  return out;
}

std::optional<AscPath> AppendAscMember(std::string_view s, const AscPath& target) {
  while (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (auto full = ParseAscPath(s); full && full->segments.size() >= 3) return full;
  // Subparagraph only: "d", "(d)", ".d", "bb" under a paragraph.
  bool subs_only = s.front() == '(' || s.front() == '.' || AllLower(s);
  if (subs_only) {
    if (target.segments.size() != 4) return std::nullopt;
    std::vector<std::string> subs;
    if (!ParseSubs(s.front() == '(' || s.front() == '.' ? s : "(" + std::string(s) + ")", &subs) ||
        subs.empty())
      return std::nullopt;
    AscPath out = target;
    out.subs.insert(out.subs.end(), subs.begin(), subs.end());
    return out;
  }
  AscPath out;
  out.segments = target.segments;
  if (!target.subs.empty()) return std::nullopt;
  if (!ParseSegmentsFrom(s, target.segments.size(), &out)) return std::nullopt;
  if (!out.subs.empty() && out.segments.size() < 4) return std::nullopt;
  return out;
}

bool SplitPinpoint(std::string_view tail, std::vector<std::string>* levels) {
  size_t i = 0;
  bool after_paren = false;
  while (i < tail.size()) {
    char c = tail[i];
    if (c == '(') {
      size_t close = tail.find(')', i);
      if (close == std::string_view::npos || close == i + 1 || close - i > 7) return false;
      std::string_view v = tail.substr(i + 1, close - i - 1);
      for (char x : v)
        if (!IsAlnum(x)) return false;
      levels->emplace_back(v);
      i = close + 1;
      after_paren = true;
    } else if (after_paren && IsAlnum(c)) {
      // "(a)1": a digit (or letter run) written after a level gets its own parentheses.
      size_t j = i;
      if (IsDigit(c)) {
        while (j < tail.size() && IsDigit(tail[j])) ++j;
      } else {
        while (j < tail.size() && (IsLowerC(tail[j]) || IsUpperC(tail[j]))) ++j;
      }
      levels->emplace_back(tail.substr(i, j - i));
      i = j;
    } else {
      return false;
    }
    if (levels->size() > 8) return false;
  }
  return true;
}

std::string FormatPinpoint(const std::vector<std::string>& levels) {
  std::string out;
  for (size_t k = 0; k < levels.size(); ++k) {
    std::string v = levels[k];
    if (!AllDigits(v)) {
      if (k == 0) v = Lower(v);                                  // "303(A)" -> "303(a)"
      else if (k == 2 && IsRoman(Upper(v))) v = Lower(v);         // "(I)" -> "(i)"
      else if (k == 3 && v.size() == 1) v = Upper(v);             // "(a)" -> "(A)"
    }
    out += "(" + v + ")";
  }
  return out;
}

bool SplitNumbered(std::string_view s, std::string* base, std::string* pinpoint) {
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0) return false;
  while (i < s.size() && IsUpperC(s[i])) ++i;
  *base = std::string(s.substr(0, i));
  std::vector<std::string> levels;
  if (!SplitPinpoint(s.substr(i), &levels)) return false;
  *pinpoint = FormatPinpoint(levels);
  return true;
}

bool IsRoman(std::string_view s) {
  if (s.empty() || s.size() > 7) return false;
  // Tens, then units: (X{0,3})(IX|IV|V?I{0,3}).
  size_t i = 0;
  int tens = 0;
  while (i < s.size() && s[i] == 'X' && tens < 3) ++i, ++tens;
  std::string_view u = s.substr(i);
  static constexpr std::string_view kUnits[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  for (std::string_view k : kUnits)
    if (u == k) return !s.empty();
  return false;
}

bool IsLowerRoman(std::string_view s) { return AllLower(s) && IsRoman(Upper(s)); }

bool ParseOutline(std::string_view s, std::string* outline) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '.') {
      ++i;
      continue;
    }
    if (c == '(') {
      size_t close = s.find(')', i);
      if (close == std::string_view::npos || close == i + 1) return false;
      parts.emplace_back(s.substr(i + 1, close - i - 1));
      i = close + 1;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsAlnum(s[j]) && !(j > i && IsDigit(s[j]) != IsDigit(s[i]))) ++j;
    if (j == i) return false;
    parts.emplace_back(s.substr(i, j - i));
    i = j;
  }
  if (parts.empty() || !IsRoman(parts[0])) return false;
  for (size_t k = 1; k < parts.size(); ++k) {
    const std::string& p = parts[k];
    if (!(AllDigits(p) || AllUpper(p) || AllLower(p)) || p.size() > 3) return false;
  }
  outline->clear();
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) *outline += '.';
    *outline += parts[k];
  }
  return true;
}

}  // namespace secxref
