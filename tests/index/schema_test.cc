#include "indexer/index/schema.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/index/test_support.h"

namespace secxref {
namespace {

using testing_support::TempDir;

TEST(SchemaTerm, LowerCasesTheValueNotThePrefix) {
  EXPECT_EQ(schema::Term(schema::kCite, "ASC 810-10-50-5A(d)"), "XCasc 810-10-50-5a(d)");
  EXPECT_EQ(schema::Term(schema::kForm, "10-K"), "XFORM10-k");
  EXPECT_EQ(schema::Term(schema::kCompanyWord, "ÉCOLE"), "XCOécole");
}

TEST(SchemaTerm, ShortTermsAreKeptAsIs) {
  std::string value(245 - 2, 'a');  // "XC" + 243 bytes = 245: exactly the limit
  EXPECT_EQ(schema::Term(schema::kCite, value), "XC" + value);
}

TEST(SchemaTerm, LongIdsAreHashedToFitAndStayDistinct) {
  std::string a = "Release 33-8350 Section " + std::string(300, 'I') + ".A";
  std::string b = "Release 33-8350 Section " + std::string(300, 'I') + ".B";
  std::string ta = schema::Term(schema::kCite, a), tb = schema::Term(schema::kCite, b);
  EXPECT_LE(ta.size(), 245u);
  EXPECT_LE(tb.size(), 245u);
  EXPECT_NE(ta, tb);
  // Deterministic (the query tool computes the same term from the same id) and with a
  // readable head.
  EXPECT_EQ(ta, schema::Term(schema::kCite, a));
  EXPECT_EQ(ta.substr(0, 20), "XCrelease 33-8350 se");
  // Case does not matter: the value is lower-cased before hashing.
  std::string upper = a;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(schema::Term(schema::kCite, upper), ta);
}

TEST(SchemaTerm, HashedHeadNeverSplitsAUtf8Character) {
  std::string value;
  for (int i = 0; i < 200; ++i) value += "é";  // 2 bytes each
  // "XC" + 2-byte characters: the 213-byte head limit falls inside a character.
  std::string t = schema::Term(schema::kCite, value);
  EXPECT_LE(t.size(), 245u);
  std::string head = t.substr(0, t.size() - 32);
  EXPECT_EQ((head.size() - 2) % 2, 0u) << "cut inside a character";
  EXPECT_GT(head.size(), 200u);
}

TEST(SchemaTerm, GlassAcceptsHashedTermsAndRejectsRawOnes) {
  TempDir tmp;
  Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  std::string id = "ASC 810-10-50-5A" + std::string(260, 'x');
  {
    Xapian::Document raw;
    raw.add_boolean_term(std::string(schema::kCite) + id);
    EXPECT_THROW(db.add_document(raw), Xapian::InvalidArgumentError);
  }
  Xapian::Document doc;
  doc.add_boolean_term(schema::Term(schema::kCite, id));
  db.add_document(doc);
  db.commit();
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kCite, id)), 1u);
}

TEST(SchemaUid, TagsCommentsAndOutsideText) {
  EXPECT_EQ(schema::UidTerm("0000000000-13-061818:filename1.pdf", "3"),
            "Q0000000000-13-061818:filename1.pdf#3");
  EXPECT_EQ(schema::UidTerm("sha:abc", schema::kOutsideTag), "Qsha:abc#-");
  EXPECT_EQ(schema::LetterTerm("sha:ABC"), "XLsha:abc");
  std::string long_key = "0000000000-13-061818:" + std::string(300, 'f') + ".pdf";
  EXPECT_NE(schema::UidTerm(long_key, "1"), schema::UidTerm(long_key, "2"));
  EXPECT_LE(schema::UidTerm(long_key, "1").size(), 245u);
}

TEST(SchemaMetadataKey, FitsGlassLimitAndKeepsCase) {
  EXPECT_EQ(schema::MetadataKey("src:", "/Letters/A.pdf"), "src:/Letters/A.pdf");
  std::string path = "/" + std::string(400, 'p');
  std::string key = schema::MetadataKey("src:", path);
  EXPECT_LE(key.size(), 253u);
  EXPECT_EQ(key.compare(0, 4, "src:"), 0);
  TempDir tmp;
  Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  db.set_metadata(key, "v");
  db.commit();
  EXPECT_EQ(db.get_metadata(key), "v");
}

TEST(SchemaFields, NamesAreUniqueAndPrefixesAreSchemaPrefixes) {
  std::set<std::string> names;
  for (const schema::Field& f : schema::QueryFields()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_TRUE(std::string(f.prefix).size() >= 2 && f.prefix[0] == 'X') << f.prefix;
  }
  EXPECT_TRUE(names.count("cites"));
  EXPECT_TRUE(names.count("company"));
}

}  // namespace
}  // namespace secxref
