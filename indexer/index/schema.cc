#include "indexer/index/schema.h"

#include <algorithm>

#include "indexer/base/hash.h"

namespace secxref::schema {
namespace {

// Glass stores a term as a B-tree key, where a zero byte is escaped and so takes two bytes.
// Its limit is 245 bytes of that encoding; user-metadata keys get 253.
constexpr size_t kMaxTermBytes = 245;
constexpr size_t kMaxMetadataKeyBytes = 253;
constexpr size_t kHashChars = 32;  // ContentHash() is 32 hex digits

size_t EncodedLength(std::string_view s) {
  return s.size() + static_cast<size_t>(std::count(s.begin(), s.end(), '\0'));
}

// Keeps a readable head and replaces the rest with a hash of the whole string, so distinct
// long values stay distinct and the same value always gives the same key (the query tool
// calls Term() on what the user typed and must land on what the writer stored). The head
// is cut at a UTF-8 character boundary.
std::string FitOrHash(std::string full, size_t limit) {
  if (EncodedLength(full) <= limit) return full;
  std::string hash = ContentHash(full);
  size_t head = 0, encoded = 0;
  while (head < full.size()) {
    size_t cost = full[head] == '\0' ? 2 : 1;
    if (encoded + cost > limit - kHashChars) break;
    encoded += cost;
    ++head;
  }
  // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (head > 0 && head < full.size() &&
         (static_cast<unsigned char>(full[head]) & 0xC0) == 0x80) {
    --head;
  }
  full.resize(head);
  full += hash;
  return full;
}

}  // namespace

std::string Term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += Xapian::Unicode::tolower(std::string(value));
  return FitOrHash(std::move(term), kMaxTermBytes);
}

std::string UidTerm(std::string_view letter_key, std::string_view tag) {
  std::string value(letter_key);
  value += '#';
  value += tag;
  return Term(kUid, value);
}

std::string LetterTerm(std::string_view letter_key) { return Term(kLetter, letter_key); }

std::string CiteYearTerm(std::string_view year, std::string_view cite) {
  std::string value(year);
  value += ':';
  value += cite;
  return Term(kCiteYear, value);
}

std::string MetadataKey(std::string_view prefix, std::string_view value) {
  std::string key(prefix);
  key += value;
  return FitOrHash(std::move(key), kMaxMetadataKeyBytes);
}

const std::vector<Field>& QueryFields() {
  // Boolean fields take a raw value (lower-cased to match); free-text fields go through the
  // TermGenerator's tokenizer and stemmer like the body text.
  static const std::vector<Field> fields = {
      {"cites", kCite, true},          // citation at any level: cites:"ASC 810-10"
      {"exact", kCiteExact, true},     // citation exactly at this level
      {"family", kFamily, true},       // family:asc
      {"kind", kKind, true},           // kind:staff
      {"cik", kCik, true},             // cik:1508475
      {"accession", kAccession, true}, // accession:0000000000-13-061818
      {"form", kForm, true},           // reviewed form: form:20-f
      {"file", kFileNumber, true},     // file:001-35126
      {"year", kYear, true},           // year:2013
      {"letter", kLetter, true},       // letter key
      {"thread", kConversation, true}, // conversation id
      {"restated", kRestatement, true},  // restated:1
      {"source", kSource, true},       // hash of the source path
      {"company", kCompanyWord, false},
      {"heading", kHeadingWord, false},
  };
  return fields;
}

}  // namespace secxref::schema
