// Extraction throughput: secxref::Grammar::Default().Extract(text) over letter texts, in bytes
// per second per core (one thread; Google Benchmark divides by CPU time, so the figure holds on
// a loaded machine).
//
// The letters come from $SECXREF_BENCH_CORPUS: a corpus written by
//   scripts/gen-corpus --out DIR --text-ratio 1 --pdf-ratio 0 --html-ratio 0 --utf8
// (letters listed in DIR/planted.jsonl, with the citation ids planted in each), or any directory
// of .txt letters. Without it the benchmark runs on one built-in letter. $SECXREF_BENCH_MAX_MB
// (default 256) bounds how much text is loaded.
//
// When planted ids are known, the program first reports, on stderr, how many of them Extract
// finds (recall) and how many of its ids were not planted (precision), overall and per family:
//   extract_bench: planted recall 0.9812 (71950/73332), precision 0.9934 ... over 10000 letters
// This is the grammar alone, without the segmenter's comment boundaries and headings, so
// precision is a lower bound; `secxref-index extract` gives the full pipeline.
//
// With $SECXREF_BENCH_ONCE=N the program instead extracts every letter N times, prints the
// bytes and citations, and exits: a fixed amount of work for instruction counts and CPU time
//   valgrind --tool=callgrind --toggle-collect='secxref::Grammar::Extract*' extract_bench
//   perf stat -e task-clock extract_bench
// (instructions per byte = the Ir count over the bytes printed).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/citation.h"
#include "indexer/extract/grammar.h"
#include "indexer/extract/lexicon.h"
#include "indexer/extract/token.h"

namespace {

namespace fs = std::filesystem;

struct PlantedId {
  std::string family;
  std::string id;
};

struct BenchLetter {
  std::string text;
  std::vector<PlantedId> planted;
};

struct Corpus {
  std::vector<BenchLetter> letters;
  size_t bytes = 0;
  bool has_planted = false;
  std::string source;
};

// Our own words, in the shapes staff letters use, for runs without a generated corpus.
constexpr std::string_view kBuiltinLetter = R"(UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
WASHINGTON, D.C. 20549

                                                   March 4, 2019

Ms. Jane Q. Example
Chief Financial Officer
Example Widgets, Inc.
100 Sample Parkway
Springfield, Illinois 62701

Re:    Example Widgets, Inc.
       Form 10-K for the Fiscal Year Ended December 31, 2018
       Filed February 26, 2019
       File No. 001-34567

Dear Ms. Example:

     We have reviewed your filing and have the following comments. Some of our comments may
ask you to provide us with information so that we can better understand your disclosure.

Management's Discussion and Analysis of Financial Condition and Results of Operations

Liquidity and Capital Resources, page 41

1.   We note that operating cash flows fell by $41.2 million in fiscal 2018. Please discuss
     the underlying reasons for changes in working capital. Refer to Item 303(a)(1) of
     Regulation S-K and Sections III.B.3 and IV.B.1 of SEC Release No. 33-8350.

Non-GAAP Financial Measures, page 45

2.   You present Adjusted EBITDA in your earnings release furnished on Form 8-K on
     February 5, 2019. Please present the most directly comparable GAAP measure with equal
     or greater prominence. Refer to Item 10(e)(1)(i)(A) of Regulation S-K and Question
     100.04 of the Non-GAAP Financial Measures Compliance and Disclosure Interpretations.

Notes to Consolidated Financial Statements

Note 4. Revenue Recognition, page F-12

3.   Please disclose the significant judgments that affect the timing of satisfaction of
     your performance obligations. Refer to ASC 606-10-50-17 through 50-19 and paragraphs
     2AA.d and 3.bb of ASC 810-10-50. Tell us what consideration you gave to ASC
     850-10-50-1a and 50-5 and to Rule 3-05 of Regulation S-X.
Ms. Jane Q. Example
Example Widgets, Inc.
March 4, 2019
Page 2

4.   Tell us how you considered SAB Topic 5.Y, IAS 36.130, PCAOB AS 2201 and SFAS No. 141(R)
     in reaching your conclusion. Refer also to Item 5.D of Form 20-F.

     You may contact John Doe, Staff Accountant, at (202) 551-3224 with any questions.
)";

size_t EnvSize(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? static_cast<size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The letter inside an EDGAR <DOCUMENT> ... <TEXT> ... </TEXT> wrapper, or the whole file.
std::string LetterText(std::string file) {
  if (file.rfind("<DOCUMENT>", 0) == 0) {
    size_t b = file.find("<TEXT>\n");
    size_t e = file.rfind("</TEXT>");
    if (b != std::string::npos && e != std::string::npos && e > b + 7) return file.substr(b + 7, e - b - 7);
  }
  return file;
}

Corpus LoadCorpus() {
  Corpus c;
  const char* dir = std::getenv("SECXREF_BENCH_CORPUS");
  const size_t max_bytes = EnvSize("SECXREF_BENCH_MAX_MB", 256) << 20;
  if (dir && *dir) {
    c.source = dir;
    const fs::path root(dir);
    std::ifstream planted(root / "planted.jsonl");
    if (planted) {
      c.has_planted = true;
      std::string line;
      while (c.bytes < max_bytes && std::getline(planted, line)) {
        auto j = nlohmann::json::parse(line);
        const std::string path = j.at("path").get<std::string>();
        if (path.size() < 4 || path.compare(path.size() - 4, 4, ".txt") != 0) continue;  // text letters only
        BenchLetter l;
        l.text = LetterText(ReadFile(root / path));
        for (const auto& p : j.at("citations")) l.planted.push_back({p.at("family"), p.at("id")});
        c.bytes += l.text.size();
        c.letters.push_back(std::move(l));
      }
    } else {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (c.bytes >= max_bytes) break;
        BenchLetter l;
        l.text = LetterText(ReadFile(f));
        c.bytes += l.text.size();
        c.letters.push_back(std::move(l));
      }
    }
    if (c.letters.empty()) {
      std::fprintf(stderr, "extract_bench: no .txt letters in %s\n", dir);
      std::exit(2);
    }
  } else {
    c.source = "built-in letter";
    c.letters.push_back({std::string(kBuiltinLetter), {}});
    c.bytes = kBuiltinLetter.size();
  }
  return c;
}

const Corpus& TheCorpus() {
  static const Corpus corpus = LoadCorpus();
  return corpus;
}

// Planted ids found by Extract (multiset per letter), overall and per family.
void ReportRecall() {
  const Corpus& c = TheCorpus();
  std::fprintf(stderr, "extract_bench: %zu letters, %.1f MB from %s\n", c.letters.size(), c.bytes / 1e6,
               c.source.c_str());
  if (!c.has_planted || EnvSize("SECXREF_BENCH_RECALL", 1) == 0) return;
  const auto& grammar = secxref::Grammar::Default();
  struct Tally {
    size_t planted = 0, found = 0, extracted = 0;
  };
  std::map<std::string, Tally> by_family;
  Tally all;
  std::map<std::string, size_t> missed;
  for (const auto& l : c.letters) {
    std::map<std::string, long> want;  // id -> count still unmatched
    std::map<std::string, std::string> family_of;
    for (const auto& p : l.planted) {
      ++want[p.id];
      family_of[p.id] = p.family;
      ++by_family[p.family].planted;
      ++all.planted;
    }
    for (const auto& cit : grammar.Extract(l.text)) {
      const std::string family = secxref::FamilyName(cit.family);
      ++by_family[family].extracted;
      ++all.extracted;
      auto it = want.find(cit.id);
      if (it != want.end() && it->second > 0) {
        --it->second;
        ++by_family[family_of[cit.id]].found;
        ++all.found;
      }
    }
    for (const auto& [id, left] : want) {
      if (left > 0) missed[id] += static_cast<size_t>(left);
    }
  }
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 1.0; };
  std::fprintf(stderr, "extract_bench: planted recall %.4f (%zu/%zu), precision %.4f (%zu/%zu) over %zu letters\n",
               ratio(all.found, all.planted), all.found, all.planted, ratio(all.found, all.extracted),
               all.found, all.extracted, c.letters.size());
  for (const auto& [family, t] : by_family) {
    std::fprintf(stderr, "extract_bench:   %-10s recall %.4f (%zu/%zu) extracted %zu\n", family.c_str(),
                 ratio(t.found, t.planted), t.found, t.planted, t.extracted);
  }
  std::vector<std::pair<size_t, std::string>> worst;
  for (const auto& [id, n] : missed) worst.emplace_back(n, id);
  std::sort(worst.rbegin(), worst.rend());
  for (size_t i = 0; i < worst.size() && i < 10; ++i) {
    std::fprintf(stderr, "extract_bench:   missed %zux %s\n", worst[i].first, worst[i].second.c_str());
  }
}

// One letter per iteration, cycling through the corpus.
void BM_ExtractLetters(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  const auto& grammar = secxref::Grammar::Default();
  size_t i = 0, bytes = 0, citations = 0;
  for (auto _ : state) {
    const std::string& text = c.letters[i].text;
    auto found = grammar.Extract(text);
    benchmark::DoNotOptimize(found.data());
    bytes += text.size();
    citations += found.size();
    if (++i == c.letters.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // letters/s
  state.counters["citations_per_letter"] =
      benchmark::Counter(static_cast<double>(citations) / static_cast<double>(std::max<int64_t>(1, state.iterations())));
}
BENCHMARK(BM_ExtractLetters)->MinTime(2.0);
// The same on every core at once (the grammar is shared and thread-safe); real time, so the
// bytes/s here is the machine's, not one core's.
BENCHMARK(BM_ExtractLetters)->MinTime(2.0)->Threads(2)->UseRealTime();

// The tokenizer alone, as Extract runs it (keyed with the default lexicon's vocabulary, rule
// start candidates listed): the share of BM_ExtractLetters that is tokenizing, measured rather
// than read off a timer-sampled profile (this project's VMs expose no hardware counters).
void BM_TokenizeLetters(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  const auto lexicon = secxref::Lexicon::Default();
  std::vector<secxref::Token> tokens;
  std::vector<uint32_t> candidates;
  size_t i = 0, bytes = 0, count = 0;
  for (auto _ : state) {
    const std::string& text = c.letters[i].text;
    candidates.clear();
    count += secxref::TokenizeInto(text, &tokens, &lexicon->vocabulary(), &candidates);
    benchmark::DoNotOptimize(tokens.data());
    bytes += text.size();
    if (++i == c.letters.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens_per_kb"] =
      benchmark::Counter(1024.0 * static_cast<double>(count) / static_cast<double>(std::max<size_t>(1, bytes)));
}
BENCHMARK(BM_TokenizeLetters)->MinTime(2.0);

// Text built to provoke backtracking (digit runs, hyphen runs, "and"/"through" chains): the cost
// per byte must stay flat as the input grows (Complexity reports the fit).
void BM_ExtractAdversarial(benchmark::State& state) {
  static constexpr std::string_view kPiece =
      "810-10-50-1 and 2 and 3 through 4 through - - -- 1111111111 ASC ASC 805-30-25-2 through "
      "25- through Item 10(e)(1)(i)(A)(((( of of Regulation S-K Rules 1 and 2 and and Sections "
      "III.B.3 and IV. and ";
  std::string text;
  const size_t n = static_cast<size_t>(state.range(0));
  text.reserve(n + kPiece.size());
  while (text.size() < n) text.append(kPiece);
  text.resize(n);
  const auto& grammar = secxref::Grammar::Default();
  for (auto _ : state) {
    auto found = grammar.Extract(text);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
  state.SetComplexityN(static_cast<int64_t>(n));
}
BENCHMARK(BM_ExtractAdversarial)->RangeMultiplier(8)->Range(1 << 12, 1 << 21)->Complexity(benchmark::oN);

}  // namespace

// SECXREF_BENCH_ONCE: every letter, N times over, no timing.
int ExtractOnce(size_t rounds) {
  const Corpus& c = TheCorpus();
  const auto& grammar = secxref::Grammar::Default();
  grammar.Extract("");  // load the lexicon and the catalog outside the measured calls
  size_t bytes = 0, citations = 0;
  for (size_t r = 0; r < rounds; ++r) {
    for (const auto& l : c.letters) {
      citations += grammar.Extract(l.text).size();
      bytes += l.text.size();
    }
  }
  std::printf("extract_bench: %zu letters x %zu: %zu bytes, %zu citations\n", c.letters.size(), rounds,
              bytes, citations);
  return 0;
}

int main(int argc, char** argv) {
  if (size_t rounds = EnvSize("SECXREF_BENCH_ONCE", 0)) return ExtractOnce(rounds);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ReportRecall();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
