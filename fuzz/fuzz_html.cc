// Fuzzes the HTML reader: ReadBytes on bytes that sniff as HTML (an <html> tag is put in
// front of inputs that do not), so decoding (UTF-8 or cp1252), the nesting estimate, gumbo,
// the layout rules and text assembly all run; and ReadHtmlLines directly, whose lines must
// hold normalized text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/document_checks.h"
#include "indexer/base/utf8.h"
#include "indexer/read/format_sniffer.h"
#include "indexer/read/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (secxref::DetectFormat(bytes) == secxref::InputFormat::kHtml) {
    secxref::fuzz::ReadAndCheck(bytes);
  } else {
    secxref::fuzz::ReadAndCheck("<html>" + std::string(bytes));
  }
  std::string error;
  secxref::RawLines lines = secxref::ReadHtmlLines(secxref::SanitizeUtf8(bytes), &error);
  if (!error.empty() && !lines.empty()) secxref::fuzz::Fail("HTML error with lines");
  for (const secxref::RawLine& l : lines)
    if (!secxref::IsValidUtf8(l.text)) secxref::fuzz::Fail("HTML line not valid UTF-8");
  return 0;
}
