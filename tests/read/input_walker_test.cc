#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/read/read_test_util.h"
#include "tests/temp_dir.h"

namespace secxref {
namespace {

namespace fs = std::filesystem;
using testing::FixturePath;

using TempDir = test::TempDir;

std::vector<std::string> Paths(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& f : files) out.push_back(f.path);
  return out;
}

TEST(ListInputsTest, FixtureTreeWithSymlinkLoop) {
  std::string root = FixturePath("tree");
  ASSERT_TRUE(fs::is_symlink(root + "/edgar/data/1234567/loop")) << "run scripts/make-fixtures";
  std::vector<std::string> errors;
  std::vector<InputFile> files = ListInputs({root}, &errors);
  // Real paths first, in byte order; the sibling link is not read twice, the loop skipped.
  EXPECT_EQ(Paths(files), (std::vector<std::string>{
                              root + "/edgar/data/1234567/000000000021012345/filename1.pdf",
                              root + "/edgar/data/55555/000111111121000042/filename1.htm"}));
  EXPECT_EQ(files[0].size, fs::file_size(files[0].path));
  EXPECT_GT(files[0].mtime, 0);
  ASSERT_EQ(errors.size(), 2u);
  for (const std::string& e : errors) EXPECT_NE(e.find("already visited"), std::string::npos);
}

TEST(ListInputsTest, SortedHiddenSkippedAndProblemsReported) {
  TempDir dir;
  dir.Write("b/2.txt", "two");
  dir.Write("b/10.txt", "ten");
  dir.Write("a.txt", "a");
  dir.Write(".hidden/x.txt", "x");
  dir.Write("b/.DS_Store", "junk");
  fs::create_symlink(dir.path() + "/nowhere", dir.path() + "/broken");
  fs::create_symlink(dir.path(), dir.path() + "/b/up");  // a loop back to the root
  std::vector<std::string> errors;
  std::vector<InputFile> files = ListInputs({dir.path(), dir.path() + "/missing.txt"}, &errors);
  EXPECT_EQ(Paths(files), (std::vector<std::string>{dir.path() + "/a.txt", dir.path() + "/b/10.txt",
                                                    dir.path() + "/b/2.txt"}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], dir.path() + "/broken: broken symbolic link");
  EXPECT_NE(errors[1].find("/b/up: directory already visited"), std::string::npos);
  EXPECT_EQ(errors[2], dir.path() + "/missing.txt: No such file or directory");
}

TEST(ReadPathsTest, LoopsAreIgnoredAndUnreadablePathsBecomeErrorDocuments) {
  TempDir dir;
  dir.Write("letters/one.txt", "Dear Sir:\nOne.\n");
  fs::create_symlink(dir.path() + "/letters", dir.path() + "/letters/again");
  fs::create_symlink(dir.path() + "/gone", dir.path() + "/letters/zz-broken");
  std::vector<Document> docs = testing::ReadAllPaths({dir.path()});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].source, dir.path() + "/letters/one.txt");
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].text, "Dear Sir:\nOne.");
  EXPECT_EQ(docs[1].source, dir.path() + "/letters/zz-broken");
  EXPECT_EQ(docs[1].error, "broken symbolic link");
}

TEST(ReadPathsTest, GivenDirectoryWithTrailingSlashAndReadFileOnADirectory) {
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath("text/")});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].source, FixturePath("text/response-cp1252.txt"));
  std::vector<Document> via_file;
  ReadFile(FixturePath("text"), {}, [&](Document&& d) { via_file.push_back(std::move(d)); });
  ASSERT_EQ(via_file.size(), 2u);
  EXPECT_EQ(via_file[1].source, FixturePath("text/staff-letter-utf8.txt"));
}

}  // namespace
}  // namespace secxref
