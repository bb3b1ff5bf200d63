// Submission facts an EDGAR archive path states: edgar/data/<CIK>/<18-digit accession>/file,
// or a complete submission file named by its accession ("0001193125-24-039535.txt").
#ifndef SECXREF_READ_EDGAR_PATH_H_
#define SECXREF_READ_EDGAR_PATH_H_

#include <string>
#include <string_view>

#include "indexer/read/document.h"

namespace secxref {

// "000000000013061818" -> "0000000000-13-061818"; "" unless 18 digits.
std::string FormatAccession(std::string_view digits);

// "0001508475" -> "1508475" (all zeros -> "0").
std::string UnpadCik(std::string_view cik);

// Accession and CIK from `path` (either separator). Returns an empty SubmissionInfo when
// the path names neither.
SubmissionInfo SubmissionFromPath(std::string_view path);

}  // namespace secxref

#endif  // SECXREF_READ_EDGAR_PATH_H_
