// Reads every letter of ../shared/corpus (when present): each file yields one Document with
// text and no error; staff PDFs carry no template residue, logo caption or running header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> CorpusPaths(const std::string& corpus) {
  // index.jsonl lists every letter: {"...", "path": "edgar/data/..."}.
  std::vector<std::string> paths;
  std::ifstream in(corpus + "/index.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    size_t key = line.find("\"path\": \"");
    if (key == std::string::npos) continue;
    size_t start = key + 9, end = line.find('"', start);
    paths.push_back(corpus + "/" + line.substr(start, end - start));
  }
  return paths;
}

// A line that is only a running-header "Page N", or a date followed by "Page N".
bool IsPageHeaderLine(std::string_view line) {
  size_t at = line.rfind("Page ");
  if (at == std::string_view::npos) return false;
  std::string_view rest = line.substr(at + 5);
  if (rest.empty() || rest.size() > 3) return false;
  for (char c : rest)
    if (c < '0' || c > '9') return false;
  // Alone, or after a date ("August 31, 2023 Page 2").
  std::string_view before = line.substr(0, at);
  if (before.empty()) return true;
  if (before.size() < 10 || before.back() != ' ' || before.find(',') == std::string_view::npos)
    return false;
  for (size_t i = before.size() - 5; i < before.size() - 1; ++i)
    if (before[i] < '0' || before[i] > '9') return false;
  return true;
}

TEST(CorpusTest, EveryLetterReads) {
  std::string corpus = std::string(SECXREF_SHARED) + "/corpus";
  if (!fs::exists(corpus + "/index.jsonl")) GTEST_SKIP() << "no corpus at " << corpus;
  std::vector<std::string> paths = CorpusPaths(corpus);
  ASSERT_GT(paths.size(), 500u);
  size_t pdfs = 0;
  for (const std::string& path : paths) {
    std::vector<Document> docs;
    ReadFile(path, {}, [&](Document&& d) { docs.push_back(std::move(d)); });
    ASSERT_EQ(docs.size(), 1u) << path;
    const Document& doc = docs[0];
    EXPECT_EQ(doc.error, "") << path;
    EXPECT_GT(doc.text.size(), 200u) << path;
    EXPECT_TRUE(doc.submission.accession.has_value()) << path;
    EXPECT_TRUE(doc.submission.cik.has_value()) << path;
    if (doc.format != "pdf") continue;
    ++pdfs;
    EXPECT_TRUE(doc.warnings.empty()) << path << ": " << doc.warnings[0];
    for (std::string_view residue : {"FirstName", "LastName", "Comapany", "commission logo"})
      EXPECT_EQ(doc.text.find(residue), std::string::npos) << path << " has " << residue;
    for (const Line& line : doc.lines) {
      std::string_view t = testing::LineText(doc, line);
      EXPECT_FALSE(line.page >= 2 && IsPageHeaderLine(t)) << path << ": " << t;
    }
  }
  EXPECT_GT(pdfs, 300u);
}

TEST(CorpusTest, HeaderLineDetectorOfThisTest) {
  EXPECT_TRUE(IsPageHeaderLine("Page 2"));
  EXPECT_TRUE(IsPageHeaderLine("August 31, 2023 Page 2"));
  EXPECT_FALSE(IsPageHeaderLine("Risk Factors, page 2"));
  EXPECT_FALSE(IsPageHeaderLine("Results of Operations, Page 34"));
  EXPECT_FALSE(IsPageHeaderLine("Page 34 (Table for proven reserves)"));
}

}  // namespace
}  // namespace secxref
