// UTF-8 helpers shared by the readers and the grammar.
#ifndef SECXREF_BASE_UTF8_H_
#define SECXREF_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace secxref {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Decodes one code point at s[*pos], advancing *pos. Invalid bytes decode as U+FFFD and
// advance by one.
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(char32_t cp, std::string* out);

// Windows-1252 (a superset of Latin-1's printable range) to UTF-8: 0x93 -> U+201C, 0x96 -> U+2013,
// 0xA0 -> U+00A0.
std::string Cp1252ToUtf8(std::string_view s);

// Replaces invalid sequences with U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// Applies the Document text conventions to one code point: returns 0 to drop it (zero-width,
// soft hyphen, controls other than '\n' and '\t'), ' ' for every Unicode space separator,
// else cp.
char32_t NormalizeTextCodePoint(char32_t cp);

// True for the hyphen-like code points the grammar reads as '-':
// U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D.
bool IsDashCodePoint(char32_t cp);

// ASCII lower-casing (ids and terms are ASCII).
std::string AsciiLower(std::string_view s);

}  // namespace secxref

#endif  // SECXREF_BASE_UTF8_H_
