#include "indexer/segment/date_parse.h"

#include <gtest/gtest.h>

namespace secxref {
namespace {

struct DateLineCase {
  const char* line;
  const char* iso;  // nullptr: not a date line
};

class DateLineTest : public ::testing::TestWithParam<DateLineCase> {};

TEST_P(DateLineTest, Recognises) {
  const DateLineCase& c = GetParam();
  auto got = DateLine(c.line);
  if (c.iso == nullptr) {
    EXPECT_FALSE(got) << c.line << " -> " << got.value_or("");
  } else {
    ASSERT_TRUE(got) << c.line;
    EXPECT_EQ(*got, c.iso) << c.line;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, DateLineTest,
    ::testing::Values(
        DateLineCase{"October 29, 2013", "2013-10-29"},
        DateLineCase{"September 19, 2017", "2017-09-19"},
        DateLineCase{"Sept. 9, 2016", "2016-09-09"}, DateLineCase{"Oct. 1, 2020", "2020-10-01"},
        DateLineCase{"29 October 2013", "2013-10-29"},
        DateLineCase{"October 29 2013", "2013-10-29"},
        DateLineCase{"October 29th, 2013", "2013-10-29"},
        DateLineCase{"Date: May 20, 2025", "2025-05-20"},
        DateLineCase{"Houston, Texas, May 20, 2025", "2025-05-20"},
        DateLineCase{"May 20, 2025 VIA EDGAR", "2025-05-20"},
        DateLineCase{"**April 17, 2024**", "2024-04-17"}, DateLineCase{"10/29/2013", "2013-10-29"},
        DateLineCase{"February 29, 2016", "2016-02-29"},
        // Not the letter's date: descriptions and impossible dates.
        DateLineCase{"Filed April 19, 2013", nullptr},
        DateLineCase{"Filed on July 26, 2017", nullptr},
        DateLineCase{"Fiscal Year Ended December 31, 2015", nullptr},
        DateLineCase{"Form 10-Q for the Quarter Ended June 30, 2016", nullptr},
        DateLineCase{"Response dated September 3, 2024", nullptr},
        DateLineCase{"As of December 31, 2015", nullptr},
        DateLineCase{"February 29, 2017", nullptr},
        DateLineCase{"May we ask you to revise 2015 disclosures", nullptr},
        DateLineCase{"Page 2", nullptr},
        DateLineCase{"We note your response dated August 12, 2016 to our comment.", nullptr}));

TEST(DateParse, FindsDatesInRunningText) {
  std::string_view s = "comment 2 of our letter dated March 15, 2023 and your August 12 letter";
  auto d = FindDate(s);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso, "2023-03-15");
  EXPECT_EQ(s.substr(d->start, d->end - d->start), "March 15, 2023");
  EXPECT_FALSE(FindDate(s, d->end));  // "August 12" has no year
  auto no_year = FindDate(s, d->end, /*allow_no_year=*/true);
  ASSERT_TRUE(no_year);
  EXPECT_FALSE(no_year->has_year);
  EXPECT_EQ(CompleteYear(*no_year, "2016-10-19"), "2016-08-12");
  EXPECT_EQ(CompleteYear(*no_year, "2017-03-01"), "2016-08-12");
}

TEST(DateParse, MayIsAMonthOnlyWithADay) {
  EXPECT_FALSE(FindDate("you may wish to revise 2015 disclosure"));
  EXPECT_FALSE(FindDate("in May 2015"));
  EXPECT_TRUE(FindDate("on May 5, 2015"));
}

TEST(DateParse, FirstLetterDateSkipsDescribedDates) {
  std::string iso;
  std::string_view flat =
      "Acme Corp. 1 Main St. Re: Form 10-K for the fiscal year ended December 31, 2023";
  EXPECT_EQ(FirstLetterDate(flat, &iso), std::string_view::npos);
  flat = "STERIS plc 70 Quay Dublin 2 Ireland April 9, 2024 CORRESPONDENCE FILING";
  EXPECT_NE(FirstLetterDate(flat, &iso), std::string_view::npos);
  EXPECT_EQ(iso, "2024-04-09");
}

}  // namespace
}  // namespace secxref
