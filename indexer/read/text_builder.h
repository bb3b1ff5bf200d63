// Assembles Document::text and Document::lines from RawLines, applying the text conventions
// of document.h in one place: normalized code points, one '\n' between lines, one empty line
// per paragraph break, words and citations broken at a line-end hyphen rejoined.
#ifndef SECXREF_READ_TEXT_BUILDER_H_
#define SECXREF_READ_TEXT_BUILDER_H_

#include <string>
#include <string_view>

#include "indexer/read/document.h"
#include "indexer/read/raw_line.h"

namespace secxref {

// Applies NormalizeTextCodePoint to every code point of `s` (invalid UTF-8 becomes U+FFFD),
// turns every run of whitespace (tabs and line breaks included) into one ' ' and trims both
// ends.
std::string NormalizeLineText(std::string_view s);

// True when the last code point of `text` ends a sentence or clause (. : ; ? ! possibly
// followed by closing quotes or brackets). Used to decide whether a page boundary or a
// removed running header sits inside a sentence.
bool EndsClause(std::string_view text);

// Replaces doc->text and doc->lines with the assembled `lines`:
//   - blank lines collapse to one empty line; none at the start or the end;
//   - a line ending in '-' directly after a letter or digit is joined to the next line
//     (when no blank line separates them) without a space, keeping the hyphen:
//     "non-" + "GAAP" -> "non-GAAP", "280-10-" + "50-1" -> "280-10-50-1";
//   - Line::kAllCaps is set on lines with at least two letters and no lower-case letter.
void BuildText(const RawLines& lines, Document* doc);

}  // namespace secxref

#endif  // SECXREF_READ_TEXT_BUILDER_H_
