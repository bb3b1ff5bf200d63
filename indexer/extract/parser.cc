#include "indexer/extract/parser.h"

#include <algorithm>

#include "indexer/base/utf8.h"

namespace secxref {
namespace {

// Words after which a '.' does not end a sentence.
bool IsAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbrev[] = {
      "no", "nos", "inc", "co", "corp", "ltd", "mr", "mrs", "ms", "dr", "st", "sec", "reg",
      "vs", "etc", "jr", "sr", "para", "paras", "par", "pars", "rel", "fig", "approx", "e",
      "i", "g", "u", "s", "p", "n", "a", "l", "c", "f", "r", "v", "ed", "cf", "et", "al"};
  for (std::string_view a : kAbbrev) {
    if (a.size() != w.size()) continue;
    bool same = true;
    for (size_t k = 0; k < a.size() && same; ++k)
      same = (w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]) == a[k];
    if (same) return true;
  }
  return false;
}

// Short words that are never designators ("paragraph of", "Item to").
bool IsStopWord(std::string_view lower) {
  static constexpr std::string_view kStop[] = {"of", "to", "in", "on", "or", "as", "at", "by",
                                               "an", "is", "it", "be", "we", "no", "and", "the",
                                               "for", "if", "so", "do", "us", "our", "up"};
  for (std::string_view s : kStop)
    if (lower == s) return true;
  return false;
}

}  // namespace

GrammarTables::GrammarTables(const Lexicon& lexicon) {
  static constexpr std::pair<std::string_view, Level> kLevels[] = {
      {"topic", Level::kTopic},         {"subtopic", Level::kSubtopic},
      {"section", Level::kSection},     {"paragraph", Level::kParagraph},
      {"item", Level::kItem},           {"rule", Level::kRule},
      {"article", Level::kArticle},     {"question", Level::kQuestion},
      {"instruction", Level::kInstruction}, {"general-instruction", Level::kGeneralInstruction},
      {"note", Level::kNote},           {"part", Level::kPart},
  };
  for (const LexiconEntry& e : lexicon.Entries(Cat::kLevel)) {
    Level level = Level::kNone;
    for (const auto& [value, l] : kLevels)
      if (e.value == value) level = l;
    level_of.push_back(level);
  }
}

Parser::Parser(std::string_view text, const Lexicon& lexicon, const GrammarTables& tables,
               const Catalog& catalog, const ExtractOptions& options, KnownIds* known,
               std::vector<Token>* tokens)
    : text_(text), lex_(lexicon), tables_(tables), catalog_(catalog), options_(options),
      known_(known), t_(*tokens) {}

void KnownIds::Clear() {
  slots_.assign(kSlots, Slot{});
  used_ = 0;
}

bool KnownIds::Knows(const Catalog& catalog, Family family, const std::string& id) {
  if (slots_.empty()) Clear();
  const uint64_t hash =
      std::hash<std::string_view>{}(id) ^ (static_cast<uint64_t>(family) * 0x9E3779B97F4A7C15ull);
  size_t slot = hash & (kSlots - 1);
  while (slots_[slot].used) {
    const Slot& s = slots_[slot];
    if (s.hash == hash && s.family == family && s.id == id) return s.known;
    slot = (slot + 1) & (kSlots - 1);
  }
  const bool known = catalog.Knows(family, id);
  if (used_ >= kSlots / 2) {
    Clear();
    slot = hash & (kSlots - 1);
  }
  Slot& s = slots_[slot];
  s.hash = hash;
  s.id = id;
  s.family = family;
  s.used = true;
  s.known = known;
  ++used_;
  return known;
}

size_t Parser::Match(Cat category, size_t i, int* entry) const {
  if (i >= n_ || !(MaskAt(i) & Bit(category))) return 0;
  // The rules ask the same question again as they try one reading after another ("ASC" in
  // TryAt, then in AscLead); the answer depends on nothing but (i, category).
  MatchMemo& memo = match_memo_[(i * 31 + static_cast<size_t>(category)) & (kMatchMemo - 1)];
  if (memo.token != i || memo.category != category) {
    int e = 0;
    memo.length = static_cast<uint32_t>(lex_.Table(category).Match(text_, t_, i, n_, &e));
    memo.entry = e;
    memo.token = i;
    memo.category = category;
  }
  if (entry) *entry = memo.entry;
  return memo.length;
}

const LexiconEntry& Parser::EntryOf(Cat category, int entry) const {
  return lex_.Entries(category)[static_cast<size_t>(entry)];
}

bool Parser::Word(size_t i, std::string_view lower) const {
  return i < n_ && WordIs(text_, t_[i], lower);
}

bool Parser::Punct(size_t i, char c) const { return i < n_ && t_[i].is_punct(c); }

bool Parser::IsNumberWord(size_t i, size_t* end) const {
  size_t k = Match(Cat::kNumberWord, i);
  if (!k) return false;
  *end = i + k;
  return true;
}

size_t Parser::SkipNumberWord(size_t i) const {
  size_t end;
  // "No." only when a designator follows: "No" may also end a sentence.
  if (IsNumberWord(i, &end) && end < n_ && (t_[end].is_number() || t_[end].is_word()))
    return end;
  return i;
}

size_t Parser::SkipAbbreviationDefinition(size_t i) const {
  // ("ASC"), (“SAB”), (the "Codification"): a parenthesis holding at most 4 tokens.
  if (!Punct(i, '(')) return i;
  for (size_t k = i + 1; k < n_ && k < i + 7; ++k) {
    if (t_[k].is_punct(')')) {
      bool quoted = false;
      for (size_t q = i + 1; q < k; ++q)
        if (t_[q].is_punct('"') || t_[q].is_punct('\'')) quoted = true;
      bool upper = k == i + 2 && t_[i + 1].is_word() && (t_[i + 1].flags & Token::kUpper);
      return quoted || upper ? k + 1 : i;
    }
    if (t_[k].is_number()) return i;
  }
  return i;
}

size_t Parser::SkipFiller(size_t i) const {
  size_t j = i;
  for (int k = 0; k < 3; ++k) {
    size_t m = Match(Cat::kFiller, j);
    if (!m) break;
    j += m;
  }
  return j;
}

bool Parser::ScanDesignator(size_t i, Member* m) const {
  if (i >= n_) return false;
  auto tok = [&](size_t k) { return TokenText(text_, t_[k]); };
  auto short_alnum = [&](size_t k, size_t max) {
    return k < n_ && (t_[k].is_number() || t_[k].is_word()) && t_[k].end - t_[k].start <= max;
  };
  std::string s;
  size_t j = i;
  const Token& a = t_[i];
  if (a.is_number()) {
    s = tok(i);
    j = i + 1;
  } else if (a.is_word()) {
    std::string_view w = tok(i);
    bool has_digit = false;
    for (char c : w) has_digit |= (c >= '0' && c <= '9');
    bool ok = IsRoman(w) || (w.size() <= 3 && AllUpper(w)) ||
              (w.size() <= 6 && has_digit && w[0] >= 'A' && w[0] <= 'Z') ||
              (w.size() <= 4 && AllLower(w) && !IsStopWord(w));
    if (!ok || w.size() > 6) return false;
    s = w;
    j = i + 1;
  } else if (a.is_punct('(')) {
    if (!(short_alnum(i + 1, 6) && t_[i + 1].attached() && Punct(i + 2, ')') && t_[i + 2].attached()))
      return false;
    s = "(" + std::string(tok(i + 1)) + ")";
    j = i + 3;
  } else if (a.is_punct('-')) {
    if (!(i + 1 < n_ && t_[i + 1].attached() && t_[i + 1].is_number())) return false;
    s = "-" + std::string(tok(i + 1));
    j = i + 2;
  } else {
    return false;
  }
  while (j < n_ && j - i < 40) {
    const Token& c = t_[j];
    if (c.is_punct('-')) {
      if (c.space_before()) break;
      size_t k = j + 1;
      if (k < n_ && t_[k].is_punct('-') && t_[k].attached()) ++k;  // "45--50": a typo
      if (k >= n_) break;
      const Token& d = t_[k];
      bool prev_number = t_[j - 1].is_number();
      bool ok = (d.is_number() || d.is_word()) &&
                (d.attached() || (d.is_number() && prev_number && !(d.flags & Token::kParaBefore)));
      // An en dash with a space after it separates members: "130 – 134".
      if ((c.flags & Token::kLongDash) && !d.attached()) ok = false;
      if (!ok || d.end - d.start > 8) break;
      s += '-';
      s += tok(k);
      j = k + 1;
      continue;
    }
    if (c.is_punct('.') && c.attached() && j + 1 < n_ && t_[j + 1].attached()) {
      const Token& d = t_[j + 1];
      if (d.is_number() || (d.is_word() && d.end - d.start <= 3)) {
        s += '.';
        s += tok(j + 1);
        j += 2;
        continue;
      }
      break;
    }
    if (c.is_punct(':') && c.attached() && j + 1 < n_ && t_[j + 1].attached() &&
        t_[j + 1].is_word() && t_[j + 1].end - t_[j + 1].start <= 2) {
      s += ':';
      s += tok(j + 1);
      j += 2;
      continue;
    }
    // "Item 1303 (B)(2)(i)": a stray space before a chain of pinpoints.
    bool spaced_chain = c.is_punct('(') && c.space_before() && !(c.flags & Token::kNewlineBefore) &&
                        t_[j - 1].is_number() && j + 3 < n_ && Punct(j + 3, '(') &&
                        t_[j + 3].attached() && short_alnum(j + 1, 3);
    if (c.is_punct('(') && (c.attached() || spaced_chain) && short_alnum(j + 1, 6) &&
        t_[j + 1].attached() && Punct(j + 2, ')') && t_[j + 2].attached()) {
      s += '(';
      s += tok(j + 1);
      s += ')';
      j += 3;
      continue;
    }
    if ((c.is_number() || c.is_word()) && c.attached() && t_[j - 1].is_punct(')') &&
        c.end - c.start <= 3) {
      s += tok(j);
      ++j;
      continue;
    }
    break;
  }
  m->tb = i;
  m->te = j;
  m->s = std::move(s);
  m->join = Member::kFirst;
  return true;
}

namespace {

// Two members can stand in one list when they start alike: numbers with numbers (or an
// elided "(g)"/"-4"), roman outlines with roman outlines, letter codes with letter codes.
bool Compatible(const Member& first, const Member& next) {
  char a = first.s.empty() ? 0 : first.s[0];
  char b = next.s.empty() ? 0 : next.s[0];
  bool a_digit = a >= '0' && a <= '9', b_digit = b >= '0' && b <= '9';
  if (a_digit) return b_digit || b == '(' || b == '-';
  if (b_digit || b == '(' || b == '-') return a == '(';
  auto head = [](const std::string& s) {
    size_t k = 0;
    while (k < s.size() && s[k] >= 'A' && s[k] <= 'Z') ++k;
    return s.substr(0, k);
  };
  bool a_roman = IsRoman(head(first.s)), b_roman = IsRoman(head(next.s));
  return a_roman == b_roman;
}

}  // namespace

size_t Parser::ParseListContinuation(size_t j, Level level, std::vector<Member>* members,
                                     bool allow_asc_name) const {
  while (j < n_) {
    size_t k = j;
    Member::Join join;
    if (Punct(k, ',') || Punct(k, ';')) {
      ++k;
      if (Word(k, "and") || Word(k, "or")) ++k;
      join = Member::kList;
    } else if (Word(k, "and") || Word(k, "or") || Punct(k, '&')) {
      ++k;
      if (Punct(k, '/') && Word(k + 1, "or")) k += 2;
      join = Member::kList;
    } else if (Word(k, "as") && Word(k + 1, "well") && Word(k + 2, "as")) {
      k += 3;
      join = Member::kList;
    } else if (Word(k, "through") || Word(k, "thru") || Word(k, "to")) {
      ++k;
      if (Word(k, "and") && Word(k + 1, "including")) k += 2;
      join = Member::kRange;
    } else if (Punct(k, '-') && (t_[k].flags & Token::kLongDash)) {
      ++k;
      join = Member::kRange;
    } else if (Punct(k, '-') && t_[k].attached() && Punct(k + 1, '(') && t_[k + 1].attached() &&
               t_[k - 1].is_punct(')')) {
      // "ASC 810-10-15-17(d)(1)-(4)": a hyphen between pinpoints cannot be part of an id.
      ++k;
      join = Member::kRange;
    } else if (Punct(k, '/') && level == Level::kNone) {
      ++k;
      join = Member::kList;
    } else {
      break;
    }
    if (k < n_ && (t_[k].flags & Token::kParaBefore)) break;
    if (level != Level::kNone) {
      int entry = 0;
      size_t lw = Match(Cat::kLevel, k, &entry);
      if (lw) {
        // Lists go on across a level word of their own level (one of these).
        bool same = LevelOf(entry) == level &&
                    (level == Level::kTopic || level == Level::kSubtopic || level == Level::kSection ||
                     level == Level::kParagraph || level == Level::kItem || level == Level::kRule ||
                     level == Level::kArticle || level == Level::kQuestion);
        if (!same) break;
        k = SkipNumberWord(k + lw);
      }
    }
    bool restated = false;
    if (allow_asc_name) {
      if (size_t an = Match(Cat::kAscName, k)) {
        k += an;
        restated = true;
        int entry = 0;
        if (size_t lw = Match(Cat::kLevel, k, &entry)) k += lw;
      }
    }
    Member m;
    if (!ScanDesignator(k, &m) || !Compatible(members->front(), m)) break;
    m.join = join;
    m.restated = restated;
    members->push_back(std::move(m));
    j = members->back().te;
    if (members->size() > 64) break;
  }
  return j;
}

bool Parser::ParseLocalRef(size_t i, LocalRef* ref) const {
  int entry = 0;
  size_t k = Match(Cat::kLevel, i, &entry);
  if (!k) return false;
  const Level level = LevelOf(entry);
  size_t j = SkipNumberWord(i + k);
  Member first;
  if (Match(Cat::kAscName, j)) return false;  // "paragraphs ASC 606-10-55-89": the ASC rule reads it
  if (!ScanDesignator(j, &first)) return false;
  if (t_[first.tb].flags & Token::kParaBefore) return false;
  ref->level = level;
  ref->tb = i;
  ref->members.clear();
  ref->members.push_back(std::move(first));
  size_t end = ParseListContinuation(ref->members.back().te, level, &ref->members, false);
  ref->te = end;
  return true;
}

bool Parser::InHeading(size_t token) const {
  uint32_t pos = t_[token].start;
  const auto& h = options_.headings;
  auto it = std::upper_bound(h.begin(), h.end(), std::make_pair(pos, UINT32_MAX));
  if (it == h.begin()) return false;
  --it;
  return pos >= it->first && pos < it->second;
}

size_t Parser::SentenceStart(size_t i) const {
  size_t limit = i > 200 ? i - 200 : 0;
  for (size_t k = i; k > limit; --k) {
    if (t_[k].flags & Token::kParaBefore) return k;
    const Token& p = t_[k - 1];
    if ((p.is_punct('.') || p.is_punct('?') || p.is_punct('!')) && t_[k].space_before()) {
      bool starts = (t_[k].is_word() && (t_[k].flags & Token::kCapital)) || t_[k].is_number() ||
                    t_[k].is_punct('"') || t_[k].is_punct('(');
      if (starts && !(k >= 2 && t_[k - 2].is_word() && IsAbbreviation(TokenText(text_, t_[k - 2]))))
        return k;
    }
  }
  return limit;
}

bool Parser::SameSentence(size_t a, size_t b) const {
  if (a > b) std::swap(a, b);
  return SentenceStart(b) <= a;
}

void Parser::ClearContext() {
  item_ctx_ = rule_ctx_ = section_ctx_ = outline_ctx_ = cdi_ctx_ = topic_ctx_ = ifrs_ctx_ =
      Remembered{};
}

std::vector<Citation> Parser::Run() {
  // Where a rule can start: words that begin a phrase of a leading category, numbers before
  // '-' or a word ("606-10-...", "17 CFR"), '§', and capital codes before '-' ("FR-72").
  // Tokenize lists the candidates; everything else is skipped without a call.
  thread_local std::vector<uint32_t> candidates, starts;  // kept: no allocation per letter
  candidates.clear();
  starts.clear();
  n_ = TokenizeInto(text_, &t_, &lex_.vocabulary(), &candidates);
  for (uint32_t k : candidates) {
    const Token& t = t_[k];
    bool start;
    if (t.type == TokenType::kWord) {
      start = (t.mask & kLeadCategories) || ((t.flags & Token::kUpper) && k + 1 < n_ && t_[k + 1].is_punct('-'));
    } else if (t.type == TokenType::kNumber) {
      start = k + 1 < n_ && (t_[k + 1].is_punct('-') || t_[k + 1].is_word());
    } else {
      start = t.punct == 'S';
    }
    if (start) starts.push_back(k);
  }
  size_t i = 0;
  for (uint32_t s : starts) {
    if (s < i) continue;  // inside a clause already read
    i = s;
    while (next_reset_ < options_.resets.size() && t_[i].start >= options_.resets[next_reset_]) {
      ClearContext();
      ++next_reset_;
    }
    size_t e = TryAt(i);
    i = e > i ? e : i + 1;
  }
  std::stable_sort(out_.begin(), out_.end(),
                   [](const Citation& a, const Citation& b) { return a.start < b.start; });
  return std::move(out_);
}

}  // namespace secxref
