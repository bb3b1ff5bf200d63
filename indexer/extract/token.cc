#include "indexer/extract/token.h"

#include "indexer/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace secxref {
namespace {

enum CharClass : uint8_t { kOther = 0, kSpace, kNewline, kUpperC, kLowerC, kDigitC, kPunctC, kHigh };

struct ClassTable {
  uint8_t c[256];
  constexpr ClassTable() : c() {
    for (int i = 0; i < 256; ++i) c[i] = kOther;
    c[' '] = c['\t'] = c['\r'] = c['\f'] = c['\v'] = kSpace;
    c['\n'] = kNewline;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kUpperC;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kLowerC;
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigitC;
    for (const char* p = "-.,;:()[]/&'\"$%#*+=<>!?{}|~@^_`\\"; *p; ++p) c[static_cast<uint8_t>(*p)] = kPunctC;
    for (int i = 0x80; i < 256; ++i) c[i] = kHigh;
  }
};
constexpr ClassTable kClass;

struct AlnumTable {
  uint8_t c[256];
  constexpr AlnumTable() : c() {
    for (int i = 0; i < 256; ++i) c[i] = 0;
    for (int i = '0'; i <= '9'; ++i) c[i] = 1;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = 1 | 2;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = 1 | 4;
  }
};
constexpr AlnumTable kAlnum;


}  // namespace

void WordFilter::Add(std::string_view w) {
  if (w.empty()) return;
  for (char c : w)
    if (!kAlnum.c[static_cast<unsigned char>(c)]) return;  // words of phrases are letters and digits
  uint32_t bit = (HashLower(w.data(), w.size()) >> 1) & (kBits - 1);
  bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
}

void KeyMasks::Add(uint32_t key, uint32_t mask, uint32_t capital_mask) {
  if (key == 0) return;
  if (key & kPunctKey) {
    Slot& p = punct_[key & 0x7F];
    p.key = key;
    p.mask |= mask;
    p.capital_mask |= capital_mask;
    return;
  }
  pending_.push_back(Slot{key, mask, capital_mask});
}

void KeyMasks::Build() {
  std::vector<Slot> all;
  for (const Slot& s : slots_)
    if (s.key) all.push_back(s);
  all.insert(all.end(), pending_.begin(), pending_.end());
  pending_.clear();
  size_t size = 16;
  while (size < all.size() * 4) size *= 2;
  slots_.assign(size, Slot{});
  mask_bits_ = size - 1;
  for (const Slot& a : all) {
    size_t slot = Mix(a.key) & mask_bits_;
    while (slots_[slot].key != 0 && slots_[slot].key != a.key) slot = (slot + 1) & mask_bits_;
    Slot& s = slots_[slot];
    s.key = a.key;
    s.mask |= a.mask;
    s.capital_mask |= a.capital_mask;
  }
}

void LeadWords::Add(std::string_view w) {
  if (w.empty()) return;
  uint32_t bit = Index(w.data(), w.size());
  bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
}

namespace {

// Per-byte classes as bitmaps, 64 bytes to a word, and from them the positions where tokens
// start and where runs of letters and digits end. Building a token is then a few loads and
// stores: no loop per character, and no branch per byte.
struct Scan {
  // Buffers only grow, so a thread reusing its Scan allocates and zeroes nothing per call;
  // only the first `words`, `n_starts`, `n_run_ends` entries are this call's.
  std::vector<uint64_t> alnum, ws;
  std::vector<uint32_t> starts;    // each letter/digit run start, and every byte that is
                                   // neither a letter, a digit nor whitespace
  std::vector<uint32_t> run_ends;  // one past each letter/digit run, in order
  std::vector<Token> tokens;       // Tokenize builds here, then appends to its output at once
  size_t words = 0, n_starts = 0, n_run_ends = 0;
  // After a huge text: give the memory back rather than keep it for the thread's life.
  void Trim() {
    if (starts.size() <= kKeep && tokens.size() <= kKeep) return;
    *this = Scan();
  }
  static constexpr size_t kKeep = size_t{1} << 20;  // entries: a text of about 1 MB
};

template <typename T>
void Grow(std::vector<T>* v, size_t n) {
  if (v->size() < n) v->resize(n);
}

// Bits of s[i, i + 64) (i + 64 <= n), scalar: the tail, and machines without SSE2.
void ClassifyWord(const unsigned char* s, size_t i, size_t n, Scan* m) {
  uint64_t alnum = 0, ws = 0;
  for (size_t k = 0; k < 64 && i + k < n; ++k) {
    unsigned char c = s[i + k];
    uint64_t bit = uint64_t{1} << k;
    if (kAlnum.c[c]) alnum |= bit;
    if (kClass.c[c] == kSpace || c == '\n') ws |= bit;
  }
  size_t w = i >> 6;
  m->alnum[w] = alnum, m->ws[w] = ws;
}

#if defined(__SSE2__)
// Bytes of x below `limit` (unsigned): after subtracting a range's first byte, the range.
inline __m128i Below(__m128i x, unsigned char limit) {
  return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(static_cast<char>(limit - 1))), x);
}
#endif

// Appends base + the index of every set bit of x to *p; p needs room for 16 more entries
// than x has bits. The first sixteen are written whether or not x has them (a word of text
// holds about twelve starts), so the loop has no exit to mispredict in the common case. No
// branch inside it either: ctz of x with the top bit forced is defined when x is 0 (the entry
// is then past the end and unused), where `x ? ctz(x) : 0` became a branch taken at a
// different step for every word, mispredicted once per call.
inline uint32_t* Positions(uint64_t x, uint32_t base, uint32_t* p) {
  uint32_t* end = p;  // counts the bits as it goes: no popcount instruction in baseline x86-64
#pragma GCC unroll 16
  for (int k = 0; k < 16; ++k) {
    p[k] = base + static_cast<uint32_t>(__builtin_ctzll(x | (uint64_t{1} << 63)));
    end += x != 0;
    x &= x - 1;
  }
  while (x) {
    *end++ = base + static_cast<uint32_t>(__builtin_ctzll(x));
    x &= x - 1;
  }
  return end;
}

void Classify(const unsigned char* s, size_t n, Scan* m) {
  const size_t words = (n + 63) / 64;
  m->words = words;
  Grow(&m->alnum, words);
  Grow(&m->ws, words);
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, four such to a bitmap word.
  const __m128i bit20 = _mm_set1_epi8(0x20), blank = _mm_set1_epi8(' ');
  const __m128i a_ = _mm_set1_epi8('a'), zero_ = _mm_set1_epi8('0'), tab = _mm_set1_epi8('\t');
  for (; i + 64 <= n; i += 64) {
    uint64_t alnum = 0, ws = 0;
    for (int q = 0; q < 4; ++q) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 16 * q));
      __m128i letter = Below(_mm_sub_epi8(_mm_or_si128(x, bit20), a_), 26);  // case folded
      __m128i digit = Below(_mm_sub_epi8(x, zero_), 10);
      __m128i space = _mm_or_si128(_mm_cmpeq_epi8(x, blank), Below(_mm_sub_epi8(x, tab), 5));
      const int shift = 16 * q;
      alnum |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) << shift;
      ws |= static_cast<uint64_t>(_mm_movemask_epi8(space)) << shift;
    }
    size_t w = i >> 6;
    m->alnum[w] = alnum, m->ws[w] = ws;
  }
#endif
  for (; i < n; i += 64) ClassifyWord(s, i, n, m);
  // A run starts at a letter/digit after a non-letter/digit and ends before one; the carry
  // bits join runs across words. Room for 64 positions per word.
  Grow(&m->starts, words * 64 + 16);  // + Positions' slack
  Grow(&m->run_ends, words * 32 + 17);  // a run takes two bytes with its separator
  uint32_t* sp = m->starts.data();
  uint32_t* ep = m->run_ends.data();
  for (size_t w = 0; w < words; ++w) {
    const uint64_t a = m->alnum[w];
    const uint64_t prev_top = w ? m->alnum[w - 1] >> 63 : 0;
    const uint64_t next_bottom = w + 1 < words ? m->alnum[w + 1] & 1 : 0;
    uint64_t other = ~a & ~m->ws[w];
    if (w + 1 == words && (n & 63)) other &= (uint64_t{1} << (n & 63)) - 1;  // nothing past n
    const uint32_t base = static_cast<uint32_t>(w << 6);
    sp = Positions((a & ~((a << 1) | prev_top)) | other, base, sp);
    ep = Positions(a & ~((a >> 1) | (next_bottom << 63)), base + 1, ep);
  }
  m->n_starts = static_cast<size_t>(sp - m->starts.data());
  m->n_run_ends = static_cast<size_t>(ep - m->run_ends.data());
}

// Whether the letters and digits s[0, n) hold a lower-case letter: a byte with both 0x20 and
// 0x40 set, eight bytes at a time (digits have 0x20 but not 0x40, capitals 0x40 only).
inline bool HasLower(const unsigned char* s, size_t n, size_t readable) {
  constexpr uint64_t kBit5 = 0x2020202020202020ull;
  while (true) {
    size_t k = n < 8 ? n : 8;
    uint64_t x = LoadWord(reinterpret_cast<const char*>(s), k, readable);
    if (x & (x >> 1) & kBit5) return true;
    if (n <= 8) return false;
    s += 8, n -= 8, readable -= 8;
  }
}

// Line breaks in the whitespace s[a, b), counted up to 2.
inline int NewlinesUpTo2(const unsigned char* s, size_t a, size_t b) {
  int count = 0;
  for (size_t k = a; k < b && count < 2; ++k) count += s[k] == '\n';
  return count;
}

}  // namespace

namespace {

// Builds the tokens of text[begin, end), classified in m, into built[0, m.n_starts); returns
// how many. Candidate indices are offset by `first`.
size_t Build(std::string_view text, uint32_t begin, uint32_t end, const Scan& m, Token* const built,
             const TokenVocabulary* vocab, std::vector<uint32_t>* candidates, size_t first) {
  const unsigned char* const s = reinterpret_cast<const unsigned char*>(text.data()) + begin;
  const size_t readable = text.size() - begin;  // KeyOf may load past a word, not past the text
  // Plain pointers and locals: Token's byte-sized fields alias everything, so through the
  // vectors the compiler would reload their data pointers after every token store.
  Token* o = built;
  const uint32_t lead_mask = vocab ? vocab->lead_mask : 0;
  const uint32_t* run_end = m.run_ends.data();
  uint8_t pending = 0;  // flags carried over a Unicode space, which is no token
  size_t prev_end = 0;  // end of the previous token (or Unicode space)
  const uint32_t* const starts_end = m.starts.data() + m.n_starts;
  for (const uint32_t* sp = m.starts.data(); sp != starts_end; ++sp) {
    const uint32_t i = *sp;
    if (i < prev_end) continue;  // a continuation byte of a multi-byte character
    // Built in place: every field is written below.
    Token& t = *o;
    t.start = static_cast<uint32_t>(begin + i);
    t.punct = 0;
    t.mask = 0;
    uint8_t flags = pending;
    pending = 0;
    if (i != prev_end) {  // whitespace in between
      flags |= Token::kSpaceBefore;
      if (i - prev_end == 1) {
        if (s[prev_end] == '\n') flags |= Token::kNewlineBefore;
      } else if (int lines = NewlinesUpTo2(s, prev_end, i)) {
        flags |= lines == 1 ? Token::kNewlineBefore : Token::kNewlineBefore | Token::kParaBefore;
      }
    }
    const unsigned char c = s[i];
    if (kAlnum.c[c]) {
      const size_t j = *run_end++;
      const size_t len = j - i;
      const char* p = reinterpret_cast<const char*>(s) + i;
      const bool digit_first = c <= '9';
      t.type = digit_first ? TokenType::kNumber : TokenType::kWord;
      t.end = static_cast<uint32_t>(begin + j);
      if (!digit_first && c <= 'Z') {
        // Only a word that starts with a capital can be all capitals.
        flags |= Token::kCapital;
        if (!HasLower(s + i, len, readable - i)) flags |= Token::kUpper;
      }
      t.flags = flags;
      if (!vocab) {
        t.key = KeyOf(p, len, readable - i);
      } else if (!digit_first && vocab->leads.MayStart(p, len)) {
        uint32_t key = KeyOf(p, len, readable - i);
        if (!vocab->filter.MayContain(key)) key = 0;
        t.key = key;
        t.mask = key ? vocab->masks.Get(key, flags & Token::kCapital) : 0;
      } else {
        t.key = kKeyPending;
      }
      if (candidates && (digit_first || (flags & Token::kUpper) || (t.mask & lead_mask)))
        candidates->push_back(static_cast<uint32_t>(first + (o - built)));
      prev_end = j;
      ++o;
      continue;
    }
    t.type = TokenType::kPunct;
    if (c < 0x80) {
      t.punct = kClass.c[c] == kPunctC ? static_cast<char>(c) : '?';  // '?': controls
      t.end = t.start + 1;
      prev_end = i + 1;
    } else {
      size_t pos = begin + i;
      char32_t cp = DecodeUtf8(text.substr(0, end), &pos);
      t.end = static_cast<uint32_t>(pos);
      prev_end = pos - begin;
      if (IsDashCodePoint(cp)) {
        t.punct = '-';
        if (cp == 0x2013 || cp == 0x2014) flags |= Token::kLongDash;
      } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB || cp == 0x00BB) {
        t.punct = '"';
      } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x00B4 || cp == 0x02BC ||
                 cp == 0x2032) {
        t.punct = '\'';
      } else if (cp == 0x00A7) {
        t.punct = 'S';  // section sign
      } else if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F) {
        pending = flags | Token::kSpaceBefore;  // a stray non-normalized space: no token
        continue;
      } else {
        t.punct = '?';  // any other symbol: a separator the grammar never joins across
      }
    }
    t.flags = flags;
    t.key = kPunctKey | static_cast<unsigned char>(t.punct);
    t.mask = vocab ? vocab->masks.Get(t.key, true) : 0;
    if (candidates && t.punct == 'S') candidates->push_back(static_cast<uint32_t>(first + (o - built)));
    ++o;
  }
  return static_cast<size_t>(o - built);
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              const TokenVocabulary* vocab, std::vector<uint32_t>* candidates) {
  thread_local Scan m;
  Classify(reinterpret_cast<const unsigned char*>(text.data()) + begin, end - begin, &m);
  Grow(&m.tokens, m.n_starts);  // at most one token per start
  size_t count = Build(text, begin, end, m, m.tokens.data(), vocab, candidates, out->size());
  out->insert(out->end(), m.tokens.data(), m.tokens.data() + count);
  m.Trim();
}

size_t TokenizeInto(std::string_view text, std::vector<Token>* tokens, const TokenVocabulary* vocab,
                    std::vector<uint32_t>* candidates) {
  thread_local Scan m;
  const uint32_t end = static_cast<uint32_t>(text.size());
  Classify(reinterpret_cast<const unsigned char*>(text.data()), end, &m);
  Grow(tokens, m.n_starts);
  size_t count = Build(text, 0, end, m, tokens->data(), vocab, candidates, 0);
  m.Trim();
  return count;
}

bool WordIs(std::string_view text, const Token& t, std::string_view lower) {
  if (t.type != TokenType::kWord || t.end - t.start != lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = text[t.start + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace secxref
