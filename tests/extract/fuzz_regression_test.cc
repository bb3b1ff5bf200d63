// Regressions found by fuzzing the grammar (fuzz/fuzz_grammar.cc): a table of the texts, with
// the ids they must yield, and a replay of every input the fuzzer saved
// (tests/fixtures/fuzz-regressions/grammar/) through the fuzz target itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuzz/replay.h"
#include "indexer/extract/grammar.h"
#include "tests/extract/id_cases.h"

#define LLVMFuzzerTestOneInput FuzzGrammarOneInput
#include "fuzz/fuzz_grammar.cc"
#undef LLVMFuzzerTestOneInput

namespace secxref {
namespace {

class GrammarFuzzRegression : public ::testing::TestWithParam<Case> {};

// Extract never throws: a number too long for an int is no legacy standard, and the
// citations around it are still found (std::stoi threw std::out_of_range out of Extract, so a
// letter mentioning "Registration Statement 99999999999" failed to index as a whole).
TEST_P(GrammarFuzzRegression, ExtractsExactlyTheseIds) {
  const Case& c = GetParam();
  std::vector<Citation> found;
  ASSERT_NO_THROW(found = Grammar::Default().Extract(c.text)) << c.text;
  EXPECT_EQ(Ids(found), c.ids) << c.text;
  ExtractOptions lenient;
  lenient.lenient = true;
  EXPECT_NO_THROW(Grammar::Default().Extract(c.text, lenient)) << c.text;
}

const Case kNumberOverflow[] = {
    {"Registration Statement 99999999999 on Form S-4", ""},  // a bare form names no part of it,
    {"Statement 12345678901234567890 and ASC 810-10-50", "ASC 810-10-50"},
    {"FAS 99999999999", ""},
    {"SFAS No. 4294967296 and SFAS No. 142", "FAS 142"},
    {"FASB Statement No. 2147483648", ""},
    {"Statement No. 154", "FAS 154"},  // the guard keeps the real ones
    {"Statement 144 applies", "FAS 144"},
};
INSTANTIATE_TEST_SUITE_P(NumberOverflow, GrammarFuzzRegression, ::testing::ValuesIn(kNumberOverflow));

class GrammarFuzzReplay : public ::testing::TestWithParam<std::string> {};

TEST_P(GrammarFuzzReplay, HarnessHolds) {
  const std::string bytes = fuzz::FileBytes(GetParam());
  ASSERT_FALSE(bytes.empty()) << GetParam();
  FuzzGrammarOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

INSTANTIATE_TEST_SUITE_P(Saved, GrammarFuzzReplay,
                         ::testing::ValuesIn(fuzz::RegressionInputs("grammar")),
                         [](const auto& info) { return fuzz::InputName(info.param); });

TEST(GrammarFuzzReplay, InputsArePresent) {
  EXPECT_FALSE(fuzz::RegressionInputs("grammar").empty()) << "tests/fixtures/fuzz-regressions/grammar";
}

}  // namespace
}  // namespace secxref
