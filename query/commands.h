// The secxref-query subcommands as functions: options in, text out, exit status back
// (0 results, 1 none, 2 error). query_main.cc binds CLI11 options to these structs; the tests
// call the functions directly with string streams.
#ifndef SECXREF_QUERY_COMMANDS_H_
#define SECXREF_QUERY_COMMANDS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "query/citation_arg.h"
#include "query/searcher.h"
#include "query/similar.h"

namespace secxref::query {

struct CommonArgs {
  std::vector<std::string> dbs;  // --db, repeatable; empty: the default location
  std::string format = "table";  // table | json | jsonl | csv
  std::string color = "auto";    // auto | always | never
  bool explain = false;          // print the Xapian query
};

struct ListArgs {
  Filters filters;
  std::string sort;    // "" : the command's default (cites: date, search: relevance)
  // Letters to list; 0: all. -1: the default, a page (kTableLimit) for the table and every
  // letter for json, jsonl and csv (scripts want the whole answer).
  long limit = -1;
};

inline constexpr size_t kTableLimit = 20;

struct CitesArgs {
  CommonArgs common;
  ListArgs list;
  std::string citation;
  bool exact = false;
  std::string family;  // read the argument as a citation of this family
  std::string group;   // "conversation": grouped by review thread (thread_command.h)
};

struct SearchArgs {
  CommonArgs common;
  ListArgs list;
  std::string query;
};

struct ShowArgs {
  CommonArgs common;
  std::string target;
  bool full = false;  // also the text outside numbered comments
};

struct SimilarArgs {
  CommonArgs common;
  SimilarOptions options;
};

struct StatsArgs {
  CommonArgs common;
  Filters filters;
  std::string query;
  std::string level = "topic";
  std::string family;
  size_t top = 20;
  bool by_year = false;
  std::string svg;  // write the per-year chart here
};

// Where a command writes. `tty` and `fd` describe `out` for the table's colours and width.
struct Io {
  std::ostream& out;
  std::ostream& err;
  bool tty = false;
  int fd = -1;
};

// Runs a command's body: errors a user can cause become one message on io.err and status 2
// (Xapian::Error is no std::exception); a body that met a concurrent commit runs again.
int Guard(const Io& io, const std::function<int()>& body);

// What `cites` answers, without the printing: the letters citing the targets (with the
// filters), and the totals with a staff comment restated in a response counted once. The
// in-process benchmark (query/bench) times exactly this.
ResultSet ListCiting(const Xapian::Database& db, const std::vector<CitationTarget>& targets,
                     bool exact, const Filters& filters, ListOptions options);

int RunCites(const CitesArgs& args, const Io& io);
int RunSearch(const SearchArgs& args, const Io& io);
int RunShow(const ShowArgs& args, const Io& io);
int RunSimilar(const SimilarArgs& args, const Io& io);
int RunStats(const StatsArgs& args, const Io& io);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_COMMANDS_H_
