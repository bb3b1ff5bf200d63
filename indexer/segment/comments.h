// Numbered comments: where each begins and ends, the headings above it, where the
// letter's closing begins, and (responses) where the company's answer begins.
#ifndef SECXREF_SEGMENT_COMMENTS_H_
#define SECXREF_SEGMENT_COMMENTS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "indexer/segment/letter.h"
#include "indexer/segment/text_lines.h"

namespace secxref {

// A line that could open a comment.
struct CommentMark {
  enum Style { kNumber, kWord, kResponseTo };  // "1." / "Comment 1" / "Response to Comment 1"
  int line = 0;                                // index into the lines
  int number = 0;
  Style style = kNumber;
  int score = 0;
};

// "1. We note...", "1." (text on the next line), "Comment 1:", "Comment No. 1",
// "Staff Comment #1", "Response to Comment 1:". Exposed for tests.
std::optional<CommentMark> ParseCommentMark(const std::vector<TextLine>& lines, int i);

// A line that opens the letter's closing: "We urge all persons...", "In closing, we remind
// you", "You may contact ...", "Please contact ...", "Sincerely,", "If you have any
// questions...". Only at the start of a paragraph.
bool IsClosingLine(std::string_view line);

// A response marker: "Response:", "Company Response:", "Response to Comment 1:",
// "Response 1", "RESPONSE". Exposed for tests.
bool IsResponseMarker(std::string_view line);

struct CommentLayout {
  std::vector<Comment> comments;
  std::vector<Span> headings;  // every heading line found in the body
  uint32_t closing_start = 0;  // where the closing begins (end of the body)
  bool closing_found = false;
};

// `body_line` is the first line of the body (after the salutation).
CommentLayout FindComments(const std::vector<TextLine>& lines, int body_line, uint32_t text_size,
                           LetterKind kind);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_COMMENTS_H_
