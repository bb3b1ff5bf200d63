#include "query/database.h"

#include <sys/stat.h>

#include "indexer/index/db_location.h"

namespace secxref::query {

std::vector<std::string> ResolveDatabasePaths(const std::vector<std::string>& paths) {
  if (!paths.empty()) return paths;
  try {
    return {ResolveDbPath("")};
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
}

Xapian::Database OpenDatabases(const std::vector<std::string>& paths) {
  Xapian::Database all;
  for (const std::string& path : ResolveDatabasePaths(paths)) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      throw UsageError("no index at " + path +
                       " (build one with `secxref-index add PATH...`, or give --db)");
    }
    // Xapian reads stub directories, stub files (auto, glass, remote lines) and glass
    // directories itself.
    all.add_database(Xapian::Database(path));
  }
  return all;
}

void WithReopenRetry(Xapian::Database& db, const std::function<void()>& work) {
  // A writer committing every few documents can discard a revision again before the retry
  // ends: a few reopens, then the error goes to the command (Guard runs it afresh).
  for (int attempt = 1;; ++attempt) {
    try {
      work();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 4) throw;
      db.reopen();
    }
  }
}

}  // namespace secxref::query
