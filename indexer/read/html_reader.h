// HTML letters (filing-agent CORRESP documents), parsed with gumbo.
#ifndef SECXREF_READ_HTML_READER_H_
#define SECXREF_READ_HTML_READER_H_

#include <string_view>

#include "indexer/read/raw_line.h"

namespace secxref {

// Renders an HTML document (UTF-8) to lines the way a browser lays it out, as far as the
// letter's reading needs:
//   - block elements (p, div, h1-h6, li, tr, blockquote...) start and end lines; <br>
//     breaks a line; text inside a block is one line however the source wraps it;
//   - a paragraph break (blank line) where the layout shows vertical space: <p> default
//     margins, CSS margin/padding top/bottom of 5pt or more, empty blocks holding only
//     &nbsp; or <br> (how Word and filing agents make blank lines), <hr>;
//   - a table row is one line, its non-empty cells separated by a space; a cell holding
//     several paragraphs continues on following lines (layout tables: "1." | comment);
//   - <ol> items get their number ("1. "), <ul> items a bullet;
//   - bold/italic/underline (tags b/strong/i/em/u and CSS font-weight/font-style/
//     text-decoration) set Line flags when they cover the whole line; text-align:center
//     or <center> sets kCentered; indent = margin-left + padding-left (+ text-indent on a
//     block's first line) in points;
//   - CSS page-break-before/after mark page boundaries (for running-header removal);
//   - head, script, style, display:none and visibility:hidden content is skipped.
// HTML nested deeper than kMaxHtmlNesting is not parsed (gumbo's tree building is
// quadratic in the depth): `error` is set and no lines are returned.
RawLines ReadHtmlLines(std::string_view utf8, std::string* error);

inline constexpr size_t kMaxHtmlNesting = 2000;

// A cheap upper estimate of the element nesting depth: start tags minus end tags, not
// counting void elements and the ones HTML closes implicitly (p, li, td, tr...). Real
// letters stay under 20.
size_t EstimateHtmlNesting(std::string_view html);

}  // namespace secxref

#endif  // SECXREF_READ_HTML_READER_H_
