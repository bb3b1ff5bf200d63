#include "query/snippet.h"

#include <algorithm>
#include <cctype>

#include "indexer/base/utf8.h"

namespace secxref::query {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void Normalize(std::vector<Highlight>* hs) {
  std::sort(hs->begin(), hs->end());
  std::vector<Highlight> out;
  for (const Highlight& h : *hs) {
    if (h.second <= h.first) continue;
    if (!out.empty() && h.first <= out.back().second) {
      out.back().second = std::max(out.back().second, h.second);
    } else {
      out.push_back(h);
    }
  }
  *hs = std::move(out);
}

// Copies text[start, end) collapsing whitespace, and maps spans into the copy.
Snippet Collapse(std::string_view text, size_t start, size_t end, const std::vector<Highlight>& spans,
                 bool head_cut, bool tail_cut) {
  Snippet s;
  std::vector<uint32_t> at(end - start + 1);
  if (head_cut) s.text = "... ";
  bool space = true;  // nothing, or a space, just written
  for (size_t i = start; i < end; ++i) {
    at[i - start] = static_cast<uint32_t>(s.text.size());
    if (IsSpace(text[i])) {
      if (!space) s.text += ' ';
      space = true;
      continue;
    }
    space = false;
    s.text += text[i];
  }
  at[end - start] = static_cast<uint32_t>(s.text.size());
  while (!s.text.empty() && s.text.back() == ' ') s.text.pop_back();
  for (const Highlight& h : spans) {
    if (h.second <= start || h.first >= end) continue;
    size_t a = std::max<size_t>(h.first, start), b = std::min<size_t>(h.second, end);
    uint32_t oa = at[a - start], ob = std::min<uint32_t>(at[b - start], static_cast<uint32_t>(s.text.size()));
    // A span starting on whitespace starts at the next word.
    while (oa < ob && s.text[oa] == ' ') ++oa;
    while (ob > oa && s.text[ob - 1] == ' ') --ob;
    if (ob > oa) s.highlights.emplace_back(oa, ob);
  }
  if (tail_cut) s.text += " ...";
  Normalize(&s.highlights);
  return s;
}

}  // namespace

Snippet CutSnippet(std::string_view text, const std::vector<Highlight>& spans,
                   const std::vector<Highlight>& words, size_t width) {
  std::vector<Highlight> all = spans;
  // Bounded work: the first few dozen word matches are plenty to place a window.
  all.insert(all.end(), words.begin(), words.begin() + static_cast<long>(std::min<size_t>(words.size(), 48)));
  std::sort(all.begin(), all.end());
  if (all.empty()) {
    size_t end = std::min(text.size(), width);
    while (end < text.size() && end > 0 && !IsSpace(text[end])) --end;
    if (end == 0) end = std::min(text.size(), width);
    while (end < text.size() && end > 0 && IsContinuation(text[end])) --end;
    return Collapse(text, 0, end, {}, false, end < text.size());
  }
  // Candidate windows start a little before each span; a citation counts ten words.
  auto inside = [](const Highlight& h, size_t a, size_t b) { return h.first >= a && h.second <= b; };
  size_t best_start = 0, best_anchor = 0;
  int best_score = -1;
  for (const Highlight& anchor : (spans.empty() ? words : spans)) {
    for (const Highlight& lead : all) {
      if (lead.first > anchor.first) break;
      size_t start = lead.first > width / 6 ? lead.first - width / 6 : 0;
      if (std::max<size_t>(anchor.second, start) - start > width) continue;
      size_t end = start + width;
      int score = 0;
      for (const Highlight& h : spans) score += inside(h, start, end) ? 10 : 0;
      for (const Highlight& h : words) score += inside(h, start, end) ? 1 : 0;
      if (score > best_score) {
        best_score = score;
        best_start = start;
        best_anchor = anchor.first;
      }
    }
  }
  if (best_score < 0) {  // a span longer than the window: start at it
    best_anchor = (spans.empty() ? words : spans).front().first;
    best_start = best_anchor;
  }
  const size_t first = std::min(best_anchor, text.size());
  size_t start = std::min(best_start, first);
  size_t end = std::min(std::max(start + width, first), text.size());
  // Word boundaries: start after a space, end before one (never cutting into the anchor).
  if (start > 0) {
    size_t s = start;
    while (s < first && !IsSpace(text[s - 1])) ++s;
    start = s < first ? s : first;
    while (start > 0 && start < text.size() && IsContinuation(text[start])) --start;
  }
  if (end < text.size()) {
    size_t e = end;
    while (e > first && !IsSpace(text[e])) --e;
    end = e > first ? e : end;
    while (end < text.size() && end > first && IsContinuation(text[end])) --end;
  }
  return Collapse(text, start, end, all, start > 0, end < text.size());
}

Snippet MarkText(std::string_view text, const std::vector<Highlight>& spans) {
  return Collapse(text, 0, text.size(), spans, false, false);
}

Snippet FromXapianSnippet(const std::string& marked) {
  Snippet s;
  size_t open = std::string::npos;
  bool space = false;
  for (size_t i = 0; i < marked.size(); ++i) {
    char c = marked[i];
    if (c == '\x01') {
      open = s.text.size() + (space && !s.text.empty() ? 1 : 0);
      continue;
    }
    if (c == '\x02') {
      if (open != std::string::npos && s.text.size() > open) s.highlights.emplace_back(open, s.text.size());
      open = std::string::npos;
      continue;
    }
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !s.text.empty()) s.text += ' ';
    space = false;
    if (c == '&') {
      size_t semi = marked.find(';', i);
      if (semi != std::string::npos && semi - i <= 8) {
        std::string e = marked.substr(i + 1, semi - i - 1);
        std::string rep;
        if (e == "amp") rep = "&";
        else if (e == "lt") rep = "<";
        else if (e == "gt") rep = ">";
        else if (e == "quot") rep = "\"";
        else if (e == "apos") rep = "'";
        else if (e.size() > 1 && e[0] == '#') {
          char32_t cp = e[1] == 'x' ? std::strtoul(e.c_str() + 2, nullptr, 16) : std::strtoul(e.c_str() + 1, nullptr, 10);
          if (cp > 0) AppendUtf8(cp, &rep);
        }
        if (!rep.empty()) {
          s.text += rep;
          i = semi;
          continue;
        }
      }
    }
    s.text += c;
  }
  Normalize(&s.highlights);
  return s;
}

std::vector<Highlight> FindWords(std::string_view t, const std::set<std::string>& terms,
                                 const Xapian::Stem& stemmer) {
  std::vector<Highlight> found;
  if (terms.empty()) return found;
  auto word_char = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    return std::isalnum(c) || c >= 0x80;
  };
  size_t i = 0;
  while (i < t.size()) {
    if (!word_char(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && (word_char(j) || (t[j] == '\'' && j + 1 < t.size() && word_char(j + 1)))) ++j;
    std::string w = Xapian::Unicode::tolower(std::string(t.substr(i, j - i)));
    if (terms.count(w) || terms.count("Z" + stemmer(w)))
      found.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    i = j;
  }
  return found;
}

void HighlightWords(const std::set<std::string>& terms, const Xapian::Stem& stemmer, Snippet* snippet) {
  for (const Highlight& h : FindWords(snippet->text, terms, stemmer)) snippet->highlights.push_back(h);
  Normalize(&snippet->highlights);
}

}  // namespace secxref::query
