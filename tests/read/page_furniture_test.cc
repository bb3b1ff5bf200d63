#include "indexer/read/page_furniture.h"

#include <gtest/gtest.h>

#include "indexer/read/document.h"
#include "indexer/read/text_builder.h"

namespace secxref {
namespace {

struct PredicateCase {
  const char* text;
  bool expected;
};

class TemplateResidueTest : public ::testing::TestWithParam<PredicateCase> {};
TEST_P(TemplateResidueTest, Recognises) {
  EXPECT_EQ(IsTemplateResidue(GetParam().text), GetParam().expected) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Cases, TemplateResidueTest,
    ::testing::Values(PredicateCase{"FirstName LastName", true},
                      PredicateCase{"FirstName LastNameJane Doe Sincerely,", true},
                      PredicateCase{"Comapany NameAcme Corp.", true},
                      PredicateCase{"Comapany", true}, PredicateCase{"NameCompany Inc.", true},
                      PredicateCase{"Company NameAcme Corp.", true},
                      PredicateCase{"Company Name", true},
                      PredicateCase{"Company names its auditor", false},
                      PredicateCase{"The company's first name change", false},
                      PredicateCase{"First, name the segments", false}));

class PageNumberLineTest : public ::testing::TestWithParam<PredicateCase> {};
TEST_P(PageNumberLineTest, Recognises) {
  EXPECT_EQ(IsPageNumberLine(GetParam().text), GetParam().expected) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Cases, PageNumberLineTest,
    ::testing::Values(PredicateCase{"2", true}, PredicateCase{"- 2 -", true},
                      PredicateCase{"-12-", true}, PredicateCase{"Page 3", true},
                      PredicateCase{"Page 3 of 7", true}, PredicateCase{"3 of 7", true},
                      PredicateCase{"Page 3, page 4", false}, PredicateCase{"2021", false},
                      PredicateCase{"Note 2", false}, PredicateCase{"page F-2", false}));

class DatedPageMarkerTest : public ::testing::TestWithParam<PredicateCase> {};
TEST_P(DatedPageMarkerTest, Recognises) {
  EXPECT_EQ(IsDatedPageMarker(GetParam().text), GetParam().expected) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Cases, DatedPageMarkerTest,
    ::testing::Values(PredicateCase{"August 31, 2023 Page 2", true},
                      PredicateCase{"June Page25, 2 2019 Page 2", true},  // overlaid layers
                      PredicateCase{"Page 2", false},  // no date: the header's own line
                      PredicateCase{"August 31, 2023", false},
                      PredicateCase{"See page 2 of the August 31, 2023 letter", false}));

RawLine L(const char* text) {
  RawLine line;
  line.text = text;
  return line;
}

RawLine PageStart(const char* text) {
  RawLine line = L(text);
  line.page_start = true;
  return line;
}

std::string Clean(RawLines lines) {
  RemovePageFurniture(&lines);
  Document doc;
  BuildText(lines, &doc);
  return doc.text;
}

// The opening block every test letter starts with: its words make up running headers.
RawLines Opening() {
  return {L("March 3, 2021"),         RawLine::Blank(),      L("Ms. Jane Q. Sample"),
          L("Example Widgets Corp."), RawLine::Blank(),      L("Re: Example Widgets Corp."),
          RawLine::Blank(),           L("Dear Ms. Sample:"), RawLine::Blank()};
}

TEST(RemovePageFurnitureTest, FlowHeaderInsideASentence) {
  RawLines lines = Opening();
  for (RawLine l : {L("1. Tell us how you applied the guidance in"), RawLine::Blank(),
                    L("Jane Q. Sample"), L("Example Widgets Corp."), L("March 3, 2021"),
                    L("Page 2"), RawLine::Blank(), L("ASC 280-10-50-1 to your segments.")})
    lines.push_back(l);
  std::string text = Clean(lines);
  EXPECT_NE(text.find("guidance in\nASC 280-10-50-1 to your segments."), std::string::npos) << text;
  EXPECT_EQ(text.find("Page 2"), std::string::npos);
  EXPECT_EQ(text.find("Sample\nExample Widgets Corp.\nMarch"), std::string::npos);
  EXPECT_EQ(text.find("\nJane Q. Sample"), std::string::npos);  // only "Ms. Jane Q. Sample"
}

TEST(RemovePageFurnitureTest, FlowHeaderOfACompanyNamedWithDigits) {
  // "21Vianet": header words are split where letters meet digits; the opening's must be too.
  RawLines lines = {L("September 19, 2017"), RawLine::Blank(), L("Terry Wang"),
                    L("21Vianet Group, Inc."), RawLine::Blank(), L("Dear Mr. Wang:"),
                    RawLine::Blank(), L("1. Refer to Item 5.D of Form 20-F."), RawLine::Blank(),
                    L("Terry Wang"), L("21Vianet Group, Inc."), L("September 19, 2017"),
                    L("Page 2"), RawLine::Blank(), L("2. We note your response.")};
  std::string text = Clean(lines);
  EXPECT_NE(text.find("Form 20-F.\n\n2. We note your response."), std::string::npos) << text;
}

TEST(RemovePageFurnitureTest, FlowHeaderBetweenParagraphsKeepsTheBreak) {
  RawLines lines = Opening();
  for (RawLine l :
       {L("End of the first comment."), RawLine::Blank(), L("Ms. Jane Q. Sample"),
        L("March 3, 2021"), L("Page 2 of 3"), RawLine::Blank(), L("2. The second comment.")})
    lines.push_back(l);
  std::string text = Clean(lines);
  EXPECT_NE(text.find("first comment.\n\n2. The second comment."), std::string::npos) << text;
}

TEST(RemovePageFurnitureTest, BodyLineMentioningAPageIsKept) {
  RawLines lines = Opening();
  for (RawLine l : {L("Risk Factors, page 2"), L("Please see Page 2 of the filing."),
                    L("Page 2")})  // "Page 2" alone, but the line above is prose
    lines.push_back(l);
  std::string text = Clean(lines);
  EXPECT_NE(text.find("Risk Factors, page 2"), std::string::npos);
  EXPECT_NE(text.find("Please see Page 2 of the filing."), std::string::npos);
  EXPECT_EQ(text.find("filing.\nPage 2"), std::string::npos);
}

TEST(RemovePageFurnitureTest, PageNumbersAtPageBreaksAndEnds) {
  RawLines lines = Opening();
  for (RawLine l : {L("It continues on the"), RawLine::Blank(), L("1"), PageStart("next page."),
                    L("- 2 -"), L("Closing words."), RawLine::Blank(), L("3")})
    lines.push_back(l);
  std::string text = Clean(lines);
  EXPECT_NE(text.find("It continues on the\nnext page.\nClosing words."), std::string::npos)
      << text;
  EXPECT_EQ(text.back(), '.');
}

TEST(RemovePageFurnitureTest, LogoCaptionAndResidueLines) {
  RawLines lines = {L("United States securities and exchange commission logo"), L("March 3, 2021"),
                    L("FirstName LastNameJane Sample"), L("Comapany NameExample Widgets Corp."),
                    L("Body text stays.")};
  EXPECT_EQ(Clean(lines), "March 3, 2021\nBody text stays.");
}

// PDF pages: lines carry their position on the page.
RawLine At(const char* text, uint16_t page, float top, int16_t indent = 72) {
  RawLine line = L(text);
  line.page = page;
  line.top = top;
  line.bottom = top + 11;
  line.page_height = 792;
  line.indent = indent;
  return line;
}

TEST(RemovePageFurnitureTest, PdfHeaderAboveTheFirstPageLine) {
  RawLines lines = {
      At("March 3, 2021", 1, 140), At("Ms. Jane Q. Sample", 1, 170), At("Dear Ms. Sample:", 1, 300),
      At("1. We note the guidance in ASC 606-10-", 1, 650),
      // page 2: header (with a typo the vocabulary does not know), overlay
      At("Ms. Jane Q. Sampel", 2, 41), At("Example Widgets Corp.", 2, 56),
      At("March 3, 2021", 2, 71), At("Page 2", 2, 86), At("March 3, 2021 Page 2", 2, 95),
      At("25-1 and how you applied it.", 2, 110, 108),
      At("Division of Corporation Finance", 2, 125, 360), At("2", 2, 740, 300)};
  lines[4].page_start = true;
  std::string text = Clean(lines);
  EXPECT_NE(text.find("ASC 606-10-25-1 and how you applied it.\nDivision of Corporation"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Sampel"), std::string::npos);
  EXPECT_EQ(text.find("Page 2"), std::string::npos);
  EXPECT_EQ(text.find("\n2"), std::string::npos);  // footer page number
}

TEST(RemovePageFurnitureTest, PdfSeamAfterAFinishedSentence) {
  RawLines lines = {At("March 3, 2021", 1, 140),
                    At("Dear Ms. Sample:", 1, 300),
                    At("The first paragraph ends here.", 1, 650),
                    At("Page 2", 2, 86),
                    At("2. The next comment starts.", 2, 110),
                    At("The last line of a paragraph.", 2, 124),
                    At("Page 3", 3, 86),
                    At("words that continue it.", 3, 110)};
  lines[3].page_start = true;
  lines[6].page_start = true;
  lines[2].ends_short = false;
  lines[5].ends_short = false;
  std::string text = Clean(lines);
  EXPECT_NE(text.find("ends here.\n\n2. The next comment starts."), std::string::npos) << text;
  EXPECT_NE(text.find("of a paragraph.\nwords that continue it."), std::string::npos) << text;
}

}  // namespace
}  // namespace secxref

namespace secxref {
namespace {

TEST(RemovePageFurnitureTest, RepeatedPageHeadsWithoutPageNumbers) {
  RawLines lines = {L("FOIA Confidential Treatment Request"), L("March 3, 2021"),
                    RawLine::Blank(), L("Ms. Jane Q. Sample"), L("Dear Ms. Sample:"),
                    L("The first page ends in the middle of a")};
  for (RawLine l : {PageStart("FOIA Confidential Treatment Request"), RawLine::Blank(),
                    L("sentence that goes on."), L("Another paragraph ends here."),
                    PageStart("FOIA Confidential Treatment Request"), L("March 3, 2021 (more)"),
                    L("The third page.")})
    lines.push_back(l);
  std::string text = Clean(lines);
  // The first page keeps its head; later pages lose it; "March 3, 2021 (more)" is not a
  // vocabulary-only line, so the third page's head is the one line only.
  EXPECT_EQ(text,
            "FOIA Confidential Treatment Request\nMarch 3, 2021\n\nMs. Jane Q. Sample\n"
            "Dear Ms. Sample:\nThe first page ends in the middle of a\nsentence that goes on.\n"
            "Another paragraph ends here.\nMarch 3, 2021 (more)\nThe third page.");
}

TEST(RemovePageFurnitureTest, DatedPageHeadOnceIsEnough) {
  RawLines lines = {L("April 29, 2024"), L("Securities and Exchange Commission"),
                    L("Dear Sir:"), L("One comment.")};
  for (RawLine l : {PageStart("Securities and Exchange Commission"), L("April 29, 2024"),
                    RawLine::Blank(), L("Response: yes.")})
    lines.push_back(l);
  EXPECT_EQ(Clean(lines),
            "April 29, 2024\nSecurities and Exchange Commission\nDear Sir:\nOne comment.\n\n"
            "Response: yes.");
  // A single undated vocabulary line at one page start is body text.
  RawLines single = {L("April 29, 2024"), L("Acme Corp."), L("Dear Sir:"), L("Text ends."),
                     PageStart("Acme Corp."), L("more text.")};
  EXPECT_NE(Clean(single).find("Text ends.\nAcme Corp.\nmore text."), std::string::npos);
}

}  // namespace
}  // namespace secxref
