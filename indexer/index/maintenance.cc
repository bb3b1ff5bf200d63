#include "indexer/index/maintenance.h"

#include <sys/stat.h>

#include <memory>

#include "indexer/index/index_writer.h"
#include "indexer/index/schema.h"
#include "indexer/index/source_record.h"

namespace secxref {
namespace {

// Takes the write lock of the database in use (and so waits for nobody: a busy index is an
// error), and clears generations left behind by an earlier rebuild that was killed.
Xapian::WritableDatabase LockCurrent(IndexLocation& location) {
  const std::string current = location.Database();
  if (current.empty()) throw std::runtime_error("no index at " + location.path());
  try {
    // Not rebuilt from, nor copied, unchecked after an unfinished `add --sync end`.
    Xapian::WritableDatabase db = OpenIndexForWriting(current, Xapian::DB_OPEN);
    for (const std::string& stale : location.StaleGenerations()) RemoveTree(stale);
    return db;
  } catch (const IndexLockedError&) {
    throw IndexLockedError(location.path());
  }
}

}  // namespace

ReindexResult Reindex(IndexLocation& location, const LetterSource& source,
                      const PipelineOptions& pipeline, WriterOptions writer_options,
                      const std::atomic<bool>& stop,
                      const std::function<void(const std::string&)>& on_error,
                      const std::function<void(const PipelineStats&)>& on_progress) {
  ReindexResult result;
  Xapian::WritableDatabase lock = LockCurrent(location);
  std::vector<InputFile> files;
  for (const SourceRecord& r : ReadSourceRecords(lock)) {
    struct stat st;
    if (::stat(r.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      result.missing.push_back(r.path);
      continue;
    }
    files.push_back(InputFile{r.path, static_cast<uint64_t>(st.st_size), static_cast<int64_t>(st.st_mtime)});
  }
  // What describes the index rather than its letters carries over.
  std::vector<std::pair<std::string, std::string>> carried;
  if (std::string value = lock.get_metadata(schema::kMetaLastRun); !value.empty())
    carried.emplace_back(schema::kMetaLastRun, std::move(value));
  const std::string shard = DatabaseShard(lock);

  const std::string generation = location.NewGeneration();
  writer_options.no_sync = true;  // made durable once, below, before the swap
  writer_options.create = true;
  try {
    auto writer = std::make_unique<IndexWriter>(generation, writer_options);
    for (const auto& [key, value] : carried) writer->SetMetadata(key, value);
    SetDatabaseShard(writer->db(), shard);
    Pipeline run(writer.get(), source, pipeline);
    result.stats = run.Run(files, stop, on_error, on_progress);
    writer.reset();  // commits and releases the new database
  } catch (...) {
    RemoveTree(generation);
    throw;
  }
  if (result.stats.stopped) {
    RemoveTree(generation);
    result.database = location.Database();
    return result;
  }
  SyncDirectory(generation);
  std::string old = location.SwapIn(generation);
  lock.close();
  if (!old.empty() && old != location.Database()) RemoveTree(old);
  result.database = location.Database();
  result.swapped = true;
  return result;
}

std::string Compact(IndexLocation& location) {
  Xapian::WritableDatabase lock = LockCurrent(location);
  const std::string generation = location.NewGeneration();
  const std::string shard = DatabaseShard(lock);
  try {
    Xapian::Database(location.Database()).compact(generation);
    if (!shard.empty()) {  // the compacted copy has a new UUID: stamp it again
      Xapian::WritableDatabase out(generation, Xapian::DB_OPEN);
      SetDatabaseShard(out, shard);
      out.commit();
    }
  } catch (...) {
    RemoveTree(generation);
    throw;
  }
  SyncDirectory(generation);
  std::string old = location.SwapIn(generation);
  lock.close();
  if (!old.empty() && old != location.Database()) RemoveTree(old);
  return location.Database();
}

}  // namespace secxref
