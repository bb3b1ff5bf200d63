#include "indexer/read/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "indexer/read/pdf_layout.h"

// poppler initialises fontconfig once per process and never frees it; LeakSanitizer
// (SECXREF_SANITIZE builds) would otherwise fail every program that reads a PDF. Linked in
// wherever the PDF reader is, and inert without the sanitizer.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace secxref {
namespace {

void IgnorePopplerMessage(const std::string&, void*) {}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

}  // namespace

PdfReadResult ReadPdf(std::string_view bytes, const ReadLimits& limits) {
  SilencePoppler();
  PdfReadResult result;
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    result.error = "PDF too large for the PDF library";
    return result;
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    result.error = bytes.find("/Encrypt") != std::string_view::npos
                       ? "encrypted PDF (cannot be opened without a password)"
                       : "cannot parse PDF (damaged or truncated)";
    return result;
  }
  if (doc->is_locked()) {
    result.error = "encrypted PDF (cannot be opened without a password)";
    return result;
  }
  int pages = doc->pages();
  if (pages <= 0) {
    result.error = "cannot parse PDF (no pages)";
    return result;
  }
  if (static_cast<uint64_t>(pages) > limits.max_pdf_pages) {
    result.warnings.push_back("PDF has " + std::to_string(pages) + " pages; read the first " +
                              std::to_string(limits.max_pdf_pages));
    pages = static_cast<int>(limits.max_pdf_pages);
  }
  std::vector<PdfPage> laid;
  laid.reserve(pages);
  size_t words = 0;
  int unreadable = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page == nullptr) {
      ++unreadable;
      continue;
    }
    PdfPage& out = laid.emplace_back();
    out.number = i + 1;
    poppler::rectf rect = page->page_rect();
    out.width = static_cast<float>(rect.width());
    out.height = static_cast<float>(rect.height());
    std::vector<poppler::text_box> boxes = page->text_list(poppler::page::text_list_include_font);
    out.boxes.reserve(boxes.size());
    for (poppler::text_box& box : boxes) {
      poppler::byte_array utf8 = box.text().to_utf8();
      if (utf8.empty()) continue;
      PdfTextBox& b = out.boxes.emplace_back();
      b.text.assign(utf8.data(), utf8.size());
      poppler::rectf bb = box.bbox();
      b.x0 = static_cast<float>(bb.x());
      b.y0 = static_cast<float>(bb.y());
      b.x1 = static_cast<float>(bb.x() + bb.width());
      b.y1 = static_cast<float>(bb.y() + bb.height());
      b.font_size = static_cast<float>(box.get_font_size());
      std::string font = box.get_font_name();
      b.bold = IsBoldFontName(font);
      b.italic = IsItalicFontName(font);
      b.space_after = box.has_space_after();
      b.rotation = box.rotation();
      ++words;
    }
  }
  if (unreadable > 0)
    result.warnings.push_back(std::to_string(unreadable) + " PDF page(s) could not be read");
  if (words == 0) {
    result.warnings.push_back("no text layer (scanned or image-only PDF)");
    return result;
  }
  result.lines = LayoutPdfPages(laid);
  return result;
}

}  // namespace secxref
