// Shared by the grammar's table tests: one text, the ids the grammar must find in it.
#ifndef SECXREF_TESTS_EXTRACT_ID_CASES_H_
#define SECXREF_TESTS_EXTRACT_ID_CASES_H_

#include <ostream>
#include <string>
#include <vector>

#include "indexer/extract/citation.h"

namespace secxref {

struct Case {
  const char* text;
  const char* ids;  // "; "-separated, in text order
};

inline std::ostream& operator<<(std::ostream& os, const Case& c) { return os << '"' << c.text << '"'; }

inline std::string Ids(const std::vector<Citation>& cs) {
  std::string out;
  for (const Citation& c : cs) {
    if (!out.empty()) out += "; ";
    out += c.id;
  }
  return out;
}

}  // namespace secxref

#endif  // SECXREF_TESTS_EXTRACT_ID_CASES_H_
