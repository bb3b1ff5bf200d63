#include "query/searcher.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>

#include "indexer/base/utf8.h"
#include "indexer/extract/citation.h"
#include "indexer/index/schema.h"
#include "query/database.h"
#include "query/search_parser.h"
#include "query/snippet.h"

namespace secxref::query {
namespace {

std::string FormValue(const std::string& form) {
  std::string v = AsciiLower(form);
  while (!v.empty() && v.back() == ' ') v.pop_back();
  if (v.rfind("form ", 0) == 0) v = v.substr(5);
  return v;
}

Xapian::Query OrTerms(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Comments in letter order: the text outside numbered comments first, then by number.
bool CommentBefore(const CommentHit& a, const CommentHit& b) {
  if (a.stored.number.has_value() != b.stored.number.has_value()) return !a.stored.number.has_value();
  if (a.stored.number != b.stored.number) return *a.stored.number < *b.stored.number;
  return a.stored.tag < b.stored.tag;
}

// The year terms of the index, newest first, from the date slot's bounds: a term lookup per
// year. (allterms_begin("XY") would read every posting chunk of every year term on its way.)
std::vector<std::string> YearTermsNewestFirst(const Xapian::Database& db) {
  const std::string low = db.get_value_lower_bound(schema::kDateSlot);
  const std::string high = db.get_value_upper_bound(schema::kDateSlot);
  std::vector<std::string> years;
  if (low.size() < 4 || high.size() < 4) return years;
  const int first = std::atoi(low.substr(0, 4).c_str()), last = std::atoi(high.substr(0, 4).c_str());
  if (last - first <= 400) {
    for (int y = last; y >= first; --y) {
      std::string term = schema::kYear + std::to_string(y);
      if (db.term_exists(term)) years.push_back(std::move(term));
    }
    return years;
  }
  const std::string prefix = schema::kYear;  // dates centuries apart: walk the terms instead
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) years.push_back(*t);
  std::reverse(years.begin(), years.end());
  return years;
}

// The month terms of a year term ("XY2013" -> "XM201312", ..., "XM201301"), newest first, or
// none unless every document of the year carries one: indexes written before schema 3 have
// none, and a search over shards of both kinds would miss the older shard's letters.
std::vector<std::string> MonthsOfYear(const Xapian::Database& db, const std::string& year_term) {
  const std::string year = year_term.substr(std::strlen(schema::kYear));
  std::vector<std::string> months;
  Xapian::doccount covered = 0;
  for (int m = 12; m >= 1; --m) {
    std::string term = schema::kMonth + year + (m < 10 ? "0" : "") + std::to_string(m);
    Xapian::doccount n = db.get_termfreq(term);
    if (n == 0) continue;
    covered += n;
    months.push_back(std::move(term));
  }
  if (covered != db.get_termfreq(year_term)) return {};
  return months;
}

struct Bucket {
  std::vector<CommentHit> comments;
  double best_weight = 0;
};

}  // namespace

uint64_t CountMatches(const Xapian::Database& db, const Xapian::Query& query,
                      Xapian::doccount exact_up_to) {
  Xapian::Enquire e(db);
  e.set_query(query);
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
  return e.get_mset(0, 0, exact_up_to ? exact_up_to : all).get_matches_estimated();
}

SortOrder ParseSortOrder(const std::string& name) {
  if (name == "date") return SortOrder::kDate;
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "depth") return SortOrder::kDepth;
  throw UsageError("--sort " + name + ": sort by date, relevance or depth");
}

Xapian::Query ApplyFilters(const Xapian::Query& query, const Filters& f) {
  std::vector<Xapian::Query> filters;
  std::string low, high, unused;
  if (!f.from.empty()) {
    if (!DateBounds(f.from, &low, &unused))
      throw UsageError("--from " + f.from + ": a date is YYYY, YYYY-MM or YYYY-MM-DD");
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low);
  }
  if (!f.to.empty()) {
    if (!DateBounds(f.to, &unused, &high))
      throw UsageError("--to " + f.to + ": a date is YYYY, YYYY-MM or YYYY-MM-DD");
    filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high);
  }
  if (!low.empty() && !high.empty() && low > high)
    throw UsageError("--from " + f.from + " is after --to " + f.to);
  for (const std::string& company : f.companies) {
    // The QueryParser splits words exactly as the writer's TermGenerator did.
    Xapian::QueryParser qp;
    qp.set_default_op(Xapian::Query::OP_AND);
    Xapian::Query words = qp.parse_query(company, 0, schema::kCompanyWord);
    if (words.empty()) throw UsageError("--company '" + company + "': no words to match");
    filters.push_back(words);
  }
  if (!f.ciks.empty()) {
    std::vector<std::string> terms;
    for (const std::string& cik : f.ciks) {
      if (cik.empty() || cik.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError("--cik " + cik + ": a CIK is digits");
      size_t nz = cik.find_first_not_of('0');
      std::string bare = nz == std::string::npos ? "0" : cik.substr(nz);
      terms.push_back(schema::Term(schema::kCik, bare));
      if (bare.size() < 10) terms.push_back(schema::Term(schema::kCik, std::string(10 - bare.size(), '0') + bare));
    }
    filters.push_back(OrTerms(terms));
  }
  if (!f.kind.empty()) {
    std::string k = AsciiLower(f.kind);
    if (k != "staff" && k != "response" && k != "unknown")
      throw UsageError("--kind " + f.kind + ": staff, response or unknown");
    filters.emplace_back(schema::Term(schema::kKind, k));
  }
  if (!f.forms.empty()) {
    std::vector<std::string> terms;
    for (const std::string& form : f.forms) terms.push_back(schema::Term(schema::kForm, FormValue(form)));
    filters.push_back(OrTerms(terms));
  }
  if (!f.families.empty()) {
    std::vector<std::string> terms;
    for (const std::string& name : f.families) {
      std::optional<Family> fam = FamilyFromName(AsciiLower(name));
      if (!fam) throw UsageError("--family " + name + ": not a citation family (asc, asu, legacy, release, "
                                 "form, sk, sx, regulation, rule, statute, sab, cdi, guidance, ifrs, audit)");
      terms.push_back(schema::Term(schema::kFamily, FamilyName(*fam)));
    }
    filters.push_back(OrTerms(terms));
  }
  if (filters.empty()) return query;
  Xapian::Query all = filters.size() == 1 ? filters.front()
                                          : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
  if (query.empty()) return all;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, all);
}

Xapian::Query NumberedCommentsOnly(const Xapian::Query& query) {
  // The comment slot holds sortable_serialise(number), -1 for the outside text.
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kCommentSlot, Xapian::sortable_serialise(0)));
}

std::set<std::string> TextTerms(const Xapian::Query& query) {
  std::set<std::string> words;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    unsigned char c = static_cast<unsigned char>(term[0]);
    if (!std::isupper(c)) {
      words.insert(term);
    } else if (c == 'Z' && term.size() > 1 && !std::isupper(static_cast<unsigned char>(term[1]))) {
      words.insert(term);
    }
  }
  return words;
}

void Searcher::Describe(const CitationMatcher& matcher, const std::set<std::string>& words,
                        const Xapian::MSet* mset, CommentHit* hit) {
  const StoredComment& c = hit->stored;
  std::vector<Highlight> spans;
  hit->matched.clear();
  for (const Mention& m : c.citations) {
    if (!matcher.Matches(m)) continue;
    hit->matched.push_back(m);
    spans.emplace_back(m.start, m.end);
  }
  static const Xapian::Stem stemmer("english");
  Snippet s;
  if (!spans.empty() || words.empty() || !mset) {
    s = CutSnippet(c.text, spans, FindWords(c.text, words, stemmer));
  } else {
    s = FromXapianSnippet(mset->snippet(c.text, 240, stemmer,
                                        Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                                        "\x01", "\x02", "..."));
    if (s.text.empty()) s = CutSnippet(c.text, {});
  }
  HighlightWords(words, stemmer, &s);
  hit->snippet = std::move(s.text);
  hit->highlights = std::move(s.highlights);
}

ResultSet Searcher::List(const Xapian::Query& query, const CitationMatcher& matcher,
                         const ListOptions& options) const {
  ResultSet rs;
  rs.description = query.get_description();
  const Xapian::doccount all_docs = std::max<Xapian::doccount>(db_.get_doccount(), 1);
  const std::set<std::string> words = TextTerms(query);
  const bool full_walk = options.sort == SortOrder::kDepth ||
                         (options.sort == SortOrder::kRelevance && !options.weighted);

  auto make_enquire = [&](const Xapian::Query& q) {
    Xapian::Enquire e(db_);
    e.set_query(q);
    if (!options.weighted) e.set_weighting_scheme(Xapian::BoolWeight());
    return e;
  };

  // Which letters, in order, and the totals.
  std::vector<std::string> order;
  std::map<std::string, double> best_weight;
  Xapian::Query comments_query = query;
  if (!full_walk) {
    const Xapian::doccount want = options.limit ? static_cast<Xapian::doccount>(options.limit) : all_docs;
    // Totals: exact up to kExactTotalsUpTo matching comments (an exact letter count costs a
    // collapse entry per comment), Xapian's estimates past that; totals_exact says which.
    {
      Xapian::Enquire e = make_enquire(query);
      e.set_collapse_key(schema::kLetterSlot, 1);
      Xapian::MSet m = e.get_mset(0, 0, kExactTotalsUpTo);
      rs.letters_total = m.get_matches_estimated();
      rs.comments_total = m.get_uncollapsed_matches_estimated();
      rs.totals_exact = m.get_matches_lower_bound() == m.get_matches_upper_bound() &&
                        m.get_uncollapsed_matches_lower_bound() == m.get_uncollapsed_matches_upper_bound();
    }
    std::vector<std::string> letter_terms;
    auto take = [&](const Xapian::Query& q, Xapian::doccount n) {
      Xapian::Enquire e = make_enquire(q);
      e.set_collapse_key(schema::kLetterSlot, 1);
      // Value sorts, not a KeyMaker: the remote backend of Xapian 1.4 refuses KeyMakers.
      // (Letters of the same date are put in key order below.)
      if (options.sort == SortOrder::kDate) {
        if (options.weighted) e.set_sort_by_value_then_relevance(schema::kDateSlot, true);
        else e.set_sort_by_value(schema::kDateSlot, true);
      } else {
        e.set_sort_by_relevance_then_value(schema::kDateSlot, true);
      }
      Xapian::MSet letters = e.get_mset(0, n);
      for (auto it = letters.begin(); it != letters.end(); ++it) {
        std::string key = it.get_collapse_key();
        best_weight[key] = it.get_weight();
        order.push_back(key);
        letter_terms.push_back(schema::LetterTerm(key));
      }
      return letters.get_uncollapsed_matches_estimated();  // comments: exact after a sort
    };
    const bool fits = rs.totals_exact && rs.letters_total <= want;  // few matches: sort them all
    if (options.sort == SortOrder::kDate && options.limit && !fits) {
      // Newest first without sorting every match: a year at a time (the XY terms), newest
      // year first, until the page is full; then the undated letters. Sorting by a value
      // reads the date of every matching comment, which for an id cited in a tenth of a
      // million-comment index is most of the time of the query. A year with many matches
      // (the newest year of such an id) is walked a month at a time (XM terms), so that the
      // first page sorts the newest month's matches, not the year's.
      std::vector<Xapian::Query> years;
      const double share = static_cast<double>(rs.comments_total) / all_docs;
      auto left = [&] { return want - static_cast<Xapian::doccount>(order.size()); };
      // Whether the next year may be dense enough to count first: for the newest year, if
      // the id were cited evenly; after that, if the year after it had a quarter as many.
      bool maybe_dense = true;
      for (const std::string& year : YearTermsNewestFirst(db_)) {
        years.emplace_back(year);
        if (order.size() >= want) break;
        const std::vector<std::string> months = MonthsOfYear(db_, year);
        const Xapian::Query in_year =
            options.in_year && !months.empty()
                ? options.in_year(year.substr(std::strlen(schema::kYear)))
                : Xapian::Query(Xapian::Query::OP_FILTER, query, years.back());
        if (years.size() == 1) maybe_dense = share * db_.get_termfreq(year) >= options.dense_year / 4.0;
        uint64_t matches = 0;
        if (maybe_dense && !months.empty()) matches = CountMatches(db_, in_year, options.dense_year);
        if (matches < options.dense_year) {
          Xapian::doccount taken = take(in_year, left());
          maybe_dense = taken >= options.dense_year / 4;
          continue;
        }
        for (const std::string& month : months) {
          if (order.size() >= want) break;
          take(Xapian::Query(Xapian::Query::OP_FILTER, in_year, Xapian::Query(month)), left());
        }
      }
      if (order.size() < want) {
        Xapian::Query dated = years.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
        take(dated.empty() ? query : Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated),
             want - static_cast<Xapian::doccount>(order.size()));
      }
    } else {
      take(query, want);
    }
    if (order.empty()) return rs;
    if (!rs.totals_exact || order.size() < rs.letters_total) {
      comments_query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                     Xapian::Query(Xapian::Query::OP_OR, letter_terms.begin(), letter_terms.end()));
    }
  }

  // The comments of those letters (of every matching letter when walking them all).
  Xapian::Enquire e = make_enquire(comments_query);
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet comments = e.get_mset(0, all_docs);
  std::map<std::string, Bucket> buckets;
  for (auto it = comments.begin(); it != comments.end(); ++it) {
    Xapian::Document doc = it.get_document();
    std::string key = doc.get_value(schema::kLetterSlot);
    if (!full_walk && !best_weight.count(key)) continue;
    CommentHit hit;
    hit.stored = DecodeComment(doc.get_data());
    hit.weight = it.get_weight();
    Describe(matcher, words, &comments, &hit);
    Bucket& b = buckets[key];
    b.best_weight = std::max(b.best_weight, hit.weight);
    b.comments.push_back(std::move(hit));
  }

  std::vector<LetterHit> hits;
  for (auto& [key, b] : buckets) {
    LetterHit lh;
    lh.letter = b.comments.front().stored.letter;
    std::sort(b.comments.begin(), b.comments.end(), CommentBefore);
    double closeness = 0;
    for (const CommentHit& c : b.comments) {
      lh.depth += static_cast<uint32_t>(c.matched.size());
      for (const Mention& m : c.matched) closeness += 1.0 / (1 + std::max(0, matcher.Distance(m)));
    }
    if (matcher.empty()) lh.depth = static_cast<uint32_t>(b.comments.size());
    if (options.sort == SortOrder::kDepth) lh.score = lh.depth;
    else if (options.sort == SortOrder::kRelevance && !options.weighted) lh.score = closeness;
    else lh.score = b.best_weight;
    lh.comments = std::move(b.comments);
    hits.push_back(std::move(lh));
  }

  if (full_walk) {
    rs.letters_total = hits.size();
    rs.comments_total = comments.size();
    rs.totals_exact = true;
    std::sort(hits.begin(), hits.end(), [](const LetterHit& a, const LetterHit& b) {
      if (a.score != b.score) return a.score > b.score;
      std::string da = a.letter.date.value_or(""), db = b.letter.date.value_or("");
      if (da != db) return da > db;
      return a.letter.key < b.letter.key;
    });
    if (options.limit && hits.size() > options.limit) hits.resize(options.limit);
  } else {
    std::map<std::string, size_t> rank;
    for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    const bool by_date = options.sort == SortOrder::kDate;
    std::sort(hits.begin(), hits.end(), [&](const LetterHit& a, const LetterHit& b) {
      if (by_date && a.letter.date != b.letter.date) return a.letter.date.value_or("") > b.letter.date.value_or("");
      if (by_date) return a.letter.key < b.letter.key;
      return rank[a.letter.key] < rank[b.letter.key];
    });
  }
  rs.letters = std::move(hits);
  return rs;
}

}  // namespace secxref::query
