// `search`: the QueryParser over the schema's fields (cite:, exact:, date:, company:, form:,
// kind:...), phrases, stemming, --explain and the re-parse warning, and the result shapes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "query/commands.h"
#include "query/search_parser.h"
#include "tests/query/query_fixture.h"

namespace secxref::query_test {
namespace {

using Json = nlohmann::json;
using query::RunSearch;
using query::SearchArgs;

SearchArgs Args(const std::string& q) {
  SearchArgs a;
  a.query = q;
  a.common.dbs = {SharedIndex()};
  a.common.format = "jsonl";
  a.list.sort = "date";
  return a;
}


struct SearchCase {
  std::string name;
  std::string query;
  std::string listed;  // by date, newest letter first
};

void PrintTo(const SearchCase& c, std::ostream* os) { *os << c.query; }

class Search : public ::testing::TestWithParam<SearchCase> {};

TEST_P(Search, Finds) {
  Output r = RunCommand(RunSearch, Args(GetParam().query));
  EXPECT_EQ(Listed(r.out), GetParam().listed) << r.err;
  EXPECT_EQ(r.status, GetParam().listed.empty() ? 1 : 0) << r.err;
}

const SearchCase kSearches[] = {
    {"Word", "goodwill", "L5#1 L4#1 L2#2 L3#1"},
    {"Stemmed", "impairments", "L5#1 L4#1 L2#2 L3#1"},
    {"Phrase", "\"reporting unit\"", "L5#1 L4#1 L2#2 L3#1"},
    {"PhraseNotWords", "\"unit reporting\"", ""},
    {"TwoWordsAllMustMatch", "goodwill capitalization", "L2#2"},
    {"Or", "bargain OR EBITDA", "L4#2 L1#3"},
    {"Not", "goodwill NOT impairment", ""},
    {"CiteField", "cite:\"ASC 350-20\"", "L4#1 L2#2 L3#1"},
    {"CitesField", "cites:\"ASC 350-20\"", "L4#1 L2#2 L3#1"},
    {"CiteAndWords", "goodwill AND cite:\"ASC 350-20\" AND date:2015..2017", "L2#2 L3#1"},
    {"IssueExample", "goodwill AND cite:\"ASC 350-20\" AND date:2015..2020", "L4#1 L2#2 L3#1"},
    {"CiteLenient", "cite:810-10-50", "L5#2 L6#1 L6#2 L1#1 L1#2"},
    {"CiteGrammarReading", "cite:\"Item 5.D of Form 20-F\"", "L2#1"},
    {"ExactField", "exact:\"ASC 810\"", "L3#1"},
    {"CiteOrCite", "cite:\"ASC 606\" OR cite:\"ASC 805\"", "L3#2 L1#3"},
    {"CiteAndCite", "cite:\"ASC 350\" cite:\"S-K Item 303\"", "L4#1"},
    {"DateYears", "cite:\"ASC 810\" date:2014..2016", "L3#1 L6#1 L6#2"},
    {"DateFullIso", "cite:\"ASC 810\" date:2016-05-10..2021-08-20", "L5#2 L3#1"},
    {"DateUsSlashes", "cite:\"ASC 810\" date:5/10/2016..", "L5#2 L3#1"},
    {"DateOpenEnd", "cite:\"ASC 810\" date:..2014", "L1#1 L1#2"},
    {"DateOneYear", "cite:\"ASC 810\" date:2015", "L6#1 L6#2"},
    {"Company", "company:acme", "L3#1 L3#2"},
    {"CompanyAndWord", "company:21vianet goodwill", "L2#2"},
    {"FormUpperCase", "goodwill form:10-K", "L5#1 L4#1 L3#1"},
    {"FormQuoted", "goodwill form:\"Form 20-F\"", "L2#2"},
    {"Kind", "goodwill kind:response", "L3#1"},
    {"Family", "family:cdi", "L4#2"},
    {"Cik", "cik:320193 revenue", "L3#2"},
    {"Accession", "accession:000000000117000002", "L2#1 L2#2"},
    {"Year", "year:2013 vie", "L1#1 L1#2"},
    {"Heading", "heading:acquisitions", "L1#3 L1#4"},
    {"OutsideComments", "cite:\"SAB Topic 5.Y\"", "L4#-"},
};

INSTANTIATE_TEST_SUITE_P(Fixture, Search, ::testing::ValuesIn(kSearches),
                         [](const auto& info) { return info.param.name; });

TEST(Search, JsonlCarriesTheDocumentedFields) {
  Output r = RunCommand(RunSearch, Args("goodwill AND cite:\"ASC 350-20\""));
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    Json o = Json::parse(line);
    for (const char* f : {"accession", "source", "date", "company", "kind", "comment", "headings", "citations",
                          "snippet", "highlights", "letter", "depth", "weight"})
      EXPECT_TRUE(o.contains(f)) << f << " in " << line;
    ASSERT_EQ(o["citations"].size(), 1u) << line;
    EXPECT_EQ(o["citations"][0]["id"].get<std::string>().rfind("ASC 350-20", 0), 0u);
    EXPECT_GT(o["weight"].get<double>(), 0);
    // The citation and the word are both highlighted in the snippet.
    std::string snippet = o["snippet"];
    std::vector<std::string> marked;
    for (const Json& h : o["highlights"]) marked.push_back(snippet.substr(h[0], h[1].get<size_t>() - h[0].get<size_t>()));
    EXPECT_NE(std::find(marked.begin(), marked.end(), o["citations"][0]["text"]), marked.end()) << line;
    EXPECT_NE(std::find(marked.begin(), marked.end(), "goodwill"), marked.end()) << line;
    ++n;
  }
  EXPECT_EQ(n, 3);
}

TEST(Search, WordsOnlySnippetIsXapiansWithTheWordHighlighted) {
  Output r = RunCommand(RunSearch, Args("bargain"));
  ASSERT_EQ(r.status, 0) << r.err;
  Json o = Json::parse(r.out);
  std::string snippet = o["snippet"];
  ASSERT_EQ(o["highlights"].size(), 1u) << r.out;
  EXPECT_EQ(snippet.substr(o["highlights"][0][0], 7), "bargain");
  EXPECT_EQ(o["citations"].size(), 0u);  // the query asked for no citation
}

TEST(Search, RelevanceIsTheDefaultSort) {
  SearchArgs a = Args("goodwill impairment");
  a.list.sort = "";
  a.common.format = "json";
  Output r = RunCommand(RunSearch, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  double last = 1e9;
  for (const Json& l : j["letters"]) {
    EXPECT_LE(l["score"].get<double>(), last);
    last = l["score"];
  }
}

TEST(Search, ExplainShowsTheParsedQuery) {
  SearchArgs a = Args("goodwill AND cite:\"ASC 350-20\" AND date:2015..2020");
  a.common.explain = true;
  Output r = RunCommand(RunSearch, a);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("parsed: Query("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("XCasc 350-20"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("VALUE_RANGE 0 20150101 20201231"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("goodwil"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
}

TEST(Search, WarnsWhenXapianReadPlainWords) {
  // A query of exclusions only is a syntax error that Xapian answers by re-parsing it as
  // plain words: the comments WITH both words. Say so.
  Output r = RunCommand(RunSearch, Args("-goodwill -impairment"));
  EXPECT_NE(r.err.find("warning: Xapian read '-goodwill -impairment' as plain words"), std::string::npos) << r.err;
  r = RunCommand(RunSearch, Args("goodwill AND impairment"));
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  // A syntax error Xapian does not rescue is an error.
  r = RunCommand(RunSearch, Args("goodwill AND"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot parse the query: Syntax: <expression> AND <expression>"), std::string::npos) << r.err;
}

TEST(Search, ErrorsInFieldsAreClear) {
  Output r = RunCommand(RunSearch, Args("cite:nonsense goodwill"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cite:'nonsense' cannot be read as one citation"), std::string::npos) << r.err;
  r = RunCommand(RunSearch, Args("kind:lawyer"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("kind is staff, response or unknown"), std::string::npos) << r.err;
  r = RunCommand(RunSearch, Args("date:yesterday goodwill"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("date:"), std::string::npos) << r.err;
}

TEST(Search, FiltersApplyToo) {
  SearchArgs a = Args("goodwill");
  a.list.filters.kind = "staff";
  a.list.filters.from = "2018";
  EXPECT_EQ(Listed(RunCommand(RunSearch, a).out), "L5#1 L4#1");
  a.list.filters.families = {"sk"};
  EXPECT_EQ(Listed(RunCommand(RunSearch, a).out), "L4#1");
}

struct DateCase {
  std::string text, low, high;
};

class DateBoundsTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateBoundsTest, Reads) {
  std::string low, high;
  bool ok = query::DateBounds(GetParam().text, &low, &high);
  EXPECT_EQ(ok, !GetParam().low.empty());
  if (ok) {
    EXPECT_EQ(low, GetParam().low);
    EXPECT_EQ(high, GetParam().high);
  }
}

INSTANTIATE_TEST_SUITE_P(Forms, DateBoundsTest,
                         ::testing::Values(DateCase{"2015", "20150101", "20151231"},
                                           DateCase{"2015-06", "20150601", "20150631"},
                                           DateCase{"2015-06-30", "20150630", "20150630"},
                                           DateCase{"2015/06/30", "20150630", "20150630"},
                                           DateCase{"2015-13", "", ""}, DateCase{"15", "", ""},
                                           DateCase{"June 2015", "", ""}));

}  // namespace
}  // namespace secxref::query_test
