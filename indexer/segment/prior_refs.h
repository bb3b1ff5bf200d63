// References to comments of earlier letters: "prior comment 5", "our prior comment 3",
// "comment 2 of our March 15, 2023 letter", "your response to comment 1 within your
// August 12, 2016 letter", "the Company's responses to Comments #3 and #4 in the Company's
// response letter dated August 12, 2016". A letter named without a comment ("our August 16,
// 2017 letter") is not a reference of its own: in the intro's "Unless we note otherwise, our
// references to prior comments are to comments in our August 16, 2017 letter" it dates the
// later "prior comment N".
#ifndef SECXREF_SEGMENT_PRIOR_REFS_H_
#define SECXREF_SEGMENT_PRIOR_REFS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/segment/letter.h"

namespace secxref {

struct PriorRefContext {
  Span body;                                       // where to look
  std::optional<std::string> letter_date;          // this letter's date: completes "August 12"
  const std::vector<Comment>* comments = nullptr;  // to fill PriorRef::comment
};

// "Unless we note otherwise, our references to prior comments are to comments in our
// August 16, 2017 letter" -> "2017-08-16". Applies to later "prior comment N".
std::optional<std::string> DefaultPriorLetterDate(std::string_view text, Span body);

std::vector<PriorRef> FindPriorRefs(std::string_view text, const PriorRefContext& context);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_PRIOR_REFS_H_
