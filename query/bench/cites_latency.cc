// cites_latency: p50/p99 latency of `cites` in-process, over an existing index.
//
//   query_bench --db DIR [--queries N] [--seed S] [--limit L] [--format table|jsonl|...]
//               [--ids-out FILE]
//
// The database is opened once; each timed query does what `secxref-query cites` does after
// opening it: read the argument with the grammar, build the XC query, list the letters (two
// collapsed matches), decode their comments, cut snippets and print them (into memory). The
// query mix: the 20 most-cited ids (the worst case: the most letters to group) and N ids
// drawn at random from every id the index holds, at every level; each is run once to warm the
// page cache, then timed. --ids-out writes the mix, an id a line, the most-cited first, so
// that scripts/bench-query times the CLI on the same ids. Per-query timings are what p50/p99 need, so this is a plain timing
// loop rather than a Google Benchmark (which reports means over iterations).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index/schema.h"
#include "query/citation_arg.h"
#include "query/commands.h"
#include "query/database.h"
#include "query/output.h"
#include "query/searcher.h"

namespace {

using namespace secxref;
using namespace secxref::query;

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  size_t queries = 300, limit = 20;  // the table's default page
  unsigned seed = 1;
  std::string format = "table";
  std::string ids_out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--db") db_path = next();
    else if (a == "--queries") queries = std::stoul(next());
    else if (a == "--seed") seed = static_cast<unsigned>(std::stoul(next()));
    else if (a == "--limit") limit = std::stoul(next());
    else if (a == "--format") format = next();
    else if (a == "--ids-out") ids_out = next();
    else {
      std::fprintf(stderr, "usage: query_bench --db DIR [--queries N] [--seed S] [--limit L] [--format F] [--ids-out FILE]\n");
      return 2;
    }
  }
  try {
    Xapian::Database db = OpenDatabases({db_path});
    // Every citation id of the index, with how many comments cite it.
    const std::string prefix = schema::kCite;
    std::vector<std::pair<Xapian::doccount, std::string>> ids;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string& term = *t;
      if (term.size() <= prefix.size() || std::isupper(static_cast<unsigned char>(term[prefix.size()]))) continue;
      ids.emplace_back(t.get_termfreq(), term);
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());
    std::vector<std::pair<std::string, bool>> mix;  // (id as typed, popular)
    for (size_t i = 0; i < std::min<size_t>(20, ids.size()); ++i) mix.emplace_back(ids[i].second, true);
    std::mt19937 rng(seed);
    std::vector<size_t> order(ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i = 0; i < std::min(queries, order.size()); ++i) mix.emplace_back(ids[order[i]].second, false);
    std::vector<std::pair<std::string, bool>> args;
    size_t unreadable = 0;
    for (const auto& [term, popular] : mix) {
      std::string id = CanonicalCase(db, term.substr(prefix.size()));
      if (id.empty()) {
        ++unreadable;
        continue;
      }
      args.emplace_back(id, popular);
    }

    if (!ids_out.empty()) {
      std::ofstream out(ids_out);
      for (const auto& [arg, popular] : args) out << arg << "\n";
      if (!out) throw std::runtime_error("cannot write " + ids_out);
    }

    Format fmt = ParseFormat(format);
    Style style;
    auto run = [&](const std::string& arg, size_t* letters) {
      CitationArg parsed = ParseCitationArg(arg, std::nullopt, &db);
      ResultSet rs = ListCiting(db, parsed.targets, false, Filters{}, {SortOrder::kDate, limit, false});
      std::ostringstream out;
      PrintResults(rs, fmt, style, out);
      *letters = rs.letters.size();
      return out.str().size();
    };
    std::vector<double> all, popular;
    std::vector<std::pair<double, std::string>> timed;  // (ms, id) of the timed pass
    size_t letters_shown = 0, bytes = 0, failed = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& [arg, is_popular] : args) {
        auto t0 = std::chrono::steady_clock::now();
        size_t letters = 0, n = 0;
        try {
          n = run(arg, &letters);
        } catch (const UsageError&) {
          if (pass == 1) ++failed;
          continue;
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (pass == 0) continue;  // warm-up
        all.push_back(ms);
        timed.emplace_back(ms, arg);
        if (is_popular) popular.push_back(ms);
        letters_shown += letters;
        bytes += n;
      }
    }
    nlohmann::ordered_json j;
    j["db"] = db_path;
    j["documents"] = db.get_doccount();
    j["distinct_ids"] = ids.size();
    j["queries"] = all.size();
    j["unreadable_ids"] = unreadable;
    j["failed"] = failed;
    j["limit"] = limit;
    j["p50_ms"] = Percentile(all, 0.50);
    j["p90_ms"] = Percentile(all, 0.90);
    j["p99_ms"] = Percentile(all, 0.99);
    j["max_ms"] = Percentile(all, 1.0);
    j["popular_p50_ms"] = Percentile(popular, 0.50);
    j["popular_max_ms"] = Percentile(popular, 1.0);
    j["mean_letters_shown"] = all.empty() ? 0.0 : static_cast<double>(letters_shown) / static_cast<double>(all.size());
    j["mean_output_bytes"] = all.empty() ? 0.0 : static_cast<double>(bytes) / static_cast<double>(all.size());
    std::sort(timed.begin(), timed.end(), std::greater<>());
    j["slowest"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < std::min<size_t>(5, timed.size()); ++i)
      j["slowest"].push_back({{"id", timed[i].second}, {"ms", timed[i].first}});
    std::printf("%s\n", j.dump(2).c_str());
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "query_bench: %s\n", e.get_description().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "query_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
