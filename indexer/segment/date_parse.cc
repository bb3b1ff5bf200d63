#include "indexer/segment/date_parse.h"

#include <cstdio>

#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using seg::IsAsciiAlpha;
using seg::IsAsciiDigit;

struct MonthName {
  std::string_view name;
  int month;
};

// Longest names first so "June" is not read as "Jun" + "e".
constexpr MonthName kMonths[] = {
    {"september", 9}, {"february", 2}, {"november", 11}, {"december", 12}, {"january", 1},
    {"october", 10},  {"august", 8},   {"march", 3},     {"april", 4},     {"june", 6},
    {"july", 7},      {"sept", 9},     {"jan", 1},       {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"may", 5},      {"jun", 6},       {"jul", 7},       {"aug", 8},
    {"sep", 9},       {"oct", 10},     {"nov", 11},      {"dec", 12},
};

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year > 0) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::string Iso(int y, int m, int d) {
  // Callers pass 0..9999, 1..12, 1..31; the buffer holds any int anyway.
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A month name at s[*pos] (word start), optionally abbreviated with '.', advancing *pos.
std::optional<int> ParseMonth(std::string_view s, size_t* pos) {
  if (!seg::AtWordStart(s, *pos)) return std::nullopt;
  for (const MonthName& m : kMonths) {
    if (!seg::StartsWithI(s.substr(*pos), m.name)) continue;
    size_t e = *pos + m.name.size();
    if (e < s.size() && IsAsciiAlpha(s[e])) continue;
    if (e < s.size() && s[e] == '.') ++e;
    // "May" as a word is common; callers demand a day and year after it.
    *pos = e;
    return m.month;
  }
  return std::nullopt;
}

bool ValidYear(int y) { return y >= 1990 && y <= 2099; }

std::optional<DateMatch> Finish(int y, int m, int d, size_t start, size_t end, bool has_year) {
  if (m < 1 || m > 12 || d < 1 || d > DaysIn(has_year ? y : 2000, m)) return std::nullopt;
  DateMatch dm;
  dm.iso = Iso(has_year ? y : 0, m, d);
  dm.start = start;
  dm.end = end;
  dm.has_year = has_year;
  return dm;
}

// Year after "D," or "D" at s[*pos]: ", 2013" / " 2013".
std::optional<int> ParseYearAfter(std::string_view s, size_t* pos) {
  size_t p = *pos;
  if (p < s.size() && s[p] == ',') ++p;
  seg::SkipSpaces(s, &p);
  if (p < s.size() && s[p] == ',') {  // "October 29 , 2013"
    ++p;
    seg::SkipSpaces(s, &p);
  }
  size_t q = p;
  auto y = seg::ParseNumber(s, &q, 4);
  if (!y || q - p != 4 || !ValidYear(*y)) return std::nullopt;
  if (q < s.size() && IsAsciiDigit(s[q])) return std::nullopt;
  *pos = q;
  return y;
}

}  // namespace

std::optional<DateMatch> ParseDateAt(std::string_view s, size_t pos, bool allow_no_year) {
  const size_t start = pos;
  if (pos >= s.size()) return std::nullopt;
  size_t p = pos;
  if (auto month = ParseMonth(s, &p)) {
    // Month D, YYYY
    seg::SkipSpaces(s, &p);
    size_t dstart = p;
    auto day = seg::ParseNumber(s, &p, 2);
    if (!day) return std::nullopt;
    // "29th"
    if (p + 1 < s.size() && IsAsciiAlpha(s[p]) && IsAsciiAlpha(s[p + 1])) {
      std::string_view suf = s.substr(p, 2);
      if (seg::StartsWithI(suf, "st") || seg::StartsWithI(suf, "nd") ||
          seg::StartsWithI(suf, "rd") || seg::StartsWithI(suf, "th"))
        p += 2;
    }
    if (p < s.size() && (IsAsciiDigit(s[p]) || IsAsciiAlpha(s[p]))) return std::nullopt;
    (void)dstart;
    size_t q = p;
    if (auto year = ParseYearAfter(s, &q)) return Finish(*year, *month, *day, start, q, true);
    if (allow_no_year) return Finish(0, *month, *day, start, p, false);
    return std::nullopt;
  }
  if (IsAsciiDigit(s[p]) && seg::AtWordStart(s, p)) {
    auto first = seg::ParseNumber(s, &p, 2);
    if (!first) return std::nullopt;
    if (p < s.size() && s[p] == '/') {  // MM/DD/YYYY
      ++p;
      auto day = seg::ParseNumber(s, &p, 2);
      if (!day || p >= s.size() || s[p] != '/') return std::nullopt;
      ++p;
      size_t ys = p;
      auto year = seg::ParseNumber(s, &p, 4);
      if (!year || p - ys != 4 || !ValidYear(*year)) return std::nullopt;
      return Finish(*year, *first, *day, start, p, true);
    }
    // D Month YYYY
    seg::SkipSpaces(s, &p);
    auto month = ParseMonth(s, &p);
    if (!month) return std::nullopt;
    size_t q = p;
    if (auto year = ParseYearAfter(s, &q)) return Finish(*year, *month, *first, start, q, true);
  }
  return std::nullopt;
}

std::optional<DateMatch> FindDate(std::string_view s, size_t from, bool allow_no_year) {
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (!(IsAsciiAlpha(c) || IsAsciiDigit(c)) || !seg::AtWordStart(s, i)) continue;
    if (auto d = ParseDateAt(s, i, allow_no_year)) return d;
  }
  return std::nullopt;
}

std::optional<std::string> DateLine(std::string_view line) {
  line = seg::Trim(line);
  if (line.size() > 80) return std::nullopt;
  auto d = FindDate(line);
  if (!d) return std::nullopt;
  std::string_view before = seg::TrimDecoration(line.substr(0, d->start));
  std::string_view after = seg::TrimDecoration(line.substr(d->end));
  // Words that make a date part of a description rather than the letter's date.
  static constexpr std::string_view kNotDateLine[] = {
      "filed",   "ended",     "ending", "dated",     "as",        "through",  "period", "year",
      "quarter", "amendment", "form",   "submitted", "furnished", "received", "letter", "response",
      "comment", "effective", "on",     "for",       "since",     "from",     "until",  "of",
      "to",      "and",       "by",     "at",        "in",        "before",   "after",  "between"};
  if (!before.empty()) {
    bool label = seg::StartsWithI(before, "date") && before.size() <= 6;  // "Date", "Dated"
    if (!label) {
      if (before.size() > 40 || seg::CountDigits(before) > 0) return std::nullopt;
      for (std::string_view w : kNotDateLine)
        if (seg::FindWordI(before, w) != std::string_view::npos) return std::nullopt;
    }
  }
  if (!after.empty()) {
    // "May 20, 2025 (via EDGAR)", "October 29, 2013 VIA E-MAIL".
    std::string_view a = seg::TrimDecoration(after);
    while (!a.empty() && (a.front() == '(' || a.front() == '-')) a.remove_prefix(1);
    if (!(seg::StartsWithI(a, "via") || seg::StartsWithI(a, "by ") || seg::StartsWithI(a, "page")))
      return std::nullopt;
  }
  if (!d->has_year) return std::nullopt;
  return d->iso;
}

size_t FirstLetterDate(std::string_view s, std::string* iso) {
  size_t from = 0;
  while (auto d = FindDate(s, from)) {
    std::string_view before =
        s.substr(d->start >= 30 ? d->start - 30 : 0, d->start >= 30 ? 30 : d->start);
    bool described = false;
    for (std::string_view w :
         {"filed", "ended", "ending", "dated", "as of", "through", "since", "on", "of", "from",
          "until", "before", "after", "by", "to", "at", "for", "in"}) {
      size_t p = seg::FindWordI(before, w);
      // Only the words right before the date (the last few bytes) describe it.
      if (p != std::string_view::npos && p + w.size() + 3 >= before.size()) described = true;
    }
    if (!described) {
      if (iso) *iso = d->iso;
      return d->start;
    }
    from = d->end;
  }
  return std::string_view::npos;
}

std::string CompleteYear(const DateMatch& date, std::string_view reference) {
  if (date.has_year || reference.size() < 10) return date.iso;
  int ry = 0, rm = 0, rd = 0;
  if (std::sscanf(std::string(reference).c_str(), "%d-%d-%d", &ry, &rm, &rd) != 3) return date.iso;
  int m = 0, d = 0;
  std::sscanf(date.iso.c_str() + 5, "%d-%d", &m, &d);
  int y = (m < rm || (m == rm && d <= rd)) ? ry : ry - 1;
  return Iso(y, m, d);
}

}  // namespace secxref
