#include "indexer/index/letter_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "indexer/extract/citation_id.h"

#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::LetterSpec;
using testing_support::MakeLetter;
using testing_support::TempDir;
using testing_support::Terms;

bool Has(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

LetterSpec TwoComments() {
  LetterSpec spec;
  spec.intro_citations = {{Family::kSk, "Regulation S-K"}};
  spec.comments = {
      {1, "We note the VIE disclosure. We refer you to", {"Notes to the Financial Statements", "Note 1. Organization, page F-14"},
       {{Family::kAsc, "ASC 810-10-50-2AA(d)"}, {Family::kAsc, "ASC 810-10-50-3(bb)"}}},
      {2, "Tell us what consideration you gave to", {"Business Combinations"}, {{Family::kAsc, "ASC 805-30-50-1(f)(2)"}}},
  };
  return spec;
}

TEST(DocumentBuilder, OneDocumentPerCommentPlusOutsideText) {
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(MakeLetter(TwoComments()), "0000000000-13-061818:a.txt", "src1");
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].first, "Q0000000000-13-061818:a.txt#-");
  EXPECT_EQ(out.docs[1].first, "Q0000000000-13-061818:a.txt#1");
  EXPECT_EQ(out.docs[2].first, "Q0000000000-13-061818:a.txt#2");
  EXPECT_EQ(out.comments, 2u);
  EXPECT_EQ(out.citations, 4u);
  for (const auto& [uid, doc] : out.docs) {
    EXPECT_TRUE(Has(doc, uid));
    EXPECT_TRUE(Has(doc, "XL0000000000-13-061818:a.txt"));
    EXPECT_TRUE(Has(doc, "XSRCsrc1"));
  }
  // The outside-comments citation is on the outside document only.
  EXPECT_TRUE(Has(out.docs[0].second, "XEregulation s-k"));
  EXPECT_FALSE(Has(out.docs[1].second, "XEregulation s-k"));
  EXPECT_TRUE(Has(out.docs[2].second, "XEasc 805-30-50-1(f)(2)"));
  EXPECT_FALSE(Has(out.docs[1].second, "XEasc 805-30-50-1(f)(2)"));
}

struct LevelCase {
  std::string name;
  Family family;
  std::string id;
  std::vector<std::string> aliases;
  std::vector<std::string> cite_terms;  // every XC term expected, sorted
  std::vector<std::string> exact_terms;
};

void PrintTo(const LevelCase& c, std::ostream* os) { *os << c.id; }

class CitationTermsTest : public ::testing::TestWithParam<LevelCase> {};

TEST_P(CitationTermsTest, EveryAncestorLevelAndTheExactId) {
  const LevelCase& c = GetParam();
  LetterSpec spec;
  spec.comments = {{1, "See", {}, {{c.family, c.id}}}};
  CitedLetter cited = MakeLetter(spec);
  cited.citations[0].citation.aliases = c.aliases;
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(cited, "k", "s");
  const Xapian::Document& doc = out.docs[1].second;
  std::vector<std::string> cite = Terms(doc, "XC");
  std::erase_if(cite, [](const std::string& t) { return t.rfind("XCIK", 0) == 0 || t.rfind("XCO", 0) == 0; });
  EXPECT_EQ(cite, c.cite_terms);
  // Whatever the family, the terms are exactly the levels citation_id.h defines.
  std::vector<std::string> levels;
  for (const std::string& id : [&] {
         std::vector<std::string> ids{c.id};
         for (const std::string& a : c.aliases) ids.push_back("Release " + a);
         return ids;
       }())
    for (const std::string& l : CitationLevels(c.family, id)) levels.push_back("XC" + CitationTermValue(l));
  std::sort(levels.begin(), levels.end());
  EXPECT_EQ(cite, levels);
  EXPECT_EQ(Terms(doc, "XE"), c.exact_terms);
  // Each level again under the letter's year, when it has a date (XD: cites by year).
  const std::string date = doc.get_value(schema::kDateSlot);
  std::vector<std::string> by_year;
  if (!date.empty())
    for (const std::string& t : cite) by_year.push_back(schema::CiteYearTerm(date.substr(0, 4), t.substr(2)));
  std::sort(by_year.begin(), by_year.end());
  EXPECT_EQ(Terms(doc, "XD"), by_year);
  EXPECT_TRUE(Has(doc, std::string("XF") + FamilyName(c.family)));
  // The outside document carries none of them.
  EXPECT_TRUE(Terms(out.docs[0].second, "XE").empty());
}

INSTANTIATE_TEST_SUITE_P(
    Families, CitationTermsTest,
    ::testing::Values(
        LevelCase{"AscParagraphPinpoint", Family::kAsc, "ASC 810-10-50-5A(d)", {},
                  {"XCasc 810", "XCasc 810-10", "XCasc 810-10-50", "XCasc 810-10-50-5a",
                   "XCasc 810-10-50-5a(d)"},
                  {"XEasc 810-10-50-5a(d)"}},
        LevelCase{"AscTopic", Family::kAsc, "ASC 606", {}, {"XCasc 606"}, {"XEasc 606"}},
        LevelCase{"SkItem", Family::kSk, "S-K Item 303(b)(2)", {},
                  {"XCregulation s-k", "XCs-k item 303", "XCs-k item 303(b)", "XCs-k item 303(b)(2)"},
                  {"XEs-k item 303(b)(2)"}},
        LevelCase{"ReleaseSection", Family::kRelease, "Release 33-8350 Section III.B.3", {},
                  {"XCrelease 33-8350", "XCrelease 33-8350 section iii",
                   "XCrelease 33-8350 section iii.b", "XCrelease 33-8350 section iii.b.3"},
                  {"XErelease 33-8350 section iii.b.3"}},
        LevelCase{"ReleaseAliases", Family::kRelease, "Release 33-8350", {"34-48960"},
                  {"XCrelease 33-8350", "XCrelease 34-48960"},
                  {"XErelease 33-8350", "XErelease 34-48960"}},
        LevelCase{"FlatAsu", Family::kAsu, "ASU 2016-02", {}, {"XCasu 2016-02"}, {"XEasu 2016-02"}}),
    [](const ::testing::TestParamInfo<LevelCase>& info) { return info.param.name; });

// For every family, one XC term per level CitationLevels gives (the levels themselves are
// citation_id.h's contract, tested with the grammar).
TEST(DocumentBuilder, CiteTermsFollowCitationLevelsInEveryFamily) {
  const std::vector<std::pair<Family, std::string>> ids = {
      {Family::kSk, "S-K Item 303(b)(2)(ii)"}, {Family::kSx, "S-X Rule 3-05(b)"},
      {Family::kForm, "Form 20-F Item 5.D"},   {Family::kRule, "Exchange Act Rule 14a-8(i)"},
      {Family::kStatute, "SOX Section 404(b)"}, {Family::kSab, "SAB Topic 13.A.1"},
      {Family::kIfrs, "IAS 36.130"},           {Family::kGuidance, "FRM 1140.2"},
      {Family::kRegulation, "Regulation G Rule 100(b)"}, {Family::kCdi, "C&DI Non-GAAP 100.01"}};
  DocumentBuilder builder;
  for (const auto& [family, id] : ids) {
    LetterSpec spec;
    spec.comments = {{1, "See", {}, {{family, id}}}};
    LetterDocuments out = builder.Build(MakeLetter(spec), "k", "s");
    const Xapian::Document& doc = out.docs[1].second;
    std::vector<std::string> levels = CitationLevels(family, id);
    ASSERT_FALSE(levels.empty()) << id;
    for (const std::string& l : levels) EXPECT_TRUE(Has(doc, "XC" + CitationTermValue(l))) << id << " level " << l;
    EXPECT_EQ(Terms(doc, "XE"), std::vector<std::string>{"XE" + CitationTermValue(id)});
  }
}

TEST(DocumentBuilder, MetadataTermsAndValues) {
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(MakeLetter(TwoComments()), "key1", "s");
  for (const auto& [uid, doc] : out.docs) {
    EXPECT_TRUE(Has(doc, "XCIK1508475"));
    EXPECT_TRUE(Has(doc, "XACC0000000000-13-061818"));
    EXPECT_TRUE(Has(doc, "XKstaff"));
    EXPECT_TRUE(Has(doc, "XFORM20-f"));
    EXPECT_TRUE(Has(doc, "XFILE001-35126"));
    EXPECT_TRUE(Has(doc, "XY2013"));
    EXPECT_TRUE(Has(doc, "XM201310"));
    EXPECT_TRUE(Has(doc, "XT1508475/20-f/2012"));
    EXPECT_TRUE(Has(doc, "XCO21vianet"));  // company words, a free-text field
    EXPECT_EQ(doc.get_value(schema::kDateSlot), "20131029");
    EXPECT_EQ(doc.get_value(schema::kLetterSlot), "key1");
    EXPECT_EQ(doc.get_value(schema::kKindSlot), "staff");
    EXPECT_EQ(doc.get_value(schema::kConversationSlot), "1508475/20-f/2012");
  }
  EXPECT_EQ(Xapian::sortable_unserialise(out.docs[0].second.get_value(schema::kCommentSlot)), -1);
  EXPECT_EQ(Xapian::sortable_unserialise(out.docs[2].second.get_value(schema::kCommentSlot)), 2);
  EXPECT_EQ(Xapian::sortable_unserialise(out.docs[1].second.get_value(schema::kDepthSlot)), 2);
  EXPECT_EQ(Xapian::sortable_unserialise(out.docs[0].second.get_value(schema::kDepthSlot)), 1);
}

TEST(DocumentBuilder, PositionalStemmedBodyAndHeadingField) {
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(MakeLetter(TwoComments()), "k", "s");
  const Xapian::Document& doc = out.docs[1].second;
  EXPECT_TRUE(Has(doc, "disclosure"));
  EXPECT_TRUE(Has(doc, "Zdisclosur"));  // STEM_SOME: stems too, Z-prefixed
  EXPECT_TRUE(Has(doc, "XHorganization"));
  EXPECT_TRUE(Has(doc, "ZXHorgan"));
  EXPECT_FALSE(Has(doc, "XHbusiness"));  // comment 2's heading
  auto t = doc.termlist_begin();
  t.skip_to("disclosure");
  EXPECT_GT(t.positionlist_count(), 0u);
  // Boolean terms carry no positions and no wdf.
  t = doc.termlist_begin();
  t.skip_to("XEasc 810-10-50-2aa(d)");
  ASSERT_EQ(*t, "XEasc 810-10-50-2aa(d)");
  EXPECT_EQ(t.get_wdf(), 0u);
  EXPECT_EQ(t.positionlist_count(), 0u);
}

TEST(DocumentBuilder, DataHoldsWhatTheQueryToolPrints) {
  DocumentBuilder builder;
  CitedLetter cited = MakeLetter(TwoComments());
  LetterDocuments out = builder.Build(cited, "key1", "s");
  auto data = nlohmann::json::parse(out.docs[1].second.get_data());
  EXPECT_EQ(data["letter"]["key"], "key1");
  EXPECT_EQ(data["letter"]["company"], "21Vianet Group, Inc.");
  EXPECT_EQ(data["letter"]["date"], "2013-10-29");
  EXPECT_EQ(data["letter"]["kind"], "staff");
  EXPECT_EQ(data["letter"]["forms"], nlohmann::json::array({"20-f"}));
  EXPECT_EQ(data["letter"]["docs"], 3);
  EXPECT_EQ(data["comment"], 1);
  EXPECT_EQ(data["headings"][1], "Note 1. Organization, page F-14");
  const Comment& c = cited.letter.comments[0];
  const std::string text = data["text"];
  EXPECT_EQ(text, cited.letter.document.text.substr(c.start, c.end - c.start));
  ASSERT_EQ(data["citations"].size(), 2u);
  for (const auto& cj : data["citations"]) {
    const std::string id = cj["id"];
    size_t s = cj["start"], e = cj["end"];
    EXPECT_EQ(text.substr(s, e - s), id) << "offsets are relative to the comment text";
    EXPECT_EQ(cj["text"], id);
    EXPECT_EQ(cj["family"], "asc");
    EXPECT_EQ(cj["how"], "explicit");
  }
  // The outside document: intro and closing, offsets into its own text.
  auto outside = nlohmann::json::parse(out.docs[0].second.get_data());
  EXPECT_TRUE(outside["comment"].is_null());
  const std::string otext = outside["text"];
  EXPECT_NE(otext.find("We have reviewed your filing"), std::string::npos);
  EXPECT_NE(otext.find("Sincerely"), std::string::npos);
  EXPECT_EQ(otext.find("We note the VIE"), std::string::npos);
  size_t s = outside["citations"][0]["start"], e = outside["citations"][0]["end"];
  EXPECT_EQ(otext.substr(s, e - s), "Regulation S-K");
}

TEST(DocumentBuilder, RepeatedCommentNumbersGetDistinctIds) {
  LetterSpec spec;
  spec.comments = {{1, "First list", {}, {}}, {2, "Second", {}, {}}, {1, "Second list", {}, {}}};
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(MakeLetter(spec), "k", "s");
  ASSERT_EQ(out.docs.size(), 4u);
  EXPECT_EQ(out.docs[1].first, "Qk#1");
  EXPECT_EQ(out.docs[3].first, "Qk#1.2");
}

TEST(DocumentBuilder, ResponseRestatingTheStaffComment) {
  LetterSpec spec;
  spec.kind = LetterKind::kResponse;
  spec.comments = {{1, "Staff comment restated. Response: we will revise.", {}, {}}};
  CitedLetter cited = MakeLetter(spec);
  Comment& c = cited.letter.comments[0];
  c.response_start = static_cast<uint32_t>(cited.letter.document.text.find("Response:"));
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(cited, "k", "s");
  const Xapian::Document& doc = out.docs[1].second;
  EXPECT_TRUE(Has(doc, "XRS1"));
  EXPECT_TRUE(Has(doc, "XKresponse"));
  auto data = nlohmann::json::parse(doc.get_data());
  const std::string text = data["text"];
  EXPECT_EQ(text.substr(data["response_start"].get<size_t>(), 9), "Response:");
}

TEST(DocumentBuilder, LongCitationIdStoresOnGlass) {
  LetterSpec spec;
  std::string id = "Release 33-8350 Section " + std::string(250, 'I');
  spec.comments = {{1, "See", {}, {{Family::kRelease, id}}}};
  DocumentBuilder builder;
  LetterDocuments out = builder.Build(MakeLetter(spec), "k", "s");
  TempDir tmp;
  Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  for (auto& [uid, doc] : out.docs) db.add_document(doc);
  db.commit();
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kCiteExact, CitationTermValue(id))), 1u);
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kCite, "release 33-8350")), 1u);
}

TEST(LetterKey, AccessionAndFileNameElseContentHash) {
  LetterSpec spec;
  spec.source = "/x/edgar/data/1508475/000000000013061818/filename1.pdf";
  EXPECT_EQ(LetterKey(MakeLetter(spec).letter, "h"), "0000000000-13-061818:filename1.pdf");
  spec.member = "sub/filename2.htm";
  EXPECT_EQ(LetterKey(MakeLetter(spec).letter, "h"), "0000000000-13-061818:filename2.htm");
  spec.accession = std::nullopt;
  spec.member = std::nullopt;
  EXPECT_EQ(LetterKey(MakeLetter(spec).letter, "0123abcd"), "sha:0123abcd");
  spec.member = "m1.txt";
  std::string k1 = LetterKey(MakeLetter(spec).letter, "0123abcd");
  spec.member = "m2.txt";
  std::string k2 = LetterKey(MakeLetter(spec).letter, "0123abcd");
  EXPECT_EQ(k1.rfind("sha:", 0), 0u);
  EXPECT_NE(k1, k2);
  EXPECT_NE(k1, "sha:0123abcd");
}

struct FormCase {
  std::string reviewed;
  std::vector<std::string> forms;
};
void PrintTo(const FormCase& c, std::ostream* os) { *os << c.reviewed; }
class ReviewedFormsTest : public ::testing::TestWithParam<FormCase> {};
TEST_P(ReviewedFormsTest, Parses) { EXPECT_EQ(ReviewedForms(GetParam().reviewed), GetParam().forms); }
INSTANTIATE_TEST_SUITE_P(
    Letters, ReviewedFormsTest,
    ::testing::Values(
        FormCase{"Form 10-K for the Fiscal Year Ended December 31, 2012", {"10-k"}},
        FormCase{"Form 20-F for Fiscal Year Ended December 31, 2016", {"20-f"}},
        FormCase{"FORM 10-K FOR THE FISCAL YEAR ENDED DECEMBER 31, 2019", {"10-k"}},
        FormCase{"Forms 10-K and 10-Q", {"10-k", "10-q"}},
        FormCase{"Form 10-K, Form 10-Q and Form 8-K", {"10-k", "10-q", "8-k"}},
        FormCase{"Amendment No. 2 to Registration Statement on Form S-1", {"s-1"}},
        FormCase{"Form 10-K/A for the Fiscal Year Ended June 30, 2014", {"10-k/a"}},
        FormCase{"Definitive Proxy Statement on Schedule 14A", {"schedule 14a"}},
        FormCase{"Form D", {"d"}},
        FormCase{"Current Report on Form 8-K.", {"8-k"}},
        FormCase{"Filed March 1, 2013", {}},
        FormCase{"the form of the agreement", {}}));

TEST(ConversationId, RegistrantFormAndPeriod) {
  LetterSpec spec;
  EXPECT_EQ(ConversationId(MakeLetter(spec).letter), "1508475/20-f/2012");
  spec.reviewed = {"Current Report on Form 8-K Filed May 1, 2013"};
  EXPECT_EQ(ConversationId(MakeLetter(spec).letter), "1508475/8-k/001-35126");
  spec.cik = std::nullopt;
  spec.reviewed = {"Form 10-Q for the Quarterly Period Ended June 30, 2013"};
  EXPECT_EQ(ConversationId(MakeLetter(spec).letter), "001-35126/10-q/2013");
  spec.reviewed = {};
  EXPECT_EQ(ConversationId(MakeLetter(spec).letter), "");
}

}  // namespace
}  // namespace secxref
