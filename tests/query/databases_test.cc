// Reading many databases: --db repeated (shards), a stub file naming them, remote shards
// through a stub (xapian-tcpsrv on the loopback interface); and the reopen-and-retry guard.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "query/commands.h"
#include "query/database.h"
#include "tests/query/query_fixture.h"

namespace secxref::query_test {
namespace {

using Json = nlohmann::json;

// The same answer from one database and from shards: letters, their order, their comments.
std::string Answer(const std::vector<std::string>& dbs, const std::string& citation, const std::string& sort) {
  query::CitesArgs a;
  a.citation = citation;
  a.common.dbs = dbs;
  a.common.format = "json";
  a.list.sort = sort;
  Output r = RunCommand(query::RunCites, a);
  EXPECT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  std::string s = std::to_string(j["letters_total"].get<int>()) + "/" + std::to_string(j["comments_total"].get<int>());
  for (const Json& l : j["letters"]) {
    s += " " + NameOfLetter(l["letter"]) + ":";
    for (const Json& c : l["comments"]) s += c["tag"].get<std::string>() + ",";
  }
  return s;
}

class Shards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    std::vector<LetterFixture> a(Letters().begin(), Letters().begin() + 3);
    std::vector<LetterFixture> b(Letters().begin() + 3, Letters().end());
    WriteIndex(*tmp_ / "a", a);
    WriteIndex(*tmp_ / "b", b);
    std::ofstream(*tmp_ / "both.stub") << "# two shards\nauto a\nauto " << (*tmp_ / "b") << "\n";
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static TempDir* tmp_;
};
TempDir* Shards::tmp_ = nullptr;

TEST_F(Shards, RepeatedDbGivesTheSameAnswers) {
  for (const char* sort : {"date", "depth", "relevance"}) {
    for (const char* id : {"ASC 810", "ASC 810-10-50", "ASC 350"}) {
      EXPECT_EQ(Answer({*tmp_ / "a", *tmp_ / "b"}, id, sort), Answer({SharedIndex()}, id, sort)) << id << " " << sort;
    }
  }
}

TEST_F(Shards, StubFileNamingShards) {
  EXPECT_EQ(Answer({*tmp_ / "both.stub"}, "ASC 810", "date"), Answer({SharedIndex()}, "ASC 810", "date"));
}

TEST_F(Shards, SearchAndStatsOverShards) {
  query::StatsArgs s;
  s.common.dbs = {*tmp_ / "a", *tmp_ / "b"};
  s.common.format = "json";
  Output r = RunCommand(query::RunStats, s);
  s.common.dbs = {SharedIndex()};
  EXPECT_EQ(r.out, RunCommand(query::RunStats, s).out);

  query::SearchArgs q;
  q.query = "goodwill AND cite:\"ASC 350-20\"";
  q.common.format = "jsonl";
  q.list.sort = "date";
  q.common.dbs = {*tmp_ / "both.stub"};
  Output sharded = RunCommand(query::RunSearch, q);
  q.common.dbs = {SharedIndex()};
  Output single = RunCommand(query::RunSearch, q);
  ASSERT_EQ(sharded.status, 0) << sharded.err;
  // Same comments; weights may differ (each shard has its own statistics).
  auto tags = [](const std::string& jsonl) {
    std::string s;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) s += Json::parse(line)["letter"].get<std::string>() + " ";
    return s;
  };
  EXPECT_EQ(tags(sharded.out), tags(single.out));
}

// xapian-tcpsrv serving both shards on the loopback interface, reached through a stub file
// with a remote line.
class Remote : public Shards {
 protected:
  void SetUp() override {
    if (access("/usr/bin/xapian-tcpsrv", X_OK) != 0) GTEST_SKIP() << "xapian-tcpsrv not installed";
    for (int attempt = 0; attempt < 5 && server_ < 0; ++attempt) {
      port_ = 20000 + (getpid() * 7 + attempt * 131) % 30000;
      pid_t pid = fork();
      if (pid == 0) {
        // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (to end the
        // children it forked per connection), which must not include this test.
        setpgid(0, 0);
        std::string port = std::to_string(port_), a = *tmp_ / "a", b = *tmp_ / "b";
        execl("/usr/bin/xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port.c_str(), "--quiet",
              a.c_str(), b.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      // Ready when a client gets through; gone if the port was taken.
      for (int i = 0; i < 50; ++i) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        try {
          Xapian::Database probe = Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_), 2000, 2000);
          (void)probe.get_doccount();
          server_ = pid;
          break;
        } catch (const Xapian::Error&) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
      }
      if (server_ < 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
      }
    }
    if (server_ < 0) GTEST_SKIP() << "could not start xapian-tcpsrv";
    std::ofstream(*tmp_ / "remote.stub") << "remote 127.0.0.1:" << port_ << "\n";
  }
  void TearDown() override {
    if (server_ > 0) {
      kill(server_, SIGTERM);
      waitpid(server_, nullptr, 0);
    }
  }
  int port_ = 0;
  pid_t server_ = -1;
};

TEST_F(Remote, CitesThroughARemoteStub) {
  EXPECT_EQ(Answer({*tmp_ / "remote.stub"}, "ASC 810-10-50", "date"), Answer({SharedIndex()}, "ASC 810-10-50", "date"));
  EXPECT_EQ(Answer({*tmp_ / "remote.stub"}, "ASC 810", "depth"), Answer({SharedIndex()}, "ASC 810", "depth"));
}

TEST_F(Remote, SimilarAndShowThroughARemoteStub) {
  query::SimilarArgs s;
  s.common.dbs = {*tmp_ / "remote.stub"};
  s.common.format = "json";
  s.options.target = "0000000001-19-000004#1";
  Output r = RunCommand(query::RunSimilar, s);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(Json::parse(r.out)["letters"].empty());
  query::ShowArgs show;
  show.common.dbs = {*tmp_ / "remote.stub"};
  show.target = "0000000001-13-000001#2";
  r = RunCommand(query::RunShow, show);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("[[Paragraph 5A.d of ASC 810-10-50]]"), std::string::npos);
}

TEST(ReopenRetry, ReopensAndRunsAgainWhenTheIndexChanged) {
  Xapian::Database db = query::OpenDatabases({SharedIndex()});
  int calls = 0;
  query::WithReopenRetry(db, [&] {
    if (++calls < 3) throw Xapian::DatabaseModifiedError("changed under us");
  });
  EXPECT_EQ(calls, 3);
  // A writer that never lets a revision live: a few tries, then the caller's error.
  calls = 0;
  EXPECT_THROW(query::WithReopenRetry(db, [&] {
                 ++calls;
                 throw Xapian::DatabaseModifiedError("changed again");
               }),
               Xapian::DatabaseModifiedError);
  EXPECT_EQ(calls, 4);
}

TEST(Guard, RunsTheCommandAgainAfterAConcurrentCommit) {
  std::ostringstream out, err;
  query::Io io{out, err};
  int calls = 0;
  EXPECT_EQ(query::Guard(io, [&] {
              if (++calls < 3) throw Xapian::DatabaseModifiedError("changed under us");
              return 0;
            }),
            0);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(err.str(), "");
  calls = 0;
  EXPECT_EQ(query::Guard(io, [&]() -> int {
              ++calls;
              throw Xapian::DatabaseModifiedError("changed again");
            }),
            2);
  EXPECT_EQ(calls, 5);
  EXPECT_NE(err.str().find("the index changed under every attempt"), std::string::npos) << err.str();
}

TEST(OpenDatabases, DefaultLocationFromTheEnvironment) {
  setenv("SECXREF_DB", SharedIndex().c_str(), 1);
  EXPECT_EQ(query::ResolveDatabasePaths({}), std::vector<std::string>{SharedIndex()});
  EXPECT_GT(query::OpenDatabases({}).get_doccount(), 0u);
  unsetenv("SECXREF_DB");
}

}  // namespace
}  // namespace secxref::query_test
