#include "indexer/read/pdf_layout.h"

#include <algorithm>
#include <cmath>

#include "indexer/base/utf8.h"
#include "indexer/read/document.h"
#include "indexer/read/page_furniture.h"
#include "indexer/read/text_builder.h"

namespace secxref {
namespace {

constexpr float kMinFontSize = 3.0f;        // below: invisible captions and overlays
constexpr float kSameRowTolerance = 0.35f;  // points: one baseline
constexpr float kSegmentGapEm = 2.5f;       // a gap this wide (in font sizes) splits a row
constexpr float kWordGapEm = 0.2f;          // a gap this wide separates words
constexpr float kParagraphGapRatio = 1.35f;
constexpr float kHeaderZone = 0.22f;  // top fraction of a page where headers live

struct Row {
  float y0, y1;
  float height() const { return y1 - y0; }
  float center() const { return (y0 + y1) / 2; }
  std::vector<const PdfTextBox*> boxes;
};

struct PageLine {
  float top = 0, bottom = 0, left = 0, right = 0, size = 0;
  std::vector<const PdfTextBox*> boxes;  // in x order
  RawLine raw;
};

std::string JoinWords(const std::vector<const PdfTextBox*>& boxes) {
  std::string text;
  const PdfTextBox* prev = nullptr;
  for (const PdfTextBox* b : boxes) {
    if (prev != nullptr) {
      float fs = std::max(prev->font_size, 1.0f);
      float gap = b->x0 - prev->x1;
      // A word drawn over the previous one is a separate text layer, not a continuation.
      if (prev->space_after || gap > kWordGapEm * fs || gap < -kWordGapEm * fs) text.push_back(' ');
    }
    text += b->text;
    prev = b;
  }
  return text;
}

bool ByX(const PdfTextBox* a, const PdfTextBox* b) {
  return a->x0 != b->x0 ? a->x0 < b->x0 : a->y0 < b->y0;
}

// Words on one baseline (same top within tolerance and same height).
std::vector<Row> GroupRows(std::vector<const PdfTextBox*> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const PdfTextBox* a, const PdfTextBox* b) {
    return a->y0 != b->y0 ? a->y0 < b->y0 : a->x0 < b->x0;
  });
  std::vector<Row> rows;
  for (const PdfTextBox* b : boxes) {
    Row* into = nullptr;
    for (size_t i = rows.size(); i-- > 0;) {
      Row& r = rows[i];
      if (b->y0 - r.y0 > kSameRowTolerance) break;
      if (std::fabs((b->y1 - b->y0) - r.height()) <= 0.5f) {
        into = &r;
        break;
      }
    }
    if (into == nullptr) {
      rows.push_back(Row{b->y0, b->y1, {}});
      into = &rows.back();
    }
    into->boxes.push_back(b);
  }
  for (Row& r : rows) std::sort(r.boxes.begin(), r.boxes.end(), ByX);
  return rows;
}

// Removes residue segments from a row: the placeholder text of staff letter templates,
// and dated "Page N" overlays below the header zone (in the zone they are the running
// header, which page_furniture.cc removes as a block).
void DropResidue(Row* row, const PdfPage& page) {
  std::vector<const PdfTextBox*> kept;
  size_t i = 0;
  while (i < row->boxes.size()) {
    size_t j = i + 1;
    while (j < row->boxes.size()) {
      const PdfTextBox* prev = row->boxes[j - 1];
      if (row->boxes[j]->x0 - prev->x1 > kSegmentGapEm * std::max(prev->font_size, 1.0f)) break;
      ++j;
    }
    std::vector<const PdfTextBox*> segment(row->boxes.begin() + i, row->boxes.begin() + j);
    std::string text = NormalizeLineText(JoinWords(segment));
    bool residue =
        IsTemplateResidue(text) || (row->y0 > kHeaderZone * page.height && IsDatedPageMarker(text));
    if (!residue) kept.insert(kept.end(), segment.begin(), segment.end());
    i = j;
  }
  row->boxes = std::move(kept);
}

// Rows whose vertical extents overlap enough are one line, ordered by x.
std::vector<PageLine> MergeRows(std::vector<Row>& rows) {
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.center() < b.center(); });
  std::vector<PageLine> lines;
  const Row* anchor = nullptr;
  for (const Row& r : rows) {
    if (r.boxes.empty()) continue;
    bool same = false;
    if (anchor != nullptr) {
      float overlap = std::min(r.y1, anchor->y1) - std::max(r.y0, anchor->y0);
      float small = std::min(r.height(), anchor->height());
      float large = std::max(r.height(), anchor->height());
      // Half the smaller height in common; or a smaller font touching the line: a
      // superscript or subscript ("8th", footnote markers).
      same = overlap > 0.5f * small || (overlap > 0.1f * small && small < 0.85f * large);
    }
    if (!same) {
      lines.emplace_back();
      anchor = &r;
    } else if (r.height() > anchor->height()) {
      anchor = &r;
    }
    PageLine& line = lines.back();
    line.boxes.insert(line.boxes.end(), r.boxes.begin(), r.boxes.end());
  }
  for (PageLine& line : lines) {
    std::sort(line.boxes.begin(), line.boxes.end(), ByX);
    line.top = line.boxes[0]->y0;
    line.bottom = line.boxes[0]->y1;
    line.left = line.boxes[0]->x0;
    line.right = line.boxes[0]->x1;
    size_t chars = 0, bold = 0, italic = 0;
    float size = 0;
    for (const PdfTextBox* b : line.boxes) {
      line.top = std::min(line.top, b->y0);
      line.bottom = std::max(line.bottom, b->y1);
      line.right = std::max(line.right, b->x1);
      size = std::max(size, b->font_size);
      chars += b->text.size();
      if (b->bold) bold += b->text.size();
      if (b->italic) italic += b->text.size();
    }
    line.size = size;
    line.raw.text = NormalizeLineText(JoinWords(line.boxes));
    if (chars > 0 && bold == chars) line.raw.flags |= Line::kBold;
    if (chars > 0 && italic == chars) line.raw.flags |= Line::kItalic;
  }
  return lines;
}

// Rotated words: one line per run along the same rotated baseline, in reading direction.
void AppendRotated(std::vector<const PdfTextBox*> boxes, const PdfPage& page, RawLines* out) {
  if (boxes.empty()) return;
  std::stable_sort(boxes.begin(), boxes.end(), [](const PdfTextBox* a, const PdfTextBox* b) {
    return a->rotation < b->rotation;
  });
  auto baseline = [](const PdfTextBox* b) { return b->rotation % 2 ? b->x0 : b->y0; };
  auto along = [](const PdfTextBox* b) {
    switch (b->rotation) {
      case 1:
        return b->y0;
      case 2:
        return -b->x0;
      default:
        return -b->y0;
    }
  };
  size_t i = 0;
  while (i < boxes.size()) {
    size_t j = i + 1;
    while (j < boxes.size() && boxes[j]->rotation == boxes[i]->rotation &&
           std::fabs(baseline(boxes[j]) - baseline(boxes[i])) < 1.0f)
      ++j;
    std::vector<const PdfTextBox*> run(boxes.begin() + i, boxes.begin() + j);
    std::stable_sort(run.begin(), run.end(),
                     [&](const PdfTextBox* a, const PdfTextBox* b) { return along(a) < along(b); });
    std::string text;
    for (const PdfTextBox* b : run) {
      if (!text.empty()) text.push_back(' ');
      text += b->text;
    }
    RawLine line;
    line.text = NormalizeLineText(text);
    line.page = static_cast<uint16_t>(page.number);
    line.top = page.height / 2;  // neither header nor footer
    line.bottom = line.top;
    line.page_height = page.height;
    if (!line.text.empty()) out->push_back(std::move(line));
    i = j;
  }
}

float Median(std::vector<float> v, float fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

}  // namespace

bool IsBoldFontName(const std::string& font) {
  std::string f = AsciiLower(font);
  for (const char* w : {"bold", "black", "heavy", "semibold", "demi"})
    if (f.find(w) != std::string::npos) return true;
  return false;
}

bool IsItalicFontName(const std::string& font) {
  std::string f = AsciiLower(font);
  return f.find("italic") != std::string::npos || f.find("oblique") != std::string::npos;
}

RawLines LayoutPdfPages(const std::vector<PdfPage>& pages) {
  std::vector<std::vector<PageLine>> laid_out(pages.size());
  std::vector<std::vector<const PdfTextBox*>> rotated(pages.size());
  std::vector<float> pitches;
  for (size_t p = 0; p < pages.size(); ++p) {
    const PdfPage& page = pages[p];
    std::vector<const PdfTextBox*> upright;
    for (const PdfTextBox& b : page.boxes) {
      if (b.text.empty() || b.font_size < kMinFontSize || b.y1 - b.y0 < kMinFontSize * 0.6f)
        continue;
      if (b.x1 < 0 || b.y1 < 0 || b.x0 > page.width || b.y0 > page.height) continue;
      (b.rotation == 0 ? upright : rotated[p]).push_back(&b);
    }
    std::vector<Row> rows = GroupRows(std::move(upright));
    for (Row& r : rows) DropResidue(&r, page);
    laid_out[p] = MergeRows(rows);
    const std::vector<PageLine>& lines = laid_out[p];
    for (size_t i = 1; i < lines.size(); ++i) {
      float d = lines[i].top - lines[i - 1].top;
      float fs = std::max(lines[i].size, 1.0f);
      if (d >= 0.8f * fs && d <= 2.2f * fs) pitches.push_back(d);
    }
  }
  float pitch = Median(pitches, 14.0f);

  RawLines out;
  for (size_t p = 0; p < pages.size(); ++p) {
    const PdfPage& page = pages[p];
    std::vector<PageLine>& lines = laid_out[p];
    // The text column: extremes of the lines long enough to be body text.
    float body_left = page.width, body_right = 0;
    for (const PageLine& l : lines) {
      if (l.raw.text.size() < 40) continue;
      body_left = std::min(body_left, l.left);
      body_right = std::max(body_right, l.right);
    }
    if (body_right <= body_left) body_left = 72, body_right = page.width - 72;
    float body_width = body_right - body_left;
    size_t page_first = out.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      PageLine& l = lines[i];
      if (l.raw.text.empty()) continue;
      if (i > 0 && l.top - lines[i - 1].top > kParagraphGapRatio * pitch)
        out.push_back(RawLine::Blank());
      RawLine& raw = l.raw;
      raw.page = static_cast<uint16_t>(page.number);
      raw.indent = static_cast<int16_t>(std::lround(std::clamp(l.left, -3000.0f, 3000.0f)));
      raw.top = l.top;
      raw.bottom = l.bottom;
      raw.page_height = page.height;
      raw.ends_short = l.right < body_right - 0.15f * body_width;
      // Centered: clear of both margins by the same amount, give or take.
      float left_gap = l.left - body_left, right_gap = body_right - l.right;
      if (left_gap > 0.12f * body_width && right_gap > 0.12f * body_width &&
          std::fabs(left_gap - right_gap) < 0.05f * body_width)
        raw.flags |= Line::kCentered;
      out.push_back(std::move(raw));
    }
    AppendRotated(std::move(rotated[p]), page, &out);
    if (out.size() > page_first) out[page_first].page_start = true;
  }
  return out;
}

}  // namespace secxref
