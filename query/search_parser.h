// The search language: Xapian's QueryParser set up from the schema's field table
// (schema::QueryFields), as notmuch sets its parser up from lib/prefix.cc.
//
//   goodwill AND cite:"ASC 350-20" AND date:2015..2020
//
// Body words are stemmed (English) and phrase-searchable ("reporting unit"); every metadata
// field is a boolean prefix whose value is normalised the way the writer stored it
// (lower-cased; form:"Form 10-K" -> 10-k; accession digits dashed); cite: (also cites:) and
// exact: run the citation grammar on their value; date: takes years, months or full dates,
// US order for slashes (date:2015..2020, date:2019-06..2019-12, date:1/2/2020..). A query
// Xapian cannot parse with operators is re-parsed by Xapian as plain words; Parse() says
// when that happened.
#ifndef SECXREF_QUERY_SEARCH_PARSER_H_
#define SECXREF_QUERY_SEARCH_PARSER_H_

#include <string>

#include <xapian.h>

namespace secxref::query {

struct ParsedSearch {
  Xapian::Query query;
  std::string description;  // Xapian's Query::get_description()
  bool fell_back = false;   // Xapian dropped the operators and read plain words
};

class SearchParser {
 public:
  // `db` is used for wildcard expansion (word*).
  explicit SearchParser(const Xapian::Database& db);
  // Throws Xapian::QueryParserError (bad syntax that no re-parse rescues, a cite: value that
  // is not a citation, a bad date).
  ParsedSearch Parse(const std::string& text) const;
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::Stem stemmer_;
  mutable Xapian::QueryParser parser_;
};

// YYYYMMDD bounds of a date as typed: "2015" -> 20150101/20151231, "2015-06" ->
// 20150601/20150631 (a byte bound, like the slot's values), "2015-06-30" -> both the same.
// False when `text` is none of those.
bool DateBounds(const std::string& text, std::string* low, std::string* high);

}  // namespace secxref::query

#endif  // SECXREF_QUERY_SEARCH_PARSER_H_
