#include "indexer/index/letter_document.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "indexer/base/data_files.h"
#include "indexer/base/hash.h"
#include "indexer/base/utf8.h"
#include "indexer/extract/citation_id.h"
#include "indexer/index/conversation_store.h"
#include "indexer/index/schema.h"

namespace secxref {
namespace {

using Json = nlohmann::ordered_json;

// Keeps phrases from matching across the body, headings and company fields (notmuch adds the
// same gap between fields).
constexpr Xapian::termpos kFieldGap = 100;

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string_view StripPunct(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                        w.back() == ')' || w.back() == '.'))
    w.remove_suffix(1);
  while (!w.empty() && w.front() == '(') w.remove_prefix(1);
  return w;
}

// A form type as EDGAR writes it: capitals, digits, '-', '/', '.'; "FOR" and "THE" in an
// all-capitals header are not forms, so a token of letters only must be short ("D", "ID",
// "CB", "TO").
bool IsFormToken(std::string_view t) {
  if (t.empty()) return false;
  if (!std::isdigit(static_cast<unsigned char>(t[0])) && !(t[0] >= 'A' && t[0] <= 'Z')) return false;
  bool digit_or_hyphen = false;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      digit_or_hyphen = true;
    } else if (!(c >= 'A' && c <= 'Z') && c != '/' && c != '.') {
      return false;
    }
  }
  return digit_or_hyphen || t.size() <= 2;
}

// The first year (1900-2099) written as a standalone number at or after `from`.
std::optional<std::string> FirstYear(std::string_view s, size_t from) {
  for (size_t i = from; i + 4 <= s.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))) continue;
    if (i + 4 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 4]))) continue;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= std::isdigit(static_cast<unsigned char>(s[i + k])) != 0;
    if (digits && (s.substr(i, 2) == "19" || s.substr(i, 2) == "20")) return std::string(s.substr(i, 4));
  }
  return std::nullopt;
}

size_t FindIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

// "Release 33-8350 Section III" cited as "Release Nos. 33-8350; 34-48960" also files under
// "Release 34-48960 Section III".
std::vector<std::string> AliasIds(const Citation& c) {
  std::vector<std::string> ids;
  constexpr std::string_view kRelease = "Release ";
  if (c.family != Family::kRelease || c.aliases.empty()) return ids;
  std::string_view id = c.id;
  if (id.substr(0, kRelease.size()) != kRelease) return ids;
  size_t number_end = id.find(' ', kRelease.size());
  std::string_view rest = number_end == std::string_view::npos ? "" : id.substr(number_end);
  for (const std::string& a : c.aliases) {
    std::string alias(kRelease);
    alias += a;
    alias += rest;
    ids.push_back(std::move(alias));
  }
  return ids;
}

// `year`: the letter's ("2013"), or empty when it has no date.
void AddCitationTerms(const Citation& c, const std::string& year, Xapian::Document* doc) {
  std::vector<std::string> ids{c.id};
  for (std::string& a : AliasIds(c)) ids.push_back(std::move(a));
  for (const std::string& id : ids) {
    for (const std::string& level : CitationLevels(c.family, id)) {
      const std::string value = CitationTermValue(level);
      doc->add_boolean_term(schema::Term(schema::kCite, value));
      if (!year.empty()) doc->add_boolean_term(schema::CiteYearTerm(year, value));
    }
    doc->add_boolean_term(schema::Term(schema::kCiteExact, CitationTermValue(id)));
  }
  doc->add_boolean_term(schema::Term(schema::kFamily, FamilyName(c.family)));
}

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// One piece of the letter's text that a document covers, and where it lands in the
// document's own text.
struct Piece {
  uint32_t start;  // in the letter text
  uint32_t end;
  uint32_t out;    // in the document text
};

// Maps a letter-text offset into document-text coordinates (clamped into the pieces).
uint32_t MapOffset(const std::vector<Piece>& pieces, uint32_t offset) {
  for (const Piece& p : pieces) {
    if (offset < p.start) return p.out;
    if (offset <= p.end) return p.out + (offset - p.start);
  }
  return pieces.empty() ? 0 : pieces.back().out + (pieces.back().end - pieces.back().start);
}

// The document being assembled for one comment (or for the outside text).
struct Draft {
  std::string tag;
  std::optional<int> number;
  const Comment* comment = nullptr;
  std::vector<Piece> pieces;
  std::string text;
  std::vector<const CitedCitation*> citations;
  std::vector<const PriorRef*> prior_refs;
};

}  // namespace

std::string LetterKey(const Letter& letter, std::string_view input_hash) {
  const Document& doc = letter.document;
  std::optional<std::string> accession = letter.accession;
  if (!accession) accession = doc.submission.accession;
  if (accession && !accession->empty()) {
    return *accession + ":" + BaseName(doc.member ? *doc.member : doc.source);
  }
  if (!doc.member) return "sha:" + std::string(input_hash);
  std::string salted(input_hash);
  salted += '/';
  salted += *doc.member;
  return "sha:" + ContentHash(salted);
}

std::string SourceId(std::string_view path) { return ContentHash(path); }

std::vector<std::string> ReviewedForms(std::string_view reviewed) {
  std::vector<std::string> forms;
  std::vector<std::string_view> words = SplitWords(reviewed);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = StripPunct(words[i]);
    bool schedule = EqualsIgnoreCase(w, "schedule") || EqualsIgnoreCase(w, "schedules");
    if (!schedule && !EqualsIgnoreCase(w, "form") && !EqualsIgnoreCase(w, "forms")) continue;
    size_t j = i + 1;
    size_t found = 0;
    while (j < words.size()) {
      std::string_view t = StripPunct(words[j]);
      if (found > 0 && (EqualsIgnoreCase(t, "and") || t == "&" || EqualsIgnoreCase(t, "or") ||
                        EqualsIgnoreCase(t, "form") || EqualsIgnoreCase(t, "schedule"))) {
        ++j;
        continue;
      }
      if (!IsFormToken(t)) break;
      std::string form = schedule ? "schedule " : "";
      form += AsciiLower(t);
      if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
      ++found;
      ++j;
    }
    i = j > i + 1 ? j - 1 : i;
  }
  return forms;
}

std::string ConversationId(const Letter& letter) {
  std::string registrant;
  if (letter.cik && !letter.cik->empty()) {
    registrant = *letter.cik;
  } else if (!letter.file_numbers.empty()) {
    registrant = letter.file_numbers.front();
  } else if (letter.company) {
    registrant = Xapian::Unicode::tolower(*letter.company);
  } else {
    return "";
  }
  for (const std::string& r : letter.reviewed) {
    std::vector<std::string> forms = ReviewedForms(r);
    if (forms.empty()) continue;
    std::string period;
    size_t at = FindIgnoreCase(r, "ended");
    if (at == std::string::npos) at = FindIgnoreCase(r, "year");
    if (at != std::string::npos) period = FirstYear(r, at).value_or("");
    if (period.empty() && !letter.file_numbers.empty()) period = letter.file_numbers.front();
    std::string id = registrant + "/" + forms.front();
    if (!period.empty()) id += "/" + period;
    return AsciiLower(id);
  }
  return "";
}

std::string LetterDateValue(const Letter& letter) {
  const std::optional<std::string>& iso =
      letter.date ? letter.date : letter.document.submission.filed_date;
  if (!iso || iso->size() < 10) return "";
  std::string v = iso->substr(0, 4) + iso->substr(5, 2) + iso->substr(8, 2);
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  return v;
}

const std::string& ExtractorVersion() {
  static const std::string version = [] {
    std::string data;
    for (const char* name : {"catalog.xml", "lexicon.xml"}) {
      try {
        data += DataFile(name);
      } catch (const std::exception&) {
        data += "<missing>";
      }
      data += '\0';
    }
    return "secxref-1+data-" + ContentHash(data).substr(0, 16);
  }();
  return version;
}

DocumentBuilder::DocumentBuilder() {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

LetterDocuments DocumentBuilder::Build(const CitedLetter& cited, std::string_view key,
                                       std::string_view source_id) {
  const Letter& letter = cited.letter;
  const Document& source = letter.document;
  const std::string& text = source.text;
  const auto size = static_cast<uint32_t>(text.size());
  auto clamp = [size](uint32_t v) { return std::min(v, size); };

  // Drafts: the outside document first, then one per comment in text order.
  std::vector<Draft> drafts(1);
  drafts[0].tag = schema::kOutsideTag;
  std::map<int, int> seen_numbers;
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  for (const Comment& c : letter.comments) {
    Draft d;
    int k = ++seen_numbers[c.number];
    d.tag = std::to_string(c.number);
    if (k > 1) d.tag += "." + std::to_string(k);
    d.number = c.number;
    d.comment = &c;
    uint32_t start = clamp(c.start), end = std::max(start, clamp(c.end));
    d.pieces.push_back({start, end, 0});
    d.text = text.substr(start, end - start);
    covered.emplace_back(start, end);
    drafts.push_back(std::move(d));
  }
  // The outside text: everything no comment covers, pieces joined by a blank line.
  std::sort(covered.begin(), covered.end());
  {
    Draft& out = drafts[0];
    uint32_t pos = 0;
    auto add_piece = [&](uint32_t a, uint32_t b) {
      if (b <= a) return;
      if (!out.text.empty()) out.text += "\n\n";
      out.pieces.push_back({a, b, static_cast<uint32_t>(out.text.size())});
      out.text.append(text, a, b - a);
    };
    for (const auto& [a, b] : covered) {
      add_piece(pos, a);
      pos = std::max(pos, b);
    }
    add_piece(pos, size);
  }
  // The draft an offset belongs to: the first comment whose span holds it, else outside.
  auto draft_at = [&](uint32_t offset) -> Draft& {
    for (size_t i = 1; i < drafts.size(); ++i) {
      const Piece& p = drafts[i].pieces.front();
      if (offset >= p.start && offset < p.end) return drafts[i];
    }
    return drafts[0];
  };
  for (const CitedCitation& cc : cited.citations) {
    if (cc.citation.id.empty()) continue;
    draft_at(cc.citation.start).citations.push_back(&cc);
  }
  for (const PriorRef& r : letter.prior_refs) draft_at(r.start).prior_refs.push_back(&r);

  // What every document of the letter shares.
  const std::string date = LetterDateValue(letter);
  const std::string conversation = ConversationId(letter);
  const char* kind = LetterKindName(letter.kind);
  std::optional<std::string> accession = letter.accession ? letter.accession : source.submission.accession;
  std::optional<std::string> cik = letter.cik ? letter.cik : source.submission.cik;
  std::optional<std::string> company = letter.company ? letter.company : source.submission.company;
  std::vector<std::string> forms;
  for (const std::string& r : letter.reviewed)
    for (std::string& f : ReviewedForms(r))
      if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(std::move(f));

  Json letter_json;
  letter_json["key"] = key;
  letter_json["source"] = source.source;
  letter_json["member"] = OrNull(source.member);
  letter_json["format"] = source.format;
  letter_json["accession"] = OrNull(accession);
  letter_json["cik"] = OrNull(cik);
  letter_json["kind"] = kind;
  letter_json["date"] = OrNull(letter.date ? letter.date : source.submission.filed_date);
  letter_json["company"] = OrNull(company);
  letter_json["addressee"] = OrNull(letter.addressee);
  letter_json["reviewed"] = letter.reviewed;
  letter_json["forms"] = forms;
  letter_json["file_numbers"] = letter.file_numbers;
  letter_json["conversation"] = conversation.empty() ? Json(nullptr) : Json(conversation);
  letter_json["docs"] = drafts.size();
  letter_json["comments"] = letter.comments.size();

  LetterDocuments result;
  result.key = std::string(key);
  result.comments = letter.comments.size();
  for (Draft& d : drafts) {
    Xapian::Document doc;
    std::string uid = schema::UidTerm(key, d.tag);
    doc.add_boolean_term(uid);
    doc.add_boolean_term(schema::LetterTerm(key));
    doc.add_boolean_term(schema::Term(schema::kSource, source_id));
    doc.add_boolean_term(schema::Term(schema::kKind, kind));
    if (cik) doc.add_boolean_term(schema::Term(schema::kCik, *cik));
    if (accession) doc.add_boolean_term(schema::Term(schema::kAccession, *accession));
    for (const std::string& f : forms) doc.add_boolean_term(schema::Term(schema::kForm, f));
    for (const std::string& f : letter.file_numbers)
      doc.add_boolean_term(schema::Term(schema::kFileNumber, f));
    if (date.size() == 8) {
      doc.add_boolean_term(schema::Term(schema::kYear, date.substr(0, 4)));
      doc.add_boolean_term(schema::Term(schema::kMonth, date.substr(0, 6)));
    }
    if (!conversation.empty()) doc.add_boolean_term(schema::Term(schema::kConversation, conversation));
    const bool restated = letter.kind == LetterKind::kResponse && d.comment &&
                          d.comment->response_start > d.comment->start;
    if (restated) doc.add_boolean_term(schema::Term(schema::kRestatement, "1"));
    const std::string year = date.size() == 8 ? date.substr(0, 4) : std::string();
    for (const CitedCitation* cc : d.citations) AddCitationTerms(cc->citation, year, &doc);

    // Free text: the body (positional, stemmed), then headings and company as fields.
    generator_.set_document(doc);
    generator_.index_text(d.text);
    if (d.comment) {
      for (const std::string& h : d.comment->headings) {
        generator_.increase_termpos(kFieldGap);
        generator_.index_text(h, 1, schema::kHeadingWord);
        generator_.increase_termpos(kFieldGap);
        generator_.index_text(h);
      }
    }
    if (company) {
      generator_.increase_termpos(kFieldGap);
      generator_.index_text(*company, 1, schema::kCompanyWord);
    }

    doc.add_value(schema::kDateSlot, date);
    doc.add_value(schema::kLetterSlot, std::string(key));
    doc.add_value(schema::kCommentSlot, Xapian::sortable_serialise(d.number ? *d.number : -1));
    doc.add_value(schema::kDepthSlot, Xapian::sortable_serialise(static_cast<double>(d.citations.size())));
    if (!conversation.empty()) doc.add_value(schema::kConversationSlot, conversation);
    doc.add_value(schema::kKindSlot, kind);

    Json data;
    data["letter"] = letter_json;
    data["comment"] = OrNull(d.number);
    data["tag"] = d.tag;
    data["headings"] = d.comment ? Json(d.comment->headings) : Json::array();
    data["text"] = d.text;
    if (restated)
      data["response_start"] = MapOffset(d.pieces, clamp(d.comment->response_start));
    auto& citations = data["citations"] = Json::array();
    for (const CitedCitation* cc : d.citations) {
      const Citation& c = cc->citation;
      uint32_t s = MapOffset(d.pieces, clamp(c.start));
      uint32_t e = std::max(s, MapOffset(d.pieces, clamp(c.end)));
      Json o;
      o["id"] = c.id;
      o["family"] = FamilyName(c.family);
      o["text"] = text.substr(clamp(c.start), clamp(c.end) - std::min(clamp(c.start), clamp(c.end)));
      o["start"] = s;
      o["end"] = e;
      o["how"] = HowName(c.how);
      o["known"] = c.known;
      if (!c.aliases.empty()) o["aliases"] = c.aliases;
      citations.push_back(std::move(o));
    }
    auto& refs = data["prior_refs"] = Json::array();
    for (const PriorRef* r : d.prior_refs) {
      Json o;
      o["refers_to"] = r->refers_to;
      o["comments"] = r->comments;
      o["letter_date"] = OrNull(r->letter_date);
      o["start"] = MapOffset(d.pieces, clamp(r->start));
      o["end"] = MapOffset(d.pieces, clamp(r->end));
      refs.push_back(std::move(o));
    }
    std::string blob = data.dump(-1, ' ', false, Json::error_handler_t::replace);
    result.bytes += blob.size() + d.text.size();
    // A Document holds each distinct term with its positions in a std::map: about eight
    // times the text it came from (measured on letters), plus the data.
    result.memory += blob.size() + 8 * d.text.size() + 1024;
    result.citations += d.citations.size();
    doc.set_data(std::move(blob));
    result.docs.emplace_back(std::move(uid), std::move(doc));
  }
  // What threading needs of the letter (conversation_store.h); the writer threads it.
  AddLetterSummary(cited, key, &result.docs.front().second);
  // Drop the generator's handle on the last document: Xapian's reference counts are not
  // atomic, and the documents are about to be handed to the writer thread.
  generator_.set_document(Xapian::Document());
  return result;
}

}  // namespace secxref
