// zip, tar, 7z, rar and cpio archives and compressed streams (gzip, bzip2, xz, zstd...)
// through libarchive. Nothing is ever written to disk: entry names such as "../../x" are
// only names. Each regular entry goes back to content dispatch as a member.
#ifndef SECXREF_READ_ARCHIVE_READER_H_
#define SECXREF_READ_ARCHIVE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/read/read_context.h"

namespace secxref {

// Reads an archive held in memory. `compressed_stream`: the bytes are a compressed stream
// that may hold a tarball or a single file (read as one member named after the input
// minus its compression suffix).
void ReadArchiveBytes(const ReadFrame& frame, std::string_view bytes, bool compressed_stream);

// Same, streaming from a file, so an archive larger than max_file_bytes can be read.
void ReadArchiveFile(const ReadFrame& frame, const std::string& path, bool compressed_stream);

// Decodes a uuencoded ("begin 644 name") or base64 ("begin-base64 644 name") block.
// Returns false with `error` set when the block is damaged or decodes to more than `limit`.
bool DecodeUuencoded(std::string_view text, uint64_t limit, std::string* out, std::string* error);

}  // namespace secxref

#endif  // SECXREF_READ_ARCHIVE_READER_H_
