// Conversations in the index (docs/conversations.md): the converse stage's threading, kept
// current by the writer. Threading is cross-letter, so it is redone for a registrant whenever
// one of its letters is written or deleted, and only for that registrant:
//
//  - the document builder stores each letter's summary (converse/summary.h) in its
//    outside-comments document (value kSummarySlot) with an XREG<registrant> term;
//  - inside each source's transaction, before the letters are written, Prepare() threads their
//    registrants from the stored summaries plus the new ones, sets the new documents'
//    conversation fields in memory, and rewrites the stored documents whose fields change
//    (digests in kThreadDigestSlot tell which); Forget() + Finish() do the same
//    for registrants that lost a letter.
//
// So a commit never holds letters whose conversation fields disagree with their registrant's
// letters, a crash loses nothing the next run would not redo, and an `add` of one letter
// touches only its registrant's conversations.
//
// Per document: XT<conversation> and kConversationSlot; "letter.conversation" and "thread"
// in the data (position and round; links: the staff letter and comment a response answers,
// what each "prior comment N" resolves to); XRC<citation level> on a response comment
// restating a staff comment that is in the index, for each level cited only in the
// restatement, so that counts of comments citing X skip it (search still finds it by XC).
//
// Only what depends on a letter and the letters before it is stored, so a later letter
// rewrites nothing already stored (unless it reorders the conversation). What later letters
// change (the responses a staff comment got, a conversation's rounds, span and whether it
// closed) the query tool computes from the stored summaries with the same converse::Thread.
#ifndef SECXREF_INDEX_CONVERSATION_STORE_H_
#define SECXREF_INDEX_CONVERSATION_STORE_H_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/converse/summary.h"
#include "indexer/index/letter_document.h"

namespace secxref {

// The stored form of a summary (compact JSON), and back; nullopt for data that is not one.
std::string EncodeSummary(const converse::LetterSummary& summary);
std::optional<converse::LetterSummary> DecodeSummary(const std::string& value);

// Called by DocumentBuilder::Build: stores the letter's summary and registrant on its
// outside-comments document.
void AddLetterSummary(const CitedLetter& cited, std::string_view key, Xapian::Document* outside);

class ConversationStore {
 public:
  explicit ConversationStore(Xapian::WritableDatabase* db) : db_(db) {}

  // Before `letters` are written (inside the transaction): see the file comment.
  void Prepare(std::vector<LetterDocuments>* letters);
  // Before a letter's documents are deleted.
  void Forget(const std::string& key);
  // Rethreads the registrants of forgotten letters; call before the transaction commits.
  void Finish();
  // Drops what Forget() remembered (the transaction was cancelled).
  void Reset() { dirty_.clear(); }

  // Rethreads every registrant of the index (letters written by an older secxref-index).
  // Returns the number of registrants.
  size_t RethreadAll();

  size_t documents_rewritten() const { return rewritten_; }

 private:
  struct Pending;
  void Rethread(const std::string& registrant, std::vector<Pending>* pending);
  // Summaries decoded before, by their stored value (which never changes for a letter): the
  // same registrant is threaded again for each of its letters that arrives.
  const converse::LetterSummary* Decoded(const std::string& value);
  static constexpr size_t kDecodedCache = 4096;

  Xapian::WritableDatabase* db_;
  std::unordered_map<std::string, converse::LetterSummary> decoded_;
  std::set<std::string> dirty_;
  size_t rewritten_ = 0;
};

}  // namespace secxref

#endif  // SECXREF_INDEX_CONVERSATION_STORE_H_
