// Canonical citation ids are hierarchical: "ASC 810-10-50-5A(d)" files under "ASC 810",
// "ASC 810-10", "ASC 810-10-50" and "ASC 810-10-50-5A". These functions know the levels of
// every family; the index writes one term per level and queries match any level.
#ifndef SECXREF_EXTRACT_CITATION_ID_H_
#define SECXREF_EXTRACT_CITATION_ID_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/citation.h"

namespace secxref {

// The id and all its ancestors, outermost first, the id itself last.
//   (kAsc, "ASC 810-10-50-5A(d)") -> ASC 810, ASC 810-10, ASC 810-10-50, ASC 810-10-50-5A, ASC 810-10-50-5A(d)
//   (kSk, "S-K Item 303(b)(2)")    -> Regulation S-K, S-K Item 303, S-K Item 303(b), S-K Item 303(b)(2)
std::vector<std::string> CitationLevels(Family family, std::string_view id);

// The parent of an id, or "" for a root.
std::string ParentCitation(Family family, std::string_view id);

// The form an index term stores: ASCII lower case (ids are ASCII by construction).
std::string CitationTermValue(std::string_view id);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_CITATION_ID_H_
