// A replay of every input fuzz_segment saved (tests/fixtures/fuzz-regressions/segment/)
// through the fuzz target itself: SegmentLetter, then CiteLetter, with the harness's span
// checks (which abort). It lives with the extract tests because the harness runs the grammar
// over the segmented letter, as the indexer does.
#include <gtest/gtest.h>

#include <string>

#include "fuzz/replay.h"

#define LLVMFuzzerTestOneInput FuzzSegmentOneInput
#include "fuzz/fuzz_segment.cc"
#undef LLVMFuzzerTestOneInput

namespace secxref {
namespace {

class SegmentFuzzReplay : public ::testing::TestWithParam<std::string> {};

TEST_P(SegmentFuzzReplay, HarnessHolds) {
  const std::string bytes = fuzz::FileBytes(GetParam());
  ASSERT_FALSE(bytes.empty()) << GetParam();
  FuzzSegmentOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

INSTANTIATE_TEST_SUITE_P(Saved, SegmentFuzzReplay,
                         ::testing::ValuesIn(fuzz::RegressionInputs("segment")),
                         [](const auto& info) { return fuzz::InputName(info.param); });

TEST(SegmentFuzzReplay, InputsArePresent) {
  EXPECT_FALSE(fuzz::RegressionInputs("segment").empty()) << "tests/fixtures/fuzz-regressions/segment";
}

}  // namespace
}  // namespace secxref
