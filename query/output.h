// How answers are printed: an aligned, colour-aware table for people, JSON / JSON lines /
// CSV for scripts. The field names are a contract, documented in docs/query.md.
#ifndef SECXREF_QUERY_OUTPUT_H_
#define SECXREF_QUERY_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/result.h"

namespace secxref::query {

using OrderedJson = nlohmann::ordered_json;

enum class Format { kTable, kJson, kJsonl, kCsv };
// "table" (or "text"), "json", "jsonl", "csv"; throws UsageError otherwise.
Format ParseFormat(const std::string& name);

// How a table is drawn on this output.
struct Style {
  bool color = false;  // ANSI colours and bold
  size_t width = 100;  // columns to wrap at
  // `color_option` is auto|always|never; auto means colour when `is_tty`, NO_COLOR is unset
  // or empty (no-color.org) and TERM is not "dumb". The width comes from the terminal, else
  // $COLUMNS, else 100.
  static Style For(bool is_tty, int fd, const std::string& color_option);

  std::string Bold(const std::string& s) const;
  std::string Dim(const std::string& s) const;
  std::string Accent(const std::string& s) const;  // ids, comment numbers
  // A highlighted passage: colour on a terminal, [[...]] elsewhere.
  std::string Mark(const std::string& s) const;
};

// Text with highlights applied (Style::Mark), wrapped to `width` with `indent` spaces before
// every line. Paragraph breaks (blank lines) in `text` are kept when `paragraphs` is set;
// other whitespace runs become one space.
std::string WrapMarked(const std::string& text, const std::vector<Highlight>& highlights,
                       const Style& style, size_t indent, size_t width, bool paragraphs = false);

// Display width of UTF-8 text (code points; escape sequences excluded).
size_t DisplayWidth(const std::string& s);
// `s` padded with spaces to `width` display columns.
std::string Pad(const std::string& s, size_t width);

std::string Join(const std::vector<std::string>& parts, const std::string& separator);

// One CSV field (RFC 4180 quoting) and one line of them.
std::string CsvField(const std::string& s);
std::string CsvLine(const std::vector<std::string>& fields);

// JSON shapes shared by the commands.
OrderedJson LetterJson(const LetterInfo& l);
OrderedJson MentionJson(const Mention& m, bool full = false);
// The compact "21Vianet Group, Inc." / "Form 20-F" labels of a letter.
std::string FormsLabel(const LetterInfo& l);

// cites / search / similar answers.
void PrintResults(const ResultSet& rs, Format format, const Style& style, std::ostream& out);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_OUTPUT_H_
