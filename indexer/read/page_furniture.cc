#include "indexer/read/page_furniture.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "indexer/base/utf8.h"
#include "indexer/read/document.h"
#include "indexer/read/string_util.h"
#include "indexer/read/text_builder.h"

namespace secxref {
namespace {

constexpr std::string_view kLogoCaption = "united states securities and exchange commission logo";

// Header blocks are short: addressee, title, company, date, page.
constexpr int kMaxHeaderLines = 8;
// How far into a letter the opening block (letterhead, date, addressee, Re:) may reach.
constexpr int kMaxOpeningLines = 60;
constexpr int kMaxPage = 9999;
// A running header line is short: a name, a company, a date.
constexpr size_t kMaxHeaderLineWords = 12;

bool IsDigits(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsStripChar(unsigned char c) {
  switch (c) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '(':
    case ')':
    case '"':
    case '\'':
    case '[':
    case ']':
    case '*':
    case '|':
    case '-':
    case '/':
      return true;
    default:
      return false;
  }
}

// Lower-cased words with surrounding ASCII punctuation and curly quotes removed.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view tok : SplitWords(text)) {
    // Curly quotes are three bytes: E2 80 98/99/9C/9D.
    auto strip_front = [&] {
      if (!tok.empty() && IsStripChar(tok.front())) return tok.remove_prefix(1), true;
      if (tok.size() >= 3 && tok.substr(0, 2) == "\xE2\x80") return tok.remove_prefix(3), true;
      return false;
    };
    auto strip_back = [&] {
      if (!tok.empty() && IsStripChar(tok.back())) return tok.remove_suffix(1), true;
      if (tok.size() >= 3 && tok.substr(tok.size() - 3, 2) == "\xE2\x80")
        return tok.remove_suffix(3), true;
      return false;
    };
    while (strip_front()) {
    }
    while (strip_back()) {
    }
    if (!tok.empty()) out.push_back(AsciiLower(tok));
  }
  return out;
}

// Tokens for header tests, also split where letters meet digits: overlaid text layers
// glue words together ("Page25,", "2023Page").
std::vector<std::string> HeaderTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& tok : Tokens(text)) {
    size_t start = 0;
    for (size_t i = 1; i <= tok.size(); ++i) {
      bool boundary = i == tok.size();
      if (!boundary) {
        bool a = tok[i - 1] >= '0' && tok[i - 1] <= '9';
        bool b = tok[i] >= '0' && tok[i] <= '9';
        bool a_alpha = tok[i - 1] >= 'a' && tok[i - 1] <= 'z';
        bool b_alpha = tok[i] >= 'a' && tok[i] <= 'z';
        boundary = (a && b_alpha) || (a_alpha && b);
      }
      if (boundary) {
        std::vector<std::string> piece = Tokens(std::string_view(tok).substr(start, i - start));
        out.insert(out.end(), piece.begin(), piece.end());
        start = i;
      }
    }
  }
  return out;
}

bool IsMonth(std::string_view t) {
  static const std::unordered_set<std::string_view> kMonths = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  return kMonths.count(t) > 0;
}

bool IsDateToken(std::string_view t) { return IsMonth(t) || IsDigits(t, 4); }

bool IsHonorific(std::string_view t) {
  static const std::unordered_set<std::string_view> kWords = {
      "mr", "ms", "mrs", "miss", "dr", "esq", "jr", "sr", "ii", "iii", "iv", "messrs", "mmes"};
  return kWords.count(t) > 0;
}

// "March 3, 2021", "3 March 2021": a line holding only a date.
bool IsDateLine(std::string_view text) {
  std::vector<std::string> toks = HeaderTokens(text);
  if (toks.size() != 3) return false;
  int months = 0, numbers = 0;
  for (const std::string& t : toks) {
    if (IsMonth(t)) {
      ++months;
    } else if (IsDigits(t, 4)) {
      ++numbers;
    }
  }
  return months == 1 && numbers == 2;
}

// The words of the letter's opening block, which running headers repeat.
class HeaderVocabulary {
 public:
  explicit HeaderVocabulary(const RawLines& lines) {
    std::vector<const RawLine*> opening;
    bool salutation = false;
    for (const RawLine& line : lines) {
      if (line.blank || line.text.empty()) continue;
      if (static_cast<int>(opening.size()) >= kMaxOpeningLines) break;
      std::string lower = AsciiLower(line.text.substr(0, 24));
      if (lower.starts_with("dear ") || lower.starts_with("ladies and gentlemen") ||
          lower.starts_with("gentlemen") || lower.starts_with("to whom")) {
        salutation = true;
        break;
      }
      opening.push_back(&line);
    }
    if (!salutation && opening.size() > 25) opening.resize(25);
    for (const RawLine* line : opening) {
      for (std::string& tok : Tokens(line->text)) words_.insert(std::move(tok));
      // HeaderLine splits words where letters meet digits ("21Vianet" -> "21", "vianet"):
      // know the pieces too, or a company named so never matches its own header.
      for (std::string& tok : HeaderTokens(line->text)) words_.insert(std::move(tok));
      if (letter_date_.empty() && IsDateLine(line->text)) letter_date_ = line->text;
    }
  }

  // The first date line of the opening block: the letter's date, which headers repeat.
  const std::string& letter_date() const { return letter_date_; }

  bool Knows(std::string_view tok) const { return words_.count(std::string(tok)) > 0; }

  // A word a running header may hold: opening-block word, date, page number, honorific,
  // or a template placeholder glued to one ("LastNameBrian", "NameTyler").
  bool HeaderWord(std::string_view tok) const {
    if (tok.empty() || IsDateToken(tok) || IsHonorific(tok) || tok == "page" || tok == "of" ||
        tok == "and" || tok == "&")
      return true;
    if (Knows(tok)) return true;
    for (std::string_view prefix : {"firstname", "lastname", "comapany", "name"}) {
      if (tok.starts_with(prefix)) return HeaderWord(tok.substr(prefix.size()));
    }
    return false;
  }

  bool HeaderLine(std::string_view text) const {
    std::vector<std::string> toks = HeaderTokens(text);
    if (toks.empty() || toks.size() > kMaxHeaderLineWords) return false;
    return std::all_of(toks.begin(), toks.end(),
                       [&](const std::string& t) { return HeaderWord(t); });
  }

  // A header line carrying "Page N" (min_page <= N <= max_page).
  bool PageMarker(std::string_view text, int min_page, int max_page) const {
    std::vector<std::string> toks = HeaderTokens(text);
    if (toks.size() > 2 * kMaxHeaderLineWords) return false;  // overlays double the words
    bool page = false;
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      if (toks[i] != "page" || !IsDigits(toks[i + 1], 4)) continue;
      int n = std::stoi(toks[i + 1]);
      if (n >= min_page && n <= max_page) page = true;
    }
    return page && std::all_of(toks.begin(), toks.end(),
                               [&](const std::string& t) { return HeaderWord(t); });
  }

 private:
  std::unordered_set<std::string> words_;
  std::string letter_date_;
};

bool IsLogoCaption(std::string_view text) {
  return text.size() == kLogoCaption.size() && AsciiLower(text) == kLogoCaption;
}

// "1.", "12)", "(a)", "a.", "iv.", bullets: the start of a list item or numbered comment.
bool StartsWithEnumerator(std::string_view text) {
  if (text.empty()) return false;
  for (std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xC2\xB7",
                                  "\xEF\x82\xB7", "\xE2\x80\x93 ", "o "}) {
    if (text.starts_with(bullet)) return true;
  }
  size_t i = 0;
  bool paren = text[0] == '(';
  if (paren) ++i;
  size_t start = i;
  while (i < text.size() && i - start < 4 &&
         ((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'z') ||
          (text[i] >= 'A' && text[i] <= 'Z')))
    ++i;
  if (i == start || i >= text.size()) return false;
  bool digits = IsDigits(text.substr(start, i - start), 4);
  if (!digits && i - start > 1 && !paren) {
    // Only roman numerals may be longer than one letter ("iv.", "II.").
    for (size_t k = start; k < i; ++k)
      if (std::string_view("ivxIVX").find(text[k]) == std::string_view::npos) return false;
  }
  if (paren) return text[i] == ')';
  return text[i] == '.' || text[i] == ')';
}

// A page boundary (or removed header) after a line that ends a clause: does the next line
// start a new paragraph? Yes after a short last line, before a numbered or bulleted item, a
// change to bold, a first-line indent, or a short line that does not end a clause (a
// heading).
bool StartsParagraphAfterSeam(const RawLine& prev, const RawLine& next) {
  if (prev.ends_short) return true;
  if (StartsWithEnumerator(next.text)) return true;
  if ((next.flags & Line::kBold) && !(prev.flags & Line::kBold)) return true;
  if (next.indent >= prev.indent + 24) return true;
  return next.ends_short && !EndsClause(next.text);
}

bool InTopZone(const RawLine& line) {
  return line.top < 0 || line.page_height <= 0 || line.top < 0.22f * line.page_height;
}
bool InBottomZone(const RawLine& line) {
  return line.top >= 0 && line.page_height > 0 && line.top > 0.85f * line.page_height;
}

struct Cleaner {
  const RawLines& in;
  HeaderVocabulary vocab;
  std::vector<bool> drop;
  std::vector<bool> seam;  // a page boundary or removed furniture right before line i

  explicit Cleaner(const RawLines& lines)
      : in(lines), vocab(lines), drop(lines.size(), false), seam(lines.size(), false) {}

  void Drop(size_t i) {
    drop[i] = true;
    if (i + 1 < seam.size()) seam[i + 1] = true;
  }

  void DropSimpleFurniture() {
    for (size_t i = 0; i < in.size(); ++i) {
      const RawLine& line = in[i];
      if (line.blank) continue;
      if (IsLogoCaption(line.text) || IsTemplateResidue(line.text)) Drop(i);
      // "- 2 -" is never letter text; bare numbers only at page edges (below).
      std::string_view t = line.text;
      if (t.size() >= 3 && t.front() == '-' && t.back() == '-' && IsPageNumberLine(t)) Drop(i);
    }
  }

  // Pages with geometry (PDF): the header is the block at the top of the page down to its
  // "Page N" line (on the first page only "Page 1"); the footer a page number at the bottom.
  void DropPdfHeadersAndFooters(size_t begin, size_t end, bool first_page) {
    int max_page = first_page ? 1 : kMaxPage;
    int seen = 0;
    size_t marker = end;
    for (size_t i = begin; i < end && seen < kMaxHeaderLines + 2; ++i) {
      if (in[i].blank || drop[i]) continue;
      if (!InTopZone(in[i])) break;
      ++seen;
      if (vocab.PageMarker(in[i].text, 1, max_page)) {
        marker = i;
        break;
      }
    }
    if (marker != end) {
      // The header: the marker and everything above it (nothing but the header is printed
      // above the header, whatever its words: typos such as "Bret" for "Brett" included).
      for (size_t i = begin; i <= marker; ++i) Drop(i);
      // Template overlays repeat the date and page a little lower.
      for (size_t i = marker + 1; i < end && InTopZone(in[i]); ++i) {
        if (!in[i].blank && !drop[i] && vocab.PageMarker(in[i].text, 1, max_page)) Drop(i);
      }
    }
    for (size_t i = end; i-- > begin;) {
      if (in[i].blank || drop[i]) continue;
      if (InBottomZone(in[i]) && IsPageNumberLine(in[i].text)) {
        Drop(i);
        continue;
      }
      break;
    }
  }

  // Formats without geometry: a "Page N" line (N >= 2, or "Page 1" among the first lines)
  // and the header lines just above it.
  void DropFlowHeaders() {
    int non_blank = 0;
    for (size_t i = 0; i < in.size(); ++i) {
      if (in[i].blank || drop[i]) continue;
      ++non_blank;
      int min_page = non_blank <= kMaxHeaderLines ? 1 : 2;
      if (!vocab.PageMarker(in[i].text, min_page, kMaxPage)) continue;
      size_t first = i;
      int taken = 0;
      while (first > 0 && taken < kMaxHeaderLines - 1) {
        const RawLine& prev = in[first - 1];
        if (prev.blank || drop[first - 1] || !vocab.HeaderLine(prev.text)) break;
        --first;
        ++taken;
      }
      for (size_t k = first; k <= i; ++k) Drop(k);
    }
  }

  // Flow formats: a page number right before or after a page break, or at either end of
  // the document.
  void DropFlowPageNumbers() {
    auto drop_number_from = [&](size_t i, bool backwards) {
      while (backwards ? i-- > 0 : i < in.size()) {
        size_t k = i;
        if (!backwards) ++i;
        if (in[k].blank || drop[k]) continue;
        if (IsPageNumberLine(in[k].text)) Drop(k);
        return;
      }
    };
    drop_number_from(0, false);
    drop_number_from(in.size(), true);
    for (size_t i = 1; i < in.size(); ++i) {
      if (!in[i].page_start) continue;
      drop_number_from(i, true);
      drop_number_from(i, false);
    }
  }

  // Headers without a "Page N" line: the vocabulary-only lines a page starts with, when
  // the same lines start another page too, or when they repeat the letter's date
  // ("United States Securities and Exchange Commission / April 29, 2024").
  void DropRepeatedPageHeads() {
    struct Head {
      std::vector<size_t> lines;
      std::string key;  // the lines with digits blanked: page numbers differ
      bool dated = false;
    };
    std::vector<Head> heads;
    for (size_t i = 1; i < in.size(); ++i) {
      if (!in[i].page_start) continue;
      Head head;
      for (size_t k = i; k < in.size() && head.lines.size() < 4; ++k) {
        if (drop[k]) continue;
        if (in[k].blank) {
          if (head.lines.empty()) continue;
          break;
        }
        if (!InTopZone(in[k]) || !vocab.HeaderLine(in[k].text)) break;
        head.lines.push_back(k);
        for (char ch : in[k].text) head.key.push_back(ch >= '0' && ch <= '9' ? '#' : ch);
        head.key.push_back('\n');
        if (!vocab.letter_date().empty() && in[k].text == vocab.letter_date()) head.dated = true;
      }
      if (!head.lines.empty()) heads.push_back(std::move(head));
    }
    std::unordered_map<std::string, int> seen;
    for (const Head& h : heads) ++seen[h.key];
    for (const Head& h : heads) {
      if (seen[h.key] >= 2 || (h.dated && h.lines.size() >= 2)) {
        for (size_t k : h.lines) Drop(k);
      }
    }
  }

  // Keeps what was not dropped and decides each seam when the next line of text arrives:
  // one pass, so documents with thousands of page breaks stay linear.
  RawLines Assemble() {
    RawLines out;
    out.reserve(in.size());
    size_t last_text = 0;  // index in out of the last line with text
    bool have_text = false;
    bool seam_pending = false;
    for (size_t i = 0; i < in.size(); ++i) {
      if (seam[i] || in[i].page_start) seam_pending = true;
      if (drop[i]) continue;
      if (in[i].blank) {
        out.push_back(in[i]);
        continue;
      }
      if (have_text && seam_pending) {
        const RawLine& prev = out[last_text];
        bool blanks = out.size() > last_text + 1;
        bool geometry = prev.top >= 0;
        if (!EndsClause(prev.text)) {
          out.resize(last_text + 1);  // the sentence goes on
        } else if (geometry || !blanks) {
          // A PDF shows a gap below every running header: the gap says nothing here.
          bool paragraph = StartsParagraphAfterSeam(prev, in[i]);
          out.resize(last_text + 1);
          if (paragraph) out.push_back(RawLine::Blank());
        }
      }
      seam_pending = false;
      out.push_back(in[i]);
      last_text = out.size() - 1;
      have_text = true;
    }
    return out;
  }
};

}  // namespace

bool IsTemplateResidue(std::string_view text) {
  for (std::string_view prefix : {"FirstName", "LastName", "Comapany", "NameCompany"}) {
    if (text.starts_with(prefix)) return true;
  }
  if (text.starts_with("Company Name")) {
    std::string_view rest = text.substr(12);
    return rest.empty() || (rest[0] >= 'A' && rest[0] <= 'Z');
  }
  return false;
}

bool IsPageNumberLine(std::string_view text) {
  std::vector<std::string> toks = Tokens(text);
  if (toks.empty()) return false;
  // Tokens() strips '-' around "- 2 -" to nothing, so the dashes are gone here.
  if (toks.size() == 1) return IsDigits(toks[0], 3);
  if (toks[0] == "page") {
    if (toks.size() == 2) return IsDigits(toks[1], 3);
    return toks.size() == 4 && IsDigits(toks[1], 3) && toks[2] == "of" && IsDigits(toks[3], 3);
  }
  return toks.size() == 3 && IsDigits(toks[0], 3) && toks[1] == "of" && IsDigits(toks[2], 3);
}

bool IsDatedPageMarker(std::string_view text) {
  std::vector<std::string> toks = HeaderTokens(text);
  bool page = false, month = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i] == "page" && i + 1 < toks.size() && IsDigits(toks[i + 1], 4)) {
      page = true;
    } else if (IsMonth(toks[i])) {
      month = true;
    } else if (!IsDigits(toks[i], 4)) {
      return false;
    }
  }
  return page && month;
}

void RemovePageFurniture(RawLines* lines) {
  if (lines->empty()) return;
  Cleaner cleaner(*lines);
  cleaner.DropSimpleFurniture();
  bool geometry = std::any_of(lines->begin(), lines->end(),
                              [](const RawLine& l) { return !l.blank && l.top >= 0; });
  if (geometry) {
    size_t begin = 0;
    bool first = true;
    for (size_t i = 1; i <= lines->size(); ++i) {
      if (i == lines->size() || (*lines)[i].page_start) {
        cleaner.DropPdfHeadersAndFooters(begin, i, first);
        first = false;
        begin = i;
      }
    }
  } else {
    cleaner.DropFlowHeaders();
    cleaner.DropFlowPageNumbers();
  }
  cleaner.DropRepeatedPageHeads();
  *lines = cleaner.Assemble();
}

}  // namespace secxref
