// The PDF fixture is made with groff from tests/fixtures/pdf/staff-letter.tr
// (scripts/make-fixtures); see that file for what it exercises.
#include <gtest/gtest.h>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

using testing::Count;
using testing::FindLine;
using testing::FixturePath;
using testing::LineText;

class StaffLetterPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Document> docs = testing::ReadAllPaths({FixturePath("pdf/staff-letter.pdf")});
    ASSERT_EQ(docs.size(), 1u);
    doc_ = std::move(docs[0]);
    ASSERT_EQ(doc_.error, "");
  }
  Document doc_;
};

TEST_F(StaffLetterPdfTest, FormatAndSize) {
  EXPECT_EQ(doc_.format, "pdf");
  EXPECT_FALSE(doc_.member.has_value());
  EXPECT_GT(doc_.raw_bytes, 1000u);
  EXPECT_TRUE(doc_.warnings.empty());
}

TEST_F(StaffLetterPdfTest, WordsAndCitationsBrokenAtLineEndsAreRejoined) {
  EXPECT_NE(doc_.text.find("a non-GAAP measure, ahead of"), std::string::npos);
  EXPECT_NE(doc_.text.find("guidance in ASC 280-10-50-1 in identifying"), std::string::npos);
  // A break after "ASC" is only whitespace.
  EXPECT_NE(doc_.text.find("guidance in ASC\n360-10-35-21 for the"), std::string::npos);
}

TEST_F(StaffLetterPdfTest, CitationBrokenAcrossThePageBreakIsRejoined) {
  EXPECT_NE(doc_.text.find("criteria in ASC 606-10-25-1 when you decided"), std::string::npos)
      << doc_.text;
  const Line* line = FindLine(doc_, "how you considered the criteria in ASC 606-10-25-1");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->page, 1);
  // The sentence goes on across the removed header: no paragraph break.
  EXPECT_NE(doc_.text.find("are distinct.\nYour response should address"), std::string::npos);
}

TEST_F(StaffLetterPdfTest, RunningHeaderLogoAndResidueAreRemoved) {
  EXPECT_EQ(Count(doc_.text, "Ms. Jane Q. Sample"), 1u);  // the address block only
  EXPECT_EQ(Count(doc_.text, "March 3, 2021"), 1u);       // the letter date only
  EXPECT_EQ(doc_.text.find("Page 2"), std::string::npos);
  EXPECT_EQ(doc_.text.find("FirstName"), std::string::npos);
  EXPECT_EQ(doc_.text.find("Comapany"), std::string::npos);
  EXPECT_EQ(doc_.text.find("commission logo"), std::string::npos);
  // Body lines the residue was drawn over are intact.
  EXPECT_NE(doc_.text.find("ability to benefit from\nthe installation on its own."),
            std::string::npos);
  EXPECT_NE(doc_.text.find("volume rebates.\nQuantify the effect"), std::string::npos);
}

TEST_F(StaffLetterPdfTest, CommentNumbersLeadTheirLines) {
  const Line* one = FindLine(doc_, "1. We see that you present adjusted operating margin");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->page, 1);
  EXPECT_NEAR(one->indent, 72, 2);
  const Line* four = FindLine(doc_, "4. Please expand your disclosure");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->page, 2);
  const Line* cont = FindLine(doc_, "two regions. Tell us how");
  ASSERT_NE(cont, nullptr);
  EXPECT_NEAR(cont->indent, 108, 2);  // the hanging indent of the comment text
}

TEST_F(StaffLetterPdfTest, LayoutFacts) {
  const Line* re = FindLine(doc_, "Re: Example Widgets Corp.");
  ASSERT_NE(re, nullptr);
  EXPECT_TRUE(re->flags & Line::kBold);
  const Line* dear = FindLine(doc_, "Dear Ms. Sample:");
  ASSERT_NE(dear, nullptr);
  EXPECT_FALSE(dear->flags & Line::kBold);
  const Line* date = FindLine(doc_, "March 3, 2021");
  ASSERT_NE(date, nullptr);
  EXPECT_NEAR(date->indent, 360, 2);
  const Line* sincerely = FindLine(doc_, "Sincerely,");
  ASSERT_NE(sincerely, nullptr);
  EXPECT_EQ(sincerely->page, 2);
  // Paragraphs are separated by one empty line; a heading stands alone.
  EXPECT_NE(doc_.text.find("\n\nManagement\xE2\x80\x99s Discussion and Analysis, page 41\n\n1."),
            std::string::npos);
  EXPECT_EQ(doc_.text.find("\n\n\n"), std::string::npos);
}

TEST_F(StaffLetterPdfTest, LinesCoverTheText) {
  uint32_t prev_end = 0;
  for (const Line& line : doc_.lines) {
    ASSERT_LE(prev_end, line.start);
    ASSERT_LT(line.start, line.end);
    ASSERT_LE(line.end, doc_.text.size());
    std::string_view t = LineText(doc_, line);
    EXPECT_EQ(t.find('\n'), std::string_view::npos);
    EXPECT_NE(t.front(), ' ');
    EXPECT_NE(t.back(), ' ');
    prev_end = line.end;
  }
  EXPECT_EQ(prev_end, doc_.text.size());
}

struct BadPdfCase {
  const char* fixture;
  const char* error;    // substring of Document::error, or "" when readable
  const char* warning;  // substring of a warning, or ""
};

class BadPdfTest : public ::testing::TestWithParam<BadPdfCase> {};

TEST_P(BadPdfTest, YieldsOneDocumentWithAClearMessage) {
  const BadPdfCase& c = GetParam();
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath(c.fixture)});
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_TRUE(doc.text.empty());
  if (*c.error) {
    EXPECT_NE(doc.error.find(c.error), std::string::npos) << doc.error;
  } else {
    EXPECT_EQ(doc.error, "");
  }
  if (*c.warning) {
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_NE(doc.warnings[0].find(c.warning), std::string::npos) << doc.warnings[0];
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadPdfTest,
                         ::testing::Values(BadPdfCase{"bad/truncated.pdf", "damaged or truncated",
                                                      ""},
                                           BadPdfCase{"bad/encrypted.pdf", "encrypted PDF", ""},
                                           BadPdfCase{"bad/no-text.pdf", "", "no text layer"}));

TEST(PdfPagesLimitTest, ReadsOnlyTheFirstPagesAndSaysSo) {
  ReadLimits limits;
  limits.max_pdf_pages = 1;
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath("pdf/staff-letter.pdf")}, limits);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_NE(docs[0].warnings[0].find("read the first 1"), std::string::npos);
  EXPECT_EQ(docs[0].text.find("Sincerely,"), std::string::npos);
  EXPECT_NE(docs[0].text.find("1. We see"), std::string::npos);
}

}  // namespace
}  // namespace secxref
