#include "indexer/extract/letter_json.h"

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

template <typename T>
nlohmann::ordered_json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json TextQuality(const std::string& text) {
  size_t chars = 0, alpha = 0, pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, &pos);
    if (cp == ' ' || cp == '\n' || cp == '\t') continue;
    ++chars;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250)) ++alpha;
  }
  nlohmann::ordered_json q;
  q["chars"] = chars;
  q["alpha_ratio"] = chars ? static_cast<double>(alpha) / static_cast<double>(chars) : 0.0;
  return q;
}

}  // namespace

nlohmann::ordered_json LetterToJson(const CitedLetter& cited, const LetterJsonOptions& options) {
  const Letter& letter = cited.letter;
  const Document& doc = letter.document;
  nlohmann::ordered_json j;
  j["source"] = doc.source;
  j["member"] = OrNull(doc.member);
  j["accession"] = OrNull(letter.accession);
  j["cik"] = OrNull(letter.cik);
  j["format"] = doc.format;
  if (!doc.error.empty()) {
    j["error"] = doc.error;
    j["warnings"] = doc.warnings;
    return j;
  }
  j["kind"] = LetterKindName(letter.kind);
  j["date"] = OrNull(letter.date);
  j["company"] = OrNull(letter.company);
  j["addressee"] = OrNull(letter.addressee);
  j["reviewed"] = letter.reviewed;
  j["file_numbers"] = letter.file_numbers;
  auto& comments = j["comments"] = nlohmann::ordered_json::array();
  for (const Comment& c : letter.comments) {
    nlohmann::ordered_json o;
    o["number"] = c.number;
    o["headings"] = c.headings;
    o["start"] = c.start;
    o["end"] = c.end;
    if (letter.kind == LetterKind::kResponse) o["response_start"] = c.response_start;
    comments.push_back(std::move(o));
  }
  auto& citations = j["citations"] = nlohmann::ordered_json::array();
  for (const CitedCitation& cc : cited.citations) {
    const Citation& c = cc.citation;
    nlohmann::ordered_json o;
    o["family"] = FamilyName(c.family);
    o["id"] = c.id;
    o["text"] = doc.text.substr(c.start, c.end - c.start);
    o["start"] = c.start;
    o["end"] = c.end;
    o["comment"] = OrNull(cc.comment);
    o["how"] = HowName(c.how);
    o["known"] = c.known;
    if (!c.aliases.empty()) o["aliases"] = c.aliases;
    citations.push_back(std::move(o));
  }
  auto& refs = j["prior_refs"] = nlohmann::ordered_json::array();
  for (const PriorRef& r : letter.prior_refs) {
    nlohmann::ordered_json o;
    o["comment"] = OrNull(r.comment);
    o["refers_to"] = r.refers_to;
    o["comments"] = r.comments;
    o["letter_date"] = OrNull(r.letter_date);
    refs.push_back(std::move(o));
  }
  j["text_quality"] = TextQuality(doc.text);
  std::vector<std::string> warnings = doc.warnings;
  warnings.insert(warnings.end(), letter.warnings.begin(), letter.warnings.end());
  j["warnings"] = warnings;
  if (options.include_text) j["text"] = doc.text;
  return j;
}

}  // namespace secxref
