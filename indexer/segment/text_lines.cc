#include "indexer/segment/text_lines.h"

#include <string>

namespace secxref {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Trims [start, end) of `text` and appends it unless empty.
void AddLine(const std::string& text, uint32_t start, uint32_t end, const Line* layout,
             bool* pending_break, uint16_t* last_page, std::vector<TextLine>* out) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  if (start >= end) {
    *pending_break = true;
    return;
  }
  TextLine line;
  line.text = std::string_view(text).substr(start, end - start);
  line.start = start;
  line.end = end;
  if (layout != nullptr) {
    line.flags = layout->flags;
    line.indent = layout->indent;
    line.page = layout->page;
  }
  // A paragraph break: an empty line given as a Line, or two '\n' between this line and
  // the previous one in the text (readers need not list empty lines).
  bool gap = false;
  if (!out->empty()) {
    int newlines = 0;
    for (uint32_t i = out->back().end; i < start; ++i) newlines += text[i] == '\n';
    gap = newlines >= 2;
  }
  // A page change is not a break by itself: the reader already marks the page breaks that
  // end a paragraph, and a sentence may run on to the next page.
  line.break_before = *pending_break || gap || out->empty();
  *last_page = line.page;
  *pending_break = false;
  out->push_back(line);
}

}  // namespace

std::vector<TextLine> NonEmptyLines(const Document& doc) {
  std::vector<TextLine> out;
  const std::string& text = doc.text;
  bool pending_break = false;
  uint16_t last_page = 0;
  if (!doc.lines.empty()) {
    // Trust the reader's lines, but never read past the text.
    for (const Line& l : doc.lines) {
      if (l.start >= text.size() || l.end < l.start) continue;
      AddLine(text, l.start, l.end, &l, &pending_break, &last_page, &out);
    }
    if (!out.empty()) return out;
  }
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      AddLine(text, start, i, nullptr, &pending_break, &last_page, &out);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace secxref
