// What the index remembers about each input file, in database metadata under
// "src:<path>" (schema::kMetaSourcePrefix): enough to skip an unchanged file, to find the
// letters it produced (prune, remove, re-parse) and to rebuild the index from its sources
// (reindex). Written in the same transaction as the letters' documents, so after a crash the
// record never claims more than the index holds, and never forgets a letter it holds.
#ifndef SECXREF_INDEX_SOURCE_RECORD_H_
#define SECXREF_INDEX_SOURCE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace secxref {

struct SourceRecord {
  std::string path;               // absolute path of the input file
  std::string hash;               // ContentHash of its bytes when last read completely; "" if never
  uint64_t size = 0;
  int64_t mtime_ns = 0;           // modification time, nanoseconds since the epoch
  std::vector<std::string> keys;  // letter keys it produced (while pending: every key it may have
                                  // written so far, old and new)
  uint32_t letters_failed = 0;    // documents that could not be read on the last attempt
  bool pending = false;           // a source larger than one transaction, not finished yet
  std::string extractor;          // ExtractorVersion() that produced the letters
  std::string error;              // first read error of the last attempt

  // The index holds exactly what this file produced as of `hash`.
  bool Complete() const { return !pending && letters_failed == 0 && !hash.empty(); }
};

// "src:<path>", hashed when too long for a metadata key.
std::string SourceMetadataKey(std::string_view path);
std::string EncodeSourceRecord(const SourceRecord& record);  // JSON
std::optional<SourceRecord> DecodeSourceRecord(std::string_view value);

// Every record in the database (metadata keys "src:*"), in key order.
std::vector<SourceRecord> ReadSourceRecords(const Xapian::Database& db);

}  // namespace secxref

#endif  // SECXREF_INDEX_SOURCE_RECORD_H_
