#include "indexer/index/index_status.h"

#include "indexer/index/index_writer.h"
#include "indexer/index/letter_document.h"
#include "indexer/index/schema.h"
#include "indexer/index/source_record.h"

namespace secxref {

IndexStatus ReadIndexStatus(Xapian::Database& db) {
  return WithReopen(db, [&] {
    IndexStatus s;
    s.documents = db.get_doccount();
    const std::string letter = schema::kLetter;
    for (auto it = db.allterms_begin(letter); it != db.allterms_end(letter); ++it) ++s.letters;
    const std::string exact = schema::kCiteExact;
    for (auto it = db.allterms_begin(exact); it != db.allterms_end(exact); ++it) ++s.citation_ids;
    for (auto it = db.valuestream_begin(schema::kCommentSlot); it != db.valuestream_end(schema::kCommentSlot); ++it)
      if (Xapian::sortable_unserialise(*it) >= 0) ++s.comments;
    for (auto it = db.valuestream_begin(schema::kDepthSlot); it != db.valuestream_end(schema::kDepthSlot); ++it)
      s.citations += static_cast<uint64_t>(Xapian::sortable_unserialise(*it));
    // Remote databases have no user metadata in 1.4: these stay empty there.
    try {
      for (const SourceRecord& r : ReadSourceRecords(db)) {
        ++s.sources;
        if (r.letters_failed > 0) ++s.sources_failed;
        if (r.pending) ++s.sources_pending;
        if (r.extractor != ExtractorVersion() && !r.hash.empty()) ++s.sources_outdated;
      }
      s.schema_version = db.get_metadata(schema::kMetaSchemaVersion);
      s.extractor_version = db.get_metadata(schema::kMetaExtractorVersion);
      s.created = db.get_metadata(schema::kMetaCreated);
      s.last_run = db.get_metadata(schema::kMetaLastRun);
      s.shard = DatabaseShard(db);
    } catch (const Xapian::UnimplementedError&) {
    }
    return s;
  });
}

}  // namespace secxref
