#include "query/result.h"

#include <stdexcept>

namespace secxref::query {
namespace {

using Json = nlohmann::json;

std::string String(const Json& j, const char* key) { return OptString(j, key).value_or(""); }

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

LetterInfo DecodeLetter(const Json& j) {
  LetterInfo l;
  l.key = String(j, "key");
  l.source = String(j, "source");
  l.member = OptString(j, "member");
  l.format = String(j, "format");
  l.accession = OptString(j, "accession");
  l.cik = OptString(j, "cik");
  l.kind = String(j, "kind");
  l.date = OptString(j, "date");
  l.company = OptString(j, "company");
  l.reviewed = Strings(j, "reviewed");
  l.forms = Strings(j, "forms");
  l.file_numbers = Strings(j, "file_numbers");
  l.conversation = OptString(j, "conversation");
  return l;
}

}  // namespace

StoredComment DecodeComment(const std::string& data) {
  Json j = Json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("letter"))
    throw std::runtime_error("a document whose data is not a secxref comment (wrong index?)");
  StoredComment c;
  c.letter = DecodeLetter(j["letter"]);
  if (auto it = j.find("comment"); it != j.end() && it->is_number_integer()) c.number = it->get<int>();
  c.tag = String(j, "tag");
  c.headings = Strings(j, "headings");
  c.text = String(j, "text");
  if (auto it = j.find("response_start"); it != j.end() && it->is_number_unsigned())
    c.response_start = it->get<uint32_t>();
  if (auto it = j.find("citations"); it != j.end() && it->is_array()) {
    for (const Json& o : *it) {
      Mention m;
      m.id = String(o, "id");
      m.family = String(o, "family");
      m.text = String(o, "text");
      m.start = o.value("start", 0u);
      m.end = o.value("end", 0u);
      m.how = String(o, "how");
      m.known = o.value("known", true);
      m.aliases = Strings(o, "aliases");
      if (m.end > c.text.size()) m.end = static_cast<uint32_t>(c.text.size());
      if (m.start > m.end) m.start = m.end;
      c.citations.push_back(std::move(m));
    }
  }
  return c;
}

std::optional<std::string> OptString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace secxref::query
