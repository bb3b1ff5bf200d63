// The catalog: what exists (ASC topics, S-K items, S-X rules, form items, releases, SAB
// topics, C&DI sets...), with titles, loaded from data/catalog.xml with pugixml. The
// grammar uses it to mark ids it does not know (`known: false`) and the query tool to
// print titles.
#ifndef SECXREF_EXTRACT_CATALOG_H_
#define SECXREF_EXTRACT_CATALOG_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/citation.h"

namespace secxref {

struct CatalogEntry {
  Family family;
  std::string id;          // canonical id of the entry: "ASC 810", "S-K Item 303", "Release 33-8350"
  std::string title;       // "Consolidation"
  std::vector<std::string> aliases;  // release numbers of the same document, former titles
  std::string note;
  // A level that only groups others ("Regulation S-K", "Form 10-K", "Form 10-Q Part II"):
  // Knows() looks through it to the level below.
  bool container = false;
  std::string status = "current";  // current, superseded, removed, reserved, uncertain
  char confidence = 'K';  // as in ../shared/reference: 'V' verified, 'K' known, 'U' uncertain
  std::string date;       // releases: "2003-12-19", "2003-12", "2003"
  std::string source;     // "asc-topics.tsv", "§4.1" (domain-citations.md), "domain"
};

class Catalog {
 public:
  // Parses catalog XML text. Throws std::runtime_error with a line-numbered message on a
  // malformed file.
  static Catalog FromXml(std::string_view xml);
  // data/catalog.xml (embedded, or from $SECXREF_DATA).
  static const Catalog& Default();

  // The deepest catalog entry that is `id` or one of its ancestors, or nullptr.
  const CatalogEntry* Find(Family family, std::string_view id) const;
  // True when the id's root entry (topic, item, rule, form, release...) is catalogued: the
  // outermost level of the id that is not a catalogued container ("ASC 810" for
  // "ASC 810-10-50-5A(d)", "S-K Item 303" for "S-K Item 303(b)", the set for a C&DI question).
  bool Knows(Family family, std::string_view id) const;
  // For a release cited by an alias number ("34-48960"), the catalogued primary id.
  std::optional<std::string> ReleaseByNumber(std::string_view number) const;

  // The title of an ASC Section number, the same in every Subtopic ("50" -> "Disclosure",
  // "S99" -> "SEC Materials"; an SEC section without its own row, "S45", falls back to "45").
  const std::string* AscSectionTitle(std::string_view section) const;

  const std::vector<CatalogEntry>& entries() const { return entries_; }

 private:
  // The id's levels, outermost first, as Knows and Find walk them (docs/catalog.md).
  std::vector<std::string> LookupLevels(Family family, std::string_view id) const;
  const CatalogEntry* Lookup(Family family, std::string_view id) const;
  std::string Recase(std::string_view id) const;

  std::vector<CatalogEntry> entries_;
  std::map<std::string, size_t, std::less<>> by_id_;       // lower-cased id -> entry
  std::map<std::string, std::string, std::less<>> release_alias_;  // "34-48960" -> "Release 33-8350"
  std::map<std::string, std::string, std::less<>> asc_sections_;   // "50" -> "Disclosure"
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_CATALOG_H_
