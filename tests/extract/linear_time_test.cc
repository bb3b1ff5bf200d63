// The grammar runs in linear time on any input: adversarial text (long runs of digits,
// hyphens, "and", "through", parentheses, level words) is read in one pass. The run time is
// bounded by ctest's TIMEOUT for this binary, not measured here (speed is measured by
// scripts/bench); the test checks that every shape terminates with sane output.
#include <gtest/gtest.h>

#include <string>

#include "indexer/extract/grammar.h"

namespace secxref {
namespace {

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

class Adversarial : public ::testing::TestWithParam<const char*> {};

TEST_P(Adversarial, TenMegabytesTerminate) {
  std::string text = Repeat(GetParam(), 10u << 20);
  std::vector<Citation> cs = Grammar::Default().Extract(text);
  for (const Citation& c : cs) {
    ASSERT_LE(c.start, c.end);
    ASSERT_LE(c.end, text.size());
    ASSERT_FALSE(c.id.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, Adversarial,
    ::testing::Values("1111111111111111111111111111111111111111", "----------------------------------",
                      "810-10-50-", "810-", "and and and ", "through through ", "ASC 810-10-50-1 and ",
                      "ASC 805-30-25-2 through 25-4 and ", "(((((((((a)))))))))", "((a)(b)(c)(d)", "Item ",
                      "Items 1, 2, 3, 4, 5, 6, ", "paragraphs 1 and ", "Section of the of the ",
                      "Release No. 33-", "Rule 12b-20 of Rule ", "Question 100.01 of the ", ". . . . ",
                      "\xE2\x80\x93\xE2\x80\x93\xE2\x80\x93", "ASC ASC ASC ", "1a1a1a1a1a1a1a1a1a1a",
                      "Regulation S-K Item 303(a)(1)(i)(A)(1)(i)(A) ", "\n\n\n", "(a)"));

TEST(Adversarial, OneHugeRangeIsNotFilled) {
  auto cs = Grammar::Default().Extract("ASC 205-20-55-1 through 999999");
  EXPECT_LE(cs.size(), 2u);
}

}  // namespace
}  // namespace secxref
