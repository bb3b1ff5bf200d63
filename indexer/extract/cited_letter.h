// A Letter together with the citations found in it: what `extract` prints and what the
// index stores. This is the last step before indexing.
#ifndef SECXREF_EXTRACT_CITED_LETTER_H_
#define SECXREF_EXTRACT_CITED_LETTER_H_

#include <optional>
#include <vector>

#include "indexer/extract/citation.h"
#include "indexer/extract/grammar.h"
#include "indexer/segment/letter.h"

namespace secxref {

struct CitedCitation {
  Citation citation;
  std::optional<int> comment;  // number of the comment the mention sits in, if any
};

struct CitedLetter {
  Letter letter;
  std::vector<CitedCitation> citations;  // text order
};

// Runs the grammar over the letter's text, with comment boundaries as context resets, and
// attributes each citation to its comment.
CitedLetter CiteLetter(Letter letter, const Grammar& grammar = Grammar::Default());

}  // namespace secxref

#endif  // SECXREF_EXTRACT_CITED_LETTER_H_
