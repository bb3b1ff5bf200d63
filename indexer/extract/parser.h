// The citation parser: tokens -> citations. Internal to indexer/extract; the public face is
// Grammar (grammar.h). One Parser reads one text once, left to right.
//
// Vocabulary. A citation clause is a chain of local references ("paragraphs 2AA.d and
// 3.bb", "Instruction 2 to Item 10") attached by a connector ("of", "to", "under") to a
// target ("ASC 810-10-50", "Schedule TO", "Regulation S-K", "the Exchange Act", "SEC
// Release No. 33-8350"), or a target followed by its own members ("ASC 850-10-50-1a and
// 50-5", "Form 20-F, Item 5.D"). Members are designators (designator.h). A clause with no
// target takes one from its shape ("Rule 12b-20" is an Exchange Act rule), from the same
// sentence, or from an earlier citation in the same comment ("inherited").
#ifndef SECXREF_EXTRACT_PARSER_H_
#define SECXREF_EXTRACT_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/catalog.h"
#include "indexer/extract/citation.h"
#include "indexer/extract/designator.h"
#include "indexer/extract/grammar.h"
#include "indexer/extract/lexicon.h"
#include "indexer/extract/token.h"

namespace secxref {

enum class Level {
  kNone, kTopic, kSubtopic, kSection, kParagraph, kItem, kRule, kArticle, kQuestion,
  kInstruction, kGeneralInstruction, kNote, kPart,
};

// One member of a list, as written.
struct Member {
  enum Join { kFirst, kList, kRange };
  size_t tb = 0, te = 0;  // tokens [tb, te)
  std::string s;          // compact designator ("810-10-50-2AA.d")
  Join join = kFirst;
  bool restated = false;  // the target was written again before it ("... and ASC 606"): absolute
};

struct LocalRef {
  Level level = Level::kNone;
  size_t tb = 0, te = 0;  // tokens, level word included
  std::vector<Member> members;
};

enum class TargetKind {
  kNone, kAsc, kRegulation, kForm, kAct, kRelease, kSab, kSlb, kFrm, kFrc, kCdi, kIfrs, kCfdg,
  kFilingRef,  // "your Form 10-K": the filing under review, never a citation
  kOther,      // a noun phrase that is not a citation target ("the purchase agreement")
};

struct Target {
  TargetKind kind = TargetKind::kNone;
  std::string name;        // "S-K", "Form 20-F", "Exchange Act", "Release 33-8350", "SLB 19", "IFRS 15", C&DI set
  std::string attr;        // regulation: family ("sk", "sx", "regulation"); act: release series
  std::string rules_act;   // regulation whose rules are another act's ("Regulation 14A")
  AscPath asc;             // kAsc
  std::vector<std::string> aliases;
  size_t tb = 0, te = 0;
  bool inherited = false;
};

// What the rules look up often, derived once per Grammar from its lexicon.
struct GrammarTables {
  explicit GrammarTables(const Lexicon& lexicon);
  std::vector<Level> level_of;  // kLevel entry -> the level it names (kNone for others)
};

// Catalog::Knows answers, remembered. Knows walks an id's levels with string work (several
// thousand instructions a call) and letters cite the same ids again and again, so Grammar
// keeps one of these per thread (no locks) and per Grammar (the catalog a Grammar reads
// never changes). Bounded: it starts over when full.
class KnownIds {
 public:
  bool Knows(const Catalog& catalog, Family family, const std::string& id);
  void Reset(uint64_t owner) {
    if (owner != owner_) Clear(), owner_ = owner;
  }

 private:
  // Open addressing on the id's hash: a hit costs a hash and one string compare, no
  // allocation.
  struct Slot {
    uint64_t hash = 0;
    std::string id;
    Family family = Family::kAsc;
    bool used = false;
    bool known = false;
  };
  static constexpr size_t kSlots = 1 << 12;  // at most half full, then it starts over
  void Clear();
  uint64_t owner_ = 0;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

class Parser {
 public:
  // `tokens` is scratch space the caller keeps between calls (its contents are replaced; only
  // the first n_ are this text's).
  Parser(std::string_view text, const Lexicon& lexicon, const GrammarTables& tables,
         const Catalog& catalog, const ExtractOptions& options, KnownIds* known,
         std::vector<Token>* tokens);
  std::vector<Citation> Run();

 private:
  // --- scanning helpers (parser.cc)
  size_t Match(Cat category, size_t i, int* entry = nullptr) const;
  // The token's mask and key, keying it first if Tokenize left it pending.
  uint32_t MaskAt(size_t i) const { return Keyed(i).mask; }
  uint32_t KeyAt(size_t i) const { return Keyed(i).key; }
  // The lead categories (lexicon.h) of MaskAt(i), without keying a word Tokenize left
  // pending: it let through every word a lead phrase starts with.
  uint32_t LeadMaskAt(size_t i) const {
    const Token& t = t_[i];
    if (t.key == kKeyPending && t.type == TokenType::kWord) return 0;
    return MaskAt(i) & kLeadCategories;
  }
  const Token& Keyed(size_t i) const {
    Token& t = t_[i];
    if (t.key == kKeyPending) KeyToken(text_, lex_.vocabulary(), &t);
    return t;
  }
  const LexiconEntry& EntryOf(Cat category, int entry) const;
  Level LevelOf(int level_entry) const { return tables_.level_of[static_cast<size_t>(level_entry)]; }
  bool Word(size_t i, std::string_view lower) const;
  bool Punct(size_t i, char c) const;
  bool IsNumberWord(size_t i, size_t* end) const;
  size_t SkipNumberWord(size_t i) const;
  size_t SkipAbbreviationDefinition(size_t i) const;
  size_t SkipFiller(size_t i) const;
  bool ScanDesignator(size_t i, Member* m) const;
  size_t ParseListContinuation(size_t j, Level level, std::vector<Member>* members,
                               bool allow_asc_name) const;
  bool ParseLocalRef(size_t i, LocalRef* ref) const;
  std::optional<Target> ParseTarget(size_t i) const;
  bool InHeading(size_t token) const;
  bool HeadingLike(const LocalRef& ref) const;
  size_t SentenceStart(size_t i) const;
  bool SameSentence(size_t a, size_t b) const;

  // --- clause rules (parser_rules.cc)
  size_t TryAt(size_t i);
  size_t ClauseFromLevel(size_t i);
  size_t AscLead(size_t i);
  size_t BareAsc(size_t i);
  size_t RegulationLead(size_t i);
  size_t ActLead(size_t i);
  size_t ReleaseLead(size_t i);
  size_t FormLead(size_t i);
  size_t GuidanceLead(size_t i);  // SAB, SLB, FRM, FRC, CF Disclosure Guidance
  size_t CdiLead(size_t i);
  size_t StandardLead(size_t i);  // IFRS, auditing, legacy, ASU
  size_t CfrLead(size_t i);
  std::optional<Target> ParseRelease(size_t i) const;
  std::optional<Target> ParseCdiName(size_t i) const;

  // --- resolution (parser_resolve.cc)
  void Resolve(const std::vector<LocalRef>& chain, const Target& target, size_t clause_tb,
               size_t clause_te);
  std::optional<Target> ContextTarget(Level level, const Member& first, size_t at) const;
  std::optional<Target> ForwardTarget(size_t from) const;
  void EmitAscMembers(const std::vector<Member>& members, const AscPath* base, bool append,
                      size_t tb, size_t te, bool inherited);
  void EmitNumbered(Family family, const std::string& prefix, const std::vector<Member>& members,
                    size_t tb, size_t te, bool inherited,
                    std::optional<std::string> (*format)(std::string_view));
  void Emit(Family family, std::string id, size_t tb, size_t te, How how,
            std::vector<std::string> aliases = {});
  void Remember(const Target& target, Level level, size_t at);

  std::string_view text_;
  const Lexicon& lex_;
  const GrammarTables& tables_;
  const Catalog& catalog_;
  const ExtractOptions& options_;
  KnownIds* known_;
  bool Knows(Family family, const std::string& id) const { return known_->Knows(catalog_, family, id); }
  std::vector<Token>& t_;  // a reference, so const rules can fill in keys as they look (Keyed)
  size_t n_ = 0;
  std::vector<Citation> out_;
  struct MatchMemo {
    size_t token = SIZE_MAX;
    Cat category = Cat::kCount;
    uint32_t length = 0;
    int entry = 0;
  };
  static constexpr size_t kMatchMemo = 64;
  mutable MatchMemo match_memo_[kMatchMemo];  // recent Match answers (Match)
  size_t next_reset_ = 0;  // index into options_.resets
  size_t heading_ = 0;     // index into options_.headings (monotone cursor)

  // Context for inheritance, cleared at every comment boundary.
  struct Remembered {
    Target target;
    size_t at = 0;  // token index where it was cited
    bool set = false;
  };
  Remembered item_ctx_;     // last explicit target of an Item (regulation or form)
  Remembered rule_ctx_;     // last explicit target of a Rule (act or regulation)
  Remembered section_ctx_;  // last act cited with a Section
  Remembered outline_ctx_;  // last release or SLB (roman-outline sections)
  Remembered cdi_ctx_;      // last C&DI set
  Remembered topic_ctx_;    // last SAB / FRM / CF Disclosure Guidance
  Remembered ifrs_ctx_;     // last IFRS standard
  void ClearContext();
};

// Canonical item/rule designators, nullopt when the shape is wrong (parser_resolve.cc).
std::optional<std::string> FormatSkItem(std::string_view s);
std::optional<std::string> FormatSxRule(std::string_view s);
std::optional<std::string> FormatExchangeRule(std::string_view s);
std::optional<std::string> FormatSecuritiesRule(std::string_view s);
std::optional<std::string> FormatPlainRule(std::string_view s);
std::optional<std::string> FormatStatuteSection(std::string_view s);
std::optional<std::string> FormatFormItem(std::string_view form, std::string_view s);
std::optional<std::string> FormatFormId(std::string_view s);
std::optional<std::string> FormatReleaseNumber(std::string_view series, std::string_view s);
std::optional<std::string> FormatSabTopic(std::string_view s);
std::optional<std::string> FormatCdiQuestion(std::string_view s);

}  // namespace secxref

#endif  // SECXREF_EXTRACT_PARSER_H_
