// Small ASCII-minded string helpers for the structure rules. Letters are UTF-8; these
// helpers only ever compare ASCII bytes, so multi-byte characters pass through untouched.
#ifndef SECXREF_SEGMENT_TEXT_UTIL_H_
#define SECXREF_SEGMENT_TEXT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

namespace secxref::seg {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline char AsciiToLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view s);
// Trims spaces and the punctuation a line may carry around a phrase: "*", "_", ":" and ",".
std::string_view TrimDecoration(std::string_view s);

bool StartsWithI(std::string_view s, std::string_view prefix);
bool EndsWithI(std::string_view s, std::string_view suffix);
// Position of `needle` in `hay` (case-insensitive) from `from`, or npos.
size_t FindI(std::string_view hay, std::string_view needle, size_t from = 0);
bool ContainsI(std::string_view hay, std::string_view needle);
// Like FindI but `needle` must start and end at word boundaries.
size_t FindWordI(std::string_view hay, std::string_view needle, size_t from = 0);

// True when s[pos] starts a word (no letter or digit before it).
bool AtWordStart(std::string_view s, size_t pos);
// True when the first letter of `s` (after quotes, brackets and bullets) is upper case,
// or `s` starts with a digit.
bool StartsCapitalised(std::string_view s);
// The last byte of `s` that is not a space or a closing quote/bracket/"*", or 0.
char LastSignificant(std::string_view s);
// Counts ASCII letters and digits.
size_t CountAlpha(std::string_view s);
size_t CountDigits(std::string_view s);

// Parses a decimal number at s[*pos] (at most `max_digits` digits), advancing *pos.
std::optional<int> ParseNumber(std::string_view s, size_t* pos, int max_digits = 4);
// "one" .. "twenty" (case-insensitive) at s[*pos], advancing *pos past the word.
std::optional<int> ParseNumberWord(std::string_view s, size_t* pos);
// Skips spaces at s[*pos].
void SkipSpaces(std::string_view s, size_t* pos);

// Collapses runs of spaces/newlines to one space and trims.
std::string CollapseSpaces(std::string_view s);

}  // namespace secxref::seg

#endif  // SECXREF_SEGMENT_TEXT_UTIL_H_
