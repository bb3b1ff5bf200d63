// Helpers for the index tests: temp directories for real glass databases, letters made up
// in the test (no reader, segmenter or grammar involved), and a comparable snapshot of a
// database's documents.
#ifndef SECXREF_TESTS_INDEX_TEST_SUPPORT_H_
#define SECXREF_TESTS_INDEX_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/extract/cited_letter.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/schema.h"
#include "tests/temp_dir.h"

namespace secxref::testing_support {

using TempDir = test::TempDir;

inline void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline void SetMtime(const std::string& path, time_t mtime) {
  struct utimbuf t{mtime, mtime};
  utime(path.c_str(), &t);
}

// A letter built in code. Comments are laid out one after the other in the text; citations
// are placed inside the comment they belong to (or in the outside text), at the offset of
// their surface text.
struct CommentSpec {
  int number;
  std::string text;
  std::vector<std::string> headings;
  std::vector<std::pair<Family, std::string>> citations;  // cited in this comment
};

struct LetterSpec {
  std::string source = "/letters/a.txt";
  std::optional<std::string> member;
  std::optional<std::string> accession = "0000000000-13-061818";
  std::optional<std::string> cik = "1508475";
  std::string company = "21Vianet Group, Inc.";
  LetterKind kind = LetterKind::kStaff;
  std::string date = "2013-10-29";
  std::vector<std::string> reviewed = {"Form 20-F for the Fiscal Year Ended December 31, 2012"};
  std::vector<std::string> file_numbers = {"001-35126"};
  std::string intro = "Dear Mr. Hsiao: We have reviewed your filing.";
  std::vector<std::pair<Family, std::string>> intro_citations;
  std::vector<CommentSpec> comments;
  std::string closing = "Sincerely, Division of Corporation Finance";
};

inline CitedLetter MakeLetter(const LetterSpec& spec) {
  CitedLetter cited;
  Letter& l = cited.letter;
  Document& d = l.document;
  d.source = spec.source;
  d.member = spec.member;
  d.format = "text";
  l.kind = spec.kind;
  l.date = spec.date;
  l.company = spec.company;
  l.reviewed = spec.reviewed;
  l.file_numbers = spec.file_numbers;
  l.cik = spec.cik;
  l.accession = spec.accession;
  auto cite = [&](Family f, const std::string& id, std::optional<int> comment) {
    Citation c;
    c.family = f;
    c.id = id;
    c.start = static_cast<uint32_t>(d.text.size());
    d.text += id;
    c.end = static_cast<uint32_t>(d.text.size());
    d.text += " ";
    cited.citations.push_back({c, comment});
  };
  d.text = spec.intro + " ";
  for (const auto& [f, id] : spec.intro_citations) cite(f, id, std::nullopt);
  d.text += "\n\n";
  for (const CommentSpec& cs : spec.comments) {
    Comment c;
    c.number = cs.number;
    c.headings = cs.headings;
    c.start = static_cast<uint32_t>(d.text.size());
    d.text += std::to_string(cs.number) + ". " + cs.text + " ";
    for (const auto& [f, id] : cs.citations) cite(f, id, cs.number);
    d.text += "\n";
    c.end = static_cast<uint32_t>(d.text.size());
    l.comments.push_back(c);
  }
  d.text += "\n" + spec.closing + "\n";
  return cited;
}

// A LetterSource over a tiny text format, so pipeline tests can use real files:
//   "!error <message>"            the file yields one unreadable document
//   "!letters N <seed>"           N letters (an archive), members m1..mN
//   otherwise: header lines "key: value" (accession, kind, company, date), a blank line,
//   then comments "## N heading" followed by text lines; "[[family|id]]" cites id.
inline LetterSource FakeSource() {
  return [](const std::string& path, const std::string_view* bytes, const LetterSink& sink) {
    std::string text;
    if (bytes) {
      text = std::string(*bytes);
    } else {
      std::ifstream in(path, std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (text.rfind("!error", 0) == 0) {
      CitedLetter bad;
      bad.letter.document.source = path;
      bad.letter.document.error = text.substr(7);
      sink(std::move(bad));
      return;
    }
    if (text.rfind("!letters", 0) == 0) {
      std::istringstream in(text.substr(8));
      int n = 0;
      std::string seed;
      in >> n >> seed;
      for (int i = 1; i <= n; ++i) {
        LetterSpec spec;
        spec.source = path;
        spec.member = "m" + std::to_string(i) + ".txt";
        spec.accession = std::nullopt;
        spec.comments = {{1, "Member " + std::to_string(i) + " " + seed, {}, {{Family::kAsc, "ASC 606-10-25-1"}}}};
        if (!sink(MakeLetter(spec))) return;
      }
      return;
    }
    LetterSpec spec;
    spec.source = path;
    spec.accession = std::nullopt;
    spec.comments.clear();
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (header) {
        if (line.empty()) {
          header = false;
          continue;
        }
        size_t colon = line.find(": ");
        std::string k = line.substr(0, colon), v = line.substr(colon + 2);
        if (k == "accession") spec.accession = v;
        if (k == "company") spec.company = v;
        if (k == "date") spec.date = v;
        if (k == "kind") spec.kind = v == "response" ? LetterKind::kResponse : LetterKind::kStaff;
        continue;
      }
      if (line.rfind("## ", 0) == 0) {
        CommentSpec c;
        c.number = std::stoi(line.substr(3));
        size_t sp = line.find(' ', 3);
        if (sp != std::string::npos) c.headings.push_back(line.substr(sp + 1));
        spec.comments.push_back(c);
        continue;
      }
      if (spec.comments.empty()) continue;
      CommentSpec& c = spec.comments.back();
      size_t pos = 0;
      while (pos < line.size()) {
        size_t open = line.find("[[", pos);
        if (open == std::string::npos) {
          c.text += line.substr(pos);
          break;
        }
        c.text += line.substr(pos, open - pos);
        size_t bar = line.find('|', open), close = line.find("]]", open);
        c.citations.push_back({*FamilyFromName(line.substr(open + 2, bar - open - 2)),
                               line.substr(bar + 1, close - bar - 1)});
        pos = close + 2;
      }
      c.text += " ";
    }
    sink(MakeLetter(spec));
  };
}

// A fake letter file in FakeSource's format.
inline std::string FakeLetterFile(const std::string& accession, int comments,
                                  const std::string& cite = "ASC 810-10-50-5A(d)") {
  std::string s = "accession: " + accession + "\ncompany: Acme Holdings\ndate: 2014-03-02\n\n";
  for (int i = 1; i <= comments; ++i) {
    s += "## " + std::to_string(i) + " Revenue Recognition\n";
    s += "Please tell us how you recognize revenue for comment " + std::to_string(i) +
         ". Refer to [[asc|" + cite + "]] and explain.\n";
  }
  return s;
}

// Every document, keyed by its unique (Q) term, as its full term list and data: what two
// databases must agree on to hold "the same documents" (docids may differ).
inline std::map<std::string, std::string> DocumentSet(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    std::string uid, terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t)[0] == 'Q') uid = *t;
      terms += *t + "|" + std::to_string(t.get_wdf()) + "\n";
    }
    EXPECT_EQ(out.count(uid), 0u) << "duplicate unique term " << uid;
    out[uid] = terms + "\n" + doc.get_data();
  }
  return out;
}

inline std::vector<std::string> Terms(const Xapian::Document& doc, const std::string& prefix = "") {
  std::vector<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if ((*t).compare(0, prefix.size(), prefix) == 0) out.push_back(*t);
  return out;
}

}  // namespace secxref::testing_support

#endif  // SECXREF_TESTS_INDEX_TEST_SUPPORT_H_
