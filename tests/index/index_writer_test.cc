#include "indexer/index/index_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::DocumentSet;
using testing_support::LetterSpec;
using testing_support::MakeLetter;
using testing_support::TempDir;

LetterSpec Spec(const std::string& accession, int comments, const std::string& source = "/in/a.txt") {
  LetterSpec spec;
  spec.source = source;
  spec.accession = accession;
  for (int i = 1; i <= comments; ++i)
    spec.comments.push_back({i, "Comment " + std::to_string(i), {}, {{Family::kAsc, "ASC 606-10-25-1"}}});
  return spec;
}

SourceChunk Chunk(const std::string& path, const std::vector<LetterSpec>& specs, bool last = true,
                  const std::string& hash = "h1") {
  DocumentBuilder builder;
  SourceChunk chunk;
  chunk.path = path;
  chunk.last = last;
  chunk.hash = hash;
  chunk.size = 10;
  chunk.mtime_ns = 100;
  for (const LetterSpec& s : specs) {
    CitedLetter cited = MakeLetter(s);
    chunk.letters.push_back(builder.Build(cited, LetterKey(cited.letter, hash), SourceId(path)));
  }
  return chunk;
}

size_t LetterDocs(const std::string& db, const std::string& key) {
  return Xapian::Database(db).get_termfreq(schema::LetterTerm(key));
}

TEST(IndexWriter, CreatesSchemaMetadata) {
  TempDir tmp;
  { IndexWriter w(tmp / "db", WriterOptions{}); }
  Xapian::Database db(tmp / "db");
  EXPECT_EQ(db.get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(db.get_metadata(schema::kMetaExtractorVersion), ExtractorVersion());
  EXPECT_FALSE(db.get_metadata(schema::kMetaCreated).empty());
}

TEST(IndexWriter, RefusesAnotherSchemaVersion) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(schema::kMetaSchemaVersion, "999");
    db.commit();
  }
  EXPECT_THROW(IndexWriter(tmp / "db", WriterOptions{}), SchemaMismatchError);
}

TEST(DatabaseShard, RecordedForThisDatabaseOnly) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp / "s1", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    EXPECT_EQ(DatabaseShard(db), "");
    SetDatabaseShard(db, "1/2");
    db.commit();
    EXPECT_EQ(DatabaseShard(db), "1/2");
  }
  // A merge (or any copy made by compaction) has a new UUID: it is not shard 1/2 any more.
  Xapian::Database(tmp / "s1").compact(tmp / "merged");
  Xapian::Database merged(tmp / "merged");
  EXPECT_NE(merged.get_metadata(schema::kMetaShard), "");
  EXPECT_EQ(DatabaseShard(merged), "");
}

TEST(IndexWriter, SecondWriterGetsAClearError) {
  TempDir tmp;
  IndexWriter first(tmp / "db", WriterOptions{});
  try {
    IndexWriter second(tmp / "db", WriterOptions{});
    FAIL() << "second writer opened";
  } catch (const IndexLockedError& e) {
    EXPECT_NE(std::string(e.what()).find("is being written by another process"), std::string::npos);
  }
}

TEST(IndexWriter, ReAddingTheSameLetterIsIdempotent) {
  TempDir tmp;
  const std::string db = tmp / "db";
  { IndexWriter w(db, WriterOptions{}); w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 3)})); }
  auto first = DocumentSet(db);
  EXPECT_EQ(first.size(), 4u);
  { IndexWriter w(db, WriterOptions{}); w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 3)})); }
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 4u);
  EXPECT_EQ(DocumentSet(db), first);
}

TEST(IndexWriter, ReparseIntoFewerCommentsRemovesTheStaleOnes) {
  TempDir tmp;
  const std::string db = tmp / "db";
  const std::string key = "0000000000-13-000001:a.txt";
  { IndexWriter w(db, WriterOptions{}); w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 5)})); }
  EXPECT_EQ(LetterDocs(db, key), 6u);
  { IndexWriter w(db, WriterOptions{}); w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 2)}, true, "h2")); }
  EXPECT_EQ(LetterDocs(db, key), 3u);
  Xapian::Database r(db);
  EXPECT_EQ(r.get_termfreq(schema::UidTerm(key, "2")), 1u);
  EXPECT_EQ(r.get_termfreq(schema::UidTerm(key, "3")), 0u);
  EXPECT_EQ(r.get_termfreq(schema::UidTerm(key, "5")), 0u);
  EXPECT_EQ(r.get_doccount(), 3u);
}

TEST(IndexWriter, LettersASourceNoLongerHasAreDeleted) {
  TempDir tmp;
  const std::string db = tmp / "db";
  {
    IndexWriter w(db, WriterOptions{});
    w.WriteChunk(Chunk("/in/archive.zip", {Spec("0000000000-13-000001", 1, "/in/archive.zip"),
                                           Spec("0000000000-13-000002", 1, "/in/archive.zip")}));
  }
  {
    IndexWriter w(db, WriterOptions{});
    w.WriteChunk(Chunk("/in/archive.zip", {Spec("0000000000-13-000002", 1, "/in/archive.zip")}, true, "h2"));
    auto rec = w.Record("/in/archive.zip");
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->keys, std::vector<std::string>{"0000000000-13-000002:archive.zip"});
    EXPECT_EQ(rec->hash, "h2");
    EXPECT_TRUE(rec->Complete());
  }
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000001:archive.zip"), 0u);
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000002:archive.zip"), 2u);
}

TEST(IndexWriter, RemoveSourceDeletesItsLettersAndRecord) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriter w(db, WriterOptions{});
  w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 2, "/in/a.txt")}));
  w.WriteChunk(Chunk("/in/b.txt", {Spec("0000000000-13-000002", 2, "/in/b.txt")}));
  auto rec = w.Record("/in/a.txt");
  ASSERT_TRUE(rec);
  EXPECT_EQ(w.RemoveSource(*rec), 1u);
  w.Commit();
  EXPECT_FALSE(w.Record("/in/a.txt"));
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000001:a.txt"), 0u);
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000002:b.txt"), 3u);
}

TEST(IndexWriter, ALetterTwoSourcesProduceStaysUntilBothAreGone) {
  TempDir tmp;
  const std::string db = tmp / "db";
  const std::string key = "0000000000-13-000001:a.txt";
  IndexWriter w(db, WriterOptions{});
  // The same EDGAR file under two trees: same letter key.
  w.WriteChunk(Chunk("/one/a.txt", {Spec("0000000000-13-000001", 2, "/one/a.txt")}));
  w.WriteChunk(Chunk("/two/a.txt", {Spec("0000000000-13-000001", 2, "/two/a.txt")}));
  w.Commit();
  EXPECT_EQ(LetterDocs(db, key), 3u);
  EXPECT_EQ(w.RemoveSource(*w.Record("/one/a.txt")), 0u);
  w.Commit();
  EXPECT_EQ(LetterDocs(db, key), 3u);
  Xapian::Database r(db);
  EXPECT_EQ(r.get_termfreq(schema::Term(schema::kSource, SourceId("/one/a.txt"))), 0u);
  EXPECT_EQ(r.get_termfreq(schema::Term(schema::kSource, SourceId("/two/a.txt"))), 3u);
  EXPECT_EQ(w.RemoveSource(*w.Record("/two/a.txt")), 1u);
  w.Commit();
  EXPECT_EQ(LetterDocs(db, key), 0u);
}

TEST(IndexWriter, RemoveAccession) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriter w(db, WriterOptions{});
  w.WriteChunk(Chunk("/in/a.zip", {Spec("0000000000-13-000001", 2, "/in/a.zip"),
                                   Spec("0000000000-13-000002", 1, "/in/a.zip")}));
  w.WriteChunk(Chunk("/in/b.txt", {Spec("0000000000-13-000001", 1, "/in/b.txt")}));
  EXPECT_EQ(w.RemoveAccession("0000000000-13-000001"), 2u);
  w.Commit();
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
  // b.txt only had that accession: forgotten. a.zip keeps its other letter and will be re-read.
  EXPECT_FALSE(w.Record("/in/b.txt"));
  auto a = w.Record("/in/a.zip");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->keys, std::vector<std::string>{"0000000000-13-000002:a.zip"});
  EXPECT_FALSE(a->Complete());
}

TEST(IndexWriter, PendingChunksKeepOldAndNewKeysClaimed) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriter w(db, WriterOptions{});
  w.WriteChunk(Chunk("/in/a.zip", {Spec("0000000000-13-000001", 1, "/in/a.zip")}));
  w.WriteChunk(Chunk("/in/a.zip", {Spec("0000000000-13-000002", 1, "/in/a.zip")}, /*last=*/false, "h2"));
  auto rec = w.Record("/in/a.zip");
  ASSERT_TRUE(rec);
  EXPECT_TRUE(rec->pending);
  EXPECT_FALSE(rec->Complete());
  EXPECT_EQ(rec->keys.size(), 2u);
  w.WriteChunk(Chunk("/in/a.zip", {Spec("0000000000-13-000003", 1, "/in/a.zip")}, /*last=*/true, "h2"));
  rec = w.Record("/in/a.zip");
  EXPECT_FALSE(rec->pending);
  EXPECT_EQ(rec->keys, (std::vector<std::string>{"0000000000-13-000002:a.zip", "0000000000-13-000003:a.zip"}));
  w.Commit();
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000001:a.zip"), 0u);
}

TEST(IndexWriter, UnreadableSourceKeepsWhatWasIndexed) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriter w(db, WriterOptions{});
  w.WriteChunk(Chunk("/in/a.txt", {Spec("0000000000-13-000001", 1)}));
  SourceChunk bad;
  bad.path = "/in/a.txt";
  bad.unreadable = true;
  bad.error = "Permission denied";
  w.WriteChunk(std::move(bad));
  w.Commit();
  EXPECT_EQ(LetterDocs(db, "0000000000-13-000001:a.txt"), 2u);
  auto rec = w.Record("/in/a.txt");
  EXPECT_EQ(rec->error, "Permission denied");
  EXPECT_FALSE(rec->Complete());  // retried next time
}

TEST(IndexWriter, CommitsInBatchesOfDocuments) {
  TempDir tmp;
  WriterOptions options;
  options.batch_docs = 10;
  IndexWriter w(tmp / "db", options);
  for (int i = 0; i < 20; ++i) {
    char acc[32];
    std::snprintf(acc, sizeof acc, "0000000000-13-%06d", i);
    w.WriteChunk(Chunk("/in/" + std::to_string(i), {Spec(acc, 1, "/in/" + std::to_string(i))}));
  }
  EXPECT_EQ(w.commits(), 4u);  // 40 documents, 10 per batch
}

// A writer killed in the middle of a batch: the database holds the last commit, where every
// letter is whole and every record true.
TEST(IndexWriter, KilledMidBatchLeavesTheLastCommit) {
  TempDir tmp;
  const std::string db = tmp / "db";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    WriterOptions options;
    options.batch_docs = 6;
    IndexWriter w(db, options);
    for (int i = 0; i < 5; ++i) {
      char acc[32];
      std::snprintf(acc, sizeof acc, "0000000000-13-%06d", i);
      w.WriteChunk(Chunk("/in/" + std::to_string(i), {Spec(acc, 2, "/in/" + std::to_string(i))}));
    }
    _exit(0);  // no destructor, no commit: as if killed
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  Xapian::Database r(db);
  // 3 documents per letter, commits after letters 2 and 4 (6 documents each time).
  EXPECT_EQ(r.get_doccount(), 12u);
  EXPECT_EQ(ReadSourceRecords(r).size(), 4u);
  for (const SourceRecord& rec : ReadSourceRecords(r))
    for (const std::string& key : rec.keys) EXPECT_EQ(r.get_termfreq(schema::LetterTerm(key)), 3u);
}

// --- sync at close (add --sync end) ------------------------------------------------------

WriterOptions SyncAtClose(size_t batch_docs = 1000) {
  WriterOptions options;
  options.sync_at_close = true;
  options.batch_docs = batch_docs;
  return options;
}

void WriteLetters(IndexWriter& w, int from, int to) {
  for (int i = from; i < to; ++i) {
    char acc[32];
    std::snprintf(acc, sizeof acc, "0000000000-13-%06d", i);
    w.WriteChunk(Chunk("/in/" + std::to_string(i), {Spec(acc, 2, "/in/" + std::to_string(i))}));
  }
}

// Overwrites `length` bytes of `path` from `offset` with junk, as a torn write leaves them.
bool Overwrite(const std::string& path, uintmax_t offset, size_t length) {
  FILE* f = std::fopen(path.c_str(), "r+b");
  if (f == nullptr) return false;
  const std::string junk(length, '\x5a');
  bool ok = std::fseek(f, static_cast<long>(offset), SEEK_SET) == 0 &&
            std::fwrite(junk.data(), 1, junk.size(), f) == junk.size();
  return std::fclose(f) == 0 && ok;
}

// A writer that commits and is then killed, leaving the marker of an unfinished run.
void KilledAfterCommits(const std::string& db, int letters) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    IndexWriter w(db, SyncAtClose(6));
    WriteLetters(w, 0, letters);
    w.Commit();
    _exit(0);  // no Close(): as if killed
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
}

TEST(IndexWriterSyncAtClose, MarkerWhileOpenGoneAfterClose) {
  TempDir tmp;
  const std::string db = tmp / "db";
  {
    IndexWriter w(db, SyncAtClose(6));
    EXPECT_TRUE(IndexWriter::SyncPending(db));
    WriteLetters(w, 0, 5);
    w.Close();
    EXPECT_FALSE(IndexWriter::SyncPending(db));
  }
  EXPECT_FALSE(IndexWriter::SyncPending(db));
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 15u);
  // The destructor closes the same way.
  {
    IndexWriter w(db, SyncAtClose());
    WriteLetters(w, 5, 7);
  }
  EXPECT_FALSE(IndexWriter::SyncPending(db));
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 21u);
  EXPECT_EQ(Xapian::Database::check(db, 0, nullptr), 0u);
}

TEST(IndexWriterSyncAtClose, DefaultWriterLeavesNoMarker) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriter w(db, WriterOptions{});
  EXPECT_FALSE(IndexWriter::SyncPending(db));
}

TEST(IndexWriterSyncAtClose, KilledRunIsCheckedThenContinued) {
  TempDir tmp;
  const std::string db = tmp / "db";
  KilledAfterCommits(db, 5);
  ASSERT_TRUE(IndexWriter::SyncPending(db));
  {
    IndexWriter w(db, WriterOptions{});  // any writer checks, not only --sync end ones
    EXPECT_FALSE(IndexWriter::SyncPending(db));
    WriteLetters(w, 5, 6);
  }
  // The killed run's commits are whole (a killed process loses only what it had not committed).
  Xapian::Database r(db);
  EXPECT_EQ(r.get_doccount(), 18u);
  EXPECT_EQ(ReadSourceRecords(r).size(), 6u);
}

TEST(IndexWriterSyncAtClose, DamagedIndexAfterAnUnfinishedRunIsRefused) {
  TempDir tmp;
  const std::string db = tmp / "db";
  KilledAfterCommits(db, 40);
  ASSERT_TRUE(IndexWriter::SyncPending(db));
  // What a crash of the machine can leave: blocks of a table that never reached the disk.
  const std::string table = db + "/postlist.glass";
  struct stat st;
  ASSERT_EQ(::stat(table.c_str(), &st), 0);
  ASSERT_GT(st.st_size, 8192);
  ASSERT_TRUE(Overwrite(table, 0, static_cast<size_t>(st.st_size)));
  try {
    IndexWriter w(db, WriterOptions{});
    FAIL() << "a damaged index was opened for writing";
  } catch (const IndexDamagedError& e) {
    EXPECT_NE(std::string(e.what()).find("did not finish"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("reindex"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(IndexWriter::SyncPending(db));  // and it stays refused
  EXPECT_THROW(IndexWriter(db, WriterOptions{}), IndexDamagedError);
}

bool OpensForWriting(const std::string& db) {
  try {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    return true;
  } catch (const Xapian::Error&) {
    return false;
  }
}

bool FailsXapianCheck(const std::string& db) {
  try {
    return Xapian::Database::check(db, 0, nullptr) > 0;
  } catch (const Xapian::Error&) {
    return true;
  }
}

// Damage that glass does not notice on opening (a leaf block, not a table's root): the check
// must find it. One block at a time is overwritten in a copy of the index until one such
// block turns up (free blocks of old revisions fail nothing, and are passed over).
TEST(IndexWriterSyncAtClose, DamageOnlyTheCheckFindsIsRefused) {
  namespace fs = std::filesystem;
  TempDir tmp;
  const std::string pristine = tmp / "pristine";
  KilledAfterCommits(pristine, 150);
  ASSERT_TRUE(IndexWriter::SyncPending(pristine));
  const std::string db = tmp / "db";
  int tried = 0;
  for (const char* table : {"termlist.glass", "postlist.glass", "docdata.glass"}) {
    const auto size = fs::file_size(pristine + "/" + table);
    for (uintmax_t offset = 8192; offset + 8192 <= size; offset += 8192) {
      fs::remove_all(db);
      fs::copy(pristine, db, fs::copy_options::recursive);
      ASSERT_TRUE(Overwrite(db + "/" + table, offset + 16, 8192 - 16));  // past the block header
      ++tried;
      if (!OpensForWriting(db) || !FailsXapianCheck(db)) continue;
      try {
        IndexWriter w(db, WriterOptions{});
        FAIL() << table << " at " << offset << ": a database that fails Xapian's check was opened";
      } catch (const IndexDamagedError& e) {
        const std::string what = e.what();
        EXPECT_TRUE(what.find("check finds") != std::string::npos || what.find("cannot be read") != std::string::npos)
            << what;
      }
      EXPECT_TRUE(IndexWriter::SyncPending(db));
      return;
    }
  }
  FAIL() << "no block among " << tried << " both opened and failed the check";
}

TEST(IndexWriterSyncAtClose, RefusedSchemaLeavesNoMarker) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(schema::kMetaSchemaVersion, "999");
    db.commit();
  }
  EXPECT_THROW(IndexWriter(tmp / "db", SyncAtClose()), SchemaMismatchError);
  EXPECT_FALSE(IndexWriter::SyncPending(tmp / "db"));
}

}  // namespace
}  // namespace secxref
