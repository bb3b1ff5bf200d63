#include "indexer/read/sgml_reader.h"

#include <gtest/gtest.h>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

using testing::FixturePath;
using testing::ReadFixture;

// accession, form type, filing date, company, CIK.
void ExpectInfo(const SubmissionInfo& info, const std::vector<std::string>& want) {
  EXPECT_EQ(info.accession.value_or(""), want[0]);
  EXPECT_EQ(info.form_type.value_or(""), want[1]);
  EXPECT_EQ(info.filed_date.value_or(""), want[2]);
  EXPECT_EQ(info.company.value_or(""), want[3]);
  EXPECT_EQ(info.cik.value_or(""), want[4]);
}

TEST(ParseSgmlTest, CompleteSubmissionHeaderAndParts) {
  std::string bytes = ReadFixture("sgml/0000000000-21-012345.txt");
  SgmlSubmission sub = ParseSgml(bytes);
  EXPECT_TRUE(sub.has_header);
  ExpectInfo(sub.info,
             {"0000000000-21-012345", "UPLOAD", "2021-03-03", "EXAMPLE WIDGETS CORP", "1234567"});
  ASSERT_EQ(sub.parts.size(), 3u);
  EXPECT_EQ(sub.parts[0].type, "LETTER");
  EXPECT_EQ(sub.parts[0].filename, "filename1.pdf");
  EXPECT_TRUE(sub.parts[0].body.starts_with("begin 644 filename1.pdf\n"));  // <PDF> removed
  EXPECT_TRUE(sub.parts[0].body.ends_with("end\n"));
  EXPECT_FALSE(IsNonLetterPart(sub.parts[0]));
  EXPECT_EQ(sub.parts[1].type, "GRAPHIC");
  EXPECT_TRUE(IsNonLetterPart(sub.parts[1]));
  EXPECT_TRUE(sub.parts[2].xml);
  EXPECT_TRUE(IsNonLetterPart(sub.parts[2]));
}

TEST(ParseSgmlTest, PdsHeader) {
  SgmlSubmission sub = ParseSgml(ReadFixture("sgml/0000000000-09-000777.nc"));
  EXPECT_TRUE(sub.has_header);
  ExpectInfo(sub.info,
             {"0000000000-09-000777", "UPLOAD", "2009-02-03", "SAMPLE MINING CO", "98765"});
  ASSERT_EQ(sub.parts.size(), 1u);
  EXPECT_EQ(sub.parts[0].filename, "filename1.txt");
}

TEST(ParseSgmlTest, SingleDocumentWrapperAndMissingCloseTags) {
  SgmlSubmission sub = ParseSgml(
      "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<FILENAME>filename1.htm\n<DESCRIPTION>Letter\n"
      "<TEXT>\n<html><body>Hi</body></html>\n");
  EXPECT_FALSE(sub.has_header);
  ASSERT_EQ(sub.parts.size(), 1u);
  EXPECT_EQ(sub.parts[0].type, "CORRESP");
  EXPECT_EQ(sub.parts[0].description, "Letter");
  EXPECT_EQ(sub.parts[0].body, "<html><body>Hi</body></html>\n");
}

TEST(ParseSgmlTest, NonLetterParts) {
  SgmlPart part;
  part.type = "EX-101.INS";
  EXPECT_TRUE(IsNonLetterPart(part));
  part.type = "CORRESP";
  part.filename = "chart.JPG";
  EXPECT_TRUE(IsNonLetterPart(part));
  part.filename = "filename1.htm";
  EXPECT_FALSE(IsNonLetterPart(part));
}

TEST(SgmlReadTest, UploadSubmissionWithUuencodedPdf) {
  std::vector<Document> docs =
      testing::ReadAllPaths({FixturePath("sgml/0000000000-21-012345.txt")});
  ASSERT_EQ(docs.size(), 1u);  // the graphic and the XML are not letters
  const Document& doc = docs[0];
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.member.value_or(""), "filename1.pdf");
  ExpectInfo(doc.submission,
             {"0000000000-21-012345", "UPLOAD", "2021-03-03", "EXAMPLE WIDGETS CORP", "1234567"});
  EXPECT_EQ(doc.raw_bytes, ReadFixture("pdf/staff-letter.pdf").size());
  EXPECT_NE(doc.text.find("criteria in ASC 606-10-25-1 when"), std::string::npos);
}

TEST(SgmlReadTest, CorrespSubmissionWithTwoLetters) {
  std::vector<Document> docs =
      testing::ReadAllPaths({FixturePath("sgml/0001111111-21-000042.txt")});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].member.value_or(""), "filename1.htm");
  EXPECT_EQ(docs[0].format, "html");
  EXPECT_EQ(docs[1].member.value_or(""), "filename2.txt");
  EXPECT_EQ(docs[1].format, "text");
  for (const Document& doc : docs) {
    EXPECT_EQ(doc.error, "");
    ExpectInfo(doc.submission,
               {"0001111111-21-000042", "CORRESP", "2021-05-05", "ACME HOLDINGS INC", "55555"});
  }
  EXPECT_NE(docs[0].text.find("Ladies and Gentlemen:"), std::string::npos);
}

TEST(SgmlReadTest, HeaderWinsOverThePath) {
  std::string bytes = ReadFixture("sgml/0000000000-21-012345.txt");
  std::vector<Document> docs = testing::ReadAllBytes(
      bytes, {}, "edgar/data/999/000000000099000001/0000000000-21-012345.txt");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].submission.accession.value_or(""), "0000000000-21-012345");
  EXPECT_EQ(docs[0].submission.cik.value_or(""), "1234567");
}

TEST(SgmlReadTest, SubmissionWithoutLetters) {
  std::vector<Document> docs = testing::ReadAllBytes(
      "<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\nACCESSION NUMBER: 0000000000-21-000001\n</SEC-HEADER>\n"
      "<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>a.jpg\n<TEXT>\nbegin 644 a.jpg\n`\nend\n</TEXT>\n"
      "</DOCUMENT>\n</SEC-DOCUMENT>\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("no letter in the submission"), std::string::npos);
  EXPECT_EQ(docs[0].submission.accession.value_or(""), "0000000000-21-000001");
}

TEST(SgmlReadTest, DamagedUuencodingIsAnError) {
  std::vector<Document> docs = testing::ReadAllBytes(
      "<DOCUMENT>\n<TYPE>LETTER\n<FILENAME>filename1.pdf\n<TEXT>\nbegin 644 filename1.pdf\n"
      "M)5!$1BTQ+C,-\xFF\xFE garbage\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].error.empty());
  EXPECT_TRUE(docs[0].text.empty());
}

}  // namespace
}  // namespace secxref
