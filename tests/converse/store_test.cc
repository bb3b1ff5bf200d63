// Conversations in the index: the fixture review added through the real `add` pipeline into
// a glass database, incremental adds that touch only the registrant whose letters changed,
// convergence whatever the order letters arrive in, removal, and the query commands that read
// it back (thread, conversations, cites --group conversation, counts that take a restatement
// once).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/index/conversation_store.h"
#include "indexer/index/schema.h"
#include "query/commands.h"
#include "query/conversations.h"
#include "query/thread_command.h"
#include "tests/converse/converse_test_support.h"

namespace secxref {
namespace {

using converse_test::Add;
using converse_test::CopyFixtures;
using converse_test::Snapshot;
using converse_test::TempDir;
using converse_test::TreeAccessions;
using converse_test::TreePath;
using Json = nlohmann::json;

std::vector<std::string> AllFixtures() {
  std::vector<std::string> all;
  for (const std::string& a : TreeAccessions()) all.push_back(TreePath(a));
  all.push_back("loose/staff.txt");
  all.push_back("loose/response.txt");
  return all;
}

bool HasTerm(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

Xapian::Document Doc(const Xapian::Database& db, const std::string& key, const std::string& tag) {
  const std::string uid = schema::UidTerm(key, tag);
  Xapian::PostingIterator p = db.postlist_begin(uid);
  if (p == db.postlist_end(uid)) throw std::runtime_error("no document " + uid);
  return db.get_document(*p);
}

Json Thread(const Xapian::Document& doc) { return Json::parse(doc.get_data())["thread"]; }

class IndexedReview : public ::testing::Test {
 protected:
  void SetUp() override {
    CopyFixtures(tree_.path(), AllFixtures());
    Add(db_, {tree_.path()});
  }
  TempDir tree_, dbdir_;
  std::string db_ = dbdir_ / "db";
};

TEST_F(IndexedReview, EveryDocumentCarriesItsConversation) {
  Xapian::Database db(db_);
  for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Xapian::Document doc = db.get_document(*p);
    std::string conv = doc.get_value(schema::kConversationSlot);
    ASSERT_FALSE(conv.empty()) << doc.get_value(schema::kLetterSlot);
    EXPECT_TRUE(HasTerm(doc, schema::Term(schema::kConversation, conv)));
    EXPECT_EQ(Json::parse(doc.get_data())["letter"]["conversation"], conv);
  }
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kConversation, "1999001/10-k/2018")),
            4u + 4u + 3u + 3u + 1u);
}

TEST_F(IndexedReview, LinksAndRestatementsAreStored) {
  Xapian::Database db(db_);
  const std::string staff = "0000000000-19-003041:filename1.txt";
  const std::string response = "0001999001-19-000007:filename1.txt";
  // What later letters change is not stored: the staff comment does not list its answers.
  EXPECT_FALSE(Thread(Doc(db, staff, "2")).contains("answered_by"));
  Xapian::Document r2 = Doc(db, response, "2");
  EXPECT_EQ(Thread(r2)["answers"]["accession"], "0000000000-19-003041");
  EXPECT_EQ(Thread(r2)["answers"]["tag"], "2");
  EXPECT_TRUE(Thread(r2)["restatement"]);
  // Restated only: the staff comment counts it. Cited in the answer: the response's own.
  EXPECT_TRUE(HasTerm(r2, schema::Term(schema::kRestatedCite, "asc 606-10-25-19")));
  EXPECT_FALSE(HasTerm(r2, schema::Term(schema::kRestatedCite, "asc 606-10-25-21")));
  EXPECT_FALSE(HasTerm(r2, schema::Term(schema::kRestatedCite, "asc 606-10-25")));
  EXPECT_TRUE(
      HasTerm(r2, schema::Term(schema::kCite, "asc 606-10-25-19")));  // search still finds it
  Json f1 = Thread(Doc(db, "0000000000-19-004022:filename1.txt", "1"));
  ASSERT_EQ(f1["prior"].size(), 1u);
  EXPECT_EQ(f1["prior"][0]["letter"]["accession"], "0000000000-19-003041");
  EXPECT_EQ(f1["prior"][0]["tag"], "2");
  Json close = Thread(Doc(db, "0000000000-19-005025:filename1.txt", schema::kOutsideTag));
  EXPECT_EQ(close["closes"], true);
  EXPECT_FALSE(close.contains("position"));  // order depends on letters not yet seen
}

TEST_F(IndexedReview, FiguresAndAnswersComeFromTheStoredSummaries) {
  Xapian::Database db(db_);
  std::optional<query::ConversationFigures> f = query::LoadFigures(db, "1999001/10-k/2018");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rounds, 2);
  EXPECT_EQ(f->days_to_close, 52);
  EXPECT_EQ(f->office, "Office of Manufacturing");
  query::ConversationView v = query::LoadConversation(db, "1999001/10-k/2018");
  ASSERT_EQ(v.letters.size(), 5u);
  EXPECT_EQ(v.letters[4].position, 5);
  EXPECT_EQ(v.letters[4].round, 2);
  EXPECT_EQ(v.letters[3].info.accession, "0001999001-19-000011");
  ASSERT_EQ(v.letters[0].comments.size(), 3u);
  ASSERT_EQ(v.letters[0].comments[1].answered_by.size(), 1u);
  EXPECT_EQ(v.letters[0].comments[1].answered_by[0].accession, "0001999001-19-000007");
  EXPECT_EQ(v.letters[0].comments[1].answered_by[0].tag, "2");
  EXPECT_EQ(v.letters[0].answered_by.size(), 1u);
}

TEST_F(IndexedReview, IncrementalAddsConvergeAndTouchOnlyTheirRegistrant) {
  // The same letters arriving one at a time, latest first, end as one add of them all.
  TempDir tree, dbdir;
  std::string db = dbdir / "db";
  std::vector<std::string> all = AllFixtures();
  std::map<std::string, std::string> loose_before;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    CopyFixtures(tree.path(), {*it});
    Add(db, {tree.path()});
    if (*it == "loose/staff.txt") {
      // From here on only the other registrant's letters arrive: Bluefin's documents stay
      // byte for byte as they are.
      for (const auto& [uid, doc] : Snapshot(db))
        if (doc.find("Bluefin") != std::string::npos) loose_before[uid] = doc;
    }
  }
  std::map<std::string, std::string> got = Snapshot(db), want = Snapshot(db_);
  EXPECT_EQ(got.size(), want.size());
  for (const auto& [uid, doc] : want) EXPECT_EQ(got[uid], doc) << uid;
  ASSERT_FALSE(loose_before.empty());
  for (const auto& [uid, doc] : loose_before) EXPECT_EQ(got[uid], doc) << uid;
}

TEST_F(IndexedReview, RemovingTheClosingLetterReopensTheReview) {
  {
    IndexWriter writer(db_, WriterOptions{});
    std::optional<SourceRecord> r = writer.Record(tree_ / TreePath("0000000000-19-005025"));
    ASSERT_TRUE(r);
    EXPECT_EQ(writer.RemoveSource(*r), 1u);
  }
  Xapian::Database db(db_);
  std::optional<query::ConversationFigures> f = query::LoadFigures(db, "1999001/10-k/2018");
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->closed);
  EXPECT_EQ(f->letters, 4u);
}

// The query commands over the same index.
struct Output {
  int status;
  std::string out, err;
};

template <typename Args, typename Run>
Output Call(Run run, Args args) {
  std::ostringstream out, err;
  query::Io io{out, err};
  int status = run(args, io);
  return {status, out.str(), err.str()};
}

TEST_F(IndexedReview, ThreadPrintsTheWholeConversationInOrder) {
  query::ThreadArgs a;
  a.common.dbs = {db_};
  a.common.format = "json";
  a.target = "0000000000-19-004022";
  Output o = Call(query::RunThread, a);
  ASSERT_EQ(o.status, 0) << o.err;
  Json j = Json::parse(o.out);
  EXPECT_EQ(j["conversation"]["conversation"], "1999001/10-k/2018");
  ASSERT_EQ(j["letters"].size(), 5u);
  EXPECT_EQ(j["letters"][0]["accession"], "0000000000-19-003041");
  EXPECT_EQ(j["letters"][4]["closes"], true);
  EXPECT_EQ(j["letters"][0]["comments"][2]["answered_by"][0]["accession"], "0001999001-19-000007");
  a.common.format = "table";
  a.common.color = "never";
  a.target = "1999001/s-4/333-230011";  // a conversation id does as well
  o = Call(query::RunThread, a);
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("Conversation 1999001/s-4/333-230011"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Amendment No. 1 to the Registration Statement discloses"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("company letter"), std::string::npos) << o.out;
  a.target = "0000000000-99-000000";
  EXPECT_EQ(Call(query::RunThread, a).status, 2);
}

TEST_F(IndexedReview, ConversationsExportAsCsv) {
  query::ConversationsArgs a;
  a.common.dbs = {db_};
  a.common.format = "csv";
  Output o = Call(query::RunConversations, a);
  ASSERT_EQ(o.status, 0) << o.err;
  std::istringstream lines(o.out);
  std::string header, row;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("conversation,registrant,cik,company,subject,office,first_date,last_date,"
                         "span_days,closed,",
                         0),
            0u)
      << header;
  std::vector<std::string> rows;
  while (std::getline(lines, row)) rows.push_back(row);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(
      rows[0].rfind("1999001/10-k/2018,cik:1999001,1999001,\"Harborview Instruments, Inc.\"", 0),
      0u)
      << rows[0];
  EXPECT_NE(rows[0].find(",2019-03-04,2019-04-25,52,true,2019-04-25,52,2,5,3,2,5,5,5,5,6"),
            std::string::npos)
      << rows[0];
}

TEST_F(IndexedReview, CitesCountsARestatementOnceAndGroupsByConversation) {
  query::CitesArgs a;
  a.common.dbs = {db_};
  a.common.format = "json";
  a.citation = "ASC 606-10-25-19";
  Output o = Call(query::RunCites, a);
  ASSERT_EQ(o.status, 0) << o.err;
  Json j = Json::parse(o.out);
  EXPECT_EQ(j["letters_total"], 2);   // the response still cites it (in its restatement)
  EXPECT_EQ(j["comments_total"], 1);  // but it is one comment
  a.citation = "ASC 606-10-25";
  j = Json::parse(Call(query::RunCites, a).out);
  EXPECT_EQ(j["comments_total"], 2);  // the answer's own ASC 606-10-25-21 counts
  a.group = "conversation";
  a.citation = "ASC 280";
  o = Call(query::RunCites, a);
  ASSERT_EQ(o.status, 0) << o.err;
  j = Json::parse(o.out);
  ASSERT_EQ(j["conversations"].size(), 1u);
  const Json& g = j["conversations"][0];
  EXPECT_EQ(g["conversation"], "1999001/10-k/2018");
  EXPECT_EQ(g["span_days"], 52);
  EXPECT_EQ(g["rounds"], 2);
  EXPECT_EQ(g["closed"], true);
  EXPECT_EQ(g["matching_letters"], 4);
  EXPECT_EQ(g["matching_comments"], 2);  // March 4 #3 and April 2 #2; their restatements once
}

TEST_F(IndexedReview, StatsCountARestatementOnce) {
  query::StatsArgs a;
  a.common.dbs = {db_};
  a.common.format = "json";
  a.level = "full";
  a.top = 0;
  Output o = Call(query::RunStats, a);
  ASSERT_EQ(o.status, 0) << o.err;
  std::map<std::string, int> comments;
  const Json stats = Json::parse(o.out);
  for (const Json& id : stats["ids"])
    comments[id["id"].get<std::string>()] = id["comments"].get<int>();
  ASSERT_FALSE(comments.empty()) << o.out;
  EXPECT_EQ(comments["ASC 606-10-25-19"], 1);
  EXPECT_EQ(comments["ASC 606-10-25-21"], 1);
  EXPECT_EQ(comments["S-K Item 303(a)(3)"], 1);
  EXPECT_EQ(comments["Regulation M-A Item 1015(b)(6)"], 1);
}

TEST(Summaries, RoundTrip) {
  converse::LetterSummary s =
      converse_test::ReadSummary(converse_test::Fixture("0000000000-19-004022"));
  std::optional<converse::LetterSummary> back = DecodeSummary(EncodeSummary(s));
  ASSERT_TRUE(back);
  EXPECT_EQ(EncodeSummary(*back), EncodeSummary(s));
  EXPECT_FALSE(DecodeSummary("not json"));
  EXPECT_FALSE(DecodeSummary("{\"kind\":\"staff\"}"));
}

}  // namespace
}  // namespace secxref
