// CitedLetter -> the Xapian documents of the schema (schema.h, docs/schema.md): one per
// numbered comment plus one for the text outside numbered comments. Pure: no database is
// touched, so worker threads build documents and the single writer thread only stores them.
#ifndef SECXREF_INDEX_LETTER_DOCUMENT_H_
#define SECXREF_INDEX_LETTER_DOCUMENT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "indexer/extract/cited_letter.h"

namespace secxref {

// The letter key: "<accession>:<file name>" when the accession is known (the file name is the
// archive member's or the input file's base name), else "sha:<hash>", where hash is
// `input_hash` (the ContentHash of the input file's bytes) for a letter that is the whole
// file, and ContentHash(input_hash + "/" + member) for a member of an archive or submission.
std::string LetterKey(const Letter& letter, std::string_view input_hash);

// The identifier of a source path in XSRC terms: ContentHash of the path.
std::string SourceId(std::string_view path);

// What the index stores for one letter.
struct LetterDocuments {
  std::string key;
  // (unique id term, document); the outside-comments document is always the first.
  std::vector<std::pair<std::string, Xapian::Document>> docs;
  size_t comments = 0;    // numbered comments
  size_t citations = 0;   // citation mentions
  size_t bytes = 0;       // text + data: what the commit threshold (--batch-mb) counts
  size_t memory = 0;      // estimated heap held by the documents (terms, positions, data),
                          // what the queue between readers and writer counts
};

// Reusable and not thread-safe: one per worker thread (it owns a TermGenerator).
class DocumentBuilder {
 public:
  DocumentBuilder();
  // `source_id` (SourceId of the input path) becomes the document's XSRC term.
  LetterDocuments Build(const CitedLetter& cited, std::string_view key,
                        std::string_view source_id);

 private:
  Xapian::TermGenerator generator_;
};

// Form types under review, lower-cased, from one Letter::reviewed entry:
// "Form 10-K for the Fiscal Year Ended December 31, 2012" -> {"10-k"};
// "Forms 10-K and 10-Q" -> {"10-k", "10-q"}; "Schedule 14A" -> {"schedule 14a"}.
std::vector<std::string> ReviewedForms(std::string_view reviewed);

// The conversation (review thread) a letter belongs to: "<cik>/<form>/<year>" from the first
// reviewed entry with a form ("<year>" is the fiscal year the filing covers, else the first
// file number). The registrant is the CIK, else the first file number, else the lower-cased
// company name. Empty when the letter names no reviewed form.
std::string ConversationId(const Letter& letter);

// YYYYMMDD for the letter's date (its own date, else the submission's filing date), or "".
std::string LetterDateValue(const Letter& letter);

// Identifies what produced the documents: changes when the grammar's data files change, so
// `add` re-extracts sources indexed by an older extractor.
const std::string& ExtractorVersion();

}  // namespace secxref

#endif  // SECXREF_INDEX_LETTER_DOCUMENT_H_
