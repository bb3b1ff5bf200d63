#include "indexer/read/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/read/read_test_util.h"

namespace secxref {
namespace {

using testing::FixturePath;
using testing::ReadFixture;

// Builds archives in memory with libarchive's writer.
class ArchiveBuilder {
 public:
  // format: ARCHIVE_FORMAT_ZIP, ARCHIVE_FORMAT_TAR_USTAR or ARCHIVE_FORMAT_RAW; filter:
  // ARCHIVE_FILTER_NONE or ARCHIVE_FILTER_GZIP.
  ArchiveBuilder(int format, int filter = ARCHIVE_FILTER_NONE) : a_(archive_write_new()) {
    archive_write_set_format(a_, format);
    if (filter != ARCHIVE_FILTER_NONE) archive_write_add_filter(a_, filter);
    if (format == ARCHIVE_FORMAT_ZIP) archive_write_set_option(a_, "zip", "compression", "deflate");
    archive_write_open(a_, &out_, nullptr, &Write, nullptr);
  }
  ~ArchiveBuilder() {
    if (a_) archive_write_free(a_);
  }

  ArchiveBuilder& Add(const std::string& name, const std::string& data) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a_, e);
    for (size_t at = 0; at < data.size(); at += 1 << 20)
      archive_write_data(a_, data.data() + at, std::min<size_t>(1 << 20, data.size() - at));
    archive_entry_free(e);
    return *this;
  }

  std::string Finish() {
    archive_write_close(a_);
    archive_write_free(a_);
    a_ = nullptr;
    return out_;
  }

 private:
  static la_ssize_t Write(struct archive*, void* self, const void* buf, size_t n) {
    static_cast<std::string*>(self)->append(static_cast<const char*>(buf), n);
    return static_cast<la_ssize_t>(n);
  }
  struct archive* a_;
  std::string out_;
};

std::string LetterText(int i) {
  return "Dear Sir:\n\nThis is letter number " + std::to_string(i) + ".\n";
}

std::vector<std::string> Members(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const Document& d : docs) out.push_back(d.member.value_or("(none)"));
  return out;
}

TEST(ArchiveReaderTest, ZipBundle) {
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath("archive/bundle.zip")});
  ASSERT_EQ(Members(docs),
            (std::vector<std::string>{"edgar/data/1234567/000000000021012345/filename1.pdf",
                                      "edgar/data/55555/000111111121000042/filename1.htm",
                                      "../../outside/escape.txt"}));  // logo.jpg skipped
  for (const Document& d : docs) {
    EXPECT_EQ(d.error, "") << *d.member;
    EXPECT_EQ(d.source, FixturePath("archive/bundle.zip"));
    EXPECT_FALSE(d.text.empty());
  }
  EXPECT_EQ(docs[0].format, "pdf");
  EXPECT_EQ(docs[0].submission.accession.value_or(""), "0000000000-21-012345");
  EXPECT_EQ(docs[0].submission.cik.value_or(""), "1234567");
  EXPECT_EQ(docs[1].format, "html");
  EXPECT_EQ(docs[1].submission.cik.value_or(""), "55555");
  EXPECT_FALSE(docs[2].submission.accession.has_value());
  // A traversal name is only a name: nothing was written anywhere.
  EXPECT_FALSE(std::filesystem::exists(FixturePath("outside")));
  EXPECT_FALSE(std::filesystem::exists("../../outside/escape.txt"));
}

TEST(ArchiveReaderTest, TarGzBundleWithSubmissionAndNestedZip) {
  std::vector<Document> docs = testing::ReadAllPaths({FixturePath("archive/bundle.tar.gz")});
  ASSERT_EQ(Members(docs),
            (std::vector<std::string>{"0001111111-21-000042.txt!filename1.htm",
                                      "0001111111-21-000042.txt!filename2.txt",
                                      "nested.zip!inner/letter.txt", "letters/response.htm"}));
  for (const Document& d : docs) EXPECT_EQ(d.error, "") << *d.member;
  EXPECT_EQ(docs[0].submission.accession.value_or(""), "0001111111-21-000042");
  EXPECT_EQ(docs[0].submission.company.value_or(""), "ACME HOLDINGS INC");
  EXPECT_NE(docs[2].text.find("Sample Mining Company"), std::string::npos);
}

TEST(ArchiveReaderTest, InMemoryAndFromFileAgree) {
  std::string bytes = ReadFixture("archive/bundle.zip");
  std::vector<Document> mem = testing::ReadAllBytes(bytes, {}, "bundle.zip");
  std::vector<Document> file = testing::ReadAllPaths({FixturePath("archive/bundle.zip")});
  ASSERT_EQ(mem.size(), file.size());
  for (size_t i = 0; i < mem.size(); ++i) {
    EXPECT_EQ(mem[i].member, file[i].member);
    EXPECT_EQ(mem[i].text, file[i].text);
  }
}

TEST(ArchiveReaderTest, GzipOfOneFileIsOneMember) {
  std::string pdf = ReadFixture("pdf/staff-letter.pdf");
  std::string gz =
      ArchiveBuilder(ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP).Add("staff-letter.pdf", pdf).Finish();
  std::vector<Document> docs = testing::ReadAllBytes(gz, {}, "downloads/staff-letter.pdf.gz");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].member.value_or(""), "staff-letter.pdf");
  EXPECT_EQ(docs[0].format, "pdf");
}

TEST(ArchiveReaderTest, CompressionBombStops) {
  std::string zip =
      ArchiveBuilder(ARCHIVE_FORMAT_ZIP).Add("zeros.txt", std::string(16 << 20, '\0')).Finish();
  ASSERT_LT(zip.size(), 1u << 20);
  std::vector<Document> docs = testing::ReadAllBytes(zip, {}, "bomb.zip");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].member.value_or(""), "zeros.txt");
  EXPECT_NE(docs[0].error.find("compression ratio over 200:1"), std::string::npos) << docs[0].error;
}

TEST(ArchiveReaderTest, TarGzBombStops) {
  std::string tgz = ArchiveBuilder(ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP)
                        .Add("a.txt", LetterText(1))
                        .Add("zeros.txt", std::string(16 << 20, ' '))
                        .Finish();
  std::vector<Document> docs = testing::ReadAllBytes(tgz, {}, "bomb.tar.gz");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_NE(docs[1].error.find("compression ratio"), std::string::npos) << docs[1].error;
}

TEST(ArchiveReaderTest, TotalExpandedBytesLimit) {
  ArchiveBuilder b(ARCHIVE_FORMAT_ZIP);
  for (int i = 0; i < 5; ++i)
    b.Add("letter" + std::to_string(i) + ".txt", LetterText(i) + std::string(40000, 'x'));
  ReadLimits limits;
  limits.max_archive_bytes = 100000;
  std::vector<Document> docs = testing::ReadAllBytes(b.Finish(), limits, "big.zip");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[1].error, "");
  EXPECT_NE(docs[2].error.find("archive expands beyond 100000 bytes"), std::string::npos);
  EXPECT_FALSE(docs[2].member.has_value());
  EXPECT_EQ(docs[2].format, "archive");
}

TEST(ArchiveReaderTest, EntryCountLimit) {
  ArchiveBuilder b(ARCHIVE_FORMAT_ZIP);
  for (int i = 0; i < 30; ++i) b.Add("l" + std::to_string(i) + ".txt", LetterText(i));
  ReadLimits limits;
  limits.max_archive_entries = 10;
  std::vector<Document> docs = testing::ReadAllBytes(b.Finish(), limits, "many.zip");
  ASSERT_EQ(docs.size(), 11u);
  EXPECT_NE(docs.back().error.find("more than 10 entries"), std::string::npos);
}

TEST(ArchiveReaderTest, OversizedMemberIsSkippedAndTheRestRead) {
  std::string zip = ArchiveBuilder(ARCHIVE_FORMAT_ZIP)
                        .Add("big.txt", std::string(3 << 20, 'a'))
                        .Add("small.txt", LetterText(2))
                        .Finish();
  ReadLimits limits;
  limits.max_file_bytes = 1 << 20;
  limits.max_compression_ratio = 0;  // off: this test is about the size limit
  std::vector<Document> docs = testing::ReadAllBytes(zip, limits, "x.zip");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].member.value_or(""), "big.txt");
  EXPECT_NE(docs[0].error.find("file too large (3145728 bytes > limit 1048576)"), std::string::npos)
      << docs[0].error;
  EXPECT_EQ(docs[1].member.value_or(""), "small.txt");
  EXPECT_EQ(docs[1].error, "");
}

TEST(ArchiveReaderTest, NestingLimit) {
  std::string inner = ArchiveBuilder(ARCHIVE_FORMAT_ZIP).Add("l.txt", LetterText(1)).Finish();
  for (int level = 0; level < 3; ++level)
    inner = ArchiveBuilder(ARCHIVE_FORMAT_ZIP)
                .Add("z" + std::to_string(level) + ".zip", inner)
                .Finish();
  std::vector<Document> docs = testing::ReadAllBytes(inner, {}, "deep.zip");  // 4 levels
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("nested too deeply (limit 3)"), std::string::npos) << docs[0].error;
  EXPECT_EQ(docs[0].member.value_or(""), "z2.zip!z1.zip!z0.zip");
  ReadLimits deeper;
  deeper.max_nesting = 4;
  docs = testing::ReadAllBytes(inner, deeper, "deep.zip");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].member.value_or(""), "z2.zip!z1.zip!z0.zip!l.txt");
}

TEST(ArchiveReaderTest, EmptyDamagedAndImageOnlyArchives) {
  std::vector<Document> docs =
      testing::ReadAllBytes(ArchiveBuilder(ARCHIVE_FORMAT_ZIP).Finish(), {}, "empty.zip");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("no files"), std::string::npos) << docs[0].error;

  std::string zip = ReadFixture("archive/bundle.zip");
  docs = testing::ReadAllBytes(std::string_view(zip).substr(0, zip.size() / 2), {}, "cut.zip");
  ASSERT_FALSE(docs.empty());
  EXPECT_NE(docs.back().error.find("archive damaged"), std::string::npos) << docs.back().error;

  std::string images = ArchiveBuilder(ARCHIVE_FORMAT_ZIP)
                           .Add("a.jpg", "\xFF\xD8\xFF\xE0 not really a jpeg")
                           .Finish();
  docs = testing::ReadAllBytes(images, {}, "images.zip");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("no letters"), std::string::npos) << docs[0].error;
}

TEST(DecodeUuencodedTest, RoundTripAndLimit) {
  std::string data = "%PDF-1.4 binary \x01\x02\xFF bytes";
  std::string uu = "begin 644 x.pdf\n";
  // Hand-encoded with python's binascii.b2a_uu.
  uu += "9)5!$1BTQ+C0@8FEN87)Y(`$\"_R!B>71E<P``\n`\nend\n";
  std::string out, error;
  ASSERT_TRUE(DecodeUuencoded(uu, 1000, &out, &error)) << error;
  EXPECT_EQ(out, data);
  EXPECT_FALSE(DecodeUuencoded(uu, 10, &out, &error));
  EXPECT_NE(error.find("file too large"), std::string::npos);
  EXPECT_FALSE(DecodeUuencoded("no begin line here", 1000, &out, &error));
}

}  // namespace
}  // namespace secxref

namespace secxref {
namespace {

struct FormatCase {
  const char* name;
  int format;
  int filter;
};

class ArchiveFormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(ArchiveFormatTest, ReadsEveryLetter) {
  std::string bytes = ArchiveBuilder(GetParam().format, GetParam().filter)
                          .Add("a/one.txt", LetterText(1))
                          .Add("b/two.htm", "<html><body><p>Dear Sir:</p><p>Two.</p></body></html>")
                          .Finish();
  std::vector<Document> docs = testing::ReadAllBytes(bytes, {}, GetParam().name);
  ASSERT_EQ(Members(docs), (std::vector<std::string>{"a/one.txt", "b/two.htm"}));
  EXPECT_EQ(docs[0].text, "Dear Sir:\n\nThis is letter number 1.");
  EXPECT_EQ(docs[1].format, "html");
  EXPECT_EQ(docs[1].text, "Dear Sir:\n\nTwo.");
}

INSTANTIATE_TEST_SUITE_P(
    Formats, ArchiveFormatTest,
    ::testing::Values(FormatCase{"x.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE},
                      FormatCase{"x.tar", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE},
                      FormatCase{"x.tar.gz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP},
                      FormatCase{"x.tar.bz2", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_BZIP2},
                      FormatCase{"x.tar.xz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_XZ}));

}  // namespace
}  // namespace secxref
