#include "indexer/read/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/read/css_style.h"
#include "indexer/read/document.h"
#include "indexer/read/text_builder.h"

namespace secxref {
namespace {

// Vertical space (points) from which the layout shows a paragraph break. Filing agents use
// 6pt and more between paragraphs, 0-3pt inside blocks such as the addressee lines.
constexpr float kParagraphSpacePt = 5.0f;
constexpr float kDefaultBlockMarginPt = 12.0f;  // 1em: <p>, <h1>..<h6>, <blockquote>, lists
constexpr float kListIndentPt = 30.0f;          // 40px padding of <ul>/<ol>
// Deeper than this, structure is ignored and only text is collected (no recursion).
constexpr int kMaxDepth = 256;

// Type this small is not for reading: it is the text layer filing agents put behind page
// images (font-size:1pt;color:white), written with runs of spaces where lines ended.
constexpr float kTextLayerMaxFontPt = 2.0f;

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool pre = false;
  bool text_layer = false;  // 2+ spaces end a line, 4+ a paragraph
};

struct BlockContext {
  bool centered = false;
  float left = 0;  // accumulated margin-left + padding-left
};

// Collects lines as the walker emits text and breaks. One per document, and one per table
// cell (cells are laid out separately, then merged into row lines).
class LineCollector {
 public:
  void Text(std::string_view s, const InlineStyle& style, const BlockContext& block) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (style.pre && c == '\n') {
        Flush(true);
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (style.text_layer && c == ' ') {
          size_t run = 1;
          while (i + run < s.size() && s[i + run] == ' ') ++run;
          if (run >= 2) {
            Flush(false);
            if (run >= 4) Push(RawLine::Blank());
            i += run - 1;
            continue;
          }
        }
        cur_.push_back(' ');
        continue;
      }
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        cur_.push_back(' ');  // &nbsp;: a space that makes an otherwise empty block a line
        has_nbsp_ = true;
        ++i;
        continue;
      }
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          static_cast<unsigned char>(s[i + 2]) <= 0x8A) {
        cur_.push_back(' ');  // U+2000..U+200A: em spaces and friends, like &nbsp;
        has_nbsp_ = true;
        i += 2;
        continue;
      }
      if (!has_text_) {
        has_text_ = true;
        centered_ = block.centered && !style.text_layer;  // a layer is not typeset
        indent_ = block.left + (indent_armed_ ? text_indent_ : 0);
        indent_armed_ = false;
      }
      cur_.push_back(static_cast<char>(c));
      if ((c & 0xC0) == 0x80) continue;  // count code points, not bytes
      ++chars_;
      if (style.bold) ++bold_;
      if (style.italic) ++italic_;
      if (style.underline) ++underline_;
    }
  }

  void HardBreak() { Flush(true); }
  void EndLine() { Flush(false); }
  void AddSpace(float pt) { pending_space_ = std::max(pending_space_, pt); }
  void PageBreak() { pending_page_ = true; }
  void ArmTextIndent(float pt) {
    text_indent_ = pt;
    indent_armed_ = pt != 0;
  }

  // Lays a table row out as lines: cells side by side on one line, a space between; a cell
  // with several lines continues on the following lines, the next cell joining its last.
  void AppendRow(std::vector<RawLines> cells) {
    EndLine();
    std::vector<RawLine> out;
    RawLine current;
    bool have_current = false;
    auto join = [&](const RawLine& part) {
      if (!have_current) {
        current = part;
        have_current = true;
        return;
      }
      current.text += ' ';
      current.text += part.text;
      current.flags &= part.flags;
      current.flags &= static_cast<uint8_t>(~Line::kCentered);
    };
    for (RawLines& cell : cells) {
      while (!cell.empty() && cell.back().blank) cell.pop_back();
      size_t first = 0;
      while (first < cell.size() && cell[first].blank) ++first;
      if (first == cell.size()) continue;
      join(cell[first]);
      for (size_t i = first + 1; i < cell.size(); ++i) {
        if (have_current) out.push_back(std::move(current));
        have_current = false;
        if (cell[i].blank) {
          out.push_back(RawLine::Blank());
        } else {
          current = std::move(cell[i]);
          have_current = true;
        }
      }
    }
    if (have_current) out.push_back(std::move(current));
    for (RawLine& line : out) Push(std::move(line));
  }

  RawLines Take() {
    EndLine();
    return std::move(lines_);
  }

 private:
  void Push(RawLine line) {
    if (line.blank) {
      if (!lines_.empty() && !lines_.back().blank) lines_.push_back(std::move(line));
      if (pending_page_ && !lines_.empty()) lines_.back().page_start = true, pending_page_ = false;
      pending_space_ = 0;
      return;
    }
    if (pending_space_ >= kParagraphSpacePt && !lines_.empty() && !lines_.back().blank)
      lines_.push_back(RawLine::Blank());
    pending_space_ = 0;
    if (pending_page_) {
      line.page_start = true;
      pending_page_ = false;
    }
    lines_.push_back(std::move(line));
  }

  void Flush(bool forced) {
    if (has_text_) {
      RawLine line;
      line.text = NormalizeLineText(cur_);
      if (chars_ > 0 && bold_ == chars_) line.flags |= Line::kBold;
      if (chars_ > 0 && italic_ == chars_) line.flags |= Line::kItalic;
      if (chars_ > 0 && underline_ == chars_) line.flags |= Line::kUnderline;
      if (centered_) line.flags |= Line::kCentered;
      line.indent = static_cast<int16_t>(std::clamp(indent_, -3000.0f, 3000.0f));
      Push(std::move(line));
    } else if (forced || has_nbsp_) {
      Push(RawLine::Blank());
    }
    cur_.clear();
    has_text_ = has_nbsp_ = false;
    chars_ = bold_ = italic_ = underline_ = 0;
  }

  RawLines lines_;
  std::string cur_;
  size_t chars_ = 0, bold_ = 0, italic_ = 0, underline_ = 0;
  bool has_text_ = false, has_nbsp_ = false;
  bool centered_ = false;
  float indent_ = 0;
  float text_indent_ = 0;
  bool indent_armed_ = false;
  float pending_space_ = 0;
  bool pending_page_ = false;
};

// What each tag means for reading, as one table.
struct TagTraits {
  bool skipped = false;  // never rendered: head, script, style, images...
  bool block = false;    // starts and ends lines
  float margin = 0;      // default vertical margin (points) above and below
  bool bold = false, italic = false, underline = false, pre = false;
};

const TagTraits& Traits(GumboTag tag) {
  static const std::array<TagTraits, GUMBO_TAG_LAST + 1> kTable = [] {
    std::array<TagTraits, GUMBO_TAG_LAST + 1> t{};
    for (GumboTag g :
         {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TITLE, GUMBO_TAG_NOSCRIPT,
          GUMBO_TAG_TEMPLATE, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_IFRAME, GUMBO_TAG_SVG,
          GUMBO_TAG_MATH, GUMBO_TAG_SELECT, GUMBO_TAG_BUTTON, GUMBO_TAG_IMG, GUMBO_TAG_META,
          GUMBO_TAG_LINK, GUMBO_TAG_BASE})
      t[g].skipped = true;
    for (GumboTag g :
         {GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,     GUMBO_TAG_BLOCKQUOTE,
          GUMBO_TAG_CENTER,     GUMBO_TAG_DD,      GUMBO_TAG_DETAILS,   GUMBO_TAG_DIR,
          GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,        GUMBO_TAG_FIELDSET,
          GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,    GUMBO_TAG_FORM,
          GUMBO_TAG_H1,         GUMBO_TAG_H2,      GUMBO_TAG_H3,        GUMBO_TAG_H4,
          GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_HEADER,    GUMBO_TAG_HGROUP,
          GUMBO_TAG_LI,         GUMBO_TAG_MAIN,    GUMBO_TAG_MENU,      GUMBO_TAG_NAV,
          GUMBO_TAG_OL,         GUMBO_TAG_P,       GUMBO_TAG_PRE,       GUMBO_TAG_SECTION,
          GUMBO_TAG_SUMMARY,    GUMBO_TAG_UL,      GUMBO_TAG_CAPTION,   GUMBO_TAG_BODY,
          GUMBO_TAG_HTML,       GUMBO_TAG_LISTING, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_XMP})
      t[g].block = true;
    for (GumboTag g : {GUMBO_TAG_P, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
                       GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_UL, GUMBO_TAG_OL,
                       GUMBO_TAG_DL, GUMBO_TAG_PRE, GUMBO_TAG_FIGURE})
      t[g].margin = kDefaultBlockMarginPt;
    for (GumboTag g : {GUMBO_TAG_B, GUMBO_TAG_STRONG, GUMBO_TAG_TH, GUMBO_TAG_H1, GUMBO_TAG_H2,
                       GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6})
      t[g].bold = true;
    for (GumboTag g : {GUMBO_TAG_I, GUMBO_TAG_EM, GUMBO_TAG_CITE, GUMBO_TAG_VAR, GUMBO_TAG_DFN})
      t[g].italic = true;
    for (GumboTag g : {GUMBO_TAG_U, GUMBO_TAG_INS}) t[g].underline = true;
    for (GumboTag g : {GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_XMP})
      t[g].pre = true;
    return t;
  }();
  return kTable[tag];
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string Lower(const char* s) {
  std::string out(s ? s : "");
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Roman(int n, bool upper) {
  static const std::pair<int, const char*> kParts[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (auto [value, text] : kParts)
    while (n >= value && out.size() < 20) out += text, n -= value;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The marker a browser draws before an <ol> item of the given type ("1", "a", "A", "i").
std::string ListMarker(int n, const std::string& type) {
  if (type == "a" || type == "A") {
    if (n < 1 || n > 26) return std::to_string(n) + ". ";
    return std::string(1, static_cast<char>((type == "a" ? 'a' : 'A') + n - 1)) + ". ";
  }
  if (type == "i" || type == "I") return Roman(n, type == "I") + ". ";
  return std::to_string(n) + ". ";
}

// An <ol start> / <li value> number as int (atoi's overflow is undefined); counting on from
// it saturates (start="2147483647" overflowed: tests/read/fuzz_regression_test.cc).
int ListNumber(const char* s) {
  return static_cast<int>(std::clamp<long>(std::strtol(s, nullptr, 10), INT_MIN, INT_MAX));
}

struct ListState {
  bool ordered = false;
  bool none = false;
  int next = 1;
  std::string type = "1";
};

class HtmlWalker {
 public:
  void Walk(const GumboNode* node, InlineStyle style, BlockContext block, LineCollector* out,
            int depth) {
    if (depth > kMaxDepth) {
      CollectText(node, style, block, out);
      return;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        out->Text(node->v.text.text, style, block);
        return;
      case GUMBO_NODE_DOCUMENT:
        WalkChildren(&node->v.document.children, style, block, out, depth);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;  // comments
    }
    const GumboElement& el = node->v.element;
    GumboTag tag = el.tag;
    if (Traits(tag).skipped) return;
    if (Attr(node, "hidden") != nullptr) return;
    CssStyle css;
    if (const char* s = Attr(node, "style")) css = ParseInlineStyle(s);
    if (css.hidden) return;

    const TagTraits& traits = Traits(tag);
    style.bold |= traits.bold;
    style.italic |= traits.italic;
    style.underline |= traits.underline;
    style.pre |= traits.pre;
    if (css.bold) style.bold = *css.bold;
    if (css.italic) style.italic = *css.italic;
    if (css.underline) style.underline = true;
    if (css.font_size) style.text_layer = *css.font_size <= kTextLayerMaxFontPt;
    if (tag == GUMBO_TAG_CENTER) block.centered = true;
    if (const char* align = Attr(node, "align");
        align != nullptr && tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_IMG) {
      block.centered = Lower(align) == "center";
    }
    if (css.centered) block.centered = *css.centered;

    if (tag == GUMBO_TAG_BR) {
      // <br style="page-break-before:always"> is how some agents break pages.
      if (css.page_break_before) out->EndLine(), out->PageBreak();
      out->HardBreak();
      if (css.page_break_after) out->PageBreak();
      return;
    }
    if (tag == GUMBO_TAG_HR) {
      out->EndLine();
      if (css.page_break_before) out->PageBreak();
      out->AddSpace(kDefaultBlockMarginPt);
      if (css.page_break_after) out->PageBreak();
      return;
    }
    bool table = tag == GUMBO_TAG_TABLE;
    if (!table && !traits.block) {
      if (css.page_break_before) out->PageBreak();
      // Padding or a box around inline text is space on the page: "1." then a padded
      // <font> with the comment, a bullet in a fixed-width <span>.
      if (css.padding_left > 0 || css.margin_left > 0) out->Text(" ", style, block);
      WalkChildren(&el.children, style, block, out, depth);
      if (css.padding_right > 0 || css.margin_right > 0 || css.inline_block)
        out->Text(" ", style, block);
      if (css.page_break_after) out->PageBreak();
      return;
    }

    out->EndLine();
    if (css.page_break_before) out->PageBreak();
    out->AddSpace(css.margin_top.value_or(traits.margin) + css.padding_top.value_or(0));
    block.left += css.margin_left + css.padding_left;
    bool list = tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL;
    if (list) {
      if (css.margin_left == 0 && css.padding_left == 0) block.left += kListIndentPt;
      ListState state;
      state.ordered = tag == GUMBO_TAG_OL;
      state.none = css.list_none;
      if (const char* start = Attr(node, "start")) state.next = ListNumber(start);
      if (const char* type = Attr(node, "type")) state.type = type;
      lists_.push_back(state);
    }
    out->ArmTextIndent(css.text_indent);
    if (tag == GUMBO_TAG_LI && !lists_.empty()) {
      ListState& state = lists_.back();
      if (const char* value = Attr(node, "value")) state.next = ListNumber(value);
      if (!state.none && !css.list_none) {
        InlineStyle marker_style = style;
        out->Text(state.ordered ? ListMarker(state.next, state.type) : "\xE2\x80\xA2 ",
                  marker_style, block);
      }
      if (state.next < INT_MAX) ++state.next;
    }
    if (table) {
      WalkTable(node, style, block, out, depth);
    } else {
      WalkChildren(&el.children, style, block, out, depth);
    }
    if (list) lists_.pop_back();
    out->EndLine();
    out->AddSpace(css.margin_bottom.value_or(traits.margin) + css.padding_bottom.value_or(0));
    if (css.page_break_after) out->PageBreak();
  }

 private:
  void WalkChildren(const GumboVector* children, const InlineStyle& style,
                    const BlockContext& block, LineCollector* out, int depth) {
    for (unsigned i = 0; i < children->length; ++i)
      Walk(static_cast<const GumboNode*>(children->data[i]), style, block, out, depth + 1);
  }

  void WalkTable(const GumboNode* node, const InlineStyle& style, const BlockContext& block,
                 LineCollector* out, int depth) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag tag = child->v.element.tag;
      if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
        if (const char* s = Attr(child, "style"); s && ParseInlineStyle(s).hidden) continue;
        WalkTable(child, style, block, out, depth + 1);
      } else if (tag == GUMBO_TAG_TR) {
        WalkRow(child, style, block, out, depth + 1);
      } else {
        Walk(child, style, block, out, depth + 1);  // caption, stray content
      }
    }
  }

  void WalkRow(const GumboNode* row, const InlineStyle& style, const BlockContext& block,
               LineCollector* out, int depth) {
    CssStyle row_css;
    if (const char* s = Attr(row, "style")) row_css = ParseInlineStyle(s);
    if (row_css.hidden || Attr(row, "hidden")) return;
    InlineStyle row_style = style;
    if (row_css.bold) row_style.bold = *row_css.bold;
    if (row_css.italic) row_style.italic = *row_css.italic;
    std::vector<RawLines> cells;
    const GumboVector& children = row->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* cell = static_cast<const GumboNode*>(children.data[i]);
      if (cell->type != GUMBO_NODE_ELEMENT) continue;
      if (cell->v.element.tag != GUMBO_TAG_TD && cell->v.element.tag != GUMBO_TAG_TH) continue;
      LineCollector cell_lines;
      // Padding inside cells is layout, not paragraph spacing: walk the cell's children
      // with the cell's own emphasis and alignment, not as a block.
      CssStyle css;
      if (const char* s = Attr(cell, "style")) css = ParseInlineStyle(s);
      if (css.hidden) continue;
      InlineStyle cell_style = row_style;
      if (cell->v.element.tag == GUMBO_TAG_TH) cell_style.bold = true;
      if (css.bold) cell_style.bold = *css.bold;
      if (css.italic) cell_style.italic = *css.italic;
      if (css.underline) cell_style.underline = true;
      BlockContext cell_block = block;
      if (const char* align = Attr(cell, "align")) cell_block.centered = Lower(align) == "center";
      if (css.centered) cell_block.centered = *css.centered;
      cell_block.left += css.margin_left + css.padding_left;
      cell_lines.ArmTextIndent(css.text_indent);
      WalkChildren(&cell->v.element.children, cell_style, cell_block, &cell_lines, depth);
      cells.push_back(cell_lines.Take());
    }
    out->AppendRow(std::move(cells));
  }

  // Past kMaxDepth: text only, with an explicit stack.
  void CollectText(const GumboNode* root, const InlineStyle& style, const BlockContext& block,
                   LineCollector* out) {
    std::vector<const GumboNode*> stack = {root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        out->Text(node->v.text.text, style, block);
      } else if (node->type == GUMBO_NODE_ELEMENT && !Traits(node->v.element.tag).skipped) {
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
          stack.push_back(static_cast<const GumboNode*>(children.data[i]));
        out->Text(" ", style, block);
      }
    }
  }

  std::vector<ListState> lists_;
};

}  // namespace

size_t EstimateHtmlNesting(std::string_view html) {
  static const std::unordered_set<std::string_view> kNotNesting = {
      "area",  "base",     "br",      "col",    "embed", "hr",     "img",     "input",
      "link",  "meta",     "param",   "source", "track", "wbr",    "p",       "li",
      "td",    "th",       "tr",      "dt",     "dd",    "option", "thead",   "tbody",
      "tfoot", "colgroup", "caption", "rb",     "rt",    "rp",     "optgroup"};
  size_t depth = 0, deepest = 0;
  std::string name;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    size_t j = i + 1;
    bool closing = html[j] == '/';
    if (closing) ++j;
    name.clear();
    while (j < html.size() && name.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == ':' || html[j] == '-'))
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++]))));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) continue;
    size_t close = html.find('>', j);
    if (close == std::string_view::npos) break;
    bool self_closing = close > 0 && html[close - 1] == '/';
    i = close;
    if (kNotNesting.count(name) || self_closing) continue;
    if (closing) {
      if (depth > 0) --depth;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

RawLines ReadHtmlLines(std::string_view utf8, std::string* error) {
  size_t nesting = EstimateHtmlNesting(utf8);
  if (nesting > kMaxHtmlNesting) {
    *error = "HTML nested too deeply (" + std::to_string(nesting) + " levels > limit " +
             std::to_string(kMaxHtmlNesting) + ")";
    return {};
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are the norm in filing-agent HTML; don't keep them
  GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  LineCollector lines;
  HtmlWalker walker;
  walker.Walk(output->document, InlineStyle{}, BlockContext{}, &lines, 0);
  gumbo_destroy_output(&options, output);
  return lines.Take();
}

}  // namespace secxref
