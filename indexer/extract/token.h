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

  bool space_before() const { return flags & kSpaceBefore; }
  bool attached() const { return !(flags & kSpaceBefore); }
  bool is_word() const { return type == TokenType::kWord; }
  bool is_number() const { return type == TokenType::kNumber; }
  bool is_punct(char c) const { return type == TokenType::kPunct && punct == c; }
};

// Tokenizes text[begin, end) and appends to *out. Linear, no allocation per token.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Case-insensitive comparison of a word token with a lower-case ASCII literal.
bool WordIs(std::string_view text, const Token& t, std::string_view lower);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_TOKEN_H_
