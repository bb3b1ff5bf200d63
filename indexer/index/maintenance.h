// Whole-index operations that build a new generation next to the current database and swap it
// in (db_location.h): reindex from the recorded sources, and compact. Both hold the current
// database's write lock from start to swap, so no `add` can write changes the swap would
// lose, and a second one is told the index is busy.
#ifndef SECXREF_INDEX_MAINTENANCE_H_
#define SECXREF_INDEX_MAINTENANCE_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "indexer/index/db_location.h"
#include "indexer/index/pipeline.h"

namespace secxref {

struct ReindexResult {
  PipelineStats stats;
  std::vector<std::string> missing;  // recorded sources whose files are gone (not carried over)
  std::string database;              // the database now in use
  bool swapped = false;              // false: interrupted, the old index is untouched
};

// Rebuilds the index at `location` from the files its src: records name.
ReindexResult Reindex(IndexLocation& location, const LetterSource& source,
                      const PipelineOptions& pipeline, WriterOptions writer,
                      const std::atomic<bool>& stop,
                      const std::function<void(const std::string&)>& on_error,
                      const std::function<void(const PipelineStats&)>& on_progress);

// Compacts the database at `location` into a new generation (Database::compact, as
// xapian-compact does) and swaps it in. Returns the new database directory.
std::string Compact(IndexLocation& location);

}  // namespace secxref

#endif  // SECXREF_INDEX_MAINTENANCE_H_
