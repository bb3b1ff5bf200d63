// Every level of a canonical id, outermost first (the index files a citation under each).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/extract/citation_id.h"

namespace secxref {
namespace {

struct LevelCase {
  Family family;
  const char* id;
  std::vector<std::string> levels;
};
std::ostream& operator<<(std::ostream& os, const LevelCase& c) { return os << c.id; }

class Levels : public ::testing::TestWithParam<LevelCase> {};
TEST_P(Levels, OutermostFirst) {
  EXPECT_EQ(CitationLevels(GetParam().family, GetParam().id), GetParam().levels);
}

const LevelCase kLevels[] = {
    {Family::kAsc, "ASC 810-10-50-5A(d)",
     {"ASC 810", "ASC 810-10", "ASC 810-10-50", "ASC 810-10-50-5A", "ASC 810-10-50-5A(d)"}},
    {Family::kAsc, "ASC 805-30-50-1(f)(2)",
     {"ASC 805", "ASC 805-30", "ASC 805-30-50", "ASC 805-30-50-1", "ASC 805-30-50-1(f)", "ASC 805-30-50-1(f)(2)"}},
    {Family::kAsc, "ASC 250-10-S99-1", {"ASC 250", "ASC 250-10", "ASC 250-10-S99", "ASC 250-10-S99-1"}},
    {Family::kAsc, "ASC 606", {"ASC 606"}},
    {Family::kSk, "S-K Item 303(b)(2)(ii)",
     {"Regulation S-K", "S-K Item 303", "S-K Item 303(b)", "S-K Item 303(b)(2)", "S-K Item 303(b)(2)(ii)"}},
    {Family::kSk, "Regulation S-K", {"Regulation S-K"}},
    {Family::kSx, "S-X Rule 3-05(b)", {"Regulation S-X", "S-X Rule 3-05", "S-X Rule 3-05(b)"}},
    {Family::kSx, "S-X Rule 5-02.8", {"Regulation S-X", "S-X Rule 5-02", "S-X Rule 5-02.8"}},
    {Family::kSx, "S-X Article 11", {"Regulation S-X", "S-X Article 11"}},
    {Family::kRelease, "Release 33-8350 Section III.B.3",
     {"Release 33-8350", "Release 33-8350 Section III", "Release 33-8350 Section III.B",
      "Release 33-8350 Section III.B.3"}},
    {Family::kRelease, "Release 34-17719 Question 11", {"Release 34-17719", "Release 34-17719 Question 11"}},
    {Family::kForm, "Form 20-F Item 5.D", {"Form 20-F", "Form 20-F Item 5", "Form 20-F Item 5.D"}},
    {Family::kForm, "Form 10-Q Part II Item 1A", {"Form 10-Q", "Form 10-Q Part II", "Form 10-Q Part II Item 1A"}},
    {Family::kForm, "Form 8-K General Instruction B.2",
     {"Form 8-K", "Form 8-K General Instruction B", "Form 8-K General Instruction B.2"}},
    {Family::kForm, "Form S-4 Item 18(a)(5)(i)",
     {"Form S-4", "Form S-4 Item 18", "Form S-4 Item 18(a)", "Form S-4 Item 18(a)(5)", "Form S-4 Item 18(a)(5)(i)"}},
    {Family::kRegulation, "Regulation G Rule 100(b)", {"Regulation G", "Regulation G Rule 100", "Regulation G Rule 100(b)"}},
    {Family::kRegulation, "S-T Rule 405", {"Regulation S-T", "S-T Rule 405"}},
    {Family::kRegulation, "Regulation M-A Item 1010(a)",
     {"Regulation M-A", "Regulation M-A Item 1010", "Regulation M-A Item 1010(a)"}},
    {Family::kRegulation, "17 CFR 200.83", {"17 CFR 200", "17 CFR 200.83"}},
    {Family::kRule, "Exchange Act Rule 14a-8(i)(7)",
     {"Exchange Act Rule 14a-8", "Exchange Act Rule 14a-8(i)", "Exchange Act Rule 14a-8(i)(7)"}},
    {Family::kStatute, "SOX Section 404(b)", {"SOX Section 404", "SOX Section 404(b)"}},
    {Family::kSab, "SAB Topic 13.A.1", {"SAB Topic 13", "SAB Topic 13.A", "SAB Topic 13.A.1"}},
    {Family::kSab, "SAB 99", {"SAB 99"}},
    {Family::kCdi, "C&DI Non-GAAP 100.01", {"C&DI Non-GAAP 100.01"}},
    {Family::kCdi, "C&DI Non-GAAP 102.10(a)", {"C&DI Non-GAAP 102.10", "C&DI Non-GAAP 102.10(a)"}},
    {Family::kGuidance, "SLB 19 Section III.C.4",
     {"SLB 19", "SLB 19 Section III", "SLB 19 Section III.C", "SLB 19 Section III.C.4"}},
    {Family::kGuidance, "FRC 501.12(b)(3)", {"FRC 501", "FRC 501.12", "FRC 501.12(b)", "FRC 501.12(b)(3)"}},
    {Family::kGuidance, "FRM Topic 1", {"FRM Topic 1"}},
    {Family::kIfrs, "IAS 36.130", {"IAS 36", "IAS 36.130"}},
    {Family::kLegacy, "FAS 141(R)", {"FAS 141(R)"}},
    {Family::kAsu, "ASU 2016-02", {"ASU 2016-02"}},
    {Family::kAudit, "AS 2201", {"AS 2201"}},
};
INSTANTIATE_TEST_SUITE_P(CitationIds, Levels, ::testing::ValuesIn(kLevels));

TEST(CitationId, ParentOfARootIsEmpty) {
  EXPECT_EQ(ParentCitation(Family::kAsc, "ASC 606"), "");
  EXPECT_EQ(ParentCitation(Family::kRule, "Exchange Act Rule 12b-20"), "");
  EXPECT_EQ(ParentCitation(Family::kLegacy, "FIN 46(R)"), "");
}

TEST(CitationId, TermValuesAreLowerCase) {
  EXPECT_EQ(CitationTermValue("ASC 810-10-50-5A(d)"), "asc 810-10-50-5a(d)");
}

}  // namespace
}  // namespace secxref
