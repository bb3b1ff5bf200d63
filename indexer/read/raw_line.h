// RawLine: the one shape every reader produces before the shared clean-up (page_furniture.h)
// and text assembly (text_builder.h). Keeping one intermediate form means the Document text
// conventions, running-header removal and hyphen rejoining are written once for all formats.
#ifndef SECXREF_READ_RAW_LINE_H_
#define SECXREF_READ_RAW_LINE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace secxref {

struct RawLine {
  std::string text;         // normalized with NormalizeLineText(); empty for a blank line
  bool blank = false;       // an empty line in the source: a paragraph or block break
  bool page_start = false;  // first line after a page boundary (PDF page, CSS page break, \f)
  uint16_t page = 0;        // Line::page (0 when the format has no pages)
  uint8_t flags = 0;        // Line::Flags the reader knows (kAllCaps is computed later)
  int16_t indent = 0;       // Line::indent
  // PDF geometry (points from the page top); negative when unknown.
  float top = -1;
  float bottom = -1;
  float page_height = -1;
  bool ends_short = false;  // the line stops well before the right margin (paragraph end)

  static RawLine Blank() {
    RawLine line;
    line.blank = true;
    return line;
  }
};

using RawLines = std::vector<RawLine>;

}  // namespace secxref

#endif  // SECXREF_READ_RAW_LINE_H_
