#include "indexer/segment/text_util.h"

namespace secxref::seg {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsWordByte(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || (static_cast<unsigned char>(c) >= 0x80);
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view TrimDecoration(std::string_view s) {
  auto deco = [](char c) { return IsSpace(c) || c == '*' || c == '_' || c == ':' || c == ','; };
  while (!s.empty() && deco(s.front())) s.remove_prefix(1);
  while (!s.empty() && deco(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithI(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (AsciiToLower(s[i]) != AsciiToLower(prefix[i])) return false;
  return true;
}

bool EndsWithI(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && StartsWithI(s.substr(s.size() - suffix.size()), suffix);
}

size_t FindI(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (hay.size() < needle.size()) return std::string_view::npos;
  const char first = AsciiToLower(needle[0]);
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (AsciiToLower(hay[i]) != first) continue;
    if (StartsWithI(hay.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

bool ContainsI(std::string_view hay, std::string_view needle) {
  return FindI(hay, needle) != std::string_view::npos;
}

bool AtWordStart(std::string_view s, size_t pos) { return pos == 0 || !IsWordByte(s[pos - 1]); }

size_t FindWordI(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t p = FindI(hay, needle, from); p != std::string_view::npos;
       p = FindI(hay, needle, p + 1)) {
    size_t e = p + needle.size();
    if (AtWordStart(hay, p) && (e == hay.size() || !IsWordByte(hay[e]))) return p;
  }
  return std::string_view::npos;
}

bool StartsCapitalised(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsAsciiUpper(c) || IsAsciiDigit(c)) return true;
    if (IsAsciiLower(c)) return false;
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Skip typographic quotes and bullets (E2 80 xx); other non-ASCII letters count.
      if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size()) {
        i += 2;
        continue;
      }
      return true;
    }
  }
  return false;
}

char LastSignificant(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(s[i - 1]);
    if (IsSpace(c) || c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
      --i;
      continue;
    }
    // Closing typographic quotes U+2019, U+201D (E2 80 99 / E2 80 9D).
    if (i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[i - 2]) == 0x80 && (c == 0x99 || c == 0x9D)) {
      i -= 3;
      continue;
    }
    return static_cast<char>(c);
  }
  return 0;
}

size_t CountAlpha(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsAsciiAlpha(c);
  return n;
}

size_t CountDigits(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsAsciiDigit(c);
  return n;
}

std::optional<int> ParseNumber(std::string_view s, size_t* pos, int max_digits) {
  size_t p = *pos;
  int value = 0, digits = 0;
  while (p < s.size() && IsAsciiDigit(s[p])) {
    if (++digits > max_digits) return std::nullopt;
    value = value * 10 + (s[p] - '0');
    ++p;
  }
  if (digits == 0) return std::nullopt;
  *pos = p;
  return value;
}

std::optional<int> ParseNumberWord(std::string_view s, size_t* pos) {
  static constexpr std::string_view kWords[] = {
      "one",     "two",     "three",     "four",     "five",     "six",      "seven",
      "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  std::string_view rest = s.substr(*pos);
  int best = 0;
  size_t best_len = 0;
  for (int i = 0; i < 20; ++i) {
    std::string_view w = kWords[i];
    if (StartsWithI(rest, w) && w.size() > best_len &&
        (rest.size() == w.size() || !IsWordByte(rest[w.size()]))) {
      best = i + 1;
      best_len = w.size();
    }
  }
  if (best == 0) return std::nullopt;
  *pos += best_len;
  return best;
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && IsSpace(s[*pos])) ++*pos;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace secxref::seg
