#include "indexer/read/plain_text_reader.h"

#include <gtest/gtest.h>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

using testing::Count;
using testing::FindLine;
using testing::FixturePath;

Document ReadOne(const std::string& fixture) {
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath(fixture)});
  EXPECT_EQ(docs.size(), 1u);
  return docs.empty() ? Document{} : docs[0];
}

TEST(PlainTextTest, Utf8StaffLetter) {
  Document doc = ReadOne("text/staff-letter-utf8.txt");
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(doc.format, "text");
  EXPECT_TRUE(doc.warnings.empty());
  // Letterhead centered and in capitals; indent from leading columns.
  const Line* sec = FindLine(doc, "SECURITIES AND EXCHANGE COMMISSION");
  ASSERT_NE(sec, nullptr);
  EXPECT_EQ(sec->flags, Line::kCentered | Line::kAllCaps);
  const Line* date = FindLine(doc, "June 7, 2011");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->indent, 360);  // 50 columns
  EXPECT_FALSE(date->flags & Line::kCentered);
  EXPECT_EQ(date->page, 0);
  // Tabs are whitespace: "Re:" and the company are one space apart.
  EXPECT_NE(doc.text.find("Re: Sample Mining Company\nForm 10-K"), std::string::npos);
  // Smart quotes and dashes kept as written; broken citation rejoined.
  EXPECT_NE(doc.text.find("\xE2\x80\x9Cproven and probable\xE2\x80\x9D"), std::string::npos);
  EXPECT_NE(doc.text.find("guidance in ASC 930-360-35-1 to the capitalized development costs "
                          "\xE2\x80\x93 including the\npre-stripping"),
            std::string::npos)
      << doc.text;
  EXPECT_NE(doc.text.find("the non-GAAP measure"), std::string::npos);
  // The "Page 2" running header is gone; the paragraph break before comment 2 stays.
  EXPECT_EQ(doc.text.find("Page 2"), std::string::npos);
  EXPECT_EQ(Count(doc.text, "Mr. Robert T. Example"), 1u);
  EXPECT_NE(doc.text.find("North Pit.\n\n2. Please revise"), std::string::npos) << doc.text;
}

TEST(PlainTextTest, Cp1252Response) {
  Document doc = ReadOne("text/response-cp1252.txt");
  EXPECT_EQ(doc.error, "");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "not valid UTF-8; decoded as Windows-1252");
  EXPECT_NE(doc.text.find("Re: Caf\xC3\xA9 Holdings Corp."), std::string::npos);
  EXPECT_NE(doc.text.find("(the \xE2\x80\x9C"
                          "Company\xE2\x80\x9D)"),
            std::string::npos);
  EXPECT_NE(doc.text.find("Staff\xE2\x80\x99s letter"), std::string::npos);
  EXPECT_NE(doc.text.find("line \xE2\x80\x93 see IAS 18."), std::string::npos);
  EXPECT_NE(doc.text.find("Note 4 \xE2\x80\x94 it relates"), std::string::npos);
  EXPECT_NE(doc.text.find("File No. 001-77777"), std::string::npos);  // NBSP -> space
  EXPECT_NE(doc.text.find("IFRS 15 and ASC 606-10-55-65 for comparison"), std::string::npos);
  EXPECT_NE(doc.text.find("/s/ Ren\xC3\xA9 Counsel"), std::string::npos);
}

TEST(PlainTextTest, PagesTagsAndLineEnds) {
  RawLines lines = ReadPlainTextLines(
      "first\r\nsecond\fthird\n<PAGE>\nfourth\n<TABLE>\n<S>   cell\n</TABLE>\n   \nlast");
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].text, "first");
  EXPECT_EQ(lines[1].text, "second");
  EXPECT_EQ(lines[2].text, "third");
  EXPECT_TRUE(lines[2].page_start);
  EXPECT_EQ(lines[3].text, "fourth");
  EXPECT_TRUE(lines[3].page_start);
  EXPECT_EQ(lines[4].text, "cell");
  EXPECT_TRUE(lines[5].blank);
  EXPECT_EQ(lines[6].text, "last");
}

TEST(PlainTextTest, UnicodeWithByteOrderMarks) {
  std::vector<Document> docs = testing::ReadAllBytes(
      "\xEF\xBB\xBF"
      "Dear Sir:\nThanks.");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Dear Sir:\nThanks.");
  std::string utf16("\xFF\xFE", 2);
  for (char c : std::string("Hi \xE9")) utf16 += c, utf16 += '\0';  // "Hi é" little-endian
  docs = testing::ReadAllBytes(utf16);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].text, "Hi \xC3\xA9");
}

}  // namespace
}  // namespace secxref
