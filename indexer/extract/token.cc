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
  size_t n = w.size();
  if (n == 0 || n > kMaxLen) return;
  int f = Index(w[0]), l = Index(w[n - 1]);
  if (f < 0 || l < 0) return;  // words of phrases are letters and digits
  size_t bit = (static_cast<size_t>(f) * 36 + static_cast<size_t>(l)) * (kMaxLen + 1) + n;
  bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
}

namespace {

// Per-byte classes as bitmaps, 64 bytes to a word, so that runs of letters and of
// whitespace are crossed with bit scans instead of a loop per character.
struct CharMasks {
  std::vector<uint64_t> alnum, lower, ws, nl;
  void Resize(size_t words) {
    alnum.assign(words, 0);
    lower.assign(words, 0);
    ws.assign(words, 0);
    nl.assign(words, 0);
  }
};

void ClassifyScalar(const unsigned char* s, size_t from, size_t n, CharMasks* m) {
  for (size_t i = from; i < n; ++i) {
    unsigned char c = s[i];
    uint64_t bit = uint64_t{1} << (i & 63);
    size_t w = i >> 6;
    uint8_t a = kAlnum.c[c];
    if (a & 1) m->alnum[w] |= bit;
    if (a & 2) m->lower[w] |= bit;
    if (kClass.c[c] == kSpace || c == '\n') m->ws[w] |= bit;
    if (c == '\n') m->nl[w] |= bit;
  }
}

#if defined(__SSE2__)
inline __m128i InRange(__m128i x, unsigned char lo, unsigned char hi) {
  __m128i l = _mm_set1_epi8(static_cast<char>(lo)), h = _mm_set1_epi8(static_cast<char>(hi));
  return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, l), x), _mm_cmpeq_epi8(_mm_min_epu8(x, h), x));
}
#endif

void Classify(const unsigned char* s, size_t n, CharMasks* m) {
  m->Resize((n + 63) / 64);
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i bit20 = _mm_set1_epi8(0x20), space = _mm_set1_epi8(' '), newline = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i folded = _mm_or_si128(x, bit20);
    __m128i letter = InRange(folded, 'a', 'z');
    __m128i is_lower = _mm_cmpeq_epi8(_mm_and_si128(x, bit20), bit20);
    __m128i lower = _mm_and_si128(letter, is_lower);
    __m128i alnum = _mm_or_si128(letter, InRange(x, '0', '9'));
    __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(x, space), InRange(x, '\t', '\r'));
    __m128i nl = _mm_cmpeq_epi8(x, newline);
    size_t w = i >> 6, shift = i & 63;
    m->alnum[w] |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(alnum))) << shift;
    m->lower[w] |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(lower))) << shift;
    m->ws[w] |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(ws))) << shift;
    m->nl[w] |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(nl))) << shift;
  }
#endif
  ClassifyScalar(s, i, n, m);
}

inline bool Bit(const std::vector<uint64_t>& b, size_t i) { return b[i >> 6] >> (i & 63) & 1; }

// First index >= i whose bit is clear (n if none).
inline size_t NextClear(const std::vector<uint64_t>& b, size_t i, size_t n) {
  size_t w = i >> 6;
  uint64_t x = ~b[w] & (~uint64_t{0} << (i & 63));
  while (x == 0) {
    if (++w >= b.size()) return n;
    x = ~b[w];
  }
  size_t r = (w << 6) + static_cast<size_t>(__builtin_ctzll(x));
  return r < n ? r : n;
}

// Number of set bits in [a, b), counted up to `cap` (1 or 2) without popcount.
inline int CountUpTo(const std::vector<uint64_t>& bits, size_t a, size_t b, int cap) {
  int count = 0;
  while (a < b) {
    size_t w = a >> 6;
    uint64_t x = bits[w] & (~uint64_t{0} << (a & 63));
    size_t word_end = (w + 1) << 6;
    if (b < word_end) x &= (uint64_t{1} << (b & 63)) - 1;
    if (x) {
      ++count;
      if (x & (x - 1)) ++count;
      if (count >= cap) return cap;
    }
    a = word_end;
  }
  return count;
}

// The bits [a, a + len) as a word, len <= 64.
inline uint64_t Window(const std::vector<uint64_t>& bits, size_t a, size_t len) {
  size_t w = a >> 6, off = a & 63;
  uint64_t x = bits[w] >> off;
  if (off && off + len > 64 && w + 1 < bits.size()) x |= bits[w + 1] << (64 - off);
  return len == 64 ? x : x & ((uint64_t{1} << len) - 1);
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              const WordFilter* filter) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data()) + begin;
  const size_t n = end - begin;
  thread_local CharMasks m;
  Classify(s, n, &m);
  uint8_t pending = 0;  // flags for the next token
  int newlines = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c == ' ' && i + 1 < n && !Bit(m.ws, i + 1)) {  // the common case: one space
      pending |= Token::kSpaceBefore;
      ++i;
      continue;
    }
    if (Bit(m.ws, i)) {
      size_t j = NextClear(m.ws, i, n);
      pending |= Token::kSpaceBefore;
      if (j - i <= 64) {
        uint64_t x = Window(m.nl, i, j - i);
        newlines += (x != 0) + ((x & (x - 1)) != 0);
      } else {
        newlines += CountUpTo(m.nl, i, j, 2);
      }
      if (newlines >= 1) pending |= Token::kNewlineBefore;
      if (newlines >= 2) pending |= Token::kParaBefore;
      i = j;
      continue;
    }
    Token& t = out->emplace_back();
    t.start = static_cast<uint32_t>(begin + i);
    t.flags = pending;
    pending = 0;
    newlines = 0;
    if (Bit(m.alnum, i)) {
      size_t j = NextClear(m.alnum, i, n);
      bool digit_first = c >= '0' && c <= '9';
      t.type = digit_first ? TokenType::kNumber : TokenType::kWord;
      t.end = static_cast<uint32_t>(begin + j);
      const char* p = text.data() + begin + i;
      if (digit_first || !filter || filter->MayContain(p, j - i)) t.key = HashLower(p, j - i);
      if (!digit_first && c <= 'Z') {
        // Only a word that starts with a capital can be all capitals.
        t.flags |= Token::kCapital;
        bool lower = j - i <= 64 ? Window(m.lower, i, j - i) != 0 : CountUpTo(m.lower, i, j, 1) != 0;
        if (!lower) t.flags |= Token::kUpper;
      }
      i = j;
      continue;
    }
    t.type = TokenType::kPunct;
    if (c < 0x80) {
      t.punct = kClass.c[c] == kPunctC ? static_cast<char>(c) : '?';  // '?': controls
      t.end = t.start + 1;
      ++i;
    } else {
      size_t pos = begin + i;
      char32_t cp = DecodeUtf8(text.substr(0, end), &pos);
      t.end = static_cast<uint32_t>(pos);
      i = pos - begin;
      if (IsDashCodePoint(cp)) {
        t.punct = '-';
        if (cp == 0x2013 || cp == 0x2014) t.flags |= Token::kLongDash;
      } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB || cp == 0x00BB) {
        t.punct = '"';
      } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x00B4 || cp == 0x02BC ||
                 cp == 0x2032) {
        t.punct = '\'';
      } else if (cp == 0x00A7) {
        t.punct = 'S';  // section sign
      } else if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F) {
        pending = t.flags | Token::kSpaceBefore;  // a stray non-normalized space: no token
        out->pop_back();
        continue;
      } else {
        t.punct = '?';  // any other symbol: a separator the grammar never joins across
      }
    }
    t.key = kPunctKey | static_cast<unsigned char>(t.punct);
  }
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
