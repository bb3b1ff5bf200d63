// The citation grammar, table-driven by phenomenon: each row is letter text and the ids it
// must yield, in text order ("" = no citation). The phrases of the two seed letters are in
// the tables (SeedPhrases); the seeds themselves run end to end in seeds_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/extract/grammar.h"
#include "tests/extract/id_cases.h"

namespace secxref {
namespace {

class GrammarTable : public ::testing::TestWithParam<Case> {};

TEST_P(GrammarTable, ExtractsExactlyTheseIds) {
  const Case& c = GetParam();
  EXPECT_EQ(Ids(Grammar::Default().Extract(c.text)), c.ids) << c.text;
}

// --- The two seed letters' phrases.
const Case kSeedPhrases[] = {
    {"We refer you to paragraphs 2AA.d and 3.bb of ASC 810-10-50.", "ASC 810-10-50-2AA(d); ASC 810-10-50-3(bb)"},
    {"Paragraph 5A.d of ASC 810-10-50 requires disclosure", "ASC 810-10-50-5A(d)"},
    {"Refer to ASC 805-30-50-1.f.2. In this regard", "ASC 805-30-50-1(f)(2)"},
    {"the guidance in ASC 805-30-25-2 through 25-4.", "ASC 805-30-25-2; ASC 805-30-25-3; ASC 805-30-25-4"},
    {"the disclosure requirements in ASC 850-10-50-1a and 50-5.", "ASC 850-10-50-1(a); ASC 850-10-50-5"},
    {"Refer to Item 5.D of Form 20-F and Sections III.B.3 and IV.B.1 of SEC Release No. 33-8350.",
     "Form 20-F Item 5.D; Release 33-8350 Section III.B.3; Release 33-8350 Section IV.B.1"},
};
INSTANTIATE_TEST_SUITE_P(SeedPhrases, GrammarTable, ::testing::ValuesIn(kSeedPhrases));

// --- ASC at every level.
const Case kAscLevels[] = {
    {"ASC Topic 606", "ASC 606"},
    {"FASB ASC Topic 718", "ASC 718"},
    {"under Topic 842", "ASC 842"},
    {"ASC 606", "ASC 606"},
    {"Subtopic 605-25", "ASC 605-25"},
    {"ASC Subtopic 605-25", "ASC 605-25"},
    {"ASC 605-25", "ASC 605-25"},
    {"Section 230-10-45", "ASC 230-10-45"},
    {"ASC Section 230-10-45", "ASC 230-10-45"},
    {"ASC 360-10-35", "ASC 360-10-35"},
    {"FASB ASC paragraph 350-20-35-3C", "ASC 350-20-35-3C"},
    {"ASC paragraph 805-30-30-1 states", "ASC 805-30-30-1"},
    {"see paragraph 805-10-25-10", "ASC 805-10-25-10"},
    {"ASC 820-10-50-2(bbb)", "ASC 820-10-50-2(bbb)"},
    {"ASC 250-10-S99-1", "ASC 250-10-S99-1"},
    {"ASC 250-10-S99", "ASC 250-10-S99"},
    {"ASC 480-10-S99-3A", "ASC 480-10-S99-3A"},
    {"606-10-25-21(c) requires", "ASC 606-10-25-21(c)"},
    {"consistent with 606-10-55-89", "ASC 606-10-55-89"},
    {"FASB ASC subparagraph 840-10-25-1(b)", "ASC 840-10-25-1(b)"},
    {"ASC 805-30-30-1(a)(1)", "ASC 805-30-30-1(a)(1)"},
    {"ASC 606-10-55-91f", "ASC 606-10-55-91(f)"},
    {"ASC 606-10-50-12b.", "ASC 606-10-50-12(b)"},
    {"ASC 842-20-50-4.g.1 is located", "ASC 842-20-50-4(g)(1)"},
    {"ASC 810-10-25-38A(a)", "ASC 810-10-25-38A(a)"},
    {"ASC 944-40-50-4H", "ASC 944-40-50-4H"},
    {"ASC 985-605", "ASC 985-605"},
    {"ASC 932-235-50-4", "ASC 932-235-50-4"},
    {"Accounting Standards Codification 840, Leases", "ASC 840"},
    {"FASB Accounting Standards Codification (\"ASC\") 606", "ASC 606"},
    {"ASC 606, Revenue from Contracts with Customers", "ASC 606"},
    {"the Codification (ASC 105)", "ASC 105"},
    {"paragraph d. of ASC 810-10-50-1A", "ASC 810-10-50-1A(d)"},
    {"paragraph 810-10-25-38A(a).", "ASC 810-10-25-38A(a)"},
    {"Paragraph 944-40-50-4B of the ASU requires", "ASC 944-40-50-4B"},
    {"ASC 606-10-65-1(i)", "ASC 606-10-65-1(i)"},
    {"ASC 810-10-15-17(d)(1)", "ASC 810-10-15-17(d)(1)"},
    {"ASC 310-10-35-13-a", "ASC 310-10-35-13(a)"},
    {"Topic 805 of the FASB ASC", "ASC 805"},
    {"Section 25 of Subtopic 805-20", "ASC 805-20-25"},
    {"ASC 60610-50-1", "ASC 606-10-50-1"},
};
INSTANTIATE_TEST_SUITE_P(AscLevels, GrammarTable, ::testing::ValuesIn(kAscLevels));

// --- Lists and elisions.
const Case kLists[] = {
    {"ASC 850-10-50-1a and 50-5", "ASC 850-10-50-1(a); ASC 850-10-50-5"},
    {"ASC 740-30-50-2(b) and 2(c)", "ASC 740-30-50-2(b); ASC 740-30-50-2(c)"},
    {"ASC 820-10-50-2(bbb) and (g)", "ASC 820-10-50-2(bbb); ASC 820-10-50-2(g)"},
    {"ASC 805-30-30-1(a)(1) and (2)", "ASC 805-30-30-1(a)(1); ASC 805-30-30-1(a)(2)"},
    {"ASC 606-10-50-17 and -20", "ASC 606-10-50-17; ASC 606-10-50-20"},
    {"ASC 606-10-50-17 and 19", "ASC 606-10-50-17; ASC 606-10-50-19"},
    {"ASC 605-50-25-4, 25-7, 25-8, and 25-9", "ASC 605-50-25-4; ASC 605-50-25-7; ASC 605-50-25-8; ASC 605-50-25-9"},
    {"ASC 605-50-25-3 and 605-50-45-2", "ASC 605-50-25-3; ASC 605-50-45-2"},
    {"ASC 280-10-50-30(b) and ASC 280-10-50-28C", "ASC 280-10-50-30(b); ASC 280-10-50-28C"},
    {"ASC 605-25-25-3 and ASC Topic 605", "ASC 605-25-25-3; ASC 605"},
    {"ASC 280-10-55-8 and ASC 280", "ASC 280-10-55-8; ASC 280"},
    {"ASC Topics 405 and 450", "ASC 405; ASC 450"},
    {"ASC Topics 606 and 840, we", "ASC 606; ASC 840"},
    {"paragraphs 944-40-50-4B and 944-40-50-4H", "ASC 944-40-50-4B; ASC 944-40-50-4H"},
    {"paragraphs 2AA.d and 3.bb of ASC 810-10-50", "ASC 810-10-50-2AA(d); ASC 810-10-50-3(bb)"},
    {"paragraphs 5 and 6 of ASC 280-10-50", "ASC 280-10-50-5; ASC 280-10-50-6"},
    {"Items 303(a) and 305 of Regulation S-K", "S-K Item 303(a); S-K Item 305"},
    {"Item 10(e)(1)(i)(A) and (B) of Regulation S-K", "S-K Item 10(e)(1)(i)(A); S-K Item 10(e)(1)(i)(B)"},
    {"Item 402(k)(2)(iii) and (iv) of Regulation S-K", "S-K Item 402(k)(2)(iii); S-K Item 402(k)(2)(iv)"},
    {"Rule 12-04(a) and (b) of Regulation S-X", "S-X Rule 12-04(a); S-X Rule 12-04(b)"},
    {"Rule 5-03(b)(1) and (2) of Regulation S-X", "S-X Rule 5-03(b)(1); S-X Rule 5-03(b)(2)"},
    {"Rules 3-10(i) and 10-01(a)(4) of Regulation S-X", "S-X Rule 3-10(i); S-X Rule 10-01(a)(4)"},
    {"Rules 460 and 461", "Securities Act Rule 460; Securities Act Rule 461"},
    {"Rules 13a-15 and 15d-15 under the Exchange Act", "Exchange Act Rule 13a-15; Exchange Act Rule 15d-15"},
    {"Items 7 and 7A of Form 10-K", "Form 10-K Item 7; Form 10-K Item 7A"},
    {"Questions 100.01 and 100.05 of the Non-GAAP Financial Measures C&DI",
     "C&DI Non-GAAP 100.01; C&DI Non-GAAP 100.05"},
    {"SAB Nos. 99 and 108", "SAB 99; SAB 108"},
    {"Sections 13(a) and 15(d) of the Exchange Act", "Exchange Act Section 13(a); Exchange Act Section 15(d)"},
    {"Section 13(a) or 15(d) of the Securities Exchange Act of 1934",
     "Exchange Act Section 13(a); Exchange Act Section 15(d)"},
    {"Item 7 and Item 8 of Form 10-K", "Form 10-K Item 7; Form 10-K Item 8"},
    {"ASUs 2016-01 and 2016-13", "ASU 2016-01; ASU 2016-13"},
};
INSTANTIATE_TEST_SUITE_P(Lists, GrammarTable, ::testing::ValuesIn(kLists));

// --- Ranges.
const Case kRanges[] = {
    {"ASC 805-30-25-2 through 25-4", "ASC 805-30-25-2; ASC 805-30-25-3; ASC 805-30-25-4"},
    {"ASC 450-20-50-3 through -4", "ASC 450-20-50-3; ASC 450-20-50-4"},
    {"ASC 606-10-55-89 thru 91", "ASC 606-10-55-89; ASC 606-10-55-90; ASC 606-10-55-91"},
    {"ASC 260-10-45-17 to 45-20", "ASC 260-10-45-17; ASC 260-10-45-18; ASC 260-10-45-19; ASC 260-10-45-20"},
    {"paragraphs 2 through 4 of ASC 805-30-25", "ASC 805-30-25-2; ASC 805-30-25-3; ASC 805-30-25-4"},
    {"ASC 470-10-45-12A through 45-20", "ASC 470-10-45-12A; ASC 470-10-45-20"},
    {"ASC 350-20-35-33 through 35-37",
     "ASC 350-20-35-33; ASC 350-20-35-34; ASC 350-20-35-35; ASC 350-20-35-36; ASC 350-20-35-37"},
    {"ASC 280-10-50-11 through -15",
     "ASC 280-10-50-11; ASC 280-10-50-12; ASC 280-10-50-13; ASC 280-10-50-14; ASC 280-10-50-15"},
    {"ASC 450-20-50-3 through 450-20-50-4", "ASC 450-20-50-3; ASC 450-20-50-4"},
    {"ASC paragraphs 205-20-45-1 through ASC 205-20-45-3",
     "ASC 205-20-45-1; ASC 205-20-45-2; ASC 205-20-45-3"},
    {"Paragraphs 840-10-25-15 through 25-17", "ASC 840-10-25-15; ASC 840-10-25-16; ASC 840-10-25-17"},
    {"ASC 606-10-25-14 through 25-16 and ASC 606-10-50-12",
     "ASC 606-10-25-14; ASC 606-10-25-15; ASC 606-10-25-16; ASC 606-10-50-12"},
    {"ASC 606-10-55-36 \xE2\x80\x93 38", "ASC 606-10-55-36; ASC 606-10-55-37; ASC 606-10-55-38"},
    {"ASC 815-15-25-37 thru 39", "ASC 815-15-25-37; ASC 815-15-25-38; ASC 815-15-25-39"},
    {"conditions set forth in ASC 810-10-15-17(d)(1)-(4) exist",
     "ASC 810-10-15-17(d)(1); ASC 810-10-15-17(d)(2); ASC 810-10-15-17(d)(3); ASC 810-10-15-17(d)(4)"},
    {"ASC 805-30-30-1(a)(1) through (3)", "ASC 805-30-30-1(a)(1); ASC 805-30-30-1(a)(2); ASC 805-30-30-1(a)(3)"},
    {"ASC 606-10-25-19 through and including 25-20", "ASC 606-10-25-19; ASC 606-10-25-20"},
    {"Items 401 through 403 of Regulation S-K", "S-K Item 401; S-K Item 402; S-K Item 403"},
    {"IAS 36 paragraphs 130-134", "IAS 36.130; IAS 36.131; IAS 36.132; IAS 36.133; IAS 36.134"},
    {"paragraphs 130 to 132 of IAS 36", "IAS 36.130; IAS 36.131; IAS 36.132"},
    {"ASC 330-10-30-1 through 30-3", "ASC 330-10-30-1; ASC 330-10-30-2; ASC 330-10-30-3"},
    {"ASC 205-20-55-1 through 900", "ASC 205-20-55-1; ASC 205-20-55-900"},
};
INSTANTIATE_TEST_SUITE_P(Ranges, GrammarTable, ::testing::ValuesIn(kRanges));

// --- The target before or after its members.
const Case kTargets[] = {
    {"Item 5.D of Form 20-F", "Form 20-F Item 5.D"},
    {"Form 20-F, Item 5.D", "Form 20-F Item 5.D"},
    {"Form 20-F Item 5.D", "Form 20-F Item 5.D"},
    {"Item 5D of Form 20-F", "Form 20-F Item 5.D"},
    {"Item 5(D) of Form 20-F", "Form 20-F Item 5.D"},
    {"Regulation S-K Item 303", "S-K Item 303"},
    {"Regulation S-K, Item 303(a)", "S-K Item 303(a)"},
    {"S-K Item 10(e)", "S-K Item 10(e)"},
    {"Item 303 of S-K", "S-K Item 303"},
    {"Regulation S-X, Rule 4-08(e)", "S-X Rule 4-08(e)"},
    {"Regulation S-X Rule 11-01", "S-X Rule 11-01"},
    {"Regulation S-X, Item 4-08(h)(2)", "S-X Rule 4-08(h)(2)"},
    {"Release No. 33-8350, Section III.B", "Release 33-8350 Section III.B"},
    {"Section IV.C of SEC Release No. 33-8350", "Release 33-8350 Section IV.C"},
    {"Staff Legal Bulletin No. 19, Section III.B", "SLB 19 Section III.B"},
    {"Section II.B.2 of Staff Legal Bulletin No. 19", "SLB 19 Section II.B.2"},
    {"Exchange Act Rule 13a-14", "Exchange Act Rule 13a-14"},
    {"Rule 13a-14 of the Exchange Act", "Exchange Act Rule 13a-14"},
    {"Rule 430A under the Securities Act", "Securities Act Rule 430A"},
    {"Securities Act Rule 405", "Securities Act Rule 405"},
    {"SOX Section 404", "SOX Section 404"},
    {"Section 404 of the Sarbanes-Oxley Act", "SOX Section 404"},
    {"IAS 36 paragraph 130", "IAS 36.130"},
    {"paragraph 35 of IFRS 15", "IFRS 15.35"},
    {"Instruction 2 to Item 10 of Schedule TO", "Schedule TO Item 10"},
    {"Note 4 to Rule 421(b) under the Securities Act", "Securities Act Rule 421(b)"},
    {"Instruction 5 to Regulation S-K Item 303(b)", "S-K Item 303(b)"},
    {"Part II, Item 1A of Form 10-Q", "Form 10-Q Part II Item 1A"},
    {"Item 1A of Part II of Form 10-Q", "Form 10-Q Part II Item 1A"},
    {"Form 10-Q, Part II, Item 1A", "Form 10-Q Part II Item 1A"},
    {"did not file an Item 1.01 Form 8-K", "Form 8-K Item 1.01"},
    {"General Instruction B.2 of Form 8-K", "Form 8-K General Instruction B.2"},
    {"General Instruction E to Schedule TO", "Schedule TO General Instruction E"},
    {"See General Instruction E to Schedule TO, Item 7 of Schedule TO, and Item 1007(b) of Regulation M-A.",
     "Schedule TO General Instruction E; Schedule TO Item 7; Regulation M-A Item 1007(b)"},
    {"Note A to Schedule 14A", "Schedule 14A Note A"},
    {"Item 7 of Schedule 14A", "Schedule 14A Item 7"},
    {"Topic 5.Y of SAB", "SAB Topic 5.Y"},
};
INSTANTIATE_TEST_SUITE_P(TargetsBeforeAfter, GrammarTable, ::testing::ValuesIn(kTargets));

// --- Releases.
const Case kReleases[] = {
    {"SEC Release No. 33-8350", "Release 33-8350"},
    {"Release No. 33-8350", "Release 33-8350"},
    {"Release 34-47226", "Release 34-47226"},
    {"Release Nos. 33-8350; 34-48960; FR-72", "Release 33-8350"},
    {"Release Nos. 33-8350/34-48960", "Release 33-8350"},
    {"SEC Release No. 33-8176/34-47226", "Release 33-8176"},
    {"SEC Interpretive Release 33-8350", "Release 33-8350"},
    {"Interpretive Release No. 33-9106", "Release 33-9106"},
    {"SEC Final Rule Release 33-10513", "Release 33-10513"},
    {"Release No. 33- 8350", "Release 33-8350"},
    {"FR-72", "Release FR-72"},
    {"Financial Reporting Release No. 72", "Release FR-72"},
    {"FRR No. 72", "Release FR-72"},
    {"Exchange Act Release 43069", "Release 34-43069"},
    {"Exchange Act Release No. 34-17719", "Release 34-17719"},
    {"Securities Act Release No. 6835", "Release 33-6835"},
    {"Investment Company Act Release No. 10666", "Release IC-10666"},
    {"Release Nos. 33-9062A; 34-60519A; FR-80A", "Release 33-9062A"},
    {"Question 11 of Release No. 34-17719", "Release 34-17719 Question 11"},
    {"Section III.B.3 and IV.B.1 of SEC Release No. 33-8350",
     "Release 33-8350 Section III.B.3; Release 33-8350 Section IV.B.1"},
    {"Release No. 33-8350 Sections III.A and III.D", "Release 33-8350 Section III.A; Release 33-8350 Section III.D"},
    {"Item V of Release Nos. 33-8350/34-48960", "Release 33-8350 Section V"},
    {"Releases No. 33-8350 and 33-6835", "Release 33-8350; Release 33-6835"},
    {"SEC Release No. 34-61469", "Release 34-61469"},
    {"Commission Release No. 33-10890", "Release 33-10890"},
};
INSTANTIATE_TEST_SUITE_P(Releases, GrammarTable, ::testing::ValuesIn(kReleases));

// --- Form items.
const Case kForms[] = {
    {"Item 4.02 of Form 8-K", "Form 8-K Item 4.02"},
    {"item 4.02 of Form 8-K", "Form 8-K Item 4.02"},
    {"Item 2.02 of Form 8-K", "Form 8-K Item 2.02"},
    {"Instruction 2 to Item 2.02 of Form 8-K", "Form 8-K Item 2.02"},
    {"Item 7A of Form 10-K", "Form 10-K Item 7A"},
    {"Item 9A of Form 10-K", "Form 10-K Item 9A"},
    {"Item 9.A of Form 10-K", "Form 10-K Item 9A"},
    {"Item 1a of Form 10-K", "Form 10-K Item 1A"},
    {"Item 6 of Form S-4", "Form S-4 Item 6"},
    {"Item 18(a)(5)(i) of Form S-4", "Form S-4 Item 18(a)(5)(i)"},
    {"Item 21(a) of Form S-4", "Form S-4 Item 21(a)"},
    {"Item 8.A of Form 20-F", "Form 20-F Item 8.A"},
    {"Item 4.B of Form 20-F", "Form 20-F Item 4.B"},
    {"Item 3.D of Form 20-F", "Form 20-F Item 3.D"},
    {"Item 16F of Form 20-F", "Form 20-F Item 16F"},
    {"Item 4A of Form 20-F", "Form 20-F Item 4A"},
    {"Item 4.A of Form 20-F", "Form 20-F Item 4.A"},
    {"Item 14(a)(2) of Schedule 14A", "Schedule 14A Item 14(a)(2)"},
    {"Item 5(b)(1)(ix) of Schedule 14A", "Schedule 14A Item 5(b)(1)(ix)"},
    {"Item 10 of Schedule TO", "Schedule TO Item 10"},
    {"Item 1 of Schedule 14C", "Schedule 14C Item 1"},
    {"Instruction 3(a) to Items 4 and 5 of Schedule 14A", "Schedule 14A Item 4; Schedule 14A Item 5"},
    {"Item 1.05 of Form 8-K", "Form 8-K Item 1.05"},
    {"Form 8-K Item 4.01", "Form 8-K Item 4.01"},
    {"Item 101 of Form 10-K", ""},
};
INSTANTIATE_TEST_SUITE_P(FormItems, GrammarTable, ::testing::ValuesIn(kForms));

// --- Regulation S-K.
const Case kSk[] = {
    {"Item 303(b)(2)(ii) of Regulation S-K", "S-K Item 303(b)(2)(ii)"},
    {"Item 10(e)(1)(i)(A) of Regulation S-K", "S-K Item 10(e)(1)(i)(A)"},
    {"Item 10(e)(1)(ii)(E) of Regulation S-K", "S-K Item 10(e)(1)(ii)(E)"},
    {"Item 303(A) of Regulation S-K", "S-K Item 303(a)"},
    {"Item 303(A)(3) of Regulation S-K", "S-K Item 303(a)(3)"},
    {"Item 1303(B)(2)(i) of Regulation S-K", "S-K Item 1303(b)(2)(i)"},
    {"Item 1303 (B)(2)(i) of Regulation S-K", "S-K Item 1303(b)(2)(i)"},
    {"Items 10(e)(1)(i) of Regulation S-K", "S-K Item 10(e)(1)(i)"},
    {"Item 101(c)(1)(iv) or Regulation S-K", "S-K Item 101(c)(1)(iv)"},
    {"Item 601(b)(10) of Regulation S-K", "S-K Item 601(b)(10)"},
    {"Item 601(b)(10)(ii)(A) of Regulation S-K", "S-K Item 601(b)(10)(ii)(A)"},
    {"Item 402(b) of Regulation S-K", "S-K Item 402(b)"},
    {"Instruction 4 to Item 303(a) of Regulation S-K", "S-K Item 303(a)"},
    {"Instruction 5 to Item 402(b) of Regulation S-K", "S-K Item 402(b)"},
    {"Item 503(a) of Regulation S-K", "S-K Item 503(a)"},
    {"Item 507 of Regulation S-K", "S-K Item 507"},
    {"Item 407(h) of Regulation S-K", "S-K Item 407(h)"},
    {"Item 1202(a)(6) of Regulation S-K", "S-K Item 1202(a)(6)"},
    {"Regulation S-K Item 101(c)(1)(iv)", "S-K Item 101(c)(1)(iv)"},
    {"Regulation S-K Item 303 and Regulation S-K Item 101(c)(1)(i)", "S-K Item 303; S-K Item 101(c)(1)(i)"},
    {"Refer to Item 303 for guidance.", "S-K Item 303"},
    {"Rule 303(a)(3)(ii) of Regulation S-K", "S-K Item 303(a)(3)(ii)"},
    {"17 CFR 229.303", "S-K Item 303"},
    {"the requirements of Regulation S-K", "Regulation S-K"},
    {"Reg. S-K Item 10(e)", "S-K Item 10(e)"},
    {"Item 101(c)(1)(iii) of Regulation S-K", "S-K Item 101(c)(1)(iii)"},
    {"Item 105 of Regulation S-K", "S-K Item 105"},
    {"Item 402(w)(2) of Regulation S-K", "S-K Item 402(w)(2)"},
};
INSTANTIATE_TEST_SUITE_P(RegulationSK, GrammarTable, ::testing::ValuesIn(kSk));

// --- Regulation S-X.
const Case kSx[] = {
    {"Rule 3-05 of Regulation S-X", "S-X Rule 3-05"},
    {"Rule 3-05", "S-X Rule 3-05"},
    {"Rule 4-08(e)", "S-X Rule 4-08(e)"},
    {"Rule 1-02(w) of Regulation S-X", "S-X Rule 1-02(w)"},
    {"Rule 5-02.8 of Regulation S-X", "S-X Rule 5-02.8"},
    {"Rule 5-03.2 of Regulation S-X", "S-X Rule 5-03.2"},
    {"Rule 7-03(a)1 of Regulation S-X", "S-X Rule 7-03(a)(1)"},
    {"Rule 5-03(b)10", "S-X Rule 5-03(b)(10)"},
    {"Rule 7-04(10) of Regulation S-X", "S-X Rule 7-04(10)"},
    {"Article 11 of Regulation S-X", "S-X Article 11"},
    {"Article 4-08(h)(1) of Regulation S-X", "S-X Rule 4-08(h)(1)"},
    {"Rule 3-12 of Regulation S-X", "S-X Rule 3-12"},
    {"Rule 3-09 of Regulation S-X", "S-X Rule 3-09"},
    {"Rule 3- 09 of Regulation S-X", "S-X Rule 3-09"},
    {"Rule 11- 02(b)(6) of Regulation S-X", "S-X Rule 11-02(b)(6)"},
    {"Rules 5-04 and 12-09 of Regulation S-X", "S-X Rule 5-04; S-X Rule 12-09"},
    {"Rule 3-10(i)", "S-X Rule 3-10(i)"},
    {"Rule 8-03", "S-X Rule 8-03"},
    {"Rule 4-08(h)(2) of Regulation S-X", "S-X Rule 4-08(h)(2)"},
    {"17 CFR 210.3-05", "S-X Rule 3-05"},
    {"the pro forma requirements of Regulation S-X", "Regulation S-X"},
    {"Rule 3A-02 of Regulation S-X", "S-X Rule 3A-02"},
    {"Article 11 pro forma financial information", "S-X Article 11"},
};
INSTANTIATE_TEST_SUITE_P(RegulationSX, GrammarTable, ::testing::ValuesIn(kSx));

// --- Other regulations and CFR cites.
const Case kRegulations[] = {
    {"Rule 100(b) of Regulation G", "Regulation G Rule 100(b)"},
    {"Rule 100(a)(2) of Regulation G", "Regulation G Rule 100(a)(2)"},
    {"Item 10(e) of Regulation S-K and Regulation G", "S-K Item 10(e); Regulation G"},
    {"Regulation FD", "Regulation FD"},
    {"Rule 405 of Regulation S-T", "S-T Rule 405"},
    {"Item 1010(a) of Regulation M-A", "Regulation M-A Item 1010(a)"},
    {"Item 1015(b)(4) of Regulation M-A", "Regulation M-A Item 1015(b)(4)"},
    {"Item 303(b) of Regulation S-B", "Regulation S-B Item 303(b)"},
    {"offers made under Regulation S", "Regulation S"},
    {"Rule 506(b) of Regulation D", "Securities Act Rule 506(b)"},
    {"17 CFR 200.83", "17 CFR 200.83"},
    {"17 C.F.R. \xC2\xA7 200.83", "17 CFR 200.83"},
    {"17 C.F.R. \xC2\xA7" "200.83", "17 CFR 200.83"},
    {"17 CFR 240.12b-20", "Exchange Act Rule 12b-20"},
    {"17 CFR 230.405", "Securities Act Rule 405"},
    {"17 CFR 244.100", "Regulation G Rule 100"},
    {"17 CFR 232.405", "S-T Rule 405"},
    {"17 C.F.R. \xC2\xA7" "240.10D-1(d)", "Exchange Act Rule 10D-1(d)"},
    {"Rule 14a-9 of Regulation 14A", "Exchange Act Rule 14a-9"},
    {"Regulation AB", "Regulation AB"},
};
INSTANTIATE_TEST_SUITE_P(OtherRegulations, GrammarTable, ::testing::ValuesIn(kRegulations));

// --- Exchange and Securities Act rules; statute sections.
const Case kRules[] = {
    {"Rule 12b-20", "Exchange Act Rule 12b-20"},
    {"Rule 12b-2 under the Exchange Act", "Exchange Act Rule 12b-2"},
    {"Exchange Act Rule 14a-8(i)(7)", "Exchange Act Rule 14a-8(i)(7)"},
    {"Rule 14a-8(e)(2)", "Exchange Act Rule 14a-8(e)(2)"},
    {"Rule 13e-4(f)(5) and Rule 14e-1(b)", "Exchange Act Rule 13e-4(f)(5); Exchange Act Rule 14e-1(b)"},
    {"Rule 13e- 4(f)(8)(i)", "Exchange Act Rule 13e-4(f)(8)(i)"},
    {"Rule 13e4(f)(8)(i)", "Exchange Act Rule 13e-4(f)(8)(i)"},
    {"Rule 10b5-1 plans", "Exchange Act Rule 10b5-1"},
    {"Rule 15c3-3", "Exchange Act Rule 15c3-3"},
    {"Rule 10D-1 under the Securities Exchange Act of 1934", "Exchange Act Rule 10D-1"},
    {"Rule 10A-3 of the Exchange Act", "Exchange Act Rule 10A-3"},
    {"Rule 10b-5", "Exchange Act Rule 10b-5"},
    {"Rule 12b-4 promulgated under the Securities and Exchange Act of 1934", "Exchange Act Rule 12b-4"},
    {"Rule 461 promulgated under the Securities Act of 1933", "Securities Act Rule 461"},
    {"Rule 461 of the General Rules and Regulations promulgated under the Securities Act of 1933",
     "Securities Act Rule 461"},
    {"Rule 430(a) of the Securities Act", "Securities Act Rule 430(a)"},
    {"Rule 144A", "Securities Act Rule 144A"},
    {"Rule 418", "Securities Act Rule 418"},
    {"Note (b) to Rule 14a-9", "Exchange Act Rule 14a-9"},
    {"Section 13(a) of the Exchange Act", "Exchange Act Section 13(a)"},
    {"Section 22 of the Securities Act", "Securities Act Section 22"},
    {"Section 27A of the Securities Act of 1933, as amended", "Securities Act Section 27A"},
    {"Section 21E of the Securities Exchange Act of 1934", "Exchange Act Section 21E"},
    {"Section 12(b) of the Exchange Act", "Exchange Act Section 12(b)"},
    {"Section 13(b)(2)(A) of the Exchange Act", "Exchange Act Section 13(b)(2)(A)"},
    {"Section 404(b) of the Sarbanes-Oxley Act of 2002", "SOX Section 404(b)"},
    {"SOX 404", "SOX Section 404"},
    {"Section 368(a) of the Internal Revenue Code", "IRC Section 368(a)"},
    {"Section 162(m) of the Code", "IRC Section 162(m)"},
    {"Section 165(d) of the Dodd-Frank Act", "Dodd-Frank Act Section 165(d)"},
    {"Exchange Act Section 13(a)", "Exchange Act Section 13(a)"},
    {"Securities Act Section 7", "Securities Act Section 7"},
};
INSTANTIATE_TEST_SUITE_P(RulesAndStatutes, GrammarTable, ::testing::ValuesIn(kRules));

// --- SAB, C&DI, FRM, SLB, CF Disclosure Guidance, FRC.
const Case kGuidance[] = {
    {"SAB No. 99", "SAB 99"},
    {"SAB 99", "SAB 99"},
    {"Staff Accounting Bulletin 99", "SAB 99"},
    {"Staff Accounting Bulletin No. 99", "SAB 99"},
    {"SEC Staff Accounting Bulletin (\xE2\x80\x9CSAB\xE2\x80\x9D) No. 99", "SAB 99"},
    {"Staff Accounting Bulletin (SAB) No. 99", "SAB 99"},
    {"SAB 108, Considering the Effects", "SAB 108"},
    {"SAB Topic 1.M", "SAB Topic 1.M"},
    {"SAB Topic 5.Y", "SAB Topic 5.Y"},
    {"SAB Topic 5:Y", "SAB Topic 5.Y"},
    {"SAB Topic 5Y", "SAB Topic 5.Y"},
    {"SAB Topic 11:B", "SAB Topic 11.B"},
    {"SAB Topic 13.A.1", "SAB Topic 13.A.1"},
    {"SAB Topic 13", "SAB Topic 13"},
    {"Staff Accounting Bulletin Topic 1.M", "SAB Topic 1.M"},
    {"Staff Accounting Bulletin (\xE2\x80\x9CSAB\xE2\x80\x9D) Topic 1.M", "SAB Topic 1.M"},
    {"Question 100.01 of the Non-GAAP Financial Measures Compliance and Disclosure Interpretations",
     "C&DI Non-GAAP 100.01"},
    {"Non-GAAP C&DI 102.10", "C&DI Non-GAAP 102.10"},
    {"C&DI 100.04", "C&DI 100.04"},
    {"CDI 102.10", "C&DI 102.10"},
    {"C&DI Question 100.01", "C&DI 100.01"},
    {"Question 102.10(a) of the non-GAAP C&DIs", "C&DI Non-GAAP 102.10(a)"},
    {"Question 102.10 on Non-GAAP Financial Measures", "C&DI Non-GAAP 102.10"},
    {"Question 102.10 of the Division's Non-GAAP Financial Measures Compliance and Disclosure Interpretations",
     "C&DI Non-GAAP 102.10"},
    {"Question 102.05 of the Compliance and Disclosure Interpretations on Non-GAAP Financial Measures",
     "C&DI Non-GAAP 102.05"},
    {"Question 101.01 of the Tender Offer Rules and Schedules Compliance and Disclosure Interpretations",
     "C&DI Tender Offer Rules and Schedules 101.01"},
    {"Securities Act Rules C&DI 212.05", "C&DI Securities Act Rules 212.05"},
    {"Question 141.02 of the Compliance and Disclosure Interpretations on Securities Act Sections",
     "C&DI Securities Act Sections 141.02"},
    {"CFI 100.01", "C&DI 100.01"},
    {"Section 1140.2 of the Financial Reporting Manual", "FRM 1140.2"},
    {"FRM Topic 1", "FRM Topic 1"},
    {"FRM 2410.4", "FRM 2410.4"},
    {"Topic 2 of the Division's Financial Reporting Manual", "FRM Topic 2"},
    {"Staff Legal Bulletin No. 19", "SLB 19"},
    {"Staff Legal Bulletin No. 14D (CF)", "SLB 14D"},
    {"SLB 14F", "SLB 14F"},
    {"Staff Legal Bulletin No.19, Section II.B.3(a)", "SLB 19 Section II.B.3.a"},
    {"Section III.B of Staff Legal Bulletin No.19", "SLB 19 Section III.B"},
    {"CF Disclosure Guidance: Topic No. 2", "CF Disclosure Guidance Topic 2"},
    {"CF Disclosure Guidance Topic 9A", "CF Disclosure Guidance Topic 9A"},
    {"FRC 501.12(b)(3)", "FRC 501.12(b)(3)"},
    {"Section 501.06 of the Financial Reporting Codification", "FRC 501.06"},
};
INSTANTIATE_TEST_SUITE_P(StaffGuidance, GrammarTable, ::testing::ValuesIn(kGuidance));

// --- IFRS, auditing standards, legacy standards, ASUs.
const Case kStandards[] = {
    {"IFRS 15", "IFRS 15"},
    {"IFRS 15.35", "IFRS 15.35"},
    {"IFRS 15.B34", "IFRS 15.B34"},
    {"IAS 36.130", "IAS 36.130"},
    {"IAS 1.82(a)", "IAS 1.82(a)"},
    {"IAS 36.134(d)", "IAS 36.134(d)"},
    {"IFRIC 23", "IFRIC 23"},
    {"IFRIC Interpretation 23", "IFRIC 23"},
    {"SIC-29", "SIC 29"},
    {"SIC 29", "SIC 29"},
    {"paragraphs 35 and 36 of IFRS 15", "IFRS 15.35; IFRS 15.36"},
    {"International Accounting Standard 36", "IAS 36"},
    {"AS 2201", "AS 2201"},
    {"PCAOB AS 2201.69", "AS 2201"},
    {"as required by AS 1.", "AS 1"},
    {"Auditing Standard No. 5", "AS 5"},
    {"Auditing Standard 2201", "AS 2201"},
    {"AU 329", "AU 329"},
    {"AU Section 329", "AU 329"},
    {"AU 634.12", "AU 634"},
    {"AU-C 580", "AU-C 580"},
    {"SFAS No. 141(R)", "FAS 141(R)"},
    {"SFAS 141R", "FAS 141(R)"},
    {"FAS 133", "FAS 133"},
    {"FASB Statement No. 133", "FAS 133"},
    {"Statement No. 154", "FAS 154"},
    {"Statement 144 applies", "FAS 144"},
    {"Statement No. 141 (revised 2007)", "FAS 141(R)"},
    {"FIN 46R", "FIN 46(R)"},
    {"FIN 46(R)", "FIN 46(R)"},
    {"FASB Interpretation No. 48", "FIN 48"},
    {"EITF 00-21", "EITF 00-21"},
    {"EITF Issue No. 00-21", "EITF 00-21"},
    {"EITF D-109", "EITF D-109"},
    {"EITF Topic D-98", "EITF D-98"},
    {"APB 25", "APB 25"},
    {"APB Opinion No. 18", "APB 18"},
    {"ARB 51", "ARB 51"},
    {"SOP 97-2", "SOP 97-2"},
    {"Statement of Position 98-1", "SOP 98-1"},
    {"FSP FAS 157-3", "FSP FAS 157-3"},
    {"FSP EITF 00-19-2", "FSP EITF 00-19-2"},
    {"FTB 97-1", "FTB 97-1"},
    {"DIG B16", "DIG B16"},
    {"ASU No. 2016-02", "ASU 2016-02"},
    {"ASU 2014-09", "ASU 2014-09"},
    {"ASU 2014-9", "ASU 2014-09"},
    {"Accounting Standards Update 2014-09", "ASU 2014-09"},
    {"FASB Accounting Standards Update No. 2016-13", "ASU 2016-13"},
    {"Update 2016-02", "ASU 2016-02"},
    {"ASU 2016-13, Financial Instruments - Credit Losses (Topic 326)", "ASU 2016-13; ASC 326"},
};
INSTANTIATE_TEST_SUITE_P(Standards, GrammarTable, ::testing::ValuesIn(kStandards));

// --- Context: inheritance and forward targets.
const Case kContext[] = {
    {"Refer to Item 303(a) of Regulation S-K. Also discuss the items under Item 303(b)(2)(iii).",
     "S-K Item 303(a); S-K Item 303(b)(2)(iii)"},
    {"See Regulation S-K Item 101(c)(1)(vii). Tell us how Item 101(c)(1)(vii) applies.",
     "S-K Item 101(c)(1)(vii); S-K Item 101(c)(1)(vii)"},
    {"Item 18(a)(5)(i) disclosure regarding interests and arrangements pursuant to Item 6 of Form S-4",
     "Form S-4 Item 18(a)(5)(i); Form S-4 Item 6"},
    {"the information required by Item 1010(a) of Regulation M-A; all of the information required by Item 1010(c) must be disclosed",
     "Regulation M-A Item 1010(a); Regulation M-A Item 1010(c)"},
    {"Refer to Item 10(e)(1)(ii)(E) of Regulation S-K. A description that complies with Item 10(e).",
     "S-K Item 10(e)(1)(ii)(E); S-K Item 10(e)"},
    {"Section 13(r) of the Exchange Act requires the disclosure. Section 13(r) also applies.",
     "Exchange Act Section 13(r); Exchange Act Section 13(r)"},
    {"Refer to Release No. 33-8350. In particular, Section IV.B discusses this.",
     "Release 33-8350; Release 33-8350 Section IV.B"},
    {"Question 102.11 of the Non-GAAP C&DIs applies. Question 102.11 states that",
     "C&DI Non-GAAP 102.11; C&DI Non-GAAP 102.11"},
    {"ASC 810-10 requires consolidation. Topic 810 also requires", "ASC 810-10; ASC 810"},
    {"Item 303 requires a discussion", "S-K Item 303"},
    {"The Regulation FD disclosure. Rule 144 applies.", "Regulation FD; Securities Act Rule 144"},
    {"Regulation G applies. See Rule 100(b).", "Regulation G; Regulation G Rule 100(b)"},
    {"As noted in Item 11. \xE2\x80\x9C" "Executive Compensation\xE2\x80\x9D, the metric", ""},
    {"Item 7 of Schedule 14A ... the information required by Item 7 is", "Schedule 14A Item 7; Schedule 14A Item 7"},
};
INSTANTIATE_TEST_SUITE_P(Context, GrammarTable, ::testing::ValuesIn(kContext));

// --- Unicode dashes and spaces, line and page breaks, case slips.
const Case kNoise[] = {
    {"ASC 810\xE2\x80\x91" "10\xE2\x80\x91" "50\xE2\x80\x91" "5A(d)", "ASC 810-10-50-5A(d)"},        // U+2011
    {"ASC 810\xE2\x80\x90" "10\xE2\x80\x90" "50", "ASC 810-10-50"},                                // U+2010
    {"ASC 606\xE2\x80\x93" "10\xE2\x80\x93" "25\xE2\x80\x93" "1", "ASC 606-10-25-1"},                 // en dash inside
    {"Release No. 33\xE2\x80\x93" "8350", "Release 33-8350"},
    {"ASC\n360-10-35-21", "ASC 360-10-35-21"},
    {"ASC 280-\n10-50-1", "ASC 280-10-50-1"},
    {"ASC 280- 10-50-40", "ASC 280-10-50-40"},
    {"Item 303(a) of Regulation\nS-K", "S-K Item 303(a)"},
    {"Item\n10(e)(1)(i) of Regulation S-K", "S-K Item 10(e)(1)(i)"},
    {"Section IV.C of SEC\nRelease No. 33-8350", "Release 33-8350 Section IV.C"},
    {"Rule 5-03(b)10 of Regulation S- X", "S-X Rule 5-03(b)(10)"},
    {"ITEM 303 OF REGULATION S-K", "S-K Item 303"},
    {"asc 606-10-25-1", "ASC 606-10-25-1"},
    {"ASC 605-45--50-2", "ASC 605-45-50-2"},
    {"Question 102.10 of the staff\xC2\xB4s Compliance and Disclosure Interpretations on Non-GAAP Financial Measures",
     "C&DI Non-GAAP 102.10"},
    {"Question 102.10 of the non GAAP C&DI's", "C&DI Non-GAAP 102.10"},
    {"ASC\xC2\xA0" "606", "ASC 606"},
    {"FASB ASC 932-235-50- 5(a)", "ASC 932-235-50-5(a)"},
    {"Exchange Act Rules 13a-14 and 15d-14", "Exchange Act Rule 13a-14; Exchange Act Rule 15d-14"},
    {"Question No. 102.07 of the Compliance & Disclosure Interpretations", "C&DI 102.07"},
};
INSTANTIATE_TEST_SUITE_P(NoiseTolerance, GrammarTable, ::testing::ValuesIn(kNoise));

// --- What is not a citation.
const Case kNegatives[] = {
    {"Form 20-F for the Fiscal Year Ended December 31, 2012", ""},
    {"File No. 001-35126", ""},
    {"File Nos. 1-15891 and 1-36002", ""},
    {"at (202) 551-3224 if you have questions", ""},
    {"call 202-551-3224", ""},
    {"on page F-33 of the filing", ""},
    {"page 70", ""},
    {"fiscal 2019-20 results", ""},
    {"for the years 2016-2018", ""},
    {"$1.5 billion and $1.3 billion", ""},
    {"an impairment of $134 million", ""},
    {"Item 5. Operating and Financial Review and Prospects, page 70", ""},
    {"Item 7. Management's Discussion and Analysis of Financial Condition", ""},
    {"\nItem 8. Financial Statements and Supplementary Data\nNote 4", ""},
    {"Section 7. Conditions of the Offer, page 26", ""},
    {"your Form 10-K", ""},
    {"in your Form 10-Q for the quarter", ""},
    {"Item 1A of your Form 10-K", ""},
    {"Item 8 of the Form 10-K for the year ended December 31, 2017", ""},
    {"Item 1A of our 2021 Form 10-K", ""},
    {"Section 2.02 of the purchase agreement", ""},
    {"Section 3.6 of the Agreement", ""},
    {"the Exchange Act and the Securities Act", ""},
    {"Securities Exchange Act of 1934", ""},
    {"pursuant to Rule 83, Request #1", ""},
    {"as of December 31, 2016", ""},
    {"Topic 8054 101.5", ""},
    {"Note 2. Summary of Significant Accounting Policies, page F-9", ""},
    {"Exhibit 99.1", ""},
    {"in 2017 and 2018", ""},
    {"Mail Stop 4561", ""},
    {"Washington, D.C. 20549", ""},
    {"we reviewed 333-209962", ""},
    {"such as 2019 results", ""},
    {"AS OF DECEMBER 31, 2019", ""},
    {"Statement 2 of the agreement", ""},
    {"SIC code 3560", ""},
    {"Article X of your Amended and Restated Certificate of Incorporation", ""},
    {"Question 2 in our letter dated September 29, 2017", ""},
    {"in response to comment 5", ""},
    {"0000000000-13-061818", ""},
    {"FirstName LastName", ""},
    {"the Codification", ""},
    {"Regulation of the industry", ""},
    {"a 1-for-10 reverse split", ""},
    {"Topic 2", ""},
    {"Section 1603 cash grants", ""},
    {"12-31-2015", ""},
};
INSTANTIATE_TEST_SUITE_P(Negatives, GrammarTable, ::testing::ValuesIn(kNegatives));

// --- How each member was written.
struct HowCase {
  const char* text;
  const char* hows;
};
class GrammarHow : public ::testing::TestWithParam<HowCase> {};
TEST_P(GrammarHow, ReportsHowWritten) {
  std::string hows;
  for (const Citation& c : Grammar::Default().Extract(GetParam().text)) {
    if (!hows.empty()) hows += " ";
    hows += HowName(c.how);
  }
  EXPECT_EQ(hows, GetParam().hows) << GetParam().text;
}
const HowCase kHows[] = {
    {"ASC 810-10-50-5A(d)", "explicit"},
    {"ASC 850-10-50-1a and 50-5", "list list"},
    {"ASC 805-30-25-2 through 25-4", "range range-fill range"},
    {"paragraphs 2AA.d and 3.bb of ASC 810-10-50", "list list"},
    {"Refer to Item 303(a) of Regulation S-K. See Item 303(b).", "explicit inherited"},
    {"Item 5.D of Form 20-F", "explicit"},
};
INSTANTIATE_TEST_SUITE_P(How, GrammarHow, ::testing::ValuesIn(kHows));

TEST(GrammarSpans, ListMembersShareTheClauseSpan) {
  std::string text = "We refer you to paragraphs 2AA.d and 3.bb of ASC 810-10-50.";
  auto cs = Grammar::Default().Extract(text);
  ASSERT_EQ(cs.size(), 2u);
  for (const Citation& c : cs)
    EXPECT_EQ(text.substr(c.start, c.end - c.start), "paragraphs 2AA.d and 3.bb of ASC 810-10-50");
}

TEST(GrammarSpans, ExplicitSpanCoversTheMention) {
  std::string text = "Refer to Item 303(a)(3) of Regulation S-K and Release No. 33-6835.";
  auto cs = Grammar::Default().Extract(text);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(text.substr(cs[0].start, cs[0].end - cs[0].start), "Item 303(a)(3) of Regulation S-K");
  EXPECT_EQ(text.substr(cs[1].start, cs[1].end - cs[1].start), "Release No. 33-6835");
}

TEST(GrammarContext, InheritanceNeverCrossesACommentBoundary) {
  std::string text = "1. Refer to Item 303(a) of Regulation S-K.\n2. Tell us about Item 10(e).";
  ExtractOptions options;
  options.resets = {0, static_cast<uint32_t>(text.find("2."))};
  EXPECT_EQ(Ids(Grammar::Default().Extract(text, options)), "S-K Item 303(a)");
  EXPECT_EQ(Ids(Grammar::Default().Extract(text)), "S-K Item 303(a); S-K Item 10(e)");
}

TEST(GrammarContext, HeadingsNameFilingParts) {
  std::string text = "Item 303 Discussion\n1. We note your disclosure.";
  ExtractOptions options;
  options.headings = {{0, 19}};
  EXPECT_EQ(Ids(Grammar::Default().Extract(text, options)), "");
  EXPECT_EQ(Ids(Grammar::Default().Extract(text)), "S-K Item 303");
}

TEST(GrammarReleases, AliasesAreKept) {
  auto cs = Grammar::Default().Extract("Release Nos. 33-8350; 34-48960; FR-72");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].aliases, (std::vector<std::string>{"34-48960", "FR-72"}));
}

TEST(GrammarCatalog, UnknownIdsAreMarkedNotDropped) {
  auto cs = Grammar::Default().Extract("ASC 999-10-50-1 and ASC 810-10-50-1");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_FALSE(cs[0].known);
  EXPECT_TRUE(cs[1].known);
}

TEST(GrammarLenient, QueryArgumentsNeedLessEvidence) {
  ExtractOptions lenient;
  lenient.lenient = true;
  EXPECT_EQ(Ids(Grammar::Default().Extract("810-10-50", lenient)), "ASC 810-10-50");
  EXPECT_EQ(Ids(Grammar::Default().Extract("810-10", lenient)), "ASC 810-10");
  EXPECT_EQ(Ids(Grammar::Default().Extract("810-10")), "");
}

}  // namespace
}  // namespace secxref
