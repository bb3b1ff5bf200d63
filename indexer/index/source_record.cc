#include "indexer/index/source_record.h"

#include <nlohmann/json.hpp>

#include "indexer/index/schema.h"

namespace secxref {

std::string SourceMetadataKey(std::string_view path) {
  return schema::MetadataKey(schema::kMetaSourcePrefix, path);
}

std::string EncodeSourceRecord(const SourceRecord& r) {
  nlohmann::ordered_json j;
  j["path"] = r.path;
  j["hash"] = r.hash;
  j["size"] = r.size;
  j["mtime_ns"] = r.mtime_ns;
  j["keys"] = r.keys;
  if (r.letters_failed) j["failed"] = r.letters_failed;
  if (r.pending) j["pending"] = true;
  j["extractor"] = r.extractor;
  if (!r.error.empty()) j["error"] = r.error;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<SourceRecord> DecodeSourceRecord(std::string_view value) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string()) return std::nullopt;
  try {
    SourceRecord r;
    r.path = j["path"].get<std::string>();
    r.hash = j.value("hash", "");
    r.size = j.value("size", uint64_t{0});
    r.mtime_ns = j.value("mtime_ns", int64_t{0});
    if (j.contains("keys")) r.keys = j["keys"].get<std::vector<std::string>>();
    r.letters_failed = j.value("failed", uint32_t{0});
    r.pending = j.value("pending", false);
    r.extractor = j.value("extractor", "");
    r.error = j.value("error", "");
    return r;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::vector<SourceRecord> ReadSourceRecords(const Xapian::Database& db) {
  std::vector<SourceRecord> records;
  const std::string prefix = schema::kMetaSourcePrefix;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    if (auto r = DecodeSourceRecord(db.get_metadata(*it))) records.push_back(std::move(*r));
  }
  return records;
}

}  // namespace secxref
