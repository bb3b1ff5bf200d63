// The single writer of an index: owns the WritableDatabase and applies whole source chunks
// (a source's letters plus its src: record) as one transaction each, committing in bounded
// batches. A process killed at any point leaves the last commit: every letter in it complete,
// and every source record in it true, so rerunning the same `add` converges.
#ifndef SECXREF_INDEX_INDEX_WRITER_H_
#define SECXREF_INDEX_INDEX_WRITER_H_

#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexer/index/conversation_store.h"
#include "indexer/index/letter_document.h"
#include "indexer/index/source_record.h"

namespace secxref {

// Another process holds the index's write lock.
class IndexLockedError : public std::runtime_error {
 public:
  explicit IndexLockedError(const std::string& path)
      : std::runtime_error("index " + path + " is being written by another process") {}
};

// The index was written with another schema version: it must be rebuilt (reindex).
class SchemaMismatchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An `add --sync end` run on the index did not finish (killed, or the machine went down), and
// Xapian's check of the database found it damaged: it must be rebuilt.
class IndexDamagedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "2026-12-01T20:36:44Z" (UTC), for the created / last-run metadata.
std::string IsoTimeNow();

// The --shard K/N a database was built as, or "" for all inputs. The metadata names the
// database's UUID too, so a merge of shards (xapian-compact keeps the first source's metadata,
// and makes a new UUID) does not pass for one of its shards.
std::string DatabaseShard(const Xapian::Database& db);
void SetDatabaseShard(Xapian::WritableDatabase& db, const std::string& spec);

// Opens the glass database in `dir` for writing, as every writer of an index must (the writer
// below, and reindex and compact for their lock): IndexLockedError when another process holds
// it; after an unfinished sync_at_close writer, Xapian::Database::check of all of it first,
// and IndexDamagedError when the database cannot be opened or fails the check.
Xapian::WritableDatabase OpenIndexForWriting(const std::string& dir, int flags);

struct WriterOptions {
  size_t batch_docs = 1000;         // commit after this many documents written...
  size_t batch_bytes = 32u << 20;   // ...or this many bytes of text and data (Xapian holds
                                    // about 3x that in memory until the commit)
  bool no_sync = false;             // DB_NO_SYNC: for rebuilds into a fresh directory
  // Commits without fsync, and fsyncs the whole database once, in Close(). A glass commit
  // fsyncs every block it rewrote; on a big index each batch touches blocks all over the
  // postlist and position tables, and those writes, not the CPU, set the pace (at 1M letters
  // 6x the disk writes, fsync 40% of the wall time: docs/benchmarks.md). Unsynced commits
  // survive a killed process (they are in the page cache) but not a crash of the machine,
  // so while such a writer is open a marker file in the database directory says so, and a
  // writer that finds the marker of one that did not finish checks the whole database
  // before writing.
  bool sync_at_close = false;
  bool create = true;               // create the database if missing
  // A commit is refused (DatabaseError, ENOSPC) while the disk holding the database has less
  // free space than this many times the bytes written since the last commit, plus 256 KB: see
  // IndexWriter::Commit. 0 turns the check off.
  size_t free_space_factor = 4;
};

// One transaction's worth of a source: some or all of its letters. A source yields one
// chunk (small files) or several (archives), the last with `last` set.
struct SourceChunk {
  std::string path;
  std::vector<LetterDocuments> letters;
  bool last = true;
  // Final chunk only: what the record stores.
  std::string hash;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint32_t letters_failed = 0;  // documents of the source that could not be read
  bool unreadable = false;      // the file itself could not be read: keep what was indexed
  std::string error;
};

class IndexWriter {
 public:
  // Opens the glass database in `dir`. If an earlier sync_at_close writer did not close,
  // checks the database first (Xapian::Database::check, which reads all of it). Throws
  // IndexLockedError, SchemaMismatchError, IndexDamagedError, or Xapian::Error.
  IndexWriter(const std::string& dir, const WriterOptions& options);
  ~IndexWriter();  // Close(), errors ignored
  // True while the marker of an unclosed sync_at_close writer is in `dir` (one is running,
  // or one did not finish: the next writer will check the database).
  static bool SyncPending(const std::string& dir);
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  std::optional<SourceRecord> Record(const std::string& path) const;
  std::vector<SourceRecord> Records() const { return ReadSourceRecords(db_); }

  // Stores a chunk in one transaction (see the file comment). A Xapian error aborts the
  // transaction and is rethrown: uncommitted work since the last Commit() is lost, the
  // committed index is intact.
  void WriteChunk(SourceChunk&& chunk);
  // The file's bytes are unchanged but its mtime moved: update the record only.
  void Touch(const std::string& path, int64_t mtime_ns);
  // Forgets a source: its letters (unless another source also produced them) and its record.
  // Returns the number of letters deleted.
  size_t RemoveSource(const SourceRecord& record);
  // Deletes every letter of an accession, and those keys from the records that list them.
  // Returns the number of letters deleted.
  size_t RemoveAccession(std::string_view accession);

  void Commit();
  // Commits; with sync_at_close, makes the database durable and removes the marker. Throws
  // Xapian::Error or std::runtime_error (the marker then stays: it is not tried again). Nothing
  // may be written after.
  void Close();
  // Commits when the batch thresholds are reached.
  void MaybeCommit();
  void SetMetadata(const std::string& key, const std::string& value) { db_.set_metadata(key, value); }

  Xapian::WritableDatabase& db() { return db_; }
  const std::string& dir() const { return dir_; }
  size_t commits() const { return commits_; }

 private:
  struct SourceState {
    bool loaded = false;
    std::optional<SourceRecord> old;
    std::set<std::string> written;
  };
  void WriteLetter(LetterDocuments&& letter, const std::string& source_term);
  // Removes one source's claim on a letter; deletes the letter when no other source claims it.
  // Returns true when the letter was deleted.
  bool DropClaim(const std::string& key, const std::string& source_term);
  std::vector<Xapian::docid> LetterDocids(const std::string& key);

  std::string dir_;
  WriterOptions options_;
  Xapian::WritableDatabase db_;
  ConversationStore conversations_{&db_};  // rethreads inside each transaction
  std::unordered_map<std::string, SourceState> sources_;
  size_t docs_since_commit_ = 0;
  size_t bytes_since_commit_ = 0;
  size_t commits_ = 0;
  bool failed_ = false;  // a commit failed: write nothing more (see ~IndexWriter)
  bool closed_ = false;
};

}  // namespace secxref

#endif  // SECXREF_INDEX_INDEX_WRITER_H_
