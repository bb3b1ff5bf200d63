// Byte-level text decoding shared by the plain-text and HTML readers.
#ifndef SECXREF_READ_TEXT_ENCODING_H_
#define SECXREF_READ_TEXT_ENCODING_H_

#include <string>
#include <string_view>

namespace secxref {

enum class TextEncoding { kUtf8, kUtf16, kCp1252 };

// Returns `bytes` as UTF-8. A byte-order mark decides UTF-8 / UTF-16 (LE or BE); otherwise
// bytes that are valid UTF-8 are taken as UTF-8 and anything else as Windows-1252, the
// encoding of older EDGAR letters (a superset of Latin-1's printable range, so Latin-1
// letters come out right too). The BOM is dropped.
std::string DecodeText(std::string_view bytes, TextEncoding* used);

}  // namespace secxref

#endif  // SECXREF_READ_TEXT_ENCODING_H_
