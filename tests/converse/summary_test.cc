// Per-letter summaries: registrant keys, filing keys, and what Summarize takes from our own
// fixture letters (read by the real reader, segmenter and grammar).
#include "indexer/converse/summary.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/converse/converse_test_support.h"

namespace secxref::converse {
namespace {

using converse_test::Fixture;
using converse_test::FixtureDir;
using converse_test::ReadSummary;

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

struct NameCase {
  std::string in, want;
};

class NormaliseCompanyTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(NormaliseCompanyTest, LegalFormsAndPunctuationGo) {
  EXPECT_EQ(NormaliseCompany(GetParam().in), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(Names, NormaliseCompanyTest,
                         ::testing::Values(NameCase{"NRG ENERGY, INC.", "nrg energy"},
                                           NameCase{"NRG Energy, Inc", "nrg energy"},
                                           NameCase{"The Allstate Corporation", "allstate"},
                                           NameCase{"Credit Suisse Group AG", "credit suisse"},
                                           NameCase{"Bluefin Maritime Ltd.", "bluefin maritime"},
                                           NameCase{"McDonald's Corp.", "mcdonalds"},
                                           NameCase{"Holdings, Inc.", "holdings inc"}));

TEST(NormaliseFileNumber, LeadingZerosOfThePrefix) {
  EXPECT_EQ(NormaliseFileNumber("001-15891"), "1-15891");
  EXPECT_EQ(NormaliseFileNumber("1-15891"), "1-15891");
  EXPECT_EQ(NormaliseFileNumber("000-22190"), "0-22190");
  EXPECT_EQ(NormaliseFileNumber("333-137785"), "333-137785");
}

TEST(FilingKeys, FormsYearsAndFileNumbers) {
  std::vector<std::string> k =
      FilingKeys({"Forms 10-K for the Fiscal Year Ended December 31, 2015",
                  "Form 8-K filed May 5, 2016", "Registration Statement on Form S-4"},
                 {"001-15891", "1-36002"});
  for (const char* want :
       {"file:1-15891", "file:1-36002", "form:10-k", "form:10-k/2015", "form:8-k", "form:s-4"})
    EXPECT_TRUE(Has(k, want)) << want;
  EXPECT_FALSE(Has(k, "form:8-k/2016"));  // "filed" is no fiscal period
}

TEST(Summarize, FirstStaffLetter) {
  LetterSummary s = ReadSummary(Fixture("0000000000-19-003041"));
  EXPECT_EQ(s.kind, LetterKind::kStaff);
  EXPECT_EQ(s.date, "2019-03-04");
  EXPECT_EQ(s.registrant, "cik:1999001");
  EXPECT_EQ(s.subject, "1999001/10-k/2018");
  EXPECT_TRUE(Has(s.filings, "file:1-39901"));
  EXPECT_TRUE(Has(s.filings, "form:10-k/2018"));
  ASSERT_EQ(s.comments.size(), 3u);
  EXPECT_FALSE(s.comments[0].restates);
  EXPECT_EQ(s.comments[1].citations, 1u);
  EXPECT_FALSE(s.follow_up);
  EXPECT_FALSE(s.closes);
  EXPECT_EQ(s.office, "Office of Manufacturing");
  EXPECT_TRUE(s.refs.empty());
}

TEST(Summarize, ResponseNamesTheStaffLetterAndRestatesIt) {
  LetterSummary s = ReadSummary(Fixture("0001999001-19-000007"));
  EXPECT_EQ(s.kind, LetterKind::kResponse);
  ASSERT_EQ(s.refs.size(), 1u);
  EXPECT_EQ(s.refs[0].date, "2019-03-04");
  EXPECT_EQ(s.refs[0].role, RefRole::kStaff);
  ASSERT_EQ(s.comments.size(), 3u);
  for (const CommentSummary& c : s.comments) EXPECT_TRUE(c.restates) << c.tag;
  // Comment 2 restates ASC 606-10-25-19 and answers with ASC 606-10-25-21: only the
  // restated paragraph is the staff comment's; the levels both share are the answer's too.
  EXPECT_EQ(s.comments[1].citations, 2u);
  EXPECT_EQ(s.comments[1].restated_citations, 1u);
  EXPECT_EQ(s.comments[1].restated_only, std::vector<std::string>{"asc 606-10-25-19"});
  EXPECT_TRUE(Has(s.comments[0].restated_only, "s-k item 303(a)(3)"));
  EXPECT_EQ(s.office, "Office of Manufacturing");  // addressed in the head
  EXPECT_FALSE(s.initiated);
}

TEST(Summarize, FollowUpKnowsItsPriorLetter) {
  LetterSummary s = ReadSummary(Fixture("0000000000-19-004022"));
  EXPECT_TRUE(s.follow_up);
  EXPECT_EQ(s.prior_default_date, "2019-03-04");
  bool names_response = false;
  for (const LetterRef& r : s.refs)
    names_response |= r.role == RefRole::kResponse && r.date == "2019-03-18";
  EXPECT_TRUE(names_response);
  ASSERT_EQ(s.prior_refs.size(), 2u);
  EXPECT_EQ(s.prior_refs[0].comments, std::vector<int>{2});
  EXPECT_EQ(s.prior_refs[0].tag, "1");
  EXPECT_FALSE(s.prior_refs[0].in_restatement);
}

TEST(Summarize, ResponseRestatesPriorReferences) {
  LetterSummary s = ReadSummary(Fixture("0001999001-19-000011"));
  ASSERT_EQ(s.prior_refs.size(), 2u);
  EXPECT_TRUE(s.prior_refs[0].in_restatement);
  EXPECT_TRUE(
      s.prior_refs[0].letter_date.empty());  // the staff letter's intro dated it, not this one
}

TEST(Summarize, ClosingAndInitiatedLetters) {
  EXPECT_TRUE(ReadSummary(Fixture("0000000000-19-005025")).closes);
  LetterSummary acceleration = ReadSummary(Fixture("0001999001-19-000010"));
  EXPECT_TRUE(acceleration.initiated);
  EXPECT_TRUE(Has(acceleration.filings, "file:333-230011"));
}

TEST(Summarize, WithoutCikTheCompanyNameIsTheRegistrant) {
  LetterSummary staff = ReadSummary(FixtureDir() + "/loose/staff.txt");
  LetterSummary response = ReadSummary(FixtureDir() + "/loose/response.txt");
  EXPECT_EQ(staff.registrant, "co:bluefin maritime");
  EXPECT_EQ(response.registrant, staff.registrant);  // "Ltd." and "Ltd" are one company
  EXPECT_EQ(staff.office, "Office of Energy & Transportation");
}

}  // namespace
}  // namespace secxref::converse
