// Dates as letters write them: "October 29, 2013", "Oct. 29, 2013", "Sept. 9, 2016",
// "29 October 2013", "October 29 2013", "10/29/2013". Output is ISO "2013-10-29".
#ifndef SECXREF_SEGMENT_DATE_PARSE_H_
#define SECXREF_SEGMENT_DATE_PARSE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace secxref {

struct DateMatch {
  std::string iso;   // "2013-10-29"; "0000-08-12" when the year is missing (see below)
  size_t start = 0;  // byte range of the date in the searched text
  size_t end = 0;
  bool has_year = true;
};

// Parses a date starting exactly at s[pos]. With allow_no_year, "August 12" alone is
// accepted (has_year false, iso year 0000): letters say "your August 12 letter".
std::optional<DateMatch> ParseDateAt(std::string_view s, size_t pos, bool allow_no_year = false);

// The first date in s at or after `from`, or nullopt.
std::optional<DateMatch> FindDate(std::string_view s, size_t from = 0, bool allow_no_year = false);

// When the whole line is a date line: the date alone ("October 29, 2013"), after a short
// place or label ("Houston, Texas, May 20, 2025", "Date: May 20, 2025", "Dated: ..."), or
// before a delivery note ("May 20, 2025 via EDGAR"). Lines that only mention a date
// ("Filed April 19, 2013", "Fiscal Year Ended December 31, 2015") are not date lines.
std::optional<std::string> DateLine(std::string_view line);

// For text without line structure: the offset of the first date in `s` that is not part
// of a description ("Filed April 19, 2013", "year ended December 31, 2015", "dated ..."),
// or npos.
size_t FirstLetterDate(std::string_view s, std::string* iso = nullptr);

// Completes a year-less date with the latest year that does not put it after `reference`
// (an ISO date): "your August 12 letter" in a letter of 2016-10-19 is 2016-08-12.
std::string CompleteYear(const DateMatch& date, std::string_view reference);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_DATE_PARSE_H_
