#include "indexer/index/index_writer.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "indexer/index/db_location.h"
#include "indexer/index/schema.h"

namespace secxref {
namespace {

// In the database directory while a sync_at_close writer has commits that may not be on the
// disk. Glass ignores files it does not know; xapian-compact does not copy it.
constexpr char kSyncPendingFile[] = "secxref-sync-pending";

std::string SyncPendingPath(const std::string& dir) { return dir + "/" + kSyncPendingFile; }

std::string UnfinishedSync(const std::string& dir) {
  return dir + ": an `add --sync end` run on this index did not finish";
}

// `reindex` reads its list of sources from the index itself, which may be what is damaged.
const char kRebuild[] =
    ": move it aside and add the letters again into a new --db (`secxref-index reindex` reads its "
    "list of files from this index and may fail on it)";

void RemoveMarker(const std::string& dir) {
  if (::unlink(SyncPendingPath(dir).c_str()) != 0 && errno != ENOENT)
    throw std::runtime_error("cannot remove " + SyncPendingPath(dir) + ": " + std::strerror(errno));
  SyncDirectoryNames(dir);
}

// A sync_at_close writer did not close: its unsynced commits may have been cut short or torn
// by a crash of the machine (after only a killed process they are whole). The whole database
// is checked before anything reads it to write; when it passes, it is synced and the marker
// goes. Called with the write lock held, so a marker is not a running writer's.
void CheckUnfinishedSync(const std::string& dir) {
  if (!IndexWriter::SyncPending(dir)) return;
  size_t errors = 0;
  try {
    errors = Xapian::Database::check(dir, 0, nullptr);
  } catch (const Xapian::Error& e) {
    throw IndexDamagedError(UnfinishedSync(dir) + ", and the index cannot be read (" + e.get_description() +
                            ")" + kRebuild);
  }
  if (errors)
    throw IndexDamagedError(UnfinishedSync(dir) + ", and Xapian's check finds " + std::to_string(errors) +
                            " errors in the index" + kRebuild);
  SyncDirectory(dir);  // what passed the check is on the disk before the marker goes
  RemoveMarker(dir);
}

Xapian::WritableDatabase OpenWritable(const std::string& dir, const WriterOptions& options) {
  int flags = (options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN) | Xapian::DB_BACKEND_GLASS;
  if (options.no_sync || options.sync_at_close) flags |= Xapian::DB_NO_SYNC;
  // Glass also flushes on its own every XAPIAN_FLUSH_THRESHOLD changes (10000 by default);
  // keep that out of the way of our own batches unless the user set it.
  if (!std::getenv("XAPIAN_FLUSH_THRESHOLD")) {
    size_t threshold = std::max<size_t>(options.batch_docs * 2, 10000);
    setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(threshold).c_str(), 0);
  }
  return OpenIndexForWriting(dir, flags);
}

// A transaction that is cancelled unless committed (exceptions unwind through it).
class Transaction {
 public:
  explicit Transaction(Xapian::WritableDatabase& db) : db_(db) { db_.begin_transaction(false); }
  ~Transaction() {
    if (!done_) {
      try {
        db_.cancel_transaction();
      } catch (const Xapian::Error&) {
      }
    }
  }
  void Commit() {
    db_.commit_transaction();
    done_ = true;
  }

 private:
  Xapian::WritableDatabase& db_;
  bool done_ = false;
};

}  // namespace

std::string IsoTimeNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string DatabaseShard(const Xapian::Database& db) {
  std::string value = db.get_metadata(schema::kMetaShard);
  size_t space = value.find(' ');
  if (space == std::string::npos || value.substr(space + 1) != db.get_uuid()) return "";
  return value.substr(0, space);
}

void SetDatabaseShard(Xapian::WritableDatabase& db, const std::string& spec) {
  db.set_metadata(schema::kMetaShard, spec.empty() ? "" : spec + " " + db.get_uuid());
}

Xapian::WritableDatabase OpenIndexForWriting(const std::string& dir, int flags) {
  try {
    Xapian::WritableDatabase db(dir, flags);
    CheckUnfinishedSync(dir);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLockedError(dir);
  } catch (const Xapian::DatabaseError& e) {
    // Glass reads each table's root block on opening: torn tables can fail already here.
    if (IndexWriter::SyncPending(dir))
      throw IndexDamagedError(UnfinishedSync(dir) + ", and the index cannot be opened (" + e.get_description() +
                              ")" + kRebuild);
    throw;
  }
}

IndexWriter::IndexWriter(const std::string& dir, const WriterOptions& options)
    : dir_(dir), options_(options), db_(OpenWritable(dir, options)) {
  const std::string version = db_.get_metadata(schema::kMetaSchemaVersion);
  if (version.empty()) {
    if (db_.get_doccount() > 0)
      throw SchemaMismatchError(dir + " holds a Xapian database that is not a secxref index");
    db_.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
    db_.set_metadata(schema::kMetaCreated, IsoTimeNow());
  } else if (version != std::to_string(schema::kSchemaVersion)) {
    throw SchemaMismatchError("index " + dir + " has schema version " + version +
                              "; this secxref-index writes version " +
                              std::to_string(schema::kSchemaVersion) +
                              ": run `secxref-index reindex` to rebuild it");
  }
  db_.set_metadata(schema::kMetaExtractorVersion, ExtractorVersion());
  if (options_.sync_at_close) {
    // Last, so a refused database gets no marker; durable before the first unsynced commit,
    // and so is what is already there (a database just created was written unsynced).
    SyncDirectory(dir_);
    WriteFileSynced(SyncPendingPath(dir_), "secxref-index add --sync end: commits not yet synced\n");
    SyncDirectoryNames(dir_);
  }
}

bool IndexWriter::SyncPending(const std::string& dir) {
  return ::access(SyncPendingPath(dir).c_str(), F_OK) == 0;
}

void IndexWriter::Close() {
  if (closed_) return;
  if (failed_) throw std::runtime_error("index " + dir_ + ": a commit failed; the index keeps the one before");
  Commit();  // a failure sets failed_: the destructor then leaves the last commit
  // No second attempt from here on: after a failed fsync the kernel may report the next one
  // as a success with the data lost, so the marker must stay for the next writer's check.
  closed_ = true;
  if (options_.sync_at_close) {
    // Still holding the lock, so no other writer sees the marker of a run that is closing.
    SyncDirectory(dir_);
    RemoveMarker(dir_);
  }
  db_.close();
}

IndexWriter::~IndexWriter() {
  if (closed_) return;
  if (failed_) {
    // After a failed commit (a full disk) another attempt can only fail again, and Xapian
    // 1.4 sometimes fails one from a noexcept frame (std::terminate). Xapian's own close
    // would commit what is pending; inside a transaction it cancels instead, which discards
    // everything since the last commit. The index stays at that commit.
    try {
      db_.begin_transaction(false);
    } catch (const Xapian::Error&) {
    }
    return;
  }
  try {
    Close();
  } catch (const Xapian::Error&) {
    // Nothing sensible to do in a destructor; the last successful commit stands (and with
    // sync_at_close, the marker: the next writer checks the database).
  } catch (const std::exception&) {
  }
}

std::optional<SourceRecord> IndexWriter::Record(const std::string& path) const {
  std::string value = db_.get_metadata(SourceMetadataKey(path));
  if (value.empty()) return std::nullopt;
  return DecodeSourceRecord(value);
}

std::vector<Xapian::docid> IndexWriter::LetterDocids(const std::string& key) {
  std::vector<Xapian::docid> ids;
  const std::string term = schema::LetterTerm(key);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) ids.push_back(*it);
  return ids;
}

void IndexWriter::WriteLetter(LetterDocuments&& letter, const std::string& source_term) {
  std::vector<Xapian::docid> existing = LetterDocids(letter.key);
  if (existing.empty()) {
    // A new letter: plain adds, in ascending docid order (no unique-term lookups).
    for (auto& [uid, doc] : letter.docs) db_.add_document(doc);
    return;
  }
  // Other sources that produced the same letter keep their claim on it.
  std::vector<std::string> claims;
  Xapian::Document first = db_.get_document(existing.front());
  const std::string prefix = schema::kSource;
  auto t = first.termlist_begin();
  for (t.skip_to(prefix); t != first.termlist_end(); ++t) {
    const std::string& term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) break;  // termlists are sorted
    if (term != source_term) claims.push_back(term);
  }
  std::vector<Xapian::docid> kept;
  for (auto& [uid, doc] : letter.docs) {
    for (const std::string& c : claims) doc.add_boolean_term(c);
    kept.push_back(db_.replace_document(uid, doc));
  }
  // Comments the letter no longer has.
  for (Xapian::docid id : existing)
    if (std::find(kept.begin(), kept.end(), id) == kept.end()) db_.delete_document(id);
}

bool IndexWriter::DropClaim(const std::string& key, const std::string& source_term) {
  std::vector<Xapian::docid> ids = LetterDocids(key);
  if (ids.empty()) return false;
  bool others = false, mine = false;
  {
    Xapian::Document first = db_.get_document(ids.front());
    const std::string prefix = schema::kSource;
    auto t = first.termlist_begin();
    for (t.skip_to(prefix); t != first.termlist_end(); ++t) {
      const std::string& term = *t;
      if (term.compare(0, prefix.size(), prefix) != 0) break;
      if (term == source_term) {
        mine = true;
      } else {
        others = true;
      }
    }
  }
  if (!others) {
    conversations_.Forget(key);
    db_.delete_document(schema::LetterTerm(key));
    return true;
  }
  if (mine) {
    for (Xapian::docid id : ids) {
      Xapian::Document doc = db_.get_document(id);
      doc.remove_term(source_term);
      db_.replace_document(id, doc);
    }
  }
  return false;
}

void IndexWriter::WriteChunk(SourceChunk&& chunk) {
  SourceState& state = sources_[chunk.path];
  if (!state.loaded) {
    state.old = Record(chunk.path);
    state.loaded = true;
  }
  const std::string source_term = schema::Term(schema::kSource, SourceId(chunk.path));
  const std::string meta_key = SourceMetadataKey(chunk.path);

  size_t docs = 0, bytes = 0;
  Transaction txn(db_);
  conversations_.Prepare(&chunk.letters);  // thread the new letters with their registrants'
  for (LetterDocuments& letter : chunk.letters) {
    docs += letter.docs.size();
    bytes += letter.bytes;
    state.written.insert(letter.key);
    WriteLetter(std::move(letter), source_term);
  }
  SourceRecord record;
  if (state.old) record = *state.old;
  record.path = chunk.path;
  if (!chunk.last) {
    // Claim every key this source may have in the index now, old and new, so that a crash
    // before the final chunk leaves nothing unaccounted for.
    std::set<std::string> keys(record.keys.begin(), record.keys.end());
    keys.insert(state.written.begin(), state.written.end());
    record.keys.assign(keys.begin(), keys.end());
    record.pending = true;
  } else if (chunk.unreadable || (state.written.empty() && chunk.letters_failed > 0)) {
    // Nothing could be read this time: keep the letters indexed before, and retry next run.
    record.letters_failed = std::max<uint32_t>(1, chunk.letters_failed);
    record.error = chunk.error;
    if (!state.old) {
      record.hash.clear();
      record.size = chunk.size;
      record.mtime_ns = chunk.mtime_ns;
    }
  } else {
    for (const std::string& key : record.keys)
      if (!state.written.count(key)) DropClaim(key, source_term);
    record.keys.assign(state.written.begin(), state.written.end());
    record.hash = chunk.hash;
    record.size = chunk.size;
    record.mtime_ns = chunk.mtime_ns;
    record.letters_failed = chunk.letters_failed;
    record.pending = false;
    record.extractor = ExtractorVersion();
    record.error = chunk.error;
  }
  db_.set_metadata(meta_key, EncodeSourceRecord(record));
  conversations_.Finish();
  txn.Commit();
  if (chunk.last) sources_.erase(chunk.path);
  docs_since_commit_ += docs;
  bytes_since_commit_ += bytes;
  MaybeCommit();
}

void IndexWriter::Touch(const std::string& path, int64_t mtime_ns) {
  std::optional<SourceRecord> record = Record(path);
  if (!record) return;
  record->mtime_ns = mtime_ns;
  db_.set_metadata(SourceMetadataKey(path), EncodeSourceRecord(*record));
  ++docs_since_commit_;
  MaybeCommit();
}

size_t IndexWriter::RemoveSource(const SourceRecord& record) {
  const std::string source_term = schema::Term(schema::kSource, SourceId(record.path));
  size_t deleted = 0;
  Transaction txn(db_);
  for (const std::string& key : record.keys) deleted += DropClaim(key, source_term) ? 1 : 0;
  db_.set_metadata(SourceMetadataKey(record.path), "");
  conversations_.Finish();
  txn.Commit();
  docs_since_commit_ += record.keys.size() + 1;
  MaybeCommit();
  return deleted;
}

size_t IndexWriter::RemoveAccession(std::string_view accession) {
  const std::string term = schema::Term(schema::kAccession, accession);
  std::set<std::string> keys;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
    keys.insert(db_.get_document(*it).get_value(schema::kLetterSlot));
  if (keys.empty()) return 0;
  Transaction txn(db_);
  for (const std::string& key : keys) {
    conversations_.Forget(key);
    db_.delete_document(schema::LetterTerm(key));
  }
  // A record that listed those letters no longer matches its file: drop the keys, and make
  // the next `add` re-read the file (which brings the accession back if the file still has it).
  for (SourceRecord& r : ReadSourceRecords(db_)) {
    size_t before = r.keys.size();
    std::erase_if(r.keys, [&](const std::string& k) { return keys.count(k) > 0; });
    if (r.keys.size() == before) continue;
    if (r.keys.empty()) {
      db_.set_metadata(SourceMetadataKey(r.path), "");
    } else {
      r.hash.clear();
      db_.set_metadata(SourceMetadataKey(r.path), EncodeSourceRecord(r));
    }
  }
  conversations_.Finish();
  txn.Commit();
  docs_since_commit_ += keys.size();
  MaybeCommit();
  return keys.size();
}

void IndexWriter::Commit() {
  // A full disk must fail before Xapian writes: on ENOSPC inside commit(), Xapian 1.4.22
  // sometimes throws through a noexcept frame and the process aborts (one run in three of
  // tests/cli/reliability_full_disk.sh before this check). The last commit is safe either way
  // (glass commits atomically), but an abort reports nothing. A commit merges the batch's
  // postings into fresh copies of the blocks it changes: 2.3x the batch's bytes for 30 short
  // letters of tests/index/make_letters.py, 5x for batches of 50 longer ones. A heuristic: a
  // commit that needs more than the estimate still meets ENOSPC in Xapian (docs/reliability.md).
  if (options_.free_space_factor > 0) {
    struct statvfs fs;
    if (statvfs(dir_.c_str(), &fs) == 0) {
      uint64_t free_bytes = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
      uint64_t need = static_cast<uint64_t>(bytes_since_commit_) * options_.free_space_factor + (256u << 10);
      if (free_bytes < need) {
        failed_ = true;
        throw Xapian::DatabaseError("disk too full to commit: " + std::to_string(free_bytes >> 10) +
                                        " KB free, the commit may need " + std::to_string(need >> 10) + " KB",
                                    ENOSPC);
      }
    }
  }
  try {
    db_.commit();
  } catch (const Xapian::Error&) {
    failed_ = true;
    throw;
  }
  ++commits_;
  docs_since_commit_ = 0;
  bytes_since_commit_ = 0;
}

void IndexWriter::MaybeCommit() {
  if (docs_since_commit_ >= options_.batch_docs || bytes_since_commit_ >= options_.batch_bytes)
    Commit();
}

}  // namespace secxref
