// The `add` pipeline: N reader threads turn input files into documents (read, segment, cite,
// build Xapian documents), a bounded queue carries them to the one writer (IndexWriter, on
// the calling thread). Memory stays flat: readers hold at most a byte budget of input, the
// queue at most a byte budget of documents, the writer at most one batch.
#ifndef SECXREF_INDEX_PIPELINE_H_
#define SECXREF_INDEX_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/cited_letter.h"
#include "indexer/index/index_writer.h"
#include "indexer/read/reader.h"

namespace secxref {

// Receives the letters of one input; returns false once nobody wants more (stopping).
using LetterSink = std::function<bool(CitedLetter&&)>;
// Produces the letters of one input file: from `bytes` when the file is in memory, else (a file
// over PipelineOptions::load_limit, typically an archive) by reading `path` itself, streaming.
// A document that could not be read comes as a CitedLetter whose letter.document.error is set.
// Must not throw.
using LetterSource = std::function<void(const std::string& path, const std::string_view* bytes,
                                        const LetterSink& sink)>;

// ReadBytes or ReadFile, then SegmentLetter + CiteLetter (inputs.cc).
LetterSource DefaultLetterSource(const ReadLimits& limits);

struct PipelineOptions {
  unsigned jobs = 0;                     // reader threads; 0: one per hardware thread
  bool rehash = false;                   // read and hash files even if size and mtime match
  // Files up to this size are read once into memory, hashed and parsed from there; bigger ones
  // (archives) are hashed in a streaming pass and then read from disk by the source, so an
  // archive of any size costs no more memory than its largest member.
  uint64_t load_limit = 16u << 20;
  size_t input_budget = 64u << 20;       // bytes of input held at once by all readers (a
                                         // streamed file counts as a largest member, 64 MB)
  size_t queue_bytes = 32u << 20;        // memory of built documents waiting for the writer
  size_t chunk_letters = 32;             // letters of one source per transaction...
  size_t chunk_bytes = 4u << 20;         // ...or this much document memory
};

struct PipelineStats {
  uint64_t files = 0;          // inputs to consider
  uint64_t files_done = 0;
  uint64_t bytes = 0;          // their total size
  uint64_t bytes_done = 0;
  uint64_t letters = 0;        // letters written
  uint64_t comments = 0;
  uint64_t citations = 0;
  uint64_t skipped = 0;        // inputs unchanged since the last run
  uint64_t failed = 0;         // documents (or whole files) that could not be read
  bool stopped = false;        // interrupted: what was done is committed, the rest is not
};

class Pipeline {
 public:
  Pipeline(IndexWriter* writer, LetterSource source, PipelineOptions options);

  // Indexes `files`. Returns when all are done, or soon after `stop` turns true (the writer
  // finishes the chunk in hand and commits). Callbacks run on the calling thread:
  // `on_error` once per failed document ("path[:member]: message"; also, not counted as
  // failed, "path: warning: no text layer ..." per letter read without text), `on_progress`
  // after every item and at least every 100 ms.
  PipelineStats Run(const std::vector<InputFile>& files, const std::atomic<bool>& stop,
                    const std::function<void(const std::string&)>& on_error,
                    const std::function<void(const PipelineStats&)>& on_progress);

 private:
  IndexWriter* writer_;
  LetterSource source_;
  PipelineOptions options_;
};

// The shard (0-based k of n) a file belongs to, from a hash of its path relative to the input
// it was found under: the same tree indexed on different machines splits the same way.
uint32_t ShardOf(std::string_view relative_path, uint32_t shards);

// Walks PATHs (made absolute) into files, keeping those of shard k/n (n = 0: all). `seen` gets
// every file found, before shard selection (for --prune).
std::vector<InputFile> ListShardInputs(const std::vector<std::string>& roots, uint32_t shard,
                                       uint32_t shards, std::vector<std::string>* errors,
                                       std::set<std::string>* seen);

// Sources recorded under one of `roots` (or anywhere, when roots is empty) whose file is
// not in `seen` (roots given) or no longer exists (no roots). Their letters should go.
std::vector<SourceRecord> GoneSources(const std::vector<SourceRecord>& records,
                                      const std::vector<std::string>& roots,
                                      const std::set<std::string>& seen);

// An absolute, lexically normal form of a path (no symlink resolution).
std::string AbsolutePath(const std::string& path);

// ContentHash (indexer/base/hash.h) of a file's bytes, computed in a streaming pass.
bool HashFile(const std::string& path, std::string* hash, std::string* error);

}  // namespace secxref

#endif  // SECXREF_INDEX_PIPELINE_H_
