#include "query/conversations.h"

#include <algorithm>
#include <map>

#include "indexer/converse/conversation.h"
#include "indexer/index/conversation_store.h"
#include "indexer/index/schema.h"
#include "query/database.h"
#include "query/show.h"

namespace secxref::query {
namespace {

using Json = nlohmann::json;

template <typename T>
OrderedJson OrNull(const std::optional<T>& v) {
  return v ? OrderedJson(*v) : OrderedJson(nullptr);
}

ThreadLink DecodeLink(const Json& j) {
  ThreadLink l;
  l.key = OptString(j, "key").value_or("");
  l.accession = OptString(j, "accession");
  l.date = OptString(j, "date");
  l.kind = OptString(j, "kind").value_or("");
  if (auto it = j.find("comment"); it != j.end() && it->is_number_integer())
    l.comment = it->get<int>();
  l.tag = OptString(j, "tag").value_or("");
  return l;
}

std::optional<ThreadLink> DecodeOptLink(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return std::nullopt;
  return DecodeLink(*it);
}

std::vector<ThreadPrior> DecodePrior(const Json& j) {
  std::vector<ThreadPrior> out;
  auto it = j.find("prior");
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& o : *it) {
    ThreadPrior p;
    p.refers_to = OptString(o, "refers_to").value_or("");
    if (auto n = o.find("number"); n != o.end() && n->is_number_integer()) p.number = n->get<int>();
    p.how = OptString(o, "how").value_or("none");
    p.letter = DecodeOptLink(o, "letter");
    p.tag = OptString(o, "tag").value_or("");
    p.restated = o.value("restated", false);
    out.push_back(std::move(p));
  }
  return out;
}

// Only the outside-comments documents (comment slot -1): one per letter.
Xapian::Query OutsideDocuments(const Xapian::Query& q) {
  Xapian::Query outside(Xapian::Query::OP_VALUE_LE, schema::kCommentSlot,
                        Xapian::sortable_serialise(-0.5));
  if (q.empty()) return outside;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, outside);
}

Xapian::MSet AllOf(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
  return e.get_mset(0, all, all);
}

// A registrant's letters threaded again from their stored summaries: what later letters
// change (the responses a comment got, the figures) is not stored, and the writer's
// converse::Thread over the same summaries gives the same answer.
struct RegistrantThreads {
  std::vector<converse::LetterSummary> in;
  converse::Threading threading;
  const converse::Conversation* Find(const std::string& id) const {
    for (const converse::Conversation& c : threading.conversations)
      if (c.id == id) return &c;
    return nullptr;
  }
};

RegistrantThreads LoadRegistrant(const Xapian::Database& db, const std::string& registrant) {
  RegistrantThreads r;
  const std::string term = schema::Term(schema::kRegistrant, registrant);
  std::set<std::string> keys;
  for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    std::optional<converse::LetterSummary> s =
        DecodeSummary(db.get_document(*p).get_value(schema::kSummarySlot));
    if (s && keys.insert(s->key).second) r.in.push_back(std::move(*s));
  }
  r.threading = converse::Thread(r.in);
  return r;
}

// The registrant of an indexed letter (from its outside document's summary).
std::optional<std::string> RegistrantOf(const Xapian::Database& db, const std::string& key) {
  const std::string uid = schema::UidTerm(key, schema::kOutsideTag);
  Xapian::PostingIterator p = db.postlist_begin(uid);
  if (p == db.postlist_end(uid)) return std::nullopt;
  std::optional<converse::LetterSummary> s =
      DecodeSummary(db.get_document(*p).get_value(schema::kSummarySlot));
  if (!s) return std::nullopt;
  return s->registrant;
}

// The registrant of a conversation: that of any of its letters.
std::optional<std::string> RegistrantOfConversation(const Xapian::Database& db,
                                                    const std::string& id) {
  const std::string term = schema::Term(schema::kConversation, id);
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return RegistrantOf(db, db.get_document(*p).get_value(schema::kLetterSlot));
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

ConversationFigures FiguresOf(const converse::Conversation& c) {
  const converse::Figures& f = c.figures;
  ConversationFigures o;
  o.id = c.id;
  o.registrant = c.registrant;
  o.company = NonEmpty(c.company);
  o.cik = NonEmpty(c.cik);
  o.subject = NonEmpty(c.subject);
  o.office = NonEmpty(f.office);
  o.letters = f.letters;
  o.staff_letters = f.staff_letters;
  o.responses = f.responses;
  o.rounds = f.rounds;
  o.first_date = NonEmpty(f.first_date);
  o.last_date = NonEmpty(f.last_date);
  o.closed_date = NonEmpty(f.closed_date);
  if (f.span_days >= 0) o.span_days = f.span_days;
  if (f.days_to_close >= 0) o.days_to_close = f.days_to_close;
  o.closed = f.closed;
  o.comments = f.comments;
  o.answered = f.answered;
  o.response_comments = f.response_comments;
  o.paired_responses = f.paired_responses;
  o.citations = f.citations;
  return o;
}

ThreadLink LinkTo(const converse::LetterSummary& s, std::optional<size_t> comment = std::nullopt) {
  ThreadLink l;
  l.key = s.key;
  l.accession = NonEmpty(s.accession);
  l.date = NonEmpty(s.date);
  l.kind = LetterKindName(s.kind);
  if (comment) {
    l.comment = s.comments[*comment].number;
    l.tag = s.comments[*comment].tag;
  }
  return l;
}

bool TagBefore(const ThreadComment& a, const ThreadComment& b) {
  if (a.stored.number != b.stored.number) return a.stored.number < b.stored.number;
  return a.stored.tag < b.stored.tag;
}

std::string Date(const std::optional<std::string>& d) { return d.value_or("undated"); }

std::string KindLabel(const std::string& kind) {
  if (kind == "staff") return "Staff letter";
  if (kind == "response") return "Response";
  return "Letter";
}

std::string LinkLabel(const ThreadLink& l) {
  std::string s = l.accession.value_or(l.key);
  if (l.comment) s += " #" + (l.tag.empty() ? std::to_string(*l.comment) : l.tag);
  if (l.date) s += " (" + *l.date + ")";
  return s;
}

OrderedJson LinkJson(const ThreadLink& l) {
  OrderedJson o;
  o["letter"] = l.key;
  o["accession"] = OrNull(l.accession);
  o["date"] = OrNull(l.date);
  o["kind"] = l.kind;
  if (l.comment) {
    o["comment"] = *l.comment;
    o["tag"] = l.tag;
  }
  return o;
}

OrderedJson PriorJson(const ThreadPrior& p) {
  OrderedJson o;
  o["refers_to"] = p.refers_to;
  o["number"] = OrNull(p.number);
  o["how"] = p.how;
  o["letter"] = p.letter ? LinkJson(*p.letter) : OrderedJson(nullptr);
  o["tag"] = p.tag.empty() ? OrderedJson(nullptr) : OrderedJson(p.tag);
  o["restated"] = p.restated;
  return o;
}

std::string PriorLabel(const ThreadPrior& p) {
  std::string s = "\"" + p.refers_to + "\" -> ";
  if (!p.letter) return s + "no letter found";
  s +=
      "the " + Date(p.letter->date) + " " + (p.letter->kind == "staff" ? "staff letter" : "letter");
  if (p.number)
    s += p.tag.empty() ? ", which has no comment " + std::to_string(*p.number)
                       : ", comment " + p.tag;
  s += " (by " + p.how + ")";
  return s;
}

// The answer part of a response comment (after the restated staff comment).
std::string AnswerText(const StoredComment& c) {
  if (!c.response_start || *c.response_start >= c.text.size()) return c.text;
  return c.text.substr(*c.response_start);
}

std::string DaysLabel(const std::optional<long>& d) {
  return d ? std::to_string(*d) + " days" : "? days";
}

std::string Num(uint64_t n) { return std::to_string(n); }

// "1 letter", "2 letters".
std::string Count(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::vector<std::string> CsvHeader() {
  return {"conversation", "registrant",    "cik",       "company",           "subject",
          "office",       "first_date",    "last_date", "span_days",         "closed",
          "closed_date",  "days_to_close", "rounds",    "letters",           "staff_letters",
          "responses",    "comments",      "answered",  "response_comments", "paired_responses",
          "citations"};
}

std::vector<std::string> CsvRow(const ConversationFigures& f) {
  auto opt = [](const std::optional<std::string>& s) { return s.value_or(""); };
  auto optl = [](const std::optional<long>& v) { return v ? std::to_string(*v) : std::string(); };
  return {f.id,
          f.registrant,
          opt(f.cik),
          opt(f.company),
          opt(f.subject),
          opt(f.office),
          opt(f.first_date),
          opt(f.last_date),
          optl(f.span_days),
          f.closed ? "true" : "false",
          opt(f.closed_date),
          optl(f.days_to_close),
          std::to_string(f.rounds),
          Num(f.letters),
          Num(f.staff_letters),
          Num(f.responses),
          Num(f.comments),
          Num(f.answered),
          Num(f.response_comments),
          Num(f.paired_responses),
          Num(f.citations)};
}

std::string FiguresLine(const ConversationFigures& f) {
  std::string s = Count(f.letters, "letter", "letters") + ", " + std::to_string(f.rounds) +
                  (f.rounds == 1 ? " round, " : " rounds, ") + Date(f.first_date) + " to " +
                  Date(f.last_date) + " (" + DaysLabel(f.span_days) + "), ";
  s += f.closed ? "closed " + Date(f.closed_date) + " after " + DaysLabel(f.days_to_close)
                : std::string("open");
  return s;
}

}  // namespace

OrderedJson FiguresJson(const ConversationFigures& f) {
  OrderedJson o;
  o["conversation"] = f.id;
  o["registrant"] = f.registrant;
  o["cik"] = OrNull(f.cik);
  o["company"] = OrNull(f.company);
  o["subject"] = OrNull(f.subject);
  o["office"] = OrNull(f.office);
  o["first_date"] = OrNull(f.first_date);
  o["last_date"] = OrNull(f.last_date);
  o["span_days"] = OrNull(f.span_days);
  o["closed"] = f.closed;
  o["closed_date"] = OrNull(f.closed_date);
  o["days_to_close"] = OrNull(f.days_to_close);
  o["rounds"] = f.rounds;
  o["letters"] = f.letters;
  o["staff_letters"] = f.staff_letters;
  o["responses"] = f.responses;
  o["comments"] = f.comments;
  o["answered"] = f.answered;
  o["response_comments"] = f.response_comments;
  o["paired_responses"] = f.paired_responses;
  o["citations"] = f.citations;
  return o;
}

std::string FindConversation(const Xapian::Database& db, const std::string& target) {
  // A conversation id itself.
  const std::string term = schema::Term(schema::kConversation, target);
  if (db.term_exists(term)) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    return db.get_document(*p).get_value(schema::kConversationSlot);
  }
  ShowTarget t = ParseShowTarget(target);
  Xapian::MSet m = AllOf(db, ShowQuery(t));
  if (m.empty()) throw UsageError("no indexed letter or conversation is '" + target + "'");
  for (auto it = m.begin(); it != m.end(); ++it) {
    std::string id = it.get_document().get_value(schema::kConversationSlot);
    if (!id.empty()) return id;
  }
  throw UsageError(
      "'" + target +
      "' has no conversation: the index predates conversations (run secxref-index reindex)");
}

std::optional<ConversationFigures> LoadFigures(const Xapian::Database& db, const std::string& id) {
  std::optional<std::string> registrant = RegistrantOfConversation(db, id);
  if (!registrant) return std::nullopt;
  RegistrantThreads r = LoadRegistrant(db, *registrant);
  const converse::Conversation* c = r.Find(id);
  if (!c) return std::nullopt;
  return FiguresOf(*c);
}

ConversationView LoadConversation(const Xapian::Database& db, const std::string& id) {
  Xapian::MSet m = AllOf(db, Xapian::Query(schema::Term(schema::kConversation, id)));
  if (m.empty()) throw UsageError("no conversation '" + id + "' in the index");
  ConversationView v;
  std::map<std::string, ThreadLetter> by_key;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::string data = it.get_document().get_data();
    StoredComment stored = DecodeComment(data);
    Json j = Json::parse(data, nullptr, false);
    const Json thread = j.is_object() && j.contains("thread") ? j["thread"] : Json::object();
    ThreadLetter& l = by_key[stored.letter.key];
    l.info = stored.letter;
    if (!stored.number) {
      l.closes = thread.value("closes", false);
      l.initiated = thread.value("initiated", false);
      l.office = OptString(thread, "office");
      l.answers = DecodeOptLink(thread, "answers");
      l.prior = DecodePrior(thread);
      continue;
    }
    ThreadComment c;
    c.stored = std::move(stored);
    c.answers = DecodeOptLink(thread, "answers");
    c.restatement = thread.value("restatement", false);
    c.prior = DecodePrior(thread);
    l.comments.push_back(std::move(c));
  }
  // Order and rounds, the responses each letter and comment got, and the figures: from the
  // registrant's letters threaded again (they depend on letters later than the one stored).
  std::optional<std::string> registrant =
      by_key.empty() ? std::nullopt : RegistrantOf(db, by_key.begin()->first);
  if (registrant) {
    RegistrantThreads r = LoadRegistrant(db, *registrant);
    if (const converse::Conversation* conv = r.Find(id)) {
      v.figures = FiguresOf(*conv);
      for (size_t i : conv->letters) {
        auto it = by_key.find(r.in[i].key);
        if (it == by_key.end()) continue;
        const converse::ThreadedLetter& t = r.threading.letters[i];
        it->second.position = static_cast<int>(t.position);
        it->second.round = t.round;
        for (size_t a : t.answered_by) it->second.answered_by.push_back(LinkTo(r.in[a]));
        for (size_t k = 0; k < t.comments.size(); ++k) {
          for (ThreadComment& c : it->second.comments) {
            if (c.stored.tag != r.in[i].comments[k].tag) continue;
            for (const converse::CommentRef& ref : t.comments[k].answered_by)
              c.answered_by.push_back(LinkTo(r.in[ref.letter], ref.comment));
          }
        }
      }
    }
  }
  for (auto& [key, l] : by_key) {
    std::sort(l.comments.begin(), l.comments.end(), TagBefore);
    v.letters.push_back(std::move(l));
  }
  std::sort(v.letters.begin(), v.letters.end(), [](const ThreadLetter& a, const ThreadLetter& b) {
    if (a.position != b.position) return a.position < b.position;
    return a.info.key < b.info.key;
  });
  if (v.figures.id.empty()) v.figures.id = id;
  return v;
}

std::vector<ConversationFigures> ListConversations(const Xapian::Database& db,
                                                   const Filters& filters) {
  // Letters without a conversation have an empty collapse key (never collapsed) and no
  // figures: they are skipped below.
  Xapian::Query q = OutsideDocuments(ApplyFilters(Xapian::Query::MatchAll, filters));
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_collapse_key(schema::kConversationSlot, 1);
  const Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
  Xapian::MSet m = e.get_mset(0, all, all);
  // The matching conversations, by registrant; each registrant threaded once.
  std::map<std::string, std::set<std::string>> wanted;
  for (auto it = m.begin(); it != m.end(); ++it) {
    Xapian::Document doc = it.get_document();
    std::string id = doc.get_value(schema::kConversationSlot);
    std::optional<converse::LetterSummary> s = DecodeSummary(doc.get_value(schema::kSummarySlot));
    if (id.empty() || !s) continue;
    wanted[s->registrant].insert(id);
  }
  std::vector<ConversationFigures> out;
  for (const auto& [registrant, ids] : wanted) {
    RegistrantThreads r = LoadRegistrant(db, registrant);
    for (const converse::Conversation& c : r.threading.conversations)
      if (ids.count(c.id)) out.push_back(FiguresOf(c));
  }
  std::sort(out.begin(), out.end(), [](const ConversationFigures& a, const ConversationFigures& b) {
    if (a.first_date != b.first_date)
      return a.first_date.value_or("9999") < b.first_date.value_or("9999");
    return a.id < b.id;
  });
  return out;
}

Xapian::Query CountedOnce(const Xapian::Query& query, const std::vector<CitationTarget>& targets,
                          bool exact) {
  // Each citation term of the targets (CitationQuery's), unless only a restatement cites it.
  const std::string prefix = exact ? schema::kCiteExact : schema::kCite;
  const Xapian::Query cites = CitationQuery(targets, exact);
  std::vector<Xapian::Query> own;
  for (auto t = cites.get_unique_terms_begin(); t != cites.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) continue;
    own.emplace_back(
        Xapian::Query::OP_AND_NOT, Xapian::Query(term),
        Xapian::Query(schema::Term(schema::kRestatedCite, term.substr(prefix.size()))));
  }
  if (own.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(Xapian::Query::OP_OR, own.begin(), own.end()));
}

std::set<std::string> RestatedOnlyLevels(const Xapian::Document& doc) {
  std::set<std::string> out;
  const std::string prefix = schema::kRestatedCite;
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(prefix);
  for (; t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    out.insert(term.substr(prefix.size()));
  }
  return out;
}

void PrintThread(const ConversationView& v, Format format, const Style& style, std::ostream& out) {
  const ConversationFigures& f = v.figures;
  if (format == Format::kJson || format == Format::kJsonl) {
    OrderedJson j;
    j["conversation"] = FiguresJson(f);
    OrderedJson letters = OrderedJson::array();
    for (const ThreadLetter& l : v.letters) {
      OrderedJson o = LetterJson(l.info);
      o["position"] = l.position;
      o["round"] = l.round;
      o["closes"] = l.closes;
      o["initiated"] = l.initiated;
      o["office"] = OrNull(l.office);
      o["answers"] = l.answers ? LinkJson(*l.answers) : OrderedJson(nullptr);
      OrderedJson by = OrderedJson::array();
      for (const ThreadLink& r : l.answered_by) by.push_back(LinkJson(r));
      o["answered_by"] = std::move(by);
      OrderedJson prior = OrderedJson::array();
      for (const ThreadPrior& p : l.prior) prior.push_back(PriorJson(p));
      o["prior"] = std::move(prior);
      OrderedJson comments = OrderedJson::array();
      for (const ThreadComment& c : l.comments) {
        OrderedJson cj;
        cj["comment"] = OrNull(c.stored.number);
        cj["tag"] = c.stored.tag;
        cj["headings"] = c.stored.headings;
        cj["text"] = c.stored.text;
        cj["response_start"] = OrNull(c.stored.response_start);
        cj["answers"] = c.answers ? LinkJson(*c.answers) : OrderedJson(nullptr);
        OrderedJson cby = OrderedJson::array();
        for (const ThreadLink& r : c.answered_by) cby.push_back(LinkJson(r));
        cj["answered_by"] = std::move(cby);
        cj["restatement"] = c.restatement;
        OrderedJson cp = OrderedJson::array();
        for (const ThreadPrior& p : c.prior) cp.push_back(PriorJson(p));
        cj["prior"] = std::move(cp);
        OrderedJson cites = OrderedJson::array();
        for (const Mention& m : c.stored.citations) cites.push_back(MentionJson(m));
        cj["citations"] = std::move(cites);
        comments.push_back(std::move(cj));
      }
      o["comments"] = std::move(comments);
      letters.push_back(std::move(o));
    }
    j["letters"] = std::move(letters);
    out << j.dump(format == Format::kJson ? 2 : -1, ' ', false,
                  OrderedJson::error_handler_t::replace)
        << "\n";
    return;
  }
  if (format == Format::kCsv) {  // one row per comment: a table of the exchange
    out << CsvLine({"conversation", "position", "round", "accession", "kind", "date", "comment",
                    "tag", "answers_accession", "answers_comment", "answered_by", "restatement",
                    "prior"});
    for (const ThreadLetter& l : v.letters) {
      for (const ThreadComment& c : l.comments) {
        std::vector<std::string> by, prior;
        for (const ThreadLink& r : c.answered_by) by.push_back(LinkLabel(r));
        for (const ThreadPrior& p : c.prior) prior.push_back(PriorLabel(p));
        out << CsvLine({f.id, std::to_string(l.position), std::to_string(l.round),
                        l.info.accession.value_or(l.info.key), l.info.kind,
                        l.info.date.value_or(""),
                        c.stored.number ? std::to_string(*c.stored.number) : "", c.stored.tag,
                        c.answers ? c.answers->accession.value_or(c.answers->key) : "",
                        c.answers && c.answers->comment ? std::to_string(*c.answers->comment) : "",
                        Join(by, "; "), c.restatement ? "true" : "false", Join(prior, "; ")});
      }
    }
    return;
  }
  // The table: the conversation, then each letter in order, each staff comment followed by
  // the answers to it.
  const size_t width = style.width;
  out << style.Bold("Conversation " + f.id) << (f.company ? "  " + *f.company : "") << "\n";
  if (f.subject || f.office) {
    std::string line = f.subject.value_or("");
    if (f.office) line += (line.empty() ? "" : " · ") + *f.office;
    out << "  " << style.Dim(line) << "\n";
  }
  out << "  " << FiguresLine(f) << "\n";
  out << "  " << f.comments << " staff comments (" << f.answered << " answered), " << f.citations
      << " citations\n";
  std::map<std::string, const ThreadLetter*> by_key;
  for (const ThreadLetter& l : v.letters) by_key[l.info.key] = &l;
  auto find_comment = [&](const ThreadLink& link) -> const ThreadComment* {
    auto it = by_key.find(link.key);
    if (it == by_key.end()) return nullptr;
    for (const ThreadComment& c : it->second->comments)
      if (c.stored.tag == link.tag) return &c;
    return nullptr;
  };
  for (const ThreadLetter& l : v.letters) {
    out << "\n"
        << style.Bold(std::to_string(l.position) + ". " + KindLabel(l.info.kind) + " " +
                      Date(l.info.date))
        << "  " << style.Accent(l.info.accession.value_or(l.info.key));
    if (l.closes) {
      out << "  review complete";
    } else if (l.initiated) {
      out << "  company letter";
    } else if (l.round > 0) {
      out << "  round " << l.round;
    }
    if (!l.comments.empty())
      out << "  " << l.comments.size() << (l.comments.size() == 1 ? " comment" : " comments");
    out << "\n";
    if (l.answers) out << "   answers the staff letter " << LinkLabel(*l.answers) << "\n";
    if (!l.answered_by.empty()) {
      std::vector<std::string> labels;
      for (const ThreadLink& r : l.answered_by) labels.push_back(LinkLabel(r));
      out << "   answered by " << Join(labels, ", ") << "\n";
    }
    for (const ThreadPrior& p : l.prior) out << "   " << PriorLabel(p) << "\n";
    const bool response = l.info.kind == "response";
    size_t shown_elsewhere = 0;
    for (const ThreadComment& c : l.comments) {
      // A response comment paired with a staff comment is printed under that comment.
      if (response && c.answers && find_comment(*c.answers)) {
        ++shown_elsewhere;
        continue;
      }
      std::string head = (c.stored.number ? std::to_string(*c.stored.number) : c.stored.tag) + ".";
      if (!c.stored.headings.empty())
        out << "   " << style.Dim(Join(c.stored.headings, " > ")) << "\n";
      std::string text = response ? AnswerText(c.stored) : c.stored.text;
      // The comment's text starts with its number ("3. We note..."); an answer does not.
      if (text.compare(0, head.size(), head) != 0) out << "   " << style.Accent(head) << "\n";
      out << WrapMarked(text, {}, style, 3, width, true) << "\n";
      for (const ThreadPrior& p : c.prior)
        if (!p.restated) out << "   " << style.Dim("-> " + PriorLabel(p)) << "\n";
      for (const ThreadLink& r : c.answered_by) {
        const ThreadComment* answer = find_comment(r);
        out << "      " << style.Bold("Response") << " " << style.Accent(LinkLabel(r)) << "\n";
        if (answer)
          out << WrapMarked(AnswerText(answer->stored), {}, style, 6, width, true) << "\n";
      }
    }
    if (shown_elsewhere)
      out << "   (" << shown_elsewhere << (shown_elsewhere == 1 ? " answer" : " answers")
          << " shown under the staff comments above)\n";
  }
}

void PrintConversations(const std::vector<ConversationFigures>& list, Format format,
                        const Style& style, std::ostream& out) {
  switch (format) {
    case Format::kCsv:
      out << CsvLine(CsvHeader());
      for (const ConversationFigures& f : list) out << CsvLine(CsvRow(f));
      return;
    case Format::kJsonl:
      for (const ConversationFigures& f : list)
        out << FiguresJson(f).dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    case Format::kJson: {
      OrderedJson j;
      j["conversations"] = OrderedJson::array();
      for (const ConversationFigures& f : list) j["conversations"].push_back(FiguresJson(f));
      out << j.dump(2, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    }
    case Format::kTable:
      break;
  }
  for (const ConversationFigures& f : list) {
    out << style.Accent(f.id) << "  " << f.company.value_or("") << "\n";
    if (f.subject || f.office)
      out << "  "
          << style.Dim(f.subject.value_or("") +
                       (f.office ? (f.subject ? " · " : "") + *f.office : ""))
          << "\n";
    out << "  " << FiguresLine(f) << "; " << Count(f.comments, "comment", "comments") << ", "
        << f.citations << " citations\n";
  }
  out << style.Dim(std::to_string(list.size()) + " conversations") << "\n";
}

std::vector<ConversationGroup> GroupByConversation(const Xapian::Database& db, const ResultSet& rs,
                                                   const Xapian::Query& counted) {
  std::vector<ConversationGroup> groups;
  std::map<std::string, size_t> index;
  for (const LetterHit& h : rs.letters) {
    std::string id = h.letter.conversation.value_or("");
    auto [it, fresh] = index.try_emplace(id, groups.size());
    if (fresh) {
      ConversationGroup g;
      if (!id.empty()) {
        g.figures = LoadFigures(db, id).value_or(ConversationFigures{});
        g.figures.id = id;
        g.comments =
            CountMatches(db, Xapian::Query(Xapian::Query::OP_FILTER, counted,
                                           Xapian::Query(schema::Term(schema::kConversation, id))));
      }
      groups.push_back(std::move(g));
    }
    ConversationGroup& g = groups[it->second];
    g.letters.push_back(&h);
    if (id.empty()) g.comments += h.comments.size();
  }
  return groups;
}

void PrintGrouped(const ResultSet& rs, const std::vector<ConversationGroup>& groups, Format format,
                  const Style& style, std::ostream& out) {
  auto letter_json = [](const LetterHit& h) {
    OrderedJson o = LetterJson(h.letter);
    OrderedJson comments = OrderedJson::array();
    for (const CommentHit& c : h.comments) {
      OrderedJson cj;
      cj["comment"] = OrNull(c.stored.number);
      cj["tag"] = c.stored.tag;
      OrderedJson m = OrderedJson::array();
      for (const Mention& x : c.matched) m.push_back(MentionJson(x));
      cj["matched"] = std::move(m);
      comments.push_back(std::move(cj));
    }
    o["comments"] = std::move(comments);
    return o;
  };
  auto group_json = [&](const ConversationGroup& g) {
    OrderedJson o = FiguresJson(g.figures);
    o["matching_letters"] = g.letters.size();
    o["matching_comments"] = g.comments;
    OrderedJson letters = OrderedJson::array();
    for (const LetterHit* h : g.letters) letters.push_back(letter_json(*h));
    o["matches"] = std::move(letters);
    return o;
  };
  switch (format) {
    case Format::kJson: {
      OrderedJson j;
      j["command"] = rs.command;
      j["query"] = rs.query;
      j["ids"] = rs.ids;
      j["group"] = "conversation";
      j["letters_total"] = rs.letters_total;
      j["comments_total"] = rs.comments_total;
      j["conversations"] = OrderedJson::array();
      for (const ConversationGroup& g : groups) j["conversations"].push_back(group_json(g));
      out << j.dump(2, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    }
    case Format::kJsonl:
      for (const ConversationGroup& g : groups)
        out << group_json(g).dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    case Format::kCsv: {
      std::vector<std::string> header = CsvHeader();
      header.push_back("matching_letters");
      header.push_back("matching_comments");
      out << CsvLine(header);
      for (const ConversationGroup& g : groups) {
        std::vector<std::string> row = CsvRow(g.figures);
        row.push_back(std::to_string(g.letters.size()));
        row.push_back(std::to_string(g.comments));
        out << CsvLine(row);
      }
      return;
    }
    case Format::kTable:
      break;
  }
  std::string ids = rs.ids.empty() ? rs.query : Join(rs.ids, ", ");
  out << style.Bold(ids) << ": " << Count(rs.letters_total, "letter", "letters") << ", "
      << Count(rs.comments_total, "comment", "comments") << " in "
      << Count(groups.size(), "conversation", "conversations") << "\n";
  for (const ConversationGroup& g : groups) {
    const ConversationFigures& f = g.figures;
    out << "\n"
        << style.Accent(f.id.empty() ? "(no conversation)" : f.id) << "  " << f.company.value_or("")
        << "\n";
    if (!f.id.empty()) {
      out << "  " << f.rounds << (f.rounds == 1 ? " round, " : " rounds, ")
          << DaysLabel(f.span_days) << ", "
          << (f.closed ? "closed " + Date(f.closed_date) : std::string("open")) << "; "
          << g.letters.size() << " of " << Count(f.letters, "letter", "letters") << ", "
          << Count(g.comments, "comment", "comments") << " cite it\n";
    }
    for (const LetterHit* h : g.letters) {
      std::vector<std::string> tags;
      for (const CommentHit& c : h->comments)
        tags.push_back(c.stored.number ? "#" + c.stored.tag : "outside");
      out << "    " << Date(h->letter.date) << "  " << Pad(h->letter.kind, 8) << " "
          << style.Accent(h->letter.accession.value_or(h->letter.key)) << "  " << Join(tags, " ")
          << "\n";
    }
  }
}

}  // namespace secxref::query
