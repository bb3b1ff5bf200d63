#include "query/thread_command.h"

#include <CLI/CLI.hpp>
#include <functional>

#include "indexer/index/schema.h"
#include "query/conversations.h"
#include "query/database.h"
#include "query/output.h"

namespace secxref::query {
namespace {

constexpr char kName[] = "secxref-query";

void AddCommonOptions(CLI::App* cmd, CommonArgs* a) {
  cmd->add_option(
      "--db", a->dbs,
      "Index to read (repeatable; default: $SECXREF_DB, else the per-user data directory)")
      ->allow_extra_args(false);
  cmd->add_option("--format", a->format, "table (default), json, jsonl or csv")
      ->check(CLI::IsMember({"table", "text", "json", "jsonl", "csv"}));
  cmd->add_option("--color", a->color, "auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

}  // namespace

int RunThread(const ThreadArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    Xapian::Database db = OpenDatabases(args.common.dbs);
    ConversationView view;
    WithReopenRetry(db, [&] { view = LoadConversation(db, FindConversation(db, args.target)); });
    PrintThread(view, format, style, io.out);
    return 0;
  });
}

int RunConversations(const ConversationsArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    Xapian::Database db = OpenDatabases(args.common.dbs);
    std::vector<ConversationFigures> list;
    WithReopenRetry(db, [&] { list = ListConversations(db, args.filters); });
    if (list.empty()) {
      io.err << kName << ": no conversation"
             << (args.filters.from.empty() && args.filters.to.empty() &&
                         args.filters.ciks.empty() && args.filters.companies.empty() &&
                         args.filters.forms.empty()
                     ? " in the index"
                     : " with these filters")
             << "\n";
      if (format == Format::kCsv || format == Format::kJson)
        PrintConversations(list, format, style, io.out);
      return 1;
    }
    PrintConversations(list, format, style, io.out);
    return 0;
  });
}

uint64_t CommentsCitingOnce(const Xapian::Database& db, const Xapian::Query& query,
                            const std::vector<CitationTarget>& targets, bool exact) {
  return CountMatches(db, CountedOnce(query, targets, exact), kExactTotalsUpTo);
}

int FinishGroupedByConversation(const Xapian::Database& db, const ResultSet& rs,
                                const Xapian::Query& query,
                                const std::vector<CitationTarget>& targets, bool exact,
                                Format format, const Style& style, const Io& io) {
  std::vector<ConversationGroup> groups;
  Xapian::Database reader = db;
  WithReopenRetry(reader, [&] {
    groups = GroupByConversation(reader, rs, CountedOnce(query, targets, exact));
  });
  if (rs.letters.empty()) {
    if (format == Format::kJson || format == Format::kCsv)
      PrintGrouped(rs, groups, format, style, io.out);
    return 1;
  }
  PrintGrouped(rs, groups, format, style, io.out);
  return 0;
}

ConversationCommands::ConversationCommands(CLI::App* app) {
  thread_cmd_ = app->add_subcommand("thread",
                                    "A whole review thread, letter by letter, each staff comment "
                                    "with its response: thread ACCESSION");
  thread_cmd_
      ->add_option(
          "target", thread_->target,
          "Accession, letter key, indexed file, or conversation id (\"1013871/10-k/2015\")")
      ->required();
  AddCommonOptions(thread_cmd_, &thread_->common);

  list_cmd_ = app->add_subcommand(
      "conversations",
      "Per-conversation figures: rounds, days to review complete, comments, citations, office");
  AddCommonOptions(list_cmd_, &list_->common);
  Filters* f = &list_->filters;
  list_cmd_->add_option("--from", f->from,
                        "Conversations with a letter dated on or after (YYYY[-MM[-DD]])");
  list_cmd_->add_option("--to", f->to,
                        "Conversations with a letter dated on or before (YYYY[-MM[-DD]])");
  list_cmd_->add_option("--company", f->companies,
                        "Company name words (repeatable: all must match)")
      ->allow_extra_args(false);
  list_cmd_->add_option("--cik", f->ciks, "Company CIK (repeatable: any)")
      ->allow_extra_args(false);
  list_cmd_->add_option("--form", f->forms, "Reviewed form type, e.g. 10-K (repeatable: any)")
      ->allow_extra_args(false);
}

bool ConversationCommands::Parsed() const { return thread_cmd_->parsed() || list_cmd_->parsed(); }

int ConversationCommands::Run(const Io& io) const {
  if (thread_cmd_->parsed()) return RunThread(*thread_, io);
  return RunConversations(*list_, io);
}

}  // namespace secxref::query
