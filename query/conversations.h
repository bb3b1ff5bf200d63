// Reading conversations (review threads) back from the index: what the writer's converse step
// stored (indexer/index/conversation_store.h) on every document of a letter: the
// conversation id (XT, slot 4), the "thread" links in the data, the conversation's figures on
// each outside-comments document, and XRC terms on restatements.
#ifndef SECXREF_QUERY_CONVERSATIONS_H_
#define SECXREF_QUERY_CONVERSATIONS_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "query/citation_arg.h"
#include "query/output.h"
#include "query/result.h"
#include "query/searcher.h"

namespace secxref::query {

// Another letter, or one of its comments, as a link.
struct ThreadLink {
  std::string key;
  std::optional<std::string> accession;
  std::optional<std::string> date;
  std::string kind;
  std::optional<int> comment;  // comment links only
  std::string tag;
};

// A "prior comment N" and what it resolved to.
struct ThreadPrior {
  std::string refers_to;
  std::optional<int> number;
  std::string how;                   // date, intro, order, none
  std::optional<ThreadLink> letter;  // the letter it refers to
  std::string tag;                   // its comment N's tag, "" when that letter has none
  bool restated = false;             // inside a response's restatement of the staff comment
};

struct ThreadComment {
  StoredComment stored;
  std::optional<ThreadLink> answers;    // response comment -> staff comment
  std::vector<ThreadLink> answered_by;  // staff comment -> response comments
  bool restatement = false;
  std::vector<ThreadPrior> prior;
};

struct ConversationFigures {
  std::string id, registrant;
  std::optional<std::string> company, cik, subject, office;
  uint64_t letters = 0, staff_letters = 0, responses = 0;
  int rounds = 0;
  std::optional<std::string> first_date, last_date, closed_date;
  std::optional<long> span_days, days_to_close;
  bool closed = false;
  uint64_t comments = 0, answered = 0, response_comments = 0, paired_responses = 0, citations = 0;
};

struct ThreadLetter {
  LetterInfo info;
  int position = 0;
  int round = 0;
  bool closes = false;
  bool initiated = false;
  std::optional<std::string> office;
  std::optional<ThreadLink> answers;
  std::vector<ThreadLink> answered_by;
  std::vector<ThreadPrior> prior;       // in the text outside numbered comments
  std::vector<ThreadComment> comments;  // letter order
};

struct ConversationView {
  ConversationFigures figures;
  std::vector<ThreadLetter> letters;  // conversation order
};

// The conversation of the letter a target names (accession, letter key, indexed file, or a
// conversation id itself). Throws UsageError when nothing matches.
std::string FindConversation(const Xapian::Database& db, const std::string& target);

// Every document of a conversation, arranged. Throws UsageError for an unknown id.
ConversationView LoadConversation(const Xapian::Database& db, const std::string& id);

// A conversation's figures (from any of its letters' outside documents), if it is indexed.
std::optional<ConversationFigures> LoadFigures(const Xapian::Database& db, const std::string& id);

// The conversations with a letter matching `filters`, by first date then id.
std::vector<ConversationFigures> ListConversations(const Xapian::Database& db,
                                                   const Filters& filters);

// `query` (comments citing the targets) without the restatements that cite them only in the
// restated staff comment, so that a comment and its restatement count once.
Xapian::Query CountedOnce(const Xapian::Query& query, const std::vector<CitationTarget>& targets,
                          bool exact);

// The citation levels (XC values) a document cites only in a restatement (its XRC terms).
std::set<std::string> RestatedOnlyLevels(const Xapian::Document& doc);

// thread / conversations / cites --group conversation.
void PrintThread(const ConversationView& v, Format format, const Style& style, std::ostream& out);
void PrintConversations(const std::vector<ConversationFigures>& list, Format format,
                        const Style& style, std::ostream& out);
OrderedJson FiguresJson(const ConversationFigures& f);

// A `cites` answer grouped by conversation: per conversation its figures (span, rounds,
// closed) and the matching letters; `counted` (comments citing, once) per conversation.
struct ConversationGroup {
  ConversationFigures figures;  // id only when the conversation has no stored figures
  std::vector<const LetterHit*> letters;
  uint64_t comments = 0;
};
std::vector<ConversationGroup> GroupByConversation(const Xapian::Database& db, const ResultSet& rs,
                                                   const Xapian::Query& counted);
void PrintGrouped(const ResultSet& rs, const std::vector<ConversationGroup>& groups, Format format,
                  const Style& style, std::ostream& out);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_CONVERSATIONS_H_
