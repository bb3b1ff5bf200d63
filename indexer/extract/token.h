// Tokens of letter text for the citation grammar. Internal to indexer/extract.
//
// A token is a run of ASCII letters/digits (a word if it starts with a letter, a number if
// it starts with a digit) or one punctuation character. Whitespace is not a token; each
// token records whether space, a line break or a paragraph break precedes it. Every
// Unicode dash is read as '-' (en and em dashes are flagged: between two members they
// mark a range), curly quotes as '"' or '\'', '§' as 'S' punctuation.
#ifndef SECXREF_EXTRACT_TOKEN_H_
#define SECXREF_EXTRACT_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secxref {

enum class TokenType : uint8_t { kWord, kNumber, kPunct };

struct Token {
  enum Flags : uint8_t {
    kSpaceBefore = 1,    // any whitespace between this token and the previous one
    kNewlineBefore = 2,  // that whitespace holds a line break
    kParaBefore = 4,     // ... an empty line (paragraph break)
    kLongDash = 8,       // punct '-' written as an en/em dash
    kUpper = 16,         // word: every letter upper case ("ASC", "FORM")
    kCapital = 32,       // word: first letter upper case
  };
  uint32_t start = 0;  // byte offsets into the text
  uint32_t end = 0;
  TokenType type = TokenType::kPunct;
  char punct = 0;      // kPunct: the normalized character
  uint8_t flags = 0;
  uint32_t key = 0;    // TokenKey of the token: what the lexicon's phrase tables look up
  uint32_t mask = 0;   // set by the parser: lexicon categories with a phrase starting here

  bool space_before() const { return flags & kSpaceBefore; }
  bool attached() const { return !(flags & kSpaceBefore); }
  bool is_word() const { return type == TokenType::kWord; }
  bool is_number() const { return type == TokenType::kNumber; }
  bool is_punct(char c) const { return type == TokenType::kPunct && punct == c; }
};

// The lookup key of a token: a hash of a word's or number's lower-cased text, or
// kPunctKey | the punctuation character. Computed by Tokenize; phrases use the same keys.
inline constexpr uint32_t kPunctKey = 0x80000000u;
inline constexpr struct LowerTable {
  unsigned char c[256];
  constexpr LowerTable() : c() {
    for (int i = 0; i < 256; ++i) c[i] = static_cast<unsigned char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
  }
} kLowerTable;
inline uint32_t HashLower(const char* p, size_t n) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (size_t i = 0; i < n; ++i) h = (h ^ kLowerTable.c[static_cast<unsigned char>(p[i])]) * 16777619u;
  return h & ~kPunctKey;
}

// Letters and digits as 0..35 (case folded), anything else -1.
inline constexpr struct FilterIndexTable {
  signed char c[256];
  constexpr FilterIndexTable() : c() {
    for (int i = 0; i < 256; ++i) c[i] = -1;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = static_cast<signed char>(i - 'a');
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = static_cast<signed char>(i - 'A');
    for (int i = '0'; i <= '9'; ++i) c[i] = static_cast<signed char>(26 + i - '0');
  }
} kFilterIndex;

// Which words can be keyed at all: a word (first letter, last character, length) outside
// the filter is in no phrase of the lexicon, so Tokenize leaves its key 0 without hashing.
class WordFilter {
 public:
  void Add(std::string_view lower_word);
  bool MayContain(const char* p, size_t n) const {
    if (n == 0 || n > kMaxLen) return false;
    int f = kFilterIndex.c[static_cast<unsigned char>(p[0])];
    int l = kFilterIndex.c[static_cast<unsigned char>(p[n - 1])];
    if ((f | l) < 0) return false;
    size_t bit = (static_cast<size_t>(f) * 36 + static_cast<size_t>(l)) * (kMaxLen + 1) + n;
    return bits_[bit >> 6] >> (bit & 63) & 1;
  }

 private:
  static constexpr size_t kMaxLen = 31;
  static int Index(char c) { return kFilterIndex.c[static_cast<unsigned char>(c)]; }
  uint64_t bits_[(36 * 36 * (kMaxLen + 1) + 63) / 64] = {};
};

// Tokenizes text[begin, end) and appends to *out. Linear, no allocation per token. With a
// filter, words it rules out get key 0 (numbers and punctuation are always keyed).
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              const WordFilter* filter = nullptr);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Case-insensitive comparison of a word token with a lower-case ASCII literal.
bool WordIs(std::string_view text, const Token& t, std::string_view lower);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_TOKEN_H_
