// Designators: the numbers and outlines inside citations ("810-10-50-2AA.d", "303(A)(3)",
// "III.B.3", "5:Y", "12b-20"), read from a compact string (the designator's tokens with
// spaces removed and dashes normalized) and written in canonical form. Pure functions;
// internal to indexer/extract.
#ifndef SECXREF_EXTRACT_DESIGNATOR_H_
#define SECXREF_EXTRACT_DESIGNATOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secxref {

// An ASC path: topic[-subtopic[-section[-paragraph]]] plus subparagraph levels.
struct AscPath {
  std::vector<std::string> segments;  // "810", "10", "50", "2AA" (1 to 4)
  std::vector<std::string> subs;      // "d", "2", "ii" (below the paragraph)
  std::string Id() const;             // "ASC 810-10-50-2AA(d)"
};

// Reads a complete path ("810-10-50-2AA.d", "850-10-50-1a", "250-10-S99-1", "606-10-25-21(c)").
// Checks the shapes of citation-ids.md: topic 3 digits (105..999), subtopic 2-3 digits,
// section 2 digits or S + 2 digits, paragraph digits + optional upper-case letters.
std::optional<AscPath> ParseAscPath(std::string_view s);

// True when `section` is a Codification section number ("25", "50", "S99").
bool IsAscSectionNumber(std::string_view section);

// Reads a list or range member written relative to `previous`: "50-5", "25-4", "-4", "91",
// "2(c)", "(g)", "3.bb", "2AA.d", or a complete path. Returns the member's full path.
std::optional<AscPath> ResolveAscMember(std::string_view s, const AscPath& previous);

// Reads a member written before its target: "paragraphs 2AA.d and 3.bb of ASC 810-10-50"
// (members "2AA.d", "3.bb" under the section), "paragraph d. of ASC 810-10-50-1A" (member "d").
std::optional<AscPath> AppendAscMember(std::string_view s, const AscPath& target);

// Splits a pinpoint tail into its levels: "(a)(3)" -> a,3; "(a)1" -> a,1; ".8" -> dotted.
// Returns false when the tail is not a pinpoint.
bool SplitPinpoint(std::string_view tail, std::vector<std::string>* levels);

// Writes pinpoint levels for S-K/S-X/rules/statutes/forms: each in parentheses, the first
// level lower-cased when it is letters, the third (roman) lower-cased, the fourth upper-cased.
std::string FormatPinpoint(const std::vector<std::string>& levels);

// "303(A)(3)" -> base "303", pinpoint "(a)(3)". Base: digits plus optional letters per
// `base_letters` (e.g. "1A", "430A"). False when s does not start with the base shape.
bool SplitNumbered(std::string_view s, std::string* base, std::string* pinpoint);

// Upper-case roman numeral I..XXXIX ("III", "IV").
bool IsRoman(std::string_view s);
// Lower-case roman numeral i..xxxix.
bool IsLowerRoman(std::string_view s);

// Release outline pinpoints: "III.B.3", "IV.C", "II.B.3(a)" -> "II.B.3.a". False if not one.
bool ParseOutline(std::string_view s, std::string* outline);

bool AllDigits(std::string_view s);
bool AllUpper(std::string_view s);  // letters only, all upper case
bool AllLower(std::string_view s);  // letters only, all lower case
std::string Upper(std::string_view s);
std::string Lower(std::string_view s);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_DESIGNATOR_H_
