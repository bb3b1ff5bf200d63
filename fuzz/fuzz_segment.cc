// Fuzzes the letter segmenter: SegmentLetter on a Document built from fuzz text and fake
// layout, then CiteLetter (the grammar with the comments as context resets and the headings
// found), as the indexer runs them.
//
// Input: one mode byte, then the text. Mode bits 0-1: format ("text", "html", "pdf"); bit 2:
// the Document is assembled the readers' way (each line normalized, BuildText: blank lines,
// hyphen joins, kAllCaps) — else raw (UTF-8 sanitized only, lines split at '\n', the
// segmenter's robustness beyond the reader contract); bit 3: an EDGAR header is known
// (bit 4: form UPLOAD, else CORRESP; filed date, accession, CIK, company). In the text, '\f'
// starts a new page, and a line starting with 0x01 takes its Line::flags and indent (points)
// from the next two bytes: fuzzed bold/centered/indented lines.
//
// Checked beyond "no crash": every span the Letter reports lies inside the text, comments are
// in text order without overlap, a response's answer starts inside its comment, and every
// citation lies in the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/document_checks.h"
#include "indexer/base/utf8.h"
#include "indexer/extract/cited_letter.h"
#include "indexer/read/raw_line.h"
#include "indexer/read/text_builder.h"
#include "indexer/segment/segmenter.h"

namespace {

using secxref::fuzz::Fail;

struct FakeLine {
  std::string_view text;
  uint16_t page;
  uint8_t flags;
  int16_t indent;
};

std::vector<FakeLine> SplitLines(std::string_view text) {
  std::vector<FakeLine> out;
  uint16_t page = 1;
  size_t at = 0;
  while (at <= text.size()) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == text.npos ? text.npos : nl - at);
    FakeLine f{line, page, 0, 0};
    if (line.size() >= 3 && line[0] == '\x01') {
      f.flags = static_cast<uint8_t>(line[1]) & 0x1F;
      f.indent = static_cast<int8_t>(line[2]) * 4;
      f.text = line.substr(3);
    }
    if (size_t ff = f.text.find('\f'); ff != f.text.npos) {
      ++page;
      f.text = f.text.substr(ff + 1);
    }
    out.push_back(f);
    if (nl == text.npos) break;
    at = nl + 1;
  }
  return out;
}

secxref::Document MakeDocument(uint8_t mode, std::string_view text) {
  secxref::Document doc;
  doc.source = "edgar/data/1234567/000000000013061818/fuzz.txt";
  static const char* kFormats[] = {"text", "html", "pdf", "text"};
  doc.format = kFormats[mode & 3];
  if (mode & 8) {
    doc.submission.form_type = (mode & 16) ? "UPLOAD" : "CORRESP";
    doc.submission.filed_date = "2013-10-29";
    doc.submission.accession = "0000000000-13-061818";
    doc.submission.cik = "1234567";
    doc.submission.company = "Fuzz Holdings, Inc.";
  }
  const std::vector<FakeLine> fake = SplitLines(text);
  const bool paged = doc.format == "pdf";
  if (mode & 4) {
    secxref::RawLines raw;
    uint16_t page = 0;
    for (const FakeLine& f : fake) {
      secxref::RawLine r;
      r.text = secxref::NormalizeLineText(f.text);
      r.blank = r.text.empty();
      r.page = paged ? f.page : 0;
      r.page_start = paged && f.page != page;
      page = f.page;
      r.flags = f.flags;
      r.indent = f.indent;
      raw.push_back(std::move(r));
    }
    secxref::BuildText(raw, &doc);
    return doc;
  }
  for (const FakeLine& f : fake) {
    std::string clean = secxref::SanitizeUtf8(f.text);
    secxref::Line line;
    if (!doc.text.empty() || !doc.lines.empty()) doc.text += '\n';
    line.start = static_cast<uint32_t>(doc.text.size());
    doc.text += clean;
    line.end = static_cast<uint32_t>(doc.text.size());
    line.page = paged ? f.page : 0;
    line.flags = f.flags;
    line.indent = f.indent;
    doc.lines.push_back(line);
  }
  return doc;
}

void CheckSpan(uint32_t start, uint32_t end, size_t size, const char* what) {
  if (start > end || end > size) Fail(what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  secxref::Document doc = MakeDocument(data[0], text);
  secxref::Letter letter = secxref::SegmentLetter(std::move(doc));
  const size_t n = letter.document.text.size();
  uint32_t previous_end = 0;
  for (const secxref::Comment& c : letter.comments) {
    CheckSpan(c.start, c.end, n, "comment outside the text");
    if (c.start < previous_end) Fail("comments overlap or out of order");
    if (c.response_start != 0 && (c.response_start < c.start || c.response_start > c.end))
      Fail("response starts outside its comment");
    previous_end = c.end;
  }
  for (const secxref::Span& h : letter.headings) CheckSpan(h.start, h.end, n, "heading outside");
  CheckSpan(letter.body.start, letter.body.end, n, "body outside the text");
  for (const secxref::PriorRef& r : letter.prior_refs)
    CheckSpan(r.start, r.end, n, "prior reference outside the text");
  secxref::CitedLetter cited = secxref::CiteLetter(std::move(letter));
  for (const secxref::CitedCitation& c : cited.citations)
    CheckSpan(c.citation.start, c.citation.end, n, "citation outside the text");
  return 0;
}
