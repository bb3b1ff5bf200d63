#include "indexer/segment/headings.h"

#include <gtest/gtest.h>

namespace secxref {
namespace {

TEST(Headings, LineShapes) {
  for (const char* s : {"Notes to the Consolidated Financial Statements",
                        "Note 1. Organization, page F-14", "21V Xi'an, page F-33", "General",
                        "Item 5. Operating and Financial Review and Prospects, page 70",
                        "Critical Accounting Policies", "**Goodwill, page 84**",
                        "Exhibit 8.1 \xE2\x80\x93Opinion of Counsel regarding certain tax matters",
                        "Form 10-K for the Fiscal Year Ended December 31, 2015"}) {
    EXPECT_TRUE(LooksLikeHeading(s)) << s;
  }
  for (const char* s :
       {"Please revise your disclosure.", "We note your response.", "the amount of the increase",
        "Sincerely,", "Page 2", "October 29, 2013", "$ 1,234 $ 5,678 12.5%",
        "Dear Mr. Hsiao:", "cc: Jane Roe", "Page", "May 16, 2024 Page 7"}) {
    EXPECT_FALSE(LooksLikeHeading(s)) << s;
  }
}

TEST(Headings, Ranks) {
  EXPECT_EQ(HeadingRank("Form 10-K for the Fiscal Year Ended December 31, 2015"), 0);
  EXPECT_EQ(HeadingRank("Amendment No. 1 to Registration Statement on Form S-4"), 0);
  EXPECT_EQ(HeadingRank("Item 7. Management's Discussion and Analysis"), 1);
  EXPECT_EQ(HeadingRank("Notes to the Consolidated Financial Statements"), 1);
  EXPECT_EQ(HeadingRank("General"), 1);
  EXPECT_EQ(HeadingRank("Exhibit 5.1"), 1);
  EXPECT_EQ(HeadingRank("Note 4. Acquisitions"), 2);
  EXPECT_EQ(HeadingRank("Business Combinations"), 3);
  EXPECT_EQ(HeadingRank("Business, page 4"), 1);
  EXPECT_EQ(HeadingRank("Goodwill, page 84"), 3);
}

// Each step applies a block of headings; `open` is what a comment below it carries.
struct Step {
  std::vector<std::string> block;
  std::vector<std::string> open;
};

class OutlineTest : public ::testing::TestWithParam<std::vector<Step>> {};

TEST_P(OutlineTest, Nests) {
  HeadingOutline outline;
  int i = 0;
  for (const Step& s : GetParam()) {
    outline.ApplyBlock(s.block);
    EXPECT_EQ(outline.Open(), s.open) << "step " << i;
    ++i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Letters, OutlineTest,
    ::testing::Values(
        // The first seed letter's outline.
        std::vector<Step>{
            {{"Notes to the Consolidated Financial Statements", "Note 1. Organization, page F-14"},
             {"Notes to the Consolidated Financial Statements", "Note 1. Organization, page F-14"}},
            {{},
             {"Notes to the Consolidated Financial Statements", "Note 1. Organization, page F-14"}},
            {{"Note 4. Acquisitions", "Business Combinations", "21V Xi'an, page F-33"},
             {"Notes to the Consolidated Financial Statements", "Note 4. Acquisitions",
              "Business Combinations", "21V Xi'an, page F-33"}}},
        // Sub-heads under an item: siblings replace siblings.
        std::vector<Step>{{{"Item 5. Operating and Financial Review and Prospects, page 70"},
                           {"Item 5. Operating and Financial Review and Prospects, page 70"}},
                          {{"Critical Accounting Policies", "Goodwill, page 84"},
                           {"Item 5. Operating and Financial Review and Prospects, page 70",
                            "Critical Accounting Policies", "Goodwill, page 84"}},
                          {{"Income Taxes, page 86"},
                           {"Item 5. Operating and Financial Review and Prospects, page 70",
                            "Critical Accounting Policies", "Income Taxes, page 86"}},
                          {{"Item 18. Financial Statements"}, {"Item 18. Financial Statements"}}},
        // A second filing starts a new outline.
        std::vector<Step>{
            {{"Form 10-K for the Fiscal Year Ended December 31, 2015", "General"},
             {"Form 10-K for the Fiscal Year Ended December 31, 2015", "General"}},
            {{"Form 10-Q for the Quarter Ended March 31, 2016", "Note 3. Revenue, page 10"},
             {"Form 10-Q for the Quarter Ended March 31, 2016", "Note 3. Revenue, page 10"}}}));

}  // namespace
}  // namespace secxref
