#include "query/citation_arg.h"

#include <algorithm>
#include <cctype>

#include "indexer/base/utf8.h"
#include "indexer/extract/catalog.h"
#include "indexer/extract/citation_id.h"
#include "indexer/extract/grammar.h"
#include "indexer/index/schema.h"
#include "query/database.h"

namespace secxref::query {
namespace {

std::string Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) { return AsciiLower(a) == AsciiLower(b); }

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// True when `value` is `ancestor` or lies under it: the next character starts a new level.
bool UnderOrAt(std::string_view value, std::string_view ancestor) {
  if (value.substr(0, ancestor.size()) != ancestor) return false;
  if (value.size() == ancestor.size()) return true;
  char next = value[ancestor.size()];
  return next == '-' || next == ' ' || next == '(' || next == '.';
}

// Cited ids under the nearest ancestor of `id` that letters cite.
std::vector<std::string> IndexSuggestions(const Citation& c, const Xapian::Database& db, size_t n) {
  std::vector<std::string> levels = CitationLevels(c.family, c.id);
  for (size_t k = levels.size(); k-- > 0;) {
    const std::string value = CitationTermValue(levels[k]);
    const std::string prefix = schema::Term(schema::kCite, value);
    if (db.get_termfreq(prefix) == 0) continue;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      std::string v = (*t).substr(std::char_traits<char>::length(schema::kCite));
      if (!UnderOrAt(v, value)) continue;
      found.emplace_back(t.get_termfreq(), v);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto& [tf, v] : found) {
      if (out.size() >= n) break;
      std::string id = CanonicalCase(db, v);
      out.push_back((id.empty() ? v : id) + " (" + std::to_string(tf) +
                    (tf == 1 ? " comment)" : " comments)"));
    }
    return out;
  }
  return {};
}

// True when `needle` occurs in `hay` starting and ending at word boundaries.
bool ContainsWords(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return false;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
    bool left = p == 0 || hay[p - 1] == ' ';
    size_t e = p + needle.size();
    bool right = e == hay.size() || hay[e] == ' ' || hay[e] == '.' || hay[e] == '(';
    if (left && right) return true;
  }
  return false;
}

std::vector<std::string> CatalogSuggestions(std::string_view text, size_t n) {
  std::string a = AsciiLower(Trim(text));
  std::vector<std::string> variants = {a};
  if (!a.empty() && std::isdigit(static_cast<unsigned char>(a[0]))) variants.push_back("asc " + a);
  // Ranked by edit distance; an id that contains the words typed ("Item 7" in "S-K Item 7",
  // "33-8350" in "Release 33-8350") ranks as close as the words it adds are few.
  std::vector<std::pair<size_t, const CatalogEntry*>> scored;
  for (const CatalogEntry& e : Catalog::Default().entries()) {
    if (e.container) continue;
    std::string id = AsciiLower(e.id);
    size_t best = SIZE_MAX;
    for (const std::string& v : variants) best = std::min(best, EditDistance(v, id));
    if (ContainsWords(id, a)) best = std::min(best, 1 + (id.size() - a.size()) / 8);
    scored.emplace_back(best, &e);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, e] : scored) {
    if (out.size() >= n) break;
    if (d > std::max<size_t>(3, a.size() / 3)) break;  // nothing close: say so, do not guess
    std::string title = e->title.size() > 60 ? e->title.substr(0, 57) + "..." : e->title;
    out.push_back(title.empty() ? e->id : e->id + " (" + title + ")");
  }
  return out;
}

// An argument that is, letter for letter, an id the index holds ("Form 10-Q Part I Item 2"
// copied from our own output): that id, whatever the grammar makes of it.
std::optional<Citation> CitedAsTyped(const std::string& arg, const Xapian::Database* db) {
  if (!db) return std::nullopt;
  std::string value;
  for (char c : AsciiLower(arg)) {
    if (c == ' ' && (value.empty() || value.back() == ' ')) continue;
    value += c;
  }
  while (!value.empty() && value.back() == ' ') value.pop_back();
  const std::string term = schema::Term(schema::kCite, value);
  for (auto p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
    StoredComment c = DecodeComment(db->get_document(*p).get_data());
    for (const Mention& m : c.citations) {
      std::optional<Family> f = FamilyFromName(m.family);
      if (!f) continue;
      for (const std::string& id : FiledIds(m))
        for (const std::string& level : MentionLevels(m, id))
          if (CitationTermValue(level) == value) {
            Citation out;
            out.family = *f;
            out.id = level;
            out.end = static_cast<uint32_t>(arg.size());
            out.known = Catalog::Default().Knows(*f, level);
            return out;
          }
    }
    break;
  }
  return std::nullopt;
}

std::string JoinIds(const std::vector<Citation>& cs) {
  std::string s;
  for (const Citation& c : cs) {
    if (!s.empty()) s += ", ";
    s += c.id;
  }
  return s;
}

std::string SuggestionLine(const std::vector<std::string>& s) {
  if (s.empty()) return "";
  std::string line = "\n  did you mean:";
  for (const std::string& x : s) line += "\n    " + x;
  return line;
}

// What of the argument the citations did not cover (letters and digits only count).
std::string Uncovered(std::string_view text, const std::vector<Citation>& cs) {
  std::string rest;
  for (size_t i = 0; i < text.size(); ++i) {
    bool covered = false;
    for (const Citation& c : cs) covered |= i >= c.start && i < c.end;
    rest += covered ? ' ' : text[i];
  }
  std::string t = Trim(rest);
  bool words = std::any_of(t.begin(), t.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
  return words ? t : "";
}

}  // namespace

std::vector<std::string> FiledIds(const Mention& m) {
  std::vector<std::string> ids{m.id};
  constexpr std::string_view kRelease = "Release ";
  if (m.family != "release" || m.aliases.empty()) return ids;
  std::string_view id = m.id;
  if (id.substr(0, kRelease.size()) != kRelease) return ids;
  size_t number_end = id.find(' ', kRelease.size());
  std::string_view rest = number_end == std::string_view::npos ? "" : id.substr(number_end);
  for (const std::string& a : m.aliases) ids.push_back(std::string(kRelease) + a + std::string(rest));
  return ids;
}

std::vector<std::string> MentionLevels(const Mention& m, const std::string& id) {
  std::optional<Family> f = FamilyFromName(m.family);
  if (!f) return {id};
  return CitationLevels(*f, id);
}

CitationArg ParseCitationArg(std::string_view text, std::optional<Family> family,
                             const Xapian::Database* db) {
  const std::string arg = Trim(text);
  if (arg.empty()) throw UsageError("no citation given (e.g. \"ASC 810-10-50\", \"Release 33-8350\")");
  ExtractOptions options;
  options.lenient = true;
  std::vector<Citation> found = Grammar::Default().Extract(arg, options);
  // Distinct ids, first reading of each.
  std::vector<Citation> cs;
  for (Citation& c : found) {
    if (c.id.empty()) continue;
    bool dup = std::any_of(cs.begin(), cs.end(), [&](const Citation& x) { return x.id == c.id; });
    if (!dup) cs.push_back(std::move(c));
  }
  if (cs.empty()) {
    if (std::optional<Citation> typed = CitedAsTyped(arg, db)) cs.push_back(*typed);
  }
  if (cs.empty()) {
    std::vector<std::string> s = SuggestIds(arg, db);
    throw UsageError("'" + arg + "' cannot be read as one citation" +
                     (s.empty() ? std::string("; write it as a letter would (\"ASC 810-10-50\", \"Topic 810\", "
                                              "\"Item 303 of Regulation S-K\", \"Item 5.D of Form 20-F\", "
                                              "\"Release No. 33-8350\", \"SAB Topic 5.Y\")")
                              : SuggestionLine(s)));
  }
  if (family) {
    std::vector<Citation> same;
    for (const Citation& c : cs)
      if (c.family == *family) same.push_back(c);
    if (same.empty()) {
      throw UsageError("'" + arg + "' reads as " + JoinIds(cs) + ", not a citation of family " +
                       FamilyName(*family));
    }
    cs = std::move(same);
  }
  // A list or range written as one clause ("ASC 805-30-25-2 through 25-4") asks for each
  // member; separate citations ("ASC 810 and ASC 820") are two questions.
  if (cs.size() > 1) {
    size_t explicit_count = std::count_if(cs.begin(), cs.end(), [](const Citation& c) {
      return c.how == How::kExplicit || c.how == How::kInherited;
    });
    std::optional<Citation> typed = explicit_count > 1 ? CitedAsTyped(arg, db) : std::nullopt;
    if (typed) {
      cs = {*typed};
    } else if (explicit_count > 1) {
      throw UsageError("'" + arg + "' reads as several citations (" + JoinIds(cs) +
                       "); cites takes one (use search 'cite:\"A\" OR cite:\"B\"' for several)");
    }
  }
  CitationArg out;
  for (const Citation& c : cs) out.targets.push_back({c.family, c.id, c.aliases, c.known});
  if (cs.size() > 1) out.notes.push_back("'" + arg + "' names several ids; listing letters citing any of " + JoinIds(cs));
  if (std::string rest = Uncovered(arg, cs); !rest.empty())
    out.notes.push_back("read '" + arg + "' as " + JoinIds(cs) + " (ignored: '" + rest + "')");
  return out;
}

std::string CanonicalCase(const Xapian::Database& db, const std::string& value) {
  const std::string term = schema::Term(schema::kCite, value);
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    StoredComment c = DecodeComment(db.get_document(*p).get_data());
    for (const Mention& m : c.citations)
      for (const std::string& id : FiledIds(m))
        for (const std::string& level : MentionLevels(m, id))
          if (CitationTermValue(level) == value) return level;
    break;
  }
  return "";
}

namespace {

// OR of `term(value)` over the term value of every id the targets are filed under (with
// release aliases), as the writer stores them.
template <typename MakeTerm>
Xapian::Query OrOfFiledIds(const std::vector<CitationTarget>& targets, MakeTerm term) {
  std::vector<Xapian::Query> terms;
  for (const CitationTarget& t : targets) {
    Mention m;
    m.id = t.id;
    m.family = FamilyName(t.family);
    m.aliases = t.aliases;
    for (const std::string& id : FiledIds(m)) terms.emplace_back(term(CitationTermValue(id)));
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query CitationQuery(const std::vector<CitationTarget>& targets, bool exact) {
  const char* prefix = exact ? schema::kCiteExact : schema::kCite;
  return OrOfFiledIds(targets, [&](const std::string& v) { return schema::Term(prefix, v); });
}

Xapian::Query CitationQueryInYear(const std::vector<CitationTarget>& targets, bool exact,
                                  const std::string& year) {
  if (exact) {
    return Xapian::Query(Xapian::Query::OP_FILTER, CitationQuery(targets, true),
                         Xapian::Query(schema::Term(schema::kYear, year)));
  }
  return OrOfFiledIds(targets, [&](const std::string& v) { return schema::CiteYearTerm(year, v); });
}

std::vector<std::string> SuggestIds(std::string_view text, const Xapian::Database* db, size_t n) {
  ExtractOptions options;
  options.lenient = true;
  for (const Citation& c : Grammar::Default().Extract(Trim(text), options)) {
    if (c.id.empty()) continue;
    std::vector<std::string> s = db ? IndexSuggestions(c, *db, n) : std::vector<std::string>{};
    // A catalogued id that nothing near is cited: nothing to suggest (the catalog would only
    // offer its siblings, which no letter cites either).
    if (!s.empty() || c.known) return s;
    return CatalogSuggestions(c.id, n);
  }
  return CatalogSuggestions(text, n);
}

std::string CatalogTitle(Family family, const std::string& id) {
  const Catalog& catalog = Catalog::Default();
  const CatalogEntry* e = catalog.Find(family, id);
  if (!e) return "";
  if (EqualsIgnoreCase(e->id, id)) return e->title;
  if (family == Family::kAsc) {
    // "ASC 810-10-50": the Subtopic's (or Topic's) title and the Section's.
    std::string_view rest = std::string_view(id).substr(4);
    size_t first = rest.find('-');
    size_t second = first == std::string_view::npos ? first : rest.find('-', first + 1);
    if (second != std::string_view::npos) {
      size_t third = rest.find('-', second + 1);
      std::string section(rest.substr(second + 1, third == std::string_view::npos ? third : third - second - 1));
      if (const std::string* t = catalog.AscSectionTitle(section)) return e->title + " > " + *t;
    }
    return e->title;
  }
  // A pinpoint the catalog does not list ("Release 33-8350 Section III.B.3"): the document's.
  return e->title;
}

CitationMatcher::CitationMatcher(const Xapian::Query& query) {
  const size_t cite_len = std::char_traits<char>::length(schema::kCite);
  const size_t exact_len = std::char_traits<char>::length(schema::kCiteExact);
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    // XC<value> with a lower-case value; XCIK and XCO are other prefixes.
    if (term.compare(0, cite_len, schema::kCite) == 0 && term.size() > cite_len &&
        !std::isupper(static_cast<unsigned char>(term[cite_len]))) {
      cite_.insert(term.substr(cite_len));
    } else if (term.compare(0, exact_len, schema::kCiteExact) == 0 && term.size() > exact_len &&
               !std::isupper(static_cast<unsigned char>(term[exact_len]))) {
      exact_.insert(term.substr(exact_len));
    }
  }
}

int CitationMatcher::Distance(const Mention& m) const {
  int best = -1;
  for (const std::string& id : FiledIds(m)) {
    if (exact_.count(CitationTermValue(id))) return 0;
    if (cite_.empty()) continue;
    std::vector<std::string> levels = MentionLevels(m, id);
    for (size_t i = 0; i < levels.size(); ++i) {
      if (cite_.count(CitationTermValue(levels[i]))) {
        int d = static_cast<int>(levels.size() - 1 - i);
        if (best < 0 || d < best) best = d;
      }
    }
  }
  return best;
}

bool CitationMatcher::Matches(const Mention& m) const { return Distance(m) >= 0; }

}  // namespace secxref::query
