#include "indexer/read/css_style.h"

#include <gtest/gtest.h>

namespace secxref {
namespace {

struct LengthCase {
  const char* in;
  float points;
};

class CssLengthTest : public ::testing::TestWithParam<LengthCase> {};

TEST_P(CssLengthTest, ConvertsToPoints) {
  std::optional<float> v = ParseCssLength(GetParam().in);
  ASSERT_TRUE(v.has_value()) << GetParam().in;
  EXPECT_NEAR(*v, GetParam().points, 0.01);
}

INSTANTIATE_TEST_SUITE_P(Cases, CssLengthTest,
                         ::testing::Values(LengthCase{"12pt", 12}, LengthCase{"16px", 12},
                                           LengthCase{".5in", 36}, LengthCase{"1em", 12},
                                           LengthCase{"10%", 46.8f}, LengthCase{"0", 0},
                                           LengthCase{"-0.25in", -18},
                                           LengthCase{" 6PT !important", 6}));

TEST(CssLengthTest, RejectsNonLengths) {
  EXPECT_FALSE(ParseCssLength("auto").has_value());
  EXPECT_FALSE(ParseCssLength("").has_value());
  EXPECT_FALSE(ParseCssLength("12furlongs").has_value());
}

TEST(CssStyleTest, ReadsEmphasisAlignmentAndSpacing) {
  CssStyle s = ParseInlineStyle(
      "font-family:Times New Roman; FONT-WEIGHT: bold;font-style:italic;"
      "text-decoration:underline;text-align:center;margin-top:12pt;padding-left:0.5in;"
      "text-indent:-18pt;page-break-before:always");
  EXPECT_EQ(s.bold, true);
  EXPECT_EQ(s.italic, true);
  EXPECT_TRUE(s.underline);
  EXPECT_EQ(s.centered, true);
  EXPECT_FLOAT_EQ(s.margin_top.value_or(-1), 12);
  EXPECT_FLOAT_EQ(s.padding_left, 36);
  EXPECT_FLOAT_EQ(s.text_indent, -18);
  EXPECT_TRUE(s.page_break_before);
  EXPECT_FALSE(s.hidden);
}

TEST(CssStyleTest, NumericWeightsAndResets) {
  EXPECT_EQ(ParseInlineStyle("font-weight:700").bold, true);
  EXPECT_EQ(ParseInlineStyle("font-weight:400").bold, false);
  EXPECT_EQ(ParseInlineStyle("font-weight:normal").bold, false);
  EXPECT_FALSE(ParseInlineStyle("color:red").bold.has_value());
  EXPECT_EQ(ParseInlineStyle("text-align:left").centered, false);
  EXPECT_EQ(ParseInlineStyle("font: bold 10pt Arial").bold, true);
}

TEST(CssStyleTest, MarginShorthand) {
  CssStyle s = ParseInlineStyle("margin:0in 0in .0001pt .5in");
  EXPECT_FLOAT_EQ(s.margin_top.value_or(-1), 0);
  EXPECT_NEAR(s.margin_bottom.value_or(-1), 0.0001, 1e-6);
  EXPECT_FLOAT_EQ(s.margin_left, 36);
  CssStyle two = ParseInlineStyle("margin: 6pt 0");
  EXPECT_FLOAT_EQ(two.margin_top.value_or(-1), 6);
  EXPECT_FLOAT_EQ(two.margin_bottom.value_or(-1), 6);
  EXPECT_FLOAT_EQ(two.margin_left, 0);
}

TEST(CssStyleTest, HiddenText) {
  EXPECT_TRUE(ParseInlineStyle("display: none").hidden);
  EXPECT_TRUE(ParseInlineStyle("visibility:hidden").hidden);
  EXPECT_FALSE(ParseInlineStyle("display:block").hidden);
}

}  // namespace
}  // namespace secxref
