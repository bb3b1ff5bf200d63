// A fresh directory per test under GoogleTest's temporary directory, removed afterwards.
// Shared by every stage's tests (the index tests need real glass databases, not inmemory).
#ifndef SECXREF_TESTS_TEMP_DIR_H_
#define SECXREF_TESTS_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace secxref::test {

class TempDir {
 public:
  explicit TempDir(const std::string& stage = "test") {
    std::string base = ::testing::TempDir();
    if (base.empty() || base.back() != '/') base += '/';
    std::string templ = base + "secxref-" + stage + "-XXXXXX";
    if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed for " + templ);
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

  // Writes `data` to `relative` (parents made); returns its path.
  std::string Write(const std::string& relative, const std::string& data) const {
    std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

 private:
  std::string path_;
};

}  // namespace secxref::test

#endif  // SECXREF_TESTS_TEMP_DIR_H_
