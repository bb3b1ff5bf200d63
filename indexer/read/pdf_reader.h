// PDF letters (staff UPLOAD letters), read with poppler-cpp.
#ifndef SECXREF_READ_PDF_READER_H_
#define SECXREF_READ_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/read/raw_line.h"
#include "indexer/read/reader.h"

namespace secxref {

struct PdfReadResult {
  RawLines lines;
  std::string error;                  // set when the PDF cannot be read at all
  std::vector<std::string> warnings;  // "no text layer", pages over the limit...
};

// Extracts the positioned words of each page (page::text_list with fonts) and lays them
// out with LayoutPdfPages. poppler's own diagnostics are silenced (they go to stderr).
PdfReadResult ReadPdf(std::string_view bytes, const ReadLimits& limits);

}  // namespace secxref

#endif  // SECXREF_READ_PDF_READER_H_
