// Fuzzes the citation grammar: Grammar::Default().Extract over arbitrary bytes.
//
// The first byte picks the options: bit 0 lenient (query arguments), bit 1 context resets
// every 64 bytes (comment starts), bit 2 a heading over the first line. The rest is the text,
// passed as is (the grammar must hold on any bytes, not only on the readers' valid UTF-8).
// Checked beyond "no crash": every citation span lies inside the text, is non-empty and in
// order, and has an id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "indexer/extract/grammar.h"

using secxref::Citation;
using secxref::ExtractOptions;
using secxref::Grammar;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  ExtractOptions options;
  options.lenient = mode & 1;
  if (mode & 2)
    for (uint32_t at = 64; at < text.size(); at += 64) options.resets.push_back(at);
  if (mode & 4) {
    size_t nl = text.find('\n');
    options.headings.emplace_back(0, static_cast<uint32_t>(nl == text.npos ? text.size() : nl));
  }
  const std::vector<Citation> found = Grammar::Default().Extract(text, options);
  uint32_t previous = 0;
  for (const Citation& c : found) {
    if (c.start > c.end || c.end > text.size() || c.id.empty()) abort();
    if (c.start < previous) abort();  // text order
    previous = c.start;
  }
  return 0;
}
