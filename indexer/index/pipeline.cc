#include "indexer/index/pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>
#include <optional>

#include "indexer/base/hash.h"
#include "indexer/index/bounded_queue.h"

namespace secxref {
namespace {

// What a reader hands the writer.
struct WorkItem {
  enum class Kind { kChunk, kUnchanged, kTouch };
  Kind kind = Kind::kChunk;
  SourceChunk chunk;                // path always set; letters for kChunk
  std::vector<std::string> errors;  // documents that could not be read
  std::vector<std::string> flagged;  // read, but without their text (reported, not failed)
};

// What the index recorded of an input file that it holds complete, by this build's extractor:
// enough to skip it when unchanged.
struct Known {
  std::string hash;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

bool LoadFile(const std::string& path, uint64_t expected, std::string* out, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  out->clear();
  out->reserve(expected);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

// What a streamed file may hold in memory at once: its largest member (the reader's
// max_file_bytes).
constexpr size_t kLargestMember = 64u << 20;

size_t ChunkCost(const SourceChunk& chunk) {
  size_t cost = 256;
  for (const LetterDocuments& l : chunk.letters) cost += l.memory;
  return cost;
}

std::string Where(const Document& doc) {
  return doc.member ? doc.source + ":" + *doc.member : doc.source;
}

}  // namespace

Pipeline::Pipeline(IndexWriter* writer, LetterSource source, PipelineOptions options)
    : writer_(writer), source_(std::move(source)), options_(options) {}

PipelineStats Pipeline::Run(const std::vector<InputFile>& files, const std::atomic<bool>& stop,
                            const std::function<void(const std::string&)>& on_error,
                            const std::function<void(const PipelineStats&)>& on_progress) {
  PipelineStats stats;
  stats.files = files.size();
  for (const InputFile& f : files) stats.bytes += f.size;

  // The records of this run's files only, a lookup each (by file index: no second copy of the
  // paths). Reading every record instead made an add's memory and start-up grow with the
  // index: about 300 bytes and a JSON decode per letter ever indexed, so adding ten letters
  // to an index of a million read a million records first.
  const std::string& extractor = ExtractorVersion();
  std::vector<std::optional<Known>> known(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::optional<SourceRecord> r = writer_->Record(files[i].path);
    if (r && r->Complete() && r->extractor == extractor) known[i] = Known{std::move(r->hash), r->size, r->mtime_ns};
  }

  unsigned jobs = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(files.size(), 1)));
  BoundedQueue<WorkItem> queue(2 * jobs + 2, options_.queue_bytes);
  ByteBudget budget(options_.input_budget);
  std::atomic<size_t> next{0};
  std::atomic<unsigned> running{jobs};

  auto reader = [&] {
    DocumentBuilder builder;
    std::string bytes;
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= files.size() || stop.load()) break;
      const InputFile& file = files[i];
      const std::string& path = file.path;
      const std::optional<Known>& k = known[i];
      const bool up_to_date = k.has_value();

      // The walk gives seconds; a file rewritten within the same second with the same size
      // must not look unchanged, so compare nanoseconds.
      WorkItem item;
      item.chunk.path = path;
      item.chunk.size = file.size;
      item.chunk.mtime_ns = file.mtime * 1000000000;
      if (struct stat st; ::stat(path.c_str(), &st) == 0) {
        item.chunk.size = static_cast<uint64_t>(st.st_size);
        item.chunk.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      }
      if (up_to_date && !options_.rehash && k->size == item.chunk.size &&
          k->mtime_ns == item.chunk.mtime_ns) {
        item.kind = WorkItem::Kind::kUnchanged;
        if (!queue.Push(std::move(item), 64)) break;
        continue;
      }
      // Small files: one read, hashed and parsed from memory. Large ones: hashed streaming,
      // then read by the source from disk (archives stream member by member); they hold the
      // budget a largest member may need.
      const bool load = item.chunk.size <= options_.load_limit;
      size_t held = budget.Acquire(load ? item.chunk.size : kLargestMember);
      std::string error;
      if (load ? !LoadFile(path, item.chunk.size, &bytes, &error)
               : !HashFile(path, &item.chunk.hash, &error)) {
        budget.Release(held);
        item.chunk.unreadable = true;
        item.chunk.error = error;
        item.errors.push_back(path + ": " + error);
        if (!queue.Push(std::move(item), 64)) break;
        continue;
      }
      if (load) {
        item.chunk.size = bytes.size();
        item.chunk.hash = ContentHash(bytes);
      }
      if (up_to_date && item.chunk.hash == k->hash) {
        budget.Release(held);
        bytes.clear();
        item.kind = WorkItem::Kind::kTouch;
        if (!queue.Push(std::move(item), 64)) break;
        continue;
      }

      // Read the letters, shipping a chunk whenever it is big enough.
      const std::string source_id = SourceId(path);
      std::map<std::string, int> keys_seen;
      bool abandoned = false;
      auto ship = [&](bool last) {
        item.chunk.last = last;
        size_t cost = ChunkCost(item.chunk);
        WorkItem out = std::move(item);
        item = WorkItem{};
        item.chunk.path = out.chunk.path;
        item.chunk.size = out.chunk.size;
        item.chunk.mtime_ns = out.chunk.mtime_ns;
        item.chunk.hash = out.chunk.hash;
        if (!queue.Push(std::move(out), cost)) abandoned = true;
      };
      size_t chunk_bytes = 0;
      uint32_t failed = 0;
      std::string first_error;
      LetterSink sink = [&](CitedLetter&& cited) -> bool {
        if (abandoned || stop.load()) return false;
        const Document& doc = cited.letter.document;
        if (!doc.error.empty()) {
          ++failed;
          if (first_error.empty()) first_error = doc.error;
          item.errors.push_back(Where(doc) + ": " + doc.error);
          return true;
        }
        // A PDF without a text layer is indexed (its metadata is searchable) but its words
        // and citations are not there: say so, as `extract` does in its warnings.
        for (const std::string& w : doc.warnings)
          if (w.rfind("no text layer", 0) == 0)
            item.flagged.push_back(Where(doc) + ": warning: " + w + "; indexed without its text");
        std::string key = LetterKey(cited.letter, item.chunk.hash);
        // Two documents of one source with the same key (duplicate member names): keep both.
        if (int n = ++keys_seen[key]; n > 1) key += "~" + std::to_string(n);
        try {
          LetterDocuments docs = builder.Build(cited, key, source_id);
          chunk_bytes += docs.memory;
          item.chunk.letters.push_back(std::move(docs));
        } catch (const Xapian::Error& e) {
          ++failed;
          item.errors.push_back(Where(doc) + ": " + e.get_description());
        } catch (const std::exception& e) {
          ++failed;
          item.errors.push_back(Where(doc) + ": " + e.what());
        }
        if (item.chunk.letters.size() >= options_.chunk_letters ||
            chunk_bytes >= options_.chunk_bytes) {
          ship(false);
          chunk_bytes = 0;
        }
        return !abandoned;
      };
      try {
        const std::string_view view(bytes);
        source_(path, load ? &view : nullptr, sink);
      } catch (const std::exception& e) {
        ++failed;
        item.errors.push_back(path + ": " + e.what());
      } catch (...) {
        ++failed;
        item.errors.push_back(path + ": unexpected error while reading");
      }
      bytes.clear();
      budget.Release(held);
      if (abandoned || stop.load()) break;
      item.chunk.letters_failed = failed;
      item.chunk.error = first_error;
      ship(true);
      if (abandoned) break;
    }
    if (running.fetch_sub(1) == 1) queue.Finish();
  };

  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(reader);
  auto finish_threads = [&] {
    queue.Close();
    for (std::thread& t : threads) t.join();
  };

  try {
    for (;;) {
      if (stop.load()) {
        stats.stopped = true;
        break;
      }
      std::optional<WorkItem> item = queue.PopFor(std::chrono::milliseconds(100));
      if (!item) {
        if (queue.Done()) break;
        on_progress(stats);
        continue;
      }
      for (const std::string& e : item->errors) on_error(e);
      for (const std::string& w : item->flagged) on_error(w);
      stats.failed += item->errors.size();
      switch (item->kind) {
        case WorkItem::Kind::kUnchanged:
          ++stats.skipped;
          break;
        case WorkItem::Kind::kTouch:
          ++stats.skipped;
          writer_->Touch(item->chunk.path, item->chunk.mtime_ns);
          break;
        case WorkItem::Kind::kChunk:
          for (const LetterDocuments& l : item->chunk.letters) {
            ++stats.letters;
            stats.comments += l.comments;
            stats.citations += l.citations;
          }
          writer_->WriteChunk(std::move(item->chunk));
          break;
      }
      if (item->kind != WorkItem::Kind::kChunk || item->chunk.last) {
        ++stats.files_done;
        stats.bytes_done += item->chunk.size;
      }
      on_progress(stats);
    }
  } catch (...) {
    finish_threads();
    throw;
  }
  finish_threads();
  writer_->Commit();
  return stats;
}

bool HashFile(const std::string& path, std::string* hash, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  ContentHasher hasher;
  std::vector<char> buf(1 << 20);
  bool ok = true;
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ok = false;
      break;
    }
    if (n == 0) break;
    hasher.Update(std::string_view(buf.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  if (ok) *hash = hasher.Final();
  return ok;
}

uint32_t ShardOf(std::string_view relative_path, uint32_t shards) {
  if (shards <= 1) return 0;
  std::string h = ContentHash(relative_path);
  uint64_t v = std::stoull(h.substr(0, 16), nullptr, 16);
  return static_cast<uint32_t>(v % shards);
}

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  if (ec) p = path;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::vector<SourceRecord> GoneSources(const std::vector<SourceRecord>& records,
                                      const std::vector<std::string>& roots,
                                      const std::set<std::string>& seen) {
  std::vector<std::string> abs_roots;
  for (const std::string& r : roots) abs_roots.push_back(AbsolutePath(r));
  std::vector<SourceRecord> gone;
  for (const SourceRecord& r : records) {
    if (abs_roots.empty()) {
      struct stat st;
      if (::stat(r.path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) gone.push_back(r);
      continue;
    }
    bool under = false;
    for (const std::string& root : abs_roots) {
      if (r.path == root || (r.path.size() > root.size() && r.path.compare(0, root.size(), root) == 0 &&
                             (root == "/" || r.path[root.size()] == '/'))) {
        under = true;
        break;
      }
    }
    if (under && !seen.count(r.path)) gone.push_back(r);
  }
  return gone;
}

}  // namespace secxref
