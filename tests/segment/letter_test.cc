// Whole letters through SegmentLetter: our own fixtures modelled on the real shapes.
#include <gtest/gtest.h>

#include "indexer/segment/segmenter.h"
#include "tests/segment/segment_test_util.h"

namespace secxref {
namespace {

using testing::CommentText;
using testing::FixtureDocument;
using testing::OffsetOf;
using testing::SpanText;

std::vector<int> Numbers(const Letter& letter) {
  std::vector<int> out;
  for (const Comment& c : letter.comments) out.push_back(c.number);
  return out;
}

TEST(StaffLetter, Header) {
  Letter l = SegmentLetter(FixtureDocument("staff_letter.txt"));
  EXPECT_EQ(l.kind, LetterKind::kStaff);
  EXPECT_EQ(l.date.value_or(""), "2019-03-04");
  EXPECT_EQ(l.company.value_or(""), "Northwind Robotics, Inc.");
  EXPECT_EQ(l.addressee.value_or(""), "Ms. Dana Whitfield");
  EXPECT_EQ(l.file_numbers, (std::vector<std::string>{"001-38211", "333-190022"}));
  EXPECT_EQ(l.reviewed.size(), 2u);
}

TEST(StaffLetter, CommentsAndTheirSpans) {
  Letter l = SegmentLetter(FixtureDocument("staff_letter.txt"));
  ASSERT_EQ(Numbers(l), (std::vector<int>{1, 2, 3, 4, 5, 6}));
  // Comment 2's list items stay inside comment 2.
  EXPECT_NE(CommentText(l, l.comments[1]).find("3. how you considered ASC 460-10-50-8."),
            std::string_view::npos);
  // A comment ends before the headings of the next one.
  EXPECT_EQ(CommentText(l, l.comments[1]).substr(0, 2), "2.");
  EXPECT_EQ(CommentText(l, l.comments[1]).find("Liquidity"), std::string_view::npos);
  // The last comment ends before the closing.
  std::string_view last = CommentText(l, l.comments[5]);
  EXPECT_EQ(last, "6. Please address the comments above in your Form 10-Q as applicable.");
  EXPECT_LE(l.body.end, OffsetOf(l, "We remind you"));
  EXPECT_EQ(SpanText(l, l.body.start, l.body.start + 16), "We have reviewed");
}

TEST(StaffLetter, Headings) {
  Letter l = SegmentLetter(FixtureDocument("staff_letter.txt"));
  ASSERT_EQ(l.comments.size(), 6u);
  const std::string k10 = "Form 10-K for the Fiscal Year Ended December 31, 2017";
  const std::string item7 =
      "Item 7. Management's Discussion and Analysis of Financial Condition and Results of "
      "Operations";
  const std::string notes = "Notes to the Consolidated Financial Statements";
  EXPECT_EQ(l.comments[0].headings,
            (std::vector<std::string>{k10, item7, "Results of Operations, page 38"}));
  EXPECT_EQ(l.comments[1].headings, l.comments[0].headings);
  EXPECT_EQ(l.comments[2].headings,
            (std::vector<std::string>{k10, item7, "Liquidity and Capital Resources, page 41"}));
  EXPECT_EQ(l.comments[3].headings,
            (std::vector<std::string>{
                k10, notes, "Note 2. Summary of Significant Accounting Policies, page F-9"}));
  // The running head of page 2 is not a heading (the reader removes it; it must not leak
  // into the outline even when it survives).
  EXPECT_EQ(l.comments[4].headings.back(), "Note 9. Income Taxes, page F-24");
  EXPECT_EQ(l.comments[5].headings,
            (std::vector<std::string>{"Form 10-Q for the Quarterly Period Ended September 30, 2018",
                                      "General"}));
  // Every heading line is reported as a span.
  bool found = false;
  for (const Span& h : l.headings)
    if (SpanText(l, h.start, h.end) == item7) found = true;
  EXPECT_TRUE(found);
}

TEST(StaffLetter, CommentAt) {
  Letter l = SegmentLetter(FixtureDocument("staff_letter.txt"));
  const Comment* c = CommentAt(l, OffsetOf(l, "ASC 606-10-25-14"));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->number, 4);
  EXPECT_EQ(CommentAt(l, OffsetOf(l, "Refer to Item 303(a)(3)"))->number, 1);
  EXPECT_EQ(CommentAt(l, OffsetOf(l, "We have reviewed")), nullptr);
  EXPECT_EQ(CommentAt(l, OffsetOf(l, "Office of Manufacturing")), nullptr);
  EXPECT_EQ(CommentAt(l, OffsetOf(l, "Note 9. Income Taxes")), nullptr);  // a heading
}

TEST(FollowUpLetter, PriorReferences) {
  Letter l = SegmentLetter(FixtureDocument("followup_letter.txt"));
  EXPECT_EQ(l.kind, LetterKind::kStaff);
  EXPECT_EQ(l.date.value_or(""), "2019-04-22");
  EXPECT_EQ(Numbers(l), (std::vector<int>{1, 2, 3}));
  std::vector<std::string> refs;
  for (const PriorRef& r : l.prior_refs) {
    refs.push_back(std::to_string(r.comment.value_or(0)) + " " + r.refers_to + " @" +
                   r.letter_date.value_or("-"));
  }
  EXPECT_EQ(refs, (std::vector<std::string>{
                      "1 prior comment 1 @2019-03-04",
                      "2 comments 4 and 5 @-",
                      "2 your response to comment 2 of our letter dated January 15, 2019 "
                      "@2019-01-15",
                      "3 your response to comment 3 within your April 2 letter @2019-04-02",
                      "3 comment 6 of the same letter @2019-04-02",
                      "3 our prior comment @2019-03-04",
                  }));
}

TEST(ReviewComplete, NoComments) {
  Letter l = SegmentLetter(FixtureDocument("review_complete.txt"));
  EXPECT_EQ(l.kind, LetterKind::kStaff);
  EXPECT_EQ(l.date.value_or(""), "2019-06-03");
  EXPECT_TRUE(l.comments.empty());
  EXPECT_EQ(SpanText(l, l.body.start, l.body.end), "We have completed our review of your filing.");
}

TEST(ResponseLetter, RestatedCommentsAndAnswers) {
  Letter l = SegmentLetter(FixtureDocument("response_letter.txt"));
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  EXPECT_EQ(l.date.value_or(""), "2019-04-02");
  EXPECT_EQ(l.company.value_or(""), "Northwind Robotics, Inc.");
  ASSERT_EQ(Numbers(l), (std::vector<int>{1, 2, 3}));
  // The response's own numbered list does not become comments.
  EXPECT_NE(CommentText(l, l.comments[1]).find("2. The Company updated"), std::string_view::npos);
  EXPECT_EQ(SpanText(l, l.comments[0].response_start, l.comments[0].response_start + 9),
            "Response:");
  EXPECT_EQ(SpanText(l, l.comments[1].response_start, l.comments[1].response_start + 17),
            "Company Response:");
  EXPECT_EQ(SpanText(l, l.comments[2].response_start, l.comments[2].response_start + 19),
            "Response to Comment");
  EXPECT_EQ(l.comments[2].headings.back(),
            "Note 2. Summary of Significant Accounting Policies, page F-9");
  // The closing stays out of the last comment; "our response to Comment 1 above" is not a
  // reference to an earlier letter.
  EXPECT_EQ(CommentText(l, l.comments[2]).find("* * *"), std::string_view::npos);
  EXPECT_TRUE(l.prior_refs.empty());
}

TEST(ResponseLetter, WordedComments) {
  Letter l = SegmentLetter(FixtureDocument("response_worded.txt"));
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(Numbers(l), (std::vector<int>{1, 2}));
  EXPECT_EQ(CommentText(l, l.comments[0]).substr(0, 9), "Comment 1");
  EXPECT_EQ(SpanText(l, l.comments[0].response_start, l.comments[0].response_start + 10),
            "Response 1");
  EXPECT_EQ(CommentText(l, l.comments[1]).find("Sincerely"), std::string_view::npos);
}

TEST(Segmenter, ErrorDocumentsStayEmpty) {
  Document doc;
  doc.source = "edgar/data/1508475/000000000013061818/filename1.pdf";
  doc.format = "pdf";
  doc.error = "encrypted PDF";
  Letter l = SegmentLetter(std::move(doc));
  EXPECT_EQ(l.kind, LetterKind::kUnknown);
  EXPECT_TRUE(l.comments.empty());
  EXPECT_EQ(l.cik.value_or(""), "1508475");
  EXPECT_EQ(l.accession.value_or(""), "0000000000-13-061818");
}

TEST(Segmenter, EmptyAndOddTextDoesNotCrash) {
  for (const char* t : {"", "\n\n\n", "1.", "Re:", "Dear", "1.\n", "Comment 1", "Sincerely,"}) {
    Letter l = SegmentLetter(testing::DocumentFromText(t));
    for (const Comment& c : l.comments) EXPECT_LE(c.start, c.end);
    EXPECT_LE(l.body.start, l.body.end);
  }
}

TEST(Segmenter, LinesMissingFromTheDocument) {
  // Readers may leave Document::lines empty: the text alone is enough.
  Document doc = FixtureDocument("staff_letter.txt");
  doc.lines.clear();
  Letter l = SegmentLetter(std::move(doc));
  EXPECT_EQ(Numbers(l), (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

}  // namespace
}  // namespace secxref
