// Snippets: one line of a comment's text around what matched. For citations the snippet is
// cut here from the stored text at the stored offsets (a boolean citation query gives
// Xapian's MSet::snippet no words to find); for words, Xapian picks the passage.
#ifndef SECXREF_QUERY_SNIPPET_H_
#define SECXREF_QUERY_SNIPPET_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query/result.h"

namespace secxref::query {

struct Snippet {
  std::string text;                   // whitespace runs collapsed to one space
  std::vector<Highlight> highlights;  // sorted, not overlapping
};

// About `width` bytes of `text`, cut at word boundaries (and at UTF-8 character boundaries),
// with "..." where it was cut, and every span inside highlighted. The window is the one that
// holds the most `spans` (citations) and then the most `words` (query words); with neither,
// the start of the text.
Snippet CutSnippet(std::string_view text, const std::vector<Highlight>& spans,
                   const std::vector<Highlight>& words = {}, size_t width = 240);

// Where query words occur in `text` (see HighlightWords).
std::vector<Highlight> FindWords(std::string_view text, const std::set<std::string>& terms,
                                 const Xapian::Stem& stemmer);

// The whole text on one line with spans highlighted (for `show`).
Snippet MarkText(std::string_view text, const std::vector<Highlight>& spans);

// Xapian's snippet made with hi_start "\x01" and hi_end "\x02": markers become highlights,
// HTML entities (Xapian escapes its output) are decoded.
Snippet FromXapianSnippet(const std::string& marked);

// Words of `snippet` that are query terms (as typed, or by stem: "Z" + stem), added to its
// highlights.
void HighlightWords(const std::set<std::string>& terms, const Xapian::Stem& stemmer, Snippet* snippet);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_SNIPPET_H_
