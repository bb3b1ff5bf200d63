// The citation grammar: letter text -> citations with canonical ids.
//
// It runs in linear time on any input: a fast scan finds anchors (digits and a few
// keywords), the text around each anchor is tokenized once, and a hand-written
// recursive-descent matcher with bounded look-ahead reads citations, lists and ranges from
// the tokens. No regular expressions. Words that vary (family names, aliases, act names,
// C&DI sets) come from data/lexicon.xml; what exists comes from the Catalog.
#ifndef SECXREF_EXTRACT_GRAMMAR_H_
#define SECXREF_EXTRACT_GRAMMAR_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "indexer/extract/catalog.h"
#include "indexer/extract/citation.h"

namespace secxref {

class Lexicon;
struct GrammarTables;

struct ExtractOptions {
  // Offsets (sorted) where context resets: comment starts. Inheritance ("Item 303(a)(3)"
  // after "Regulation S-K", "Topic 810" after "ASC 810-10") never crosses one.
  std::vector<uint32_t> resets;
  // Heading lines [start,end) (sorted). A heading names a part of the filing under review
  // ("Item 5. Operating and Financial Review and Prospects, page 70"): bare items there are
  // locations, not citations.
  std::vector<std::pair<uint32_t, uint32_t>> headings;
  // Query arguments, not letters: accept what a user types ("810-10", "asc 810-10-50",
  // "Topic 810", "SAB Topic 5.Y", "Release 33-8350") even where a letter would need more
  // evidence.
  bool lenient = false;
};

class Grammar {
 public:
  Grammar(std::shared_ptr<const Lexicon> lexicon, const Catalog* catalog);
  ~Grammar();
  // The grammar over data/lexicon.xml and Catalog::Default(). Built once, thread-safe to use.
  static const Grammar& Default();

  // Every citation in text order (by start, then by position in a list).
  std::vector<Citation> Extract(std::string_view text, const ExtractOptions& options = {}) const;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  std::unique_ptr<const GrammarTables> tables_;  // parser.h
  const Catalog* catalog_;
  uint64_t id_;  // unique per Grammar: whose catalog answers a thread's KnownIds holds
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_GRAMMAR_H_
