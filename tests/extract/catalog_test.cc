#include "indexer/extract/catalog.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "indexer/base/data_files.h"
#include "indexer/extract/citation_id.h"

namespace secxref {
namespace {

const Catalog& Shipped() { return Catalog::Default(); }

TEST(CatalogTest, ShippedCatalogLoadsWithEveryFamily) {
  const Catalog& catalog = Shipped();
  std::set<Family> families;
  for (const CatalogEntry& e : catalog.entries()) families.insert(e.family);
  EXPECT_EQ(families.size(), static_cast<size_t>(kFamilyCount));
  EXPECT_GT(catalog.entries().size(), 900u);
  // The text DataFile returns parses on its own too (not only through Default()).
  EXPECT_EQ(Catalog::FromXml(DataFile("catalog.xml")).entries().size(), catalog.entries().size());
}

TEST(CatalogTest, DefaultIsBuiltOnceAcrossThreads) {
  std::vector<const Catalog*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&seen, i] { seen[i] = &Catalog::Default(); });
  for (std::thread& t : threads) t.join();
  for (const Catalog* c : seen) EXPECT_EQ(c, &Catalog::Default());
}

// The id prefixes of each family, restated from ../shared/spec/citation-ids.md so that the
// data is checked independently of the loader's own shape rules.
bool HasSpecPrefix(const CatalogEntry& e) {
  static const std::map<Family, std::vector<std::string>> kPrefixes = {
      {Family::kAsc, {"ASC "}},
      {Family::kAsu, {"ASU "}},
      {Family::kLegacy, {"FAS ", "FIN ", "EITF ", "APB ", "ARB ", "SOP ", "FSP ", "FTB ", "DIG "}},
      {Family::kRelease, {"Release "}},
      {Family::kForm, {"Form ", "Schedule "}},
      {Family::kSk, {"S-K Item ", "Regulation S-K"}},
      {Family::kSx, {"S-X Rule ", "S-X Article ", "Regulation S-X"}},
      {Family::kRegulation, {"Regulation ", "S-T Rule ", "17 CFR "}},
      {Family::kRule, {"Exchange Act Rule ", "Securities Act Rule "}},
      {Family::kStatute,
       {"Exchange Act Section ", "Securities Act Section ", "SOX Section ", "IRC Section ",
        "Dodd-Frank Act Section "}},
      {Family::kSab, {"SAB "}},
      {Family::kCdi, {"C&DI"}},
      {Family::kGuidance,
       {"FRM ", "SLB ", "CF Disclosure Guidance Topic ", "FRC ", "EDGAR Filer Manual",
        "Industry Guide "}},
      {Family::kIfrs, {"IFRS ", "IAS ", "IFRIC ", "SIC "}},
      {Family::kAudit, {"AS ", "AU ", "AU-C ", "SAS "}},
  };
  for (const std::string& p : kPrefixes.at(e.family))
    if (e.id.compare(0, p.size(), p) == 0) return true;
  return false;
}

TEST(CatalogTest, EveryEntryIsCanonicalKnownAndFoundAsItself) {
  const Catalog& catalog = Shipped();
  for (const CatalogEntry& e : catalog.entries()) {
    SCOPED_TRACE(std::string(FamilyName(e.family)) + " " + e.id);
    EXPECT_TRUE(HasSpecPrefix(e));
    EXPECT_EQ(e.id.find("  "), std::string::npos);
    for (char c : e.id) EXPECT_TRUE(c >= 0x20 && c < 0x7f);
    std::vector<std::string> levels = CitationLevels(e.family, e.id);
    ASSERT_FALSE(levels.empty());
    EXPECT_EQ(levels.back(), e.id);
    EXPECT_TRUE(catalog.Knows(e.family, e.id));
    const CatalogEntry* found = catalog.Find(e.family, e.id);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->id, e.id);
    EXPECT_TRUE(e.confidence == 'V' || e.confidence == 'K' || e.confidence == 'U');
    EXPECT_FALSE(e.source.empty());
    EXPECT_FALSE(e.title.empty() && e.note.empty());
  }
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(CatalogTest, EveryAscTopicOfTheReferenceIsPresentWithItsTitleAndStatus) {
  std::vector<std::vector<std::string>> rows =
      ReadTsv(std::string(SECXREF_SHARED) + "/reference/asc-topics.tsv");
  if (rows.empty()) GTEST_SKIP() << "no ../shared/reference/asc-topics.tsv";
  ASSERT_EQ(rows[0][0], "topic");
  ASSERT_EQ(rows[0][1], "title");
  ASSERT_EQ(rows[0][3], "status");
  const Catalog& catalog = Shipped();
  std::set<std::string> topics;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string id = "ASC " + rows[i][0];
    SCOPED_TRACE(id);
    topics.insert(id);
    const CatalogEntry* e = catalog.Find(Family::kAsc, id);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->id, id);
    EXPECT_EQ(e->title, rows[i][1]);
    EXPECT_EQ(e->status, rows[i][3]);
  }
  // And no topic the reference does not list.
  size_t catalogued = 0;
  for (const CatalogEntry& e : catalog.entries())
    if (e.family == Family::kAsc && e.id.size() == 7) {
      ++catalogued;
      EXPECT_TRUE(topics.count(e.id)) << e.id;
    }
  EXPECT_EQ(catalogued, topics.size());
}

struct KnowsCase {
  Family family;
  const char* id;
  bool known;
  const char* found;  // Find's entry id, or nullptr
};

std::ostream& operator<<(std::ostream& os, const KnowsCase& c) {
  return os << FamilyName(c.family) << " " << c.id;
}

class CatalogKnowsTest : public testing::TestWithParam<KnowsCase> {};

TEST_P(CatalogKnowsTest, KnowsAndFind) {
  const KnowsCase& c = GetParam();
  EXPECT_EQ(Shipped().Knows(c.family, c.id), c.known);
  const CatalogEntry* e = Shipped().Find(c.family, c.id);
  if (c.found == nullptr) {
    EXPECT_EQ(e, nullptr) << e->id;
  } else {
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->id, c.found);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Asc, CatalogKnowsTest,
    testing::Values(KnowsCase{Family::kAsc, "ASC 810", true, "ASC 810"},
                    KnowsCase{Family::kAsc, "ASC 810-10-50-5A(d)", true, "ASC 810"},
                    KnowsCase{Family::kAsc, "ASC 805-30-50-1(f)(2)", true, "ASC 805"},
                    KnowsCase{Family::kAsc, "ASC 250-10-S99-2", true, "ASC 250-10-S99-2"},
                    KnowsCase{Family::kAsc, "ASC 350-40-25-1", true, "ASC 350-40"},
                    KnowsCase{Family::kAsc, "ASC 605-25", true, "ASC 605-25"},
                    KnowsCase{Family::kAsc, "ASC 999", false, nullptr},
                    KnowsCase{Family::kAsc, "ASC 999-10-50-1", false, nullptr},
                    KnowsCase{Family::kAsc, "ASC 811", false, nullptr}));

INSTANTIATE_TEST_SUITE_P(
    SkSx, CatalogKnowsTest,
    testing::Values(KnowsCase{Family::kSk, "Regulation S-K", true, "Regulation S-K"},
                    KnowsCase{Family::kSk, "S-K Item 303", true, "S-K Item 303"},
                    KnowsCase{Family::kSk, "S-K Item 303(b)", true, "S-K Item 303(b)"},
                    KnowsCase{Family::kSk, "S-K Item 303(b)(2)(ii)", true, "S-K Item 303(b)(2)"},
                    KnowsCase{Family::kSk, "S-K Item 303(a)(3)(ii)", true, "S-K Item 303(a)"},
                    KnowsCase{Family::kSk, "S-K Item 303(b) Instruction 5", true,
                              "S-K Item 303(b)"},
                    KnowsCase{Family::kSk, "S-K Item 10(e)(1)(i)(A)", true, "S-K Item 10(e)"},
                    KnowsCase{Family::kSk, "S-K Item 1204", true, "S-K Item 1204"},
                    KnowsCase{Family::kSk, "S-K Item 9999", false, "Regulation S-K"},
                    KnowsCase{Family::kSk, "S-K Item 99(a)", false, "Regulation S-K"},
                    KnowsCase{Family::kSx, "S-X Rule 3-05", true, "S-X Rule 3-05"},
                    KnowsCase{Family::kSx, "S-X Rule 3-05(b)(4)(i)", true, "S-X Rule 3-05"},
                    KnowsCase{Family::kSx, "S-X Rule 5-02.8", true, "S-X Rule 5-02"},
                    KnowsCase{Family::kSx, "S-X Rule 1-02(w)(1)(i)(A)", true, "S-X Rule 1-02(w)"},
                    KnowsCase{Family::kSx, "S-X Article 11", true, "S-X Article 11"},
                    KnowsCase{Family::kSx, "Regulation S-X", true, "Regulation S-X"},
                    KnowsCase{Family::kSx, "S-X Rule 3-99", false, "Regulation S-X"},
                    KnowsCase{Family::kSx, "S-X Article 14", false, "Regulation S-X"}));

INSTANTIATE_TEST_SUITE_P(
    Forms, CatalogKnowsTest,
    testing::Values(
        KnowsCase{Family::kForm, "Form 20-F Item 5.D", true, "Form 20-F Item 5.D"},
        KnowsCase{Family::kForm, "Form 20-F Item 5", true, "Form 20-F Item 5"},
        KnowsCase{Family::kForm, "Form 20-F Item 5.A.1", true, "Form 20-F Item 5.A"},
        KnowsCase{Family::kForm, "Form 20-F Item 4A", true, "Form 20-F Item 4A"},
        KnowsCase{Family::kForm, "Form 20-F Item 99", false, "Form 20-F"},
        KnowsCase{Family::kForm, "Form 10-K Item 7A", true, "Form 10-K Item 7A"},
        KnowsCase{Family::kForm, "Form 10-K Item 1C", true, "Form 10-K Item 1C"},
        KnowsCase{Family::kForm, "Form 10-K Item 99", false, "Form 10-K"},
        KnowsCase{Family::kForm, "Form 10-K", true, "Form 10-K"},
        KnowsCase{Family::kForm, "Form 10-Q Part II Item 1A", true, "Form 10-Q Part II Item 1A"},
        KnowsCase{Family::kForm, "Form 10-Q Part I Item 2", true, "Form 10-Q Part I Item 2"},
        KnowsCase{Family::kForm, "Form 10-Q Part II Item 7", false, "Form 10-Q Part II"},
        KnowsCase{Family::kForm, "Form 8-K Item 4.02", true, "Form 8-K Item 4.02"},
        KnowsCase{Family::kForm, "Form 8-K Item 4.01(a)(1)(iv)", true, "Form 8-K Item 4.01"},
        KnowsCase{Family::kForm, "Form 8-K Item 4.99", false, "Form 8-K Item 4"},
        KnowsCase{Family::kForm, "Form 8-K Item 12", true, "Form 8-K Item 12"},
        KnowsCase{Family::kForm, "Form 8-K General Instruction B.2", true,
                  "Form 8-K General Instruction B"},
        KnowsCase{Family::kForm, "Schedule 14A Item 7", true, "Schedule 14A Item 7"},
        KnowsCase{Family::kForm, "Schedule 14A Note A", true, "Schedule 14A Note A"},
        KnowsCase{Family::kForm, "Schedule TO Item 10(b)", true, "Schedule TO Item 10"},
        KnowsCase{Family::kForm, "Form S-4 Item 18(a)(5)(i)", true, "Form S-4 Item 18"},
        KnowsCase{Family::kForm, "Form F-4 Item 4", false, "Form F-4"},
        KnowsCase{Family::kForm, "Form 99-Z Item 1", false, nullptr}));

INSTANTIATE_TEST_SUITE_P(
    Releases, CatalogKnowsTest,
    testing::Values(
        KnowsCase{Family::kRelease, "Release 33-8350", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release 33-8350 Section III.B.3", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release 33-8350 Section IV.C", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release 34-48960", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release FR-72", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release 34-48960 Section III.B", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "Release 33-9062A", true, "Release 33-9062A"},
        KnowsCase{Family::kRelease, "Release FR-80A", true, "Release 33-9062A"},
        KnowsCase{Family::kRelease, "Release 33-99999", false, nullptr},
        KnowsCase{Family::kRelease, "Release 33-99999 Section II", false, nullptr}));

INSTANTIATE_TEST_SUITE_P(
    OtherFamilies, CatalogKnowsTest,
    testing::Values(
        KnowsCase{Family::kSab, "SAB 99", true, "SAB 99"},
        KnowsCase{Family::kSab, "SAB Topic 5.Y", true, "SAB Topic 5.Y"},
        KnowsCase{Family::kSab, "SAB Topic 5.Z", true, "SAB Topic 5"},
        KnowsCase{Family::kSab, "SAB Topic 13.A.1", true, "SAB Topic 13.A"},
        KnowsCase{Family::kSab, "SAB Topic 15", false, nullptr},
        KnowsCase{Family::kSab, "SAB 999", false, nullptr},
        KnowsCase{Family::kCdi, "C&DI Non-GAAP 102.10", true, "C&DI Non-GAAP"},
        KnowsCase{Family::kCdi, "C&DI Non-GAAP 102.10(a)", true, "C&DI Non-GAAP"},
        KnowsCase{Family::kCdi, "C&DI Regulation S-K 128D.08", true, "C&DI Regulation S-K"},
        KnowsCase{Family::kCdi, "C&DI 102.10", true, "C&DI"},
        KnowsCase{Family::kCdi, "C&DI Non-GAAP", true, "C&DI Non-GAAP"},
        KnowsCase{Family::kCdi, "C&DI Bogus Rules 101.01", false, nullptr},
        KnowsCase{Family::kGuidance, "FRM Topic 1", true, "FRM Topic 1"},
        KnowsCase{Family::kGuidance, "FRM 1140.2", true, "FRM Topic 1"},
        KnowsCase{Family::kGuidance, "FRM 13110.6", true, "FRM Topic 13"},
        KnowsCase{Family::kGuidance, "FRM 4230.2(c)", true, "FRM Topic 4"},
        KnowsCase{Family::kGuidance, "FRM 99110", false, nullptr},
        KnowsCase{Family::kGuidance, "SLB 19", true, "SLB 19"},
        KnowsCase{Family::kGuidance, "SLB 19 Section II.B.3.a", true, "SLB 19"},
        KnowsCase{Family::kGuidance, "SLB 14D", true, "SLB 14D"},
        KnowsCase{Family::kGuidance, "CF Disclosure Guidance Topic 2", true,
                  "CF Disclosure Guidance Topic 2"},
        KnowsCase{Family::kGuidance, "CF Disclosure Guidance Topic 9A", true,
                  "CF Disclosure Guidance Topic 9A"},
        KnowsCase{Family::kGuidance, "FRC 501.12(b)(3)", true, "FRC 501"},
        KnowsCase{Family::kIfrs, "IFRS 15", true, "IFRS 15"},
        KnowsCase{Family::kIfrs, "IFRS 15.B34", true, "IFRS 15"},
        KnowsCase{Family::kIfrs, "IAS 36.130", true, "IAS 36"},
        KnowsCase{Family::kIfrs, "IFRIC 23", true, "IFRIC 23"},
        KnowsCase{Family::kIfrs, "SIC 29", true, "SIC 29"},
        KnowsCase{Family::kIfrs, "IAS 3", false, nullptr},
        KnowsCase{Family::kIfrs, "IFRS 20", false, nullptr},
        KnowsCase{Family::kAudit, "AS 2201", true, "AS 2201"},
        KnowsCase{Family::kAudit, "AS 5", true, "AS 5"},
        KnowsCase{Family::kAudit, "AU-C 580", true, "AU-C 580"},
        KnowsCase{Family::kAudit, "AS 9999", false, nullptr},
        KnowsCase{Family::kRule, "Exchange Act Rule 12b-20", true, "Exchange Act Rule 12b-20"},
        KnowsCase{Family::kRule, "Exchange Act Rule 14a-8(i)(7)", true, "Exchange Act Rule 14a-8"},
        KnowsCase{Family::kRule, "Securities Act Rule 430A", true, "Securities Act Rule 430A"},
        KnowsCase{Family::kRule, "Securities Act Rule 405", true, "Securities Act Rule 405"},
        KnowsCase{Family::kRule, "Exchange Act Rule 99z-1", false, nullptr},
        KnowsCase{Family::kStatute, "Exchange Act Section 13(a)", true,
                  "Exchange Act Section 13(a)"},
        KnowsCase{Family::kStatute, "Exchange Act Section 13(b)(2)(B)", true,
                  "Exchange Act Section 13"},
        KnowsCase{Family::kStatute, "SOX Section 404(b)", true, "SOX Section 404(b)"},
        KnowsCase{Family::kStatute, "SOX Section 405", false, nullptr},
        KnowsCase{Family::kRegulation, "Regulation G", true, "Regulation G"},
        KnowsCase{Family::kRegulation, "Regulation G Rule 100(b)", true, "Regulation G Rule 100"},
        KnowsCase{Family::kRegulation, "Regulation G Rule 103", false, "Regulation G"},
        KnowsCase{Family::kRegulation, "S-T Rule 405", true, "S-T Rule 405"},
        KnowsCase{Family::kRegulation, "Regulation M-A Item 1010(c)", true,
                  "Regulation M-A Item 1010"},
        KnowsCase{Family::kRegulation, "Regulation S-B Item 303(b)", true, "Regulation S-B"},
        KnowsCase{Family::kRegulation, "Regulation FD", true, "Regulation FD"},
        KnowsCase{Family::kRegulation, "Regulation XYZ", false, nullptr},
        KnowsCase{Family::kLegacy, "FAS 141(R)", true, "FAS 141(R)"},
        KnowsCase{Family::kLegacy, "EITF D-109", true, "EITF D-109"},
        KnowsCase{Family::kLegacy, "FAS 999", false, nullptr},
        KnowsCase{Family::kAsu, "ASU 2016-02", true, "ASU 2016-02"},
        KnowsCase{Family::kAsu, "ASU 2031-01", false, nullptr}));

// Lookups ignore case, and an id of the wrong family is not known.
INSTANTIATE_TEST_SUITE_P(
    CaseAndFamily, CatalogKnowsTest,
    testing::Values(
        KnowsCase{Family::kAsc, "asc 810-10-50-5a(d)", true, "ASC 810"},
        KnowsCase{Family::kSk, "s-k item 303(b)", true, "S-K Item 303(b)"},
        KnowsCase{Family::kSk, "REGULATION S-K", true, "Regulation S-K"},
        KnowsCase{Family::kRelease, "release 33-8350 section iii.b.3", true, "Release 33-8350"},
        KnowsCase{Family::kRelease, "release fr-72", true, "Release 33-8350"},
        KnowsCase{Family::kForm, "form 20-f item 5.d", true, "Form 20-F Item 5.D"},
        KnowsCase{Family::kForm, "form 10-q part ii item 1a", true, "Form 10-Q Part II Item 1A"},
        KnowsCase{Family::kCdi, "c&di non-gaap 102.10", true, "C&DI Non-GAAP"},
        KnowsCase{Family::kSab, "sab topic 1.m", true, "SAB Topic 1.M"},
        KnowsCase{Family::kSk, "ASC 810", false, nullptr},
        KnowsCase{Family::kAsc, "S-K Item 303", false, nullptr}));

struct ReleaseCase {
  const char* number;
  const char* primary;  // nullptr: not catalogued
};

std::ostream& operator<<(std::ostream& os, const ReleaseCase& c) { return os << c.number; }

class ReleaseByNumberTest : public testing::TestWithParam<ReleaseCase> {};

TEST_P(ReleaseByNumberTest, MapsEveryNumberToThePrimary) {
  std::optional<std::string> primary = Shipped().ReleaseByNumber(GetParam().number);
  if (GetParam().primary == nullptr) {
    EXPECT_FALSE(primary.has_value()) << *primary;
  } else {
    ASSERT_TRUE(primary.has_value());
    EXPECT_EQ(*primary, GetParam().primary);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Aliases, ReleaseByNumberTest,
    testing::Values(
        ReleaseCase{"34-48960", "Release 33-8350"}, ReleaseCase{"FR-72", "Release 33-8350"},
        ReleaseCase{"fr-72", "Release 33-8350"}, ReleaseCase{"Release 34-48960", "Release 33-8350"},
        ReleaseCase{"33-8350", "Release 33-8350"}, ReleaseCase{"34-47226", "Release 33-8176"},
        ReleaseCase{"FR-65", "Release 33-8176"}, ReleaseCase{"34-26831", "Release 33-6835"},
        ReleaseCase{"IC-16961", "Release 33-6835"}, ReleaseCase{"FR-36", "Release 33-6835"},
        ReleaseCase{"34-90459", "Release 33-10890"}, ReleaseCase{"IC-34100", "Release 33-10890"},
        ReleaseCase{"34-60519A", "Release 33-9062A"}, ReleaseCase{"FR-78", "Release 33-8995"},
        ReleaseCase{"International Series 1306", "Release 33-8879"},
        ReleaseCase{"34-75935", "Release 34-75935"}, ReleaseCase{"33-99999", nullptr},
        ReleaseCase{"FR-999", nullptr}, ReleaseCase{"", nullptr}));

TEST(CatalogTest, ReleaseAliasesAreCarriedOnTheEntry) {
  const CatalogEntry* e = Shipped().Find(Family::kRelease, "Release 33-8350");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"34-48960", "FR-72"}));
  EXPECT_EQ(e->date, "2003-12-19");
  EXPECT_EQ(e->title,
            "Commission Guidance Regarding Management's Discussion and Analysis of Financial "
            "Condition and Results of Operations");
}

TEST(CatalogTest, AscSectionTitles) {
  const Catalog& catalog = Shipped();
  ASSERT_NE(catalog.AscSectionTitle("50"), nullptr);
  EXPECT_EQ(*catalog.AscSectionTitle("50"), "Disclosure");
  EXPECT_EQ(*catalog.AscSectionTitle("25"), "Recognition");
  EXPECT_EQ(*catalog.AscSectionTitle("S99"), "SEC Materials");
  ASSERT_NE(catalog.AscSectionTitle("S45"), nullptr);
  EXPECT_EQ(*catalog.AscSectionTitle("S45"), "Other Presentation Matters");
  EXPECT_EQ(catalog.AscSectionTitle("99"), nullptr);
  EXPECT_EQ(catalog.AscSectionTitle("S98"), nullptr);
}

TEST(CatalogTest, ContainersAreMarked) {
  const Catalog& catalog = Shipped();
  for (const char* id : {"Form 10-K", "Form 20-F", "Form 8-K", "Schedule 14A", "Form S-1"})
    EXPECT_TRUE(catalog.Find(Family::kForm, id)->container) << id;
  EXPECT_TRUE(catalog.Find(Family::kSk, "Regulation S-K")->container);
  EXPECT_TRUE(catalog.Find(Family::kSx, "Regulation S-X")->container);
  EXPECT_FALSE(catalog.Find(Family::kForm, "Form 20-F Item 5")->container);
  EXPECT_FALSE(catalog.Find(Family::kAsc, "ASC 810")->container);
}

// A small catalog around one entry; the line of the entry is 4.
std::string Xml(const std::string& family, const std::string& entries) {
  return "<?xml version=\"1.0\"?>\n<catalog>\n<family name=\"" + family + "\" source=\"test\">\n" +
         entries + "\n</family>\n</catalog>\n";
}

struct MalformedCase {
  const char* name;
  std::string xml;
  const char* message;  // a part of the error message
};

std::ostream& operator<<(std::ostream& os, const MalformedCase& c) { return os << c.name; }

class MalformedCatalogTest : public testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedCatalogTest, IsRejectedWithAClearMessage) {
  try {
    Catalog::FromXml(GetParam().xml);
    FAIL() << "accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
  }
}

const char* kAsc810 = "<entry id=\"ASC 810\" title=\"Consolidation\" confidence=\"V\"/>";

INSTANTIATE_TEST_SUITE_P(
    Rejected, MalformedCatalogTest,
    testing::Values(
        MalformedCase{"NotXml", "<catalog><family name=\"asc\">\n<entry id=\"ASC 810\"",
                      "line 2: malformed XML"},
        MalformedCase{"WrongRoot", "<lexicon/>", "root element must be <catalog>"},
        MalformedCase{"UnknownFamily", Xml("gaap", kAsc810), "line 3: unknown family \"gaap\""},
        MalformedCase{"MissingId", Xml("asc", "<entry title=\"Consolidation\" confidence=\"V\"/>"),
                      "line 4: entry without an id"},
        MalformedCase{"DuplicateIdIgnoringCase",
                      Xml("cdi",
                          "<entry id=\"C&amp;DI Non-GAAP\" title=\"x\" confidence=\"V\"/>\n"
                          "<entry id=\"C&amp;DI NON-GAAP\" title=\"y\" confidence=\"V\"/>"),
                      "line 5: entry \"C&DI NON-GAAP\": duplicate id"},
        MalformedCase{"LowerCaseFormName",
                      Xml("form", "<entry id=\"Form 10-k\" title=\"x\" confidence=\"V\"/>"),
                      "not a canonical form id"},
        MalformedCase{"DuplicateNamesTheFirst", Xml("asc", std::string(kAsc810) + "\n" + kAsc810),
                      "\"ASC 810\" is at line 4"},
        MalformedCase{"AscTopicTwoDigits",
                      Xml("asc", "<entry id=\"ASC 81\" title=\"x\" confidence=\"V\"/>"),
                      "line 4: entry \"ASC 81\": not a canonical asc id"},
        MalformedCase{"AscTopicWord",
                      Xml("asc", "<entry id=\"ASC Topic 810\" title=\"x\" confidence=\"V\"/>"),
                      "not a canonical asc id"},
        MalformedCase{"AscSubtopicOneDigit",
                      Xml("asc", std::string(kAsc810) +
                                     "<entry id=\"ASC 810-1\" title=\"x\" confidence=\"V\"/>"),
                      "entry \"ASC 810-1\": not a canonical asc id"},
        MalformedCase{"LowerCaseLevelWord",
                      Xml("sk", "<entry id=\"S-K item 303\" title=\"x\" confidence=\"V\"/>"),
                      "not a canonical sk id"},
        MalformedCase{"WrongFamily", Xml("sk", kAsc810), "\"ASC 810\": not a canonical sk id"},
        MalformedCase{"ReleaseWord",
                      Xml("release",
                          "<entry id=\"Release No. 33-8350\" title=\"x\" "
                          "confidence=\"V\"/>"),
                      "not a canonical release id"},
        MalformedCase{"DoubleSpace",
                      Xml("asc", "<entry id=\"ASC  810\" title=\"x\" confidence=\"V\"/>"),
                      "printable ASCII with single spaces"},
        MalformedCase{"NonAscii",
                      Xml("asc",
                          "<entry id=\"ASC 810\xE2\x80\x91"
                          "10\" title=\"x\" "
                          "confidence=\"V\"/>"),
                      "printable ASCII"},
        MalformedCase{"CdiQuestionAsEntry",
                      Xml("cdi",
                          "<entry id=\"C&amp;DI Non-GAAP 102.10\" title=\"x\" "
                          "confidence=\"V\"/>"),
                      "not a canonical cdi id"},
        MalformedCase{"NoTitleNoNote", Xml("asc", "<entry id=\"ASC 810\" confidence=\"V\"/>"),
                      "needs a title"},
        MalformedCase{"BadConfidence",
                      Xml("asc", "<entry id=\"ASC 810\" title=\"x\" confidence=\"sure\"/>"),
                      "confidence must be V, K or U"},
        MalformedCase{"BadStatus",
                      Xml("asc",
                          "<entry id=\"ASC 810\" title=\"x\" confidence=\"V\" "
                          "status=\"gone\"/>"),
                      "unknown status \"gone\""},
        MalformedCase{"BadDate",
                      Xml("release",
                          "<entry id=\"Release 33-8350\" title=\"x\" "
                          "confidence=\"V\" date=\"Dec 19, 2003\"/>"),
                      "date \"Dec 19, 2003\""},
        MalformedCase{"UnknownAttribute",
                      Xml("asc",
                          "<entry id=\"ASC 810\" title=\"x\" confidence=\"V\" "
                          "titel=\"y\"/>"),
                      "unknown attribute \"titel\""},
        MalformedCase{"UnknownChild",
                      Xml("asc",
                          "<entry id=\"ASC 810\" title=\"x\" confidence=\"V\">"
                          "<title>y</title></entry>"),
                      "unexpected <title>"},
        MalformedCase{"BadReleaseAlias",
                      Xml("release",
                          "<entry id=\"Release 33-8350\" title=\"x\" "
                          "confidence=\"V\"><alias>Release No. 72</alias></entry>"),
                      "alias \"Release No. 72\" is not a release number"},
        MalformedCase{"AliasOfTwoReleases",
                      Xml("release",
                          "<entry id=\"Release 33-8350\" title=\"x\" confidence=\"V\">"
                          "<alias>FR-72</alias></entry>\n"
                          "<entry id=\"Release 33-8176\" title=\"y\" confidence=\"V\">"
                          "<alias>FR-72</alias></entry>"),
                      "alias FR-72 already names Release 33-8350"},
        MalformedCase{"AliasIsAnotherPrimary",
                      Xml("release",
                          "<entry id=\"Release 33-8350\" title=\"x\" confidence=\"V\"/>\n"
                          "<entry id=\"Release 33-8176\" title=\"y\" confidence=\"V\">"
                          "<alias>33-8350</alias></entry>"),
                      "alias 33-8350 already names Release 33-8350"},
        MalformedCase{"ItemWithoutItsRegulation",
                      Xml("sk", "<entry id=\"S-K Item 303\" title=\"MD&amp;A\" confidence=\"V\"/>"),
                      "entry \"S-K Item 303\": unreachable: its level \"Regulation S-K\""},
        MalformedCase{"SubItemWithoutItsItem",
                      Xml("form",
                          "<entry id=\"Form 20-F\" title=\"x\" container=\"true\" "
                          "confidence=\"V\"/>\n<entry id=\"Form 20-F Item 5.D\" "
                          "title=\"Trend information\" confidence=\"K\"/>"),
                      "unreachable: its level \"Form 20-F Item 5\""},
        MalformedCase{"BadContainerValue",
                      Xml("form",
                          "<entry id=\"Form 20-F\" title=\"x\" container=\"yes\" "
                          "confidence=\"V\"/>"),
                      "container must be \"true\" or \"false\""},
        MalformedCase{"BadAscSection", Xml("asc", "<section number=\"5\" title=\"Overview\"/>"),
                      "ASC section number \"5\""},
        MalformedCase{"SectionOutsideAsc",
                      Xml("sk", "<section number=\"50\" title=\"Disclosure\"/>"),
                      "unexpected <section> in family sk"},
        MalformedCase{
            "NoSource",
            "<catalog><family name=\"asc\">" + std::string(kAsc810) + "</family></catalog>",
            "has no source"}));

TEST(CatalogTest, ASmallWellFormedCatalogLoads) {
  Catalog c = Catalog::FromXml(
      Xml("form",
          "<entry id=\"Form 20-F\" title=\"Annual report\" container=\"true\" confidence=\"V\"/>\n"
          "<entry id=\"Form 20-F Item 5\" title=\"Operating and Financial Review and Prospects\" "
          "confidence=\"V\" note=\"MD&amp;A\" source=\"§3.3\"><alias>OFR</alias></entry>"));
  ASSERT_EQ(c.entries().size(), 2u);
  const CatalogEntry& item = c.entries()[1];
  EXPECT_EQ(item.family, Family::kForm);
  EXPECT_EQ(item.note, "MD&A");
  EXPECT_EQ(item.source, "§3.3");
  EXPECT_EQ(c.entries()[0].source, "test");
  EXPECT_EQ(item.aliases, std::vector<std::string>{"OFR"});
  EXPECT_TRUE(c.Knows(Family::kForm, "Form 20-F Item 5.D"));
  EXPECT_FALSE(c.Knows(Family::kForm, "Form 20-F Item 6"));
  EXPECT_FALSE(c.Knows(Family::kForm, "Form 10-K Item 7"));
}

}  // namespace
}  // namespace secxref
