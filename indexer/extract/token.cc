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
  std::vector<uint64_t> alnum, lower, ws, nl;
  std::vector<uint32_t> starts;    // each letter/digit run start, and every byte that is
                                   // neither a letter, a digit nor whitespace
  std::vector<uint32_t> run_ends;  // one past each letter/digit run, in order
  std::vector<Token> tokens;       // Tokenize builds here, then appends to its output at once
  size_t words = 0, n_starts = 0, n_run_ends = 0;
};

template <typename T>
void Grow(std::vector<T>* v, size_t n) {
  if (v->size() < n) v->resize(n);
}

// Bits of s[i, i + 64) (i + 64 <= n), scalar: the tail, and machines without SSE2.
void ClassifyWord(const unsigned char* s, size_t i, size_t n, Scan* m) {
  uint64_t alnum = 0, lower = 0, ws = 0, nl = 0;
  for (size_t k = 0; k < 64 && i + k < n; ++k) {
    unsigned char c = s[i + k];
    uint64_t bit = uint64_t{1} << k;
    uint8_t a = kAlnum.c[c];
    if (a & 1) alnum |= bit;
    if (a & 2) lower |= bit;
    if (kClass.c[c] == kSpace || c == '\n') ws |= bit;
    if (c == '\n') nl |= bit;
  }
  size_t w = i >> 6;
  m->alnum[w] = alnum, m->lower[w] = lower, m->ws[w] = ws, m->nl[w] = nl;
}

#if defined(__SSE2__)
inline __m128i InRange(__m128i x, unsigned char lo, unsigned char hi) {
  __m128i l = _mm_set1_epi8(static_cast<char>(lo)), h = _mm_set1_epi8(static_cast<char>(hi));
  return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, l), x), _mm_cmpeq_epi8(_mm_min_epu8(x, h), x));
}
#endif

// Appends base + the index of every set bit of x to *p.
inline uint32_t* Positions(uint64_t x, uint32_t base, uint32_t* p) {
  while (x) {
    *p++ = base + static_cast<uint32_t>(__builtin_ctzll(x));
    x &= x - 1;
  }
  return p;
}

void Classify(const unsigned char* s, size_t n, Scan* m) {
  const size_t words = (n + 63) / 64;
  m->words = words;
  Grow(&m->alnum, words);
  Grow(&m->lower, words);
  Grow(&m->ws, words);
  Grow(&m->nl, words);
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, four such to a bitmap word.
  const __m128i bit20 = _mm_set1_epi8(0x20), space = _mm_set1_epi8(' '), newline = _mm_set1_epi8('\n');
  for (; i + 64 <= n; i += 64) {
    uint64_t alnum = 0, lower = 0, ws = 0, nl = 0;
    for (int q = 0; q < 4; ++q) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 16 * q));
      __m128i folded = _mm_or_si128(x, bit20);
      __m128i letter = InRange(folded, 'a', 'z');
      __m128i is_lower = _mm_cmpeq_epi8(_mm_and_si128(x, bit20), bit20);
      const int shift = 16 * q;
      alnum |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_or_si128(letter, InRange(x, '0', '9')))) << shift;
      lower |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_and_si128(letter, is_lower))) << shift;
      ws |= static_cast<uint64_t>(_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(x, space), InRange(x, '\t', '\r')))) << shift;
      nl |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, newline))) << shift;
    }
    size_t w = i >> 6;
    m->alnum[w] = alnum, m->lower[w] = lower, m->ws[w] = ws, m->nl[w] = nl;
  }
#endif
  for (; i < n; i += 64) ClassifyWord(s, i, n, m);
  // A run starts at a letter/digit after a non-letter/digit and ends before one; the carry
  // bits join runs across words. Room for 64 positions per word.
  Grow(&m->starts, words * 64);
  Grow(&m->run_ends, words * 64);
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

// The bits [a, a + len) as a word, 1 <= len <= 64.
inline uint64_t Window(const uint64_t* bits, size_t words, size_t a, size_t len) {
  size_t w = a >> 6, off = a & 63;
  uint64_t x = bits[w] >> off;
  if (off && off + len > 64 && w + 1 < words) x |= bits[w + 1] << (64 - off);
  return len == 64 ? x : x & ((uint64_t{1} << len) - 1);
}

// Whether any bit in [a, b) is set.
inline bool AnyBit(const uint64_t* bits, size_t words, size_t a, size_t b) {
  while (a < b) {
    size_t len = b - a < 64 ? b - a : 64;
    if (Window(bits, words, a, len)) return true;
    a += len;
  }
  return false;
}

// Line breaks in [a, b), counted up to 2.
inline int NewlinesUpTo2(const uint64_t* nl, size_t words, size_t a, size_t b) {
  int count = 0;
  while (a < b && count < 2) {
    size_t len = b - a < 64 ? b - a : 64;
    uint64_t x = Window(nl, words, a, len);
    count += (x != 0) + ((x & (x - 1)) != 0);
    a += len;
  }
  return count < 2 ? count : 2;
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              const TokenVocabulary* vocab, std::vector<uint32_t>* candidates) {
  const unsigned char* const s = reinterpret_cast<const unsigned char*>(text.data()) + begin;
  const size_t n = end - begin;
  const size_t readable = text.size() - begin;  // KeyOf may load past a word, not past the text
  thread_local Scan m;
  Classify(s, n, &m);
  const size_t first = out->size();
  Grow(&m.tokens, m.n_starts);  // at most one token per start
  // Plain pointers and locals: Token's byte-sized fields alias everything, so through the
  // vectors the compiler would reload their data pointers after every token store.
  Token* const built = m.tokens.data();
  Token* o = built;
  const uint32_t lead_mask = vocab ? vocab->lead_mask : 0;
  const uint64_t* const lower = m.lower.data();
  const uint64_t* const nl = m.nl.data();
  const size_t words = m.words;
  const uint32_t* run_end = m.run_ends.data();
  uint8_t pending = 0;  // flags carried over a Unicode space, which is no token
  size_t prev_end = 0;  // end of the previous token (or Unicode space)
  const uint32_t* const starts_end = m.starts.data() + m.n_starts;
  for (const uint32_t* sp = m.starts.data(); sp != starts_end; ++sp) {
    const uint32_t i = *sp;
    if (i < prev_end) continue;  // a continuation byte of a multi-byte character
    Token t;
    t.start = static_cast<uint32_t>(begin + i);
    uint8_t flags = pending;
    pending = 0;
    if (i != prev_end) {  // whitespace in between
      flags |= Token::kSpaceBefore;
      if (i - prev_end == 1) {
        if (s[prev_end] == '\n') flags |= Token::kNewlineBefore;
      } else if (int lines = NewlinesUpTo2(nl, words, prev_end, i)) {
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
        if (!AnyBit(lower, words, i, j)) flags |= Token::kUpper;
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
      *o++ = t;
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
    *o++ = t;
  }
  out->insert(out->end(), built, o);
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
