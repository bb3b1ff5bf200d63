// secxref-query: who cites X, full-text search, show, precedent (similar), trends (stats).
// Options are bound into the structs of query/commands.h; the work happens after parsing, so
// a parse error and a runtime error never mix (CLI11 callbacks run inside parse()).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "query/commands.h"
#include "query/thread_command.h"

namespace {

using secxref::query::CommonArgs;
using secxref::query::Filters;
using secxref::query::ListArgs;

void AddCommon(CLI::App* cmd, CommonArgs* a, bool explain = true) {
  cmd->add_option("--db", a->dbs,
                  "Index to read (repeatable: shards are searched together; a directory, a Xapian "
                  "stub file with auto/remote lines, or a glass database). Default: $SECXREF_DB, "
                  "else $XDG_DATA_HOME/secxref/db or ~/.local/share/secxref/db")
      ->allow_extra_args(false);  // one value per --db: a positional after it is no index
  cmd->add_option("--format", a->format, "table (default), json, jsonl or csv")
      ->check(CLI::IsMember({"table", "text", "json", "jsonl", "csv"}));
  cmd->add_option("--color", a->color, "auto (default: on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  if (explain) cmd->add_flag("--explain", a->explain, "Print the Xapian query (stderr)");
}

void AddFilters(CLI::App* cmd, Filters* f, bool family = true) {
  cmd->add_option("--from", f->from, "Letters dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", f->to, "Letters dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--company", f->companies, "Company name words (repeatable: all must match)")
      ->allow_extra_args(false);
  cmd->add_option("--cik", f->ciks, "Company CIK (repeatable: any)")
      ->allow_extra_args(false);
  cmd->add_option("--kind", f->kind, "staff or response")->check(CLI::IsMember({"staff", "response", "unknown"}));
  cmd->add_option("--form", f->forms, "Reviewed form type, e.g. 10-K, 20-F (repeatable: any)")
      ->allow_extra_args(false);
  if (family) cmd->add_option("--family", f->families, "Comments that cite something of this family (repeatable)")
      ->allow_extra_args(false);
}

void AddList(CLI::App* cmd, ListArgs* l, const char* default_sort) {
  cmd->add_option("--sort", l->sort, std::string("date (newest first), relevance or depth; default ") + default_sort)
      ->check(CLI::IsMember({"date", "relevance", "depth"}));
  cmd->add_option("--limit", l->limit, "Letters to list (0: all; default 20 in the table, all in json/jsonl/csv)")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"secxref-query: who cites a standard, search, precedent and trends over indexed SEC comment letters"};
  app.require_subcommand(1);
  app.footer("Exit status: 0 results, 1 no results, 2 error. Field names of json/jsonl/csv: docs/query.md.");

  auto cites = std::make_shared<secxref::query::CitesArgs>();
  CLI::App* cites_cmd = app.add_subcommand(
      "cites", "Letters and comments citing a standard (and anything under it): cites \"ASC 810-10-50\"");
  cites_cmd->add_option("citation", cites->citation, "A citation as you would write it: \"ASC 810-10-50\", "
                        "\"Topic 810\", \"Item 5.D of Form 20-F\", \"Release No. 33-8350\", \"SAB Topic 5.Y\"")
      ->required();
  cites_cmd->add_flag("--exact", cites->exact, "The id itself only, not what lies under it");
  cites_cmd->add_option("--family", cites->family, "Read the citation as one of this family (asc, sk, form...)");
  cites_cmd->add_option("--group", cites->group, "conversation: the letters by review thread, with span, rounds, closed")
      ->check(CLI::IsMember({"conversation"}));
  AddCommon(cites_cmd, &cites->common);
  AddFilters(cites_cmd, &cites->list.filters, false);
  AddList(cites_cmd, &cites->list, "date");

  auto search = std::make_shared<secxref::query::SearchArgs>();
  CLI::App* search_cmd = app.add_subcommand(
      "search", "Full-text and field search: search 'goodwill AND cite:\"ASC 350-20\" AND date:2015..2020'");
  search_cmd->add_option("query", search->query, "Words, \"phrases\", AND/OR/NOT, field:value (docs/query.md)")
      ->required();
  AddCommon(search_cmd, &search->common);
  AddFilters(search_cmd, &search->list.filters);
  AddList(search_cmd, &search->list, "relevance");

  auto show = std::make_shared<secxref::query::ShowArgs>();
  CLI::App* show_cmd = app.add_subcommand("show", "A letter or one comment, citations marked: show ACCESSION[#COMMENT]");
  show_cmd->add_option("target", show->target, "Accession number, letter key or indexed file, optionally #COMMENT")
      ->required();
  show_cmd->add_flag("--full", show->full, "Include the text outside numbered comments");
  AddCommon(show_cmd, &show->common, false);

  auto similar = std::make_shared<secxref::query::SimilarArgs>();
  CLI::App* similar_cmd = app.add_subcommand(
      "similar", "Precedent: the most similar comments of other letters: similar ACCESSION#COMMENT | --text \"...\"");
  similar_cmd->add_option("target", similar->options.target, "ACCESSION#COMMENT (or letter key / file #COMMENT)");
  similar_cmd->add_option("--text", similar->options.text, "Compare with this text instead");
  similar_cmd->add_option("--limit", similar->options.limit, "Letters to list (default 10)");
  AddCommon(similar_cmd, &similar->common);
  AddFilters(similar_cmd, &similar->options.filters);

  auto stats = std::make_shared<secxref::query::StatsArgs>();
  CLI::App* stats_cmd = app.add_subcommand("stats", "Most-cited ids, with counts of citing comments and letters");
  stats_cmd->add_option("query", stats->query, "Only comments matching this search (default: all)");
  stats_cmd->add_option("--level", stats->level, "topic (default), subtopic, section or full")
      ->check(CLI::IsMember({"topic", "subtopic", "section", "full"}));
  stats_cmd->add_option("--family", stats->family, "Count only ids of this family (asc, sk, release...)");
  stats_cmd->add_option("--top", stats->top, "How many ids (default 20; 0: all)");
  stats_cmd->add_flag("--by-year", stats->by_year, "Counts per year");
  stats_cmd->add_option("--svg", stats->svg, "Write the per-year trend of the top ids as an SVG chart");
  AddCommon(stats_cmd, &stats->common);
  AddFilters(stats_cmd, &stats->filters, false);

  secxref::query::ConversationCommands conversations(&app);  // thread, conversations

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  secxref::query::Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, STDOUT_FILENO};
  int status = 2;
  try {
    if (*cites_cmd) status = secxref::query::RunCites(*cites, io);
    else if (*search_cmd) status = secxref::query::RunSearch(*search, io);
    else if (*show_cmd) status = secxref::query::RunShow(*show, io);
    else if (*similar_cmd) status = secxref::query::RunSimilar(*similar, io);
    else if (*stats_cmd) status = secxref::query::RunStats(*stats, io);
    else if (conversations.Parsed()) status = conversations.Run(io);
  } catch (const Xapian::Error& e) {  // not a std::exception
    std::fprintf(stderr, "secxref-query: %s\n", e.get_description().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secxref-query: %s\n", e.what());
    return 2;
  }
  std::cout.flush();
  return status;
}
