// show, similar and stats over the fixture index.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "query/commands.h"
#include "query/stats.h"
#include "tests/query/query_fixture.h"

namespace secxref::query_test {
namespace {

using Json = nlohmann::json;

template <typename A>
A WithDb(A a, const std::string& format = "json") {
  a.common.dbs = {SharedIndex()};
  a.common.format = format;
  return a;
}

// --- show ---------------------------------------------------------------------------------

TEST(Show, ALetterWithEveryCommentAndCitation) {
  query::ShowArgs a = WithDb(query::ShowArgs{});
  a.target = "0000000001-13-000001";
  Output r = RunCommand(query::RunShow, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["company"], "21Vianet Group, Inc.");
  ASSERT_EQ(j[0]["comments"].size(), 5u);  // the outside text and comments 1-4
  EXPECT_TRUE(j[0]["comments"][0]["comment"].is_null());
  const Json& c1 = j[0]["comments"][1];
  EXPECT_EQ(c1["comment"], 1);
  ASSERT_EQ(c1["citations"].size(), 2u);
  std::string text = c1["text"];
  size_t s = c1["citations"][0]["start"], e = c1["citations"][0]["end"];
  EXPECT_EQ(text.substr(s, e - s), "paragraphs 2AA.d and 3.bb of ASC 810-10-50");
  EXPECT_EQ(c1["citations"][0]["how"], "list");
}

TEST(Show, OneCommentWithItsCitationsMarked) {
  query::ShowArgs a = WithDb(query::ShowArgs{}, "table");
  a.target = "000000000113000001#2";  // undashed accession works too
  Output r = RunCommand(query::RunShow, a);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("21Vianet Group, Inc."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2.  Notes to the Consolidated Financial Statements > Note 1. Organization, page F-14"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[[Paragraph 5A.d of ASC 810-10-50]] requires disclosure"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cites: ASC 810-10-50-5A(d)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("bargain purchase"), std::string::npos) << "only comment 2: " << r.out;
}

TEST(Show, ColourMarksInsteadOfBrackets) {
  query::ShowArgs a = WithDb(query::ShowArgs{}, "table");
  a.target = "0000000001-13-000001#2";
  a.common.color = "always";
  Output r = RunCommand(query::RunShow, a);
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("\x1b[1;33mParagraph 5A.d of ASC 810-10-50\x1b[0m"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[["), std::string::npos);
}

TEST(Show, ByLetterKeyForLettersWithoutAccession) {
  query::CitesArgs c = WithDb(query::CitesArgs{});
  c.citation = "ASC 810-10-50-5A";
  Json j = Json::parse(RunCommand(query::RunCites, c).out);
  std::string key = j["letters"][0]["letter"];  // L5 has no accession
  ASSERT_EQ(key.rfind("sha:", 0), 0u);
  query::ShowArgs a = WithDb(query::ShowArgs{}, "jsonl");
  a.target = key + "#1";
  Output r = RunCommand(query::RunShow, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json o = Json::parse(r.out);
  EXPECT_EQ(o["company"], "Gamma Bank");
  EXPECT_EQ(o["comment"], 1);
}

TEST(Show, UnknownTargetsAreErrors) {
  query::ShowArgs a = WithDb(query::ShowArgs{}, "table");
  a.target = "0000000009-99-999999";
  Output r = RunCommand(query::RunShow, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no letter '0000000009-99-999999' in the index"), std::string::npos) << r.err;
  a.target = "0000000001-13-000001#9";
  r = RunCommand(query::RunShow, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("has no comment 9"), std::string::npos) << r.err;
}

// --- similar ------------------------------------------------------------------------------

TEST(Similar, OtherLettersOnlyMostAlikeFirst) {
  query::SimilarArgs a = WithDb(query::SimilarArgs{});
  a.options.target = "0000000001-19-000004#1";  // L4's goodwill / reporting unit comment
  Output r = RunCommand(query::RunSimilar, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_GE(j["letters"].size(), 3u);
  std::vector<std::string> names;
  for (const Json& l : j["letters"]) {
    names.push_back(NameOfLetter(l["letter"]));
    EXPECT_NE(names.back(), "L4") << "the same letter is excluded";
    ASSERT_EQ(l["comments"].size(), 1u);
    EXPECT_FALSE(l["comments"][0]["comment"].is_null()) << "numbered comments only";
  }
  // The goodwill comments of other letters come before anything else.
  std::vector<std::string> top(names.begin(), names.begin() + 3);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<std::string>{"L2", "L3", "L5"}));
  // L2#2 cites ASC 350-20-35-3C, a sibling of L4's ASC 350-20-35-30: it shares the parent
  // section and outranks L5#1, which shares only words.
  auto pos = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  EXPECT_LT(pos("L2"), pos("L5"));
}

TEST(Similar, FreeText) {
  query::SimilarArgs a = WithDb(query::SimilarArgs{});
  a.options.text = "Explain the variable interest entity disclosure of the VIE under ASC 810-10-50.";
  Output r = RunCommand(query::RunSimilar, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_FALSE(j["letters"].empty());
  std::string first = NameOfLetter(j["letters"][0]["letter"]);
  EXPECT_TRUE(first == "L5" || first == "L1" || first == "L6") << first;
  EXPECT_EQ(j["ids"], Json::array({"ASC 810-10-50"}));
}

TEST(Similar, NeedsOneComment) {
  query::SimilarArgs a = WithDb(query::SimilarArgs{});
  a.options.target = "0000000001-19-000004";
  Output r = RunCommand(query::RunSimilar, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("similar needs one comment"), std::string::npos) << r.err;
  a.options.text = "goodwill";
  r = RunCommand(query::RunSimilar, a);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("one of them"), std::string::npos) << r.err;
}

// --- stats --------------------------------------------------------------------------------

struct StatsCase {
  std::string name;
  std::string query;
  std::string level;
  std::string family;
  // id -> {comments, letters}
  std::vector<std::tuple<std::string, int, int>> top;
};

void PrintTo(const StatsCase& c, std::ostream* os) { *os << c.name; }

class Stats : public ::testing::TestWithParam<StatsCase> {};

TEST_P(Stats, CountsCitingCommentsAndLetters) {
  query::StatsArgs a = WithDb(query::StatsArgs{});
  a.query = GetParam().query;
  a.level = GetParam().level;
  a.family = GetParam().family;
  Output r = RunCommand(query::RunStats, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_GE(j["ids"].size(), GetParam().top.size()) << r.out;
  for (size_t i = 0; i < GetParam().top.size(); ++i) {
    const auto& [id, comments, letters] = GetParam().top[i];
    EXPECT_EQ(j["ids"][i]["id"], id) << r.out;
    EXPECT_EQ(j["ids"][i]["comments"], comments) << id;
    EXPECT_EQ(j["ids"][i]["letters"], letters) << id;
    EXPECT_EQ(j["ids"][i]["rank"], i + 1);
  }
}

const StatsCase kStats[] = {
    // ASC 810: L1#1, L1#2, L3#1, L5#2, L6#1, L6#2. ASC 350: L2#2, L3#1, L4#1.
    {"Topics", "", "topic", "", {{"ASC 810", 6, 4}, {"ASC 350", 3, 3}}},
    {"Sections", "", "section", "asc", {{"ASC 810-10-50", 5, 3}, {"ASC 350-20-35", 2, 2}}},
    {"Full", "", "full", "asc", {{"ASC 810-10-50", 3, 2}}},
    {"Releases", "", "topic", "release", {{"Release 33-8350", 1, 1}}},
    {"SkTopicIsTheItem", "", "topic", "sk", {{"S-K Item 303", 1, 1}}},
        // Word queries look in numbered comments only, as search does.
    {"OfAQuery", "goodwill", "topic", "", {{"ASC 350", 3, 3}, {"ASC 810", 1, 1}, {"S-K Item 303", 1, 1}}},
};

INSTANTIATE_TEST_SUITE_P(Fixture, Stats, ::testing::ValuesIn(kStats),
                         [](const auto& info) { return info.param.name; });

TEST(Stats, ByYearAndTitles) {
  query::StatsArgs a = WithDb(query::StatsArgs{});
  a.by_year = true;
  a.family = "asc";
  Output r = RunCommand(query::RunStats, a);
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  const Json& asc810 = j["ids"][0];
  EXPECT_EQ(asc810["id"], "ASC 810");
  EXPECT_EQ(asc810["title"], "Consolidation");
  EXPECT_EQ(asc810["by_year"]["2013"]["comments"], 2);
  EXPECT_EQ(asc810["by_year"]["2015"]["comments"], 2);
  EXPECT_EQ(asc810["by_year"]["2016"]["letters"], 1);
  EXPECT_EQ(asc810["by_year"]["2021"]["comments"], 1);
  EXPECT_FALSE(asc810["by_year"].contains("2017"));
}

TEST(Stats, SvgChartOfTheTrend) {
  TempDir tmp;
  query::StatsArgs a = WithDb(query::StatsArgs{}, "table");
  a.family = "asc";
  a.svg = tmp / "trend.svg";
  Output r = RunCommand(query::RunStats, a);
  ASSERT_EQ(r.status, 0) << r.err;
  pugi::xml_document svg;
  ASSERT_TRUE(svg.load_file(a.svg.c_str())) << "well-formed XML";
  pugi::xml_node root = svg.child("svg");
  ASSERT_TRUE(root);
  std::vector<std::string> series;
  for (pugi::xml_node g : root.children("g")) {
    series.push_back(g.attribute("data-id").value());
    // One point per year from 2013 to 2021.
    std::string points = g.child("polyline").attribute("points").value();
    EXPECT_EQ(std::count(points.begin(), points.end(), ','), 6) << points;  // 2013 2015 2016 2017 2019 2021
  }
  ASSERT_GE(series.size(), 2u);
  EXPECT_EQ(series[0], "ASC 810");
  EXPECT_EQ(series[1], "ASC 350");
  bool year_label = false;
  for (pugi::xml_node t : root.children("text")) year_label |= std::string(t.text().get()) == "2013";
  EXPECT_TRUE(year_label);
}

TEST(Stats, TableAndCsv) {
  query::StatsArgs a = WithDb(query::StatsArgs{}, "table");
  Output r = RunCommand(query::RunStats, a);
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("most-cited ids (topic level) in 14 comments of 6 letters"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Consolidation"), std::string::npos) << r.out;
  a.common.format = "csv";
  a.by_year = true;
  r = RunCommand(query::RunStats, a);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "rank,id,family,title,year,comments,letters\r");
  EXPECT_NE(r.out.find("1,ASC 810,asc,Consolidation,2013,2,1\r\n"), std::string::npos) << r.out;
}

TEST(Stats, IdAtLevel) {
  using query::IdAtLevel;
  using query::StatsLevel;
  EXPECT_EQ(IdAtLevel(Family::kAsc, "ASC 810-10-50-5A(d)", StatsLevel::kTopic), "ASC 810");
  EXPECT_EQ(IdAtLevel(Family::kAsc, "ASC 810-10-50-5A(d)", StatsLevel::kSubtopic), "ASC 810-10");
  EXPECT_EQ(IdAtLevel(Family::kAsc, "ASC 810-10-50-5A(d)", StatsLevel::kSection), "ASC 810-10-50");
  EXPECT_EQ(IdAtLevel(Family::kAsc, "ASC 810-10-50-5A(d)", StatsLevel::kFull), "ASC 810-10-50-5A(d)");
  EXPECT_EQ(IdAtLevel(Family::kAsc, "ASC 810", StatsLevel::kSection), "ASC 810");  // shallower stays
  EXPECT_EQ(IdAtLevel(Family::kSk, "S-K Item 303(b)(2)", StatsLevel::kTopic), "S-K Item 303");
  EXPECT_EQ(IdAtLevel(Family::kRelease, "Release 33-8350 Section III.B.3", StatsLevel::kSubtopic),
            "Release 33-8350 Section III");
}

}  // namespace
}  // namespace secxref::query_test

namespace secxref::query_test {
namespace {

TEST(Show, OutsideTextOnlyAroundItsCitationsUnlessFull) {
  TempDir tmp;
  LetterFixture f;
  f.name = "O1";
  f.accession = "0000000003-20-000001";
  f.company = "Outside Co";
  f.date = "2020-01-01";
  f.intro = "Mr. Jane Doe, Chief Financial Officer, 1 Main Street, Springfield. " + std::string(300, '.') +
            " In our review we considered [[sab|SAB Topic 5.Y|SAB Topic 5.Y]] disclosures. " + std::string(300, '.');
  f.comments = {{1, {}, "Tell us more."}};
  WriteIndex(tmp / "db", {f});
  query::ShowArgs a;
  a.common.dbs = {tmp / "db"};
  a.common.format = "table";
  a.target = "0000000003-20-000001";
  Output r = RunCommand(query::RunShow, a);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("(outside numbered comments)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[[SAB Topic 5.Y]]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Main Street"), std::string::npos) << "the address is far from the citation: " << r.out;
  a.full = true;
  r = RunCommand(query::RunShow, a);
  EXPECT_NE(r.out.find("Main Street"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace secxref::query_test
