// The index schema, in one place for the writer (secxref-index) and the reader
// (secxref-query), as notmuch does it. docs/schema.md explains each entry; keep both in step.
//
// Documents. One per numbered comment of a letter, plus one for the letter's text outside
// numbered comments (comment number none), so that no citation is lost. Every document of
// a letter carries the letter's metadata terms and values.
//
// Unique id. Q<letter key>#<comment number> (or #- for the outside-comments document). The
// letter key is "<accession>:<file name>" when the accession is known, else "sha:<hash of
// the document's bytes>". Re-indexing a letter replaces its documents instead of duplicating
// them; over-long terms are hashed (Glass refuses terms over 245 bytes).
#ifndef SECXREF_INDEX_SCHEMA_H_
#define SECXREF_INDEX_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace secxref::schema {

// Term prefixes. All values are stored lower-cased, so the QueryParser's ':' rule never
// diverges from what the writer stored.
inline constexpr char kUid[] = "Q";             // Q<letter key>#<n>
inline constexpr char kLetter[] = "XL";         // letter key: all documents of one letter
inline constexpr char kCite[] = "XC";           // citation id and every ancestor ("XCasc 810-10")
inline constexpr char kCiteExact[] = "XE";      // the citation id exactly as written, no ancestors
inline constexpr char kFamily[] = "XF";         // citation family: "XFasc"
inline constexpr char kKind[] = "XK";           // staff | response | unknown
inline constexpr char kCik[] = "XCIK";
inline constexpr char kAccession[] = "XACC";
inline constexpr char kForm[] = "XFORM";        // reviewed form types: "XFORM10-k"
inline constexpr char kFileNumber[] = "XFILE";  // "XFILE001-35126"
inline constexpr char kYear[] = "XY";           // "XY2013"
inline constexpr char kMonth[] = "XM";          // "XM201306": cites' newest-first walk (query/searcher.cc)
inline constexpr char kCiteYear[] = "XD";       // an XC term in one year: "XD2013:asc 810-10" (CiteYearTerm)
inline constexpr char kSource[] = "XSRC";       // hash of the source path (prune, remove)
inline constexpr char kConversation[] = "XT";   // conversation (thread) id
inline constexpr char kRestatement[] = "XRS";   // "XRS1": a staff comment restated in a response
inline constexpr char kRestatedCite[] = "XRC";  // citation level cited only in a restatement (conversation_store.h)
inline constexpr char kRegistrant[] = "XREG";   // registrant key, outside-comments document only: "XREGcik:1013871"
inline constexpr char kCompanyWord[] = "XCO";   // free text: company name words
inline constexpr char kHeadingWord[] = "XH";    // free text: heading words
// Body text: unprefixed, positional, English stemming (Z-prefixed stems).

// Value slots.
enum Slot : Xapian::valueno {
  kDateSlot = 0,          // YYYYMMDD (DateRangeProcessor-compatible), "" when unknown
  kLetterSlot = 1,        // letter key: collapse comments into letters
  kCommentSlot = 2,       // sortable_serialise(comment number), -1 for outside comments
  kDepthSlot = 3,         // sortable_serialise(number of citation mentions in the document)
  kConversationSlot = 4,  // conversation id
  kKindSlot = 5,          // "staff" | "response" | "unknown"
  kSummarySlot = 6,       // outside-comments document: the letter's threading summary (JSON)
  kThreadDigestSlot = 7,  // hash of the document's conversation fields (conversation_store.h)
};

// Database metadata keys.
inline constexpr char kMetaSchemaVersion[] = "secxref:schema";
inline constexpr char kMetaExtractorVersion[] = "secxref:extractor";
inline constexpr char kMetaLastRun[] = "secxref:last-run";
inline constexpr char kMetaSourcePrefix[] = "src:";  // src:<path> -> JSON SourceRecord (index/source_record.h)
inline constexpr char kMetaCreated[] = "secxref:created";  // ISO time the database was created
inline constexpr char kMetaShard[] = "secxref:shard";      // "K/N <uuid>": built with --shard K/N
// 2: conversations (XREG, XRC, slots 6-7, "thread"); 3: month terms (XM), cites by year (XD).
inline constexpr int kSchemaVersion = 3;

// The query-language fields: name, term prefix, boolean or free text.
struct Field {
  const char* name;    // as typed in a query, without the colon: "company" for company:...
  const char* prefix;  // term prefix
  bool boolean;        // add_boolean_prefix vs add_prefix
};
const std::vector<Field>& QueryFields();

// Makes a term from a prefix and a value: lower-cases the value, and hashes it when the
// whole term would exceed Glass's 245-byte limit (keeps a readable head + a hash tail).
std::string Term(std::string_view prefix, std::string_view value);

// The unique id term of one document of a letter: Q<letter key>#<tag>. The tag is the
// comment number ("3"), "<n>.<k>" for the k-th (k >= 2) comment of a letter that reuses
// number n, and "-" for the text outside numbered comments.
std::string UidTerm(std::string_view letter_key, std::string_view tag);
inline constexpr char kOutsideTag[] = "-";
// XL<letter key>: every document of one letter carries it.
std::string LetterTerm(std::string_view letter_key);

// The citation term value `cite` (an XC term's value) of a letter dated in `year` ("2013"):
// its term frequency is how many comments of that year cite it, so a newest-first listing
// reads an id's matches a year at a time without intersecting it with the year's letters.
std::string CiteYearTerm(std::string_view year, std::string_view cite);

// A metadata key: prefix + value, with the value hashed the same way as Term() when the key
// would exceed Glass's 253-byte limit for user-metadata keys (the value is not lower-cased).
std::string MetadataKey(std::string_view prefix, std::string_view value);

}  // namespace secxref::schema

#endif  // SECXREF_INDEX_SCHEMA_H_
