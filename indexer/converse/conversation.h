// Threading: letter summaries (summary.h) -> conversations. A review is a conversation: the
// staff writes, the company responds, the staff writes again ("We note your response to
// prior comment 5"), until "We have completed our review". Only what the letters say is
// used, and date order: no network.
//
// Letters of one registrant are taken in date order. A response joins the staff letter it
// names ("your letter dated March 4, 2019"), else the latest earlier staff letter of an open
// conversation about the same filings. A staff letter joins the conversation of the response
// or letter it names ("We have reviewed your April 2, 2019 response", "Response dated ...",
// prior comments of "our March 4, 2019 letter"), else, when it follows up (prior comments,
// "your response") or closes the review, the latest open conversation about the same filings;
// otherwise it opens a conversation. Each response comment pairs with the comment of the same
// number of the staff letter it answers, and each "prior comment N" resolves to comment N of
// the letter it names (by date), else of the letter the intro names ("our references to
// prior comments are to comments in our ... letter"), else of the previous staff letter of
// the conversation.
#ifndef SECXREF_CONVERSE_CONVERSATION_H_
#define SECXREF_CONVERSE_CONVERSATION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/converse/summary.h"

namespace secxref::converse {

// A comment of one of the input letters: letters[letter].comments[comment].
struct CommentRef {
  size_t letter = 0;
  size_t comment = 0;
  bool operator==(const CommentRef&) const = default;
};

// How the letter of a prior reference was found.
enum class PriorHow {
  kNone,   // not found
  kDate,   // the reference names its date ("comment 2 of our letter dated January 15, 2019")
  kIntro,  // the intro names it ("our references to prior comments are to ... our X letter")
  kOrder,  // the staff letter before this one in the conversation
};
const char* PriorHowName(PriorHow how);  // "none", "date", "intro", "order"

// One "prior comment N" (one number of a reference: "comments 9 and 10" gives two).
struct ResolvedPrior {
  size_t ref = 0;                 // index into the letter's prior_refs
  std::optional<int> number;      // N; none for "our August 16, 2017 letter"
  std::optional<size_t> letter;   // the letter referred to, when found
  std::optional<size_t> comment;  // its comment N, when it has one
  PriorHow how = PriorHow::kNone;
};

struct ThreadedComment {
  std::optional<CommentRef> answers;    // response comment: the staff comment it answers
  std::vector<CommentRef> answered_by;  // staff comment: the response comments answering it
  bool restatement = false;  // response comment restating a staff comment that is present
};

struct ThreadedLetter {
  size_t conversation = 0;                // index into Threading::conversations
  size_t position = 0;                    // 1-based, in the conversation's order
  int round = 0;                          // 1-based; responses share their staff letter's round
  std::optional<size_t> answers;          // response: the staff letter it answers
  std::vector<size_t> answered_by;        // staff letter: the responses answering it
  std::vector<ThreadedComment> comments;  // parallel to the summary's comments
  std::vector<ResolvedPrior> prior;       // one per number of each prior_ref
};

// What researchers count per conversation.
struct Figures {
  size_t letters = 0;
  size_t staff_letters = 0;
  size_t responses = 0;
  int rounds = 0;          // staff comment letters (a response with no staff letter counts one)
  std::string first_date;  // ISO; "" when no letter is dated
  std::string last_date;
  long span_days = -1;  // last - first; -1 when unknown
  bool closed = false;  // a staff letter completed the review
  std::string closed_date;
  long days_to_close = -1;  // closing letter - first letter; -1 when open or undated
  size_t comments = 0;      // staff comments (numbered comments of staff letters)
  size_t answered = 0;      // staff comments with a paired response comment
  size_t response_comments = 0;
  size_t paired_responses = 0;  // response comments paired with a staff comment
  size_t citations = 0;         // citation mentions, a restatement of a present comment once
  std::string office;           // "Office of Manufacturing", "" when no letter names it
};

struct Conversation {
  std::string id;  // "1013871/10-k/2015"; "~2" appended for a second one
  std::string registrant;
  std::string company;
  std::string cik;
  std::string subject;          // the first letter's first reviewed entry
  std::vector<size_t> letters;  // in conversation order
  Figures figures;
};

struct Threading {
  std::vector<Conversation> conversations;  // by registrant, then first date
  std::vector<ThreadedLetter> letters;      // parallel to the input
};

Threading Thread(const std::vector<LetterSummary>& letters);

// Days from ISO date a to ISO date b (b - a), or nullopt when either is not a date.
std::optional<long> DaysBetween(const std::string& a, const std::string& b);

}  // namespace secxref::converse

#endif  // SECXREF_CONVERSE_CONVERSATION_H_
