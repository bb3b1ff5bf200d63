// The query tests' index: letters written in code (like the real shapes: staff letters and
// responses, comments with headings, citations at several levels, lists sharing one written
// span, release aliases, a citation outside the numbered comments), stored by the real
// DocumentBuilder and IndexWriter into a glass database in a temp directory.
//
// Comment text marks citations as [[family|canonical id|as written]]; "as written" may be
// "^" to share the span of the citation before it (members of one written list).
#ifndef SECXREF_TESTS_QUERY_QUERY_FIXTURE_H_
#define SECXREF_TESTS_QUERY_QUERY_FIXTURE_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/extract/cited_letter.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_document.h"
#include "query/commands.h"
#include "tests/temp_dir.h"

namespace secxref::query_test {

using TempDir = test::TempDir;

struct CommentFixture {
  int number;
  std::vector<std::string> headings;
  std::string text;  // with [[family|id|written]] marks
};

struct LetterFixture {
  std::string name;  // short handle used by the tests: "L1"
  std::optional<std::string> accession;
  std::string file = "filename1.txt";
  std::optional<std::string> cik;
  std::string company;
  LetterKind kind = LetterKind::kStaff;
  std::string date;
  std::vector<std::string> reviewed;
  std::string intro;  // text before the comments (may carry citations)
  std::vector<CommentFixture> comments;
  std::vector<std::pair<std::string, std::vector<std::string>>> aliases;  // id -> release aliases
};

// The letters every query test reads (see query_fixture.cc for what each one cites).
const std::vector<LetterFixture>& Letters();

// A CitedLetter as the extractor would hand it to the writer.
CitedLetter MakeCitedLetter(const LetterFixture& f);

// Writes `letters` into a new glass database at `dir` through IndexWriter.
void WriteIndex(const std::string& dir, const std::vector<LetterFixture>& letters);

// The handle ("L1") of the fixture letter with this key or accession.
std::string NameOfLetter(const std::string& key_or_accession);

// Runs a command in-process and keeps what it printed.
struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

template <typename Args, typename Fn>
Output RunCommand(Fn fn, const Args& args) {
  std::ostringstream out, err;
  query::Io io{out, err, false, -1};
  Output r;
  r.status = fn(args, io);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// "L1#1 L1#2 L5#-": the comments of `jsonl` output (cites, search), in output order, by
// fixture handle and comment number ("-" for the text outside numbered comments).
std::string Listed(const std::string& jsonl);

// A glass index of Letters(), built once for the whole test binary.
const std::string& SharedIndex();

}  // namespace secxref::query_test

#endif  // SECXREF_TESTS_QUERY_QUERY_FIXTURE_H_
