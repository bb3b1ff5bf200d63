// Fuzzes the EDGAR SGML reader: ParseSgml on the bytes as they are, then the whole read
// (ReadBytes: header fields, <DOCUMENT> split, uuencoded members, each member read by
// content) with the bytes made to sniff as SGML — a submission header is put in front of
// inputs that do not already start like one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/document_checks.h"
#include "indexer/read/format_sniffer.h"
#include "indexer/read/sgml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  secxref::SgmlSubmission sub = secxref::ParseSgml(bytes);
  for (const secxref::SgmlPart& part : sub.parts) {
    // Bodies are views into the input.
    if (!part.body.empty() &&
        (part.body.data() < bytes.data() || part.body.data() + part.body.size() > bytes.data() + size))
      secxref::fuzz::Fail("SGML part body outside the input");
    (void)secxref::IsNonLetterPart(part);
  }
  secxref::InputFormat f = secxref::DetectFormat(bytes);
  if (f == secxref::InputFormat::kSgmlSubmission || f == secxref::InputFormat::kSgmlDocument) {
    secxref::fuzz::ReadAndCheck(bytes);
  } else {
    secxref::fuzz::ReadAndCheck("<SEC-DOCUMENT>\n" + std::string(bytes));
  }
  return 0;
}
