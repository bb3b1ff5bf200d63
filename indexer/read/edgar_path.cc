#include "indexer/read/edgar_path.h"

#include <algorithm>
#include <vector>

namespace secxref {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "0001193125-24-039535" (with dashes) or 18 digits; "" otherwise.
std::string AccessionFromName(std::string_view name) {
  if (name.size() >= 20 && AllDigits(name.substr(0, 10)) && name[10] == '-' &&
      AllDigits(name.substr(11, 2)) && name[13] == '-' && AllDigits(name.substr(14, 6)) &&
      (name.size() == 20 || name[20] == '.' || name[20] == '-'))
    return std::string(name.substr(0, 20));
  if (name.size() >= 18 && AllDigits(name.substr(0, 18)) && (name.size() == 18 || name[18] == '.'))
    return FormatAccession(name.substr(0, 18));
  return "";
}

}  // namespace

std::string FormatAccession(std::string_view digits) {
  if (digits.size() != 18 || !AllDigits(digits)) return "";
  return std::string(digits.substr(0, 10)) + "-" + std::string(digits.substr(10, 2)) + "-" +
         std::string(digits.substr(12));
}

std::string UnpadCik(std::string_view cik) {
  size_t i = 0;
  while (i + 1 < cik.size() && cik[i] == '0') ++i;
  return std::string(cik.substr(i));
}

SubmissionInfo SubmissionFromPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find_first_of("/\\", i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) parts.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  SubmissionInfo info;
  // Deepest match wins: .../data/<CIK>/<18 digits>/...
  for (size_t k = parts.size(); k-- > 1;) {
    if (parts[k].size() == 18 && AllDigits(parts[k]) && AllDigits(parts[k - 1]) &&
        parts[k - 1].size() <= 10) {
      info.accession = FormatAccession(parts[k]);
      info.cik = UnpadCik(parts[k - 1]);
      return info;
    }
  }
  if (!parts.empty()) {
    std::string acc = AccessionFromName(parts.back());
    if (!acc.empty()) info.accession = acc;
  }
  return info;
}

}  // namespace secxref
