// Replays inputs the fuzzers found (tests/fixtures/fuzz-regressions/<target>/) through the
// fuzz target's own LLVMFuzzerTestOneInput, compiled into a gtest binary under another name:
//
//   #define LLVMFuzzerTestOneInput FuzzGrammarOneInput
//   #include "fuzz/fuzz_grammar.cc"
//   #undef LLVMFuzzerTestOneInput
//
// so a regression test runs exactly the harness (and its contract checks, which abort) that
// found the bug. Used by tests/<stage>/fuzz_regression_test.cc.
#ifndef SECXREF_FUZZ_REPLAY_H_
#define SECXREF_FUZZ_REPLAY_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace secxref::fuzz {

// The files under SECXREF_FIXTURES/fuzz-regressions/<target>, sorted.
inline std::vector<std::string> RegressionInputs(const std::string& target) {
  std::vector<std::string> out;
  std::filesystem::path dir =
      std::filesystem::path(SECXREF_FIXTURES) / "fuzz-regressions" / target;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// gtest parameter names: the file name with anything but [A-Za-z0-9] as '_'.
inline std::string InputName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

}  // namespace secxref::fuzz

#endif  // SECXREF_FUZZ_REPLAY_H_
