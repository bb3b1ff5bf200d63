// The grammar's vocabulary, loaded from data/lexicon.xml: phrases grouped in categories,
// each mapped to an entry with a value and attributes. Internal to indexer/extract.
//
// Phrases are matched by token keys (token.h), so a lookup never lower-cases or allocates;
// FirstMask tells in one probe which categories have a phrase starting with a token, which
// is how the parser skips the ordinary words of a letter.
#ifndef SECXREF_EXTRACT_LEXICON_H_
#define SECXREF_EXTRACT_LEXICON_H_

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/token.h"

namespace secxref {

// The categories of data/lexicon.xml (its header comment says what each holds).
enum class Cat : uint8_t {
  kAscName, kLevel, kNumberWord, kRegulation, kAct, kReleaseSeries, kReleaseWord, kSab, kSlb,
  kFrm, kFrc, kCfdg, kCdiName, kCdiSet, kIfrs, kAudit, kLegacy, kAsu, kFormWord, kDeterminer,
  kConnector, kCfr, kFiller,
  kCount,
};
const char* CatName(Cat cat);
inline constexpr uint32_t Bit(Cat cat) { return 1u << static_cast<unsigned>(cat); }
// The categories whose phrases can start a citation; the others (articles, connectors,
// "No.", "CFR", filler words) only ever continue one.
inline constexpr uint32_t kLeadCategories =
    ~(Bit(Cat::kDeterminer) | Bit(Cat::kConnector) | Bit(Cat::kNumberWord) | Bit(Cat::kCfr) |
      Bit(Cat::kFiller)) &
    ((1u << static_cast<unsigned>(Cat::kCount)) - 1);

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
  // The first tokens of the phrases: key, and whether the phrase wants a capital there
  // (an exact-case phrase written with one: "AS", "Note").
  std::vector<std::pair<uint32_t, bool>> FirstKeys() const;
  // Every word of every phrase, lower-cased.
  std::vector<std::string> Words() const;
  // The first tokens of the phrases that are words or numbers, as written.
  std::vector<std::string> FirstWords() const;

 private:
  struct Phrase {
    std::vector<uint32_t> keys;     // per token
    std::vector<std::string> raw;   // per token as written (checked against hash collisions)
    // Words of up to 16 letters as LoadWord reads them (two words per token), as written and
    // case-folded: the collision check is then a comparison or two.
    std::vector<uint64_t> packed, folded;
    bool exact = false;             // case must match too
    int entry = 0;
    // Whether the word or number token t is this phrase's token k.
    bool Same(std::string_view text, const Token& t, size_t k, bool exact_case) const;
  };
  // First key -> phrases starting with it, longest first: an open-addressing table of
  // (key, begin, end) into order_, rebuilt after each Add.
  struct Bucket {
    uint32_t key = 0;
    uint32_t begin = 0, end = 0;
  };
  const Bucket* Find(uint32_t key) const {
    if (buckets_.empty()) return nullptr;
    size_t slot = (key * 0x9E3779B1u >> 7) & (buckets_.size() - 1);
    while (buckets_[slot].key != 0) {
      if (buckets_[slot].key == key) return &buckets_[slot];
      slot = (slot + 1) & (buckets_.size() - 1);
    }
    return nullptr;
  }
  void Rebuild();
  std::vector<Phrase> phrases_;
  std::vector<int> order_;
  std::vector<Bucket> buckets_;
};

struct LexiconExample {
  std::string category;
  std::string text;
  std::vector<std::string> ids;  // expected ids, in text order
};

class Lexicon {
 public:
  // Parses lexicon XML. Throws std::runtime_error on a malformed file or unknown category.
  static std::shared_ptr<const Lexicon> FromXml(std::string_view xml);
  static std::shared_ptr<const Lexicon> Default();  // data/lexicon.xml

  const PhraseTable& Table(Cat cat) const { return categories_[static_cast<size_t>(cat)].table; }
  const std::vector<LexiconEntry>& Entries(Cat cat) const {
    return categories_[static_cast<size_t>(cat)].entries;
  }
  // By name, for tests and tools: an empty table if there is no such category.
  const PhraseTable& Table(std::string_view category) const;
  const std::vector<LexiconExample>& examples() const { return examples_; }

  // The categories (Bit(cat) | ...) with a phrase whose first token has this key; with
  // capital == false, exact-case phrases that start with a capital are left out ("as" is
  // not "AS", "company's" does not start "S-K").
  uint32_t FirstMask(uint32_t key, bool capital) const { return vocab_.masks.Get(key, capital); }
  // What Tokenize needs to key letter text for this lexicon (see token.h).
  const TokenVocabulary& vocabulary() const { return vocab_; }

 private:
  struct Category {
    PhraseTable table;
    std::vector<LexiconEntry> entries;
  };
  void BuildFirstMask();

  std::array<Category, static_cast<size_t>(Cat::kCount)> categories_;
  std::vector<LexiconExample> examples_;
  TokenVocabulary vocab_;
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_LEXICON_H_
