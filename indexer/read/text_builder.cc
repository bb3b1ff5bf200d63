#include "indexer/read/text_builder.h"

#include <cstddef>

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

bool IsAsciiAlnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

// Letters outside ASCII: Latin-1 supplement and extended Latin, Greek, Cyrillic. Enough to
// tell "café-" from "—" without a Unicode table.
bool IsWordCodePoint(char32_t cp) {
  if (IsAsciiAlnum(cp)) return true;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  return cp < 0x0530;
}

// Decodes the code point that ends s (s is valid UTF-8).
char32_t LastCodePoint(std::string_view s, size_t* start) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  *start = i;
  size_t pos = i;
  return s.empty() ? 0 : DecodeUtf8(s, &pos);
}

char32_t FirstCodePoint(std::string_view s) {
  size_t pos = 0;
  return s.empty() ? 0 : DecodeUtf8(s, &pos);
}

bool IsLineEndHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// "non-" | "GAAP": the previous line ends in a hyphen glued to a word or number.
bool JoinsWithNext(std::string_view prev, std::string_view next) {
  if (prev.size() < 2 || next.empty()) return false;
  size_t hyphen_at;
  if (!IsLineEndHyphen(LastCodePoint(prev, &hyphen_at))) return false;
  size_t before_at;
  if (!IsWordCodePoint(LastCodePoint(prev.substr(0, hyphen_at), &before_at))) return false;
  return IsWordCodePoint(FirstCodePoint(next));
}

bool IsAllCaps(std::string_view text) {
  int upper = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

}  // namespace

std::string NormalizeLineText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
    } else {
      cp = DecodeUtf8(s, &i);
    }
    if (cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v') cp = ' ';
    // Symbol-font bullets arrive as private-use code points (U+F0B7 and friends).
    if (cp == 0xF0B7 || cp == 0xF0A7 || cp == 0xF0D8 || cp == 0xF0FC || cp == 0xF06E) cp = 0x2022;
    cp = NormalizeTextCodePoint(cp);
    if (cp == 0) continue;
    if (cp == ' ' || cp == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    AppendUtf8(cp, &out);
  }
  return out;
}

bool EndsClause(std::string_view text) {
  size_t end = text.size();
  while (end > 0) {
    size_t start;
    char32_t cp = LastCodePoint(text.substr(0, end), &start);
    switch (cp) {
      case '"':
      case '\'':
      case ')':
      case ']':
      case 0x201D:
      case 0x2019:
      case '*':
        end = start;  // closing quote/bracket: look at what it closes
        continue;
      case '.':
      case ':':
      case ';':
      case '?':
      case '!':
        return true;
      default:
        return false;
    }
  }
  return false;
}

void BuildText(const RawLines& lines, Document* doc) {
  std::string& text = doc->text;
  text.clear();
  doc->lines.clear();
  text.reserve(lines.size() * 64);
  bool blank_pending = false;
  bool open = false;  // the last Line may still receive a hyphen join
  for (const RawLine& raw : lines) {
    if (raw.blank || raw.text.empty()) {
      if (!doc->lines.empty()) blank_pending = true;
      continue;
    }
    if (open && !blank_pending && !doc->lines.empty()) {
      Line& last = doc->lines.back();
      std::string_view prev(text.data() + last.start, last.end - last.start);
      if (JoinsWithNext(prev, raw.text)) {
        text += raw.text;
        last.end = static_cast<uint32_t>(text.size());
        last.flags &= raw.flags;
        continue;
      }
    }
    if (!doc->lines.empty()) text += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    Line line;
    line.start = static_cast<uint32_t>(text.size());
    text += raw.text;
    line.end = static_cast<uint32_t>(text.size());
    line.page = raw.page;
    line.flags = raw.flags;
    line.indent = raw.indent;
    doc->lines.push_back(line);
    open = true;
  }
  for (Line& line : doc->lines) {
    std::string_view s(text.data() + line.start, line.end - line.start);
    if (IsAllCaps(s)) {
      line.flags |= Line::kAllCaps;
    } else {
      line.flags &= static_cast<uint8_t>(~Line::kAllCaps);
    }
  }
}

}  // namespace secxref
