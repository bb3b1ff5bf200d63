// Chooses a reader from the bytes, never from the file name.
#ifndef SECXREF_READ_FORMAT_SNIFFER_H_
#define SECXREF_READ_FORMAT_SNIFFER_H_

#include <string_view>

namespace secxref {

enum class InputFormat {
  kEmpty,           // no bytes, or only whitespace
  kPdf,             // "%PDF-" in the first KiB
  kArchive,         // zip, tar, 7z, rar, cpio
  kCompressed,      // gzip, bzip2, xz, zstd, lzip, compress: maybe a tarball, maybe one file
  kSgmlSubmission,  // EDGAR <SEC-DOCUMENT>/<SEC-HEADER>, PDS <SUBMISSION>, <IMS-DOCUMENT>
  kSgmlDocument,    // one EDGAR <DOCUMENT> wrapper (how CORRESP .htm files are stored)
  kUuencoded,       // "begin 644 name" / "begin-base64 644 name"
  kHtml,
  kText,
  kImage,   // JPEG, PNG, GIF, TIFF: never a letter
  kXml,     // XML that is not XHTML (XBRL, EDGAR metadata)
  kBinary,  // anything else with NULs or many control bytes
};

InputFormat DetectFormat(std::string_view bytes);

const char* InputFormatName(InputFormat format);

}  // namespace secxref

#endif  // SECXREF_READ_FORMAT_SNIFFER_H_
