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

// About `width` bytes of `text` around the first span, cut at word boundaries (and at UTF-8
// character boundaries), with "..." where it was cut; every span inside is highlighted.
Snippet CutSnippet(std::string_view text, const std::vector<Highlight>& spans, size_t width = 240);

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
