#include "indexer/read/edgar_path.h"

#include <gtest/gtest.h>

namespace secxref {
namespace {

struct PathCase {
  const char* path;
  const char* accession;  // "" for none
  const char* cik;
};

class SubmissionFromPathTest : public ::testing::TestWithParam<PathCase> {};

TEST_P(SubmissionFromPathTest, Reads) {
  SubmissionInfo info = SubmissionFromPath(GetParam().path);
  EXPECT_EQ(info.accession.value_or(""), GetParam().accession);
  EXPECT_EQ(info.cik.value_or(""), GetParam().cik);
  EXPECT_FALSE(info.form_type.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SubmissionFromPathTest,
    ::testing::Values(PathCase{"edgar/data/1508475/000000000013061818/filename1.pdf",
                               "0000000000-13-061818", "1508475"},
                      PathCase{
                          "/mirror/Archives/edgar/data/0000064472/000119312505207619/filename1.htm",
                          "0001193125-05-207619", "64472"},
                      PathCase{"corpus\\edgar\\data\\854709\\000000000006052763\\filename1.pdf",
                               "0000000000-06-052763", "854709"},
                      PathCase{"downloads/0001193125-24-039535.txt", "0001193125-24-039535", ""},
                      PathCase{"downloads/000119312524039535.txt", "0001193125-24-039535", ""},
                      PathCase{"letters/filename1.pdf", "", ""},
                      PathCase{"edgar/data/abc/000000000013061818/x.pdf", "", ""},
                      PathCase{"edgar/data/1508475/00000000001306181/x.pdf", "", ""}));

TEST(EdgarPathTest, Helpers) {
  EXPECT_EQ(FormatAccession("000000000013061818"), "0000000000-13-061818");
  EXPECT_EQ(FormatAccession("12345"), "");
  EXPECT_EQ(UnpadCik("0000716314"), "716314");
  EXPECT_EQ(UnpadCik("0000000000"), "0");
}

}  // namespace
}  // namespace secxref
