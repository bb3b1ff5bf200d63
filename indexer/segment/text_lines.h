// The non-empty lines of a Document, with the facts the structure rules read: text, flags,
// indent, page, and whether a paragraph break (an empty line or a page change) precedes it.
// Built from Document::lines when the reader filled them, else by splitting the text.
#ifndef SECXREF_SEGMENT_TEXT_LINES_H_
#define SECXREF_SEGMENT_TEXT_LINES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "indexer/read/document.h"

namespace secxref {

struct TextLine {
  std::string_view text;  // points into Document::text; no '\n', trimmed
  uint32_t start = 0;     // byte offsets of `text` in Document::text
  uint32_t end = 0;
  uint8_t flags = 0;
  int16_t indent = 0;
  uint16_t page = 0;
  bool break_before = false;  // an empty line or a new page precedes this line

  bool Emphasised() const { return flags & (Line::kBold | Line::kItalic | Line::kUnderline); }
};

// Lines of `doc` that contain something other than spaces, in order.
std::vector<TextLine> NonEmptyLines(const Document& doc);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_TEXT_LINES_H_
