#include "indexer/index/conversation_store.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/base/hash.h"
#include "indexer/converse/conversation.h"
#include "indexer/index/schema.h"

namespace secxref {
namespace {

using Json = nlohmann::ordered_json;
using converse::LetterSummary;

LetterKind KindFromName(const std::string& name) {
  if (name == "staff") return LetterKind::kStaff;
  if (name == "response") return LetterKind::kResponse;
  return LetterKind::kUnknown;
}

converse::RefRole RoleFromName(const std::string& name) {
  if (name == "staff") return converse::RefRole::kStaff;
  if (name == "response") return converse::RefRole::kResponse;
  return converse::RefRole::kAny;
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// A letter as a link target.
Json LetterLink(const LetterSummary& s) {
  Json o;
  o["key"] = s.key;
  o["accession"] = OrNull(s.accession);
  o["date"] = OrNull(s.date);
  o["kind"] = LetterKindName(s.kind);
  return o;
}

Json CommentLink(const std::vector<LetterSummary>& in, const converse::CommentRef& r) {
  Json o = LetterLink(in[r.letter]);
  o["comment"] = in[r.letter].comments[r.comment].number;
  o["tag"] = in[r.letter].comments[r.comment].tag;
  return o;
}

// What threading sets on one document of a letter.
struct DocFields {
  std::string tag;  // schema::kOutsideTag or the comment's tag
  Json thread;
  std::vector<std::string> restated_only;  // XRC values
  std::string digest;
};

struct LetterFields {
  std::string conversation;
  std::vector<DocFields> docs;  // the outside document first, then the comments
  std::string digest;           // of all of them
};

std::string Digest(const std::string& conversation, const DocFields& d) {
  std::string all = conversation;
  all += '\n';
  all += d.thread.dump();
  for (const std::string& v : d.restated_only) all += '\n' + v;
  return ContentHash(all).substr(0, 16);
}

LetterFields FieldsFor(const converse::Threading& t, const std::vector<LetterSummary>& in,
                       size_t i) {
  const LetterSummary& s = in[i];
  const converse::ThreadedLetter& tl = t.letters[i];
  const converse::Conversation& conv = t.conversations[tl.conversation];
  LetterFields f;
  f.conversation = conv.id;

  // "prior comment N" links, by the tag of the comment they sit in.
  std::map<std::string, Json> prior;
  for (const converse::ResolvedPrior& p : tl.prior) {
    const converse::PriorRefSummary& ref = s.prior_refs[p.ref];
    Json o;
    o["refers_to"] = ref.refers_to;
    o["number"] = p.number ? Json(*p.number) : Json(nullptr);
    o["how"] = converse::PriorHowName(p.how);
    o["letter"] = p.letter ? LetterLink(in[*p.letter]) : Json(nullptr);
    o["tag"] = p.comment ? Json(in[*p.letter].comments[*p.comment].tag) : Json(nullptr);
    o["restated"] = ref.in_restatement;
    Json& list = prior[ref.tag];
    if (list.is_null()) list = Json::array();
    list.push_back(std::move(o));
  }
  auto prior_of = [&](const std::string& tag) {
    auto it = prior.find(tag);
    return it == prior.end() ? Json::array() : it->second;
  };

  DocFields outside;
  outside.tag = schema::kOutsideTag;
  Json& o = outside.thread;
  o["conversation"] = conv.id;
  o["closes"] = s.closes;
  o["initiated"] = s.initiated;
  o["office"] = OrNull(s.office);
  o["answers"] = tl.answers ? LetterLink(in[*tl.answers]) : Json(nullptr);
  o["prior"] = prior_of("");
  f.docs.push_back(std::move(outside));

  for (size_t k = 0; k < s.comments.size(); ++k) {
    const converse::ThreadedComment& tc = tl.comments[k];
    DocFields d;
    d.tag = s.comments[k].tag;
    Json& j = d.thread;
    j["conversation"] = conv.id;
    if (tc.answers) j["answers"] = CommentLink(in, *tc.answers);
    j["restatement"] = tc.restatement;
    j["prior"] = prior_of(d.tag);
    if (tc.restatement) d.restated_only = s.comments[k].restated_only;
    f.docs.push_back(std::move(d));
  }
  std::string all;
  for (DocFields& d : f.docs) {
    d.digest = Digest(f.conversation, d);
    all += d.digest;
  }
  f.digest = ContentHash(all).substr(0, 16);
  return f;
}

// The outside document's kThreadDigestSlot: the letter's digest (all its documents), then its
// own: a letter whose digest is unchanged needs no look at its comments, and an outside
// document whose own fields are unchanged needs no rewrite of its terms.
std::string OutsideDigest(const LetterFields& f) { return f.digest + f.docs.front().digest; }

// The end of the JSON string or null that starts at data[pos], or npos.
size_t ValueEnd(const std::string& data, size_t pos) {
  if (data.compare(pos, 4, "null") == 0) return pos + 4;
  if (pos >= data.size() || data[pos] != '"') return std::string::npos;
  for (size_t i = pos + 1; i < data.size(); ++i) {
    if (data[i] == '\\') {
      ++i;
    } else if (data[i] == '"') {
      return i + 1;
    }
  }
  return std::string::npos;
}

// Sets "letter.conversation" and "thread" in a document's data without parsing it again:
// the builder writes the "letter" object first (a quote inside a string value is escaped, so
// the first `"conversation":` is its member), and "thread" is always the data's last member.
bool SpliceThread(std::string* data, const std::string& conversation, const std::string& thread) {
  static const std::string kConversationKey = "\"conversation\":";
  static const std::string kThreadKey = ",\"thread\":";
  size_t c = data->find(kConversationKey);
  if (c == std::string::npos || data->empty() || data->back() != '}') return false;
  size_t value = c + kConversationKey.size();
  size_t end = ValueEnd(*data, value);
  if (end == std::string::npos) return false;
  size_t t = data->rfind(kThreadKey);
  size_t rest_end = t != std::string::npos && t > end ? t : data->size() - 1;
  std::string out;
  out.reserve(data->size() + thread.size() + 64);
  out.append(*data, 0, value);
  out += Json(conversation).dump();
  out.append(*data, end, rest_end - end);
  out += kThreadKey;
  out += thread;
  out += '}';
  *data = std::move(out);
  return true;
}

// Sets one document's conversation fields; `digest` goes to kThreadDigestSlot (the letter's
// digest on its outside document, the document's own on a comment). Terms already right are
// left alone, so a stored document whose terms do not change is not re-inverted.
void Apply(const std::string& conversation, const DocFields& d, const std::string& digest,
           Xapian::Document* doc) {
  std::set<std::string> want{schema::Term(schema::kConversation, conversation)};
  for (const std::string& v : d.restated_only) want.insert(schema::Term(schema::kRestatedCite, v));
  std::vector<std::string> stale;
  for (std::string_view prefix :
       {std::string_view(schema::kConversation), std::string_view(schema::kRestatedCite)}) {
    Xapian::TermIterator t = doc->termlist_begin();
    t.skip_to(std::string(prefix));
    for (; t != doc->termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, prefix.size(), prefix) != 0) break;
      if (!want.erase(term)) stale.push_back(term);
    }
  }
  for (const std::string& term : stale) doc->remove_term(term);
  for (const std::string& term : want) doc->add_boolean_term(term);
  doc->add_value(schema::kConversationSlot, conversation);
  doc->add_value(schema::kThreadDigestSlot, digest);
  std::string data = doc->get_data();
  const std::string thread = d.thread.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (SpliceThread(&data, conversation, thread)) {
    doc->set_data(std::move(data));
    return;
  }
  Json parsed = Json::parse(data, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return;  // not ours: leave the data alone
  if (parsed.contains("letter") && parsed["letter"].is_object())
    parsed["letter"]["conversation"] = conversation;
  parsed["thread"] = d.thread;
  doc->set_data(parsed.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::optional<Xapian::docid> DocidOf(Xapian::WritableDatabase& db, const std::string& term) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return *it;
}

}  // namespace

std::string EncodeSummary(const LetterSummary& s) {
  Json o;
  o["key"] = s.key;
  o["accession"] = s.accession;
  o["kind"] = LetterKindName(s.kind);
  o["date"] = s.date;
  o["registrant"] = s.registrant;
  o["company"] = s.company;
  o["cik"] = s.cik;
  o["subject"] = s.subject;
  o["reviewed"] = s.reviewed;
  o["filings"] = s.filings;
  Json refs = Json::array();
  for (const converse::LetterRef& r : s.refs)
    refs.push_back({r.date, converse::RefRoleName(r.role)});
  o["refs"] = std::move(refs);
  o["prior_default_date"] = s.prior_default_date;
  Json comments = Json::array();
  for (const converse::CommentSummary& c : s.comments) {
    Json j;
    j["number"] = c.number;
    j["tag"] = c.tag;
    j["restates"] = c.restates;
    j["citations"] = c.citations;
    j["restated_citations"] = c.restated_citations;
    j["restated_only"] = c.restated_only;
    comments.push_back(std::move(j));
  }
  o["comments"] = std::move(comments);
  Json prior = Json::array();
  for (const converse::PriorRefSummary& p : s.prior_refs) {
    Json j;
    j["tag"] = p.tag;
    j["refers_to"] = p.refers_to;
    j["comments"] = p.comments;
    j["letter_date"] = p.letter_date;
    j["restated"] = p.in_restatement;
    prior.push_back(std::move(j));
  }
  o["prior_refs"] = std::move(prior);
  o["outside_citations"] = s.outside_citations;
  o["closes"] = s.closes;
  o["follow_up"] = s.follow_up;
  o["initiated"] = s.initiated;
  o["office"] = s.office;
  return o.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<LetterSummary> DecodeSummary(const std::string& value) {
  if (value.empty()) return std::nullopt;
  Json o = Json::parse(value, nullptr, false);
  if (o.is_discarded() || !o.is_object()) return std::nullopt;
  try {
    LetterSummary s;
    s.key = o.at("key").get<std::string>();
    s.accession = o.value("accession", "");
    s.kind = KindFromName(o.value("kind", ""));
    s.date = o.value("date", "");
    s.registrant = o.at("registrant").get<std::string>();
    s.company = o.value("company", "");
    s.cik = o.value("cik", "");
    s.subject = o.value("subject", "");
    s.reviewed = o.value("reviewed", "");
    s.filings = o.value("filings", std::vector<std::string>{});
    for (const Json& r : o.value("refs", Json::array()))
      s.refs.push_back({r.at(0).get<std::string>(), RoleFromName(r.at(1).get<std::string>())});
    s.prior_default_date = o.value("prior_default_date", "");
    for (const Json& j : o.value("comments", Json::array())) {
      converse::CommentSummary c;
      c.number = j.value("number", 0);
      c.tag = j.value("tag", std::to_string(c.number));
      c.restates = j.value("restates", false);
      c.citations = j.value("citations", 0u);
      c.restated_citations = j.value("restated_citations", 0u);
      c.restated_only = j.value("restated_only", std::vector<std::string>{});
      s.comments.push_back(std::move(c));
    }
    for (const Json& j : o.value("prior_refs", Json::array())) {
      converse::PriorRefSummary p;
      p.tag = j.value("tag", "");
      p.refers_to = j.value("refers_to", "");
      p.comments = j.value("comments", std::vector<int>{});
      p.letter_date = j.value("letter_date", "");
      p.in_restatement = j.value("restated", false);
      s.prior_refs.push_back(std::move(p));
    }
    s.outside_citations = o.value("outside_citations", 0u);
    s.closes = o.value("closes", false);
    s.follow_up = o.value("follow_up", false);
    s.initiated = o.value("initiated", false);
    s.office = o.value("office", "");
    return s;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

void AddLetterSummary(const CitedLetter& cited, std::string_view key, Xapian::Document* outside) {
  LetterSummary s = converse::Summarize(cited, key, ConversationId(cited.letter));
  outside->add_boolean_term(schema::Term(schema::kRegistrant, s.registrant));
  outside->add_value(schema::kSummarySlot, EncodeSummary(s));
}

const LetterSummary* ConversationStore::Decoded(const std::string& value) {
  auto it = decoded_.find(value);
  if (it != decoded_.end()) return &it->second;
  std::optional<LetterSummary> s = DecodeSummary(value);
  if (!s) return nullptr;
  if (decoded_.size() >= kDecodedCache) decoded_.clear();
  return &decoded_.emplace(value, std::move(*s)).first->second;
}

struct ConversationStore::Pending {
  LetterDocuments* letter;
  LetterSummary summary;
};

void ConversationStore::Prepare(std::vector<LetterDocuments>* letters) {
  std::map<std::string, std::vector<Pending>> by_registrant;
  for (LetterDocuments& l : *letters) {
    if (l.docs.empty()) continue;
    std::optional<LetterSummary> s =
        DecodeSummary(l.docs.front().second.get_value(schema::kSummarySlot));
    if (!s) continue;
    // A letter whose registrant changed (re-read with a CIK it lacked) leaves a conversation.
    if (std::optional<Xapian::docid> id =
            DocidOf(*db_, schema::UidTerm(l.key, schema::kOutsideTag))) {
      std::optional<LetterSummary> old =
          DecodeSummary(db_->get_document(*id).get_value(schema::kSummarySlot));
      if (old && old->registrant != s->registrant) dirty_.insert(old->registrant);
    }
    std::string registrant = s->registrant;
    by_registrant[registrant].push_back(Pending{&l, std::move(*s)});
  }
  for (auto& [registrant, pending] : by_registrant) Rethread(registrant, &pending);
}

void ConversationStore::Forget(const std::string& key) {
  std::optional<Xapian::docid> id = DocidOf(*db_, schema::UidTerm(key, schema::kOutsideTag));
  if (!id) return;
  std::optional<LetterSummary> s =
      DecodeSummary(db_->get_document(*id).get_value(schema::kSummarySlot));
  if (s) dirty_.insert(s->registrant);
}

void ConversationStore::Finish() {
  std::set<std::string> dirty;
  dirty.swap(dirty_);
  std::vector<Pending> none;
  for (const std::string& registrant : dirty) Rethread(registrant, &none);
}

size_t ConversationStore::RethreadAll() {
  std::set<std::string> registrants;
  const std::string prefix = schema::kRegistrant;
  for (auto t = db_->allterms_begin(prefix); t != db_->allterms_end(prefix); ++t) {
    Xapian::PostingIterator p = db_->postlist_begin(*t);
    if (p == db_->postlist_end(*t)) continue;
    std::optional<LetterSummary> s =
        DecodeSummary(db_->get_document(*p).get_value(schema::kSummarySlot));
    if (s) registrants.insert(s->registrant);
  }
  std::vector<Pending> none;
  for (const std::string& r : registrants) Rethread(r, &none);
  return registrants.size();
}

void ConversationStore::Rethread(const std::string& registrant, std::vector<Pending>* pending) {
  std::set<std::string> replaced;
  for (const Pending& p : *pending) replaced.insert(p.summary.key);
  // The registrant's letters in the index (but those being replaced), then the new ones.
  std::vector<LetterSummary> in;
  std::vector<std::string> stored_digest;  // "" for a pending letter
  std::vector<Pending*> fresh;             // parallel: the pending letter, or null
  const std::string term = schema::Term(schema::kRegistrant, registrant);
  for (auto it = db_->postlist_begin(term); it != db_->postlist_end(term); ++it) {
    Xapian::Document doc = db_->get_document(*it);
    const LetterSummary* s = Decoded(doc.get_value(schema::kSummarySlot));
    if (!s || replaced.count(s->key)) continue;
    in.push_back(*s);
    stored_digest.push_back(doc.get_value(schema::kThreadDigestSlot));
    fresh.push_back(nullptr);
  }
  for (Pending& p : *pending) {
    in.push_back(p.summary);
    stored_digest.emplace_back();
    fresh.push_back(&p);
  }
  if (in.empty()) return;
  const converse::Threading threading = converse::Thread(in);
  for (size_t i = 0; i < in.size(); ++i) {
    LetterFields f = FieldsFor(threading, in, i);
    if (fresh[i]) {
      for (auto& [uid, doc] : fresh[i]->letter->docs) {
        for (const DocFields& d : f.docs) {
          if (schema::UidTerm(in[i].key, d.tag) != uid) continue;
          Apply(f.conversation, d, d.tag == schema::kOutsideTag ? OutsideDigest(f) : d.digest,
                &doc);
          break;
        }
      }
      continue;
    }
    if (stored_digest[i] == OutsideDigest(f)) continue;
    for (const DocFields& d : f.docs) {
      std::optional<Xapian::docid> id = DocidOf(*db_, schema::UidTerm(in[i].key, d.tag));
      if (!id) continue;
      Xapian::Document doc = db_->get_document(*id);
      const bool outside = d.tag == schema::kOutsideTag;
      const std::string stored = doc.get_value(schema::kThreadDigestSlot);
      if (!outside && stored == d.digest) continue;
      if (outside && stored.size() == 32 && stored.compare(16, 16, d.digest) == 0) {
        // Its own fields are as they were: only the letter's digest moves (values only, so
        // Xapian leaves terms and positions alone).
        doc.add_value(schema::kThreadDigestSlot, OutsideDigest(f));
      } else {
        Apply(f.conversation, d, outside ? OutsideDigest(f) : d.digest, &doc);
        ++rewritten_;
      }
      db_->replace_document(*id, doc);
    }
  }
}

}  // namespace secxref
