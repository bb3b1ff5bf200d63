// The grammar's vocabulary, loaded from data/lexicon.xml: phrases grouped in categories,
// each mapped to an entry with a value and attributes. Internal to indexer/extract.
#ifndef SECXREF_EXTRACT_LEXICON_H_
#define SECXREF_EXTRACT_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/extract/token.h"

namespace secxref {

struct LexiconEntry {
  std::string value;                              // "S-K", "Exchange Act", "topic"...
  std::map<std::string, std::string> attributes;  // family="sk", series="34"...
  std::string Attr(const std::string& name) const {
    auto it = attributes.find(name);
    return it == attributes.end() ? std::string() : it->second;
  }
};

// Phrases of one category, matched token by token against letter text.
class PhraseTable {
 public:
  void Add(std::string_view phrase, int entry, bool exact_case);
  // Longest phrase starting at toks[i] (tokens up to `end`); returns the number of tokens
  // matched, 0 if none, and the entry in *entry. A paragraph break never falls inside a match.
  size_t Match(std::string_view text, const std::vector<Token>& toks, size_t i, size_t end,
               int* entry) const;
  bool empty() const { return phrases_.empty(); }

 private:
  struct Phrase {
    std::vector<std::string> keys;  // per token: lower-cased word/number text, or the punct char
    std::vector<std::string> raw;   // per token as written (for exact-case phrases)
    bool exact = false;
    int entry = 0;
  };
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<int>> by_first_;  // first key -> phrases, longest first
};

struct LexiconExample {
  std::string category;
  std::string text;
  std::vector<std::string> ids;  // expected ids, in text order
};

class Lexicon {
 public:
  // Parses lexicon XML. Throws std::runtime_error on a malformed file.
  static std::shared_ptr<const Lexicon> FromXml(std::string_view xml);
  static std::shared_ptr<const Lexicon> Default();  // data/lexicon.xml

  // The phrases of a category ("regulation", "act"...); an empty table if none.
  const PhraseTable& Table(std::string_view category) const;
  // The entries of a category, indexed by PhraseTable::Match's *entry.
  const std::vector<LexiconEntry>& Entries(std::string_view category) const;
  const std::vector<LexiconExample>& examples() const { return examples_; }

 private:
  struct Category {
    PhraseTable table;
    std::vector<LexiconEntry> entries;
  };
  std::map<std::string, Category, std::less<>> categories_;
  std::vector<LexiconExample> examples_;
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_LEXICON_H_
