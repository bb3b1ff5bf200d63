#include "indexer/read/pdf_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/read/document.h"

namespace secxref {
namespace {

// Lays words out left to right from x on one baseline, the way poppler reports them.
class PageBuilder {
 public:
  explicit PageBuilder(int number = 1) { page_.number = number; }

  PageBuilder& Words(float x, float y, const std::string& text, float size = 12,
                     bool bold = false) {
    size_t i = 0;
    while (i < text.size()) {
      size_t j = text.find(' ', i);
      if (j == std::string::npos) j = text.size();
      PdfTextBox b;
      b.text = text.substr(i, j - i);
      b.x0 = x;
      b.x1 = x + 0.5f * size * static_cast<float>(b.text.size());
      b.y0 = y;
      b.y1 = y + 0.9f * size;
      b.font_size = size;
      b.bold = bold;
      b.space_after = j < text.size();
      page_.boxes.push_back(b);
      x = b.x1 + 0.25f * size;
      i = j + 1;
    }
    return *this;
  }

  PdfPage Build() const { return page_; }

 private:
  PdfPage page_;
};

std::vector<std::string> Texts(const RawLines& lines) {
  std::vector<std::string> out;
  for (const RawLine& l : lines) out.push_back(l.blank ? "" : l.text);
  return out;
}

TEST(PdfLayoutTest, CommentNumberInALeftColumnReadsFirst) {
  // "1." sits 0.75pt lower than its text, in a column of its own (as in newer staff PDFs).
  PdfPage page = PageBuilder()
                     .Words(105.8f, 564.0f, "We note your presentation of several measures")
                     .Words(70.5f, 564.75f, "1.")
                     .Words(105.8f, 578.4f, "including revenue excluding acquisitions.")
                     .Build();
  RawLines lines = LayoutPdfPages({page});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "1. We note your presentation of several measures");
  EXPECT_EQ(lines[0].indent, 71);
  EXPECT_EQ(lines[0].page, 1);
  EXPECT_TRUE(lines[0].page_start);
  EXPECT_EQ(lines[1].text, "including revenue excluding acquisitions.");
  EXPECT_EQ(lines[1].indent, 106);
}

TEST(PdfLayoutTest, TemplateResidueOverlaidOnBodyTextIsDropped) {
  PdfPage page = PageBuilder()
                     .Words(105.8f, 581.2f, "performed assessments for certain units; however the")
                     .Words(72.0f, 593.1f, "Comapany NameExample Widgets Corp.")
                     .Words(105.8f, 595.6f, "audit report indicates otherwise. Please revise to")
                     .Words(105.8f, 610.0f, "address these inconsistencies.")
                     .Words(72.0f, 611.1f, "March 3, 2021 Page 2")
                     .Words(71.0f, 625.8f, "FirstName LastName", 8)
                     .Build();
  RawLines lines = LayoutPdfPages({page});
  EXPECT_EQ(Texts(lines),
            (std::vector<std::string>{"performed assessments for certain units; however the",
                                      "audit report indicates otherwise. Please revise to",
                                      "address these inconsistencies."}));
}

TEST(PdfLayoutTest, InvisibleCaptionAndOffPageWordsAreDropped) {
  PdfPage page = PageBuilder()
                     .Words(69, 128, "United States securities and exchange commission logo", 1)
                     .Words(361.5f, 142.8f, "August 31, 2023")
                     .Words(700, 300, "off the page")
                     .Build();
  RawLines lines = LayoutPdfPages({page});
  EXPECT_EQ(Texts(lines), std::vector<std::string>{"August 31, 2023"});
}

TEST(PdfLayoutTest, SuperscriptJoinsItsLine) {
  PdfPage page = PageBuilder()
                     .Words(72, 200, "702 S.W. 8")
                     .Words(128, 197, "th", 7)
                     .Words(138.5f, 200, "Street")
                     .Build();
  RawLines lines = LayoutPdfPages({page});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "702 S.W. 8th Street");
}

TEST(PdfLayoutTest, ParagraphGapsBecomeBlankLines) {
  PageBuilder b;
  float y = 100;
  for (const char* text : {"one", "two", "three"}) b.Words(72, y, text), y += 14.4f;
  y += 12;  // a paragraph gap
  b.Words(72, y, "four");
  b.Words(72, y + 14.4f, "five");
  RawLines lines = LayoutPdfPages({b.Build()});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"one", "two", "three", "", "four", "five"}));
}

TEST(PdfLayoutTest, BoldCenteredAndShortLines) {
  PdfPage page =
      PageBuilder()
          .Words(72, 100, "A long line of body text that runs from the left margin to the right")
          .Words(214.5f, 130, "CENTERED TITLE", 12, true)  // midpoint 255, as the text
          .Words(72, 160, "Short last line.")
          .Words(72, 175, "Re: Mixed", 12, true)
          .Build();
  // Make the third line's "Re:" bold and "Mixed" regular: not a bold line.
  page.boxes.back().bold = false;
  RawLines lines = LayoutPdfPages({page});
  std::vector<RawLine> text;
  for (const RawLine& l : lines)
    if (!l.blank) text.push_back(l);
  ASSERT_EQ(text.size(), 4u);
  EXPECT_FALSE(text[0].flags & Line::kCentered);
  EXPECT_FALSE(text[0].ends_short);
  EXPECT_TRUE(text[1].flags & Line::kBold);
  EXPECT_TRUE(text[1].flags & Line::kCentered);
  EXPECT_TRUE(text[2].ends_short);
  EXPECT_FALSE(text[3].flags & Line::kBold);
}

TEST(PdfLayoutTest, PagesAreMarked) {
  PdfPage one = PageBuilder(1).Words(72, 100, "first page").Build();
  PdfPage two = PageBuilder(2).Words(72, 100, "second page").Words(72, 114.4f, "more").Build();
  RawLines lines = LayoutPdfPages({one, two});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].page_start);
  EXPECT_TRUE(lines[1].page_start);
  EXPECT_FALSE(lines[2].page_start);
  EXPECT_EQ(lines[1].page, 2);
  EXPECT_FLOAT_EQ(lines[1].top, 100);
  EXPECT_FLOAT_EQ(lines[1].page_height, 792);
}

TEST(PdfLayoutTest, FontNames) {
  EXPECT_TRUE(IsBoldFontName("Times-Bold"));
  EXPECT_TRUE(IsBoldFontName("ABCDEE+Century Gothic,Bold"));
  EXPECT_TRUE(IsBoldFontName("HYXHPT+TimesNewRomanPS-BoldMT"));
  EXPECT_FALSE(IsBoldFontName("Times New Roman"));
  EXPECT_TRUE(IsItalicFontName("Times-Italic"));
  EXPECT_FALSE(IsItalicFontName("Times-Roman"));
}

}  // namespace
}  // namespace secxref
