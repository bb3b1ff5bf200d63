#include "indexer/index/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "indexer/base/hash.h"
#include "indexer/index/index_status.h"
#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::DocumentSet;
using testing_support::FakeLetterFile;
using testing_support::FakeSource;
using testing_support::SetMtime;
using testing_support::TempDir;
using testing_support::WriteFile;

std::string Acc(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0000000000-14-%06d", i);
  return buf;
}

// The files of a directory as ListInputs would give them (the walker belongs to the reading
// stage; here a plain recursive listing will do).
std::vector<InputFile> Walk(const std::string& dir) {
  std::vector<InputFile> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    struct stat st;
    stat(e.path().c_str(), &st);
    files.push_back({e.path().string(), static_cast<uint64_t>(st.st_size), static_cast<int64_t>(st.st_mtime)});
  }
  std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return files;
}

struct RunResult {
  PipelineStats stats;
  std::vector<std::string> errors;
};

RunResult Index(const std::string& db, const std::vector<InputFile>& files, PipelineOptions options = {},
          WriterOptions writer_options = {}, const std::atomic<bool>* stop = nullptr) {
  static const std::atomic<bool> never{false};
  IndexWriter writer(db, writer_options);
  Pipeline pipeline(&writer, FakeSource(), options);
  RunResult run;
  run.stats = pipeline.Run(
      files, stop ? *stop : never, [&](const std::string& e) { run.errors.push_back(e); },
      [](const PipelineStats&) {});
  return run;
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 30; ++i) WriteFile(tree() + "/l" + std::to_string(i) + ".txt", FakeLetterFile(Acc(i), 1 + i % 4));
  }
  std::string tree() const { return tmp_ / "tree"; }
  std::string db() const { return tmp_ / "db"; }
  TempDir tmp_;
};

TEST_F(PipelineTest, IndexesEveryLetterWithSeveralReaders) {
  PipelineOptions options;
  options.jobs = 3;
  RunResult run = Index(db(), Walk(tree()), options);
  EXPECT_EQ(run.stats.letters, 30u);
  EXPECT_EQ(run.stats.comments, 73u);  // 1+2+3+4 seven times, then 1+2
  EXPECT_EQ(run.stats.citations, 73u);
  EXPECT_EQ(run.stats.failed, 0u);
  EXPECT_EQ(run.stats.files_done, 30u);
  EXPECT_TRUE(run.errors.empty());
  Xapian::Database r(db());
  EXPECT_EQ(r.get_doccount(), 103u);
  IndexStatus status = [&] { Xapian::Database d(db()); return ReadIndexStatus(d); }();
  EXPECT_EQ(status.letters, 30u);
  EXPECT_EQ(status.comments, 73u);
  EXPECT_EQ(status.citations, 73u);
  EXPECT_EQ(status.sources, 30u);
}

TEST_F(PipelineTest, SecondRunOverTheSameFilesDoesNothing) {
  Index(db(), Walk(tree()));
  auto before = DocumentSet(db());
  RunResult again = Index(db(), Walk(tree()));
  EXPECT_EQ(again.stats.letters, 0u);
  EXPECT_EQ(again.stats.skipped, 30u);
  EXPECT_EQ(DocumentSet(db()), before);
}

TEST_F(PipelineTest, UnchangedContentWithANewMtimeIsSkippedByHash) {
  Index(db(), Walk(tree()));
  SetMtime(tree() + "/l3.txt", 1000000000);
  RunResult again = Index(db(), Walk(tree()));
  EXPECT_EQ(again.stats.letters, 0u);
  EXPECT_EQ(again.stats.skipped, 30u);
  IndexWriter w(db(), WriterOptions{});
  EXPECT_EQ(w.Record(AbsolutePath(tree() + "/l3.txt"))->mtime_ns, int64_t{1000000000} * 1000000000);
}

TEST_F(PipelineTest, ChangedFileIsReindexedAndItsStaleCommentsGo) {
  Index(db(), Walk(tree()));
  // l3 had 4 comments; now 1.
  WriteFile(tree() + "/l3.txt", FakeLetterFile(Acc(3), 1, "ASC 842-10-15-3"));
  SetMtime(tree() + "/l3.txt", 2000000000);
  RunResult again = Index(db(), Walk(tree()));
  EXPECT_EQ(again.stats.letters, 1u);
  EXPECT_EQ(again.stats.skipped, 29u);
  Xapian::Database r(db());
  EXPECT_EQ(r.get_termfreq(schema::LetterTerm(Acc(3) + ":l3.txt")), 2u);
  EXPECT_EQ(r.get_termfreq("XCasc 842-10"), 1u);
  EXPECT_EQ(r.get_doccount(), 103u - 3u);
}

TEST_F(PipelineTest, ErrorsAreReportedAndTheBatchGoesOn) {
  WriteFile(tree() + "/bad.txt", "!error not a letter");
  RunResult run = Index(db(), Walk(tree()));
  EXPECT_EQ(run.stats.letters, 30u);
  EXPECT_EQ(run.stats.failed, 1u);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_NE(run.errors[0].find("bad.txt: not a letter"), std::string::npos);
  // A failed source is retried on the next run (the exit status keeps saying so).
  RunResult again = Index(db(), Walk(tree()));
  EXPECT_EQ(again.stats.failed, 1u);
  EXPECT_EQ(again.stats.skipped, 30u);
}

TEST_F(PipelineTest, ArchivesAreWrittenInSeveralTransactions) {
  WriteFile(tree() + "/big.zip", "!letters 25 v1");
  PipelineOptions options;
  options.chunk_letters = 4;
  RunResult run = Index(db(), Walk(tree()), options);
  EXPECT_EQ(run.stats.letters, 55u);
  IndexWriter w(db(), WriterOptions{});
  auto rec = w.Record(AbsolutePath(tree() + "/big.zip"));
  ASSERT_TRUE(rec);
  EXPECT_TRUE(rec->Complete());
  EXPECT_EQ(rec->keys.size(), 25u);
}

TEST_F(PipelineTest, StopFinishesTheCurrentChunkAndCommits) {
  std::atomic<bool> stop{true};
  RunResult run = Index(db(), Walk(tree()), PipelineOptions{}, WriterOptions{}, &stop);
  EXPECT_TRUE(run.stats.stopped);
  Xapian::Database r(db());  // opens: what was done is committed
  EXPECT_EQ(r.get_doccount(), 0u);
  RunResult resumed = Index(db(), Walk(tree()));
  EXPECT_EQ(resumed.stats.letters, 30u);
}

TEST_F(PipelineTest, FlatMemoryKnobsStillIndexEverything) {
  // Tiny budgets: readers wait for the writer instead of piling documents up.
  PipelineOptions options;
  options.jobs = 4;
  options.input_budget = 1;
  options.queue_bytes = 1;
  options.chunk_bytes = 1;
  WriterOptions writer_options;
  writer_options.batch_docs = 7;
  RunResult run = Index(db(), Walk(tree()), options, writer_options);
  EXPECT_EQ(run.stats.letters, 30u);
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 103u);
}

TEST_F(PipelineTest, SameDocumentsWhateverTheJobsAndBatches) {
  PipelineOptions one;
  one.jobs = 1;
  Index(db(), Walk(tree()), one);
  PipelineOptions four;
  four.jobs = 4;
  WriterOptions small;
  small.batch_docs = 3;
  Index(tmp_ / "db2", Walk(tree()), four, small);
  EXPECT_EQ(DocumentSet(db()), DocumentSet(tmp_ / "db2"));
}

TEST_F(PipelineTest, ReaderOpenDuringWritesSeesWholeLettersOnly) {
  { IndexWriter w(db(), WriterOptions{}); }  // exists before the reader opens
  std::atomic<bool> done{false};
  std::atomic<int> checks{0}, reopened{0};
  std::string failure;
  std::thread reader([&] {
    Xapian::Database r(db());
    while (!done.load()) {
      try {
        r.reopen();
        WithReopen(r, [&] {
          // Every letter present is complete: as many documents as its data says it has.
          for (auto t = r.allterms_begin("XL"); t != r.allterms_end("XL"); ++t) {
            Xapian::docid id = *r.postlist_begin(*t);
            std::string data = r.get_document(id).get_data();
            size_t docs = std::stoul(data.substr(data.find("\"docs\":") + 7));
            if (t.get_termfreq() != docs) failure = "half a letter: " + *t;
          }
          return 0;
        });
        ++checks;
      } catch (const Xapian::DatabaseModifiedError&) {
        ++reopened;
      }
    }
  });
  WriterOptions small;
  small.batch_docs = 2;
  PipelineOptions options;
  options.jobs = 2;
  Index(db(), Walk(tree()), options, small);
  done = true;
  reader.join();
  EXPECT_EQ(failure, "");
  EXPECT_GT(checks.load(), 0);
}

TEST_F(PipelineTest, LargeFilesAreHashedStreamingAndReadFromDisk) {
  WriteFile(tree() + "/big.zip", "!letters 5 v1");
  Index(db(), Walk(tree()));
  PipelineOptions streamed;
  streamed.load_limit = 1;  // every file is "large"
  Index(tmp_ / "db2", Walk(tree()), streamed);
  EXPECT_EQ(DocumentSet(db()), DocumentSet(tmp_ / "db2"));
  IndexWriter w(tmp_ / "db2", WriterOptions{});
  std::ifstream in(tree() + "/l7.txt", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(w.Record(AbsolutePath(tree() + "/l7.txt"))->hash, ContentHash(bytes));
}

TEST(HashFile, EqualsContentHashOfTheBytes) {
  TempDir tmp;
  std::string bytes;
  for (int i = 0; bytes.size() < (5u << 20) + 12345; ++i) bytes += "line " + std::to_string(i) + "\n";
  WriteFile(tmp / "f", bytes);
  std::string hash, error;
  ASSERT_TRUE(HashFile(tmp / "f", &hash, &error)) << error;
  EXPECT_EQ(hash, ContentHash(bytes));
  EXPECT_FALSE(HashFile(tmp / "missing", &hash, &error));
  EXPECT_FALSE(error.empty());
}

TEST(Shards, DeterministicDisjointAndComplete) {
  std::vector<int> counts(3);
  for (int i = 0; i < 300; ++i) {
    std::string rel = "edgar/data/1/" + std::to_string(i) + "/filename1.pdf";
    uint32_t s = ShardOf(rel, 3);
    ASSERT_LT(s, 3u);
    EXPECT_EQ(s, ShardOf(rel, 3));
    ++counts[s];
  }
  for (int c : counts) EXPECT_GT(c, 60);  // roughly even
  EXPECT_EQ(ShardOf("anything", 1), 0u);
}

TEST(GoneSources, UnderTheGivenRootsAndNotSeen) {
  TempDir tmp;
  WriteFile(tmp / "tree/a.txt", "x");
  std::vector<SourceRecord> records(4);
  records[0].path = tmp / "tree/a.txt";     // seen
  records[1].path = tmp / "tree/b.txt";     // under the root, not seen: gone
  records[2].path = tmp / "other/c.txt";    // elsewhere: kept
  records[3].path = tmp / "treehouse/d.txt";  // a sibling sharing the prefix: kept
  std::set<std::string> seen{tmp / "tree/a.txt"};
  auto gone = GoneSources(records, {tmp / "tree/"}, seen);
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].path, tmp / "tree/b.txt");
  // Without roots: every record whose file no longer exists.
  auto missing = GoneSources(records, {}, {});
  EXPECT_EQ(missing.size(), 3u);
}

}  // namespace
}  // namespace secxref
