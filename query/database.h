// Opening what the query tool reads: one or many databases (--db repeatable), each a stub
// directory (the indexer's default layout), a stub file (auto / remote tcp lines: shards on
// this machine or on servers), or a plain glass directory. Xapian merges them into one
// Database; docids interleave across shards, so results carry letter keys, never docids.
#ifndef SECXREF_QUERY_DATABASE_H_
#define SECXREF_QUERY_DATABASE_H_

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace secxref::query {

// A usage problem the user can fix (bad argument, no index): printed as is, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opens every path (an empty list means the default location: $SECXREF_DB, else the
// per-user data directory, as secxref-index resolves it). Throws UsageError for a path that
// does not exist, Xapian::Error for one Xapian cannot open.
Xapian::Database OpenDatabases(const std::vector<std::string>& paths);

// The paths OpenDatabases would open (the default location resolved).
std::vector<std::string> ResolveDatabasePaths(const std::vector<std::string>& paths);

// Runs `work`; if the index changed under it (a writer committed twice while this reader held
// an old revision: Xapian::DatabaseModifiedError), reopens `db` and runs it again (a few times).
// `work` must compute results without printing them, so a retry never prints twice.
void WithReopenRetry(Xapian::Database& db, const std::function<void()>& work);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_DATABASE_H_
