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
  // True when the id's root entry (topic, item, rule, form, release...) is catalogued.
  bool Knows(Family family, std::string_view id) const;
  // For a release cited by an alias number ("34-48960"), the catalogued primary id.
  std::optional<std::string> ReleaseByNumber(std::string_view number) const;

  const std::vector<CatalogEntry>& entries() const { return entries_; }

 private:
  std::vector<CatalogEntry> entries_;
  std::map<std::string, size_t, std::less<>> by_id_;       // lower-cased id -> entry
  std::map<std::string, std::string, std::less<>> release_alias_;  // "34-48960" -> "Release 33-8350"
};

}  // namespace secxref

#endif  // SECXREF_EXTRACT_CATALOG_H_
