#include "indexer/extract/cited_letter.h"

#include <algorithm>

#include "indexer/segment/segmenter.h"

namespace secxref {

CitedLetter CiteLetter(Letter letter, const Grammar& grammar) {
  CitedLetter out;
  if (letter.document.error.empty()) {
    ExtractOptions options;
    for (const Comment& c : letter.comments) options.resets.push_back(c.start);
    // Where the comments end, the closing text starts a new context too.
    if (!letter.comments.empty()) options.resets.push_back(letter.comments.back().end);
    std::sort(options.resets.begin(), options.resets.end());
    for (const Span& h : letter.headings) options.headings.emplace_back(h.start, h.end);
    std::sort(options.headings.begin(), options.headings.end());
    for (Citation& c : grammar.Extract(letter.document.text, options)) {
      CitedCitation cc;
      if (const Comment* comment = CommentAt(letter, c.start)) cc.comment = comment->number;
      cc.citation = std::move(c);
      out.citations.push_back(std::move(cc));
    }
  }
  out.letter = std::move(letter);
  return out;
}

}  // namespace secxref
