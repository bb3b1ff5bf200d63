// Runs a query over comment documents and answers by letter: which letters match, in the
// order asked for, each with every matching comment, the citations that matched and a
// snippet. The letter listing is two cheap Xapian matches, not a walk over every hit: one
// collapsed on the letter slot (one entry per letter, sorted, counted exactly), then one
// restricted to the letters shown, which brings their comments. Sorting by depth or by
// citator relevance needs every match, so those walk all of them.
#ifndef SECXREF_QUERY_SEARCHER_H_
#define SECXREF_QUERY_SEARCHER_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/citation_arg.h"
#include "query/result.h"

namespace secxref::query {

enum class SortOrder {
  kDate,       // newest letter first
  kRelevance,  // search: best BM25 weight of a comment; cites: closeness and count of mentions
  kDepth,      // most mentions of the asked-for ids first
};
// "date", "relevance", "depth"; throws UsageError otherwise.
SortOrder ParseSortOrder(const std::string& name);

// The metadata filters shared by cites, search and similar. Empty means no filter.
struct Filters {
  std::string from, to;                // YYYY, YYYY-MM or YYYY-MM-DD (inclusive)
  std::vector<std::string> companies;  // words of the company name (all must match)
  std::vector<std::string> ciks;       // any of
  std::string kind;                    // staff | response | unknown
  std::vector<std::string> forms;      // reviewed form types, any of ("10-K", "Form 20-F")
  std::vector<std::string> families;   // comments that cite something of any of these families
};

// `query` restricted by `filters` (OP_FILTER: the filters do not change the ranking).
// Throws UsageError for a malformed date, kind or family.
Xapian::Query ApplyFilters(const Xapian::Query& query, const Filters& filters);

// `query` restricted to numbered comments (not the text outside them).
Xapian::Query NumberedCommentsOnly(const Xapian::Query& query);

// Totals of a listing are exact up to this many matching comments, Xapian's estimates past
// that (ResultSet::totals_exact): an exact count walks every match.
inline constexpr Xapian::doccount kExactTotalsUpTo = 500;
inline constexpr Xapian::doccount kDenseYear = 1000;  // ListOptions::dense_year

// The number of documents a query matches: exactly, or exactly up to `exact_up_to` and
// Xapian's estimate past that (an exact count walks every match).
uint64_t CountMatches(const Xapian::Database& db, const Xapian::Query& query,
                      Xapian::doccount exact_up_to = 0);

struct ListOptions {
  ListOptions(SortOrder sort = SortOrder::kDate, size_t limit = 0, bool weighted = false)
      : sort(sort), limit(limit), weighted(weighted) {}
  SortOrder sort = SortOrder::kDate;
  size_t limit = 0;       // letters to return; 0: all
  bool weighted = false;  // BM25 (search, similar) or a boolean listing (cites)
  // Newest first with a limit: a year with at least this many matching comments is walked a
  // month at a time (sorting by date reads every match's date). Tests set it low.
  Xapian::doccount dense_year = kDenseYear;
  // The query restricted to the letters of one year ("2013"), if there is a cheaper way to
  // say it than filtering by the year's XY term: `cites` reads its ids' XD terms. Used for a
  // year only when every document of the year carries its month term (schema 3).
  std::function<Xapian::Query(const std::string& year)> in_year;
};

// The words of a query that snippets highlight: unprefixed terms and Z-prefixed stems.
std::set<std::string> TextTerms(const Xapian::Query& query);

class Searcher {
 public:
  explicit Searcher(const Xapian::Database& db) : db_(db) {}

  // Every letter matching `query` (up to options.limit), grouped as described above.
  ResultSet List(const Xapian::Query& query, const CitationMatcher& matcher,
                 const ListOptions& options) const;

  // Fills a hit's matched citations and snippet from its stored comment.
  static void Describe(const CitationMatcher& matcher, const std::set<std::string>& words,
                       const Xapian::MSet* mset, CommentHit* hit);

 private:
  Xapian::Database db_;
};

}  // namespace secxref::query

#endif  // SECXREF_QUERY_SEARCHER_H_
