#include "indexer/segment/header.h"

#include <gtest/gtest.h>

#include "tests/segment/segment_test_util.h"

namespace secxref {
namespace {

struct ReCase {
  std::vector<std::string_view> lines;  // first entry: the text after "Re:"
  const char* company;
  std::vector<std::string> reviewed;
  std::vector<std::string> file_numbers;
  const char* cik = nullptr;
};

class ReBlockTest : public ::testing::TestWithParam<ReCase> {};

TEST_P(ReBlockTest, Parses) {
  const ReCase& c = GetParam();
  ReBlock re = ParseReBlock(c.lines);
  if (c.company) {
    ASSERT_TRUE(re.company);
    EXPECT_EQ(*re.company, c.company);
  } else {
    EXPECT_FALSE(re.company);
  }
  EXPECT_EQ(re.reviewed, c.reviewed);
  EXPECT_EQ(re.file_numbers, c.file_numbers);
  if (c.cik) {
    ASSERT_TRUE(re.cik);
    EXPECT_EQ(*re.cik, c.cik);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ReBlockTest,
    ::testing::Values(
        // Company on the Re: line, "Filed" dropped.
        ReCase{{"Acme Widgets, Inc.", "Form 20-F for the Fiscal Year Ended December 31, 2012",
                "Filed April 19, 2013", "File No. 001-35126"},
               "Acme Widgets, Inc.",
               {"Form 20-F for the Fiscal Year Ended December 31, 2012"},
               {"001-35126"}},
        // "Re:" alone, a filing broken over two lines, two filings, two file numbers.
        ReCase{
            {"", "Acme Widgets, Inc.", "Form 10-K for the Fiscal Year Ended", "December 31, 2015",
             "Filed February 18, 2016", "Form 10-Q for the Fiscal Quarter Ended June 30, 2016",
             "Filed July 27, 2016", "File Nos. 1-15891 and 1-36002"},
            "Acme Widgets, Inc.",
            {"Form 10-K for the Fiscal Year Ended December 31, 2015",
             "Form 10-Q for the Fiscal Quarter Ended June 30, 2016"},
            {"1-15891", "1-36002"}},
        // An amendment; a filed date on the filing's own line stays.
        ReCase{{"Acme Bancorp", "Amendment No. 1 to Registration Statement on Form S-4",
                "Filed April 6, 2016", "File No. 333-209962"},
               "Acme Bancorp",
               {"Amendment No. 1 to Registration Statement on Form S-4"},
               {"333-209962"}},
        ReCase{
            {"Acme Beverage Corporation", "Schedule TO-I Filed May 8, 2024", "File No. 005-41221"},
            "Acme Beverage Corporation",
            {"Schedule TO-I Filed May 8, 2024"},
            {"005-41221"}},
        // No file number; the response date names a letter, not a filing.
        ReCase{{"Acme plc", "Form 10-K for the Year Ended March 31, 2023",
                "Response dated September 3, 2024"},
               "Acme plc",
               {"Form 10-K for the Year Ended March 31, 2023"},
               {}},
        // Two registrants; CIK numbers are not file numbers.
        ReCase{{"Acme Group AG", "Acme AG", "Form 20-F for Fiscal Year Ended December 31, 2011",
                "File Nos. 001-15244 and 001-33434", "CIK No. 0001053092"},
               "Acme Group AG and Acme AG",
               {"Form 20-F for Fiscal Year Ended December 31, 2011"},
               {"001-15244", "001-33434"},
               "1053092"},
        // A request for acceleration after the file number is not a filing.
        ReCase{{"Acme Bancshares Incorporated", "Registration Statement on Form S-4",
                "File No. 333-263547", "Request for Acceleration"},
               "Acme Bancshares Incorporated",
               {"Registration Statement on Form S-4"},
               {"333-263547"}},
        // The block written as one sentence.
        ReCase{{"",
                "Request for Acceleration of Effectiveness of Acme Waste, Inc.\xE2\x80\x99s and "
                "Acme Waste Holdings, Inc.\xE2\x80\x99s Registration Statement on Form S-4 "
                "(File No. 333-287083) filed on May 8, 2025."},
               "Acme Waste, Inc. and Acme Waste Holdings, Inc.",
               {"Registration Statement on Form S-4"},
               {"333-287083"}}));

TEST(Header, FileNumbers) {
  EXPECT_EQ(FileNumbersIn("File Nos. 1-15891 and 1-36002"),
            (std::vector<std::string>{"1-15891", "1-36002"}));
  EXPECT_EQ(FileNumbersIn("File No. 001-11307-01"), (std::vector<std::string>{"001-11307"}));
  EXPECT_EQ(FileNumbersIn("File Nos. 814-149; 333-142398"),
            (std::vector<std::string>{"814-149", "333-142398"}));
  EXPECT_TRUE(FileNumbersIn("File No. pending").empty());
}

TEST(Header, Salutations) {
  EXPECT_TRUE(IsSalutation("Dear Mr. Hsiao:"));
  EXPECT_TRUE(IsSalutation("Dear Ms. Sherman and Ms. Xiao"));
  EXPECT_TRUE(IsSalutation("Ladies and Gentlemen:"));
  EXPECT_TRUE(IsSalutation("**Ladies and Gentlemen:**"));
  EXPECT_FALSE(
      IsSalutation("Dearborn Street offices of the Company are leased under an agreement "
                   "that expires in 2025 and that may be renewed"));
  EXPECT_FALSE(IsSalutation("We have reviewed your filing."));
}

TEST(Header, ReadsTheStaffLetterHead) {
  Document doc = testing::FixtureDocument("staff_letter.txt");
  std::vector<TextLine> lines = testing::LinesOf(doc);
  Header h = ReadHeader(lines);
  ASSERT_TRUE(h.date);
  EXPECT_EQ(*h.date, "2019-03-04");
  ASSERT_TRUE(h.addressee);
  EXPECT_EQ(*h.addressee, "Ms. Dana Whitfield");
  ASSERT_GE(h.salutation_line, 0);
  EXPECT_EQ(lines[h.salutation_line].text, "Dear Ms. Whitfield:");
  ASSERT_TRUE(h.re.company);
  EXPECT_EQ(*h.re.company, "Northwind Robotics, Inc.");
  EXPECT_EQ(h.re.reviewed, (std::vector<std::string>{
                               "Form 10-K for the Fiscal Year Ended December 31, 2017",
                               "Form 10-Q for the Quarterly Period Ended September 30, 2018"}));
  EXPECT_EQ(h.re.file_numbers, (std::vector<std::string>{"001-38211", "333-190022"}));
}

TEST(Header, AttentionLineNamesTheAddressee) {
  Document doc = testing::FixtureDocument("response_letter.txt");
  Header h = ReadHeader(testing::LinesOf(doc));
  ASSERT_TRUE(h.addressee);
  EXPECT_EQ(*h.addressee, "Lee Ortega");
  ASSERT_TRUE(h.date);
  EXPECT_EQ(*h.date, "2019-04-02");
}

TEST(Header, DateInsideTheReBlockIsNotTheLettersDate) {
  Document doc = testing::DocumentFromText(
      "Acme Corp.\n\nRe: Acme Corp.\nForm 10-K for the Fiscal Year Ended December 31, 2015\n"
      "Filed April 19, 2016\nFile No. 001-00001\n\nMay 3, 2016\n\nDear Mr. Roe:\n\nText.\n");
  Header h = ReadHeader(testing::LinesOf(doc));
  ASSERT_TRUE(h.date);
  EXPECT_EQ(*h.date, "2016-05-03");
}

}  // namespace
}  // namespace secxref
