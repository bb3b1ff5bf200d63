// The two letters the product was specified from come out exactly (issue 3): run through
// the readers, the segmenter and the grammar when ../shared/seeds exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "indexer/extract/cited_letter.h"
#include "indexer/read/reader.h"
#include "indexer/segment/segmenter.h"

namespace secxref {
namespace {

using CommentIds = std::map<int, std::set<std::string>>;

CommentIds Extract(const std::string& path) {
  CommentIds out;
  ReadPaths({path}, ReadLimits{}, [&](Document&& doc) {
    CitedLetter cited = CiteLetter(SegmentLetter(std::move(doc)));
    for (const CitedCitation& c : cited.citations) out[c.comment.value_or(0)].insert(c.citation.id);
  });
  return out;
}

std::string Seed(const char* name) {
  std::string path = std::string(SECXREF_SHARED) + "/seeds/" + name;
  return std::filesystem::exists(path) ? path : "";
}

TEST(Seeds, Letter2013) {
  std::string path = Seed("letter-2013-10-29.txt");
  if (path.empty()) GTEST_SKIP() << "no ../shared/seeds";
  CommentIds got = Extract(path);
  CommentIds want = {
      {1, {"ASC 810-10-50-2AA(d)", "ASC 810-10-50-3(bb)"}},
      {2, {"ASC 810-10-50-5A(d)"}},
      {3, {"ASC 805-30-50-1(f)(2)", "ASC 805-30-25-2", "ASC 805-30-25-3", "ASC 805-30-25-4"}},
      {5, {"ASC 850-10-50-1(a)", "ASC 850-10-50-5"}},
  };
  EXPECT_EQ(got, want);
}

TEST(Seeds, Letter2017) {
  std::string path = Seed("letter-2017-09-19.txt");
  if (path.empty()) GTEST_SKIP() << "no ../shared/seeds";
  CommentIds got = Extract(path);
  CommentIds want = {
      {1, {"Form 20-F Item 5.D", "Release 33-8350 Section III.B.3", "Release 33-8350 Section IV.B.1"}},
  };
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace secxref
