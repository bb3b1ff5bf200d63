// `similar ACCESSION#COMMENT` / `similar --text "..."`: precedent. The comments of OTHER
// letters most like a given comment, by Xapian relevance feedback: the comment (or, for free
// text, the best first-pass matches) forms the relevance set, its expand set gives the
// topical words, and comments that cite what the source cites rank higher (a fixed weight
// per shared citation, a smaller one per shared parent). The source letter is excluded.
#ifndef SECXREF_QUERY_SIMILAR_H_
#define SECXREF_QUERY_SIMILAR_H_

#include <string>

#include <xapian.h>

#include "query/result.h"
#include "query/searcher.h"

namespace secxref::query {

struct SimilarOptions {
  std::string target;  // ACCESSION#COMMENT (or a letter key / path with #COMMENT)
  std::string text;    // or free text
  Filters filters;
  size_t limit = 10;   // letters (one comment each: the most similar)
  size_t terms = 40;   // expand-set size
};

// Throws UsageError when the target names no comment or both/neither input is given.
ResultSet FindSimilar(const Xapian::Database& db, const SimilarOptions& options);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_SIMILAR_H_
