// Regressions found by fuzzing the readers (fuzz/fuzz_html.cc, fuzz_sgml.cc, fuzz_pdf.cc), and
// a replay of every input the fuzzers saved (tests/fixtures/fuzz-regressions/<target>/)
// through the fuzz targets themselves, whose Document contract checks abort on a violation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuzz/replay.h"
#include "indexer/read/html_reader.h"
#include "tests/read/read_test_util.h"

#define LLVMFuzzerTestOneInput FuzzHtmlOneInput
#include "fuzz/fuzz_html.cc"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput FuzzSgmlOneInput
#include "fuzz/fuzz_sgml.cc"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput FuzzPdfOneInput
#include "fuzz/fuzz_pdf.cc"
#undef LLVMFuzzerTestOneInput

namespace secxref {
namespace {

std::vector<std::string> Texts(const RawLines& lines) {
  std::vector<std::string> out;
  for (const RawLine& l : lines)
    if (!l.blank) out.push_back(l.text);
  return out;
}

// <ol start> and <li value> went through atoi and the item counter through ++: start=
// "2147483647" overflowed (undefined; UBSan stops the sanitizer build). Numbers are now read
// as int with saturation, the way a browser clamps them.
TEST(HtmlFuzzRegression, ListNumbersAtTheEdgesOfInt) {
  std::string error;
  RawLines lines = ReadHtmlLines(
      "<ol start=\"2147483647\"><li>first<li>second</ol>"
      "<ol start=\"-99999999999\"><li>low<li value=\"99999999999\">high<li>next</ol>"
      "<ol start=\"7\" type=\"i\"><li>seven</ol>",
      &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"2147483647. first", "2147483647. second",
                                                     "-2147483648. low", "2147483647. high",
                                                     "2147483647. next", "vii. seven"}));
}

struct Replay {
  const char* target;
  int (*run)(const uint8_t*, size_t);
};

std::vector<std::pair<std::string, Replay>> SavedInputs() {
  std::vector<std::pair<std::string, Replay>> out;
  for (Replay r : {Replay{"html", FuzzHtmlOneInput}, Replay{"sgml", FuzzSgmlOneInput},
                   Replay{"pdf", FuzzPdfOneInput}})
    for (const std::string& path : fuzz::RegressionInputs(r.target)) out.emplace_back(path, r);
  return out;
}

class ReaderFuzzReplay : public ::testing::TestWithParam<std::pair<std::string, Replay>> {};

TEST_P(ReaderFuzzReplay, HarnessHolds) {
  const std::string bytes = fuzz::FileBytes(GetParam().first);
  GetParam().second.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

INSTANTIATE_TEST_SUITE_P(Saved, ReaderFuzzReplay, ::testing::ValuesIn(SavedInputs()),
                         [](const auto& info) {
                           return std::string(info.param.second.target) + "_" +
                                  fuzz::InputName(info.param.first);
                         });

TEST(ReaderFuzzReplay, InputsArePresent) { EXPECT_FALSE(SavedInputs().empty()); }

}  // namespace
}  // namespace secxref
