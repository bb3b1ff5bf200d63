// Who wrote the letter: the SEC staff, or someone writing to the staff. Content decides
// (users feed letters without EDGAR headers); the submission's form type only breaks ties.
#ifndef SECXREF_SEGMENT_KIND_H_
#define SECXREF_SEGMENT_KIND_H_

#include <string>
#include <vector>

#include "indexer/read/document.h"
#include "indexer/segment/header.h"
#include "indexer/segment/letter.h"
#include "indexer/segment/text_lines.h"

namespace secxref {

struct KindEvidence {
  int staff = 0;
  int response = 0;
  std::vector<std::string> reasons;  // "staff+3 letterhead", for tests and debugging
};

KindEvidence WeighKind(const std::vector<TextLine>& lines, const Header& header);

// Staff or response by evidence; on a tie, by submission.form_type (UPLOAD -> staff,
// CORRESP -> response); otherwise unknown.
LetterKind DecideKind(const KindEvidence& evidence, const SubmissionInfo& submission);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_KIND_H_
