#include "indexer/extract/token.h"

#include "indexer/base/utf8.h"

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

inline bool IsAlnumClass(uint8_t k) { return k == kUpperC || k == kLowerC || k == kDigitC; }

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t i = begin;
  uint8_t pending = 0;  // flags for the next token
  int newlines = 0;
  while (i < end) {
    uint8_t k = kClass.c[s[i]];
    if (k == kSpace) {
      pending |= Token::kSpaceBefore;
      ++i;
      continue;
    }
    if (k == kNewline) {
      pending |= Token::kSpaceBefore | Token::kNewlineBefore;
      if (++newlines >= 2) pending |= Token::kParaBefore;
      ++i;
      continue;
    }
    Token t;
    t.start = i;
    if (IsAlnumClass(k)) {
      t.type = k == kDigitC ? TokenType::kNumber : TokenType::kWord;
      bool all_upper = true, any_letter = false;
      uint32_t j = i;
      while (j < end) {
        uint8_t kk = kClass.c[s[j]];
        if (!IsAlnumClass(kk)) break;
        if (kk == kLowerC) all_upper = false;
        if (kk != kDigitC) any_letter = true;
        ++j;
      }
      t.end = j;
      if (t.type == TokenType::kWord) {
        if (k == kUpperC) t.flags |= Token::kCapital;
        if (all_upper && any_letter) t.flags |= Token::kUpper;
      }
      i = j;
    } else if (k == kPunctC) {
      t.type = TokenType::kPunct;
      t.punct = static_cast<char>(s[i]);
      t.end = i + 1;
      i = t.end;
    } else if (k == kHigh) {
      size_t pos = i;
      char32_t cp = DecodeUtf8(text.substr(0, end), &pos);
      t.end = static_cast<uint32_t>(pos);
      i = t.end;
      if (IsDashCodePoint(cp)) {
        t.type = TokenType::kPunct;
        t.punct = '-';
        if (cp == 0x2013 || cp == 0x2014) t.flags |= Token::kLongDash;
      } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB || cp == 0x00BB) {
        t.type = TokenType::kPunct;
        t.punct = '"';
      } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x00B4 || cp == 0x02BC ||
                 cp == 0x2032) {
        t.type = TokenType::kPunct;
        t.punct = '\'';
      } else if (cp == 0x00A7) {
        t.type = TokenType::kPunct;
        t.punct = 'S';  // section sign
      } else if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F) {
        pending |= Token::kSpaceBefore;  // stray non-normalized space
        continue;
      } else {
        t.type = TokenType::kPunct;
        t.punct = '?';  // any other symbol: a separator the grammar never joins across
      }
    } else {
      t.type = TokenType::kPunct;  // control characters and the like
      t.punct = '?';
      t.end = i + 1;
      i = t.end;
    }
    t.flags |= pending;
    pending = 0;
    newlines = 0;
    out->push_back(t);
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
