#include "indexer/read/plain_text_reader.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "indexer/base/utf8.h"
#include "indexer/read/document.h"
#include "indexer/read/text_builder.h"

namespace secxref {
namespace {

constexpr float kPointsPerColumn = 7.2f;

bool IsEdgarAsciiTag(std::string_view t) {
  for (std::string_view tag :
       {"<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>", "<FN>", "</FN>"}) {
    if (t.size() == tag.size() && std::equal(t.begin(), t.end(), tag.begin(), [](char a, char b) {
          return (a >= 'a' && a <= 'z' ? a - 32 : a) == b;
        }))
      return true;
  }
  return false;
}

struct SourceLine {
  std::string_view text;
  bool page_start = false;
};

// Columns of leading whitespace and the display width of the whole line.
void Measure(std::string_view s, int* lead, int* width) {
  int col = 0;
  bool in_lead = true;
  *lead = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++i;
    } else {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;  // count code points
      ++i;
      if (c != ' ' && in_lead) {
        in_lead = false;
        *lead = col - 1;
      }
    }
  }
  // Trailing spaces do not count towards the width.
  size_t end = s.find_last_not_of(" \t");
  int trailing = end == std::string_view::npos ? 0 : static_cast<int>(s.size() - 1 - end);
  *width = col - trailing;
}

}  // namespace

RawLines ReadPlainTextLines(std::string_view utf8) {
  std::vector<SourceLine> source;
  bool page_start = false;
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    if (nl == std::string_view::npos) nl = utf8.size();
    std::string_view line = utf8.substr(pos, nl - pos);
    pos = nl + 1;
    // Form feeds split a line into pages.
    size_t ff;
    while ((ff = line.find('\f')) != std::string_view::npos) {
      std::string_view before = line.substr(0, ff);
      if (!before.empty()) source.push_back({before, page_start}), page_start = false;
      line.remove_prefix(ff + 1);
      page_start = true;
    }
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
      trimmed.remove_prefix(1);
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
      trimmed.remove_suffix(1);
    if (trimmed == "<PAGE>" || trimmed == "<page>") {
      page_start = true;
      continue;
    }
    if (IsEdgarAsciiTag(trimmed)) continue;
    source.push_back({line, page_start});
    page_start = false;
    if (nl == utf8.size()) break;
  }

  // The text width: a high percentile of where long lines end (ragged right), so one
  // overlong line does not decide it.
  std::vector<int> ends;
  for (const SourceLine& s : source) {
    int lead, width;
    Measure(s.text, &lead, &width);
    if (width - lead >= 40) ends.push_back(width);
  }
  int text_width = 72;
  if (!ends.empty()) {
    std::sort(ends.begin(), ends.end());
    text_width = ends[ends.size() * 3 / 4];
  }

  RawLines out;
  out.reserve(source.size());
  for (const SourceLine& s : source) {
    std::string_view text = s.text;
    // "<S>" / "<C>" column markers also start table lines.
    for (std::string_view tag : {"<S>", "<C>"}) {
      size_t at = text.find_first_not_of(" \t");
      if (at != std::string_view::npos && text.substr(at).starts_with(tag))
        text = text.substr(at + tag.size());
    }
    RawLine line;
    line.text = NormalizeLineText(text);
    line.page_start = s.page_start;
    if (line.text.empty()) {
      line.blank = true;
      out.push_back(std::move(line));
      continue;
    }
    int lead, width;
    Measure(text, &lead, &width);
    line.indent = static_cast<int16_t>(std::min(lead * kPointsPerColumn, 30000.0f));
    int right = text_width - width;
    if (lead >= 6 && right >= 0 && width - lead <= text_width * 7 / 10 &&
        std::abs(lead - right) <= std::max(4, text_width / 8))
      line.flags |= Line::kCentered;
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace secxref
