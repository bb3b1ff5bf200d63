#include "indexer/extract/grammar.h"

#include "indexer/extract/lexicon.h"
#include "indexer/extract/parser.h"

namespace secxref {

Grammar::Grammar(std::shared_ptr<const Lexicon> lexicon, const Catalog* catalog)
    : lexicon_(std::move(lexicon)), catalog_(catalog) {}

Grammar::~Grammar() = default;

const Grammar& Grammar::Default() {
  static const Grammar grammar(Lexicon::Default(), &Catalog::Default());
  return grammar;
}

std::vector<Citation> Grammar::Extract(std::string_view text, const ExtractOptions& options) const {
  Parser parser(text, *lexicon_, *catalog_, options);
  return parser.Run();
}

}  // namespace secxref
