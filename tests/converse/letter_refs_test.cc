// What a letter's words say about its place in a review: dated references to other letters
// (with whose letter they are), review complete, follow-up, company-initiated, and office.
#include "indexer/converse/letter_refs.h"

#include <gtest/gtest.h>

namespace secxref::converse {
namespace {

Span All(const std::string& s) { return Span{0, static_cast<uint32_t>(s.size())}; }

struct RefCase {
  std::string name;
  LetterKind kind;
  std::string text;
  std::vector<std::pair<std::string, RefRole>> want;
  std::string letter_date = "2019-05-01";
};

void PrintTo(const RefCase& c, std::ostream* os) { *os << c.name; }

class LetterRefsTest : public ::testing::TestWithParam<RefCase> {};

TEST_P(LetterRefsTest, FindsDatedLettersAndWhoseTheyAre) {
  const RefCase& c = GetParam();
  std::vector<LetterRef> got = FindLetterRefs(c.text, All(c.text), c.kind, c.letter_date);
  std::vector<std::pair<std::string, RefRole>> pairs;
  for (const LetterRef& r : got) pairs.emplace_back(r.date, r.role);
  EXPECT_EQ(pairs, c.want) << c.text;
}

const LetterKind kStaff = LetterKind::kStaff;
const LetterKind kResponse = LetterKind::kResponse;

INSTANTIATE_TEST_SUITE_P(
    Phrases, LetterRefsTest,
    ::testing::Values(
        RefCase{"your_letter_in_a_response",
                kResponse,
                "in response to the comments set forth in your letter dated March 4, 2019.",
                {{"2019-03-04", RefRole::kStaff}}},
        RefCase{"comment_letter_far_from_its_date",
                kResponse,
                "This letter responds to the comment letter (the \"Letter\") from the Staff of the "
                "Division of "
                "Corporation Finance (the \"Staff\") of the Securities and Exchange Commission "
                "dated March 1, 2022, "
                "with respect to the Form 10-K.",
                {{"2022-03-01", RefRole::kStaff}}},
        RefCase{"written_comments_of_the_staff",
                kResponse,
                "in response to the written comments of the staff (the \"Staff\"), dated April 14, "
                "2022, with respect",
                {{"2022-04-14", RefRole::kStaff}}},
        RefCase{"staffs_letter",
                kResponse,
                "as requested in the Staff\xE2\x80\x99s letter dated June 10, 2020.",
                {{"2020-06-10", RefRole::kStaff}}},
        RefCase{"date_before_response_in_a_staff_letter",
                kStaff,
                "We have reviewed your May 24, 2016 response to our comment letter and have the "
                "following comments.",
                {{"2016-05-24", RefRole::kResponse}}},
        RefCase{"re_block_response_dated",
                kStaff,
                "Form 8-K filed May 5, 2016\nResponse dated May 24, 2016\nFile Nos. 1-15891",
                {{"2016-05-24", RefRole::kResponse}}},
        RefCase{"our_letter_in_a_staff_letter",
                kStaff,
                "our references to prior comments are to comments in our May 10,\n2016 letter.",
                {{"2016-05-10", RefRole::kStaff}}},
        RefCase{"our_letter_in_a_response",
                kResponse,
                "Further to our letter dated April 2, 2019, we enclose",
                {{"2019-04-02", RefRole::kResponse}}},
        RefCase{"by_letter_dated_says_nothing_of_whose",
                kResponse,
                "the Staff of the Commission by letter dated March 4, 2019 asked",
                {{"2019-03-04", RefRole::kAny}}},
        RefCase{"year_less_date_completed_from_the_letter",
                kResponse,
                "as noted in your August 12 letter",
                {{"2016-08-12", RefRole::kStaff}},
                "2016-10-19"},
        RefCase{
            "filing_and_period_dates_are_not_letters",
            kResponse,
            "Re: Form 10-K for the Fiscal Year Ended December 31, 2018\nFiled February 21, 2019\n"
            "Form 8-K dated January 25, 2017\nthe Form 10-K filed with the Commission on February "
            "24, 2022",
            {}},
        RefCase{"own_date_line", kResponse, "March 18, 2019\n\nVIA EDGAR\n", {}, "2019-03-18"}),
    [](const auto& info) { return info.param.name; });

TEST(SaysReviewComplete, ClosingPhrasesOnly) {
  for (std::string s : {"We have completed our review of your filing.",
                        "We have completed our\nreview of your filings.",
                        "The staff does not have any further comments at this time.",
                        "This is to advise you that we have not reviewed and will not review your "
                        "registration statement."})
    EXPECT_TRUE(SaysReviewComplete(s, All(s))) << s;
  for (std::string s :
       {"After reviewing your response to these comments, we may have additional comments.",
        "We have reviewed your filing and have the following comments."})
    EXPECT_FALSE(SaysReviewComplete(s, All(s))) << s;
}

TEST(SaysFollowUp, NotTheBoilerplateOfAFirstLetter) {
  std::string first =
      "We have reviewed your filing and have the following comments. If you do not believe our "
      "comments apply to "
      "your facts and circumstances, please tell us why in your response. After reviewing your "
      "response to our "
      "comments, we may have additional comments.";
  EXPECT_FALSE(SaysFollowUp(first, All(first)));
  for (std::string s :
       {"We have reviewed your response to our comment letter dated June 1.",
        "We note your response to prior comment 2.", "Re: Form 10-K\nResponse dated May 24, 2016",
        "We have reviewed your amended registration statement and have the following comments."})
    EXPECT_TRUE(SaysFollowUp(s, All(s))) << s;
}

TEST(SaysCompanyInitiated, AccelerationAndExchangeOfferLetters) {
  for (std::string s :
       {"Pursuant to Rule 461 under the Securities Act, the Company hereby requests acceleration",
        "In accordance with Rules 460 and 461 under the Securities Act of 1933, Expedia",
        "in reliance on the position of the staff enunciated in Exxon Capital Holdings "
        "Corporation"})
    EXPECT_TRUE(SaysCompanyInitiated(s, All(s))) << s;
  std::string answer =
      "The Company respectfully advises the Staff that it will revise the disclosure.";
  EXPECT_FALSE(SaysCompanyInitiated(answer, All(answer)));
}

struct OfficeCase {
  std::string name;
  LetterKind kind;
  std::string text;
  std::string want;
};

void PrintTo(const OfficeCase& c, std::ostream* os) { *os << c.name; }

class OfficeTest : public ::testing::TestWithParam<OfficeCase> {};

TEST_P(OfficeTest, ReviewingOffice) {
  EXPECT_EQ(ReviewingOffice(GetParam().text, GetParam().kind), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, OfficeTest,
    ::testing::Values(
        OfficeCase{"signature", kStaff,
                   "Sincerely,\n\nDivision of Corporation Finance\nOffice of Manufacturing\n",
                   "Office of Manufacturing"},
        OfficeCase{"name_broken_after_and", kStaff,
                   "Accounting Branch Chief\nOffice of Real Estate and\nConstruction\n",
                   "Office of Real Estate and Construction"},
        OfficeCase{"ampersand", kStaff, "Office of Energy & Transportation\n",
                   "Office of Energy & Transportation"},
        OfficeCase{"comma_list", kStaff, "Office of Beverages, Apparel and\nMining",
                   "Office of Beverages, Apparel and Mining"},
        OfficeCase{"stops_at_lower_case", kResponse,
                   "Division of Corporation Finance, Office of Technology, of the U.S.\nRe: X",
                   "Office of Technology"},
        OfficeCase{"response_head_only", kResponse,
                   "Division of Corporation Finance\n100 F Street\nRe: Acme\nWe consulted the "
                   "Office of Foreign Assets "
                   "Control about sanctions.",
                   ""},
        OfficeCase{"other_offices_are_not_reviewing_offices", kStaff,
                   "contact the Office of the Chief Accountant.", ""},
        OfficeCase{"last_mention_in_a_staff_letter", kStaff,
                   "Office of Finance\n...\nSincerely,\nOffice of Financial Services\n",
                   "Office of Financial Services"}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace secxref::converse
