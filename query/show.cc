#include "query/show.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "indexer/index/letter_document.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/schema.h"
#include "query/database.h"
#include "query/snippet.h"

namespace secxref::query {
namespace {

bool LooksLikeAccession(const std::string& s, std::string* dashed) {
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != '-') return false;
  }
  if (digits.size() != 18) return false;
  *dashed = digits.substr(0, 10) + "-" + digits.substr(10, 2) + "-" + digits.substr(12);
  return true;
}

bool CommentBefore(const StoredComment& a, const StoredComment& b) {
  if (a.number.has_value() != b.number.has_value()) return !a.number.has_value();
  if (a.number != b.number) return *a.number < *b.number;
  return a.tag < b.tag;
}

std::vector<std::string> Ids(const StoredComment& c) {
  std::vector<std::string> ids;
  for (const Mention& m : c.citations)
    if (std::find(ids.begin(), ids.end(), m.id) == ids.end()) ids.push_back(m.id);
  return ids;
}

OrderedJson CommentJson(const StoredComment& c) {
  OrderedJson o;
  o["comment"] = c.number ? OrderedJson(*c.number) : OrderedJson(nullptr);
  o["tag"] = c.tag;
  o["headings"] = c.headings;
  o["text"] = c.text;
  OrderedJson cites = OrderedJson::array();
  for (const Mention& m : c.citations) cites.push_back(MentionJson(m, true));
  o["citations"] = std::move(cites);
  if (c.response_start) o["response_start"] = *c.response_start;
  return o;
}

std::string Dump(const OrderedJson& j, int indent = -1) {
  return j.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace

ShowTarget ParseShowTarget(const std::string& text) {
  ShowTarget t;
  size_t hash = text.rfind('#');
  t.letter = text.substr(0, hash);
  if (hash != std::string::npos) {
    t.tag = text.substr(hash + 1);
    if (t.tag->empty()) throw UsageError("'" + text + "': a comment number follows '#' (e.g. " + t.letter + "#2)");
  }
  if (t.letter.empty()) throw UsageError("no letter given: show ACCESSION[#COMMENT]");
  return t;
}

Xapian::Query ShowQuery(const ShowTarget& target) {
  std::string accession;
  if (LooksLikeAccession(target.letter, &accession))
    return Xapian::Query(schema::Term(schema::kAccession, accession));
  struct stat st;
  if (::stat(target.letter.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    return Xapian::Query(schema::Term(schema::kSource, SourceId(AbsolutePath(target.letter))));
  return Xapian::Query(schema::LetterTerm(target.letter));
}

std::vector<ShownLetter> FindLetters(const Xapian::Database& db, const ShowTarget& target) {
  Xapian::Enquire e(db);
  e.set_query(ShowQuery(target));
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet m = e.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::map<std::string, ShownLetter> by_key;
  std::vector<std::string> order;
  bool any = false;
  for (auto it = m.begin(); it != m.end(); ++it) {
    StoredComment c = DecodeComment(it.get_document().get_data());
    any = true;
    if (target.tag && c.tag != *target.tag) continue;
    auto [slot, fresh] = by_key.try_emplace(c.letter.key);
    if (fresh) {
      slot->second.letter = c.letter;
      order.push_back(c.letter.key);
    }
    slot->second.comments.push_back(std::move(c));
  }
  if (!any) throw UsageError("no letter '" + target.letter + "' in the index (give an accession number, a letter "
                             "key as printed by cites/search, or the path of an indexed file)");
  if (order.empty()) throw UsageError("letter '" + target.letter + "' has no comment " + *target.tag);
  std::vector<ShownLetter> out;
  for (const std::string& k : order) {
    ShownLetter& s = by_key[k];
    std::sort(s.comments.begin(), s.comments.end(), CommentBefore);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const ShownLetter& a, const ShownLetter& b) {
    return a.letter.date.value_or("") > b.letter.date.value_or("") ||
           (a.letter.date == b.letter.date && a.letter.key < b.letter.key);
  });
  return out;
}

void PrintShown(const std::vector<ShownLetter>& letters, bool full, Format format, const Style& style,
                std::ostream& out) {
  switch (format) {
    case Format::kJson: {
      OrderedJson all = OrderedJson::array();
      for (const ShownLetter& s : letters) {
        OrderedJson o = LetterJson(s.letter);
        OrderedJson cs = OrderedJson::array();
        for (const StoredComment& c : s.comments) cs.push_back(CommentJson(c));
        o["comments"] = std::move(cs);
        all.push_back(std::move(o));
      }
      out << Dump(all, 2) << "\n";
      return;
    }
    case Format::kJsonl:
      for (const ShownLetter& s : letters) {
        for (const StoredComment& c : s.comments) {
          OrderedJson o = LetterJson(s.letter);
          OrderedJson fields = CommentJson(c);
          for (auto& [k, v] : fields.items()) o[k] = v;
          out << Dump(o) << "\n";
        }
      }
      return;
    case Format::kCsv:
      out << CsvLine({"date", "accession", "company", "kind", "comment", "headings", "citations", "text", "letter",
                      "source"});
      for (const ShownLetter& s : letters)
        for (const StoredComment& c : s.comments)
          out << CsvLine({s.letter.date.value_or(""), s.letter.accession.value_or(""), s.letter.company.value_or(""),
                          s.letter.kind, c.number ? c.tag : "", Join(c.headings, " > "), Join(Ids(c), "; "), c.text,
                          s.letter.key, s.letter.source});
      return;
    case Format::kTable:
      break;
  }
  bool first = true;
  for (const ShownLetter& s : letters) {
    if (!first) out << "\n" << std::string(std::min<size_t>(style.width, 80), '-') << "\n";
    first = false;
    const LetterInfo& l = s.letter;
    out << style.Bold(l.company.value_or("(company unknown)")) << "  " << l.kind << " letter, "
        << l.date.value_or("undated") << "\n";
    std::vector<std::string> facts;
    if (l.accession) facts.push_back("accession " + *l.accession);
    if (l.cik) facts.push_back("CIK " + *l.cik);
    for (const std::string& f : l.file_numbers) facts.push_back("File No. " + f);
    if (!facts.empty()) out << Join(facts, "  ") << "\n";
    for (const std::string& r : l.reviewed) out << "Re: " << r << "\n";
    out << style.Dim("source: " + l.source + (l.member ? " [" + *l.member + "]" : "")) << "\n";
    out << style.Dim("letter: " + l.key) << "\n";
    for (const StoredComment& c : s.comments) {
      if (!c.number && !full && c.citations.empty()) continue;
      out << "\n";
      std::string label = c.number ? style.Accent(c.tag + ".") : style.Accent("(outside numbered comments)");
      if (!c.headings.empty()) label += "  " + style.Bold(Join(c.headings, " > "));
      out << label << "\n";
      std::vector<Highlight> spans;
      for (const Mention& m : c.citations) spans.emplace_back(m.start, m.end);
      std::sort(spans.begin(), spans.end());
      std::vector<Highlight> merged;
      for (const Highlight& h : spans) {
        if (!merged.empty() && h.first < merged.back().second) merged.back().second = std::max(merged.back().second, h.second);
        else merged.push_back(h);
      }
      if (!c.number && !full) {
        // The text outside numbered comments is mostly address and boilerplate: only the
        // passages around its citations (--full prints all of it).
        for (const Highlight& h : merged) {
          Snippet s = CutSnippet(c.text, {h});
          out << WrapMarked(s.text, s.highlights, style, 3, style.width);
        }
      } else {
        out << WrapMarked(c.text, merged, style, 3, style.width, true);
      }
      if (!c.citations.empty()) out << "   " << style.Dim("cites: ") << style.Accent(Join(Ids(c), ", ")) << "\n";
    }
  }
}

}  // namespace secxref::query
