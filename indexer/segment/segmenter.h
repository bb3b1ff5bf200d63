// Segment: Document -> Letter. Pure function of the document (no I/O, no global state).
#ifndef SECXREF_SEGMENT_SEGMENTER_H_
#define SECXREF_SEGMENT_SEGMENTER_H_

#include "indexer/read/document.h"
#include "indexer/segment/letter.h"

namespace secxref {

// Recovers the letter's structure. Documents with an error come back as a Letter with
// only the document filled in.
Letter SegmentLetter(Document document);

// Returns the comment whose [start, end) contains `offset`, or nullptr.
const Comment* CommentAt(const Letter& letter, uint32_t offset);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_SEGMENTER_H_
