#include "indexer/read/format_sniffer.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view haystack, std::string_view lower_needle) {
  return AsciiLower(haystack).find(lower_needle) != std::string::npos;
}

std::string_view SkipSpaceAndBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
                        s[0] == '\f' || s[0] == '\v'))
    s.remove_prefix(1);
  return s;
}

// A tar archive starts with a 512-byte header: the magic at offset 257 ("ustar\0" POSIX,
// "ustar  \0" GNU) and, at 148, the octal sum of the header's bytes (the field itself counted
// as spaces). The magic alone is five letters a text letter can hold there ("Falustar, Inc."
// did, in a generated corpus); the checksum is what tells a header from text.
bool IsTarHeader(std::string_view bytes) {
  if (bytes.size() < 512) return false;
  std::string_view magic = bytes.substr(257, 8);
  if (!magic.starts_with(std::string_view("ustar\0", 6)) && magic != std::string_view("ustar  \0", 8))
    return false;
  std::string_view field = bytes.substr(148, 8);
  size_t p = 0;
  while (p < field.size() && field[p] == ' ') ++p;
  uint32_t stated = 0;
  size_t digits = 0;
  for (; p < field.size() && field[p] >= '0' && field[p] <= '7'; ++p, ++digits)
    stated = stated * 8 + static_cast<uint32_t>(field[p] - '0');
  if (digits == 0 || (p < field.size() && field[p] != '\0' && field[p] != ' ')) return false;
  uint32_t unsigned_sum = 8 * ' ';
  int32_t signed_sum = 8 * ' ';  // some old tars summed signed chars
  for (size_t i = 0; i < 512; ++i) {
    if (i >= 148 && i < 156) continue;
    unsigned_sum += static_cast<unsigned char>(bytes[i]);
    signed_sum += static_cast<signed char>(bytes[i]);
  }
  return stated == unsigned_sum || static_cast<int32_t>(stated) == signed_sum;
}

bool LooksUuencoded(std::string_view s) {
  if (s.starts_with("begin-base64 ")) return true;
  if (!s.starts_with("begin ")) return false;
  size_t i = 6, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '7') ++i, ++digits;
  return digits >= 3 && digits <= 4 && i < s.size() && s[i] == ' ';
}

bool LooksHtml(std::string_view head) {
  std::string_view s = head.substr(0, 4096);
  if (!s.empty() && s[0] == '<') {
    for (std::string_view tag :
         {"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<table", "<font", "<br",
          "<center", "<b>", "<i>", "<span", "<meta", "<title", "<h1", "<h2", "<h3", "<pre"}) {
      if (StartsWithNoCase(s, tag)) {
        // "<p" must be a tag, not "<page>" or "<pdf>".
        char next = s.size() > tag.size() ? s[tag.size()] : '>';
        if (tag.back() == '>' || next == '>' || next == ' ' || next == '\n' || next == '\r' ||
            next == '\t' || next == '/')
          return true;
      }
    }
  }
  std::string lower = AsciiLower(s);
  return lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos;
}

bool LooksBinary(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : s) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B)
      ++control;
  }
  return control * 20 > s.size();  // over 5% control bytes
}

}  // namespace

InputFormat DetectFormat(std::string_view bytes) {
  std::string_view s = SkipSpaceAndBom(bytes);
  if (s.empty()) return InputFormat::kEmpty;
  std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return InputFormat::kPdf;
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with(std::string_view("PK\x05\x06", 4)) ||
      bytes.starts_with("PK\x07\x08") || bytes.starts_with("7z\xBC\xAF\x27\x1C") ||
      bytes.starts_with("Rar!\x1A\x07") || bytes.starts_with("070707") ||
      bytes.starts_with("070701") || bytes.starts_with("070702"))
    return InputFormat::kArchive;
  if (IsTarHeader(bytes)) return InputFormat::kArchive;
  if (bytes.starts_with("\x1F\x8B") || bytes.starts_with("\x1F\x9D") ||
      (bytes.starts_with("BZh") && bytes.size() > 3 && bytes[3] >= '1' && bytes[3] <= '9') ||
      bytes.starts_with(std::string_view("\xFD"
                                         "7zXZ\x00",
                                         6)) ||
      bytes.starts_with("\x28\xB5\x2F\xFD") || bytes.starts_with("LZIP"))
    return InputFormat::kCompressed;
  if (bytes.starts_with("\xFF\xD8\xFF") || bytes.starts_with("\x89PNG") ||
      bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a") ||
      bytes.starts_with(std::string_view("II*\x00", 4)) ||
      bytes.starts_with(std::string_view("MM\x00*", 4)))
    return InputFormat::kImage;
  bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (!utf16 && LooksBinary(bytes)) return InputFormat::kBinary;
  for (std::string_view tag :
       {"<sec-document>", "<sec-header>", "<submission>", "<ims-document>", "<ims-header>"}) {
    if (StartsWithNoCase(s, tag)) return InputFormat::kSgmlSubmission;
  }
  if (StartsWithNoCase(s, "<document>")) return InputFormat::kSgmlDocument;
  if (LooksUuencoded(s)) return InputFormat::kUuencoded;
  if (LooksHtml(s)) return InputFormat::kHtml;
  if (StartsWithNoCase(s, "<?xml")) {
    return ContainsNoCase(s.substr(0, 4096), "<html") ? InputFormat::kHtml : InputFormat::kXml;
  }
  return InputFormat::kText;
}

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kEmpty:
      return "empty";
    case InputFormat::kPdf:
      return "pdf";
    case InputFormat::kArchive:
      return "archive";
    case InputFormat::kCompressed:
      return "compressed";
    case InputFormat::kSgmlSubmission:
      return "sgml";
    case InputFormat::kSgmlDocument:
      return "sgml";
    case InputFormat::kUuencoded:
      return "uuencoded";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kText:
      return "text";
    case InputFormat::kImage:
      return "image";
    case InputFormat::kXml:
      return "xml";
    case InputFormat::kBinary:
      return "binary";
  }
  return "unknown";
}

}  // namespace secxref
