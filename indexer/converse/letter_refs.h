// What a letter's own words say about its place in a review: the other letters it names by
// date ("in your letter dated March 4, 2019", "Response dated May 24, 2016", "We have reviewed
// your April 2, 2019 response"), whether it ends the review ("We have completed our review",
// "no further comments"), whether it follows up a response, and the reviewing office
// ("Office of Manufacturing"). Pure functions of the text.
#ifndef SECXREF_CONVERSE_LETTER_REFS_H_
#define SECXREF_CONVERSE_LETTER_REFS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/converse/summary.h"
#include "indexer/segment/letter.h"

namespace secxref::converse {

// Dated references to other letters in text[region): every date that is not a filing's or a
// period's ("Filed February 29, 2016", "Year Ended December 31, 2015"), with the role its
// words give it. `kind` decides whose letter "your"/"our" means; `letter_date` (ISO, may be
// empty) completes year-less dates and drops the letter's own date line.
std::vector<LetterRef> FindLetterRefs(std::string_view text, Span region, LetterKind kind,
                                      std::string_view letter_date);

// "We have completed our review", "we have no further comments", "does not have any further
// comments" in text[region).
bool SaysReviewComplete(std::string_view text, Span region);

// A staff letter that follows up: it speaks of the company's response or of prior comments.
bool SaysFollowUp(std::string_view text, Span region);

// A company letter that answers no staff letter: an acceleration request ("Pursuant to Rule
// 461 ... hereby requests acceleration of the effective date"), an exchange-offer letter
// ("in reliance on the position of the staff enunciated in Exxon Capital Holdings").
bool SaysCompanyInitiated(std::string_view text, Span region);

// The Division of Corporation Finance office: "Office of Manufacturing", "Office of Real
// Estate & Construction" (a name broken over two lines is joined). Staff letters sign with
// it (the last mention counts); responses address it (only the letter's head, before the
// "Re:" line, counts, so that "Office of Foreign Assets Control" in an answer does not).
std::string ReviewingOffice(std::string_view text, LetterKind kind);

}  // namespace secxref::converse

#endif  // SECXREF_CONVERSE_LETTER_REFS_H_
