#include "query/commands.h"

#include <fstream>
#include <functional>

#include "indexer/extract/catalog.h"
#include "query/citation_arg.h"
#include "query/database.h"
#include "query/output.h"
#include "query/search_parser.h"
#include "query/show.h"
#include "query/stats.h"
#include "query/thread_command.h"

namespace secxref::query {
namespace {

constexpr char kName[] = "secxref-query";

bool HasFilters(const Filters& f) {
  return !f.from.empty() || !f.to.empty() || !f.companies.empty() || !f.ciks.empty() || !f.kind.empty() ||
         !f.forms.empty() || !f.families.empty();
}

std::string SuggestionBlock(const std::vector<std::string>& s, const char* label = "cited nearby:") {
  if (s.empty()) return "";
  std::string b = std::string("\n  ") + label;
  for (const std::string& x : s) b += "\n    " + x;
  return b;
}

// Prints a listing and gives its exit status: 0 with results; 1 without, after saying so on
// stderr (never a silent empty answer); JSON and CSV still print their empty shape.
int Finish(const ResultSet& rs, Format format, const Style& style, const Io& io, const std::string& none) {
  if (rs.letters.empty()) {
    io.err << kName << ": " << none << "\n";
    if (format == Format::kJson || format == Format::kCsv) PrintResults(rs, format, style, io.out);
    return 1;
  }
  PrintResults(rs, format, style, io.out);
  return 0;
}

ParsedSearch ParseSearch(const Xapian::Database& db, const std::string& text, bool explain, const Io& io) {
  ParsedSearch parsed = SearchParser(db).Parse(text);
  if (explain) io.err << kName << ": parsed: " << parsed.description << "\n";
  if (parsed.fell_back) {
    io.err << kName << ": warning: Xapian read '" << text << "' as plain words: its operators "
           << "(quotes, parentheses, AND/OR/NOT, +/-) had no effect; check them\n";
  }
  return parsed;
}

size_t Limit(const ListArgs& list, Format format) {
  if (list.limit >= 0) return static_cast<size_t>(list.limit);
  return format == Format::kTable ? kTableLimit : 0;
}

}  // namespace

int Guard(const Io& io, const std::function<int()>& body) {
  // A writer that commits twice while a command reads makes the revision it holds go away
  // (DatabaseModifiedError). Commands read everything before they print, so the whole command
  // runs again on a fresh open; WithReopenRetry inside covers the common case more cheaply.
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    try {
      return body();
    } catch (const UsageError& e) {
      io.err << kName << ": " << e.what() << "\n";
    } catch (const Xapian::QueryParserError& e) {
      io.err << kName << ": cannot parse the query: " << e.get_msg() << "\n";
    } catch (const Xapian::DatabaseOpeningError& e) {
      io.err << kName << ": cannot open the index: " << e.get_msg() << "\n";
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt < kAttempts) continue;
      io.err << kName << ": the index changed under every attempt to read it (" << kAttempts
             << " tries); try again: " << e.get_msg() << "\n";
    } catch (const Xapian::DatabaseCorruptError& e) {
      // Glass can also show a reader a block the writer is rewriting under it ("Expected block
      // N to be level L": a torn read, seen with `add --batch 10` beside queries under ASan).
      // A fresh open reads the new revision; an index that is really damaged fails every try.
      if (attempt < kAttempts) continue;
      io.err << kName << ": " << e.get_description() << "\n";
    } catch (const Xapian::Error& e) {
      io.err << kName << ": " << e.get_description() << "\n";
    } catch (const std::exception& e) {
      io.err << kName << ": " << e.what() << "\n";
    }
    return 2;
  }
}

ResultSet ListCiting(const Xapian::Database& db, const std::vector<CitationTarget>& targets,
                     bool exact, const Filters& filters, ListOptions options) {
  const Xapian::Query query = ApplyFilters(CitationQuery(targets, exact), filters);
  options.in_year = [&](const std::string& year) {
    return ApplyFilters(CitationQueryInYear(targets, exact, year), filters);
  };
  ResultSet rs = Searcher(db).List(query, CitationMatcher(query), options);
  // A staff comment restated in a response counts once (thread_command.h).
  rs.comments_total = CommentsCitingOnce(db, query, targets, exact);
  return rs;
}

int RunCites(const CitesArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    SortOrder sort = ParseSortOrder(args.list.sort.empty() ? "date" : args.list.sort);
    std::optional<Family> family;
    if (!args.family.empty()) {
      family = FamilyFromName(args.family);
      if (!family) throw UsageError("--family " + args.family + ": not a citation family");
    }
    Xapian::Database db = OpenDatabases(args.common.dbs);
    CitationArg arg = ParseCitationArg(args.citation, family, &db);
    Xapian::Query query = ApplyFilters(CitationQuery(arg.targets, args.exact), args.list.filters);
    ResultSet rs;
    WithReopenRetry(db, [&] {
      rs = ListCiting(db, arg.targets, args.exact, args.list.filters, {sort, Limit(args.list, format), false});
    });
    rs.command = "cites";
    rs.query = args.citation;
    bool known = false;
    for (const CitationTarget& t : arg.targets) {
      rs.ids.push_back(t.id);
      rs.titles.push_back(CatalogTitle(t.family, t.id));
      known |= t.known;
    }
    for (const std::string& n : arg.notes) io.err << kName << ": note: " << n << "\n";
    if (args.common.explain) io.err << kName << ": query: " << rs.description << "\n";
    if (rs.letters.empty()) {
      std::string ids = rs.query;
      if (!rs.ids.empty()) {
        ids.clear();
        for (const std::string& id : rs.ids) ids += (ids.empty() ? "" : ", ") + id;
      }
      if (!known && !HasFilters(args.list.filters)) {
        throw UsageError(ids + " is not a catalogued id and no letter cites it" +
                         SuggestionBlock(SuggestIds(args.citation, &db), "did you mean:"));
      }
      std::string why = HasFilters(args.list.filters) ? " with these filters" : "";
      return Finish(rs, format, style, io,
                    "no letter cites " + ids + (args.exact ? " exactly" : "") + why +
                        (why.empty() ? SuggestionBlock(SuggestIds(args.citation, &db)) : ""));
    }
    if (!known)
      io.err << kName << ": note: " << rs.ids.front() << " is not in the catalog (listed as the letters cite it)\n";
    if (args.group == "conversation")
      return FinishGroupedByConversation(db, rs, query, arg.targets, args.exact, format, style, io);
    return Finish(rs, format, style, io, "");
  });
}

int RunSearch(const SearchArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    SortOrder sort = ParseSortOrder(args.list.sort.empty() ? "relevance" : args.list.sort);
    Xapian::Database db = OpenDatabases(args.common.dbs);
    ParsedSearch parsed = ParseSearch(db, args.query, args.common.explain, io);
    if (parsed.query.empty() && !HasFilters(args.list.filters)) throw UsageError("search: nothing to search for");
    Xapian::Query query = ApplyFilters(parsed.query.empty() ? Xapian::Query::MatchAll : parsed.query,
                                       args.list.filters);
    // The text outside numbered comments (address, salutation, closing, and the headings
    // above comments, which each comment also carries) answers citation queries only.
    if (CitationMatcher(query).empty()) query = NumberedCommentsOnly(query);
    ResultSet rs;
    WithReopenRetry(db, [&] {
      rs = Searcher(db).List(query, CitationMatcher(query), {sort, Limit(args.list, format), true});
    });
    rs.command = "search";
    rs.query = args.query;
    if (args.common.explain) io.err << kName << ": query: " << rs.description << "\n";
    return Finish(rs, format, style, io,
                  "no comment matches '" + args.query + "'" +
                      (HasFilters(args.list.filters) ? " with these filters" : ""));
  });
}

int RunShow(const ShowArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    ShowTarget target = ParseShowTarget(args.target);
    Xapian::Database db = OpenDatabases(args.common.dbs);
    std::vector<ShownLetter> letters;
    WithReopenRetry(db, [&] { letters = FindLetters(db, target); });
    PrintShown(letters, args.full || target.tag.has_value(), format, style, io.out);
    return 0;
  });
}

int RunSimilar(const SimilarArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    Xapian::Database db = OpenDatabases(args.common.dbs);
    ResultSet rs;
    WithReopenRetry(db, [&] { rs = FindSimilar(db, args.options); });
    if (args.common.explain) io.err << kName << ": query: " << rs.description << "\n";
    return Finish(rs, format, style, io, "no similar comment in other letters");
  });
}

int RunStats(const StatsArgs& args, const Io& io) {
  return Guard(io, [&] {
    Format format = ParseFormat(args.common.format);
    Style style = Style::For(io.tty, io.fd, args.common.color);
    StatsOptions options;
    options.level = ParseStatsLevel(args.level);
    options.top = args.top;
    if (!args.family.empty()) {
      options.family = FamilyFromName(args.family);
      if (!options.family) throw UsageError("--family " + args.family + ": not a citation family");
    }
    Xapian::Database db = OpenDatabases(args.common.dbs);
    Xapian::Query query = Xapian::Query::MatchAll;
    if (!args.query.empty()) {
      ParsedSearch parsed = ParseSearch(db, args.query, args.common.explain, io);
      if (!parsed.query.empty()) query = parsed.query;
      if (CitationMatcher(query).empty()) query = NumberedCommentsOnly(query);  // as search does
    }
    Filters filters = args.filters;
    if (options.family) filters.families = {args.family};  // only comments that can count
    query = ApplyFilters(query, filters);
    StatsResult r;
    WithReopenRetry(db, [&] { r = CountCitations(db, query, options); });
    r.query = args.query;
    if (!args.svg.empty()) {
      std::ofstream svg(args.svg, std::ios::binary | std::ios::trunc);
      if (!svg) throw UsageError("--svg " + args.svg + ": cannot write the file");
      svg << TrendSvg(r);
      if (!svg.flush()) throw UsageError("--svg " + args.svg + ": write failed");
    }
    if (r.ids.empty()) {
      io.err << kName << ": no citations in the " << r.comments << " matching comments\n";
      if (format == Format::kJson) PrintStats(r, args.by_year, format, style, io.out);
      return 1;
    }
    PrintStats(r, args.by_year, format, style, io.out);
    return 0;
  });
}

}  // namespace secxref::query
