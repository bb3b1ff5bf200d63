#include "indexer/read/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace secxref {
namespace {

// Input is handed to libarchive in blocks of this size, so that the bytes consumed while
// an entry is decompressed measure its compressed size (to this granularity).
constexpr size_t kBlock = 16 * 1024;
constexpr size_t kChunk = 64 * 1024;  // decompressed bytes per read

// Byte source with the callbacks libarchive wants; counts what it delivered.
class Source {
 public:
  virtual ~Source() = default;
  virtual la_ssize_t Read(const void** buffer) = 0;
  virtual la_int64_t Seek(la_int64_t offset, int whence) = 0;
  uint64_t delivered = 0;

  static la_ssize_t ReadCallback(struct archive*, void* self, const void** buffer) {
    Source* s = static_cast<Source*>(self);
    la_ssize_t n = s->Read(buffer);
    if (n > 0) s->delivered += static_cast<uint64_t>(n);
    return n;
  }
  static la_int64_t SeekCallback(struct archive*, void* self, la_int64_t offset, int whence) {
    return static_cast<Source*>(self)->Seek(offset, whence);
  }
};

class MemorySource : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  la_ssize_t Read(const void** buffer) override {
    size_t n = std::min(kBlock, bytes_.size() - pos_);
    *buffer = bytes_.data() + pos_;
    pos_ += n;
    return static_cast<la_ssize_t>(n);
  }
  la_int64_t Seek(la_int64_t offset, int whence) override {
    la_int64_t base = whence == SEEK_SET   ? 0
                      : whence == SEEK_CUR ? static_cast<la_int64_t>(pos_)
                                           : static_cast<la_int64_t>(bytes_.size());
    la_int64_t to = base + offset;
    if (to < 0) return ARCHIVE_FATAL;
    pos_ = std::min(static_cast<size_t>(to), bytes_.size());
    return static_cast<la_int64_t>(pos_);
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

class FileSource : public Source {
 public:
  explicit FileSource(FILE* f) : f_(f), buffer_(kBlock) {}
  ~FileSource() override { std::fclose(f_); }
  la_ssize_t Read(const void** buffer) override {
    size_t n = std::fread(buffer_.data(), 1, buffer_.size(), f_);
    if (n == 0 && std::ferror(f_)) return ARCHIVE_FATAL;
    *buffer = buffer_.data();
    return static_cast<la_ssize_t>(n);
  }
  la_int64_t Seek(la_int64_t offset, int whence) override {
    if (fseeko(f_, static_cast<off_t>(offset), whence) != 0) return ARCHIVE_FATAL;
    return static_cast<la_int64_t>(ftello(f_));
  }

 private:
  FILE* f_;
  std::vector<char> buffer_;
};

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

std::string ArchiveError(struct archive* a) {
  const char* msg = archive_error_string(a);
  return msg != nullptr ? msg : "unknown error";
}

// "letter.pdf.gz" -> "letter.pdf": the name of the one file in a compressed stream.
std::string StreamMemberName(const ReadFrame& frame) {
  std::string name = frame.member ? *frame.member : *frame.source;
  size_t cut = name.find_last_of("/\\!");
  if (cut != std::string::npos) name = name.substr(cut + 1);
  for (std::string_view ext : {".gz", ".bz2", ".xz", ".zst", ".lz", ".Z", ".gzip"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) {
      return name.substr(0, name.size() - ext.size());
    }
  }
  return name.empty() ? "data" : name + ".uncompressed";
}

bool RatioExceeded(uint64_t expanded, uint64_t consumed, uint32_t limit) {
  return limit > 0 && expanded > static_cast<uint64_t>(limit) * kBlock &&
         expanded / std::max<uint64_t>(consumed, kBlock) > limit;
}

class EntryReader {
 public:
  EntryReader(const ReadFrame& frame, Source* source, bool compressed_stream)
      : frame_(frame), limits_(*frame.limits), source_(source), a_(archive_read_new()) {
    // Members report through a counting sink: an archive of nothing but images still
    // yields one Document.
    outer_sink_ = frame.sink;
    counting_ = [this](Document&& doc) {
      ++emitted_;
      (*outer_sink_)(std::move(doc));
    };
    frame_.sink = &counting_;
    struct archive* a = a_.get();
    archive_read_support_filter_all(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_7zip(a);
    archive_read_support_format_rar(a);
    archive_read_support_format_rar5(a);
    archive_read_support_format_cpio(a);
    if (compressed_stream) archive_read_support_format_raw(a);
    archive_read_set_read_callback(a, &Source::ReadCallback);
    archive_read_set_seek_callback(a, &Source::SeekCallback);
    archive_read_set_callback_data(a, source);
  }

  void Run() {
    struct archive* a = a_.get();
    if (archive_read_open1(a) != ARCHIVE_OK) {
      EmitError(frame_, "archive", "cannot read archive: " + ArchiveError(a), 0);
      return;
    }
    uint32_t entries = 0, files = 0;
    std::string data;
    while (true) {
      struct archive_entry* entry = nullptr;
      int r = archive_read_next_header(a, &entry);
      if (r == ARCHIVE_EOF) break;
      if (r == ARCHIVE_RETRY) continue;
      if (r < ARCHIVE_WARN) return Fail("archive damaged: " + ArchiveError(a));
      if (++entries > limits_.max_archive_entries) {
        return Fail("archive has more than " + std::to_string(limits_.max_archive_entries) +
                    " entries (limit); the rest were not read");
      }
      bool raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
      if (!raw && archive_entry_filetype(entry) != AE_IFREG) continue;
      const char* path = archive_entry_pathname_utf8(entry);
      if (path == nullptr) path = archive_entry_pathname(entry);
      std::string name = raw ? StreamMemberName(frame_) : (path != nullptr ? path : "");
      if (name.empty()) name = "entry " + std::to_string(entries);
      ++files;
      ReadFrame child = frame_.Child(name);
      if (archive_entry_is_encrypted(entry)) {
        EmitError(child, "unknown", "encrypted archive entry (cannot be read)", 0);
        if (!Skip(child)) return;
        continue;
      }
      if (archive_entry_size_is_set(entry) &&
          static_cast<uint64_t>(archive_entry_size(entry)) > limits_.max_file_bytes) {
        uint64_t size = static_cast<uint64_t>(archive_entry_size(entry));
        EmitError(child, "unknown", TooLargeMessage(size, limits_.max_file_bytes), size);
        if (!Skip(child)) return;
        continue;
      }
      data.clear();
      switch (Pump(child, &data)) {
        case PumpResult::kStop:
          return;
        case PumpResult::kTooLarge:
          continue;
        case PumpResult::kOk:
          ReadInput(child, data);
          break;
      }
    }
    frame_.sink = outer_sink_;
    if (files == 0) {
      EmitError(frame_, "archive", "archive contains no files", 0);
    } else if (emitted_ == 0) {
      EmitError(frame_, "archive",
                "archive holds no letters (" + std::to_string(files) + " files skipped)", 0);
    }
  }

 private:
  enum class PumpResult { kOk, kTooLarge, kStop };

  void Fail(const std::string& message) { EmitError(frame_, "archive", message, total_); }

  // Decompresses the current entry into `data` (or discards it when data is null),
  // enforcing the archive-wide limits. An entry over max_file_bytes is drained, not kept.
  PumpResult Pump(const ReadFrame& child, std::string* data) {
    struct archive* a = a_.get();
    uint64_t consumed_at_start = source_->delivered;
    uint64_t entry_bytes = 0;
    bool too_large = false;
    while (true) {
      la_ssize_t n = archive_read_data(a, chunk_.data(), chunk_.size());
      if (n == 0) break;
      if (n < 0) {
        EmitError(child, "unknown", "archive damaged: " + ArchiveError(a), entry_bytes);
        return n < ARCHIVE_WARN ? PumpResult::kStop : PumpResult::kTooLarge;
      }
      entry_bytes += static_cast<uint64_t>(n);
      total_ += static_cast<uint64_t>(n);
      if (total_ > limits_.max_archive_bytes) {
        Fail("archive expands beyond " + std::to_string(limits_.max_archive_bytes) +
             " bytes (limit); the rest were not read");
        return PumpResult::kStop;
      }
      if (RatioExceeded(entry_bytes, source_->delivered - consumed_at_start,
                        limits_.max_compression_ratio) ||
          RatioExceeded(total_, source_->delivered, limits_.max_compression_ratio)) {
        EmitError(child, "unknown",
                  "compression ratio over " + std::to_string(limits_.max_compression_ratio) +
                      ":1 (limit; archive bomb?)",
                  entry_bytes);
        return PumpResult::kStop;  // the rest of a bomb is not worth decompressing
      }
      if (data == nullptr || too_large) continue;
      if (entry_bytes > limits_.max_file_bytes) {
        too_large = true;
        data->clear();
        continue;
      }
      data->append(chunk_.data(), static_cast<size_t>(n));
    }
    if (too_large) {
      EmitError(child, "unknown",
                TooLargeMessage(entry_bytes, limits_.max_file_bytes) + " (uncompressed)",
                entry_bytes);
      return PumpResult::kTooLarge;
    }
    return PumpResult::kOk;
  }

  // Skips the current entry. Behind a compression filter skipping means decompressing, so
  // the bytes are pumped through the limits; otherwise libarchive seeks past them.
  bool Skip(const ReadFrame& child) {
    if (archive_filter_count(a_.get()) > 1) return Pump(child, nullptr) != PumpResult::kStop;
    if (archive_read_data_skip(a_.get()) < ARCHIVE_WARN) {
      Fail("archive damaged: " + ArchiveError(a_.get()));
      return false;
    }
    return true;
  }

  ReadFrame frame_;
  const DocumentSink* outer_sink_;
  DocumentSink counting_;
  size_t emitted_ = 0;
  const ReadLimits& limits_;
  Source* source_;
  ArchivePtr a_;
  uint64_t total_ = 0;
  std::vector<char> chunk_ = std::vector<char>(kChunk);
};

}  // namespace

void ReadArchiveBytes(const ReadFrame& frame, std::string_view bytes, bool compressed_stream) {
  MemorySource source(bytes);
  EntryReader(frame, &source, compressed_stream).Run();
}

void ReadArchiveFile(const ReadFrame& frame, const std::string& path, bool compressed_stream) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    EmitError(frame, "archive", std::string("cannot open: ") + std::strerror(errno), 0);
    return;
  }
  FileSource source(f);
  EntryReader(frame, &source, compressed_stream).Run();
}

bool DecodeUuencoded(std::string_view text, uint64_t limit, std::string* out, std::string* error) {
  ArchivePtr a(archive_read_new());
  archive_read_support_filter_uu(a.get());
  archive_read_support_format_raw(a.get());
  MemorySource source(text);
  archive_read_set_read_callback(a.get(), &Source::ReadCallback);
  archive_read_set_callback_data(a.get(), &source);
  struct archive_entry* entry = nullptr;
  if (archive_read_open1(a.get()) != ARCHIVE_OK ||
      archive_read_next_header(a.get(), &entry) < ARCHIVE_WARN ||
      archive_filter_code(a.get(), 0) != ARCHIVE_FILTER_UU) {
    // libarchive states no error when the bytes are simply not uuencoding (the uu filter did
    // not engage): say what that means instead of "unknown error".
    *error = "cannot decode uuencoded document: " +
             (archive_error_string(a.get()) != nullptr ? ArchiveError(a.get())
                                                       : std::string("damaged or truncated uuencoding"));
    return false;
  }
  out->clear();
  std::vector<char> chunk(kChunk);
  while (true) {
    la_ssize_t n = archive_read_data(a.get(), chunk.data(), chunk.size());
    if (n == 0) break;
    if (n < 0) {
      *error = "damaged uuencoded document: " + ArchiveError(a.get());
      return false;
    }
    if (out->size() + static_cast<uint64_t>(n) > limit) {
      *error = TooLargeMessage(out->size() + static_cast<uint64_t>(n), limit) +
               " (decoded, read so far)";
      return false;
    }
    out->append(chunk.data(), static_cast<size_t>(n));
  }
  return true;
}

}  // namespace secxref
