// A citation typed by a user ("asc 810-10-50", "Topic 810", "Item 5.D of Form 20-F",
// "Release No. 33-8350"), read by the letters' own grammar in lenient mode, and what it
// matches in the index: the id and every descendant (XC terms, which the writer adds at
// every ancestor level), or the id alone (XE). Never an ancestor: "who cites ASC 810-10-50"
// does not list a letter that only cites ASC 810.
#ifndef SECXREF_QUERY_CITATION_ARG_H_
#define SECXREF_QUERY_CITATION_ARG_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/extract/citation.h"
#include "query/result.h"

namespace secxref::query {

struct CitationTarget {
  Family family = Family::kAsc;
  std::string id;                    // canonical
  std::vector<std::string> aliases;  // release numbers of the same release
  bool known = true;                 // the catalog knows the id's root
};

struct CitationArg {
  std::vector<CitationTarget> targets;  // one, or the members of one list or range
  std::vector<std::string> notes;       // "read '...' as ASC 810-10-50 (ignored: ...)"
};

// Parses `text` (lenient grammar). `family`, when given, picks among readings and must
// match. Throws UsageError with a message and suggestions (nearest catalogued ids; with a
// database, the nearest ids that letters cite) when the text is no citation, or several
// separate ones.
CitationArg ParseCitationArg(std::string_view text, std::optional<Family> family,
                             const Xapian::Database* db);

// The index query for targets: OR of XC terms (id and descendants), or of XE terms (exact).
// Release aliases are included: the writer files a release under every number it has.
Xapian::Query CitationQuery(const std::vector<CitationTarget>& targets, bool exact);
// The same for the letters dated in `year` ("2013"): the XD terms, which hold only that year's
// comments (for `exact`, the XE terms filtered by the year). Valid for documents written with
// schema 3 or later (searcher.cc checks a year's month terms before using it).
Xapian::Query CitationQueryInYear(const std::vector<CitationTarget>& targets, bool exact,
                                  const std::string& year);

// The canonical spelling of a lower-cased citation term value the index holds ("asc
// 810-10-50-5a(d)" -> "ASC 810-10-50-5A(d)"), read back from a document that cites it (terms are
// lower-cased; the document data keeps the case). "" when no document has it.
std::string CanonicalCase(const Xapian::Database& db, const std::string& value);

// Ids near `text` for a "did you mean" line: when `text` parses to an id that no letter
// cites, the cited ids under its nearest cited ancestor (with the number of citing
// comments); otherwise catalogued ids by edit distance. At most `n`.
std::vector<std::string> SuggestIds(std::string_view text, const Xapian::Database* db, size_t n = 6);

// The catalog's title for an id: its own entry's, or for an ASC Section its Subtopic's and
// the Section's ("Consolidation—Overall > Disclosure"); "" when the catalog has none.
std::string CatalogTitle(Family family, const std::string& id);

// Which stored mentions a query asked for, from the query's own XC / XE terms (so it works
// for cites, for search's cite:/exact: fields, and for similar's shared citations).
class CitationMatcher {
 public:
  CitationMatcher() = default;
  explicit CitationMatcher(const Xapian::Query& query);
  bool empty() const { return cite_.empty() && exact_.empty(); }
  // True when the mention is (or descends from) an asked-for id.
  bool Matches(const Mention& m) const;
  // Levels between the closest asked-for id and the mention (0: the id itself); -1 if none.
  int Distance(const Mention& m) const;

 private:
  std::set<std::string> cite_;   // lower-cased XC values
  std::set<std::string> exact_;  // lower-cased XE values
};

// The ids a stored mention is filed under: its id and its release-alias ids (the writer's
// AliasIds in letter_document.cc), canonical case.
std::vector<std::string> FiledIds(const Mention& m);

// Levels of a stored mention's id (CitationLevels), outermost first.
std::vector<std::string> MentionLevels(const Mention& m, const std::string& id);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_CITATION_ARG_H_
