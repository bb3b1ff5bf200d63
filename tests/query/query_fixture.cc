#include "tests/query/query_fixture.h"

#include <map>

#include <nlohmann/json.hpp>

#include "indexer/base/hash.h"

namespace secxref::query_test {
namespace {

// Parses [[family|id|written]] marks out of `marked`, appending the plain text to *text and
// the citations (offsets into *text) to *out.
void AppendMarked(const std::string& marked, std::optional<int> comment, std::string* text,
                  std::vector<CitedCitation>* out, const LetterFixture& f) {
  size_t pos = 0;
  while (pos < marked.size()) {
    size_t open = marked.find("[[", pos);
    if (open == std::string::npos) {
      *text += marked.substr(pos);
      break;
    }
    *text += marked.substr(pos, open - pos);
    size_t close = marked.find("]]", open);
    std::string body = marked.substr(open + 2, close - open - 2);
    size_t bar1 = body.find('|'), bar2 = body.find('|', bar1 + 1);
    std::string family = body.substr(0, bar1), id = body.substr(bar1 + 1, bar2 - bar1 - 1);
    std::string written = body.substr(bar2 + 1);
    Citation c;
    c.family = *FamilyFromName(family);
    c.id = id;
    if (written == "^" && !out->empty()) {
      c.start = out->back().citation.start;
      c.end = out->back().citation.end;
      c.how = How::kList;
      out->back().citation.how = How::kList;
    } else {
      c.start = static_cast<uint32_t>(text->size());
      *text += written;
      c.end = static_cast<uint32_t>(text->size());
    }
    for (const auto& [aid, aliases] : f.aliases)
      if (aid == id) c.aliases = aliases;
    out->push_back({c, comment});
    pos = close + 2;
  }
}

}  // namespace

const std::vector<LetterFixture>& Letters() {
  static const std::vector<LetterFixture> letters = {
      {"L1", "0000000001-13-000001", "filename1.txt", "1508475", "21Vianet Group, Inc.", LetterKind::kStaff,
       "2013-10-29", {"Form 20-F for the Fiscal Year Ended December 31, 2012"},
       "Dear Mr. Hsiao: We have reviewed your filing and have the following comments.",
       {{1, {"Notes to the Consolidated Financial Statements", "Note 1. Organization, page F-14"},
         "We note that you disclose total assets and total liabilities of the consolidated VIE. Please "
         "expand your disclosure to present the carrying amounts of the VIE's assets. We refer you to "
         "[[asc|ASC 810-10-50-2AA(d)|paragraphs 2AA.d and 3.bb of ASC 810-10-50]][[asc|ASC 810-10-50-3(bb)|^]]."},
        {2, {"Notes to the Consolidated Financial Statements", "Note 1. Organization, page F-14"},
         "[[asc|ASC 810-10-50-5A(d)|Paragraph 5A.d of ASC 810-10-50]] requires disclosure of qualitative "
         "information about the involvement with the VIE."},
        {3, {"Note 4. Acquisitions", "Business Combinations"},
         "We note that you recognized a bargain purchase gain. Refer to [[asc|ASC 805-30-50-1(f)(2)|ASC "
         "805-30-50-1.f.2]]."},
        {4, {"Note 4. Acquisitions"},
         "Please describe your relationship with the seller and the related party ownership interests."}}, {}},
      {"L2", "0000000001-17-000002", "filename1.txt", "1508475", "21Vianet Group, Inc.", LetterKind::kStaff,
       "2017-09-19", {"Form 20-F for the Fiscal Year Ended December 31, 2016"},
       "Dear Mr. Wang: We have reviewed your August 30, 2017 response to our comment letter.",
       {{1, {"Item 5. Operating and Financial Review and Prospects, page 70"},
         "Please discuss the impact of the loss of certain customers on your liquidity. Refer to "
         "[[form|Form 20-F Item 5.D|Item 5.D of Form 20-F]] and [[release|Release 33-8350 Section III.B.3|"
         "Section III.B.3 of SEC Release No. 33-8350]]."},
        {2, {"Critical Accounting Policies", "Goodwill, page 84"},
         "Please help us understand why the fair value of your MNS reporting unit exceeded its carrying "
         "value while your market capitalization decreased. Tell us how you tested goodwill for "
         "impairment under [[asc|ASC 350-20-35-3C|ASC 350-20-35-3C]]."}},
       {{"Release 33-8350 Section III.B.3", {"34-48960", "FR-72"}}}},
      {"L3", "0001193125-16-000003", "filename1.htm", "0000320193", "Acme Holdings Corp", LetterKind::kResponse,
       "2016-05-10", {"Form 10-K for the Fiscal Year Ended December 31, 2015"},
       "Dear Ms. Smith: We respond to the comments of the staff.",
       {{1, {"Goodwill"},
         "Response: The Company tested goodwill for impairment at the reporting unit level under "
         "[[asc|ASC 350-20|ASC 350-20]] and consolidated the partnership under [[asc|ASC 810|ASC Topic 810]]."},
        {2, {"Revenue Recognition"},
         "Response: Revenue is recognized when control of the goods transfers, in accordance with "
         "[[asc|ASC 606-10-25-1|ASC 606-10-25-1]]."}}, {}},
      {"L4", "0000000001-19-000004", "filename1.pdf", "1000001", "Beta Energy Inc", LetterKind::kStaff,
       "2019-03-01", {"Form 10-K for the Fiscal Year Ended December 31, 2018"},
       "Dear Mr. Jones: In our review we considered [[sab|SAB Topic 5.Y|SAB Topic 5.Y]] disclosures.",
       {{1, {"Goodwill"},
         "Your goodwill impairment test compares the fair value of each reporting unit with its carrying "
         "amount. Tell us how you determined the fair value of the reporting unit. See "
         "[[asc|ASC 350-20-35-30|ASC 350-20-35-30]] and [[sk|S-K Item 303(b)(2)(ii)|Item 303(b)(2)(ii) of "
         "Regulation S-K]]."},
        {2, {"Non-GAAP Financial Measures"},
         "Your presentation of adjusted EBITDA gives it greater prominence. Refer to [[cdi|C&DI Non-GAAP "
         "102.10|Question 102.10 of the Non-GAAP C&DIs]]."}}, {}},
      {"L5", std::nullopt, "gamma-2021.txt", std::nullopt, "Gamma Bank", LetterKind::kStaff, "2021-08-20",
       {"Form 10-K for the Fiscal Year Ended December 31, 2020"}, "Dear Sir: We have reviewed your filing.",
       {{1, {"Goodwill"},
         "Explain why no goodwill impairment was recognized for the reporting unit whose fair value "
         "approximates its carrying value."},
        {2, {"Variable Interest Entities"},
         "Expand your disclosure of the VIE as required by [[asc|ASC 810-10-50|ASC 810-10-50]] and in "
         "particular [[asc|ASC 810-10-50-5A|paragraph 5A of ASC 810-10-50]]."}}, {}},
      {"L6", "0000000001-15-000006", "filename1.txt", "2000002", "Delta Trust", LetterKind::kResponse,
       "2015-02-11", {"Form 20-F for the Fiscal Year Ended December 31, 2013"}, "Dear Staff:",
       {{1, {"Consolidation"},
         "Response: We will expand the VIE disclosure required by [[asc|ASC 810-10-50|ASC 810-10-50]]."},
        {2, {"Consolidation"},
         "Response: The primary beneficiary analysis follows [[asc|ASC 810-10-50|ASC 810-10-50]] as well."}}, {}},
  };
  return letters;
}

CitedLetter MakeCitedLetter(const LetterFixture& f) {
  CitedLetter cited;
  Letter& l = cited.letter;
  Document& d = l.document;
  d.source = "/letters/" + f.name + "/" + f.file;
  d.format = "text";
  l.kind = f.kind;
  l.date = f.date;
  l.company = f.company;
  l.reviewed = f.reviewed;
  l.file_numbers = {"001-35126"};
  l.cik = f.cik;
  l.accession = f.accession;
  AppendMarked(f.intro, std::nullopt, &d.text, &cited.citations, f);
  d.text += "\n\n";
  for (const CommentFixture& cf : f.comments) {
    Comment c;
    c.number = cf.number;
    c.headings = cf.headings;
    for (const std::string& h : cf.headings) d.text += h + "\n";
    c.start = static_cast<uint32_t>(d.text.size());
    d.text += std::to_string(cf.number) + ". ";
    AppendMarked(cf.text, cf.number, &d.text, &cited.citations, f);
    d.text += "\n\n";
    c.end = static_cast<uint32_t>(d.text.size());
    if (f.kind == LetterKind::kResponse) c.response_start = c.start;
    l.comments.push_back(c);
  }
  d.text += "Sincerely,\nDivision of Corporation Finance\n";
  return cited;
}

void WriteIndex(const std::string& dir, const std::vector<LetterFixture>& letters) {
  IndexWriter writer(dir, WriterOptions{});
  DocumentBuilder builder;
  for (const LetterFixture& f : letters) {
    CitedLetter cited = MakeCitedLetter(f);
    std::string hash = ContentHash(cited.letter.document.text);
    SourceChunk chunk;
    chunk.path = cited.letter.document.source;
    chunk.hash = hash;
    chunk.size = cited.letter.document.text.size();
    chunk.letters.push_back(builder.Build(cited, LetterKey(cited.letter, hash), SourceId(chunk.path)));
    writer.WriteChunk(std::move(chunk));
  }
  writer.Commit();
}

std::string NameOfLetter(const std::string& key_or_accession) {
  for (const LetterFixture& f : Letters()) {
    CitedLetter cited = MakeCitedLetter(f);
    std::string key = LetterKey(cited.letter, ContentHash(cited.letter.document.text));
    if (key == key_or_accession || (f.accession && *f.accession == key_or_accession)) return f.name;
  }
  return "?" + key_or_accession;
}

std::string Listed(const std::string& jsonl) {
  std::string s;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json o = nlohmann::json::parse(line);
    std::string comment = o["comment"].is_null() ? "-" : std::to_string(o["comment"].get<int>());
    if (!s.empty()) s += ' ';
    s += NameOfLetter(o["letter"].get<std::string>()) + "#" + comment;
  }
  return s;
}

const std::string& SharedIndex() {
  static TempDir dir;  // removed when the test binary exits
  static const std::string path = [] {
    WriteIndex(dir / "db", Letters());
    return dir / "db";
  }();
  return path;
}

}  // namespace secxref::query_test
