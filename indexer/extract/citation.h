// A Citation is one mention of an authoritative source in a letter, with its canonical id
// (../shared/spec/citation-ids.md, mirrored in docs/citation-ids.md) and where it was
// written.
#ifndef SECXREF_EXTRACT_CITATION_H_
#define SECXREF_EXTRACT_CITATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secxref {

enum class Family : uint8_t {
  kAsc, kAsu, kLegacy, kRelease, kForm, kSk, kSx, kRegulation, kRule, kStatute, kSab, kCdi,
  kGuidance, kIfrs, kAudit,
};
inline constexpr int kFamilyCount = 15;
const char* FamilyName(Family family);                       // "asc", "sk", ...
std::optional<Family> FamilyFromName(std::string_view name);  // inverse of FamilyName

// How the mention was written.
enum class How : uint8_t {
  kExplicit,   // the id is spelled out: "ASC 810-10-50-5A(d)"
  kList,       // a member of a list whose target is stated once: "paragraphs 2AA.d and 3.bb of ASC 810-10-50"
  kRange,      // an end of a range: "ASC 805-30-25-2 through 25-4"
  kRangeFill,  // a member between the ends of a range, not written
  kInherited,  // the target came from context: bare "Item 303(a)(3)" after "Regulation S-K"
};
const char* HowName(How how);

struct Citation {
  Family family = Family::kAsc;
  std::string id;                    // canonical id
  uint32_t start = 0;                // byte span of the mention in the letter text; for list
  uint32_t end = 0;                  //   and range members the whole clause
  How how = How::kExplicit;
  bool known = true;                 // false when the catalog does not know the id's root
  std::vector<std::string> aliases;  // other numbers of the same release ("34-48960", "FR-72")
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_CITATION_H_
