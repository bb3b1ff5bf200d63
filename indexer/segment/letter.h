// A Letter is a Document with its structure recovered: who wrote it (staff or company),
// when, to whom, about which filings, and where each numbered comment begins and ends.
#ifndef SECXREF_SEGMENT_LETTER_H_
#define SECXREF_SEGMENT_LETTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indexer/read/document.h"

namespace secxref {

enum class LetterKind { kUnknown, kStaff, kResponse };
const char* LetterKindName(LetterKind kind);  // "unknown", "staff", "response"

// A byte range [start, end) of Letter::document.text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

// A numbered comment. In a staff letter, the staff's own comment. In a response, the staff
// comment the company answers: [start, end) covers the restated comment (if any) and the
// company's response up to the next comment.
struct Comment {
  int number = 0;
  std::vector<std::string> headings;  // outermost first: "Notes to ...", "Note 1. ..., page F-14"
  uint32_t start = 0;
  uint32_t end = 0;
  // Responses only: where the company's answer begins ("Response:"). Text in
  // [start, response_start) restates the staff comment. Equal to start when the response
  // does not restate the comment; 0 for staff letters.
  uint32_t response_start = 0;
};

// "prior comment 5", "comment 2 of our March 15, 2023 letter", "our August 16, 2017 letter".
struct PriorRef {
  std::optional<int> comment;          // number of the comment of THIS letter it sits in
  std::string refers_to;               // the words as written: "prior comment 5"
  std::vector<int> comments;           // comment numbers of the earlier letter (may be empty)
  std::optional<std::string> letter_date;  // ISO date of the earlier letter, when named
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Letter {
  Document document;                       // text, lines, source, submission info
  LetterKind kind = LetterKind::kUnknown;
  std::optional<std::string> date;         // the letter's own date, ISO "2013-10-29"
  std::optional<std::string> company;      // registrant: "21Vianet Group, Inc."
  std::optional<std::string> addressee;    // "Mr. Shang-Wen Hsiao"
  std::vector<std::string> reviewed;       // "Form 20-F for the Fiscal Year Ended December 31, 2012"
  std::vector<std::string> file_numbers;   // "001-35126" (File No.), CIK No. kept as cik
  std::optional<std::string> cik;          // from submission info, path, or "CIK No." in Re:
  std::optional<std::string> accession;    // from submission info or EDGAR path
  std::vector<Comment> comments;           // in text order
  std::vector<Span> headings;              // every heading line (spans), for the grammar
  std::vector<PriorRef> prior_refs;
  Span body;                               // from after the salutation to before the closing
  std::vector<std::string> warnings;       // segmentation doubts ("no date found")
};

}  // namespace secxref

#endif  // SECXREF_SEGMENT_LETTER_H_
