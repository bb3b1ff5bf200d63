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
#include <cstring>
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
  uint32_t key = 0;    // lookup key (below), kKeyPending until someone needs it
  uint32_t mask = 0;   // lexicon categories with a phrase starting here (KeyMasks); valid
                       // once key is not kKeyPending

  bool space_before() const { return flags & kSpaceBefore; }
  bool attached() const { return !(flags & kSpaceBefore); }
  bool is_word() const { return type == TokenType::kWord; }
  bool is_number() const { return type == TokenType::kNumber; }
  bool is_punct(char c) const { return type == TokenType::kPunct && punct == c; }
};

// The lookup key of a token: a hash of a word's or number's lower-cased text (31 bits, never
// 0), or kPunctKey | the punctuation character. Computed by Tokenize; phrases use the same
// keys. A key only narrows a lookup down: PhraseTable::Match still compares the text.
inline constexpr uint32_t kPunctKey = 0x80000000u;
// Tokenize with a vocabulary keys only the words that may start a citation at once; the
// others carry this (no real key is even) and are keyed when a rule looks at them.
inline constexpr uint32_t kKeyPending = 2;

// s[0, n) as a little-endian word, zero-padded (n <= 8); `readable` bytes from s may be
// read, and with 8 or more one unaligned load does.
inline uint64_t LoadWord(const char* s, size_t n, size_t readable) {
  uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (readable >= 8 && n > 0) {
    std::memcpy(&x, s, 8);
    return x & (~uint64_t{0} >> (64 - 8 * n));
  }
#endif
  for (size_t i = 0; i < n; ++i) x |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return x;
}

// The key of a word or number p[0, n) (letters and digits only), with `readable` >= n bytes
// readable from p. OR-ing 0x20 into a letter lower-cases it and leaves a digit as it is, so
// the text is folded and hashed eight bytes at a time.
inline constexpr uint64_t kKeyFold = 0x2020202020202020ull, kKeyMul = 0x9E3779B97F4A7C15ull;
inline uint64_t KeyStep(uint64_t h, uint64_t x, size_t k) {  // x: k >= 1 bytes, zero-padded
  h = (h ^ (x | (kKeyFold >> (64 - 8 * k)))) * kKeyMul;  // fold the text bytes, not the padding
  return h ^ (h >> 32);
}
inline uint32_t KeyFinish(uint64_t h) { return static_cast<uint32_t>((h * kKeyMul) >> 33) | 1; }
inline uint32_t KeyOf(const char* p, size_t n, size_t readable) {
  if (n == 0) return KeyFinish(0);
  uint64_t h = n;
  while (n > 8) {
    h = KeyStep(h, LoadWord(p, 8, readable), 8);
    p += 8, n -= 8, readable -= 8;
  }
  return KeyFinish(KeyStep(h, LoadWord(p, n, readable), n));
}
inline uint32_t HashLower(const char* p, size_t n) { return KeyOf(p, n, n); }

// Which words can be keyed at all: a word whose key is outside the filter is in no phrase of
// the lexicon, so Tokenize leaves its key 0 and looks nothing up for it. A bit per key hash
// (a one-probe Bloom filter): the lexicon's words set a few hundred of its 65536 bits.
class WordFilter {
 public:
  void Add(std::string_view lower_word);  // letters and digits; anything else is ignored
  bool MayContain(uint32_t key) const {
    uint32_t bit = (key >> 1) & (kBits - 1);
    return bits_[bit >> 6] >> (bit & 63) & 1;
  }

 private:
  static constexpr uint32_t kBits = 1u << 16;
  uint64_t bits_[kBits / 64] = {};
};

// The categories (a bit mask) of the lexicon phrases whose first token has a given key: the
// lexicon fills it (Lexicon::key_masks), Tokenize stores the answer in Token::mask. An
// exact-case phrase that starts with a capital ("AS", "Note") is under capital_mask only, so a
// lower-case word ("as", "note") does not get it.
class KeyMasks {
 public:
  void Add(uint32_t key, uint32_t mask, uint32_t capital_mask);
  void Build();  // after the last Add
  uint32_t Get(uint32_t key, bool capital) const {
    if (key == 0) return 0;
    // Punctuation keys are few: a table, not a probe.
    if (key & kPunctKey) {
      const Slot& s = punct_[key & 0x7F];
      return capital ? s.mask | s.capital_mask : s.mask;
    }
    size_t slot = Mix(key) & mask_bits_;
    while (true) {
      const Slot& s = slots_[slot];
      if (s.key == 0) return 0;
      if (s.key == key) return capital ? s.mask | s.capital_mask : s.mask;
      slot = (slot + 1) & mask_bits_;
    }
  }

 private:
  struct Slot {
    uint32_t key = 0;  // 0: empty (no keyed token has key 0)
    uint32_t mask = 0;
    uint32_t capital_mask = 0;
  };
  static size_t Mix(uint32_t key) { return (key * 0x9E3779B1u) >> 7; }
  std::vector<Slot> pending_;  // added, not yet in slots_
  std::vector<Slot> slots_ = std::vector<Slot>(1);  // open addressing, power-of-two size, never full
  size_t mask_bits_ = 0;
  Slot punct_[128] = {};  // by character (punctuation is ASCII once normalized)
};

// Letters and digits as 1..36 (case folded), anything else 0.
inline constexpr struct FoldIndexTable {
  uint8_t c[256];
  constexpr FoldIndexTable() : c() {
    for (int i = 'a'; i <= 'z'; ++i) c[i] = static_cast<uint8_t>(1 + i - 'a');
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = static_cast<uint8_t>(1 + i - 'A');
    for (int i = '0'; i <= '9'; ++i) c[i] = static_cast<uint8_t>(27 + i - '0');
  }
} kFoldIndex;

// Words that may begin a phrase of the lead categories (those where a rule can start), by
// length and first, second and last characters, case folded, one bit per hash of those: a
// superset, so a word outside it needs no key until a rule asks. It lets through about one
// word in twelve of a letter, so the branch on it is mostly predicted.
class LeadWords {
 public:
  void Add(std::string_view word);  // letters and digits
  bool MayStart(const char* p, size_t n) const {
    uint32_t bit = Index(p, n);
    return bits_[bit >> 6] >> (bit & 63) & 1;
  }

 private:
  static uint32_t Index(const char* p, size_t n) {
    uint32_t c0 = kFoldIndex.c[static_cast<unsigned char>(p[0])];
    uint32_t c1 = n > 1 ? kFoldIndex.c[static_cast<unsigned char>(p[1])] : 0;
    uint32_t cl = kFoldIndex.c[static_cast<unsigned char>(p[n - 1])];
    uint32_t x = (((static_cast<uint32_t>(n < 31 ? n : 31) * 37 + c0) * 37 + c1) * 37 + cl);
    return (x * 0x9E3779B1u) >> (32 - kLogBits);
  }
  static constexpr uint32_t kLogBits = 16;
  uint64_t bits_[(1u << kLogBits) / 64] = {};
};

// What Tokenize needs from a lexicon to key letter text.
struct TokenVocabulary {
  WordFilter filter;     // words in no phrase get key 0
  KeyMasks masks;        // Token::mask
  LeadWords leads;       // words keyed at once
  uint32_t lead_mask = 0;  // the categories whose phrases can start a citation
};

// Tokenizes text[begin, end) and appends to *out. Linear, no allocation per token. Without a
// vocabulary every token is keyed (mask 0); with one, punctuation and the words `leads` lets
// through are keyed and masked, the others are left kKeyPending (KeyToken keys one later).
// With `candidates`, appends the indices of the tokens where a rule may start: numbers,
// all-capital words, '§', and words whose mask meets lead_mask.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              const TokenVocabulary* vocab = nullptr, std::vector<uint32_t>* candidates = nullptr);

// The same over all of text into (*tokens)[0, returned count): the vector only grows, so a
// caller that keeps it between texts neither allocates nor copies tokens.
size_t TokenizeInto(std::string_view text, std::vector<Token>* tokens, const TokenVocabulary* vocab,
                    std::vector<uint32_t>* candidates);

// Gives a kKeyPending token its key and mask (what Tokenize would have given it).
inline void KeyToken(std::string_view text, const TokenVocabulary& vocab, Token* t) {
  const size_t len = t->end - t->start;
  uint32_t key = KeyOf(text.data() + t->start, len, text.size() - t->start);
  if (t->type == TokenType::kWord && !vocab.filter.MayContain(key)) key = 0;
  t->key = key;
  t->mask = key ? vocab.masks.Get(key, t->type == TokenType::kNumber || (t->flags & Token::kCapital)) : 0;
}

// The key of a token whatever its state: a pending token's unfiltered key (which matches a
// phrase exactly when the filtered one would, the filter only ever zeroing keys no phrase has).
inline uint32_t KeyOfToken(std::string_view text, const Token& t) {
  if (t.key != kKeyPending) return t.key;
  return KeyOf(text.data() + t.start, t.end - t.start, text.size() - t.start);
}

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Case-insensitive comparison of a word token with a lower-case ASCII literal.
bool WordIs(std::string_view text, const Token& t, std::string_view lower);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_TOKEN_H_
