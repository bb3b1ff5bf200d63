// What the query commands answer with, before any formatting: letters, each with the
// comments that matched, each with the citations that matched and a snippet. The printers
// (output.h) turn these into tables, JSON, JSON lines or CSV; field names are in docs/query.md.
#ifndef SECXREF_QUERY_RESULT_H_
#define SECXREF_QUERY_RESULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace secxref::query {

// A byte range [first, second) of a snippet or text to highlight.
using Highlight = std::pair<uint32_t, uint32_t>;

// One citation mention as the writer stored it (offsets into the document's text).
struct Mention {
  std::string id;      // canonical id
  std::string family;  // "asc"
  std::string text;    // as written in the letter
  uint32_t start = 0;
  uint32_t end = 0;
  std::string how;     // explicit, list, range, range-fill, inherited
  bool known = true;
  std::vector<std::string> aliases;  // other release numbers
};

// The letter's metadata, the same in every document of the letter ("letter" in the data).
struct LetterInfo {
  std::string key;  // "<accession>:<file>" or "sha:<hash>"
  std::string source;
  std::optional<std::string> member;
  std::string format;
  std::optional<std::string> accession;
  std::optional<std::string> cik;
  std::string kind;  // staff | response | unknown
  std::optional<std::string> date;  // ISO
  std::optional<std::string> company;
  std::vector<std::string> reviewed;  // "Form 20-F for the Fiscal Year Ended ..."
  std::vector<std::string> forms;     // "20-f"
  std::vector<std::string> file_numbers;
  std::optional<std::string> conversation;
};

// One document of the index: a numbered comment, or the letter's text outside them.
struct StoredComment {
  LetterInfo letter;
  std::optional<int> number;
  std::string tag;  // "3", "3.2", "-"
  std::vector<std::string> headings;
  std::string text;
  std::vector<Mention> citations;
  std::optional<uint32_t> response_start;
};

// Decodes a document's data (letter_document.cc writes it). Throws std::runtime_error on
// data that is not ours.
StoredComment DecodeComment(const std::string& data);

// A string member of stored JSON, or nothing when absent or not a string (documents written
// by older versions lack newer fields).
std::optional<std::string> OptString(const nlohmann::json& j, const char* key);

struct CommentHit {
  StoredComment stored;
  std::vector<Mention> matched;  // the citations the query asked for (all of them for `show`)
  std::string snippet;           // plain text, one line
  std::vector<Highlight> highlights;  // in snippet
  double weight = 0;             // Xapian's relevance weight (0 for boolean listings)
};

struct LetterHit {
  LetterInfo letter;
  uint32_t depth = 0;  // matching citation mentions in the letter (matching comments if none)
  double score = 0;    // the sort's measure: best weight, depth, or citator relevance
  std::vector<CommentHit> comments;  // in letter order
};

struct ResultSet {
  std::string command;      // cites, search, similar
  std::string query;        // the argument as typed
  std::vector<std::string> ids;  // the citation ids asked for (canonical)
  std::vector<std::string> titles;  // their catalog titles ("" where none), parallel to ids
  std::string description;  // Xapian's description of the final query
  uint64_t letters_total = 0;   // matching letters (before --limit)
  uint64_t comments_total = 0;  // matching comments
  bool totals_exact = true;
  std::vector<LetterHit> letters;
  std::vector<std::string> notes;  // said on stderr: unknown to the catalog, re-parsed...
};

}  // namespace secxref::query

#endif  // SECXREF_QUERY_RESULT_H_
