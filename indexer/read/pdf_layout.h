// Lines from the positioned words of PDF pages. Kept apart from poppler so the geometry
// rules can be tested on hand-made boxes.
//
// We assemble lines ourselves instead of using poppler's text output because
//   - poppler's dehyphenation joins "non-\nGAAP" into "nonGAAP" and "606-\n10-50-1" into
//     "60610-50-1", which breaks citations (we rejoin keeping the hyphen, text_builder.h);
//   - newer staff letters put the comment number ("1.") in a left column and the comment
//     in a right column at (nearly) the same baseline: reading order is by line, then x;
//   - template residue ("FirstName LastName", "Comapany Name") is overlaid at baselines
//     a point or two from body text and must be removed before lines are merged.
#ifndef SECXREF_READ_PDF_LAYOUT_H_
#define SECXREF_READ_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "indexer/read/raw_line.h"

namespace secxref {

// One word as poppler's text_list reports it; coordinates in points from the top left.
struct PdfTextBox {
  std::string text;  // UTF-8
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float font_size = 0;
  bool bold = false;
  bool italic = false;
  bool space_after = false;
  int rotation = 0;  // 0..3, quarter turns
};

struct PdfPage {
  int number = 1;  // 1-based
  float width = 612, height = 792;
  std::vector<PdfTextBox> boxes;
};

// True when a PDF font name denotes a bold face ("Times-Bold", "Arial,Bold",
// "ABCDEE+Century Gothic,Bold", "...-Semibold", "...Black").
bool IsBoldFontName(const std::string& font);
bool IsItalicFontName(const std::string& font);

// Lays out every page:
//   - drops words under 3pt (invisible captions such as the letterhead logo's alt text) and
//     words outside the page;
//   - groups words into rows by baseline, splits rows at wide gaps, drops template residue
//     segments and dated "Page N" overlays below the header zone;
//   - merges rows whose vertical extents overlap into one line, ordered by x;
//   - records page, indent (x of the line start), bold/italic (every word in such a font),
//     centered (midpoint on the text column's, away from both margins), geometry for
//     page_furniture.h, and whether the line stops short of the right margin;
//   - puts a blank line where the gap to the previous line clearly exceeds the document's
//     usual line pitch. Page boundaries are marked with page_start; whether a paragraph
//     breaks there is decided after running headers are removed.
// Rotated words are appended after the page's lines, one line per run.
RawLines LayoutPdfPages(const std::vector<PdfPage>& pages);

}  // namespace secxref

#endif  // SECXREF_READ_PDF_LAYOUT_H_
