// Page furniture: text the page layout repeats rather than the letter says. Removed for
// every format after reading (PDF pages, HTML CSS page breaks, plain-text letters), so that
// comments split across pages read as one text:
//   - running headers from page 2 on ("Mr. Brian Doe / Acme Corp. / March 3, 2020 /
//     Page 2"), recognised by their "Page N" line and by words taken from the letter's
//     opening block (letterhead, date, addressee, Re: block); without a "Page N" line, the
//     opening-block lines a page starts with when another page starts with them too or
//     they repeat the letter's date;
//   - page-number footers ("2", "- 2 -", "Page 2 of 5");
//   - the letterhead logo caption ("United States securities and exchange commission logo");
//   - template residue of newer staff PDFs ("FirstName LastName", "Comapany Name...").
// Where a page boundary or a removed header falls inside a sentence, the sentence goes on
// with no paragraph break.
#ifndef SECXREF_READ_PAGE_FURNITURE_H_
#define SECXREF_READ_PAGE_FURNITURE_H_

#include <string_view>

#include "indexer/read/raw_line.h"

namespace secxref {

// True for the placeholder text staff letter templates leave in the PDF text layer:
// lines that start "FirstName", "LastName...", "Comapany", "NameCompany", "Company Name...".
bool IsTemplateResidue(std::string_view text);

// True for "Page 4", "Page 4 of 9", "- 4 -", "4": a line that only numbers the page.
bool IsPageNumberLine(std::string_view text);

// True when `text` holds "Page N" and otherwise only date words ("August 31, 2023 Page 2"),
// as template overlays leave in the middle of staff PDF pages.
bool IsDatedPageMarker(std::string_view text);

// Removes the furniture from `lines` and resolves page seams (see above). Lines with
// geometry (RawLine::top >= 0) are judged by position on the page as well.
void RemovePageFurniture(RawLines* lines);

}  // namespace secxref

#endif  // SECXREF_READ_PAGE_FURNITURE_H_
