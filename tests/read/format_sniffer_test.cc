#include "indexer/read/format_sniffer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

namespace secxref {
namespace {

struct SniffCase {
  std::string bytes;
  InputFormat format;
};

// A 512-byte tar header: `magic` at 257, the checksum at 148 (stated right unless `bad_sum`).
std::string TarHeader(std::string_view magic, bool bad_sum = false) {
  std::string h(512, '\0');
  h.replace(0, 12, "filename1.txt", 12);
  h.replace(257, magic.size(), magic);
  h.replace(148, 8, 8, ' ');
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  if (bad_sum) sum += 1;
  char field[8];
  std::snprintf(field, sizeof field, "%06o", sum);
  h.replace(148, 7, std::string(field, 6) + '\0');
  return h + std::string(512, '\0');
}

// A text letter whose byte 257 starts a word ending in "ustar" ("Falustar, Inc.").
std::string TextWithUstarAt257() {
  std::string t(254, ' ');
  t += "Falustar, Inc.\nDear Sir:\n";
  t.append(400, 'x');
  return t;
}

class DetectFormatTest : public ::testing::TestWithParam<SniffCase> {};

TEST_P(DetectFormatTest, ByContent) {
  EXPECT_EQ(DetectFormat(GetParam().bytes), GetParam().format)
      << InputFormatName(DetectFormat(GetParam().bytes)) << " for "
      << GetParam().bytes.substr(0, 40);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DetectFormatTest,
    ::testing::Values(
        SniffCase{"", InputFormat::kEmpty}, SniffCase{" \n\t\r\n", InputFormat::kEmpty},
        SniffCase{"%PDF-1.4\n...", InputFormat::kPdf},
        SniffCase{"\r\n%PDF-1.7 junk before the header is allowed", InputFormat::kPdf},
        SniffCase{std::string("PK\x03\x04", 4) + "zip", InputFormat::kArchive},
        SniffCase{std::string("PK\x05\x06", 4) + std::string(18, '\0'), InputFormat::kArchive},
        SniffCase{TarHeader(std::string_view("ustar\x00" "00", 8)), InputFormat::kArchive},
        SniffCase{TarHeader(std::string_view("ustar  \x00", 8)), InputFormat::kArchive},
        SniffCase{TarHeader(std::string_view("ustar\x00" "00", 8), /*bad_sum=*/true),
                  InputFormat::kBinary},
        SniffCase{std::string(257, '\0') + "ustar\x00" "00", InputFormat::kBinary},
        SniffCase{TextWithUstarAt257(), InputFormat::kText},
        SniffCase{"\x1F\x8B\x08\x00", InputFormat::kCompressed},
        SniffCase{"BZh91AY&SY", InputFormat::kCompressed},
        SniffCase{std::string("\xFD"
                              "7zXZ\x00",
                              6),
                  InputFormat::kCompressed},
        SniffCase{"<SEC-DOCUMENT>0001-24-1.txt : 20240402\n", InputFormat::kSgmlSubmission},
        SniffCase{"<SUBMISSION>\n<ACCESSION-NUMBER>0000000000-07-051112\n",
                  InputFormat::kSgmlSubmission},
        SniffCase{"<DOCUMENT>\n<TYPE>CORRESP\n<TEXT>\n<html>", InputFormat::kSgmlDocument},
        SniffCase{"begin 644 filename1.pdf\nM)5!$1BTQ+C,-\n", InputFormat::kUuencoded},
        SniffCase{"<!DOCTYPE html><html>", InputFormat::kHtml},
        SniffCase{"<HTML><BODY>", InputFormat::kHtml},
        SniffCase{"<p style='x'>Dear Sir</p>", InputFormat::kHtml},
        SniffCase{"<?xml version='1.0'?><html xmlns='x'>", InputFormat::kHtml},
        SniffCase{"<?xml version='1.0'?><xbrl>", InputFormat::kXml},
        SniffCase{"<PAGE>\nDear Sir:", InputFormat::kText},
        SniffCase{"Dear Sir: see <b>", InputFormat::kText},
        SniffCase{"Caf\xE9 \x93quoted\x94", InputFormat::kText},
        SniffCase{"\xFF\xD8\xFF\xE0JFIF", InputFormat::kImage},
        SniffCase{"\x89PNG\r\n", InputFormat::kImage},
        SniffCase{std::string("ELF\x00\x01\x02", 6), InputFormat::kBinary},
        SniffCase{std::string("\x01\x02\x03\x04\x05\x06\x07\x08 text", 13), InputFormat::kBinary}));

}  // namespace
}  // namespace secxref
