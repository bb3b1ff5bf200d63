// EDGAR SGML: complete submission files (<SEC-DOCUMENT> with <SEC-HEADER>), PDS
// dissemination files (<SUBMISSION> with <ACCESSION-NUMBER>...), and the single
// <DOCUMENT> wrapper EDGAR puts around each stored CORRESP/UPLOAD document.
#ifndef SECXREF_READ_SGML_READER_H_
#define SECXREF_READ_SGML_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/read/document.h"

namespace secxref {

struct SgmlPart {
  std::string type;         // <TYPE>: "CORRESP", "LETTER", "GRAPHIC"...
  std::string sequence;     // <SEQUENCE>
  std::string filename;     // <FILENAME>
  std::string description;  // <DESCRIPTION>
  std::string_view body;    // between <TEXT> and </TEXT>, <PDF>/<XML> wrappers removed
  bool xml = false;         // the body was wrapped in <XML> or <XBRL>
};

struct SgmlSubmission {
  bool has_header = false;  // <SEC-HEADER> or PDS header fields were present
  SubmissionInfo info;      // header fields; accession/cik normalised, date ISO
  std::vector<SgmlPart> parts;
};

// Parses the header and splits the documents. Tolerant: missing closing tags end at the
// next <DOCUMENT> or the end of the input.
SgmlSubmission ParseSgml(std::string_view bytes);

// True for parts that are never letters: graphics, XBRL/XML, zips, spreadsheets.
bool IsNonLetterPart(const SgmlPart& part);

}  // namespace secxref

#endif  // SECXREF_READ_SGML_READER_H_
