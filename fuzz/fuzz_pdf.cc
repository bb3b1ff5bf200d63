// Fuzzes the PDF reader: ReadBytes on bytes that sniff as PDF ("%PDF-1.4" is put in front of
// inputs that do not), so poppler's parse, the word layout, running-header removal and text
// assembly all run. poppler itself is not instrumented (a Debian package): coverage counts
// our code; a crash inside poppler is still caught by ASan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/document_checks.h"
#include "indexer/read/format_sniffer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (secxref::DetectFormat(bytes) == secxref::InputFormat::kPdf) {
    secxref::fuzz::ReadAndCheck(bytes);
  } else {
    secxref::fuzz::ReadAndCheck("%PDF-1.4\n" + std::string(bytes));
  }
  return 0;
}
