// `stats [query]`: which ids the matching comments cite most, at a chosen level ("ASC 810"
// for topics, "ASC 810-10" for subtopics, ...), counting citing comments and letters,
// optionally per year, with catalog titles; and the per-year trend as an SVG chart.
#ifndef SECXREF_QUERY_STATS_H_
#define SECXREF_QUERY_STATS_H_

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/extract/citation.h"
#include "query/output.h"

namespace secxref::query {

// How deep an id is counted: topic (the first level: "ASC 810", "S-K Item 303",
// "Release 33-8350"), subtopic (second), section (third), or full (as cited). Ids shallower
// than the level are counted as they are.
enum class StatsLevel { kTopic = 1, kSubtopic = 2, kSection = 3, kFull = 0 };
StatsLevel ParseStatsLevel(const std::string& name);  // throws UsageError

struct YearCount {
  uint64_t comments = 0;
  uint64_t letters = 0;
};

struct IdCount {
  std::string id;
  std::string family;
  std::string title;  // from the catalog, "" when it has none
  uint64_t comments = 0;  // citing comments (a letter's text outside numbered comments counts as one)
  uint64_t letters = 0;   // citing letters
  std::map<std::string, YearCount> by_year;  // "2013" -> counts ("" for undated letters)
};

struct StatsResult {
  std::string query;
  std::string level;
  uint64_t comments = 0;  // numbered comments the query matched
  uint64_t letters = 0;
  std::vector<IdCount> ids;  // most-cited first (by comments, then letters, then id)
  std::vector<std::string> years;  // every year seen, ascending
};

struct StatsOptions {
  StatsLevel level = StatsLevel::kTopic;
  std::optional<Family> family;  // only ids of this family
  size_t top = 20;               // 0: all
};

// Counts over the comments `query` matches (Query::MatchAll for all).
StatsResult CountCitations(const Xapian::Database& db, const Xapian::Query& query, const StatsOptions& options);

// The level-`level` id a cited id counts under.
std::string IdAtLevel(Family family, const std::string& id, StatsLevel level);

void PrintStats(const StatsResult& r, bool by_year, Format format, const Style& style, std::ostream& out);

// A line chart (one line per id, at most `series` ids) of citing comments per year.
std::string TrendSvg(const StatsResult& r, size_t series = 8);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_STATS_H_
