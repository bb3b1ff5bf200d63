// The conversation subcommands of secxref-query, registered on the command line by one call
// (query_main.cc) so that they live in their own file:
//   thread ACCESSION|KEY|FILE|CONVERSATION   the whole review thread, letter by letter, each
//                                            staff comment with its response(s)
//   conversations [filters]                  per-conversation figures (rounds, days to close,
//                                            comments, citations, office); --format csv
// and `cites --group conversation` (RunCites calls FinishGroupedByConversation).
#ifndef SECXREF_QUERY_THREAD_COMMAND_H_
#define SECXREF_QUERY_THREAD_COMMAND_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "query/citation_arg.h"
#include "query/commands.h"
#include "query/output.h"
#include "query/result.h"

namespace CLI {
class App;
}

namespace secxref::query {

struct ThreadArgs {
  CommonArgs common;
  std::string target;
};

struct ConversationsArgs {
  CommonArgs common;
  Filters filters;
};

int RunThread(const ThreadArgs& args, const Io& io);
int RunConversations(const ConversationsArgs& args, const Io& io);

// `cites --group conversation`: prints `rs` grouped by conversation, with each conversation's
// span in days, rounds and whether it closed; counts comments citing the targets once (a
// restatement with its staff comment). Returns the exit status.
int FinishGroupedByConversation(const Xapian::Database& db, const ResultSet& rs,
                                const Xapian::Query& query,
                                const std::vector<CitationTarget>& targets, bool exact,
                                Format format, const Style& style, const Io& io);

// Comments citing the targets, a restatement of a staff comment in the index counted with it:
// exact up to kExactTotalsUpTo, estimated past that like the listing's totals.
uint64_t CommentsCitingOnce(const Xapian::Database& db, const Xapian::Query& query,
                            const std::vector<CitationTarget>& targets, bool exact);

// Registers `thread` and `conversations` on `app`; after parsing, Run() runs the one given.
class ConversationCommands {
 public:
  explicit ConversationCommands(CLI::App* app);
  bool Parsed() const;
  int Run(const Io& io) const;

 private:
  std::shared_ptr<ThreadArgs> thread_ = std::make_shared<ThreadArgs>();
  std::shared_ptr<ConversationsArgs> list_ = std::make_shared<ConversationsArgs>();
  CLI::App* thread_cmd_ = nullptr;
  CLI::App* list_cmd_ = nullptr;
};

}  // namespace secxref::query

#endif  // SECXREF_QUERY_THREAD_COMMAND_H_
