// The JSON object `secxref-index extract` prints for one letter
// (../shared/spec/extract-json.md; field list in docs/extract-json.md).
#ifndef SECXREF_EXTRACT_LETTER_JSON_H_
#define SECXREF_EXTRACT_LETTER_JSON_H_

#include <nlohmann/json.hpp>

#include "indexer/extract/cited_letter.h"

namespace secxref {

struct LetterJsonOptions {
  bool include_text = false;  // add "text": the extracted text the offsets point into
};

nlohmann::ordered_json LetterToJson(const CitedLetter& letter, const LetterJsonOptions& options = {});

}  // namespace secxref

#endif  // SECXREF_EXTRACT_LETTER_JSON_H_
