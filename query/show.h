// `show ACCESSION[#COMMENT]`: a letter (or one of its comments) as the index holds it, with
// its citations marked. The target may also be a letter key ("sha:..." or
// "<accession>:<file>") or the path of an indexed file.
#ifndef SECXREF_QUERY_SHOW_H_
#define SECXREF_QUERY_SHOW_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/output.h"
#include "query/result.h"

namespace secxref::query {

struct ShownLetter {
  LetterInfo letter;
  std::vector<StoredComment> comments;  // letter order; the outside text first
};

struct ShowTarget {
  std::string letter;               // accession, letter key or path
  std::optional<std::string> tag;   // "3", "3.2", "-" (the text outside comments)
};

// "0000950123-13-061818#2" -> {accession, "2"}. Throws UsageError on an empty target.
ShowTarget ParseShowTarget(const std::string& text);

// The query for the target's letter(s): its accession (XACC), letter key (XL) or source
// path (XSRC).
Xapian::Query ShowQuery(const ShowTarget& target);

// The letters the target names (several when one accession holds several files), each with
// its documents (only the asked-for comment when there is a tag). Throws UsageError when
// nothing matches.
std::vector<ShownLetter> FindLetters(const Xapian::Database& db, const ShowTarget& target);

// Prints them. `full` includes the text outside numbered comments even without citations.
void PrintShown(const std::vector<ShownLetter>& letters, bool full, Format format, const Style& style,
                std::ostream& out);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_SHOW_H_
