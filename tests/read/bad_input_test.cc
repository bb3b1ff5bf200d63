// Bad input never stops a batch: each yields one Document with a clear error (or a warning)
// and reading goes on.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

namespace fs = std::filesystem;
using testing::FixturePath;

struct BadCase {
  const char* fixture;
  const char* format;
  const char* error;    // substring; "" when the input is readable
  const char* warning;  // substring of the one warning; "" for none
};

class BadFixtureTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadFixtureTest, OneDocumentWithAClearMessage) {
  const BadCase& c = GetParam();
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath(c.fixture)});
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.source, FixturePath(c.fixture));
  EXPECT_EQ(doc.format, c.format);
  if (*c.error) {
    EXPECT_NE(doc.error.find(c.error), std::string::npos) << doc.error;
    EXPECT_TRUE(doc.text.empty());
    EXPECT_TRUE(doc.lines.empty());
  } else {
    EXPECT_EQ(doc.error, "");
  }
  if (*c.warning) {
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_NE(doc.warnings[0].find(c.warning), std::string::npos) << doc.warnings[0];
  } else {
    EXPECT_TRUE(doc.warnings.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BadFixtureTest,
    ::testing::Values(BadCase{"bad/empty.txt", "empty", "empty file", ""},
                      BadCase{"bad/whitespace.txt", "empty", "only whitespace", ""},
                      BadCase{"bad/random.bin", "binary", "not a letter", ""},
                      BadCase{"bad/truncated.pdf", "pdf", "damaged or truncated", ""},
                      BadCase{"bad/encrypted.pdf", "pdf", "encrypted PDF", ""},
                      BadCase{"bad/no-text.pdf", "pdf", "", "no text layer"},
                      BadCase{"bad/invalid-utf8.txt", "text", "", "Windows-1252"}));

TEST(BadInputTest, InvalidUtf8IsReadAsWindows1252) {
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath("bad/invalid-utf8.txt")});
  ASSERT_EQ(docs.size(), 1u);
  // The valid UTF-8 part comes out as Windows-1252 mojibake: the file is one encoding.
  EXPECT_NE(docs[0].text.find("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D text here."),
            std::string::npos)
      << docs[0].text;
}

TEST(BadInputTest, FileOverTheSizeLimitIsNotRead) {
  std::string path = (fs::temp_directory_path() / "secxref-read-100mb.txt").string();
  int fd = open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "Dear Sir:\n", 10), 10);
  ASSERT_EQ(ftruncate(fd, 100ll << 20), 0);  // sparse: 100 MB without writing them
  close(fd);
  std::vector<Document> docs = testing::ReadAllPaths({path});
  fs::remove(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "file too large (104857600 bytes > limit 67108864)");
  EXPECT_EQ(docs[0].raw_bytes, 104857600u);
  // The same through ReadBytes, with a lowered limit.
  ReadLimits limits;
  limits.max_file_bytes = 8;
  std::vector<Document> small = testing::ReadAllBytes("Dear Sir: more than eight", limits);
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].error, "file too large (25 bytes > limit 8)");
}

TEST(BadInputTest, ABatchGoesOnPastBadInputs) {
  std::vector<std::string> paths = {FixturePath("bad"), FixturePath("text/staff-letter-utf8.txt"),
                                    FixturePath("does-not-exist.pdf")};
  std::vector<Document> docs = testing::ReadAllPaths(paths);
  ASSERT_EQ(docs.size(), 9u);  // 7 bad fixtures, the letter, the missing path
  EXPECT_EQ(docs[7].error, "");
  EXPECT_FALSE(docs[7].text.empty());
  EXPECT_EQ(docs[8].error, "No such file or directory");
}

TEST(BadInputTest, RandomBytesNeverThrow) {
  std::mt19937 rng(42);
  const char* prefixes[] = {"%PDF-1.4\n", "PK\x03\x04", "\x1F\x8B",          "<SEC-DOCUMENT>",
                            "<DOCUMENT>", "<html>",     "begin 644 x.pdf\n", ""};
  for (const char* prefix : prefixes) {
    for (int round = 0; round < 20; ++round) {
      std::string bytes = prefix;
      size_t n = rng() % 3000;
      for (size_t i = 0; i < n; ++i) bytes.push_back(static_cast<char>(rng()));
      std::vector<Document> docs;
      EXPECT_NO_THROW(docs = testing::ReadAllBytes(bytes));
      EXPECT_GE(docs.size(), 1u) << "prefix " << prefix;
    }
  }
}

}  // namespace
}  // namespace secxref
