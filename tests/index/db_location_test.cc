#include "indexer/index/db_location.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::TempDir;
using testing_support::WriteFile;

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ResolveDbPath, FlagThenEnvironmentThenUserDataDirectory) {
  ScopedEnv db("SECXREF_DB", "/env/db");
  ScopedEnv xdg("XDG_DATA_HOME", "/xdg");
  ScopedEnv home("HOME", "/home/u");
  EXPECT_EQ(ResolveDbPath("/flag/db"), "/flag/db");
  EXPECT_EQ(ResolveDbPath(""), "/env/db");
  {
    ScopedEnv no_db("SECXREF_DB", nullptr);
    EXPECT_EQ(ResolveDbPath(""), "/xdg/secxref/db");
    ScopedEnv no_xdg("XDG_DATA_HOME", nullptr);
    EXPECT_EQ(ResolveDbPath(""), "/home/u/.local/share/secxref/db");
  }
}

void AddDoc(const std::string& dir, const std::string& term) {
  std::filesystem::create_directories(std::filesystem::path(dir).parent_path());
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  Xapian::Document doc;
  doc.add_boolean_term(term);
  db.add_document(doc);
  db.commit();
}

TEST(IndexLocation, CreatesAStubDirectoryWithAFirstGeneration) {
  TempDir tmp;
  IndexLocation loc(tmp / "db");
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kMissing);
  std::string current = loc.CreateIfMissing();
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kStubDir);
  EXPECT_EQ(current, tmp / "db/glass.1");
  AddDoc(current, "Xa");
  EXPECT_EQ(Xapian::Database(tmp / "db").get_doccount(), 1u);  // readers open the stub
  EXPECT_EQ(IndexLocation(tmp / "db").Database(), current);
}

TEST(IndexLocation, FinishesACreationKilledBeforeItsStub) {
  // killtest: SIGKILL between the first generation and the stub left db/ with glass.1 (half
  // made or empty) and a temporary stub; the rerun must create the index, not refuse db/.
  TempDir tmp;
  WriteFile(tmp / "db/glass.1/postlist.glass", "half written");
  WriteFile(tmp / "db/XAPIANDB.tmp.4242", "auto gl");
  IndexLocation loc(tmp / "db");
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kMissing);
  std::string current = loc.CreateIfMissing();
  EXPECT_EQ(current, tmp / "db/glass.1");
  AddDoc(current, "Xa");
  EXPECT_EQ(Xapian::Database(tmp / "db").get_doccount(), 1u);
  EXPECT_FALSE(std::filesystem::exists(tmp / "db/XAPIANDB.tmp.4242"));
  // Anything else in the directory is someone's data: refused as before.
  WriteFile(tmp / "other/glass.1/postlist.glass", "x");
  WriteFile(tmp / "other/notes.txt", "mine");
  EXPECT_THROW(IndexLocation(tmp / "other"), std::runtime_error);
}

TEST(IndexLocation, SwapInIsOneRenameAndOpenReadersKeepTheirSnapshot) {
  TempDir tmp;
  IndexLocation loc(tmp / "db");
  std::string old = loc.CreateIfMissing();
  AddDoc(old, "Xold");
  Xapian::Database before(tmp / "db");
  std::string next = loc.NewGeneration();
  EXPECT_EQ(next, tmp / "db/glass.2");
  AddDoc(next, "Xnew");
  AddDoc(next, "Xnew2");
  EXPECT_EQ(loc.SwapIn(next), old);
  EXPECT_EQ(loc.Database(), next);
  Xapian::Database after(tmp / "db");
  EXPECT_EQ(after.get_doccount(), 2u);
  EXPECT_EQ(after.get_termfreq("Xnew"), 1u);
  EXPECT_EQ(before.get_doccount(), 1u);
  EXPECT_EQ(before.get_termfreq("Xold"), 1u);
  EXPECT_EQ(loc.StaleGenerations(), std::vector<std::string>{old});
}

TEST(IndexLocation, StubFileNamingOneDatabase) {
  TempDir tmp;
  AddDoc(tmp / "dbs/idx.1", "Xa");
  WriteFile(tmp / "my.stub", "# comment\nauto dbs/idx.1\n");
  IndexLocation loc(tmp / "my.stub");
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kStubFile);
  EXPECT_EQ(loc.Database(), tmp / "dbs/idx.1");
  std::string next = loc.NewGeneration();
  EXPECT_EQ(next, tmp / "dbs/idx.2");
  AddDoc(next, "Xb");
  AddDoc(next, "Xc");
  loc.SwapIn(next);
  EXPECT_EQ(Xapian::Database(tmp / "my.stub").get_doccount(), 2u);
}

TEST(IndexLocation, PlainGlassDirectory) {
  TempDir tmp;
  AddDoc(tmp / "plain", "Xa");
  IndexLocation loc(tmp / "plain");
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kPlain);
  std::string next = loc.NewGeneration();
  AddDoc(next, "Xb");
  AddDoc(next, "Xc");
  std::string aside = loc.SwapIn(next);
  EXPECT_EQ(Xapian::Database(tmp / "plain").get_doccount(), 2u);
  EXPECT_EQ(Xapian::Database(aside).get_doccount(), 1u);
}

TEST(IndexLocation, ShardStubsAreReadOnly) {
  TempDir tmp;
  AddDoc(tmp / "s1", "Xa");
  AddDoc(tmp / "s2", "Xb");
  WriteFile(tmp / "shards", "auto s1\nauto s2\n");
  IndexLocation loc(tmp / "shards");
  EXPECT_EQ(loc.layout(), IndexLocation::Layout::kMulti);
  EXPECT_THROW(loc.Database(), std::runtime_error);
  WriteFile(tmp / "remote", "remote 127.0.0.1:1\n");
  EXPECT_EQ(IndexLocation(tmp / "remote").layout(), IndexLocation::Layout::kMulti);
}

TEST(IndexLocation, RefusesADirectoryOfSomethingElse) {
  TempDir tmp;
  WriteFile(tmp / "photos/cat.jpg", "meow");
  EXPECT_THROW(IndexLocation(tmp / "photos"), std::runtime_error);
  WriteFile(tmp / "notes.txt", "hello world\n");
  EXPECT_THROW(IndexLocation(tmp / "notes.txt"), std::runtime_error);
}

}  // namespace
}  // namespace secxref
