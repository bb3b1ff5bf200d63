// Helpers shared by the reader tests.
#ifndef SECXREF_TESTS_READ_READ_TEST_UTIL_H_
#define SECXREF_TESTS_READ_READ_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/read/document.h"
#include "indexer/read/reader.h"

namespace secxref::testing {

inline std::string FixturePath(std::string_view relative) {
  return std::string(SECXREF_FIXTURES) + "/" + std::string(relative);
}

inline std::string ReadFixture(std::string_view relative) {
  std::ifstream in(FixturePath(relative), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<Document> ReadAllPaths(const std::vector<std::string>& paths,
                                          const ReadLimits& limits = {}) {
  std::vector<Document> docs;
  ReadPaths(paths, limits, [&](Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

inline std::vector<Document> ReadAllBytes(std::string_view bytes, const ReadLimits& limits = {},
                                          const std::string& source = "input") {
  std::vector<Document> docs;
  ReadBytes(source, bytes, limits, [&](Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

inline std::string_view LineText(const Document& doc, const Line& line) {
  return std::string_view(doc.text).substr(line.start, line.end - line.start);
}

// The Line whose text starts with `prefix`, or nullptr.
inline const Line* FindLine(const Document& doc, std::string_view prefix) {
  for (const Line& line : doc.lines)
    if (LineText(doc, line).starts_with(prefix)) return &line;
  return nullptr;
}

inline size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace secxref::testing

#endif  // SECXREF_TESTS_READ_READ_TEST_UTIL_H_
