#include "indexer/index/maintenance.h"

#include <gtest/gtest.h>

#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::DocumentSet;
using testing_support::FakeLetterFile;
using testing_support::FakeSource;
using testing_support::TempDir;
using testing_support::WriteFile;

std::vector<InputFile> Files(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    struct stat st;
    stat(p.c_str(), &st);
    out.push_back({p, static_cast<uint64_t>(st.st_size), static_cast<int64_t>(st.st_mtime)});
  }
  return out;
}

class MaintenanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 8; ++i) {
      std::string p = tmp_ / ("tree/l" + std::to_string(i) + ".txt");
      WriteFile(p, FakeLetterFile("0000000000-15-00000" + std::to_string(i), 2));
      paths_.push_back(p);
    }
    IndexLocation loc(db());
    IndexWriter writer(loc.CreateIfMissing(), WriterOptions{});
    Pipeline pipeline(&writer, FakeSource(), PipelineOptions{});
    pipeline.Run(Files(paths_), never_, [](const std::string&) {}, [](const PipelineStats&) {});
  }
  std::string db() const { return tmp_ / "db"; }
  ReindexResult DoReindex(const std::atomic<bool>& stop) {
    IndexLocation loc(db());
    return Reindex(loc, FakeSource(), PipelineOptions{}, WriterOptions{}, stop,
                   [](const std::string&) {}, [](const PipelineStats&) {});
  }
  TempDir tmp_;
  std::vector<std::string> paths_;
  std::atomic<bool> never_{false};
};

TEST_F(MaintenanceTest, ReindexRebuildsTheSameDocumentsAndSwaps) {
  auto before = DocumentSet(db());
  ASSERT_EQ(before.size(), 24u);
  Xapian::Database open_reader(db());
  ReindexResult result = DoReindex(never_);
  EXPECT_TRUE(result.swapped);
  EXPECT_EQ(result.stats.letters, 8u);
  EXPECT_EQ(result.database, db() + "/glass.2");
  EXPECT_FALSE(std::filesystem::exists(db() + "/glass.1"));
  EXPECT_EQ(DocumentSet(db()), before);
  // A reader open before the swap still reads its snapshot.
  EXPECT_EQ(open_reader.get_doccount(), 24u);
  EXPECT_FALSE(open_reader.get_document(1).get_data().empty());
  // The rebuilt index knows its sources: a following add skips them all.
  IndexWriter writer(IndexLocation(db()).Database(), WriterOptions{});
  EXPECT_EQ(writer.Records().size(), 8u);
}

TEST_F(MaintenanceTest, ReindexDropsSourcesThatAreGone) {
  std::filesystem::remove(paths_[0]);
  ReindexResult result = DoReindex(never_);
  EXPECT_EQ(result.missing, std::vector<std::string>{paths_[0]});
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 21u);
}

TEST_F(MaintenanceTest, InterruptedReindexLeavesTheOldIndex) {
  auto before = DocumentSet(db());
  std::atomic<bool> stop{true};
  ReindexResult result = DoReindex(stop);
  EXPECT_FALSE(result.swapped);
  EXPECT_EQ(IndexLocation(db()).Database(), db() + "/glass.1");
  EXPECT_EQ(DocumentSet(db()), before);
  EXPECT_FALSE(std::filesystem::exists(db() + "/glass.2"));
}

TEST_F(MaintenanceTest, ReindexWhileSomeoneWritesIsRefused) {
  IndexWriter busy(IndexLocation(db()).Database(), WriterOptions{});
  EXPECT_THROW(DoReindex(never_), IndexLockedError);
}

TEST_F(MaintenanceTest, ALeftoverGenerationFromAKilledRebuildIsCleared) {
  std::filesystem::create_directories(db() + "/glass.7");
  WriteFile(db() + "/glass.7/postlist.glass", "half written");
  ReindexResult result = DoReindex(never_);
  EXPECT_TRUE(result.swapped);
  EXPECT_FALSE(std::filesystem::exists(db() + "/glass.7"));
  EXPECT_EQ(result.database, db() + "/glass.2");
}

TEST_F(MaintenanceTest, CompactKeepsTheDocumentsInANewGeneration) {
  auto before = DocumentSet(db());
  IndexLocation loc(db());
  std::string now = Compact(loc);
  EXPECT_EQ(now, db() + "/glass.2");
  EXPECT_EQ(DocumentSet(db()), before);
  EXPECT_EQ(IndexWriter(now, WriterOptions{}).Records().size(), 8u);
}

}  // namespace
}  // namespace secxref
