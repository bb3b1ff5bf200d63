#include "indexer/extract/catalog.h"

#include <algorithm>
#include <cstring>
#include <pugixml.hpp>
#include <stdexcept>

#include "indexer/base/data_files.h"
#include "indexer/base/utf8.h"
#include "indexer/extract/citation_id.h"

namespace secxref {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsUpper(c) || IsLower(c); }

// A cursor over an id for the family shape rules below. Each matcher consumes on success and
// leaves the position unchanged on failure, so alternatives can be tried in turn.
class Scan {
 public:
  explicit Scan(std::string_view s) : s_(s) {}

  bool Done() const { return p_ == s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[p_]; }
  bool Lit(std::string_view w) {
    if (s_.substr(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }
  // Between min and max characters satisfying pred (as many as there are, up to max).
  bool Run(bool (*pred)(char), size_t min, size_t max = std::string_view::npos) {
    size_t n = 0;
    while (p_ + n < s_.size() && n < max && pred(s_[p_ + n])) ++n;
    if (n < min) return false;
    p_ += n;
    return true;
  }
  bool Digits(size_t min, size_t max = std::string_view::npos) { return Run(IsDigit, min, max); }
  bool OptUpper(size_t max = std::string_view::npos) { return Run(IsUpper, 0, max); }
  // Pinpoint levels, each in its own parentheses: "(b)(2)(ii)(A)".
  bool Pinpoints() {
    while (p_ < s_.size() && s_[p_] == '(') {
      size_t save = p_++;
      if (!Run(IsAlnum, 1) || !Lit(")")) {
        p_ = save;
        return false;
      }
    }
    return true;
  }
  // A dotted outline of alphanumeric parts: "III.B.3", "II.B.3.a".
  bool Outline() {
    size_t save = p_;
    do {
      if (!Run(IsAlnum, 1)) {
        p_ = save;
        return false;
      }
    } while (Lit("."));
    return true;
  }
  // A run of characters none of which is a space (a name such as "10-K", "13D-G", "N-CSR").
  bool Token(bool (*pred)(char)) {
    size_t save = p_;
    if (!Run(pred, 1)) return false;
    if (!IsAlnum(s_[p_ - 1])) {  // a name ends with a letter or digit
      p_ = save;
      return false;
    }
    return true;
  }
  template <typename... Words>
  bool AnyOf(Words... words) {
    return (Lit(words) || ...);
  }

 private:
  std::string_view s_;
  size_t p_ = 0;
};

bool NameChar(char c) { return IsAlnum(c) || c == '-'; }
bool FormNameChar(char c) { return IsUpper(c) || IsDigit(c) || c == '-'; }
bool SetChar(char c) { return IsAlnum(c) || c == '-' || c == '&' || c == '/'; }
bool WordChar(char c) { return IsAlnum(c) || c == '-' || c == '&' || c == '\''; }

// "ASC 810", "ASC 810-10", "ASC 810-10-50", "ASC 250-10-S99-1", "ASC 810-10-50-5A(d)".
bool AscShape(Scan s) {
  if (!s.Lit("ASC ") || !s.Digits(3, 3)) return false;
  if (s.Lit("-")) {
    if (!s.Digits(2, 3)) return false;
    if (s.Lit("-")) {
      s.Lit("S");
      if (!s.Digits(2, 2)) return false;
      if (s.Lit("-") && !(s.Digits(1) && s.OptUpper() && s.Pinpoints())) return false;
    }
  }
  return s.Done();
}

// "FAS 141(R)", "EITF 00-21", "EITF D-109", "FSP FAS 157-3", "FSP EITF 00-19-2", "DIG B16".
bool LegacyShape(Scan s) {
  if (s.Lit("FSP ")) {
    if (!s.AnyOf("FAS ", "FIN ", "EITF ", "APB ", "SOP ", "FTB ")) return false;
  } else if (!s.AnyOf("FAS ", "FIN ", "EITF ", "APB ", "ARB ", "SOP ", "FTB ", "DIG ")) {
    return false;
  }
  s.OptUpper(1);
  s.Lit("-");
  if (!s.Digits(1, 4)) return false;
  while (s.Lit("-"))
    if (!s.Digits(1, 4)) return false;
  s.Lit("(R)");
  return s.Done();
}

// A release number: "33-8350", "34-60519A", "FR-72", "IC-16961".
bool ReleaseNumberShape(Scan& s) {
  if (!(s.Digits(2, 2) || s.AnyOf("IC", "IA", "FR", "ASR", "AAER"))) return false;
  if (!s.Lit("-") || !s.Digits(1, 6)) return false;
  s.Lit("A");
  return true;
}

bool ReleaseShape(Scan s) {
  if (!s.Lit("Release ") || !ReleaseNumberShape(s)) return false;
  if (s.Lit(" Section ") && !s.Outline()) return false;
  if (s.Lit(" Question ") && !s.Outline()) return false;
  return s.Done();
}

// A release alias: another number of the same release, or an International Series number.
bool ReleaseAliasShape(std::string_view alias) {
  Scan s(alias);
  if (s.Lit("International Series ")) return s.Digits(1, 6) && s.Done();
  return ReleaseNumberShape(s) && s.Done();
}

// Item ids as forms write them: "7A", "5.D", "4.02", "16K"; then pinpoints.
bool FormItemShape(Scan& s) {
  if (!s.Digits(1, 3)) return false;
  s.OptUpper(2);
  if (s.Lit(".")) {
    if (!(s.Run(IsUpper, 1, 2) || s.Digits(2, 2))) return false;
    while (s.Lit("."))
      if (!s.Run(IsAlnum, 1)) return false;
  }
  return s.Pinpoints();
}

// "Form 10-K Item 7A", "Form 10-Q Part II Item 1A", "Form 8-K General Instruction B.2",
// "Schedule 14A Note A", "Schedule TO Item 10(b)".
bool FormShape(Scan s) {
  if (!s.AnyOf("Form ", "Schedule ") || !s.Token(FormNameChar)) return false;
  while (!s.Done()) {
    if (s.Lit(" Part ")) {
      if (!s.Run([](char c) { return c == 'I' || c == 'V' || c == 'X'; }, 1)) return false;
    } else if (s.Lit(" Item ")) {
      if (!FormItemShape(s)) return false;
    } else if (s.AnyOf(" General Instruction ", " Instruction ", " Note ")) {
      if (!s.Outline() || !s.Pinpoints()) return false;
    } else {
      return false;
    }
  }
  return true;
}

// "Regulation S-K", "S-K Item 303(b)(2)(ii)", "S-K Item 303(b) Instruction 5".
bool SkShape(Scan s) {
  if (s.Lit("Regulation S-K")) return s.Done();
  if (!s.Lit("S-K Item ") || !s.Digits(1, 4) || !s.OptUpper(1) || !s.Pinpoints()) return false;
  if (s.Lit(" Instruction ") && !s.Outline()) return false;
  return s.Done();
}

// "Regulation S-X", "S-X Rule 3-05(b)", "S-X Rule 5-02.8", "S-X Rule 3A-02", "S-X Article 11".
bool SxShape(Scan s) {
  if (s.Lit("Regulation S-X")) return s.Done();
  if (s.Lit("S-X Article ")) return s.Digits(1, 2) && s.OptUpper(1) && s.Done();
  if (!s.Lit("S-X Rule ") || !s.Digits(1, 2) || !s.OptUpper(1)) return false;
  if (!s.Lit("-") || !s.Digits(2, 2)) return false;
  if (s.Lit(".") && !s.Digits(1, 3)) return false;
  return s.Pinpoints() && s.Done();
}

// "Regulation G", "Regulation G Rule 100(b)", "S-T Rule 405", "Regulation M-A Item 1010(a)",
// "Regulation 13D-G", "17 CFR 200.83".
bool RegulationShape(Scan s) {
  if (s.Lit("17 CFR ")) {
    if (!s.Digits(1, 3)) return false;
    if (s.Lit(".") && !s.Token(NameChar)) return false;
    return s.Pinpoints() && s.Done();
  }
  if (s.Lit("S-T Rule ")) return s.Digits(1, 4) && s.Pinpoints() && s.Done();
  if (!s.Lit("Regulation ") || !s.Token(NameChar)) return false;
  if (s.AnyOf(" Rule ", " Item ")) {
    if (!s.Digits(1, 4) || !s.OptUpper(1) || !s.Pinpoints()) return false;
  }
  return s.Done();
}

// "Exchange Act Rule 12b-20", "Securities Act Rule 430A", "Exchange Act Rule 14a-8(i)(7)".
bool RuleShape(Scan s) {
  if (!s.AnyOf("Securities Act", "Exchange Act", "Investment Company Act",
               "Investment Advisers Act", "Trust Indenture Act"))
    return false;
  // The rule number starts with a digit: "144", "430A", "12b-20", "10b5-1", "3a51-1".
  if (!s.Lit(" Rule ") || !IsDigit(s.Peek()) || !s.Token(NameChar)) return false;
  return s.Pinpoints() && s.Done();
}

// "Exchange Act Section 13(a)", "SOX Section 404(b)", "IRC Section 368(a)": the act's name,
// then the section.
bool StatuteShape(std::string_view id) {
  size_t at = id.find(" Section ");
  if (at == std::string_view::npos || at == 0) return false;
  Scan act(id.substr(0, at));
  do {
    if (!act.Token(WordChar)) return false;
  } while (act.Lit(" "));
  if (!act.Done()) return false;
  Scan s(id.substr(at + 9));
  return s.Digits(1, 4) && s.OptUpper(2) && s.Pinpoints() && s.Done();
}

// "SAB 99", "SAB Topic 1.M", "SAB Topic 5.CC", "SAB Topic 13.A.1".
bool SabShape(Scan s) {
  if (!s.Lit("SAB ")) return false;
  if (s.Lit("Topic ")) {
    if (!s.Digits(1, 2)) return false;
    if (s.Lit(".")) {
      if (!s.Run(IsUpper, 1, 2)) return false;
      while (s.Lit("."))
        if (!s.Digits(1)) return false;
    }
  } else if (!s.Digits(1, 3)) {
    return false;
  }
  if (s.Lit(" Question ") && !s.Digits(1)) return false;
  return s.Done();
}

// A C&DI question number as the last word of an id: "100.01", "102.10(a)", "128D.08".
bool IsCdiQuestion(std::string_view word) {
  Scan s(word);
  return s.Digits(1, 4) && s.OptUpper(1) && s.Lit(".") && s.Digits(1, 3) && s.Pinpoints() &&
         s.Done();
}

// A C&DI set (catalog entries are sets, never questions): "C&DI", "C&DI Non-GAAP",
// "C&DI Proxy Rules and Schedules 14A/14C".
bool CdiSetShape(std::string_view id) {
  Scan s(id);
  if (!s.Lit("C&DI")) return false;
  while (s.Lit(" "))
    if (!s.Token(SetChar)) return false;
  size_t space = id.rfind(' ');
  return s.Done() && (space == std::string_view::npos || !IsCdiQuestion(id.substr(space + 1)));
}

// "FRM Topic 1", "FRM 1140.2", "FRC 501.12(b)(3)", "SLB 14D", "SLB 19 Section III.C.4",
// "CF Disclosure Guidance Topic 9A", and named documents ("EDGAR Filer Manual").
bool GuidanceShape(std::string_view id) {
  {
    Scan s(id);
    if (s.Lit("FRM Topic ")) return s.Digits(1, 2) && s.Done();
  }
  {
    Scan s(id);
    if (s.Lit("FRM ") || s.Lit("FRC ")) {
      if (!s.Digits(3, 5)) return false;
      while (s.Lit("."))
        if (!s.Run(IsAlnum, 1)) return false;
      return s.Pinpoints() && s.Done();
    }
  }
  {
    Scan s(id);
    if (s.Lit("SLB ")) {
      if (!s.Digits(1, 2) || !s.OptUpper(1)) return false;
      if (s.Lit(" Section ") && !s.Outline()) return false;
      return s.Done();
    }
  }
  {
    Scan s(id);
    if (s.Lit("CF Disclosure Guidance Topic ")) return s.Digits(1, 2) && s.OptUpper(1) && s.Done();
  }
  // A named document: two or more words, the first capitalised.
  if (id.empty() || !IsUpper(id[0]) || id.find(' ') == std::string_view::npos) return false;
  Scan s(id);
  do {
    if (!s.Token(WordChar)) return false;
  } while (s.Lit(" "));
  return s.Done();
}

// "IFRS 15", "IAS 36.130", "IFRS 15.B34", "IFRIC 23", "SIC 29".
bool IfrsShape(Scan s) {
  if (!s.AnyOf("IFRS ", "IAS ", "IFRIC ", "SIC ") || !s.Digits(1, 2)) return false;
  if (s.Lit(".") && !(s.OptUpper(2) && s.Digits(1) && s.OptUpper(2) && s.Pinpoints())) return false;
  return s.Done();
}

// "AS 2201", "AS 5", "AU 329", "AU-C 580", "SAS 100".
bool AuditShape(Scan s) {
  return s.AnyOf("AS ", "AU ", "AU-C ", "AT ", "AT-C ", "SAS ", "QC ") && s.Digits(1, 4) &&
         s.Done();
}

// The family-specific shape of a canonical id (../shared/spec/citation-ids.md).
bool HasFamilyShape(Family family, std::string_view id) {
  switch (family) {
    case Family::kAsc:
      return AscShape(Scan(id));
    case Family::kAsu: {
      Scan s(id);
      return s.Lit("ASU ") && s.Digits(4, 4) && s.Lit("-") && s.Digits(2, 2) && s.Done();
    }
    case Family::kLegacy:
      return LegacyShape(Scan(id));
    case Family::kRelease:
      return ReleaseShape(Scan(id));
    case Family::kForm:
      return FormShape(Scan(id));
    case Family::kSk:
      return SkShape(Scan(id));
    case Family::kSx:
      return SxShape(Scan(id));
    case Family::kRegulation:
      return RegulationShape(Scan(id));
    case Family::kRule:
      return RuleShape(Scan(id));
    case Family::kStatute:
      return StatuteShape(id);
    case Family::kSab:
      return SabShape(Scan(id));
    case Family::kCdi:
      return CdiSetShape(id);
    case Family::kGuidance:
      return GuidanceShape(id);
    case Family::kIfrs:
      return IfrsShape(Scan(id));
    case Family::kAudit:
      return AuditShape(Scan(id));
  }
  return false;
}

// Printable ASCII, single spaces, nothing at either end (citation-ids.md).
bool IsPlainAscii(std::string_view id) {
  if (id.empty() || id.front() == ' ' || id.back() == ' ') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(id[i]);
    if (c < 0x20 || c > 0x7e) return false;
    if (c == ' ' && id[i + 1] == ' ') return false;
  }
  return true;
}

bool IsDate(std::string_view d) {
  Scan s(d);
  if (!s.Digits(4, 4)) return false;
  if (s.Lit("-")) {
    if (!s.Digits(2, 2)) return false;
    if (s.Lit("-") && !s.Digits(2, 2)) return false;
  }
  return s.Done();
}

constexpr const char* kStatuses[] = {"current", "superseded", "removed", "reserved", "uncertain"};
constexpr const char* kEntryAttributes[] = {"id",         "title", "container", "status",
                                            "confidence", "date",  "source",    "note"};

// Words that introduce a level (citation_id.cc) or a family: a caller's "section iii.b" is
// read as "Section iii.b", so that lookups are case-insensitive.
constexpr std::string_view kCanonicalWords[] = {
    "Section", "Question", "Item",  "Rule",    "Part", "General",  "Instruction",
    "Note",    "Article",  "Topic", "Release", "Form", "Schedule", "Regulation"};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

// Builds the error FromXml throws: "catalog.xml line 12: entry "ASC 81": ...".
class ErrorAt {
 public:
  explicit ErrorAt(std::string_view xml) : xml_(xml) {}
  size_t Line(ptrdiff_t offset) const {
    size_t end = std::min(static_cast<size_t>(std::max<ptrdiff_t>(offset, 0)), xml_.size());
    return 1 + std::count(xml_.begin(), xml_.begin() + end, '\n');
  }
  [[noreturn]] void Throw(pugi::xml_node node, std::string_view id, const std::string& what) const {
    std::string msg = "catalog.xml line " + std::to_string(Line(node.offset_debug())) + ": ";
    if (!id.empty()) msg += "entry \"" + std::string(id) + "\": ";
    throw std::runtime_error(msg + what);
  }

 private:
  std::string_view xml_;
};

// One <entry>, checked on its own (ids, values, aliases); FromXml checks the whole.
CatalogEntry ReadEntry(pugi::xml_node node, Family family, const std::string& family_source,
                       const ErrorAt& error) {
  CatalogEntry entry;
  entry.family = family;
  entry.id = node.attribute("id").value();
  const std::string& id = entry.id;
  if (id.empty())
    error.Throw(node, "", std::string("entry without an id in family ") + FamilyName(family));
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::none_of(std::begin(kEntryAttributes), std::end(kEntryAttributes),
                     [&](const char* k) { return std::strcmp(k, a.name()) == 0; }))
      error.Throw(node, id, "unknown attribute \"" + std::string(a.name()) + "\"");
  }
  if (!IsPlainAscii(id)) error.Throw(node, id, "an id is printable ASCII with single spaces");
  if (!HasFamilyShape(family, id))
    error.Throw(node, id, std::string("not a canonical ") + FamilyName(family) + " id");
  std::vector<std::string> levels = CitationLevels(family, id);
  if (levels.empty() || levels.back() != id)
    error.Throw(node, id, "does not read back as its own last level");

  entry.title = node.attribute("title").value();
  entry.note = node.attribute("note").value();
  if (entry.title.empty() && entry.note.empty())
    error.Throw(node, id, "needs a title (or, where no source gives one, a note)");
  std::string container = node.attribute("container").value();
  if (!container.empty() && container != "true" && container != "false")
    error.Throw(node, id, "container must be \"true\" or \"false\"");
  entry.container = container == "true";
  if (pugi::xml_attribute status = node.attribute("status")) {
    entry.status = status.value();
    if (std::find(std::begin(kStatuses), std::end(kStatuses), entry.status) == std::end(kStatuses))
      error.Throw(node, id, "unknown status \"" + entry.status + "\"");
  }
  std::string confidence = node.attribute("confidence").value();
  if (confidence != "V" && confidence != "K" && confidence != "U")
    error.Throw(node, id, "confidence must be V, K or U");
  entry.confidence = confidence[0];
  entry.date = node.attribute("date").value();
  if (!entry.date.empty() && !IsDate(entry.date))
    error.Throw(node, id, "date \"" + entry.date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  entry.source = node.attribute("source") ? node.attribute("source").value() : family_source;
  if (entry.source.empty()) error.Throw(node, id, "has no source (on the entry or its family)");

  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::strcmp(child.name(), "alias") != 0)
      error.Throw(child, id, "unexpected <" + std::string(child.name()) + "> (expected <alias>)");
    std::string alias = child.text().get();
    if (alias.empty()) error.Throw(child, id, "empty <alias>");
    if (family == Family::kRelease && !ReleaseAliasShape(alias))
      error.Throw(child, id, "alias \"" + alias + "\" is not a release number");
    entry.aliases.push_back(std::move(alias));
  }
  return entry;
}

// <section number="50" title="Disclosure"/> of the ASC family.
void ReadAscSection(pugi::xml_node node, const ErrorAt& error,
                    std::map<std::string, std::string, std::less<>>* sections) {
  std::string number = node.attribute("number").value();
  Scan s(number);
  s.Lit("S");
  if (!s.Digits(2, 2) || !s.Done())
    error.Throw(node, "", "ASC section number \"" + number + "\" is not NN or SNN");
  if (!*node.attribute("title").value())
    error.Throw(node, "", "ASC section " + number + " has no title");
  if (!sections->emplace(number, node.attribute("title").value()).second)
    error.Throw(node, "", "duplicate ASC section " + number);
}

}  // namespace

Catalog Catalog::FromXml(std::string_view xml) {
  ErrorAt error(xml);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    throw std::runtime_error("catalog.xml line " + std::to_string(error.Line(parsed.offset)) +
                             ": malformed XML: " + parsed.description());
  }
  pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "catalog") != 0)
    error.Throw(root, "",
                "the root element must be <catalog>, not <" + std::string(root.name()) + ">");

  Catalog catalog;
  std::vector<pugi::xml_node> nodes;  // entries_[i] was read from nodes[i], for messages
  for (pugi::xml_node fam : root.children()) {
    if (fam.type() != pugi::node_element) continue;
    if (std::strcmp(fam.name(), "family") != 0)
      error.Throw(fam, "", "unexpected <" + std::string(fam.name()) + "> (expected <family>)");
    std::optional<Family> family = FamilyFromName(fam.attribute("name").value());
    if (!family)
      error.Throw(fam, "", "unknown family \"" + std::string(fam.attribute("name").value()) + "\"");
    std::string family_source = fam.attribute("source").value();

    for (pugi::xml_node node : fam.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string_view name = node.name();
      if (name == "section" && *family == Family::kAsc) {
        ReadAscSection(node, error, &catalog.asc_sections_);
        continue;
      }
      if (name != "entry")
        error.Throw(node, "",
                    "unexpected <" + std::string(name) + "> in family " + FamilyName(*family));
      CatalogEntry entry = ReadEntry(node, *family, family_source, error);
      auto [at, fresh] = catalog.by_id_.emplace(AsciiLower(entry.id), catalog.entries_.size());
      if (!fresh) {
        error.Throw(node, entry.id,
                    "duplicate id (ids ignore case): \"" + catalog.entries_[at->second].id +
                        "\" is at line " +
                        std::to_string(error.Line(nodes[at->second].offset_debug())));
      }
      catalog.entries_.push_back(std::move(entry));
      nodes.push_back(node);
    }
  }

  // Release numbers: each primary answers for itself (ids are unique, so primaries never
  // collide), each alias for its primary.
  for (const CatalogEntry& e : catalog.entries_)
    if (e.family == Family::kRelease)
      catalog.release_alias_.emplace(AsciiLower(e.id.substr(std::strlen("Release "))), e.id);
  for (size_t i = 0; i < catalog.entries_.size(); ++i) {
    const CatalogEntry& e = catalog.entries_[i];
    if (e.family != Family::kRelease) continue;
    for (const std::string& alias : e.aliases) {
      auto [at, fresh] = catalog.release_alias_.emplace(AsciiLower(alias), e.id);
      if (!fresh) error.Throw(nodes[i], e.id, "alias " + alias + " already names " + at->second);
    }
  }

  // Every entry must be reachable: the levels above it are catalogued containers down to its
  // root, which is catalogued ("S-K Item 303" needs "Regulation S-K" as a container).
  for (size_t i = 0; i < catalog.entries_.size(); ++i) {
    const CatalogEntry& e = catalog.entries_[i];
    if (catalog.Knows(e.family, e.id)) continue;
    std::string missing;
    for (const std::string& level : catalog.LookupLevels(e.family, e.id)) {
      const CatalogEntry* at = catalog.Lookup(e.family, level);
      if (at == nullptr || !at->container) {
        missing = level;
        break;
      }
    }
    error.Throw(nodes[i], e.id,
                "unreachable: its level \"" + missing + "\" is not catalogued (as a container)");
  }
  return catalog;
}

const Catalog& Catalog::Default() {
  // Built once, on first use, thread-safely (a function-local static); never destroyed, so
  // it stays valid for threads still running at exit.
  static const Catalog* const catalog = new Catalog(FromXml(DataFile("catalog.xml")));
  return *catalog;
}

const CatalogEntry* Catalog::Lookup(Family family, std::string_view id) const {
  auto it = by_id_.find(AsciiLower(id));
  if (it == by_id_.end()) return nullptr;
  const CatalogEntry& e = entries_[it->second];
  return e.family == family ? &e : nullptr;
}

std::string Catalog::Recase(std::string_view id) const {
  std::string out(id);
  // Level and family words, as whole words.
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    std::string_view word(out.data() + start, end - start);
    for (std::string_view canonical : kCanonicalWords) {
      if (IEquals(word, canonical)) {
        out.replace(start, end - start, canonical);
        break;
      }
    }
    start = end + 1;
  }
  // The longest catalogued prefix that ends at a level boundary takes the catalog's spelling
  // ("s-k item 303(b)" -> "S-K Item 303(b)").
  std::string lower = AsciiLower(out);
  for (size_t end = lower.size(); end > 0; --end) {
    if (end < lower.size() && std::strchr(" (.-", lower[end]) == nullptr) continue;
    auto it = by_id_.find(std::string_view(lower).substr(0, end));
    if (it == by_id_.end()) continue;
    out.replace(0, end, entries_[it->second].id);
    break;
  }
  return out;
}

std::vector<std::string> Catalog::LookupLevels(Family family, std::string_view id) const {
  std::string canonical = Recase(id);
  std::vector<std::string> levels = CitationLevels(family, canonical);
  if (levels.empty()) return levels;
  // CitationLevels stops where a parent is longer than its child ("Regulation S-K" above
  // "S-K Item 303"); ParentCitation knows the step, so complete the chain from it.
  for (int step = 0; step < 4; ++step) {
    std::string parent = ParentCitation(family, levels.front());
    if (parent.empty() || std::find(levels.begin(), levels.end(), parent) != levels.end()) break;
    levels.insert(levels.begin(), std::move(parent));
  }

  if (family == Family::kCdi) {
    // C&DI ids are flat, but a question ("C&DI Non-GAAP 102.10") belongs to its set.
    size_t space = canonical.rfind(' ');
    if (space != std::string::npos && IsCdiQuestion(std::string_view(canonical).substr(space + 1)))
      levels.insert(levels.begin(), canonical.substr(0, space));
  } else if (family == Family::kGuidance && canonical.size() > 4 &&
             canonical.compare(0, 4, "FRM ") == 0 && IsDigit(canonical[4])) {
    // An FRM section belongs to the Topic its leading digits name: 1140 -> 1, 13110 -> 13.
    size_t n = 4;
    while (n < canonical.size() && IsDigit(canonical[n])) ++n;
    if (n - 4 >= 4) {
      std::string digits = canonical.substr(4, n - 4 - 3);
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
      levels.insert(levels.begin(), "FRM Topic " + digits);
    }
  } else if (family == Family::kRelease && Lookup(family, levels.front()) == nullptr) {
    // A release cited by another of its numbers ("Release 34-48960 Section III"): read it as
    // the catalogued primary.
    const std::string& root = levels.front();
    if (root.compare(0, 8, "Release ") == 0) {
      auto it = release_alias_.find(AsciiLower(std::string_view(root).substr(8)));
      if (it != release_alias_.end()) {
        size_t root_size = root.size();
        for (std::string& level : levels) level.replace(0, root_size, it->second);
      }
    }
  }
  return levels;
}

bool Catalog::Knows(Family family, std::string_view id) const {
  std::vector<std::string> levels = LookupLevels(family, id);
  for (size_t i = 0; i < levels.size(); ++i) {
    const CatalogEntry* e = Lookup(family, levels[i]);
    if (e == nullptr) return false;
    if (!e->container || i + 1 == levels.size()) return true;
  }
  return false;
}

const CatalogEntry* Catalog::Find(Family family, std::string_view id) const {
  std::vector<std::string> levels = LookupLevels(family, id);
  for (auto it = levels.rbegin(); it != levels.rend(); ++it)
    if (const CatalogEntry* e = Lookup(family, *it)) return e;
  return nullptr;
}

std::optional<std::string> Catalog::ReleaseByNumber(std::string_view number) const {
  std::string key = AsciiLower(number);
  if (key.compare(0, 8, "release ") == 0) key.erase(0, 8);
  auto it = release_alias_.find(key);
  if (it == release_alias_.end()) return std::nullopt;
  return it->second;
}

const std::string* Catalog::AscSectionTitle(std::string_view section) const {
  auto it = asc_sections_.find(section);
  if (it == asc_sections_.end() && section.size() == 3 && section[0] == 'S')
    it = asc_sections_.find(section.substr(1));
  return it == asc_sections_.end() ? nullptr : &it->second;
}

}  // namespace secxref
