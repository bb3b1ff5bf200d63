// Internal to indexer/read: the state a reader passes down when a container (archive,
// compressed stream, SGML submission) hands its members back to content dispatch.
#ifndef SECXREF_READ_READ_CONTEXT_H_
#define SECXREF_READ_READ_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "indexer/read/document.h"
#include "indexer/read/reader.h"

namespace secxref {

// Separates nesting levels in Document::member. The outermost file is Document::source, so
// a zip entry holding an SGML submission gives member "0001193125-24-039535.txt!filename1.htm".
inline constexpr std::string_view kMemberSeparator = "!";

struct ReadFrame {
  const std::string* source = nullptr;
  const ReadLimits* limits = nullptr;
  const DocumentSink* sink = nullptr;
  std::optional<std::string> member;
  SubmissionInfo header;      // stated by an enclosing SGML header: wins
  SubmissionInfo from_path;   // from the deepest EDGAR path seen so far
  uint32_t depth = 0;         // containers entered so far
  bool in_container = false;  // images, XML and the like are skipped silently inside

  // A frame for a member named `name` of this container.
  ReadFrame Child(std::string_view name) const;
};

// Sniffs `bytes` and reads them with the matching reader. Never throws.
void ReadInput(const ReadFrame& frame, std::string_view bytes);

// Emits one Document for `frame` carrying `error`.
void EmitError(const ReadFrame& frame, std::string format, std::string error, uint64_t raw_bytes);

// "file too large (N bytes > limit)".
std::string TooLargeMessage(uint64_t size, uint64_t limit);

}  // namespace secxref

#endif  // SECXREF_READ_READ_CONTEXT_H_
