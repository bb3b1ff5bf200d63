// Builds Documents from plain text for the segmenter tests: one Line per '\n', an empty
// line is a paragraph break, no layout facts (flags, indent, page) unless a test sets them.
#ifndef SECXREF_TESTS_SEGMENT_SEGMENT_TEST_UTIL_H_
#define SECXREF_TESTS_SEGMENT_SEGMENT_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "indexer/read/document.h"
#include "indexer/segment/letter.h"
#include "indexer/segment/text_lines.h"

namespace secxref::testing {

inline Document DocumentFromText(std::string text, std::string source = "letter.txt") {
  Document doc;
  doc.source = std::move(source);
  doc.format = "text";
  doc.text = std::move(text);
  uint32_t start = 0;
  for (uint32_t i = 0; i <= doc.text.size(); ++i) {
    if (i == doc.text.size() || doc.text[i] == '\n') {
      Line line;
      line.start = start;
      line.end = i;
      doc.lines.push_back(line);
      start = i + 1;
    }
  }
  return doc;
}

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(SECXREF_FIXTURES) + "/segment/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Document FixtureDocument(const std::string& name) {
  return DocumentFromText(ReadFixture(name), name);
}

// Lines of a text, for the rules that take lines.
inline std::vector<TextLine> LinesOf(const Document& doc) { return NonEmptyLines(doc); }

inline std::string_view SpanText(const Letter& letter, uint32_t start, uint32_t end) {
  return std::string_view(letter.document.text).substr(start, end - start);
}

inline std::string_view CommentText(const Letter& letter, const Comment& c) {
  return SpanText(letter, c.start, c.end);
}

// Offset of `needle` in the letter's text (the test fails on npos through the caller).
inline uint32_t OffsetOf(const Letter& letter, std::string_view needle) {
  size_t p = letter.document.text.find(needle);
  return p == std::string::npos ? UINT32_MAX : static_cast<uint32_t>(p);
}

}  // namespace secxref::testing

#endif  // SECXREF_TESTS_SEGMENT_SEGMENT_TEST_UTIL_H_
