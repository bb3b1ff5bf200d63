#include "indexer/segment/comments.h"

#include <gtest/gtest.h>

#include "tests/segment/segment_test_util.h"

namespace secxref {
namespace {

struct MarkCase {
  const char* text;  // one or two lines ('\n')
  int number;        // 0: not a comment mark
  CommentMark::Style style = CommentMark::kNumber;
};

class CommentMarkTest : public ::testing::TestWithParam<MarkCase> {};

TEST_P(CommentMarkTest, Parses) {
  const MarkCase& c = GetParam();
  Document doc = testing::DocumentFromText(c.text);
  std::vector<TextLine> lines = testing::LinesOf(doc);
  auto m = ParseCommentMark(lines, 0);
  if (c.number == 0) {
    EXPECT_FALSE(m) << c.text;
  } else {
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->number, c.number) << c.text;
    EXPECT_EQ(m->style, c.style) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, CommentMarkTest,
    ::testing::Values(MarkCase{"1. We note that you disclose total assets.", 1},
                      MarkCase{"12. Please revise.", 12},
                      MarkCase{"3.\nWe note your disclosure.", 3},  // number in its own box
                      MarkCase{"**4.** Please tell us.", 4}, MarkCase{"2.We note the change.", 2},
                      MarkCase{"Comment 1", 1, CommentMark::kWord},
                      MarkCase{"Comment No. 2: Please explain the charge.", 2, CommentMark::kWord},
                      MarkCase{"Comment #3:", 3, CommentMark::kWord},
                      MarkCase{"Staff Comment 4.", 4, CommentMark::kWord},
                      MarkCase{"Comment two", 2, CommentMark::kWord},
                      MarkCase{"Response to Comment 5:", 5, CommentMark::kResponseTo},
                      // Not marks: list items, decimals, running text, tables.
                      MarkCase{"1. the company is responsible for the adequacy", 0},
                      MarkCase{"(1) the company is responsible", 0},
                      MarkCase{"1.5 million shares were issued", 0},
                      MarkCase{"2. 2015 revenue 1,234", 0},
                      MarkCase{"Comment 3 asks us to revise the table.", 0}, MarkCase{"2", 0},
                      MarkCase{"Note 1. Organization, page F-14", 0}));

TEST(Closing, Lines) {
  for (const char* s :
       {"We urge all persons who are responsible for the accuracy", "In closing, we remind you",
        "We remind you that the company and its management are responsible",
        "You may contact Lee Ortega, Staff Accountant, at (202) 551-0000",
        "Please contact me at (202) 551-0001 with any questions.", "Sincerely,",
        "Very truly yours,", "If you have any questions regarding these responses", "* * *",
        "In responding to our comments, please provide a written statement"}) {
    EXPECT_TRUE(IsClosingLine(s)) << s;
  }
  for (const char* s : {"Please tell us how you considered ASC 810.", "We note your response.",
                        "Please revise your disclosure."}) {
    EXPECT_FALSE(IsClosingLine(s)) << s;
  }
}

TEST(ResponseMarker, Shapes) {
  for (const char* s :
       {"Response:", "RESPONSE", "Response: The Company respectfully advises",
        "Company Response:", "Response 1", "Response to Comment 1:", "Response No. 2:",
        "The Company's Response:", "**Response:**", "Our Response:"}) {
    EXPECT_TRUE(IsResponseMarker(s)) << s;
  }
  for (const char* s : {"Response times improved in 2016.", "We note your response to comment 1.",
                        "In response to the Staff's comment, the Company will revise."}) {
    EXPECT_FALSE(IsResponseMarker(s)) << s;
  }
}

// The comment layout of a body that starts at its first line.
CommentLayout LayoutOf(const Document& doc, LetterKind kind) {
  return FindComments(testing::LinesOf(doc), 0, static_cast<uint32_t>(doc.text.size()), kind);
}

// Comment numbering over whole bodies.
struct NumberingCase {
  const char* name;
  const char* body;
  std::vector<int> numbers;
};

class NumberingTest : public ::testing::TestWithParam<NumberingCase> {};

TEST_P(NumberingTest, Numbers) {
  const NumberingCase& c = GetParam();
  Document doc = testing::DocumentFromText(c.body);
  CommentLayout layout = LayoutOf(doc, LetterKind::kStaff);
  std::vector<int> got;
  for (const Comment& cm : layout.comments) got.push_back(cm.number);
  EXPECT_EQ(got, c.numbers) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, NumberingTest,
    ::testing::Values(
        NumberingCase{"list inside a comment",
                      "1. Please tell us:\n1. the amount;\n2. the timing; and\n3. the reason.\n\n"
                      "2. Please revise.\n\n3. Please explain.\n",
                      {1, 2, 3}},
        NumberingCase{"numbers on their own lines",
                      "General\n\n1.\n\nPlease revise.\n\n2.\n\nPlease explain.\n",
                      {1, 2}},
        NumberingCase{"follow-up restarts at one",
                      "We have reviewed your response.\n\n1. We note your response to prior "
                      "comment 4.\n\n2. We note your response to prior comment 5.\n",
                      {1, 2}},
        NumberingCase{"page numbers and a note heading are not comments",
                      "Note 1. Organization, page F-14\n\n1. Please revise.\n\n2\n\n"
                      "2. Please explain.\n",
                      {1, 2}},
        NumberingCase{"no numbered comment", "We have completed our review of your filing.\n", {}},
        NumberingCase{"a numbered note heading above a comment",
                      "Notes to Financial Statements\n\n1. Summary of Significant Accounting "
                      "Policies, page F-8\n\n1. Please revise the policy.\n\n2. Please explain.\n",
                      {1, 2}}));

TEST(Comments, ClosingEndsTheLastComment) {
  Document doc = testing::DocumentFromText(
      "1. Please revise.\n\n2. Please explain the charge.\n\nWe remind you that the company and "
      "its management are responsible for the accuracy.\n\nSincerely,\n");
  CommentLayout layout = LayoutOf(doc, LetterKind::kStaff);
  ASSERT_EQ(layout.comments.size(), 2u);
  EXPECT_TRUE(layout.closing_found);
  const Comment& last = layout.comments[1];
  EXPECT_EQ(std::string_view(doc.text).substr(last.start, last.end - last.start),
            "2. Please explain the charge.");
  EXPECT_EQ(doc.text.substr(layout.closing_start, 14), "We remind you ");
}

TEST(Comments, AnswerInTheCompanysVoice) {
  // No "Response:" and no emphasis: the first paragraph in the company's voice answers.
  Document doc = testing::DocumentFromText(
      "1. Please tell us your analysis.\n\nPlease also refer to ASC 606.\n\nThe Company "
      "respectfully advises the Staff that it has one obligation.\n");
  CommentLayout layout = LayoutOf(doc, LetterKind::kResponse);
  ASSERT_EQ(layout.comments.size(), 1u);
  EXPECT_EQ(doc.text.substr(layout.comments[0].response_start, 26), "The Company respectfully a");
}

TEST(Comments, NumberedListInsideAnAnswer) {
  // The answer to comment 1 lists steps "2." and "3."; comment 2 comes after them.
  Document doc = testing::DocumentFromText(
      "1. Please describe the steps.\n\nResponse: The steps are:\n\n1. Onboarding the seller."
      "\n\n2. Authorizing the transaction.\n\n3. Settling the transaction.\n\n2. Please tell us "
      "the fees.\n\nResponse: The fees are fixed.\n");
  CommentLayout layout = LayoutOf(doc, LetterKind::kResponse);
  ASSERT_EQ(layout.comments.size(), 2u);
  EXPECT_EQ(doc.text.substr(layout.comments[1].start, 12), "2. Please te");
}

TEST(Comments, ResponseAnsweringPartOfALetter) {
  // "2." to "4.": comment 1 was answered elsewhere. A staff letter always starts at 1.
  const char* body =
      "2. We note your table.\n\nResponse: The Company will revise.\n\n3. Please explain.\n\n"
      "Response: The Company explains.\n\n4. Please tell us.\n\nResponse: We tell you.\n";
  Document doc = testing::DocumentFromText(body);
  std::vector<int> got;
  for (const Comment& c : LayoutOf(doc, LetterKind::kResponse).comments) got.push_back(c.number);
  EXPECT_EQ(got, (std::vector<int>{2, 3, 4}));
  EXPECT_TRUE(LayoutOf(doc, LetterKind::kStaff).comments.empty());
}

TEST(Comments, BoldRestatementEndsWhereThePlainTextBegins) {
  // A response without "Response:" markers: the reader's bold flag tells the restated
  // comment from the answer.
  Document doc = testing::DocumentFromText(
      "1. Please revise the table.\n\nThe Company will revise the table.\n\n"
      "2. Please explain.\n\nThe Company explains.\n");
  doc.lines[0].flags = Line::kBold;
  doc.lines[4].flags = Line::kBold;
  CommentLayout layout = LayoutOf(doc, LetterKind::kResponse);
  ASSERT_EQ(layout.comments.size(), 2u);
  EXPECT_EQ(doc.text.substr(layout.comments[0].response_start, 11), "The Company");
  EXPECT_EQ(doc.text.substr(layout.comments[1].response_start, 21), "The Company explains.");
}

}  // namespace
}  // namespace secxref
