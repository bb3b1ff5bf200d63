// Readers turn input bytes into Documents. The format is chosen by content, never by file
// name: SGML submission, zip/tar archive, PDF, HTML, plain text (UTF-8 or cp1252).
//
// Containers fan out: an archive or an SGML submission yields one Document per letter
// inside; a directory is walked recursively (symlink loops ignored). Every input yields at
// least one Document; a bad one yields a Document with `error` set, and reading goes on.
#ifndef SECXREF_READ_READER_H_
#define SECXREF_READ_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/read/document.h"

namespace secxref {

// Limits that keep hostile inputs (bombs, huge files) from exhausting the machine.
// Documented in docs/reading.md.
struct ReadLimits {
  uint64_t max_file_bytes = 64ull << 20;        // a single input file (not an archive) or member
  uint64_t max_archive_bytes = 1ull << 30;      // total uncompressed bytes per archive
  uint32_t max_archive_entries = 100000;        // entries per archive
  uint32_t max_compression_ratio = 200;         // member uncompressed/compressed
  uint32_t max_nesting = 3;                     // archive in archive / SGML in archive
  uint32_t max_pdf_pages = 2000;
};

using DocumentSink = std::function<void(Document&&)>;

// One file found by walking the inputs.
struct InputFile {
  std::string path;   // as given, or given dir + relative path
  uint64_t size = 0;
  int64_t mtime = 0;  // seconds since the epoch
};

// Expands PATHs (files and directories, recursively, in a stable sorted order) into files.
// Unreadable paths and symlink loops are reported through `errors` as "path: message".
std::vector<InputFile> ListInputs(const std::vector<std::string>& paths,
                                  std::vector<std::string>* errors);

// Reads one input whose bytes are already in memory. `source` is recorded in every
// Document produced. Never throws; errors become Documents with `error` set.
void ReadBytes(const std::string& source, std::string_view bytes, const ReadLimits& limits,
               const DocumentSink& sink);

// Reads a file (loads it, honouring limits.max_file_bytes) and calls ReadBytes; archives are
// streamed from disk instead, bounded by the archive limits.
void ReadFile(const std::string& path, const ReadLimits& limits, const DocumentSink& sink);

// Convenience: ListInputs + ReadFile for each; walker errors become error Documents.
// Symbolic link loops are skipped, not errors; `on_skipped` ("path: message") is told of each.
void ReadPaths(const std::vector<std::string>& paths, const ReadLimits& limits,
               const DocumentSink& sink,
               const std::function<void(const std::string&)>& on_skipped = nullptr);

}  // namespace secxref

#endif  // SECXREF_READ_READER_H_
