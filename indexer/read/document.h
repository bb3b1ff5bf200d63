// A Document is what a reader recovers from one input: the letter's text as UTF-8 plus the
// layout facts later stages need (line boundaries, pages, emphasis, indentation) and any
// metadata the container carried (SGML header fields, EDGAR path).
//
// Text conventions every reader follows, so the segmenter and the grammar see one shape:
//   - UTF-8, valid; Unicode space separators (NBSP, thin spaces...) become ' ', zero-width
//     characters and soft hyphens are dropped, CR and other control characters removed.
//     Dashes are kept as written (the grammar reads U+2010..U+2015 and U+2212 as hyphens).
//   - One '\n' between lines; an empty line ("\n\n") where the source shows a paragraph or
//     block break. No leading/trailing spaces on a line; runs of spaces collapsed to one.
//   - Text repeated by the page layout (PDF running headers "Name / Company / Date / Page N"
//     from page 2 on, letterhead logo captions, template residue) is removed; a word or
//     citation broken across a line end ("280-10-\n50-1") is rejoined.
#ifndef SECXREF_READ_DOCUMENT_H_
#define SECXREF_READ_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace secxref {

// One line of Document::text. start/end are byte offsets into text (end excludes '\n').
struct Line {
  enum Flags : uint8_t {
    kBold = 1,
    kItalic = 2,
    kUnderline = 4,
    kCentered = 8,
    kAllCaps = 16,
  };
  uint32_t start = 0;
  uint32_t end = 0;
  uint16_t page = 0;    // 1-based page for PDF; 0 when the format has no pages
  uint8_t flags = 0;    // Flags, where the format tells (HTML tags/CSS, PDF font names)
  int16_t indent = 0;   // left indent in points (PDF, HTML padding/margin); 0 if unknown
};

// Fields an EDGAR SGML header (or an EDGAR archive path) states about the submission.
struct SubmissionInfo {
  std::optional<std::string> accession;   // "0000000000-13-061818"
  std::optional<std::string> cik;         // unpadded: "1508475"
  std::optional<std::string> form_type;   // CONFORMED SUBMISSION TYPE / <TYPE>: "UPLOAD", "CORRESP"
  std::optional<std::string> filed_date;  // ISO "2013-10-29" from FILED AS OF DATE
  std::optional<std::string> company;     // COMPANY CONFORMED NAME
};

struct Document {
  std::string source;                 // the path as given on the command line (or walked to)
  std::optional<std::string> member;  // archive entry or SGML document inside source, else none
  std::string format;                 // "pdf", "html", "text"; set even when error is set
  std::string text;                   // see the conventions above
  std::vector<Line> lines;            // one per line of text, in order; may be empty
  SubmissionInfo submission;
  std::string error;                  // non-empty: the input could not be read (text empty)
  std::vector<std::string> warnings;  // readable, but something was off ("no text layer")
  uint64_t raw_bytes = 0;             // size of the input bytes this document came from
};

}  // namespace secxref

#endif  // SECXREF_READ_DOCUMENT_H_
