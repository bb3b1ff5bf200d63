#include "indexer/read/text_builder.h"

#include <gtest/gtest.h>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

struct NormalizeCase {
  const char* in;
  const char* out;
};

class NormalizeLineTextTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeLineTextTest, AppliesTextConventions) {
  EXPECT_EQ(NormalizeLineText(GetParam().in), GetParam().out);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizeLineTextTest,
    ::testing::Values(NormalizeCase{"  two   spaces  ", "two spaces"},
                      NormalizeCase{"tab\tand\nnewline", "tab and newline"},
                      NormalizeCase{"non\xC2\xA0"
                                    "breaking",
                                    "non breaking"},                         // NBSP
                      NormalizeCase{"thin\xE2\x80\x89space", "thin space"},  // U+2009
                      NormalizeCase{"soft\xC2\xADhyphen", "softhyphen"},     // U+00AD
                      NormalizeCase{"zero\xE2\x80\x8Bwidth", "zerowidth"},   // U+200B
                      NormalizeCase{"bell\x07"
                                    "char",
                                    "bellchar"},
                      NormalizeCase{"en\xE2\x80\x93"
                                    "dash kept",
                                    "en\xE2\x80\x93"
                                    "dash kept"},
                      NormalizeCase{"\xEF\x82\xB7 bullet", "\xE2\x80\xA2 bullet"},  // U+F0B7
                      NormalizeCase{"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
                      NormalizeCase{"\r\n", ""}));

struct ClauseCase {
  const char* text;
  bool ends;
};

class EndsClauseTest : public ::testing::TestWithParam<ClauseCase> {};

TEST_P(EndsClauseTest, Decides) { EXPECT_EQ(EndsClause(GetParam().text), GetParam().ends); }

INSTANTIATE_TEST_SUITE_P(
    Cases, EndsClauseTest,
    ::testing::Values(ClauseCase{"a sentence.", true}, ClauseCase{"as follows:", true},
                      ClauseCase{"the \xE2\x80\x9Cquoted.\xE2\x80\x9D", true},
                      ClauseCase{"(see Note 4.)", true}, ClauseCase{"goes on to the", false},
                      ClauseCase{"Sincerely,", false}, ClauseCase{"ASC 280-10-", false},
                      ClauseCase{"", false}));

RawLine Text(const char* s, uint16_t page = 0, uint8_t flags = 0) {
  RawLine line;
  line.text = s;
  line.page = page;
  line.flags = flags;
  return line;
}

struct JoinCase {
  const char* first;
  const char* second;
  bool blank_between;
  const char* text;
};

class BuildTextJoinTest : public ::testing::TestWithParam<JoinCase> {};

TEST_P(BuildTextJoinTest, RejoinsLineEndHyphens) {
  const JoinCase& c = GetParam();
  RawLines lines = {Text(c.first)};
  if (c.blank_between) lines.push_back(RawLine::Blank());
  lines.push_back(Text(c.second));
  Document doc;
  BuildText(lines, &doc);
  EXPECT_EQ(doc.text, c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BuildTextJoinTest,
    ::testing::Values(
        JoinCase{"a non-", "GAAP measure", false, "a non-GAAP measure"},
        JoinCase{"ASC 280-10-", "50-1 requires", false, "ASC 280-10-50-1 requires"},
        JoinCase{"Form 10-", "K for the year", false, "Form 10-K for the year"},
        JoinCase{"guidance in ASC", "360-10-35-21", false, "guidance in ASC\n360-10-35-21"},
        JoinCase{"a dash -", "then more", false, "a dash -\nthen more"},
        JoinCase{"em dash\xE2\x80\x94", "then more", false, "em dash\xE2\x80\x94\nthen more"},
        JoinCase{"ends with non-", "(a) list", false, "ends with non-\n(a) list"},
        JoinCase{"paragraph ends non-", "GAAP", true, "paragraph ends non-\n\nGAAP"},
        JoinCase{"caf\xC3\xA9-", "bar", false, "caf\xC3\xA9-bar"}));

TEST(BuildTextTest, CollapsesBlanksAndRecordsLines) {
  RawLines lines = {RawLine::Blank(), Text("First", 1, Line::kBold), RawLine::Blank(),
                    RawLine::Blank(), Text("second line", 2),        RawLine::Blank()};
  lines[1].indent = 72;
  Document doc;
  BuildText(lines, &doc);
  EXPECT_EQ(doc.text, "First\n\nsecond line");
  ASSERT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(testing::LineText(doc, doc.lines[0]), "First");
  EXPECT_EQ(doc.lines[0].page, 1);
  EXPECT_EQ(doc.lines[0].indent, 72);
  EXPECT_EQ(doc.lines[0].flags, Line::kBold);
  EXPECT_EQ(testing::LineText(doc, doc.lines[1]), "second line");
  EXPECT_EQ(doc.lines[1].page, 2);
}

TEST(BuildTextTest, JoinedLineKeepsFirstPageAndCommonFlags) {
  RawLines lines = {Text("ASC 606-10-", 1, Line::kBold | Line::kItalic),
                    Text("25-1 applies.", 2, Line::kBold)};
  Document doc;
  BuildText(lines, &doc);
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.text, "ASC 606-10-25-1 applies.");
  EXPECT_EQ(doc.lines[0].page, 1);
  EXPECT_EQ(doc.lines[0].flags, Line::kBold);
}

TEST(BuildTextTest, MarksAllCapsLines) {
  Document doc;
  BuildText({Text("UNITED STATES"), Text("Mixed Case"), Text("A"), Text("FORM 10-K, PAGE 3")},
            &doc);
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_TRUE(doc.lines[0].flags & Line::kAllCaps);
  EXPECT_FALSE(doc.lines[1].flags & Line::kAllCaps);
  EXPECT_FALSE(doc.lines[2].flags & Line::kAllCaps);  // one letter is not a heading
  EXPECT_TRUE(doc.lines[3].flags & Line::kAllCaps);
}

}  // namespace
}  // namespace secxref
