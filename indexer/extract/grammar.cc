#include "indexer/extract/grammar.h"

#include <atomic>

#include "indexer/extract/lexicon.h"
#include "indexer/extract/parser.h"

namespace secxref {

namespace {
std::atomic<uint64_t> next_grammar_id{1};
}  // namespace

Grammar::Grammar(std::shared_ptr<const Lexicon> lexicon, const Catalog* catalog)
    : lexicon_(std::move(lexicon)), catalog_(catalog), id_(next_grammar_id++) {}

Grammar::~Grammar() = default;

const Grammar& Grammar::Default() {
  static const Grammar grammar(Lexicon::Default(), &Catalog::Default());
  return grammar;
}

std::vector<Citation> Grammar::Extract(std::string_view text, const ExtractOptions& options) const {
  thread_local KnownIds known;  // per thread, so Extract stays lock-free
  known.Reset(id_);
  Parser parser(text, *lexicon_, *catalog_, options, &known);
  return parser.Run();
}

}  // namespace secxref
