// Helpers for the conversation tests: our own fixture letters (tests/fixtures/converse), read
// by the real reader, segmenter and grammar; a glass index of them in a temp directory built
// through the real `add` pipeline; and a comparable snapshot of the index's documents.
//
// The fixture review (CIK 1999001, Harborview Instruments, Inc.):
//   staff    2019-03-04 0000000000-19-003041  Form 10-K 2018, comments 1-3
//   response 2019-03-18 0001999001-19-000007  restates and answers 1-3 ("your letter dated March
//   4") staff    2019-03-20 0000000000-19-003205  Form S-4 (another review, same company), comment
//   1 response 2019-03-27 0001999001-19-000009  answers the S-4 letter response 2019-04-01
//   0001999001-19-000010  S-4 acceleration request (answers nothing) staff    2019-04-02
//   0000000000-19-004022  follow-up: "prior comment 2", "prior comment 3" response 2019-04-12
//   0001999001-19-000011  answers the follow-up (restating prior comments) staff    2019-04-25
//   0000000000-19-005025  "We have completed our review"
// and loose/ (no EDGAR path, so no CIK): Bluefin Maritime Ltd., a staff letter and its response.
#ifndef SECXREF_TESTS_CONVERSE_CONVERSE_TEST_SUPPORT_H_
#define SECXREF_TESTS_CONVERSE_CONVERSE_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/converse/summary.h"
#include "indexer/extract/cited_letter.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_document.h"
#include "indexer/index/pipeline.h"
#include "indexer/read/reader.h"
#include "indexer/segment/segmenter.h"
#include "tests/temp_dir.h"

namespace secxref::converse_test {

namespace fs = std::filesystem;

inline std::string FixtureDir() { return std::string(SECXREF_FIXTURES) + "/converse"; }

// Accession -> path of the fixture file, for the EDGAR tree.
inline std::string Fixture(const std::string& accession) {
  std::string digits;
  for (char c : accession)
    if (c != '-') digits += c;
  return FixtureDir() + "/edgar/data/1999001/" + digits + "/filename1.txt";
}

inline CitedLetter ReadCited(const std::string& path) {
  std::vector<CitedLetter> out;
  ReadFile(path, ReadLimits{},
           [&](Document&& d) { out.push_back(CiteLetter(SegmentLetter(std::move(d)))); });
  if (out.size() != 1) throw std::runtime_error(path + ": expected one letter");
  return std::move(out.front());
}

// The summary as the index makes it: keyed and subject-named like DocumentBuilder does.
inline converse::LetterSummary ReadSummary(const std::string& path) {
  CitedLetter cited = ReadCited(path);
  std::string key = LetterKey(cited.letter, "h:" + path);
  return converse::Summarize(cited, key, ConversationId(cited.letter));
}

// The accessions of the fixture tree, in date order.
inline const std::vector<std::string>& TreeAccessions() {
  static const std::vector<std::string> all = {"0000000000-19-003041", "0001999001-19-000007",
                                               "0000000000-19-003205", "0001999001-19-000009",
                                               "0001999001-19-000010", "0000000000-19-004022",
                                               "0001999001-19-000011", "0000000000-19-005025"};
  return all;
}

using TempDir = test::TempDir;

// Copies fixture files (paths relative to FixtureDir()) into `root`, keeping the tree.
inline void CopyFixtures(const std::string& root, const std::vector<std::string>& relative) {
  for (const std::string& r : relative) {
    fs::path to = fs::path(root) / r;
    fs::create_directories(to.parent_path());
    fs::copy_file(fs::path(FixtureDir()) / r, to, fs::copy_options::overwrite_existing);
  }
}

inline std::string TreePath(const std::string& accession) {
  return Fixture(accession).substr(FixtureDir().size() + 1);
}

// `secxref-index add ROOT` into the glass database `db`, in-process; returns the writer's
// rewrite count of stored documents.
inline void Add(const std::string& db, const std::vector<std::string>& roots) {
  IndexWriter writer(db, WriterOptions{});
  std::vector<std::string> errors;
  std::set<std::string> seen;
  std::vector<InputFile> files = ListShardInputs(roots, 0, 0, &errors, &seen);
  PipelineOptions options;
  options.jobs = 1;
  Pipeline pipeline(&writer, DefaultLetterSource(ReadLimits{}), options);
  std::atomic<bool> stop{false};
  pipeline.Run(
      files, stop, [](const std::string& e) { ADD_FAILURE() << e; }, [](const PipelineStats&) {});
}

// Every document as "terms | values | data", by unique id: two indexes with the same
// letters compare equal when they store the same thing. Source terms and paths differ
// between temp trees, so XSRC terms and the data's "source" are left out.
inline std::map<std::string, std::string> Snapshot(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> out;
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
    Xapian::Document doc;
    try {
      doc = db.get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    std::string uid, all;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind("XSRC", 0) == 0) continue;
      if ((*t).rfind("Q", 0) == 0) uid = *t;
      all += *t + " ";
    }
    all += "|";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      all += std::to_string(v.get_valueno()) + "=" + *v + " ";
    std::string data = doc.get_data();
    size_t s = data.find("\"source\":\"");
    if (s != std::string::npos) data.erase(s, data.find('"', s + 10) + 1 - s);
    out[uid] = all + "|" + data;
  }
  return out;
}

}  // namespace secxref::converse_test

#endif  // SECXREF_TESTS_CONVERSE_CONVERSE_TEST_SUPPORT_H_
