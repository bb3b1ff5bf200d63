// Fuzzes the query-argument readers, without a database:
//   - ParseCitationArg, what `secxref-query cites ARG` runs (db = nullptr: the catalog's
//     suggestions), then the index query it builds and the matcher read back from it;
//   - SearchParser::Parse, what `secxref-query search` runs, whose cite:/exact: fields call
//     ParseCitationArg for their values (over an empty Database, no shards: the parser only
//     uses it to expand wildcards).
// The first byte picks: bit 0 search instead of cites, bit 1 wrap the text as cite:"...",
// bits 4-7 a --family (0 = none, 1..15 = Family value + 1). A UsageError (cites) or a
// Xapian::QueryParserError (search) is the expected answer to a bad argument; anything else
// escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include <xapian.h>

#include "indexer/extract/citation.h"
#include "query/citation_arg.h"
#include "query/database.h"
#include "query/search_parser.h"

namespace q = secxref::query;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (mode & 2) text = "cite:\"" + text + "\"";
  if (mode & 1) {
    static Xapian::Database* db = new Xapian::Database();  // no documents: wildcards expand to nothing
    static q::SearchParser* parser = new q::SearchParser(*db);
    try {
      q::ParsedSearch parsed = parser->Parse(text);
      q::CitationMatcher matcher(parsed.query);
      (void)matcher.empty();
    } catch (const Xapian::QueryParserError&) {
    }
    return 0;
  }
  std::optional<secxref::Family> family;
  const int f = mode >> 4;
  if (f >= 1 && f <= secxref::kFamilyCount) family = static_cast<secxref::Family>(f - 1);
  try {
    q::CitationArg arg = q::ParseCitationArg(text, family, nullptr);
    if (arg.targets.empty()) abort();  // a parse either names a target or throws
    for (const q::CitationTarget& t : arg.targets) {
      if (t.id.empty()) abort();
      if (family && t.family != *family) abort();
    }
    Xapian::Query query = q::CitationQuery(arg.targets, mode & 4);
    q::CitationMatcher matcher(query);
    if (matcher.empty()) abort();  // the query holds the targets' terms
  } catch (const q::UsageError&) {
  }
  return 0;
}
