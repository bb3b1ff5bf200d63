#include "query/output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "query/database.h"

namespace secxref::query {
namespace {

constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';
constexpr char kAnsiMark[] = "\x1b[1;33m";
constexpr char kAnsiReset[] = "\x1b[0m";

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

OrderedJson OrNull(const std::optional<std::string>& v) { return v ? OrderedJson(*v) : OrderedJson(nullptr); }
OrderedJson OrNull(const std::optional<int>& v) { return v ? OrderedJson(*v) : OrderedJson(nullptr); }

OrderedJson HighlightsJson(const std::vector<Highlight>& hs) {
  OrderedJson a = OrderedJson::array();
  for (const Highlight& h : hs) a.push_back({h.first, h.second});
  return a;
}

// The comment-level fields, shared by json (inside a letter) and jsonl (with the letter's).
void CommentFields(const CommentHit& c, OrderedJson* o) {
  (*o)["comment"] = OrNull(c.stored.number);
  (*o)["tag"] = c.stored.tag;
  (*o)["headings"] = c.stored.headings;
  OrderedJson cites = OrderedJson::array();
  for (const Mention& m : c.matched) cites.push_back(MentionJson(m));
  (*o)["citations"] = std::move(cites);
  (*o)["snippet"] = c.snippet;
  (*o)["highlights"] = HighlightsJson(c.highlights);
  (*o)["weight"] = c.weight;
}

std::string Dump(const OrderedJson& j, int indent = -1) {
  return j.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string CommentLabel(const CommentHit& c) {
  return c.stored.number ? "#" + c.stored.tag : "(outside numbered comments)";
}

std::string ResultHeadline(const ResultSet& rs) {
  std::string what;
  for (size_t i = 0; i < rs.ids.size(); ++i) {
    if (i) what += ", ";
    what += rs.ids[i];
    if (i < rs.titles.size() && !rs.titles[i].empty() && rs.ids.size() <= 3) what += " (" + rs.titles[i] + ")";
  }
  if (what.empty()) what = "'" + rs.query + "'";
  if (rs.command == "similar") {
    // Every comment sharing a word matches: the count says nothing, the ranking does.
    return "comments of other letters most like " + rs.query + (rs.ids.empty() ? "" : " (citing " + what + ")");
  }
  std::string counts = (rs.totals_exact ? "" : "about ") + Plural(rs.letters_total, "letter", "letters") + ", " +
                       Plural(rs.comments_total, "comment", "comments");
  return what + ": " + counts;
}

}  // namespace

Format ParseFormat(const std::string& name) {
  if (name == "table" || name == "text") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  throw UsageError("--format " + name + ": table, json, jsonl or csv");
}

Style Style::For(bool is_tty, int fd, const std::string& color_option) {
  Style s;
  if (color_option == "always") {
    s.color = true;
  } else if (color_option == "never") {
    s.color = false;
  } else if (color_option == "auto" || color_option.empty()) {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    s.color = is_tty && !(no_color && *no_color) && !(term && std::strcmp(term, "dumb") == 0);
  } else {
    throw UsageError("--color " + color_option + ": auto, always or never");
  }
  struct winsize ws {};
  if (is_tty && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
    s.width = ws.ws_col;
  } else if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) >= 40) {
    s.width = static_cast<size_t>(std::atoi(cols));
  }
  return s;
}

std::string Style::Bold(const std::string& s) const { return color ? "\x1b[1m" + s + kAnsiReset : s; }
std::string Style::Dim(const std::string& s) const { return color ? "\x1b[2m" + s + kAnsiReset : s; }
std::string Style::Accent(const std::string& s) const { return color ? "\x1b[36m" + s + kAnsiReset : s; }
std::string Style::Mark(const std::string& s) const { return color ? kAnsiMark + s + kAnsiReset : "[[" + s + "]]"; }

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0x1b) {  // CSI ... final byte
      while (i < s.size() && !(s[i] >= '@' && s[i] <= '~' && s[i] != '[')) ++i;
      continue;
    }
    if (c == kOpen || c == kClose) continue;
    if ((c & 0xC0) != 0x80) ++w;
  }
  return w;
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string WrapMarked(const std::string& text, const std::vector<Highlight>& highlights,
                       const Style& style, size_t indent, size_t width, bool paragraphs) {
  // Markers in the text, so the marks travel with their words through the wrapping.
  std::string marked;
  marked.reserve(text.size() + highlights.size() * 2);
  size_t h = 0;
  bool open = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    while (h < highlights.size()) {
      if (open && highlights[h].second == i) {
        marked += kClose;
        open = false;
        ++h;
      } else if (!open && highlights[h].first == i && highlights[h].second > i) {
        marked += kOpen;
        open = true;
      } else if (!open && highlights[h].second <= i) {
        ++h;
      } else {
        break;
      }
    }
    if (i < text.size()) marked += text[i];
  }
  if (open) marked += kClose;

  const size_t mark_cost = style.color ? 0 : 2;
  const std::string pad(indent, ' ');
  const size_t room = width > indent + 20 ? width - indent : 20;
  std::string out;
  bool in_mark = false;
  auto render = [&](const std::string& line) {
    std::string r = pad;
    if (in_mark && style.color) r += kAnsiMark;
    for (char c : line) {
      if (c == kOpen) {
        r += style.color ? kAnsiMark : "[[";
        in_mark = true;
      } else if (c == kClose) {
        r += style.color ? kAnsiReset : "]]";
        in_mark = false;
      } else {
        r += c;
      }
    }
    if (in_mark && style.color) r += kAnsiReset;
    return r;
  };
  auto word_width = [&](const std::string& w) {
    size_t n = DisplayWidth(w);
    for (char c : w)
      if (c == kOpen || c == kClose) n += mark_cost;
    return n;
  };
  size_t i = 0;
  bool first_paragraph = true;
  while (i < marked.size()) {
    // One paragraph: up to a blank line (when keeping them) or the end.
    size_t end = marked.size();
    if (paragraphs) {
      size_t p = i;
      while (p < marked.size()) {
        size_t nl = marked.find('\n', p);
        if (nl == std::string::npos) break;
        size_t q = nl + 1;
        while (q < marked.size() && (marked[q] == ' ' || marked[q] == '\t' || marked[q] == '\r')) ++q;
        if (q < marked.size() && marked[q] == '\n') {
          end = nl;
          break;
        }
        p = nl + 1;
      }
    }
    std::string line;
    size_t line_w = 0;
    bool any = false;
    for (size_t k = i; k < end;) {
      while (k < end && IsSpace(marked[k])) ++k;
      size_t j = k;
      while (j < end && !IsSpace(marked[j])) ++j;
      if (j == k) break;
      std::string word = marked.substr(k, j - k);
      size_t ww = word_width(word);
      if (!line.empty() && line_w + 1 + ww > room) {
        out += render(line) + "\n";
        line.clear();
        line_w = 0;
      }
      if (!line.empty()) {
        line += ' ';
        ++line_w;
      }
      line += word;
      line_w += ww;
      any = true;
      k = j;
    }
    if (any) {
      if (!first_paragraph) out += "\n";
      out += render(line) + "\n";
      first_paragraph = false;
    }
    i = end;
    while (i < marked.size() && IsSpace(marked[i])) ++i;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const std::string& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  return line + "\r\n";
}

OrderedJson LetterJson(const LetterInfo& l) {
  OrderedJson o;
  o["letter"] = l.key;
  o["accession"] = OrNull(l.accession);
  o["source"] = l.source;
  o["member"] = OrNull(l.member);
  o["date"] = OrNull(l.date);
  o["company"] = OrNull(l.company);
  o["cik"] = OrNull(l.cik);
  o["kind"] = l.kind;
  o["reviewed"] = l.reviewed;
  o["forms"] = l.forms;
  o["file_numbers"] = l.file_numbers;
  o["conversation"] = OrNull(l.conversation);
  return o;
}

OrderedJson MentionJson(const Mention& m, bool full) {
  OrderedJson o;
  o["id"] = m.id;
  o["family"] = m.family;
  o["text"] = m.text;
  o["start"] = m.start;
  o["end"] = m.end;
  if (full) {
    o["how"] = m.how;
    o["known"] = m.known;
    if (!m.aliases.empty()) o["aliases"] = m.aliases;
  }
  return o;
}

std::string FormsLabel(const LetterInfo& l) {
  std::vector<std::string> forms;
  for (std::string f : l.forms) {
    for (char& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (f.rfind("SCHEDULE ", 0) == 0) f = "Schedule " + f.substr(9);
    forms.push_back(f);
  }
  return forms.empty() ? "-" : Join(forms, ", ");
}

void PrintResults(const ResultSet& rs, Format format, const Style& style, std::ostream& out) {
  switch (format) {
    case Format::kJson: {
      OrderedJson j;
      j["command"] = rs.command;
      j["query"] = rs.query;
      j["ids"] = rs.ids;
      j["titles"] = rs.titles;
      j["description"] = rs.description;
      j["letters_total"] = rs.letters_total;
      j["comments_total"] = rs.comments_total;
      j["totals_exact"] = rs.totals_exact;
      OrderedJson letters = OrderedJson::array();
      for (const LetterHit& lh : rs.letters) {
        OrderedJson o = LetterJson(lh.letter);
        o["depth"] = lh.depth;
        o["score"] = lh.score;
        OrderedJson comments = OrderedJson::array();
        for (const CommentHit& c : lh.comments) {
          OrderedJson co;
          CommentFields(c, &co);
          comments.push_back(std::move(co));
        }
        o["comments"] = std::move(comments);
        letters.push_back(std::move(o));
      }
      j["letters"] = std::move(letters);
      out << Dump(j, 2) << "\n";
      return;
    }
    case Format::kJsonl:
      for (const LetterHit& lh : rs.letters) {
        for (const CommentHit& c : lh.comments) {
          OrderedJson o = LetterJson(lh.letter);
          CommentFields(c, &o);
          o["depth"] = lh.depth;
          o["score"] = lh.score;
          out << Dump(o) << "\n";
        }
      }
      return;
    case Format::kCsv:
      out << CsvLine({"date", "accession", "company", "kind", "forms", "comment", "headings", "citations",
                      "citation_texts", "snippet", "depth", "letter", "source"});
      for (const LetterHit& lh : rs.letters) {
        for (const CommentHit& c : lh.comments) {
          std::vector<std::string> ids, texts;
          for (const Mention& m : c.matched) {
            ids.push_back(m.id);
            texts.push_back(m.text);
          }
          out << CsvLine({lh.letter.date.value_or(""), lh.letter.accession.value_or(""),
                          lh.letter.company.value_or(""), lh.letter.kind, Join(lh.letter.forms, "; "),
                          c.stored.number ? c.stored.tag : "", Join(c.stored.headings, " > "), Join(ids, "; "),
                          Join(texts, " | "), c.snippet, std::to_string(lh.depth), lh.letter.key,
                          lh.letter.source});
        }
      }
      return;
    case Format::kTable:
      break;
  }
  // The table: a headline, then one aligned row per letter with its comments under it.
  out << style.Bold(ResultHeadline(rs)) << "\n";
  if (rs.letters.empty()) return;
  size_t w_company = 7, w_kind = 4, w_forms = 5, w_acc = 9;
  for (const LetterHit& lh : rs.letters) {
    w_company = std::max(w_company, std::min<size_t>(DisplayWidth(lh.letter.company.value_or("-")), 36));
    w_kind = std::max(w_kind, lh.letter.kind.size());
    w_forms = std::max(w_forms, DisplayWidth(FormsLabel(lh.letter)));
    w_acc = std::max(w_acc, DisplayWidth(lh.letter.accession.value_or("-")));
  }
  for (const LetterHit& lh : rs.letters) {
    std::string company = lh.letter.company.value_or("-");
    if (DisplayWidth(company) > 36) {
      size_t cut = 33;
      while (cut > 0 && (static_cast<unsigned char>(company[cut]) & 0xC0) == 0x80) --cut;
      company = company.substr(0, cut) + "...";
    }
    out << "\n"
        << Pad(lh.letter.date.value_or("----------"), 10) << "  " << style.Bold(Pad(company, w_company)) << "  "
        << Pad(lh.letter.kind, w_kind) << "  " << Pad(FormsLabel(lh.letter), w_forms) << "  "
        << Pad(lh.letter.accession.value_or("-"), w_acc) << "  depth " << lh.depth << "\n";
    std::string source = lh.letter.source + (lh.letter.member ? " [" + *lh.letter.member + "]" : "");
    out << "            " << style.Dim(source) << "\n";
    for (const CommentHit& c : lh.comments) {
      std::string head = "  " + style.Accent(Pad(CommentLabel(c), 4));
      if (!c.stored.headings.empty()) head += "  " + Join(c.stored.headings, " > ");
      out << head << "\n";
      if (!c.matched.empty()) {
        // Members of one written list share their text: "ASC 810-10-50-2AA(d), ASC
        // 810-10-50-3(bb) "paragraphs 2AA.d and 3.bb of ASC 810-10-50"".
        std::vector<std::pair<std::string, std::vector<std::string>>> by_text;
        for (const Mention& m : c.matched) {
          auto it = std::find_if(by_text.begin(), by_text.end(), [&](const auto& p) { return p.first == m.text; });
          if (it == by_text.end()) by_text.push_back({m.text, {}}), it = by_text.end() - 1;
          if (std::find(it->second.begin(), it->second.end(), m.id) == it->second.end()) it->second.push_back(m.id);
        }
        std::vector<std::string> parts;
        for (const auto& [text, ids] : by_text) {
          std::vector<std::string> coloured;
          for (const std::string& id : ids) coloured.push_back(style.Accent(id));
          parts.push_back(Join(coloured, ", ") + " \"" + text + "\"");
        }
        out << WrapMarked(Join(parts, "; "), {}, Style{false, style.width}, 8, style.width);
      }
      out << WrapMarked(c.snippet, c.highlights, style, 8, style.width);
    }
  }
  if (rs.letters.size() < rs.letters_total && rs.command != "similar")
    out << "\n" << style.Dim("showing " + std::to_string(rs.letters.size()) + " of " +
                             std::to_string(rs.letters_total) + " letters (--limit 0 shows all)")
        << "\n";
}

}  // namespace secxref::query
