#include "indexer/extract/grammar.h"

#include <atomic>

#include "indexer/extract/lexicon.h"
#include "indexer/extract/parser.h"

namespace secxref {

namespace {
std::atomic<uint64_t> next_grammar_id{1};
constexpr size_t kKeptTokens = size_t{1} << 18;  // about 1 MB of letter text
}  // namespace

Grammar::Grammar(std::shared_ptr<const Lexicon> lexicon, const Catalog* catalog)
    : lexicon_(std::move(lexicon)),
      tables_(std::make_unique<const GrammarTables>(*lexicon_)),
      catalog_(catalog),
      id_(next_grammar_id++) {}

Grammar::~Grammar() = default;

const Grammar& Grammar::Default() {
  static const Grammar grammar(Lexicon::Default(), &Catalog::Default());
  return grammar;
}

std::vector<Citation> Grammar::Extract(std::string_view text, const ExtractOptions& options) const {
  // Per thread, so Extract stays lock-free; kept between calls, so a letter allocates no
  // token array of its own.
  thread_local KnownIds known;
  thread_local std::vector<Token> tokens;
  known.Reset(id_);
  std::vector<Citation> citations = Parser(text, *lexicon_, *tables_, *catalog_, options, &known, &tokens).Run();
  if (tokens.size() > kKeptTokens) std::vector<Token>().swap(tokens);  // after a huge text
  return citations;
}

}  // namespace secxref
