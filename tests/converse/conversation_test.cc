// Threading: our fixture review (staff letter -> response -> follow-up citing "prior comment
// N" -> response -> review complete, with a parallel S-4 review and an acceleration request),
// then the rules one by one on summaries written in the test.
#include "indexer/converse/conversation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "tests/converse/converse_test_support.h"

namespace secxref::converse {
namespace {

using converse_test::Fixture;
using converse_test::FixtureDir;
using converse_test::ReadSummary;
using converse_test::TreeAccessions;

class FixtureReview : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& a : TreeAccessions()) in_.push_back(ReadSummary(Fixture(a)));
    in_.push_back(ReadSummary(FixtureDir() + "/loose/staff.txt"));
    in_.push_back(ReadSummary(FixtureDir() + "/loose/response.txt"));
    t_ = Thread(in_);
  }
  size_t Index(const std::string& accession) const {
    for (size_t i = 0; i < in_.size(); ++i)
      if (in_[i].accession == accession) return i;
    throw std::runtime_error("no " + accession);
  }
  const ThreadedLetter& At(const std::string& accession) const {
    return t_.letters[Index(accession)];
  }
  const Conversation& ConvOf(const std::string& accession) const {
    return t_.conversations[At(accession).conversation];
  }
  std::vector<std::string> Accessions(const Conversation& c) const {
    std::vector<std::string> out;
    for (size_t i : c.letters) out.push_back(in_[i].accession);
    return out;
  }

  std::vector<LetterSummary> in_;
  Threading t_;
};

TEST_F(FixtureReview, TwoReviewsOfOneCompanyAndOneOfAnother) {
  ASSERT_EQ(t_.conversations.size(), 3u);
  const Conversation& annual = ConvOf("0000000000-19-003041");
  EXPECT_EQ(annual.id, "1999001/10-k/2018");
  EXPECT_EQ(Accessions(annual),
            (std::vector<std::string>{"0000000000-19-003041", "0001999001-19-000007",
                                      "0000000000-19-004022", "0001999001-19-000011",
                                      "0000000000-19-005025"}));
  const Conversation& s4 = ConvOf("0000000000-19-003205");
  EXPECT_EQ(s4.id, "1999001/s-4/333-230011");
  EXPECT_EQ(Accessions(s4),
            (std::vector<std::string>{"0000000000-19-003205", "0001999001-19-000009",
                                      "0001999001-19-000010"}));
  const Conversation& loose = t_.conversations[t_.letters[in_.size() - 1].conversation];
  EXPECT_EQ(loose.registrant, "co:bluefin maritime");
  EXPECT_EQ(loose.letters.size(), 2u);
}

TEST_F(FixtureReview, RoundsPositionsAndFigures) {
  EXPECT_EQ(At("0000000000-19-003041").round, 1);
  EXPECT_EQ(At("0001999001-19-000007").round, 1);
  EXPECT_EQ(At("0000000000-19-004022").round, 2);
  EXPECT_EQ(At("0001999001-19-000011").round, 2);
  EXPECT_EQ(At("0000000000-19-004022").position, 3u);
  const Figures& f = ConvOf("0000000000-19-003041").figures;
  EXPECT_EQ(f.letters, 5u);
  EXPECT_EQ(f.rounds, 2);
  EXPECT_TRUE(f.closed);
  EXPECT_EQ(f.first_date, "2019-03-04");
  EXPECT_EQ(f.closed_date, "2019-04-25");
  EXPECT_EQ(f.days_to_close, 52);
  EXPECT_EQ(f.span_days, 52);
  EXPECT_EQ(f.comments, 5u);  // 3 + 2 staff comments
  EXPECT_EQ(f.answered, 5u);
  EXPECT_EQ(f.paired_responses, 5u);
  // Staff 3 + 2; the responses only add what they cite in their answers (ASC 606-10-25-21).
  EXPECT_EQ(f.citations, 6u);
  EXPECT_EQ(f.office, "Office of Manufacturing");
  const Figures& s4 = ConvOf("0000000000-19-003205").figures;
  EXPECT_FALSE(s4.closed);
  EXPECT_EQ(s4.days_to_close, -1);
  EXPECT_EQ(s4.office, "Office of Mergers & Acquisitions");
}

TEST_F(FixtureReview, ResponsesPairWithTheirStaffLetterComments) {
  const ThreadedLetter& r1 = At("0001999001-19-000007");
  ASSERT_TRUE(r1.answers);
  EXPECT_EQ(*r1.answers, Index("0000000000-19-003041"));
  for (size_t k = 0; k < 3; ++k) {
    ASSERT_TRUE(r1.comments[k].answers) << k;
    EXPECT_EQ(r1.comments[k].answers->letter, Index("0000000000-19-003041"));
    EXPECT_EQ(r1.comments[k].answers->comment, k);
    EXPECT_TRUE(r1.comments[k].restatement);
  }
  const ThreadedLetter& s1 = At("0000000000-19-003041");
  ASSERT_EQ(s1.comments[1].answered_by.size(), 1u);
  EXPECT_EQ(s1.comments[1].answered_by[0], (CommentRef{Index("0001999001-19-000007"), 1}));
  EXPECT_EQ(s1.answered_by, std::vector<size_t>{Index("0001999001-19-000007")});
  // The S-4 response answers the S-4 letter, though a 10-K letter is more recent.
  EXPECT_EQ(*At("0001999001-19-000009").answers, Index("0000000000-19-003205"));
  // The acceleration request answers nothing.
  EXPECT_FALSE(At("0001999001-19-000010").answers);
}

TEST_F(FixtureReview, PriorCommentsResolveToTheLetterTheyName) {
  const ThreadedLetter& f = At("0000000000-19-004022");
  ASSERT_EQ(f.prior.size(), 2u);
  EXPECT_EQ(f.prior[0].number, 2);
  EXPECT_EQ(f.prior[0].letter, Index("0000000000-19-003041"));
  EXPECT_EQ(f.prior[0].comment, 1u);  // comment 2 of the March 4 letter
  EXPECT_EQ(f.prior[0].how, PriorHow::kDate);
  EXPECT_EQ(f.prior[1].comment, 2u);
  // Restated in the next response, undated there: the answered staff letter's intro dates it.
  const ThreadedLetter& r = At("0001999001-19-000011");
  ASSERT_EQ(r.prior.size(), 2u);
  EXPECT_EQ(r.prior[0].letter, Index("0000000000-19-003041"));
  EXPECT_EQ(r.prior[0].comment, 1u);
  EXPECT_EQ(r.prior[0].how, PriorHow::kIntro);
}

TEST_F(FixtureReview, InputOrderDoesNotMatter) {
  std::vector<size_t> perm(in_.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<LetterSummary> shuffled;
    for (size_t i : perm) shuffled.push_back(in_[i]);
    Threading t = Thread(shuffled);
    for (size_t j = 0; j < perm.size(); ++j) {
      const ThreadedLetter& a = t.letters[j];
      const ThreadedLetter& b = t_.letters[perm[j]];
      EXPECT_EQ(t.conversations[a.conversation].id, t_.conversations[b.conversation].id)
          << shuffled[j].key;
      EXPECT_EQ(a.position, b.position);
      EXPECT_EQ(a.round, b.round);
    }
  }
}

TEST_F(FixtureReview, WithoutTheFirstResponseTheFollowUpStillJoins) {
  std::vector<LetterSummary> some;
  for (const LetterSummary& s : in_)
    if (s.accession != "0001999001-19-000007") some.push_back(s);
  Threading t = Thread(some);
  std::map<std::string, std::string> conv;
  for (size_t i = 0; i < some.size(); ++i)
    conv[some[i].accession] = t.conversations[t.letters[i].conversation].id;
  EXPECT_EQ(conv["0000000000-19-004022"], "1999001/10-k/2018");  // by its prior comments' date
  EXPECT_EQ(conv["0000000000-19-005025"], "1999001/10-k/2018");
}

// The rules, on summaries written here.
LetterSummary Letter(const std::string& key, LetterKind kind, const std::string& date,
                     std::vector<std::string> filings = {"file:1-100", "form:10-k",
                                                         "form:10-k/2018"}) {
  LetterSummary s;
  s.key = key;
  s.accession = key;
  s.kind = kind;
  s.date = date;
  s.registrant = "cik:1";
  s.subject = "1/10-k/2018";
  s.filings = std::move(filings);
  return s;
}

void AddComments(LetterSummary* s, int n, bool restates = false) {
  for (int i = 1; i <= n; ++i) {
    CommentSummary c;
    c.number = i;
    c.tag = std::to_string(i);
    c.restates = restates;
    s->comments.push_back(c);
  }
}

std::map<std::string, std::string> Conversations(const std::vector<LetterSummary>& in,
                                                 const Threading& t) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < in.size(); ++i)
    out[in[i].key] = t.conversations[t.letters[i].conversation].id;
  return out;
}

TEST(ThreadRules, SameDayClosingLetterComesAfterTheResponse) {
  LetterSummary s = Letter("s", LetterKind::kStaff, "2020-01-02");
  AddComments(&s, 1);
  LetterSummary r = Letter("r", LetterKind::kResponse, "2020-01-10");
  AddComments(&r, 1, true);
  LetterSummary c = Letter("c", LetterKind::kStaff, "2020-01-10");
  c.closes = true;
  std::vector<LetterSummary> in = {c, r, s};
  Threading t = Thread(in);
  EXPECT_EQ(t.letters[0].position, 3u);
  EXPECT_EQ(t.letters[1].position, 2u);
  EXPECT_TRUE(t.conversations[0].figures.closed);
  EXPECT_EQ(t.conversations[0].figures.days_to_close, 8);
}

TEST(ThreadRules, ConcurrentReviewsSplitByFileNumber) {
  LetterSummary k = Letter("k", LetterKind::kStaff, "2020-01-02");
  AddComments(&k, 2);
  LetterSummary s4 = Letter("s4", LetterKind::kStaff, "2020-01-05", {"file:333-9", "form:s-4"});
  s4.subject = "1/s-4/333-9";
  AddComments(&s4, 1);
  LetterSummary rk = Letter("rk", LetterKind::kResponse, "2020-01-20");  // names no letter
  AddComments(&rk, 2, true);
  std::vector<LetterSummary> in = {k, s4, rk};
  Threading t = Thread(in);
  ASSERT_TRUE(t.letters[2].answers);
  EXPECT_EQ(*t.letters[2].answers, 0u);
  EXPECT_EQ(t.conversations.size(), 2u);
}

TEST(ThreadRules, ANewReviewStartsANewConversationOfTheSameSubject) {
  LetterSummary a = Letter("a", LetterKind::kStaff, "2019-01-02");
  AddComments(&a, 1);
  LetterSummary b = Letter("b", LetterKind::kStaff, "2019-06-02");  // no follow-up words, no refs
  AddComments(&b, 1);
  std::vector<LetterSummary> in = {a, b};
  Threading t = Thread(in);
  std::map<std::string, std::string> c = Conversations(in, t);
  EXPECT_EQ(c["a"], "1/10-k/2018");
  EXPECT_EQ(c["b"], "1/10-k/2018~2");
}

TEST(ThreadRules, AFollowUpNamingAResponseJoinsItsConversation) {
  LetterSummary a = Letter("a", LetterKind::kStaff, "2019-01-02");
  AddComments(&a, 1);
  LetterSummary r = Letter("r", LetterKind::kResponse, "2019-01-20");
  LetterSummary b = Letter("b", LetterKind::kStaff, "2019-09-30", {"form:10-k"});
  b.refs.push_back({"2019-01-20", RefRole::kResponse});
  AddComments(&b, 1);
  std::vector<LetterSummary> in = {a, r, b};
  Threading t = Thread(in);
  EXPECT_EQ(t.letters[2].conversation, t.letters[0].conversation);
  EXPECT_EQ(t.letters[2].round, 2);
}

TEST(ThreadRules, APriorCommentWhoseNamedLetterIsMissingFallsBackToOrder) {
  LetterSummary a = Letter("a", LetterKind::kStaff, "2019-01-02");
  AddComments(&a, 2);
  LetterSummary b = Letter("b", LetterKind::kStaff, "2019-02-02");
  b.follow_up = true;
  AddComments(&b, 1);
  b.prior_refs.push_back(
      {"1", "prior comment 2", {2}, "2019-01-26", false});  // no letter of that day
  std::vector<LetterSummary> in = {a, b};
  Threading t = Thread(in);
  ASSERT_EQ(t.letters[1].prior.size(), 1u);
  EXPECT_EQ(t.letters[1].prior[0].letter, 0u);
  EXPECT_EQ(t.letters[1].prior[0].comment, 1u);
  EXPECT_EQ(t.letters[1].prior[0].how, PriorHow::kOrder);
}

TEST(ThreadRules, ANamedDateWithinThreeDaysMatchesAnUndatedLetter) {
  LetterSummary a = Letter("a", LetterKind::kStaff, "2019-01-04");  // dated by its filing
  AddComments(&a, 1);
  LetterSummary r = Letter("r", LetterKind::kResponse, "2019-02-01", {});
  r.refs.push_back({"2019-01-02", RefRole::kStaff});
  AddComments(&r, 1, true);
  std::vector<LetterSummary> in = {a, r};
  Threading t = Thread(in);
  ASSERT_TRUE(t.letters[1].answers);
  EXPECT_TRUE(t.letters[1].comments[0].restatement);
}

TEST(DaysBetween, CalendarDays) {
  EXPECT_EQ(DaysBetween("2016-02-28", "2016-03-01"), 2);
  EXPECT_EQ(DaysBetween("2019-03-04", "2019-04-25"), 52);
  EXPECT_EQ(DaysBetween("2019-04-25", "2019-03-04"), -52);
  EXPECT_FALSE(DaysBetween("", "2019-01-01"));
  EXPECT_FALSE(DaysBetween("2019-02-30", "2019-03-01"));
}

}  // namespace
}  // namespace secxref::converse
