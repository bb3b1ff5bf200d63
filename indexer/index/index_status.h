// What `secxref-index status` reports, read from a database (any reader, local or stub).
#ifndef SECXREF_INDEX_INDEX_STATUS_H_
#define SECXREF_INDEX_INDEX_STATUS_H_

#include <cstdint>
#include <string>

#include <xapian.h>

namespace secxref {

struct IndexStatus {
  uint64_t documents = 0;
  uint64_t letters = 0;         // distinct letter keys
  uint64_t comments = 0;        // documents of numbered comments
  uint64_t citations = 0;       // citation mentions (sum of the depth slot)
  uint64_t citation_ids = 0;    // distinct exact ids (XE terms)
  uint64_t sources = 0;         // src: records
  uint64_t sources_failed = 0;  // ...whose last read failed in part or whole
  uint64_t sources_pending = 0; // ...interrupted in the middle (the next add finishes them)
  uint64_t sources_outdated = 0;  // ...indexed by another extractor version
  std::string schema_version;
  std::string extractor_version;
  std::string created;
  std::string last_run;         // JSON written by the last add/reindex/remove
  std::string shard;            // "K/N <uuid>" when built with --shard (index_writer.h)
};

// Reads the status; retries with reopen() if a writer commits meanwhile.
IndexStatus ReadIndexStatus(Xapian::Database& db);

// Runs `fn` (which reads `db`), reopening and retrying on DatabaseModifiedError: a reader open
// while the index is written sees a consistent snapshot, and moves to the newest one when its
// snapshot is recycled.
template <typename Fn>
auto WithReopen(Xapian::Database& db, Fn&& fn, int attempts = 10) -> decltype(fn()) {
  for (int i = 1;; ++i) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (i >= attempts) throw;
      db.reopen();
    }
  }
}

}  // namespace secxref

#endif  // SECXREF_INDEX_INDEX_STATUS_H_
