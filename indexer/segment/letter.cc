#include "indexer/segment/letter.h"

namespace secxref {

const char* LetterKindName(LetterKind kind) {
  switch (kind) {
    case LetterKind::kStaff:
      return "staff";
    case LetterKind::kResponse:
      return "response";
    case LetterKind::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace secxref
