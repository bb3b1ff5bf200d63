#include "query/similar.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "indexer/extract/citation_id.h"
#include "indexer/extract/grammar.h"
#include "indexer/index/schema.h"
#include "query/citation_arg.h"
#include "query/database.h"
#include "query/show.h"

namespace secxref::query {
namespace {

// Words every comment letter uses; they say nothing about the issue raised.
const char* const kCommonWords[] = {
    "a", "about", "also", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "comment",
    "comments", "company", "disclose", "disclosure", "do", "for", "from", "future", "has", "have",
    "how", "if", "in", "is", "it", "its", "may", "note", "of", "on", "or", "our", "page", "please",
    "provide", "refer", "response", "revise", "such", "tell", "that", "the", "their", "these",
    "this", "those", "to", "us", "we", "what", "which", "whether", "why", "will", "with", "you",
    "your", "asc", "see", "item", "rule", "section", "paragraph", "form"};

// Topical words only: the writer's stemmed body words (Z-prefixed), and the words it indexed
// unstemmed only (a capitalised word such as "VIE" gets no Z term under STEM_SOME); not
// numbers, not the letters' boilerplate, not metadata or citation terms.
class TopicalTerms : public Xapian::ExpandDecider {
 public:
  explicit TopicalTerms(const Xapian::Database& db) : db_(db), stem_("english") {
    for (const char* w : kCommonWords) {
      common_.insert(w);
      common_.insert("Z" + stem_(w));
    }
  }
  bool operator()(const std::string& term) const override {
    if (term.empty() || common_.count(term)) return false;
    const bool stemmed = term[0] == 'Z';
    const std::string word = stemmed ? term.substr(1) : term;
    if (word.size() < 3 || !std::islower(static_cast<unsigned char>(word[0]))) return false;
    if (std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
      return false;
    if (stemmed) return true;
    return db_.get_termfreq("Z" + stem_(word)) == 0;  // else its Z form stands for it
  }

 private:
  Xapian::Database db_;
  Xapian::Stem stem_;
  std::set<std::string> common_;
};

// Weight `w` for every comment carrying `term`: FixedWeightPostingSource gives each document
// the same weight, the filter keeps those with the term. (Boolean terms have wdf 0, so BM25
// alone would give shared citations no weight at all.)
Xapian::Query Boost(const std::string& term, double w) {
  Xapian::Query fixed((new Xapian::FixedWeightPostingSource(w))->release());
  return Xapian::Query(Xapian::Query::OP_FILTER, fixed, Xapian::Query(term));
}

struct Source {
  std::vector<Xapian::docid> relevant;
  std::string letter_key;
  std::vector<std::pair<Family, std::string>> citations;  // what the source cites
};

Source FromComment(const Xapian::Database& db, const std::string& target) {
  ShowTarget t = ParseShowTarget(target);
  if (!t.tag) throw UsageError("similar needs one comment: ACCESSION#COMMENT (e.g. " + t.letter + "#1)");
  Xapian::Enquire e(db);
  e.set_query(ShowQuery(t));
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet m = e.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  if (m.empty()) throw UsageError("no letter '" + t.letter + "' in the index");
  for (auto it = m.begin(); it != m.end(); ++it) {
    StoredComment c = DecodeComment(it.get_document().get_data());
    if (c.tag != *t.tag) continue;
    Source s;
    s.relevant.push_back(*it);
    s.letter_key = c.letter.key;
    for (const Mention& mention : c.citations)
      if (auto f = FamilyFromName(mention.family)) s.citations.emplace_back(*f, mention.id);
    return s;
  }
  throw UsageError("letter '" + t.letter + "' has no comment " + *t.tag);
}

}  // namespace

ResultSet FindSimilar(const Xapian::Database& db, const SimilarOptions& options) {
  if (options.target.empty() == options.text.empty())
    throw UsageError("similar takes ACCESSION#COMMENT or --text \"...\" (one of them)");
  ResultSet rs;
  rs.command = "similar";
  rs.query = options.target.empty() ? options.text : options.target;

  Xapian::Stem stemmer("english");
  Xapian::Query seed;
  Source source;
  Xapian::Enquire e(db);
  if (!options.target.empty()) {
    source = FromComment(db, options.target);
  } else {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);  // as the writer indexed
    qp.set_default_op(Xapian::Query::OP_OR);
    // Without the boilerplate words, or the first pass picks the longest comments.
    auto* stopper = new Xapian::SimpleStopper(std::begin(kCommonWords), std::end(kCommonWords));
    qp.set_stopper(stopper->release());
    seed = qp.parse_query(options.text, 0);
    if (seed.empty()) throw UsageError("--text has no words to compare");
    // Pseudo relevance feedback: the best first-pass matches stand for the text.
    e.set_query(seed);
    Xapian::MSet first = e.get_mset(0, 5);
    for (auto it = first.begin(); it != first.end(); ++it) source.relevant.push_back(*it);
    for (const Citation& c : Grammar::Default().Extract(options.text)) source.citations.emplace_back(c.family, c.id);
  }

  std::vector<Xapian::Query> words;
  if (!source.relevant.empty()) {
    Xapian::RSet rset;
    for (Xapian::docid d : source.relevant) rset.add_document(d);
    TopicalTerms decider(db);
    Xapian::ESet eset = e.get_eset(static_cast<Xapian::termcount>(options.terms), rset, &decider);
    // Each expand term counts by its expand weight relative to the strongest (at most 1; half
    // that next to the user's own words, which are the question).
    const double strongest = eset.empty() ? 1 : std::max(eset.begin().get_weight(), 1e-9);
    const double share = seed.empty() ? 1.0 : 0.5;
    for (auto it = eset.begin(); it != eset.end(); ++it)
      words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), share * it.get_weight() / strongest);
  }
  if (!seed.empty()) words.push_back(seed);
  Xapian::Query text = words.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());

  Xapian::Query exclude = source.letter_key.empty() ? Xapian::Query()
                                                    : Xapian::Query(schema::LetterTerm(source.letter_key));
  auto finish = [&](Xapian::Query q) {
    if (!exclude.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, exclude);
    return NumberedCommentsOnly(ApplyFilters(q, options.filters));
  };

  // How strong a shared citation is: a fraction of the best text-only match's weight.
  double top = 1;
  if (!text.empty()) {
    Xapian::Enquire probe(db);
    probe.set_query(finish(text));
    Xapian::MSet m = probe.get_mset(0, 1);
    if (!m.empty()) top = std::max(m.get_max_attained(), 1e-6);
  }
  std::vector<Xapian::Query> parts;
  if (!text.empty()) parts.push_back(text);
  std::vector<Xapian::Query> exact_terms;
  std::set<std::string> seen;
  for (const auto& [family, id] : source.citations) {
    std::string xe = schema::Term(schema::kCiteExact, CitationTermValue(id));
    if (seen.insert(xe).second) {
      parts.push_back(Boost(xe, 0.3 * top));
      exact_terms.emplace_back(xe);
    }
    std::string parent = ParentCitation(family, id);
    if (!parent.empty()) {
      std::string xc = schema::Term(schema::kCite, CitationTermValue(parent));
      if (seen.insert(xc).second) parts.push_back(Boost(xc, 0.1 * top));
    }
  }
  if (parts.empty()) throw UsageError("the comment has no words or citations to compare");
  Xapian::Query final_query = finish(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
  rs.description = final_query.get_description();

  e.set_query(final_query);
  e.set_collapse_key(schema::kLetterSlot, 1);
  Xapian::MSet m = e.get_mset(0, options.limit ? options.limit : 10);
  rs.letters_total = m.get_matches_estimated();
  rs.comments_total = m.get_uncollapsed_matches_estimated();
  rs.totals_exact = false;
  CitationMatcher shared(exact_terms.empty() ? Xapian::Query()
                                             : Xapian::Query(Xapian::Query::OP_OR, exact_terms.begin(), exact_terms.end()));
  // Highlight what the comparison used, less the boilerplate the expand set leaves out.
  std::set<std::string> highlight;
  {
    TopicalTerms topical(db);
    for (const std::string& t : TextTerms(text))
      if (topical(t)) highlight.insert(t);
  }
  for (auto it = m.begin(); it != m.end(); ++it) {
    CommentHit hit;
    hit.stored = DecodeComment(it.get_document().get_data());
    hit.weight = it.get_weight();
    Searcher::Describe(shared, highlight, &m, &hit);
    LetterHit lh;
    lh.letter = hit.stored.letter;
    lh.depth = static_cast<uint32_t>(hit.matched.size());
    lh.score = hit.weight;
    lh.comments.push_back(std::move(hit));
    rs.letters.push_back(std::move(lh));
  }
  for (const auto& [family, id] : source.citations)
    if (std::find(rs.ids.begin(), rs.ids.end(), id) == rs.ids.end()) rs.ids.push_back(id);
  return rs;
}

}  // namespace secxref::query
