#include "query/search_parser.h"

#include <cctype>
#include <stdexcept>

#include "indexer/base/utf8.h"
#include "indexer/extract/citation.h"
#include "indexer/index/letter_document.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/schema.h"
#include "query/citation_arg.h"
#include "query/database.h"

namespace secxref::query {
namespace {

// A field value that cannot be read is refused without throwing through Xapian's parser: an
// exception from a FieldProcessor unwinds the QueryParser's lemon parser, which then leaks the
// query pieces on its stack (found by fuzz/fuzz_query_arg: tests/query/fuzz_regression_test.cc).
// The processor records the first message here and returns MatchNothing; Parse() throws it
// once parse_query has returned.
std::string& FieldError() {
  thread_local std::string error;
  return error;
}

Xapian::Query RefuseField(std::string message) {
  if (FieldError().empty()) FieldError() = std::move(message);
  return Xapian::Query::MatchNothing;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A boolean field: the raw value (Xapian hands a FieldProcessor the text as typed), made
// into the term the writer stored. Pure and cheap: Xapian may call it twice per parse.
class TermProcessor : public Xapian::FieldProcessor {
 public:
  using Normalize = std::string (*)(const std::string& field, const std::string& value);
  TermProcessor(std::string field, std::string prefix, Normalize normalize)
      : field_(std::move(field)), prefix_(std::move(prefix)), normalize_(normalize) {}
  Xapian::Query operator()(const std::string& value) override {
    std::string v;
    try {
      v = normalize_ ? normalize_(field_, value) : value;
    } catch (const Xapian::QueryParserError& e) {
      return RefuseField(e.get_msg());
    }
    return Xapian::Query(schema::Term(prefix_, v));
  }

 private:
  std::string field_, prefix_;
  Normalize normalize_;
};

std::string NormalizeForm(const std::string&, const std::string& value) {
  std::string v = AsciiLower(value);
  if (v.rfind("form ", 0) == 0) v = v.substr(5);
  else if (v.rfind("form", 0) == 0 && v.size() > 4 && std::isdigit(static_cast<unsigned char>(v[4]))) v = v.substr(4);
  return v;
}

std::string NormalizeChoice(const std::string& field, const std::string& value) {
  std::string v = AsciiLower(value);
  if (field == "kind" && v != "staff" && v != "response" && v != "unknown")
    throw Xapian::QueryParserError("kind:" + value + ": kind is staff, response or unknown");
  if (field == "family" && !FamilyFromName(v))
    throw Xapian::QueryParserError("family:" + value + ": not a citation family (asc, asu, legacy, "
                                   "release, form, sk, sx, regulation, rule, statute, sab, cdi, "
                                   "guidance, ifrs, audit)");
  return v;
}

std::string NormalizeAccession(const std::string&, const std::string& value) {
  std::string digits;
  for (char c : value)
    if (c != '-') digits += c;
  if (digits.size() == 18 && AllDigits(digits))
    return digits.substr(0, 10) + "-" + digits.substr(10, 2) + "-" + digits.substr(12);
  return value;
}

std::string NormalizeSource(const std::string&, const std::string& value) {
  bool hash = value.size() == 32 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
  return hash ? value : SourceId(AbsolutePath(value));
}

// cik:1508475 also finds a CIK stored zero-padded (0001508475) and the other way round.
class CikProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    std::string v = value;
    size_t nz = v.find_first_not_of('0');
    std::string bare = nz == std::string::npos ? "0" : v.substr(nz);
    std::string padded = bare.size() < 10 ? std::string(10 - bare.size(), '0') + bare : bare;
    if (bare == padded) return Xapian::Query(schema::Term(schema::kCik, bare));
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(schema::Term(schema::kCik, bare)),
                         Xapian::Query(schema::Term(schema::kCik, padded)));
  }
};

// cite: / cites: / exact: — the value is read by the citation grammar, like `cites`.
class CiteProcessor : public Xapian::FieldProcessor {
 public:
  CiteProcessor(std::string field, bool exact) : field_(std::move(field)), exact_(exact) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      CitationArg arg = ParseCitationArg(value, std::nullopt, nullptr);
      return CitationQuery(arg.targets, exact_);
    } catch (const UsageError& e) {
      return RefuseField(field_ + ":" + e.what());
    }
  }

 private:
  std::string field_;
  bool exact_;
};

Xapian::Query DateQuery(const std::string& low, const std::string& high) {
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
}

// date:2015..2020 — Xapian's DateRangeProcessor refuses year-only ends; years and months are
// read here, anything else (full dates in any of Xapian's forms, MDY preferred) by the base.
class DateRange : public Xapian::DateRangeProcessor {
 public:
  DateRange() : Xapian::DateRangeProcessor(schema::kDateSlot, "date:", Xapian::RP_DATE_PREFER_MDY, 1970) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::string low, high, unused;
    bool b = begin.empty() || DateBounds(begin, &low, &unused);
    bool e = end.empty() || DateBounds(end, &unused, &high);
    if (b && e && !(begin.empty() && end.empty())) return DateQuery(low, high);
    return Xapian::DateRangeProcessor::operator()(begin, end);
  }
};

// date:2015, date:2015-06, date:2015-06-30: one year, month or day.
class DateField : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    std::string low, high;
    if (!DateBounds(value, &low, &high))
      return RefuseField("date:" + value + ": a date is YYYY, YYYY-MM or YYYY-MM-DD "
                         "(ranges: date:2015..2020)");
    return DateQuery(low, high);
  }
};

// Words that carry no topic in a comment; the QueryParser drops them unless quoted.
const char* const kStopWords[] = {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
                                  "in", "is", "it", "of", "on", "or", "that", "the", "this", "to",
                                  "was", "we", "with", "you", "your"};

bool HasOperatorSyntax(const std::string& text) {
  if (text.find_first_of("\"()") != std::string::npos) return true;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    std::string w = text.substr(i, j - i);
    if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ") return true;
    if (w.size() > 1 && (w[0] == '+' || w[0] == '-')) return true;
    i = j;
  }
  return false;
}

// A comment cites many ids: cite:A cite:B asks for both (each filter its own group, ANDed),
// where two values of a one-valued field (kind:staff kind:response) mean either.
const std::string kEachOwnGroup;

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

bool DateBounds(const std::string& text, std::string* low, std::string* high) {
  std::string t = text;
  for (char& c : t)
    if (c == '/' || c == '.') c = '-';
  if (t.size() == 4 && AllDigits(t)) {
    *low = t + "0101";
    *high = t + "1231";
    return true;
  }
  if (t.size() == 7 && t[4] == '-' && AllDigits(t.substr(0, 4)) && AllDigits(t.substr(5, 2))) {
    int m = std::stoi(t.substr(5, 2));
    if (m < 1 || m > 12) return false;
    *low = t.substr(0, 4) + t.substr(5, 2) + "01";
    *high = t.substr(0, 4) + t.substr(5, 2) + "31";
    return true;
  }
  if (t.size() == 10 && t[4] == '-' && t[7] == '-' && AllDigits(t.substr(0, 4)) &&
      AllDigits(t.substr(5, 2)) && AllDigits(t.substr(8, 2))) {
    int m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    *low = *high = t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2);
    return true;
  }
  return false;
}

SearchParser::SearchParser(const Xapian::Database& db) : stemmer_("english") {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  {
    auto* stopper = new Xapian::SimpleStopper(std::begin(kStopWords), std::end(kStopWords));
    parser_.set_stopper(stopper->release());
  }
  for (const schema::Field& f : schema::QueryFields()) {
    const std::string name = f.name;
    if (!f.boolean) {
      parser_.add_prefix(name, f.prefix);
    } else if (f.prefix == std::string(schema::kCite)) {
      parser_.add_boolean_prefix(name, (new CiteProcessor(name, false))->release(), &kEachOwnGroup);
    } else if (f.prefix == std::string(schema::kCiteExact)) {
      parser_.add_boolean_prefix(name, (new CiteProcessor(name, true))->release(), &kEachOwnGroup);
    } else if (f.prefix == std::string(schema::kFamily)) {
      parser_.add_boolean_prefix(name, (new TermProcessor(name, f.prefix, NormalizeChoice))->release(),
                                 &kEachOwnGroup);
    } else if (f.prefix == std::string(schema::kCik)) {
      parser_.add_boolean_prefix(name, (new CikProcessor())->release());
    } else {
      TermProcessor::Normalize normalize = nullptr;
      if (f.prefix == std::string(schema::kForm)) normalize = NormalizeForm;
      if (f.prefix == std::string(schema::kKind) || f.prefix == std::string(schema::kFamily))
        normalize = NormalizeChoice;
      if (f.prefix == std::string(schema::kAccession)) normalize = NormalizeAccession;
      if (f.prefix == std::string(schema::kSource)) normalize = NormalizeSource;
      parser_.add_boolean_prefix(name, (new TermProcessor(name, f.prefix, normalize))->release());
    }
  }
  // "cite:" reads as naturally as the table's "cites:".
  bool has_cite = false;
  for (const schema::Field& f : schema::QueryFields()) has_cite |= std::string(f.name) == "cite";
  if (!has_cite) parser_.add_boolean_prefix("cite", (new CiteProcessor("cite", false))->release(), &kEachOwnGroup);
  parser_.add_rangeprocessor((new DateRange())->release());
  parser_.add_boolean_prefix("date", (new DateField())->release());
}

ParsedSearch SearchParser::Parse(const std::string& text) const {
  ParsedSearch out;
  FieldError().clear();
  out.query = parser_.parse_query(text, kFlags);
  if (!FieldError().empty()) {
    std::string message = std::move(FieldError());
    FieldError().clear();
    throw Xapian::QueryParserError(message);
  }
  out.description = out.query.get_description();
  // Xapian re-parses a query it cannot parse with every operator flag cleared, silently. The
  // same query as that plain-words parse, from text that has operators, means it did.
  if (HasOperatorSyntax(text)) {
    constexpr unsigned kKept = Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_NO_POSITIONS;
    Xapian::Query plain = parser_.parse_query(text, kFlags & kKept);
    out.fell_back = plain.get_description() == out.description;
  }
  return out;
}

}  // namespace secxref::query
