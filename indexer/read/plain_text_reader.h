// Plain-text letters (older CORRESP and UPLOAD documents, EDGAR ASCII).
#ifndef SECXREF_READ_PLAIN_TEXT_READER_H_
#define SECXREF_READ_PLAIN_TEXT_READER_H_

#include <string_view>

#include "indexer/read/raw_line.h"

namespace secxref {

// Splits UTF-8 text into lines. A whitespace-only line is a paragraph break; a form feed or
// an EDGAR <PAGE> line is a page boundary; EDGAR ASCII table tags (<TABLE>, <S>, <C>,
// <CAPTION>, <FN>) are dropped. Indent is the leading columns at 7.2 pt a column (10-pitch
// Courier, tabs to multiples of 8); a short line is centered when its left and right
// margins, against the usual end of long lines, are nearly equal.
RawLines ReadPlainTextLines(std::string_view utf8);

}  // namespace secxref

#endif  // SECXREF_READ_PLAIN_TEXT_READER_H_
