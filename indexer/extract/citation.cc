#include "indexer/extract/citation.h"

namespace secxref {
namespace {

constexpr const char* kFamilyNames[kFamilyCount] = {
    "asc", "asu", "legacy", "release", "form", "sk", "sx", "regulation",
    "rule", "statute", "sab", "cdi", "guidance", "ifrs", "audit",
};

}  // namespace

const char* FamilyName(Family family) { return kFamilyNames[static_cast<int>(family)]; }

std::optional<Family> FamilyFromName(std::string_view name) {
  for (int i = 0; i < kFamilyCount; ++i)
    if (name == kFamilyNames[i]) return static_cast<Family>(i);
  return std::nullopt;
}

const char* HowName(How how) {
  switch (how) {
    case How::kExplicit:
      return "explicit";
    case How::kList:
      return "list";
    case How::kRange:
      return "range";
    case How::kRangeFill:
      return "range-fill";
    case How::kInherited:
      return "inherited";
  }
  return "explicit";
}

}  // namespace secxref
