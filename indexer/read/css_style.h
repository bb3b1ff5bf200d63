// The few CSS properties of inline `style` attributes that matter for reading letters:
// emphasis, alignment, indentation, vertical spacing, page breaks and hidden text.
// Filing-agent HTML puts nearly all of its formatting there (<font style=...>,
// <div style=...>, <p style=...>); stylesheets in <style> are not applied.
#ifndef SECXREF_READ_CSS_STYLE_H_
#define SECXREF_READ_CSS_STYLE_H_

#include <optional>
#include <string_view>

namespace secxref {

struct CssStyle {
  std::optional<bool> bold;        // font-weight: bold/bolder/600+ -> true, normal/400 -> false
  std::optional<bool> italic;      // font-style: italic/oblique -> true, normal -> false
  bool underline = false;          // text-decoration(-line) names underline
  std::optional<bool> centered;    // text-align: center -> true, left/right/justify -> false
  bool hidden = false;             // display:none or visibility:hidden
  bool list_none = false;          // list-style(-type): none (no bullet or number)
  bool page_break_before = false;  // page-break-before / break-before: always|page
  bool page_break_after = false;
  // Lengths in points; percentages are of a 6.5 inch (468 pt) text width.
  std::optional<float> margin_top, margin_bottom, padding_top, padding_bottom;
  float margin_left = 0, padding_left = 0, text_indent = 0;
  float margin_right = 0, padding_right = 0;
  bool inline_block = false;  // display:inline-block, or a width set: a box of its own
  std::optional<float> font_size;  // points
};

// Parses "prop: value; prop: value". Unknown properties and malformed values are ignored.
CssStyle ParseInlineStyle(std::string_view style);

// Parses one CSS length ("12pt", "16px", ".5in", "1em", "10%"); nullopt if not a length.
std::optional<float> ParseCssLength(std::string_view value);

}  // namespace secxref

#endif  // SECXREF_READ_CSS_STYLE_H_
