#include "indexer/read/css_style.h"

#include <charconv>
#include <string>
#include <vector>

#include "indexer/base/utf8.h"
#include "indexer/read/string_util.h"

namespace secxref {
namespace {

constexpr float kTextWidthPt = 468.0f;  // 8.5in page with 1in margins
constexpr float kEmPt = 12.0f;

bool HasWord(std::string_view value, std::string_view word) {
  for (std::string_view w : SplitWords(value))
    if (w == word) return true;
  return false;
}

bool IsBreak(std::string_view v) {
  return v == "always" || v == "page" || v == "left" || v == "right";
}

// "margin: 0 0 12pt 0.5in" -> top, right, bottom, left.
void ApplyBox(std::string_view value, std::optional<float>* top, std::optional<float>* bottom,
              float* left) {
  std::vector<std::string_view> parts = SplitWords(value);
  std::vector<float> v;
  for (std::string_view p : parts) v.push_back(ParseCssLength(p).value_or(0));
  if (v.empty()) return;
  float t = v[0], r = v.size() > 1 ? v[1] : t, b = v.size() > 2 ? v[2] : t,
        l = v.size() > 3 ? v[3] : r;
  (void)r;
  *top = t;
  *bottom = b;
  *left = l;
}

}  // namespace

std::optional<float> ParseCssLength(std::string_view value) {
  value = TrimAsciiSpace(value);
  if (value.empty()) return std::nullopt;
  size_t i = 0;
  if (value[0] == '-' || value[0] == '+') ++i;
  size_t num_start = i;
  while (i < value.size() && ((value[i] >= '0' && value[i] <= '9') || value[i] == '.')) ++i;
  if (i == num_start) return std::nullopt;
  float number = 0;
  std::string digits(value.substr(num_start, i - num_start));
  if (digits.front() == '.') digits.insert(digits.begin(), '0');
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (ec != std::errc()) return std::nullopt;
  if (value[0] == '-') number = -number;
  std::string unit = AsciiLower(TrimAsciiSpace(value.substr(i)));
  if (unit.ends_with("!important"))
    unit = std::string(TrimAsciiSpace(unit.substr(0, unit.size() - 10)));
  if (unit == "pt") return number;
  if (unit == "px" || unit.empty()) return number * 0.75f;
  if (unit == "in") return number * 72.0f;
  if (unit == "cm") return number * 28.3465f;
  if (unit == "mm") return number * 2.83465f;
  if (unit == "pc") return number * 12.0f;
  if (unit == "em" || unit == "rem") return number * kEmPt;
  if (unit == "ex" || unit == "ch") return number * kEmPt / 2;
  if (unit == "%") return number * kTextWidthPt / 100.0f;
  return std::nullopt;
}

CssStyle ParseInlineStyle(std::string_view style) {
  CssStyle css;
  size_t pos = 0;
  while (pos < style.size()) {
    size_t semi = style.find(';', pos);
    if (semi == std::string_view::npos) semi = style.size();
    std::string_view decl = style.substr(pos, semi - pos);
    pos = semi + 1;
    size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    std::string prop = AsciiLower(TrimAsciiSpace(decl.substr(0, colon)));
    std::string value = AsciiLower(TrimAsciiSpace(decl.substr(colon + 1)));
    if (value.ends_with("!important"))
      value = std::string(TrimAsciiSpace(value.substr(0, value.size() - 10)));
    if (prop == "font-weight") {
      if (value == "bold" || value == "bolder") {
        css.bold = true;
      } else if (value == "normal" || value == "lighter") {
        css.bold = false;
      } else {
        int w = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
        if (ec == std::errc()) css.bold = w >= 600;
      }
    } else if (prop == "font-style") {
      css.italic = value == "italic" || value == "oblique";
    } else if (prop == "font") {
      // Shorthand: "bold italic 10pt Times"; only the keywords matter here.
      if (HasWord(value, "bold") || HasWord(value, "700")) css.bold = true;
      if (HasWord(value, "italic")) css.italic = true;
    } else if (prop == "text-decoration" || prop == "text-decoration-line") {
      if (value.find("underline") != std::string::npos) css.underline = true;
    } else if (prop == "text-align") {
      css.centered = value == "center";
    } else if (prop == "list-style-type" || prop == "list-style") {
      if (HasWord(value, "none")) css.list_none = true;
    } else if (prop == "display") {
      if (value == "none") css.hidden = true;
      if (value == "inline-block") css.inline_block = true;
    } else if (prop == "font-size") {
      css.font_size = ParseCssLength(value);
    } else if (prop == "width") {
      css.inline_block = ParseCssLength(value).value_or(0) > 0 || css.inline_block;
    } else if (prop == "margin-right") {
      css.margin_right = ParseCssLength(value).value_or(0);
    } else if (prop == "padding-right") {
      css.padding_right = ParseCssLength(value).value_or(0);
    } else if (prop == "visibility") {
      if (value == "hidden" || value == "collapse") css.hidden = true;
    } else if (prop == "page-break-before" || prop == "break-before") {
      css.page_break_before = IsBreak(value);
    } else if (prop == "page-break-after" || prop == "break-after") {
      css.page_break_after = IsBreak(value);
    } else if (prop == "margin-top") {
      css.margin_top = ParseCssLength(value);
    } else if (prop == "margin-bottom") {
      css.margin_bottom = ParseCssLength(value);
    } else if (prop == "padding-top") {
      css.padding_top = ParseCssLength(value);
    } else if (prop == "padding-bottom") {
      css.padding_bottom = ParseCssLength(value);
    } else if (prop == "margin-left") {
      css.margin_left = ParseCssLength(value).value_or(0);
    } else if (prop == "padding-left") {
      css.padding_left = ParseCssLength(value).value_or(0);
    } else if (prop == "text-indent") {
      css.text_indent = ParseCssLength(value).value_or(0);
    } else if (prop == "margin") {
      ApplyBox(value, &css.margin_top, &css.margin_bottom, &css.margin_left);
    } else if (prop == "padding") {
      ApplyBox(value, &css.padding_top, &css.padding_bottom, &css.padding_left);
    }
  }
  return css;
}

}  // namespace secxref
