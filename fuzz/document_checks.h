// Checks every fuzz target applies to the Documents a reader hands back: the contract of
// indexer/read/document.h and reader.h, beyond "no crash". A violation aborts, which
// libFuzzer reports as a crash with the input that caused it.
#ifndef SECXREF_FUZZ_DOCUMENT_CHECKS_H_
#define SECXREF_FUZZ_DOCUMENT_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "indexer/base/utf8.h"
#include "indexer/read/document.h"
#include "indexer/read/reader.h"

namespace secxref::fuzz {

inline void Fail(const char* what) {
  std::fprintf(stderr, "document contract violated: %s\n", what);
  std::abort();
}

// Text conventions and line table of one Document.
inline void CheckDocument(const Document& doc) {
  if (doc.format.empty()) Fail("format not set");
  if (!doc.error.empty()) {
    if (!doc.text.empty()) Fail("error document with text");
    return;
  }
  if (!IsValidUtf8(doc.text)) Fail("text is not valid UTF-8");
  if (doc.text.find('\r') != std::string::npos) Fail("CR in text");
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& l = doc.lines[i];
    if (l.start > l.end || l.end > doc.text.size()) Fail("line outside the text");
    if (i > 0 && l.start <= previous_end) Fail("lines out of order");
    if (l.end < doc.text.size() && doc.text[l.end] != '\n') Fail("line does not end at '\\n'");
    previous_end = l.end;
  }
}

// Runs ReadBytes and checks that it yields at least one Document, each well-formed.
inline void ReadAndCheck(std::string_view bytes) {
  size_t documents = 0;
  ReadLimits limits;
  ReadBytes("fuzz-input", bytes, limits, [&](Document&& doc) {
    ++documents;
    if (doc.source != "fuzz-input") Fail("source not recorded");
    CheckDocument(doc);
  });
  if (documents == 0) Fail("no Document for an input");
}

}  // namespace secxref::fuzz

#endif  // SECXREF_FUZZ_DOCUMENT_CHECKS_H_
