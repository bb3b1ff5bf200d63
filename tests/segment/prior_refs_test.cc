#include "indexer/segment/prior_refs.h"

#include <gtest/gtest.h>

namespace secxref {
namespace {

struct RefCase {
  const char* text;
  const char* refers_to;  // nullptr: no reference
  std::vector<int> comments;
  const char* letter_date;  // nullptr: none
};

class PriorRefTest : public ::testing::TestWithParam<RefCase> {};

TEST_P(PriorRefTest, Finds) {
  const RefCase& c = GetParam();
  std::string text = c.text;
  PriorRefContext context;
  context.body = Span{0, static_cast<uint32_t>(text.size())};
  context.letter_date = "2016-10-19";
  std::vector<PriorRef> refs = FindPriorRefs(text, context);
  if (c.refers_to == nullptr) {
    EXPECT_TRUE(refs.empty()) << c.text << " -> " << (refs.empty() ? "" : refs[0].refers_to);
    return;
  }
  ASSERT_EQ(refs.size(), 1u) << c.text;
  EXPECT_EQ(refs[0].refers_to, c.refers_to);
  EXPECT_EQ(text.substr(refs[0].start, refs[0].end - refs[0].start), c.refers_to);
  EXPECT_EQ(refs[0].comments, c.comments) << c.text;
  if (c.letter_date) {
    ASSERT_TRUE(refs[0].letter_date) << c.text;
    EXPECT_EQ(*refs[0].letter_date, c.letter_date);
  } else {
    EXPECT_FALSE(refs[0].letter_date) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, PriorRefTest,
    ::testing::Values(
        RefCase{"We note your response to prior comment 5.", "prior comment 5", {5}, nullptr},
        RefCase{
            "We note your response to our prior comment 3.", "our prior comment 3", {3}, nullptr},
        RefCase{"We note your response to our prior comment and disagree.",
                "our prior comment",
                {},
                nullptr},
        RefCase{"We note your response to comment 1.", "comment 1", {1}, nullptr},
        RefCase{"Refer to comment 2 of our March 15, 2023 letter.",
                "comment 2 of our March 15, 2023 letter",
                {2},
                "2023-03-15"},
        RefCase{"We note from your response to comment 1 within your August 12, 2016 letter that",
                "your response to comment 1 within your August 12, 2016 letter",
                {1},
                "2016-08-12"},
        RefCase{"We note your response to comment 5 of our letter dated September 30, 2016 "
                "regarding goodwill.",
                "your response to comment 5 of our letter dated September 30, 2016",
                {5},
                "2016-09-30"},
        RefCase{"as described in the Company\xE2\x80\x99s responses to Comments #3 and #4 in the "
                "Company\xE2\x80\x99s response letter dated August 12, 2016):",
                "the Company\xE2\x80\x99s responses to Comments #3 and #4 in the "
                "Company\xE2\x80\x99s response letter dated August 12, 2016",
                {3, 4},
                "2016-08-12"},
        RefCase{"As noted in your response to comment 4 within your August 12 letter, you",
                "your response to comment 4 within your August 12 letter",
                {4},
                "2016-08-12"},
        RefCase{"Please refer to comment two in your response letter dated May 3, 2017.",
                "comment two in your response letter dated May 3, 2017",
                {2},
                "2017-05-03"},
        RefCase{"We note your responses to prior comments 2, 3 and 5.",
                "prior comments 2, 3 and 5",
                {2, 3, 5},
                nullptr},
        RefCase{"We note your response to prior comments 1 through 3.",
                "prior comments 1 through 3",
                {1, 2, 3},
                nullptr},
        // The text ends inside the list (found by fuzz_segment: a ',' as the last token made
        // the range check read the token past the end).
        RefCase{"We note your response to prior comment 5,", "prior comment 5", {5}, nullptr},
        RefCase{"We note your responses to prior comments 2, 3 and", "prior comments 2, 3", {2, 3},
                nullptr},
        RefCase{"We note your response to prior comment 1 -", "prior comment 1", {1}, nullptr},
        // Not references to an earlier letter.
        RefCase{
            "Please refer to the Company's response to Comment #1 above.", nullptr, {}, nullptr},
        RefCase{"Please see comment 3 below.", nullptr, {}, nullptr},
        RefCase{"We have reviewed your response to our comment letter.", nullptr, {}, nullptr},
        RefCase{"In some of our comments, we may ask you for information.", nullptr, {}, nullptr}));

TEST(PriorRefs, IntroDatesLaterPriorComments) {
  std::string text =
      "After reviewing your response, we may have additional comments. Unless we note "
      "otherwise, our references to prior comments are to comments in our August 16, 2017 "
      "letter.\n\n1. In your response to prior comment 1, you mention events.\n\n2. We note "
      "your response to prior comment 5. Refer to comment 2 of the same letter.";
  PriorRefContext context;
  context.body = Span{0, static_cast<uint32_t>(text.size())};
  std::vector<Comment> comments(2);
  comments[0].number = 1;
  comments[0].start = static_cast<uint32_t>(text.find("1. In"));
  comments[0].end = static_cast<uint32_t>(text.find("2. We"));
  comments[1].number = 2;
  comments[1].start = comments[0].end;
  comments[1].end = static_cast<uint32_t>(text.size());
  context.comments = &comments;
  EXPECT_EQ(DefaultPriorLetterDate(text, context.body).value_or(""), "2017-08-16");
  std::vector<PriorRef> refs = FindPriorRefs(text, context);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].refers_to, "prior comment 1");
  EXPECT_EQ(refs[0].comment, 1);
  EXPECT_EQ(refs[0].letter_date.value_or(""), "2017-08-16");
  EXPECT_EQ(refs[1].refers_to, "prior comment 5");
  EXPECT_EQ(refs[1].comment, 2);
  EXPECT_EQ(refs[2].refers_to, "comment 2 of the same letter");
  EXPECT_EQ(refs[2].letter_date.value_or(""), "2017-08-16");
}

}  // namespace
}  // namespace secxref
