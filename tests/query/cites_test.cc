// `cites`: the hierarchy both ways, --exact, filters, grouping, sorting, and what a user is
// told when the argument is wrong. Over the fixture index (query_fixture.cc).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer/index/schema.h"
#include "query/citation_arg.h"
#include "query/commands.h"
#include "query/searcher.h"
#include "tests/query/query_fixture.h"

namespace secxref::query_test {
namespace {

using Json = nlohmann::json;
using query::CitesArgs;
using query::RunCites;

CitesArgs Args(const std::string& citation) {
  CitesArgs a;
  a.citation = citation;
  a.common.dbs = {SharedIndex()};
  a.common.format = "jsonl";
  a.list.sort = "date";
  return a;
}

struct HierarchyCase {
  std::string name;
  std::string citation;
  bool exact;
  std::string listed;  // newest letter first, comments in order
};

void PrintTo(const HierarchyCase& c, std::ostream* os) { *os << c.citation << (c.exact ? " --exact" : ""); }

class CitesHierarchy : public ::testing::TestWithParam<HierarchyCase> {};

TEST_P(CitesHierarchy, MatchesTheIdAndItsDescendantsNeverAncestors) {
  const HierarchyCase& c = GetParam();
  CitesArgs a = Args(c.citation);
  a.exact = c.exact;
  Output r = RunCommand(RunCites, a);
  EXPECT_EQ(r.status, c.listed.empty() ? 1 : 0) << r.err;
  EXPECT_EQ(Listed(r.out), c.listed) << r.err;
}

const HierarchyCase kHierarchy[] = {
    // L3 cites only "ASC Topic 810" (an ancestor): never listed for a section.
    {"Section", "ASC 810-10-50", false, "L5#2 L6#1 L6#2 L1#1 L1#2"},
    {"SectionLowerCase", "asc 810-10-50", false, "L5#2 L6#1 L6#2 L1#1 L1#2"},
    {"SectionBare", "810-10-50", false, "L5#2 L6#1 L6#2 L1#1 L1#2"},
    {"Topic", "Topic 810", false, "L5#2 L3#1 L6#1 L6#2 L1#1 L1#2"},
    {"Subtopic", "ASC 810-10", false, "L5#2 L6#1 L6#2 L1#1 L1#2"},
    {"Paragraph", "ASC 810-10-50-5A", false, "L5#2 L1#2"},
    {"Subparagraph", "paragraph 5A(d) of ASC 810-10-50", false, "L1#2"},
    {"ListMember", "ASC 810-10-50-3(bb)", false, "L1#1"},
    {"GoodwillTopic", "ASC 350", false, "L4#1 L2#2 L3#1"},
    {"GoodwillSection", "ASC 350-20-35", false, "L4#1 L2#2"},
    {"FormItem", "Item 5.D of Form 20-F", false, "L2#1"},
    {"FormItemParent", "Form 20-F Item 5", false, "L2#1"},
    {"Release", "Release No. 33-8350", false, "L2#1"},
    {"ReleaseSection", "Section III.B of Release No. 33-8350", false, "L2#1"},
    {"ReleaseAlias", "Release No. 34-48960", false, "L2#1"},
    {"SkItem", "Item 303 of Regulation S-K", false, "L4#1"},
    {"SabOutsideComments", "SAB Topic 5.Y", false, "L4#-"},
    {"ExactSection", "ASC 810-10-50", true, "L5#2 L6#1 L6#2"},
    {"ExactTopic", "ASC 810", true, "L3#1"},
    {"ExactParagraph", "ASC 810-10-50-5A", true, "L5#2"},
    {"ExactReleaseIsNotItsSection", "Release 33-8350", true, ""},
    {"CatalogedButUncited", "ASC 842", false, ""},
};

INSTANTIATE_TEST_SUITE_P(Fixture, CitesHierarchy, ::testing::ValuesIn(kHierarchy),
                         [](const auto& info) { return info.param.name; });

TEST(Cites, GroupsCommentsByLetterWithDepthAndLetterFields) {
  CitesArgs a = Args("ASC 810-10-50");
  a.common.format = "json";
  Output r = RunCommand(RunCites, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["ids"], Json::array({"ASC 810-10-50"}));
  EXPECT_EQ(j["letters_total"], 3);
  EXPECT_EQ(j["comments_total"], 5);
  ASSERT_EQ(j["letters"].size(), 3u);
  const Json& l1 = j["letters"][2];
  EXPECT_EQ(l1["accession"], "0000000001-13-000001");
  EXPECT_EQ(l1["date"], "2013-10-29");
  EXPECT_EQ(l1["company"], "21Vianet Group, Inc.");
  EXPECT_EQ(l1["kind"], "staff");
  EXPECT_EQ(l1["reviewed"][0], "Form 20-F for the Fiscal Year Ended December 31, 2012");
  EXPECT_EQ(l1["forms"], Json::array({"20-f"}));
  EXPECT_EQ(l1["source"], "/letters/L1/filename1.txt");
  EXPECT_EQ(l1["depth"], 3);  // 2AA(d), 3(bb), 5A(d)
  ASSERT_EQ(l1["comments"].size(), 2u);
  const Json& c1 = l1["comments"][0];
  EXPECT_EQ(c1["comment"], 1);
  EXPECT_EQ(c1["headings"][1], "Note 1. Organization, page F-14");
  ASSERT_EQ(c1["citations"].size(), 2u);
  EXPECT_EQ(c1["citations"][0]["id"], "ASC 810-10-50-2AA(d)");
  EXPECT_EQ(c1["citations"][0]["text"], "paragraphs 2AA.d and 3.bb of ASC 810-10-50");
  EXPECT_EQ(c1["citations"][1]["id"], "ASC 810-10-50-3(bb)");
  // The snippet holds the citation as written, highlighted.
  std::string snippet = c1["snippet"];
  ASSERT_EQ(c1["highlights"].size(), 1u);
  size_t a0 = c1["highlights"][0][0], a1 = c1["highlights"][0][1];
  EXPECT_EQ(snippet.substr(a0, a1 - a0), "paragraphs 2AA.d and 3.bb of ASC 810-10-50");
  EXPECT_NE(snippet.find("We refer you to"), std::string::npos);
  // A letter that cites the section twice in one comment has depth 2.
  EXPECT_EQ(j["letters"][0]["depth"], 2);
}

TEST(Cites, OnlyTheMatchingCitationsOfAComment) {
  CitesArgs a = Args("ASC 810-10-50-5A");
  Output r = RunCommand(RunCites, a);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  Json l5 = Json::parse(line);
  ASSERT_EQ(l5["citations"].size(), 1u);  // not its ASC 810-10-50 (an ancestor)
  EXPECT_EQ(l5["citations"][0]["id"], "ASC 810-10-50-5A");
  EXPECT_EQ(l5["citations"][0]["text"], "paragraph 5A of ASC 810-10-50");
}

struct SortCase {
  std::string sort;
  std::vector<std::string> letters;
};

void PrintTo(const SortCase& c, std::ostream* os) { *os << "--sort " << c.sort; }

class CitesSort : public ::testing::TestWithParam<SortCase> {};

TEST_P(CitesSort, OrdersLetters) {
  CitesArgs a = Args("ASC 810-10-50");
  a.list.sort = GetParam().sort;
  a.common.format = "json";
  Output r = RunCommand(RunCites, a);
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> got;
  Json j = Json::parse(r.out);
  for (const Json& l : j["letters"]) got.push_back(NameOfLetter(l["letter"]));
  EXPECT_EQ(got, GetParam().letters);
}

// date: newest first. depth: most mentions (L1 3; L5 and L6 2, then newest). relevance: how
// close and how often (L6: the section itself twice; L5: itself and one level below; L1:
// three mentions two levels below).
INSTANTIATE_TEST_SUITE_P(Fixture, CitesSort,
                         ::testing::Values(SortCase{"date", {"L5", "L6", "L1"}},
                                           SortCase{"depth", {"L1", "L5", "L6"}},
                                           SortCase{"relevance", {"L6", "L5", "L1"}}),
                         [](const auto& info) { return info.param.sort; });

struct FilterCase {
  std::string name;
  std::string citation;
  query::Filters filters;
  std::string listed;
};

void PrintTo(const FilterCase& c, std::ostream* os) { *os << c.name; }

class CitesFilter : public ::testing::TestWithParam<FilterCase> {};

TEST_P(CitesFilter, RestrictsTheLetters) {
  CitesArgs a = Args(GetParam().citation);
  a.list.filters = GetParam().filters;
  Output r = RunCommand(RunCites, a);
  EXPECT_EQ(Listed(r.out), GetParam().listed) << r.err;
  EXPECT_EQ(r.status, GetParam().listed.empty() ? 1 : 0);
  if (GetParam().listed.empty()) {
    EXPECT_NE(r.err.find("with these filters"), std::string::npos) << r.err;
  }
}

query::Filters From(std::string from, std::string to = "") {
  query::Filters f;
  f.from = std::move(from);
  f.to = std::move(to);
  return f;
}
query::Filters Company(std::string c) {
  query::Filters f;
  f.companies = {std::move(c)};
  return f;
}
query::Filters Cik(std::string c) {
  query::Filters f;
  f.ciks = {std::move(c)};
  return f;
}
query::Filters Kind(std::string k) {
  query::Filters f;
  f.kind = std::move(k);
  return f;
}
query::Filters Form(std::vector<std::string> forms) {
  query::Filters f;
  f.forms = std::move(forms);
  return f;
}

const FilterCase kFilters[] = {
    {"FromYear", "ASC 810", From("2015"), "L5#2 L3#1 L6#1 L6#2"},
    {"ToYear", "ASC 810", From("", "2015"), "L6#1 L6#2 L1#1 L1#2"},
    {"DayRange", "ASC 810", From("2015-02-11", "2016-05-10"), "L3#1 L6#1 L6#2"},
    {"MonthRange", "ASC 810", From("2016-05", "2016-05"), "L3#1"},
    {"Company", "ASC 810", Company("acme"), "L3#1"},
    {"CompanyWords", "ASC 350", Company("21Vianet Group"), "L2#2"},
    {"CompanyNone", "ASC 810", Company("nosuch"), ""},
    {"CikPaddedInIndex", "ASC 810", Cik("320193"), "L3#1"},
    {"CikPaddedInQuery", "ASC 810", Cik("0001508475"), "L1#1 L1#2"},
    {"KindResponse", "ASC 810", Kind("response"), "L3#1 L6#1 L6#2"},
    {"KindStaff", "ASC 810-10-50", Kind("staff"), "L5#2 L1#1 L1#2"},
    {"Form20F", "ASC 810", Form({"20-F"}), "L6#1 L6#2 L1#1 L1#2"},
    {"FormWord", "ASC 810", Form({"Form 10-K"}), "L5#2 L3#1"},
    {"FormsAny", "ASC 350", Form({"10-K", "20-F"}), "L4#1 L2#2 L3#1"},
};

INSTANTIATE_TEST_SUITE_P(Fixture, CitesFilter, ::testing::ValuesIn(kFilters),
                         [](const auto& info) { return info.param.name; });

TEST(Cites, LimitCountsAllLetters) {
  CitesArgs a = Args("ASC 810");
  a.list.limit = 2;
  a.common.format = "json";
  Output r = RunCommand(RunCites, a);
  ASSERT_EQ(r.status, 0);
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["letters"].size(), 2u);
  EXPECT_EQ(j["letters_total"], 4);
  EXPECT_EQ(j["comments_total"], 6);
  EXPECT_EQ(NameOfLetter(j["letters"][0]["letter"]), "L5");
  EXPECT_EQ(j["letters"][0]["comments"].size(), 1u);  // its comments come along
}

TEST(Cites, FamilyPicksTheReading) {
  CitesArgs a = Args("ASC 810");
  a.family = "sk";
  Output r = RunCommand(RunCites, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a citation of family sk"), std::string::npos) << r.err;
  a.family = "asc";
  EXPECT_EQ(RunCommand(RunCites, a).status, 0);
}

struct ErrorCase {
  std::string name;
  std::string citation;
  int status;
  std::vector<std::string> said;  // substrings of stderr
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.citation; }

class CitesErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CitesErrors, SayWhatIsWrongAndSuggest) {
  Output r = RunCommand(RunCites, Args(GetParam().citation));
  EXPECT_EQ(r.status, GetParam().status) << r.err;
  EXPECT_EQ(r.out, "");
  for (const std::string& s : GetParam().said) EXPECT_NE(r.err.find(s), std::string::npos) << s << " in " << r.err;
}

const ErrorCase kErrors[] = {
    {"NotACitation", "goodwill", 2, {"'goodwill' cannot be read as one citation", "\"ASC 810-10-50\""}},
    {"Empty", "  ", 2, {"no citation given"}},
    {"UnknownTopic", "ASC 999", 2, {"ASC 999 is not a catalogued id and no letter cites it", "did you mean:", "ASC 995"}},
    {"BareReleaseNumber", "33-8350", 2, {"did you mean:", "Release 33-8350"}},
    {"AmbiguousItem", "Item 7", 2, {"did you mean:", "Form 10-K Item 7", "Form 20-F Item 7"}},
    {"UncitedParagraph", "ASC 810-10-50-5B", 1,
     {"no letter cites ASC 810-10-50-5B", "cited nearby:", "ASC 810-10-50 (5 comments)", "ASC 810-10-50-5A (2 comments)"}},
};

INSTANTIATE_TEST_SUITE_P(Fixture, CitesErrors, ::testing::ValuesIn(kErrors),
                         [](const auto& info) { return info.param.name; });

TEST(Cites, BadOptionsAreErrors) {
  CitesArgs a = Args("ASC 810");
  a.list.filters.from = "last year";
  Output r = RunCommand(RunCites, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--from last year"), std::string::npos) << r.err;

  a = Args("ASC 810");
  a.common.dbs = {SharedIndex() + "-missing"};
  r = RunCommand(RunCites, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no index at"), std::string::npos) << r.err;

  a = Args("ASC 810");
  a.common.format = "xml";
  EXPECT_EQ(RunCommand(RunCites, a).status, 2);
}

TEST(Cites, ExplainPrintsTheXapianQuery) {
  CitesArgs a = Args("ASC 810-10-50");
  a.common.explain = true;
  a.list.filters.kind = "staff";
  Output r = RunCommand(RunCites, a);
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("query: Query((XCasc 810-10-50 FILTER XKstaff))"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace secxref::query_test

namespace secxref::query_test {
namespace {

// A page of letters newest first is chosen a year at a time; the page must be the same as
// sorting every match, across years, and undated letters come last.
TEST(CitesPage, NewestFirstAcrossYearsThenUndated) {
  TempDir tmp;
  std::vector<LetterFixture> letters;
  const char* dates[] = {"2019-05-01", "", "2021-01-02", "2019-12-30", "2020-07-07", "", "2018-03-03"};
  for (int i = 0; i < 7; ++i) {
    LetterFixture f;
    f.name = "P" + std::to_string(i);
    f.accession = "0000000002-20-00000" + std::to_string(i);
    f.company = "Page Co " + std::to_string(i);
    f.date = dates[i];
    f.comments = {{1, {}, "See [[asc|ASC 606-10-25-1|ASC 606-10-25-1]] twice: [[asc|ASC 606-10-25-1|ASC 606-10-25-1]]."}};
    letters.push_back(f);
  }
  WriteIndex(tmp / "db", letters);
  auto page = [&](long limit) {
    query::CitesArgs a;
    a.citation = "ASC 606";
    a.common.dbs = {tmp / "db"};
    a.common.format = "json";
    a.list.limit = limit;
    Output r = RunCommand(query::RunCites, a);
    EXPECT_EQ(r.status, 0) << r.err;
    Json j = Json::parse(r.out);
    std::string s;
    for (const Json& l : j["letters"]) s += l["accession"].get<std::string>().back();
    EXPECT_EQ(j["letters_total"], 7);
    EXPECT_EQ(j["comments_total"], 7);
    return s;
  };
  EXPECT_EQ(page(0), "2430615");  // all: 2021, 2020, 2019-12, 2019-05, 2018, undated by key
  EXPECT_EQ(page(1), "2");
  EXPECT_EQ(page(3), "243");
  EXPECT_EQ(page(5), "24306");
  EXPECT_EQ(page(6), "243061");
}

// A year dense with matches is walked a month at a time (the XM terms); the page must still be
// the same as sorting every match: months newest first, same-day letters in key order, letters
// of a sparse year, then the undated. An index whose documents of a year lack month terms
// (written before schema 3, or a shard of such an index) walks that year whole instead.
TEST(CitesPage, NewestFirstMonthByMonthInADenseYear) {
  TempDir tmp;
  const std::vector<std::string> dates = {
      "2021-03-04", "2021-11-30", "2021-11-02", "2020-06-01", "2021-03-04", "",
      "2021-01-31", "2021-11-30", "2020-12-31", "2021-07-15", "2019-02-02", "2021-12-01"};
  std::vector<LetterFixture> letters;
  for (size_t i = 0; i < dates.size(); ++i) {
    LetterFixture f;
    f.name = "M" + std::to_string(i);
    f.accession = "0000000003-21-0000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    f.company = "Month Co " + std::to_string(i);
    f.date = dates[i];
    f.comments = {{1, {}, "See [[asc|ASC 606-10-25-1|ASC 606-10-25-1]]."},
                  {2, {}, "Also [[asc|ASC 606-10-32-2|ASC 606-10-32-2]]."}};
    letters.push_back(f);
  }
  WriteIndex(tmp / "db", letters);
  // Through ListCiting (the XD terms: an id's matches of one year) and through List alone
  // (the id's XC terms filtered by the year's XY term).
  auto page = [&](const Xapian::Database& db, size_t limit, Xapian::doccount dense_year,
                  bool by_cite_year = true, const query::Filters& filters = {}) {
    const std::vector<query::CitationTarget> targets =
        query::ParseCitationArg("ASC 606", std::nullopt, &db).targets;
    query::ListOptions options{query::SortOrder::kDate, limit, false};
    options.dense_year = dense_year;
    query::ResultSet rs;
    if (by_cite_year) {
      rs = query::ListCiting(db, targets, false, filters, options);
    } else {
      Xapian::Query q = query::ApplyFilters(query::CitationQuery(targets, false), filters);
      rs = query::Searcher(db).List(q, query::CitationMatcher(q), options);
    }
    if (filters.from.empty()) {
      EXPECT_EQ(rs.letters_total, dates.size());
    }
    std::string s;
    for (const query::LetterHit& l : rs.letters) {
      s += l.letter.accession->substr(l.letter.accession->size() - 2) + " ";
      EXPECT_EQ(l.comments.size(), 2u) << *l.letter.accession;
    }
    return s;
  };
  const std::string all = "11 01 07 02 09 00 04 06 08 03 10 05 ";
  {
    Xapian::Database db(tmp / "db");
    EXPECT_TRUE(db.term_exists(schema::CiteYearTerm("2021", "asc 606")));
    EXPECT_EQ(page(db, 0, 1), all);
    for (size_t limit = 1; limit < dates.size(); ++limit) {
      for (Xapian::doccount dense : {1u, 2u, 3u, 5u, 1000u}) {
        EXPECT_EQ(page(db, limit, dense), all.substr(0, 3 * limit)) << "limit " << limit << " dense " << dense;
        EXPECT_EQ(page(db, limit, dense, false), all.substr(0, 3 * limit)) << "limit " << limit << " dense " << dense;
      }
    }
    query::Filters since;
    since.from = "2021-03";
    const std::string filtered = page(db, 0, 1, true, since);
    EXPECT_EQ(filtered, "11 01 07 02 09 00 04 ");
    for (size_t limit = 1; limit < 7; ++limit)
      EXPECT_EQ(page(db, limit, 1, true, since), filtered.substr(0, 3 * limit)) << "limit " << limit;
  }
  {
    // The 2021 letters without their month terms or cites by year, as an older index holds
    // them.
    Xapian::WritableDatabase w(tmp / "db", Xapian::DB_OPEN);
    for (Xapian::PostingIterator p = w.postlist_begin("XY2021"); p != w.postlist_end("XY2021"); ++p) {
      Xapian::Document doc = w.get_document(*p);
      std::vector<std::string> newer;
      for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind("XM", 0) == 0 || (*t).rfind("XD", 0) == 0) newer.push_back(*t);
      for (const std::string& t : newer) doc.remove_term(t);
      w.replace_document(*p, doc);
    }
    w.commit();
  }
  Xapian::Database db(tmp / "db");
  EXPECT_FALSE(db.term_exists("XM202111"));
  EXPECT_FALSE(db.term_exists(schema::CiteYearTerm("2021", "asc 606")));
  EXPECT_TRUE(db.term_exists("XM202006"));
  for (size_t limit = 1; limit < dates.size(); ++limit) {
    EXPECT_EQ(page(db, limit, 1), all.substr(0, 3 * limit)) << "limit " << limit;
    EXPECT_EQ(page(db, limit, 1, false), all.substr(0, 3 * limit)) << "limit " << limit;
  }
}

}  // namespace
}  // namespace secxref::query_test

namespace secxref::query_test {
namespace {

// An id copied from secxref's own output always works, even where the grammar would read the
// words differently.
TEST(Cites, AnIdAsTheIndexHoldsIt) {
  TempDir tmp;
  LetterFixture f;
  f.name = "Q1";
  f.accession = "0000000004-20-000001";
  f.company = "Quarterly Co";
  f.date = "2020-05-05";
  f.comments = {{1, {}, "Revise [[form|Form 10-Q Part I Item 2|Item 2 of Part I of Form 10-Q]] to discuss it."}};
  WriteIndex(tmp / "db", {f});
  query::CitesArgs a;
  a.citation = "Form 10-Q Part I Item 2";
  a.common.dbs = {tmp / "db"};
  a.common.format = "jsonl";
  Output r = RunCommand(query::RunCites, a);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["citations"][0]["id"], "Form 10-Q Part I Item 2");
}

}  // namespace
}  // namespace secxref::query_test
