#include "indexer/read/sgml_reader.h"

#include <algorithm>

#include "indexer/base/utf8.h"
#include "indexer/read/edgar_path.h"
#include "indexer/read/string_util.h"

namespace secxref {
namespace {

// EDGAR writes its tags in upper case; accept lower case too.
size_t FindTag(std::string_view s, std::string_view upper_tag, size_t from = 0) {
  size_t a = s.find(upper_tag, from);
  if (a != std::string_view::npos) return a;
  return s.find(AsciiLower(upper_tag), from);
}

size_t RFindTag(std::string_view s, std::string_view upper_tag) {
  size_t a = s.rfind(upper_tag);
  if (a != std::string_view::npos) return a;
  return s.rfind(AsciiLower(upper_tag));
}

std::string IsoDate(std::string_view v) {
  v = TrimAsciiSpace(v);
  if (v.size() < 8 ||
      !std::all_of(v.begin(), v.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }))
    return "";
  return std::string(v.substr(0, 4)) + "-" + std::string(v.substr(4, 2)) + "-" +
         std::string(v.substr(6, 2));
}

std::string Accession(std::string_view v) {
  v = TrimAsciiSpace(v);
  size_t cut = v.find_first_of(" .:\t");
  if (cut != std::string_view::npos) v = v.substr(0, cut);
  if (v.size() == 20 && v[10] == '-' && v[13] == '-') return std::string(v);
  return FormatAccession(v);
}

void SetOnce(std::optional<std::string>* field, std::string value) {
  if (!field->has_value() && !value.empty()) *field = std::move(value);
}

void ParseHeaderLine(std::string_view line, SgmlSubmission* sub) {
  line = TrimAsciiSpace(line);
  if (line.empty()) return;
  SubmissionInfo& info = sub->info;
  if (line[0] == '<') {
    size_t close = line.find('>');
    if (close == std::string_view::npos) return;
    std::string tag = AsciiLower(line.substr(1, close - 1));
    std::string_view value = TrimAsciiSpace(line.substr(close + 1));
    if (tag == "sec-header" || tag == "ims-header") sub->has_header = true;
    if (tag == "sec-document" || tag == "ims-document") {
      SetOnce(&info.accession, Accession(value));
    } else if (tag == "accession-number") {
      sub->has_header = true;
      SetOnce(&info.accession, Accession(value));
    } else if (tag == "type") {
      SetOnce(&info.form_type, std::string(value));
    } else if (tag == "filing-date") {
      SetOnce(&info.filed_date, IsoDate(value));
    } else if (tag == "conformed-name") {
      SetOnce(&info.company, std::string(value));
    } else if (tag == "cik") {
      SetOnce(&info.cik, UnpadCik(value));
    }
    return;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view key = TrimAsciiSpace(line.substr(0, colon));
  std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
  if (key == "ACCESSION NUMBER") {
    sub->has_header = true;
    SetOnce(&info.accession, Accession(value));
  } else if (key == "CONFORMED SUBMISSION TYPE") {
    SetOnce(&info.form_type, std::string(value));
  } else if (key == "FILED AS OF DATE") {
    SetOnce(&info.filed_date, IsoDate(value));
  } else if (key == "COMPANY CONFORMED NAME") {
    SetOnce(&info.company, std::string(value));
  } else if (key == "CENTRAL INDEX KEY") {
    SetOnce(&info.cik, UnpadCik(value));
  }
}

// Strips a <PDF>...</PDF> style wrapper around a document body.
bool Unwrap(std::string_view* body, std::string_view open, std::string_view close) {
  std::string_view t = TrimAsciiSpace(*body);
  if (!t.starts_with(open) && !t.starts_with(AsciiLower(open))) return false;
  t.remove_prefix(open.size());
  size_t end = RFindTag(t, close);
  if (end != std::string_view::npos) t = t.substr(0, end);
  *body = t;
  return true;
}

SgmlPart ParsePart(std::string_view doc) {
  SgmlPart part;
  size_t text = FindTag(doc, "<TEXT>");
  std::string_view tags = doc.substr(0, text);
  size_t pos = 0;
  while (pos < tags.size()) {
    size_t nl = tags.find('\n', pos);
    if (nl == std::string_view::npos) nl = tags.size();
    std::string_view line = TrimAsciiSpace(tags.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line[0] != '<') continue;
    size_t close = line.find('>');
    if (close == std::string_view::npos) continue;
    std::string tag = AsciiLower(line.substr(1, close - 1));
    std::string value(TrimAsciiSpace(line.substr(close + 1)));
    if (tag == "type") part.type = value;
    if (tag == "sequence") part.sequence = value;
    if (tag == "filename") part.filename = value;
    if (tag == "description") part.description = value;
  }
  if (text == std::string_view::npos) return part;
  std::string_view body = doc.substr(text + 6);
  size_t end = RFindTag(body, "</TEXT>");
  if (end != std::string_view::npos) body = body.substr(0, end);
  if (!Unwrap(&body, "<PDF>", "</PDF>")) {
    if (Unwrap(&body, "<XBRL>", "</XBRL>") || Unwrap(&body, "<XML>", "</XML>")) part.xml = true;
  }
  if (body.starts_with("\r\n")) {
    body.remove_prefix(2);
  } else if (body.starts_with("\n")) {
    body.remove_prefix(1);
  }
  part.body = body;
  return part;
}

}  // namespace

SgmlSubmission ParseSgml(std::string_view bytes) {
  SgmlSubmission sub;
  size_t first_doc = FindTag(bytes, "<DOCUMENT>");
  std::string_view header = bytes.substr(0, first_doc);
  size_t pos = 0;
  while (pos < header.size()) {
    size_t nl = header.find('\n', pos);
    if (nl == std::string_view::npos) nl = header.size();
    ParseHeaderLine(header.substr(pos, nl - pos), &sub);
    pos = nl + 1;
  }
  size_t at = first_doc;
  while (at != std::string_view::npos) {
    size_t start = at + 10;
    size_t close = FindTag(bytes, "</DOCUMENT>", start);
    size_t next = FindTag(bytes, "<DOCUMENT>", start);
    size_t end = std::min({close, next, bytes.size()});
    sub.parts.push_back(ParsePart(bytes.substr(start, end - start)));
    at = next;
  }
  return sub;
}

bool IsNonLetterPart(const SgmlPart& part) {
  if (part.xml) return true;
  std::string type = AsciiLower(part.type);
  for (std::string_view t : {"graphic", "zip", "xml", "excel", "json", "xsd"}) {
    if (type == t) return true;
  }
  if (type.starts_with("ex-101") || type.starts_with("ex-100")) return true;
  std::string name = AsciiLower(part.filename);
  size_t dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  std::string_view ext = std::string_view(name).substr(dot + 1);
  for (std::string_view e : {"jpg", "jpeg", "gif", "png", "bmp", "tif", "tiff", "zip", "xml", "xsd",
                             "json", "xlsx", "xls", "css", "js"}) {
    if (ext == e) return true;
  }
  return false;
}

}  // namespace secxref
