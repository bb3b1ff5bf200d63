// Content dispatch: sniff the bytes, run the matching reader, clean up, assemble the text.
#include "indexer/read/reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <utility>

#include "indexer/read/archive_reader.h"
#include "indexer/read/edgar_path.h"
#include "indexer/read/format_sniffer.h"
#include "indexer/read/html_reader.h"
#include "indexer/read/input_walker.h"
#include "indexer/read/page_furniture.h"
#include "indexer/read/pdf_reader.h"
#include "indexer/read/plain_text_reader.h"
#include "indexer/read/read_context.h"
#include "indexer/read/sgml_reader.h"
#include "indexer/read/text_builder.h"
#include "indexer/read/text_encoding.h"

namespace secxref {
namespace {

constexpr size_t kSniffBytes = 4096;

void Prefer(std::optional<std::string>* field, const std::optional<std::string>& value) {
  if (value.has_value() && !value->empty()) *field = value;
}

// SGML header fields win; the EDGAR path fills what the header does not say.
SubmissionInfo Merged(const ReadFrame& frame) {
  SubmissionInfo info = frame.from_path;
  Prefer(&info.accession, frame.header.accession);
  Prefer(&info.cik, frame.header.cik);
  Prefer(&info.form_type, frame.header.form_type);
  Prefer(&info.filed_date, frame.header.filed_date);
  Prefer(&info.company, frame.header.company);
  return info;
}

Document NewDocument(const ReadFrame& frame, std::string format, uint64_t raw_bytes) {
  Document doc;
  doc.source = *frame.source;
  doc.member = frame.member;
  doc.format = std::move(format);
  doc.submission = Merged(frame);
  doc.raw_bytes = raw_bytes;
  return doc;
}

void Finish(const ReadFrame& frame, Document doc, RawLines lines) {
  RemovePageFurniture(&lines);
  BuildText(lines, &doc);
  if (doc.text.empty() && doc.warnings.empty()) doc.warnings.push_back("no text found");
  (*frame.sink)(std::move(doc));
}

const char* kCp1252Warning = "not valid UTF-8; decoded as Windows-1252";

void ReadTextLike(const ReadFrame& frame, std::string_view bytes, bool html) {
  Document doc = NewDocument(frame, html ? "html" : "text", bytes.size());
  TextEncoding encoding;
  std::string utf8 = DecodeText(bytes, &encoding);
  if (encoding == TextEncoding::kCp1252) doc.warnings.push_back(kCp1252Warning);
  std::string error;
  RawLines lines = html ? ReadHtmlLines(utf8, &error) : ReadPlainTextLines(utf8);
  if (!error.empty()) {
    doc.error = std::move(error);
    (*frame.sink)(std::move(doc));
    return;
  }
  Finish(frame, std::move(doc), std::move(lines));
}

void ReadPdfDocument(const ReadFrame& frame, std::string_view bytes) {
  PdfReadResult pdf = ReadPdf(bytes, *frame.limits);
  Document doc = NewDocument(frame, "pdf", bytes.size());
  doc.warnings = std::move(pdf.warnings);
  if (!pdf.error.empty()) {
    doc.error = std::move(pdf.error);
    (*frame.sink)(std::move(doc));
    return;
  }
  Finish(frame, std::move(doc), std::move(pdf.lines));
}

bool NestingAllowed(const ReadFrame& frame, const char* format) {
  if (frame.depth < frame.limits->max_nesting) return true;
  EmitError(
      frame, format,
      "containers nested too deeply (limit " + std::to_string(frame.limits->max_nesting) + ")", 0);
  return false;
}

void ReadSgml(const ReadFrame& frame, std::string_view bytes) {
  SgmlSubmission sub = ParseSgml(bytes);
  ReadFrame base = frame;
  Prefer(&base.header.accession, sub.info.accession);
  Prefer(&base.header.cik, sub.info.cik);
  Prefer(&base.header.form_type, sub.info.form_type);
  Prefer(&base.header.filed_date, sub.info.filed_date);
  Prefer(&base.header.company, sub.info.company);
  if (sub.parts.empty()) {
    EmitError(base, "sgml", "EDGAR SGML without any <DOCUMENT>", bytes.size());
    return;
  }
  // One <DOCUMENT> wrapper around a stored file: the file itself, not a member.
  if (sub.parts.size() == 1 && !sub.has_header) {
    const SgmlPart& part = sub.parts[0];
    if (!base.header.form_type && !part.type.empty()) base.header.form_type = part.type;
    if (IsNonLetterPart(part)) {
      EmitError(base, "sgml", "not a letter (EDGAR " + part.type + " document)", bytes.size());
      return;
    }
    ReadInput(base, part.body);
    return;
  }
  if (!NestingAllowed(frame, "sgml")) return;
  size_t emitted = 0;
  DocumentSink counting = [&](Document&& doc) {
    ++emitted;
    (*frame.sink)(std::move(doc));
  };
  base.sink = &counting;
  std::string skipped;
  for (size_t i = 0; i < sub.parts.size(); ++i) {
    const SgmlPart& part = sub.parts[i];
    if (IsNonLetterPart(part)) {
      if (!skipped.empty()) skipped += ", ";
      skipped += part.type.empty() ? part.filename : part.type;
      continue;
    }
    std::string name = !part.filename.empty()   ? part.filename
                       : !part.sequence.empty() ? "document " + part.sequence
                                                : "document " + std::to_string(i + 1);
    ReadInput(base.Child(name), part.body);
  }
  if (emitted == 0) {
    base.sink = frame.sink;
    EmitError(base, "sgml",
              "no letter in the submission" + (skipped.empty() ? "" : " (skipped " + skipped + ")"),
              bytes.size());
  }
}

void ReadUuencoded(const ReadFrame& frame, std::string_view bytes) {
  std::string decoded, error;
  if (!DecodeUuencoded(bytes, frame.limits->max_file_bytes, &decoded, &error)) {
    EmitError(frame, "uuencoded", error, bytes.size());
    return;
  }
  if (decoded.size() >= bytes.size()) {  // cannot happen for real uuencoding; stops loops
    EmitError(frame, "uuencoded", "damaged uuencoded document", bytes.size());
    return;
  }
  ReadInput(frame, decoded);
}

void Dispatch(const ReadFrame& frame, std::string_view bytes) {
  InputFormat format = DetectFormat(bytes);
  switch (format) {
    case InputFormat::kEmpty:
      EmitError(frame, "empty", bytes.empty() ? "empty file" : "empty file (only whitespace)",
                bytes.size());
      return;
    case InputFormat::kPdf:
      ReadPdfDocument(frame, bytes);
      return;
    case InputFormat::kHtml:
      ReadTextLike(frame, bytes, true);
      return;
    case InputFormat::kText:
      ReadTextLike(frame, bytes, false);
      return;
    case InputFormat::kSgmlSubmission:
    case InputFormat::kSgmlDocument:
      ReadSgml(frame, bytes);
      return;
    case InputFormat::kUuencoded:
      ReadUuencoded(frame, bytes);
      return;
    case InputFormat::kArchive:
    case InputFormat::kCompressed:
      if (NestingAllowed(frame, "archive"))
        ReadArchiveBytes(frame, bytes, format == InputFormat::kCompressed);
      return;
    case InputFormat::kImage:
    case InputFormat::kXml:
    case InputFormat::kBinary:
      if (frame.in_container && format != InputFormat::kBinary) return;  // not a letter
      EmitError(frame, InputFormatName(format),
                std::string("not a letter (") +
                    (format == InputFormat::kImage ? "image data"
                     : format == InputFormat::kXml ? "XML data"
                                                   : "unrecognised binary data") +
                    ")",
                bytes.size());
      return;
  }
}

ReadFrame TopFrame(const std::string& source, const ReadLimits& limits, const DocumentSink& sink) {
  ReadFrame frame;
  frame.source = &source;
  frame.limits = &limits;
  frame.sink = &sink;
  frame.from_path = SubmissionFromPath(source);
  return frame;
}

}  // namespace

ReadFrame ReadFrame::Child(std::string_view name) const {
  ReadFrame child = *this;
  child.member =
      member ? *member + std::string(kMemberSeparator) + std::string(name) : std::string(name);
  child.depth = depth + 1;
  child.in_container = true;
  SubmissionInfo path = SubmissionFromPath(name);
  if (path.accession) child.from_path = path;
  return child;
}

std::string TooLargeMessage(uint64_t size, uint64_t limit) {
  return "file too large (" + std::to_string(size) + " bytes > limit " + std::to_string(limit) +
         ")";
}

void EmitError(const ReadFrame& frame, std::string format, std::string error, uint64_t raw_bytes) {
  Document doc = NewDocument(frame, std::move(format), raw_bytes);
  doc.error = std::move(error);
  (*frame.sink)(std::move(doc));
}

void ReadInput(const ReadFrame& frame, std::string_view bytes) {
  try {
    Dispatch(frame, bytes);
  } catch (const std::bad_alloc&) {
    EmitError(frame, "unknown", "out of memory while reading", bytes.size());
  } catch (const std::exception& e) {
    EmitError(frame, "unknown", std::string("internal error while reading: ") + e.what(),
              bytes.size());
  } catch (...) {
    EmitError(frame, "unknown", "internal error while reading", bytes.size());
  }
}

void ReadBytes(const std::string& source, std::string_view bytes, const ReadLimits& limits,
               const DocumentSink& sink) {
  ReadFrame frame = TopFrame(source, limits, sink);
  InputFormat format = DetectFormat(bytes.substr(0, kSniffBytes));
  bool container = format == InputFormat::kArchive || format == InputFormat::kCompressed;
  if (!container && bytes.size() > limits.max_file_bytes) {
    EmitError(frame, "unknown", TooLargeMessage(bytes.size(), limits.max_file_bytes), bytes.size());
    return;
  }
  ReadInput(frame, bytes);
}

void ReadFile(const std::string& path, const ReadLimits& limits, const DocumentSink& sink) {
  ReadFrame frame = TopFrame(path, limits, sink);
  try {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      EmitError(frame, "unknown", std::string("cannot open: ") + std::strerror(errno), 0);
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      ReadPaths({path}, limits, sink);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      EmitError(frame, "unknown", "not a regular file", 0);
      return;
    }
    uint64_t size = static_cast<uint64_t>(st.st_size);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      EmitError(frame, "unknown", std::string("cannot open: ") + std::strerror(errno), size);
      return;
    }
    std::string head(kSniffBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), f));
    InputFormat format = DetectFormat(head);
    if (format == InputFormat::kArchive || format == InputFormat::kCompressed) {
      std::fclose(f);
      if (NestingAllowed(frame, "archive"))
        ReadArchiveFile(frame, path, format == InputFormat::kCompressed);
      return;
    }
    if (size > limits.max_file_bytes) {
      std::fclose(f);
      EmitError(frame, "unknown", TooLargeMessage(size, limits.max_file_bytes), size);
      return;
    }
    std::string bytes = std::move(head);
    if (bytes.size() == kSniffBytes) {
      // Read the rest; the size may have changed since stat, so read to EOF with a cap.
      char buffer[1 << 16];
      size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        bytes.append(buffer, n);
        if (bytes.size() > limits.max_file_bytes) break;
      }
    }
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
      EmitError(frame, "unknown", "read error", bytes.size());
      return;
    }
    if (bytes.size() > limits.max_file_bytes) {
      EmitError(frame, "unknown", TooLargeMessage(bytes.size(), limits.max_file_bytes),
                bytes.size());
      return;
    }
    ReadInput(frame, bytes);
  } catch (const std::bad_alloc&) {
    EmitError(frame, "unknown", "out of memory while reading", 0);
  } catch (const std::exception& e) {
    EmitError(frame, "unknown", std::string("internal error while reading: ") + e.what(), 0);
  }
}

void ReadPaths(const std::vector<std::string>& paths, const ReadLimits& limits,
               const DocumentSink& sink,
               const std::function<void(const std::string&)>& on_skipped) {
  WalkInputs(
      paths, [&](InputFile file) { ReadFile(file.path, limits, sink); },
      [&](const std::string& path, const std::string& message, WalkProblem kind) {
        if (kind == WalkProblem::kLoop) {  // loops are skipped, not errors
          if (on_skipped) on_skipped(path + ": " + message);
          return;
        }
        ReadFrame frame = TopFrame(path, limits, sink);
        EmitError(frame, "unknown", message, 0);
      });
}

}  // namespace secxref
