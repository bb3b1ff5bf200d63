// The letter's head: date line, addressee block, Re: block and salutation, read from the
// lines before the body. Every index is into the NonEmptyLines() vector; -1 when absent.
#ifndef SECXREF_SEGMENT_HEADER_H_
#define SECXREF_SEGMENT_HEADER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/segment/text_lines.h"

namespace secxref {

// What the Re: block says.
struct ReBlock {
  std::optional<std::string> company;
  std::vector<std::string> reviewed;      // one entry per filing, lines of one filing joined
  std::vector<std::string> file_numbers;  // "001-35126"
  std::optional<std::string> cik;         // "CIK No. 0001234567" -> "1234567"
};

struct Header {
  int date_line = -1;
  std::optional<std::string> date;
  int re_first = -1;  // the "Re:" line
  int re_last = -1;   // last line of the block
  ReBlock re;
  int salutation_line = -1;
  uint32_t body_start = 0;  // byte offset just after the salutation (or the Re: block)
  std::optional<std::string> addressee;
  // Lines [addressee_first, addressee_last] between the date and the Re: block.
  int addressee_first = -1;
  int addressee_last = -1;
};

Header ReadHeader(const std::vector<TextLine>& lines);

// Parses the lines of a Re: block (the text after "Re:" on its first line, then the rest).
// Exposed for tests.
ReBlock ParseReBlock(const std::vector<std::string_view>& block_lines);

// True for a salutation line: "Dear Mr. Hsiao:", "Ladies and Gentlemen:".
bool IsSalutation(std::string_view line);

// The file numbers in a "File No." line: "File Nos. 1-15891 and 1-36002" -> both.
std::vector<std::string> FileNumbersIn(std::string_view line);

}  // namespace secxref

#endif  // SECXREF_SEGMENT_HEADER_H_
