// What threading needs to know of one letter, taken once from its Letter and citations: who
// (the registrant), when, about what (the reviewed filings and file numbers of the Re: block),
// which other letters it names ("your letter dated ...", "Response dated ..."), its comments
// and their "prior comment N" references, whether it closes the review, and the reviewing
// office. A summary is small and self-contained: the index stores one per letter, so a
// registrant's conversations are rebuilt without reading any file again.
#ifndef SECXREF_CONVERSE_SUMMARY_H_
#define SECXREF_CONVERSE_SUMMARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/cited_letter.h"

namespace secxref::converse {

// The kind of letter a dated reference names, as far as its words tell.
enum class RefRole {
  kAny,       // "by letter dated March 4, 2019"
  kStaff,     // a staff letter: "your letter dated" in a response, "our letter dated" in a staff
              // letter
  kResponse,  // a company letter: "Response dated", "your May 24, 2016 response" in a staff letter
};
const char* RefRoleName(RefRole role);  // "any", "staff", "response"

// "your letter dated March 4, 2019": another letter named by its date.
struct LetterRef {
  std::string date;  // ISO
  RefRole role = RefRole::kAny;
};

struct CommentSummary {
  int number = 0;
  std::string tag;                  // the index's document tag: "3", "3.2" (second comment 3)
  bool restates = false;            // a response comment that restates the staff comment
  uint32_t citations = 0;           // citation mentions in the comment
  uint32_t restated_citations = 0;  // of which in the restated staff text
  // Citation levels (index term values, "asc 810-10") cited in the restated staff text and
  // nowhere in the answer: the staff comment already counts them.
  std::vector<std::string> restated_only;
};

struct PriorRefSummary {
  std::string tag;        // tag of the comment it sits in; "" outside numbered comments
  std::string refers_to;  // "prior comment 5"
  std::vector<int> comments;
  std::string letter_date;      // ISO, "" when the reference names no letter
  bool in_restatement = false;  // inside a response's restated staff comment
};

struct LetterSummary {
  std::string key;        // the index's letter key
  std::string accession;  // "" when unknown
  LetterKind kind = LetterKind::kUnknown;
  std::string date;        // ISO: the letter's own date, else the filing date; "" unknown
  std::string registrant;  // RegistrantKey(): "cik:1013871", "co:nrg energy", ...
  std::string company;
  std::string cik;
  // The letter's own conversation id were it alone ("1013871/10-k/2015"): a conversation is
  // named after its first letter's subject.
  std::string subject;
  std::string reviewed;              // the first reviewed entry, for display
  std::vector<std::string> filings;  // FilingKeys(): what two letters must share to be one review
  std::vector<LetterRef> refs;       // dated references to other letters, text order
  std::string prior_default_date;    // "our references to prior comments are to ... our X letter"
  std::vector<CommentSummary> comments;  // text order
  std::vector<PriorRefSummary> prior_refs;
  uint32_t outside_citations = 0;  // citation mentions outside numbered comments
  bool closes = false;             // staff letter without comments: "We have completed our review"
  bool follow_up = false;          // staff letter that speaks of a response or of prior comments
  bool initiated = false;  // company letter answering no staff letter (acceleration request)
  std::string office;      // "Office of Manufacturing", "" when the letter names none
};

// `subject` is the letter's own conversation id (index/letter_document.h ConversationId).
LetterSummary Summarize(const CitedLetter& cited, std::string_view key, std::string_view subject);

// Who a letter is about: "cik:<cik>" (leading zeros dropped), else "co:<NormaliseCompany>",
// else "file:<first file number>", else "key:<letter key>" (a conversation of its own).
std::string RegistrantKey(const Letter& letter, std::string_view key);

// "NRG ENERGY, INC." and "NRG Energy, Inc" -> "nrg energy": lower case, punctuation dropped,
// legal-form words (inc, corp, ltd, llc, plc, co, company, the...) removed.
std::string NormaliseCompany(std::string_view name);

// "001-15891" -> "1-15891": the prefix's leading zeros are not significant.
std::string NormaliseFileNumber(std::string_view number);

// What identifies the reviewed filings: "file:1-15891" per file number, "form:10-k" per form
// type and "form:10-k/2015" with the fiscal year it covers.
std::vector<std::string> FilingKeys(const std::vector<std::string>& reviewed,
                                    const std::vector<std::string>& file_numbers);

}  // namespace secxref::converse

#endif  // SECXREF_CONVERSE_SUMMARY_H_
