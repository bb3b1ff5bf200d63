#include "indexer/read/html_reader.h"

#include <gtest/gtest.h>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

using testing::FindLine;
using testing::FixturePath;

// Reads an HTML snippet through the whole pipeline (dispatch, clean-up, text assembly).
Document ReadHtml(const std::string& body) {
  std::vector<Document> docs = testing::ReadAllBytes("<html><body>" + body + "</body></html>");
  EXPECT_EQ(docs.size(), 1u);
  return docs.empty() ? Document{} : docs[0];
}

struct HtmlCase {
  const char* name;
  const char* html;
  const char* text;
};

class HtmlTextTest : public ::testing::TestWithParam<HtmlCase> {};

TEST_P(HtmlTextTest, RendersAsTheLayoutShows) {
  Document doc = ReadHtml(GetParam().html);
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.text, GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlTextTest,
    ::testing::Values(
        HtmlCase{"HardWrappedParagraphJoined", "<p>one\ntwo\n   three</p>", "one two three"},
        HtmlCase{"ParagraphsSeparated", "<p>one</p><p>two</p>", "one\n\ntwo"},
        HtmlCase{"ZeroMarginParagraphsAreLines",
                 "<p style='margin-top:0pt;margin-bottom:0pt'>one</p>"
                 "<p style='margin:0in 0in .0001pt'>two</p>",
                 "one\ntwo"},
        HtmlCase{"MarginMakesAParagraphBreak",
                 "<div>one</div><div style='margin-top:12pt'>two</div>"
                 "<div style='padding-top:2px'>three</div>",
                 "one\n\ntwo\nthree"},
        HtmlCase{"DivsAreLines", "<div>one</div><div><font>two</font> more</div>", "one\ntwo more"},
        HtmlCase{"BrBreaksLines", "one<br>two<br/><br>three", "one\ntwo\n\nthree"},
        HtmlCase{"EmptyBlocksAreBlankLines",
                 "<div>one</div><div><br></div><div>two</div>"
                 "<p style='margin:0'>&nbsp;</p><div>three</div>",
                 "one\n\ntwo\n\nthree"},
        HtmlCase{"EntitiesDecoded",
                 "<p>A&amp;B &#147;quoted&#148; &ldquo;x&rdquo; caf&eacute; 10&nbsp;pt &#8211; end"
                 "</p>",
                 "A&B \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x9Cx\xE2\x80\x9D caf\xC3\xA9 10 pt "
                 "\xE2\x80\x93 end"},
        HtmlCase{"TableRowIsOneLine",
                 "<table><tr><td>&nbsp;</td><td>1.</td><td><p style='margin:0'>We note the"
                 "\nfiling.</p></td></tr><tr><td>Item</td><td>Page</td></tr></table>",
                 "1. We note the filing.\nItem Page"},
        HtmlCase{"CellWithParagraphsContinues",
                 "<table><tr><td>2.</td><td><p>First paragraph.</p><p>Second one.</p></td>"
                 "<td>x</td></tr></table>",
                 "2. First paragraph.\n\nSecond one. x"},
        HtmlCase{"OrderedListsAreNumbered",
                 "<ol><li>first</li><li>second</li></ol><ol start='5' type='a'><li>e-th</li></ol>"
                 "<ul><li>dot</li></ul><ul style='list-style:none'><li>plain</li></ul>",
                 "1. first\n2. second\n\ne. e-th\n\n\xE2\x80\xA2 dot\n\nplain"},
        HtmlCase{"HiddenAndScriptSkipped",
                 "<div style='display:none'>HIDDEN</div><script>x()</script><style>p{}</style>"
                 "<p>shown</p><span hidden>gone</span>",
                 "shown"},
        HtmlCase{"PreKeepsLines", "<pre>line one\n  line two</pre>", "line one\nline two"},
        HtmlCase{"HeadingsAreParagraphs", "text<h2>Heading</h2>more", "text\n\nHeading\n\nmore"},
        HtmlCase{"PaddedInlineTextIsSpaced",
                 "<div><font>1.</font><font style='padding-left:27pt'>Please state</font></div>"
                 "<div><span style='display:inline-block;width:18pt'>&#8226;</span>Add</div>"
                 "<div>no<font style='color:red'>space</font></div>",
                 "1. Please state\n\xE2\x80\xA2 Add\nnospace"},
        HtmlCase{"TextLayerBehindPageImages",
                 "<img src='page1.jpg'><div><font style='font-size:1pt;color:white'>Acme Corp.  "
                 "April 9, 2024    Dear Sir:  1. We note the  filing.</font></div>",
                 "Acme Corp.\nApril 9, 2024\n\nDear Sir:\n1. We note the\nfiling."}),
    [](const ::testing::TestParamInfo<HtmlCase>& info) { return info.param.name; });

struct FlagCase {
  const char* html;
  uint8_t flags;
};

class HtmlFlagTest : public ::testing::TestWithParam<FlagCase> {};

TEST_P(HtmlFlagTest, EmphasisCoveringTheWholeLine) {
  Document doc = ReadHtml(GetParam().html);
  ASSERT_EQ(doc.lines.size(), 1u) << doc.text;
  EXPECT_EQ(doc.lines[0].flags & ~Line::kAllCaps, GetParam().flags) << doc.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlFlagTest,
    ::testing::Values(
        FlagCase{"<p><b>Bold</b> <strong>line</strong></p>", Line::kBold},
        FlagCase{"<p><font style='font-weight:bold'>Bold line</font></p>", Line::kBold},
        FlagCase{"<div style='font-weight:700'>1. <font>Bold</font></div>", Line::kBold},
        FlagCase{"<p><b>Half</b> bold</p>", 0},
        FlagCase{"<p><b>Bold <span style='font-weight:normal'>not</span></b></p>", 0},
        FlagCase{"<p><i>Italic</i></p>", Line::kItalic},
        FlagCase{"<p><font style='font-style:italic'>Italic</font></p>", Line::kItalic},
        FlagCase{"<p><u>Under</u></p>", Line::kUnderline},
        FlagCase{"<p style='text-decoration:underline'>Under</p>", Line::kUnderline},
        FlagCase{"<p><b><i><u>All three</u></i></b></p>",
                 Line::kBold | Line::kItalic | Line::kUnderline},
        FlagCase{"<div style='text-align:center'>Centered</div>", Line::kCentered},
        FlagCase{"<center><p>Centered</p></center>", Line::kCentered},
        FlagCase{"<p align='center'>Centered</p>", Line::kCentered},
        FlagCase{"<center><div align='left'>Left</div></center>", 0}));

TEST(HtmlIndentTest, MarginsPaddingAndTextIndent) {
  Document doc = ReadHtml(
      "<div style='margin-left:0.5in'>half inch</div>"
      "<div style='padding-left:24px'><p style='margin:0;text-indent:36pt'>first line<br>"
      "second line</p></div>"
      "<div style='text-indent:432px'>dated</div>");
  ASSERT_EQ(doc.lines.size(), 4u) << doc.text;
  EXPECT_EQ(doc.lines[0].indent, 36);
  EXPECT_EQ(doc.lines[1].indent, 18 + 36);
  EXPECT_EQ(doc.lines[2].indent, 18);
  EXPECT_EQ(doc.lines[3].indent, 324);
}

TEST(HtmlReaderTest, Cp1252BytesAreDecoded) {
  std::vector<Document> docs = testing::ReadAllBytes(
      "<html><body><p>the \x93"
      "Company\x94 \x96 caf\xE9</p></body></html>");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text,
            "the \xE2\x80\x9C"
            "Company\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_NE(docs[0].warnings[0].find("Windows-1252"), std::string::npos);
}

TEST(HtmlReaderTest, DeepNestingDoesNotRecurseForever) {
  std::string html;
  for (int i = 0; i < 1500; ++i) html += "<span>";  // past the walker's depth cap
  html += "deep text";
  Document doc = ReadHtml(html);
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(doc.text, "deep text");
}

TEST(HtmlReaderTest, HostileNestingIsRefused) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  Document doc = ReadHtml(html + "text");
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.error, "HTML nested too deeply (100002 levels > limit 2000)");
  EXPECT_TRUE(doc.text.empty());
}

TEST(HtmlReaderTest, EstimateHtmlNesting) {
  EXPECT_EQ(EstimateHtmlNesting("<html><body><div><b>x</b></div></body></html>"), 4u);
  // Void and implicitly closed elements do not nest; neither do comparisons in text.
  EXPECT_EQ(EstimateHtmlNesting("<p>a<p>b<br><img src=x><li>c<td>d<hr/> 1 < 2"), 0u);
  EXPECT_EQ(EstimateHtmlNesting("<DIV><Font>x</FONT></div><div>"), 2u);
}

class AgentResponseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Document> docs = testing::ReadAllPaths({FixturePath("html/response-agent.htm")});
    ASSERT_EQ(docs.size(), 1u);
    doc_ = std::move(docs[0]);
    ASSERT_EQ(doc_.error, "");
  }
  Document doc_;
};

TEST_F(AgentResponseTest, EdgarWrapperIsUnwrapped) {
  EXPECT_EQ(doc_.format, "html");
  EXPECT_FALSE(doc_.member.has_value());
  EXPECT_EQ(doc_.submission.form_type.value_or(""), "CORRESP");
  EXPECT_EQ(doc_.text.find("<TYPE>"), std::string::npos);
  EXPECT_EQ(doc_.text.find("filename1.htm"), std::string::npos);
  EXPECT_EQ(doc_.text.find("HIDDEN"), std::string::npos);
  EXPECT_EQ(doc_.text.find("SCRIPT"), std::string::npos);
  EXPECT_EQ(doc_.text.find("Response letter"), std::string::npos);  // <title>
}

TEST_F(AgentResponseTest, LayoutAndEmphasis) {
  const Line* head = FindLine(doc_, "ACME HOLDINGS, INC.");
  ASSERT_NE(head, nullptr);
  EXPECT_EQ(head->flags, Line::kBold | Line::kCentered | Line::kAllCaps);
  const Line* date = FindLine(doc_, "May 5, 2021");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->indent, 324);
  const Line* re = FindLine(doc_, "Re: Acme Holdings, Inc.");
  ASSERT_NE(re, nullptr);
  EXPECT_TRUE(re->flags & Line::kBold);
  EXPECT_NE(doc_.text.find("Re: Acme Holdings, Inc.\nForm 10-K for the Fiscal Year Ended "
                           "December 31, 2020\nFile No. 001-55555\n\nLadies and Gentlemen:"),
            std::string::npos)
      << doc_.text;
  const Line* comment = FindLine(doc_, "1. Please tell us how you applied ASC 842-20-50-1");
  ASSERT_NE(comment, nullptr);
  EXPECT_TRUE(comment->flags & Line::kBold);
  const Line* heading = FindLine(doc_, "Form 10-K for the Fiscal Year Ended December 31, 2020");
  ASSERT_NE(heading, nullptr);
  const Line* underlined = nullptr;
  for (const Line& l : doc_.lines)
    if (testing::LineText(doc_, l) == "Form 10-K for the Fiscal Year Ended December 31, 2020" &&
        (l.flags & Line::kUnderline))
      underlined = &l;
  EXPECT_NE(underlined, nullptr);
  const Line* response = FindLine(doc_, "Response: The Company applied");
  ASSERT_NE(response, nullptr);
  EXPECT_FALSE(response->flags & Line::kItalic);  // only "Response:" is italic
  EXPECT_EQ(response->indent, 36);
}

TEST_F(AgentResponseTest, HardWrappedParagraphAndEntities) {
  EXPECT_NE(doc_.text.find("Acme Holdings, Inc. (the \xE2\x80\x9C"
                           "Company\xE2\x80\x9D) sets out "
                           "below its responses to the comments of the staff (the "
                           "\xE2\x80\x9CStaff\xE2\x80\x9D) in your letter dated April 20, 2021. "
                           "For convenience, each comment is restated in bold & followed by the "
                           "Company\xE2\x80\x99s response.\n"),
            std::string::npos)
      << doc_.text;
}

TEST_F(AgentResponseTest, PageHeaderAndFooterRemoved) {
  EXPECT_EQ(doc_.text.find("Page 2"), std::string::npos);
  EXPECT_EQ(testing::Count(doc_.text, "Securities and Exchange Commission"), 1u);
  EXPECT_EQ(testing::Count(doc_.text, "May 5, 2021"), 1u);
  EXPECT_NE(doc_.text.find("guidance to each lease.\n\nThe renewal options are described in the "
                           "table below"),
            std::string::npos)
      << doc_.text;
  EXPECT_EQ(doc_.text.find("\n1\n"), std::string::npos);
}

TEST_F(AgentResponseTest, ListsTablesAndSignature) {
  EXPECT_NE(doc_.text.find("1. options it is reasonably certain to exercise;\n2. options it is "
                           "not.\n"),
            std::string::npos);
  EXPECT_NE(doc_.text.find("Option Term Notice\nExtension 5 years 12 months"), std::string::npos);
  EXPECT_NE(doc_.text.find("/s/ Pat Example\nPat Example\nChief Financial Officer"),
            std::string::npos);
}

}  // namespace
}  // namespace secxref
