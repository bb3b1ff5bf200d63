// Section headings above comments ("Notes to the Consolidated Financial Statements",
// "Note 1. Organization, page F-14") and how they nest.
#ifndef SECXREF_SEGMENT_HEADINGS_H_
#define SECXREF_SEGMENT_HEADINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace secxref {

// Heading shape of one line on its own: short, capitalised, not a sentence, not a date,
// salutation or page marker. Context (the previous line) is the caller's concern.
bool LooksLikeHeading(std::string_view line);

// Rank of a heading in the outline of a filing; lower is outer.
//   0  a filing: "Form 10-K for the Fiscal Year Ended ...", "Amendment No. 1 to Form S-1"
//   1  a part of it: "General", "Item 7. ...", "Part II", "Exhibit 5.1",
//      "Notes to ... Financial Statements", "Risk Factors", "Management's Discussion ..."
//   2  a note: "Note 4. Acquisitions", "Notes 3 and 4"
//   3  anything else (free sub-heads: "Business Combinations", "21V Xi'an, page F-33")
int HeadingRank(std::string_view heading);

// The open headings while reading a letter top to bottom. A block of headings (the lines
// between two comments) updates it: a ranked heading closes every open heading of its rank
// or deeper; a block of k free sub-heads replaces the k deepest free sub-heads (siblings
// replace siblings, a longer block replaces them all) and keeps the ranked ones above.
class HeadingOutline {
 public:
  void ApplyBlock(const std::vector<std::string>& block);
  const std::vector<std::string>& Open() const { return open_; }

 private:
  std::vector<std::string> open_;
  std::vector<int> ranks_;
};

}  // namespace secxref

#endif  // SECXREF_SEGMENT_HEADINGS_H_
