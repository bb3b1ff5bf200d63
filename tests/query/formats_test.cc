// Output formats: json, jsonl and csv parse and carry the documented fields (docs/query.md);
// the table is aligned and colour-aware (NO_COLOR); snippets and wrapping.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "query/commands.h"
#include "query/database.h"
#include "query/output.h"
#include "query/snippet.h"
#include "tests/query/query_fixture.h"

namespace secxref::query_test {
namespace {

using Json = nlohmann::json;

query::CitesArgs Cites(const std::string& format, const std::string& citation = "ASC 810-10-50") {
  query::CitesArgs a;
  a.citation = citation;
  a.common.dbs = {SharedIndex()};
  a.common.format = format;
  return a;
}

// RFC 4180 records.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(Formats, JsonlOneObjectPerCommentWithTheContractFields) {
  Output r = RunCommand(query::RunCites, Cites("jsonl"));
  ASSERT_EQ(r.status, 0);
  std::istringstream in(r.out);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    Json o = Json::parse(line);
    for (const char* f : {"letter", "accession", "source", "member", "date", "company", "cik", "kind", "reviewed",
                          "forms", "file_numbers", "conversation", "comment", "tag", "headings", "citations",
                          "snippet", "highlights", "weight", "depth", "score"})
      EXPECT_TRUE(o.contains(f)) << f;
    EXPECT_TRUE(o["comment"].is_number_integer() || o["comment"].is_null());
    EXPECT_TRUE(o["headings"].is_array());
    ASSERT_FALSE(o["citations"].empty());
    for (const Json& c : o["citations"])
      for (const char* f : {"id", "family", "text", "start", "end"}) EXPECT_TRUE(c.contains(f)) << f;
  }
  EXPECT_EQ(lines, 5);
}

TEST(Formats, JsonIsOneDocument) {
  Output r = RunCommand(query::RunCites, Cites("json"));
  Json j = Json::parse(r.out);
  for (const char* f : {"command", "query", "ids", "titles", "description", "letters_total", "comments_total",
                        "totals_exact", "letters"})
    EXPECT_TRUE(j.contains(f)) << f;
  EXPECT_EQ(j["command"], "cites");
  EXPECT_EQ(j["query"], "ASC 810-10-50");
  EXPECT_TRUE(j["totals_exact"].get<bool>());
}

TEST(Formats, CsvHeaderAndQuotedFields) {
  Output r = RunCommand(query::RunCites, Cites("csv"));
  ASSERT_EQ(r.status, 0);
  auto rows = ParseCsv(r.out);
  ASSERT_EQ(rows.size(), 6u);  // header + 5 comments
  std::vector<std::string> header = {"date", "accession", "company", "kind", "forms", "comment", "headings",
                                     "citations", "citation_texts", "snippet", "depth", "letter", "source"};
  EXPECT_EQ(rows[0], header);
  const auto& l1c1 = rows[4];
  ASSERT_EQ(l1c1.size(), header.size());
  EXPECT_EQ(l1c1[0], "2013-10-29");
  EXPECT_EQ(l1c1[2], "21Vianet Group, Inc.");  // the comma survived quoting
  EXPECT_EQ(l1c1[5], "1");
  EXPECT_EQ(l1c1[6], "Notes to the Consolidated Financial Statements > Note 1. Organization, page F-14");
  EXPECT_EQ(l1c1[7], "ASC 810-10-50-2AA(d); ASC 810-10-50-3(bb)");
  EXPECT_EQ(l1c1[10], "3");
}

TEST(Formats, EmptyResultsStillParse) {
  Output r = RunCommand(query::RunCites, Cites("json", "ASC 842"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Json::parse(r.out)["letters"].size(), 0u);
  r = RunCommand(query::RunCites, Cites("jsonl", "ASC 842"));
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no letter cites ASC 842"), std::string::npos);
}

TEST(Formats, TableGroupsByLetterWithAlignedRows) {
  Output r = RunCommand(query::RunCites, Cites("table"));
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("ASC 810-10-50", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(": 3 letters, 5 comments\n"), std::string::npos) << r.out;
  // Letter rows: date, company, kind, forms, accession in aligned columns.
  std::vector<std::string> rows;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (line.size() > 10 && line[4] == '-' && line[7] == '-') rows.push_back(line);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  for (const std::string& row : rows) EXPECT_EQ(row.find("depth"), rows[0].find("depth")) << row;
  EXPECT_NE(r.out.find("  #1    Notes to the Consolidated Financial Statements > Note 1. Organization"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[[paragraphs 2AA.d and 3.bb of ASC 810-10-50]]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour off a terminal";
}

TEST(Formats, ColourOnATerminalUnlessNoColor) {
  unsetenv("NO_COLOR");
  setenv("TERM", "xterm", 1);
  EXPECT_TRUE(query::Style::For(true, -1, "auto").color);
  EXPECT_FALSE(query::Style::For(false, -1, "auto").color);
  EXPECT_TRUE(query::Style::For(false, -1, "always").color);
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(query::Style::For(true, -1, "auto").color);
  EXPECT_TRUE(query::Style::For(true, -1, "always").color);
  unsetenv("NO_COLOR");
  setenv("TERM", "dumb", 1);
  EXPECT_FALSE(query::Style::For(true, -1, "auto").color);
  EXPECT_THROW(query::Style::For(true, -1, "sometimes"), query::UsageError);
}

TEST(Snippet, CutsAroundTheCitationAtWordBoundaries) {
  std::string text(300, 'x');
  for (size_t i = 0; i < text.size(); i += 10) text[i] = ' ';
  text.replace(150, 13, "ASC 810-10-50");
  query::Snippet s = query::CutSnippet(text, {{150, 163}}, {}, 100);
  EXPECT_EQ(s.text.rfind("... ", 0), 0u) << s.text;
  EXPECT_EQ(s.text.substr(s.text.size() - 4), " ...");
  ASSERT_EQ(s.highlights.size(), 1u);
  EXPECT_EQ(s.text.substr(s.highlights[0].first, s.highlights[0].second - s.highlights[0].first), "ASC 810-10-50");
  EXPECT_LE(s.text.size(), 112u);
  EXPECT_EQ(s.text.find("  "), std::string::npos);
}

TEST(Snippet, CollapsesLineBreaksAndKeepsUtf8Whole) {
  std::string text = "Refer to\n\nASC 810-10-50\u2014consolidation \u00e9l\u00e8ve";
  query::Snippet s = query::CutSnippet(text, {{10, 23}}, {}, 240);
  EXPECT_EQ(s.text, "Refer to ASC 810-10-50\u2014consolidation \u00e9l\u00e8ve");
  EXPECT_EQ(s.highlights, (std::vector<query::Highlight>{{9, 22}}));
}

TEST(Snippet, PrefersAWindowWithTheQueryWordsToo) {
  std::string text = "Tell us about goodwill. " + std::string(150, 'a') + " see ASC 350-20-35-30 here.";
  size_t at = text.find("ASC");
  query::Snippet s = query::CutSnippet(text, {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 16)}},
                                       {{14, 22}}, 240);
  EXPECT_NE(s.text.find("goodwill"), std::string::npos) << s.text;
  EXPECT_EQ(s.highlights.size(), 2u);
}

TEST(Snippet, XapianMarkersAndEntities) {
  query::Snippet s = query::FromXapianSnippet("...the \x01goodwill\x02 &amp; its\n\x01impairment\x02 &lt;test&gt;");
  EXPECT_EQ(s.text, "...the goodwill & its impairment <test>");
  ASSERT_EQ(s.highlights.size(), 2u);
  EXPECT_EQ(s.text.substr(s.highlights[1].first, s.highlights[1].second - s.highlights[1].first), "impairment");
}

TEST(Wrap, KeepsMarksAcrossLinesAndIndents) {
  query::Style plain{false, 40};
  std::string out = query::WrapMarked("one two three four five six seven eight nine ten", {{4, 13}}, plain, 4, 40);
  EXPECT_EQ(out, "    one [[two three]] four five six\n    seven eight nine ten\n");
  query::Style colour{true, 30};
  out = query::WrapMarked("aaaa bbbb cccc dddd eeee ffff", {{5, 19}}, colour, 0, 30);
  // The mark is closed at the end of a line and reopened on the next.
  EXPECT_EQ(out, "aaaa \x1b[1;33mbbbb cccc dddd\x1b[0m eeee ffff\n");
}

}  // namespace
}  // namespace secxref::query_test
