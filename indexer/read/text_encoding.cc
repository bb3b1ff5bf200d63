#include "indexer/read/text_encoding.h"

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) -> char32_t {
    unsigned char a = static_cast<unsigned char>(bytes[i]);
    unsigned char b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

}  // namespace

std::string DecodeText(std::string_view bytes, TextEncoding* used) {
  TextEncoding dummy;
  if (used == nullptr) used = &dummy;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    *used = TextEncoding::kUtf8;
    return SanitizeUtf8(bytes.substr(3));
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    *used = TextEncoding::kUtf16;
    return Utf16ToUtf8(bytes.substr(2), bytes[0] == '\xFE');
  }
  if (IsValidUtf8(bytes)) {
    *used = TextEncoding::kUtf8;
    return std::string(bytes);
  }
  *used = TextEncoding::kCp1252;
  return Cp1252ToUtf8(bytes);
}

}  // namespace secxref
