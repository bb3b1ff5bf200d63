// Resolution: a clause (local references + target) becomes canonical ids.
#include <algorithm>

#include "indexer/base/utf8.h"
#include "indexer/extract/parser.h"

namespace secxref {
namespace {

bool IsDigitC(char c) { return c >= '0' && c <= '9'; }
bool IsUpperC(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerC(char c) { return c >= 'a' && c <= 'z'; }

// Splits "head(x)(y)" at the first '('.
void SplitHead(std::string_view s, std::string_view* head, std::string_view* tail) {
  size_t p = s.find('(');
  *head = s.substr(0, p);
  *tail = p == std::string_view::npos ? std::string_view() : s.substr(p);
}

std::optional<std::string> Pinpoint(std::string_view tail) {
  std::vector<std::string> levels;
  if (!SplitPinpoint(tail, &levels)) return std::nullopt;
  return FormatPinpoint(levels);
}

std::optional<int> PlainInt(std::string_view s) {
  if (!AllDigits(s) || s.size() > 6) return std::nullopt;
  return std::stoi(std::string(s));
}

How HowOf(const std::vector<Member>& members, size_t k, bool inherited) {
  if (members.size() == 1) return inherited ? How::kInherited : How::kExplicit;
  if (members[k].join == Member::kRange) return How::kRange;
  if (k + 1 < members.size() && members[k + 1].join == Member::kRange) return How::kRange;
  return How::kList;
}

constexpr int kMaxFill = 300;  // a range wider than this yields its ends only

// Kinds of pinpoint levels, in the order S-K, S-X and rules nest them.
enum class PinKind { kLetter, kDigits, kRoman, kUpper };
PinKind KindOf(std::string_view level, size_t position) {
  if (AllDigits(level)) return PinKind::kDigits;
  if (AllUpper(level)) return position >= 3 ? PinKind::kUpper : PinKind::kLetter;
  if (IsLowerRoman(level) && position >= 2) return PinKind::kRoman;
  return PinKind::kLetter;
}

// An elided member that replaces the deepest levels of the member before it:
// "Item 10(e)(1)(i)(A) and (B)", "Item 402(k)(2)(iii) and (iv)", "Rule 5-03(b)1 and 2".
std::optional<std::string> ElidePinpoint(const std::string& previous, std::string_view member) {
  size_t open = previous.find('(');
  if (open == std::string::npos) return std::nullopt;
  std::vector<std::string> prev_levels, new_levels;
  if (!SplitPinpoint(previous.substr(open), &prev_levels) || prev_levels.empty()) return std::nullopt;
  if (member.front() == '(') {
    if (!SplitPinpoint(member, &new_levels) || new_levels.empty()) return std::nullopt;
  } else if (AllDigits(member) && member.size() <= 2 && AllDigits(prev_levels.back())) {
    new_levels.push_back(std::string(member));
  } else {
    return std::nullopt;
  }
  // Replace from the deepest previous level of the same kind as the new first level.
  const std::string& first = new_levels.front();
  size_t at = prev_levels.size();
  for (size_t k = prev_levels.size(); k-- > 0;) {
    PinKind pk = KindOf(prev_levels[k], k);
    PinKind nk = KindOf(first, k);
    if (pk == nk) {
      at = k;
      break;
    }
  }
  if (at == prev_levels.size()) return std::nullopt;
  std::vector<std::string> levels(prev_levels.begin(), prev_levels.begin() + at);
  levels.insert(levels.end(), new_levels.begin(), new_levels.end());
  return previous.substr(0, open) + FormatPinpoint(levels);
}

}  // namespace

std::optional<std::string> FormatSkItem(std::string_view s) {
  std::string base, pin;
  if (!SplitNumbered(s, &base, &pin) || !AllDigits(base) || base.size() > 4) return std::nullopt;
  if (base.size() > 1 && base[0] == '0') return std::nullopt;
  return base + pin;
}

std::optional<std::string> FormatSxRule(std::string_view s) {
  std::string_view head, tail;
  SplitHead(s, &head, &tail);
  size_t h = head.find('-');
  if (h == std::string_view::npos || h == 0 || h > 3) return std::nullopt;
  std::string_view article = head.substr(0, h), rest = head.substr(h + 1);
  size_t digits = 0;
  while (digits < article.size() && IsDigitC(article[digits])) ++digits;
  if (digits == 0 || digits > 2 || !(digits == article.size() || (digits + 1 == article.size() && IsUpperC(article[digits]))))
    return std::nullopt;
  std::string_view number = rest.substr(0, rest.find('.'));
  if (number.size() != 2 || !AllDigits(number)) return std::nullopt;
  std::string_view caption = rest.substr(number.size());
  if (!caption.empty() && !(caption[0] == '.' && AllDigits(caption.substr(1)))) return std::nullopt;
  auto pin = Pinpoint(tail);
  if (!pin) return std::nullopt;
  return std::string(head) + *pin;
}

std::optional<std::string> FormatExchangeRule(std::string_view s) {
  std::string_view head, tail;
  SplitHead(s, &head, &tail);
  std::string h = Lower(head);
  size_t i = 0;
  while (i < h.size() && IsDigitC(h[i])) ++i;
  if (i == 0 || i > 2) return std::nullopt;
  size_t letters = i;
  while (i < h.size() && IsLowerC(h[i])) ++i;
  if (i == letters || i - letters > 2) return std::nullopt;
  while (i < h.size() && IsDigitC(h[i])) ++i;  // "10b5-1", "15c3-3"
  if (i < h.size() && h[i] == '-') {
    ++i;
  } else if (i == h.size() && i > letters + 1 && IsDigitC(h[i - 1])) {
    // "13e4": a lost hyphen.
    size_t d = letters;
    while (d < h.size() && IsLowerC(h[d])) ++d;
    if (d == h.size()) return std::nullopt;
    h.insert(d, "-");
    i = h.size();
    auto pin = Pinpoint(tail);
    if (!pin) return std::nullopt;
    return h + *pin;
  } else {
    return std::nullopt;
  }
  size_t num = i;
  while (i < h.size() && IsDigitC(h[i])) ++i;
  if (i == num || i - num > 3) return std::nullopt;
  while (i < h.size() && IsLowerC(h[i])) ++i;
  if (i != h.size()) return std::nullopt;
  auto pin = Pinpoint(tail);
  if (!pin) return std::nullopt;
  // Rules under Exchange Act Sections 10A, 10C and 10D keep the section's capital:
  // "Rule 10A-3", "Rule 10D-1" (but "Rule 10b-5", under Section 10(b)).
  if (h.size() > 3 && h[0] == '1' && h[1] == '0' && (h[2] == 'a' || h[2] == 'c' || h[2] == 'd') &&
      h[3] == '-')
    h[2] = static_cast<char>(h[2] - 'a' + 'A');
  return h + *pin;
}

std::optional<std::string> FormatSecuritiesRule(std::string_view s) {
  std::string base, pin;
  if (!SplitNumbered(s, &base, &pin)) return std::nullopt;
  size_t digits = 0;
  while (digits < base.size() && IsDigitC(base[digits])) ++digits;
  if (digits != 3 || base.size() - digits > 1 || base[0] == '0') return std::nullopt;
  return base + pin;
}

std::optional<std::string> FormatPlainRule(std::string_view s) {
  if (auto r = FormatSecuritiesRule(s)) return r;
  if (auto r = FormatExchangeRule(s)) return r;
  std::string base, pin;
  if (SplitNumbered(s, &base, &pin) && base.size() <= 4) return base + pin;
  return std::nullopt;
}

std::optional<std::string> FormatStatuteSection(std::string_view s) {
  std::string base, pin;
  if (!SplitNumbered(s, &base, &pin)) return std::nullopt;
  size_t digits = 0;
  while (digits < base.size() && IsDigitC(base[digits])) ++digits;
  if (digits > 4 || base.size() - digits > 2) return std::nullopt;
  return base + pin;
}

std::optional<std::string> FormatFormItem(std::string_view form, std::string_view s) {
  bool twenty_f = form.find("20-F") != std::string_view::npos;
  std::string_view head, tail;
  SplitHead(s, &head, &tail);
  size_t i = 0;
  while (i < head.size() && IsDigitC(head[i])) ++i;
  if (i == 0 || i > 2) return std::nullopt;
  std::string number(head.substr(0, i));
  std::string_view rest = head.substr(i);
  std::string item = number;
  if (!rest.empty()) {
    bool dotted = rest[0] == '.';
    if (dotted) rest.remove_prefix(1);
    if (AllDigits(rest) && rest.size() == 2) {
      item += "." + std::string(rest);  // 8-K "4.02"
    } else if ((AllUpper(rest) || AllLower(rest)) && rest.size() <= 2) {
      // 20-F sub-items take a dot ("5D" -> "5.D"); Items 4A and 16A-16K are items of their
      // own and keep the form's spelling.
      bool own_item = !dotted && (number == "16" || (number == "4" && Upper(rest) == "A"));
      item += twenty_f && !own_item ? "." + Upper(rest) : Upper(rest);
    } else {
      return std::nullopt;
    }
  } else if (twenty_f && tail.size() == 3 && IsUpperC(tail[1])) {
    item += "." + std::string(1, tail[1]);  // "Item 5(D)"
    tail = {};
  }
  auto pin = Pinpoint(tail);
  if (!pin) return std::nullopt;
  return item + *pin;
}

std::optional<std::string> FormatFormId(std::string_view s) {
  std::string id = Upper(s);
  if (id.empty() || id.size() > 9) return std::nullopt;
  bool digit = false;
  for (char c : id) {
    if (!(IsDigitC(c) || IsUpperC(c) || c == '-')) return std::nullopt;
    digit |= IsDigitC(c);
  }
  if (id.front() == '-' || id.back() == '-') return std::nullopt;
  static constexpr std::string_view kLetterForms[] = {"TO", "TO-I", "TO-T", "TO-C", "SD", "D",
                                                      "ID", "N-CSR", "N-PX", "CB", "F-X", "ABS-EE"};
  if (!digit) {
    for (std::string_view f : kLetterForms)
      if (id == f) return id;
    return std::nullopt;
  }
  if (!(IsDigitC(id[0]) || id.find('-') != std::string::npos)) return std::nullopt;
  return id;
}

std::optional<std::string> FormatReleaseNumber(std::string_view series, std::string_view s) {
  std::string u = Upper(s);
  size_t h = u.find('-');
  auto number_ok = [](std::string_view n) {
    size_t d = 0;
    while (d < n.size() && IsDigitC(n[d])) ++d;
    return d >= 1 && d <= 6 && (d == n.size() || (d + 1 == n.size() && n[d] == 'A'));
  };
  if (h != std::string::npos) {
    std::string prefix = u.substr(0, h), number = u.substr(h + 1);
    static constexpr std::string_view kPrefixes[] = {"33", "34", "35", "39", "IC", "IA", "FR",
                                                     "ASR", "AAER", "BHCA", "IS"};
    bool ok = false;
    for (std::string_view p : kPrefixes) ok |= prefix == p;
    if (!ok || !number_ok(number)) return std::nullopt;
    return prefix + "-" + number;
  }
  if (series.empty() || !number_ok(u)) return std::nullopt;
  if (series == "FR" && std::stoi(u) >= 100) return std::nullopt;  // "FRR 501" is a codification section
  return std::string(series) + "-" + u;
}

std::optional<std::string> FormatSabTopic(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsDigitC(s[i])) ++i;
  if (i == 0 || i > 2) return std::nullopt;
  std::string out(s.substr(0, i));
  int topic = std::stoi(out);
  if (topic < 1 || topic > 14) return std::nullopt;
  if (i == s.size()) return out;
  if (s[i] == '.' || s[i] == ':') ++i;
  size_t letters = i;
  while (i < s.size() && IsUpperC(s[i])) ++i;
  if (i == letters || i - letters > 2) return std::nullopt;
  out += "." + std::string(s.substr(letters, i - letters));
  if (i == s.size()) return out;
  if (s[i] == '.') ++i;
  size_t digits = i;
  while (i < s.size() && IsDigitC(s[i])) ++i;
  if (i == digits || i != s.size()) return std::nullopt;
  out += "." + std::string(s.substr(digits));
  return out;
}

std::optional<std::string> FormatCdiQuestion(std::string_view s) {
  std::string_view head, tail;
  SplitHead(s, &head, &tail);
  size_t dot = head.find('.');
  if (dot != 3 || head.size() != 6 || !AllDigits(head.substr(0, 3)) || !AllDigits(head.substr(4)))
    return std::nullopt;
  std::string out(head);
  if (!tail.empty()) {
    if (!(tail.size() == 3 && tail[0] == '(' && tail[2] == ')' && (IsLowerC(tail[1]) || IsUpperC(tail[1]))))
      return std::nullopt;
    out += "(" + Lower(tail.substr(1, 1)) + ")";
  }
  return out;
}

// --- Emission

void Parser::Emit(Family family, std::string id, size_t tb, size_t te, How how,
                  std::vector<std::string> aliases) {
  Citation c;
  c.family = family;
  c.start = t_[tb].start;
  c.end = t_[te > tb ? te - 1 : tb].end;
  c.known = Knows(family, id);
  c.id = std::move(id);
  c.how = how;
  c.aliases = std::move(aliases);
  for (auto it = out_.rbegin(); it != out_.rend() && it->start == c.start; ++it)
    if (it->id == c.id) return;
  out_.push_back(std::move(c));
}

void Parser::EmitNumbered(Family family, const std::string& prefix,
                          const std::vector<Member>& members, size_t tb, size_t te, bool inherited,
                          std::optional<std::string> (*format)(std::string_view)) {
  std::optional<std::string> previous;
  for (size_t k = 0; k < members.size(); ++k) {
    std::optional<std::string> value = format(members[k].s);
    if (!value && previous) {
      if (auto elided = ElidePinpoint(*previous, members[k].s)) value = format(*elided);
    }
    if (!value) {
      if (k == 0) return;
      break;
    }
    if (members[k].join == Member::kRange && previous) {
      auto lo = PlainInt(*previous), hi = PlainInt(*value);
      if (lo && hi && *hi > *lo && *hi - *lo <= kMaxFill)
        for (int v = *lo + 1; v < *hi; ++v)
          Emit(family, prefix + std::to_string(v), tb, te, How::kRangeFill);
    }
    Emit(family, prefix + *value, tb, te, HowOf(members, k, inherited));
    previous = value;
  }
}

void Parser::EmitAscMembers(const std::vector<Member>& members, const AscPath* base, bool append,
                            size_t tb, size_t te, bool inherited) {
  std::optional<AscPath> previous;
  for (size_t k = 0; k < members.size(); ++k) {
    const std::string& s = members[k].s;
    std::optional<AscPath> path;
    if (members[k].restated) {
      path = ParseAscPath(s);  // "ASC 605-25-25-3 and ASC Topic 605": a new path, not an elision
    } else if (append && base) {
      path = AppendAscMember(s, *base);
      if (!path && previous) path = ResolveAscMember(s, *previous);
    } else if (!previous) {
      path = ParseAscPath(s);
    } else {
      path = ResolveAscMember(s, *previous);
    }
    if (!path) {
      if (k == 0) return;
      break;
    }
    // "ASC 810-10-15-17(d)(1)-(4)": a range of numbered subparagraphs under one parent.
    if (members[k].join == Member::kRange && previous && previous->segments == path->segments &&
        !path->subs.empty() && previous->subs.size() == path->subs.size() &&
        std::equal(path->subs.begin(), path->subs.end() - 1, previous->subs.begin())) {
      auto lo = PlainInt(previous->subs.back()), hi = PlainInt(path->subs.back());
      if (lo && hi && *hi > *lo && *hi - *lo <= kMaxFill) {
        for (int v = *lo + 1; v < *hi; ++v) {
          AscPath fill = *path;
          fill.subs.back() = std::to_string(v);
          Emit(Family::kAsc, fill.Id(), tb, te, How::kRangeFill);
        }
      }
    }
    if (members[k].join == Member::kRange && previous &&
        previous->segments.size() == path->segments.size() && previous->subs.empty() &&
        path->subs.empty()) {
      size_t last = path->segments.size() - 1;
      bool same_parent = std::equal(path->segments.begin(), path->segments.begin() + last,
                                    previous->segments.begin());
      auto lo = PlainInt(previous->segments[last]), hi = PlainInt(path->segments[last]);
      if (same_parent && lo && hi && *hi > *lo && *hi - *lo <= kMaxFill) {
        for (int v = *lo + 1; v < *hi; ++v) {
          AscPath fill = *path;
          fill.segments[last] = std::to_string(v);
          Emit(Family::kAsc, fill.Id(), tb, te, How::kRangeFill);
        }
      }
    }
    Emit(Family::kAsc, path->Id(), tb, te, HowOf(members, k, inherited));
    previous = path;
  }
}

void Parser::Remember(const Target& target, Level level, size_t at) {
  Remembered r{target, at, true};
  switch (target.kind) {
    case TargetKind::kRegulation:
      if (level == Level::kRule) rule_ctx_ = r;
      else item_ctx_ = r;
      break;
    case TargetKind::kForm:
      item_ctx_ = r;
      break;
    case TargetKind::kAct:
      if (level == Level::kSection) section_ctx_ = r;
      else rule_ctx_ = r;
      break;
    case TargetKind::kRelease:
    case TargetKind::kSlb:
      outline_ctx_ = r;
      break;
    case TargetKind::kCdi:
      if (!target.name.empty()) cdi_ctx_ = r;
      break;
    case TargetKind::kSab:
    case TargetKind::kFrm:
    case TargetKind::kCfdg:
      topic_ctx_ = r;
      break;
    case TargetKind::kIfrs:
      ifrs_ctx_ = r;
      break;
    default:
      break;
  }
}

// --- Targets from context

std::optional<Target> Parser::ForwardTarget(size_t from) const {
  // Only an explicit item clause later in the same sentence lends its target ("Item
  // 18(a)(5)(i) disclosure ... pursuant to Item 6 of Form S-4"); "on Form 10-K" after an
  // annual report names a filing, not the form whose items are meant.
  size_t limit = std::min(n_, from + 40);
  for (size_t p = from; p < limit; ++p) {
    if (p > from && (t_[p].flags & Token::kParaBefore)) break;
    if ((t_[p].is_punct('.') || t_[p].is_punct('?')) && p + 1 < n_ && t_[p + 1].space_before() &&
        t_[p + 1].is_word() && (t_[p + 1].flags & Token::kCapital))
      break;
    int entry = 0;
    if (!Match(Cat::kLevel, p, &entry) || LevelOf(entry) != Level::kItem) continue;
    LocalRef ref;
    if (!ParseLocalRef(p, &ref)) continue;
    size_t c = Match(Cat::kConnector, ref.te);
    if (!c) continue;
    if (!(Word(ref.te, "of") || Word(ref.te, "to") || Word(ref.te, "under"))) continue;
    std::optional<Target> target = ParseTarget(ref.te + c);
    if (target && (target->kind == TargetKind::kForm ||
                   (target->kind == TargetKind::kRegulation && target->attr != "sx")))
      return target;
  }
  return std::nullopt;
}

std::optional<Target> Parser::ContextTarget(Level level, const Member& first, size_t at) const {
  auto in_comment = [](const Remembered& r) { return r.set; };
  switch (level) {
    case Level::kItem: {
      auto fits = [&](const Target& t) {
        if (t.kind == TargetKind::kForm) {
          auto item = FormatFormItem(t.name, first.s);
          if (!item) return false;
          // Where the catalog lists the form's items, the item must be one of them.
          std::string base = item->substr(0, item->find('('));
          return Knows(Family::kForm, t.name + " Item " + base) ||
                 !Knows(Family::kForm, t.name + " Item 1");
        }
        if (t.kind == TargetKind::kRegulation) {
          auto item = FormatSkItem(first.s);
          if (!item) return false;
          std::string base = item->substr(0, item->find('('));
          if (t.attr == "sk") return Knows(Family::kSk, "S-K Item " + base);
          return Knows(Family::kRegulation, "Regulation " + t.name + " Item " + base);
        }
        return false;
      };
      if (item_ctx_.set && SameSentence(item_ctx_.at, at) && fits(item_ctx_.target))
        return item_ctx_.target;
      if (auto fwd = ForwardTarget(at); fwd && fits(*fwd)) return fwd;
      if (in_comment(item_ctx_) && fits(item_ctx_.target)) return item_ctx_.target;
      return std::nullopt;
    }
    case Level::kRule: {
      // "Rule 100(b)" after "Regulation G": only a rule the regulation has.
      if (!in_comment(rule_ctx_) || rule_ctx_.target.kind != TargetKind::kRegulation ||
          rule_ctx_.target.attr != "regulation" || !rule_ctx_.target.rules_act.empty())
        return std::nullopt;
      auto rule = FormatSecuritiesRule(first.s);
      if (!rule) return std::nullopt;
      const std::string& name = rule_ctx_.target.name;
      std::string id = (name == "S-T" ? "S-T Rule " : "Regulation " + name + " Rule ") +
                       rule->substr(0, rule->find('('));
      const CatalogEntry* entry = catalog_.Find(Family::kRegulation, id);
      if (!entry || entry->id.size() != id.size()) return std::nullopt;  // the rule itself is listed
      return rule_ctx_.target;
    }
    case Level::kSection: {
      std::string outline;
      if (ParseOutline(first.s, &outline)) {
        if (in_comment(outline_ctx_)) return outline_ctx_.target;
        return std::nullopt;
      }
      if (in_comment(section_ctx_) && FormatStatuteSection(first.s)) return section_ctx_.target;
      return std::nullopt;
    }
    case Level::kQuestion:
      if (in_comment(cdi_ctx_)) return cdi_ctx_.target;
      return std::nullopt;
    case Level::kTopic:
      if (in_comment(topic_ctx_)) return topic_ctx_.target;
      return std::nullopt;
    case Level::kParagraph:
      if (ifrs_ctx_.set && SameSentence(ifrs_ctx_.at, at)) return ifrs_ctx_.target;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// --- Resolve

namespace {
bool level_is_heading_prone(Level level) {
  return level == Level::kItem || level == Level::kSection || level == Level::kArticle ||
         level == Level::kPart || level == Level::kNote;
}
}  // namespace

bool Parser::HeadingLike(const LocalRef& ref) const {
  // "Item 7. Management's Discussion and Analysis ..., page 18" on a line of its own: the
  // part of the filing under review a comment is about, whether or not the segmenter
  // marked the line as a heading.
  bool line_start = ref.tb == 0 || (t_[ref.tb].flags & Token::kNewlineBefore);
  size_t after = ref.members.back().te;
  if (!line_start || after + 1 >= n_) return false;
  if (!(Punct(after, '.') || Punct(after, ':') || Punct(after, '-'))) return false;
  const Token& title = t_[after + 1];
  if (!title.is_word() || !(title.flags & Token::kCapital) || (title.flags & Token::kNewlineBefore))
    return false;
  size_t k = after + 1;
  while (k + 1 < n_ && !(t_[k + 1].flags & Token::kNewlineBefore)) ++k;
  return !(Punct(k, '.') && !(k > 0 && t_[k - 1].is_number()));
}

void Parser::Resolve(const std::vector<LocalRef>& chain, const Target& target_in, size_t tb,
                     size_t te) {
  if (chain.empty()) return;
  // The citable reference: skip leading instructions, notes and parts when a deeper level
  // follows ("Instruction 2 to Item 10", "Note 4 to Rule 421(b)", "Part II, Item 1A").
  size_t mi = 0;
  while (mi + 1 < chain.size() &&
         (chain[mi].level == Level::kInstruction || chain[mi].level == Level::kNote ||
          chain[mi].level == Level::kPart))
    ++mi;
  const LocalRef& ref = chain[mi];
  std::string part;
  for (const LocalRef& r : chain)
    if (r.level == Level::kPart && &r != &ref && !r.members.empty()) part = " Part " + Upper(r.members[0].s);
  const std::vector<Member>& members = ref.members;
  if ((level_is_heading_prone(ref.level)) && HeadingLike(ref)) return;
  Target target = target_in;
  bool inherited = false;
  Level level = ref.level;

  // Full Codification paths stand on their own whatever the target says
  // ("paragraph 944-40-50-4B of the ASU", "paragraph 805-10-25-10").
  if (target.kind != TargetKind::kAsc &&
      (level == Level::kParagraph || level == Level::kSection || level == Level::kTopic ||
       level == Level::kSubtopic)) {
    std::optional<AscPath> path = ParseAscPath(members[0].s);
    size_t depth = path ? path->segments.size() : 0;
    bool shape = (level == Level::kTopic && depth == 1) || (level == Level::kSubtopic && depth == 2) ||
                 (level == Level::kSection && depth == 3) ||
                 (level == Level::kParagraph && depth >= 3);
    if (shape && (target.kind == TargetKind::kNone || level == Level::kParagraph)) {
      EmitAscMembers(members, nullptr, false, tb, te, false);
      return;
    }
  }

  if (target.kind == TargetKind::kNone) {
    bool in_heading = InHeading(ref.tb);
    switch (level) {
      case Level::kItem: {
        if (in_heading) return;
        if (auto ctx = ContextTarget(level, members[0], ref.tb)) {
          target = *ctx;
          inherited = true;
          break;
        }
        std::string base, pin;
        if (SplitNumbered(members[0].s, &base, &pin) && base.size() == 3 && AllDigits(base)) {
          target.kind = TargetKind::kRegulation;
          target.name = "S-K";
          target.attr = "sk";
          break;
        }
        return;
      }
      case Level::kRule: {
        if (FormatSxRule(members[0].s)) {
          target.kind = TargetKind::kRegulation;
          target.name = "S-X";
          target.attr = "sx";
        } else if (FormatExchangeRule(members[0].s)) {
          target.kind = TargetKind::kAct;
          target.name = "Exchange Act";
        } else if (auto ctx = ContextTarget(level, members[0], ref.tb)) {
          target = *ctx;
          inherited = true;
        } else if (FormatSecuritiesRule(members[0].s)) {
          target.kind = TargetKind::kAct;
          target.name = "Securities Act";
        } else {
          return;
        }
        break;
      }
      case Level::kArticle: {
        std::string base, pin;
        if (FormatSxRule(members[0].s) ||
            (SplitNumbered(members[0].s, &base, &pin) && pin.empty() && base.size() <= 3)) {
          target.kind = TargetKind::kRegulation;
          target.name = "S-X";
          target.attr = "sx";
          break;
        }
        return;
      }
      case Level::kTopic: {
        if (auto sab = FormatSabTopic(members[0].s); sab && sab->find('.') != std::string::npos) {
          target.kind = TargetKind::kSab;
          break;
        }
        if (auto ctx = ContextTarget(level, members[0], ref.tb)) {
          target = *ctx;
          inherited = true;
          break;
        }
        return;
      }
      case Level::kQuestion: {
        if (!FormatCdiQuestion(members[0].s)) return;
        if (auto ctx = ContextTarget(level, members[0], ref.tb)) {
          target = *ctx;
          inherited = true;
        } else {
          target.kind = TargetKind::kCdi;
        }
        break;
      }
      case Level::kSection:
      case Level::kParagraph: {
        if (in_heading && level == Level::kSection) return;
        if (auto ctx = ContextTarget(level, members[0], ref.tb)) {
          target = *ctx;
          inherited = true;
          break;
        }
        return;
      }
      default:
        return;
    }
  }

  const std::string& name = target.name;
  switch (target.kind) {
    case TargetKind::kAsc:
      if (level == Level::kParagraph || level == Level::kSection || level == Level::kSubtopic ||
          level == Level::kTopic)
        EmitAscMembers(members, &target.asc, true, tb, te, inherited);
      break;
    case TargetKind::kRegulation: {
      if (target.attr == "sk") {
        // "Rule 303(a)(3)(ii) of Regulation S-K": S-K has items only.
        if (level == Level::kItem || level == Level::kRule) EmitNumbered(Family::kSk, "S-K Item ", members, tb, te, inherited, FormatSkItem);
      } else if (target.attr == "sx") {
        if (level == Level::kRule || level == Level::kItem || level == Level::kSection ||
            (level == Level::kArticle && FormatSxRule(members[0].s))) {
          EmitNumbered(Family::kSx, "S-X Rule ", members, tb, te, inherited, FormatSxRule);
        } else if (level == Level::kArticle) {
          EmitNumbered(Family::kSx, "S-X Article ", members, tb, te, inherited,
                       [](std::string_view s) -> std::optional<std::string> {
                         std::string base, pin;
                         if (!SplitNumbered(s, &base, &pin) || !pin.empty() || base.size() > 3) return std::nullopt;
                         return base;
                       });
        }
      } else if (!target.rules_act.empty()) {
        if (level == Level::kRule)
          EmitNumbered(Family::kRule, target.rules_act + " Rule ", members, tb, te, inherited,
                       target.rules_act == "Securities Act" ? FormatSecuritiesRule : FormatExchangeRule);
      } else if (level == Level::kRule) {
        std::string prefix = name == "S-T" ? "S-T Rule " : "Regulation " + name + " Rule ";
        EmitNumbered(Family::kRegulation, prefix, members, tb, te, inherited, FormatPlainRule);
      } else if (level == Level::kItem) {
        EmitNumbered(Family::kRegulation, "Regulation " + name + " Item ", members, tb, te, inherited, FormatSkItem);
      }
      break;
    }
    case TargetKind::kForm: {
      if (level == Level::kItem) {
        std::string form = name;
        std::optional<std::string> previous;
        for (size_t k = 0; k < members.size(); ++k) {
          auto item = FormatFormItem(form, members[k].s);
          if (!item && previous) {
            if (auto elided = ElidePinpoint(*previous, members[k].s)) item = FormatFormItem(form, *elided);
          }
          if (!item) break;
          if (members[k].join == Member::kRange && previous) {
            auto lo = PlainInt(*previous), hi = PlainInt(*item);
            if (lo && hi && *hi > *lo && *hi - *lo <= 30)
              for (int v = *lo + 1; v < *hi; ++v)
                Emit(Family::kForm, form + part + " Item " + std::to_string(v), tb, te, How::kRangeFill);
          }
          Emit(Family::kForm, form + part + " Item " + *item, tb, te, HowOf(members, k, inherited));
          previous = item;
        }
      } else if (level == Level::kGeneralInstruction || level == Level::kNote) {
        std::string word = level == Level::kNote ? " Note " : " General Instruction ";
        for (size_t k = 0; k < members.size(); ++k) {
          std::string v = members[k].s;
          std::string outline;
          for (char c : v)
            if (c != '(' && c != ')') outline += c == '.' ? '.' : c;
          Emit(Family::kForm, name + word + Upper(outline), tb, te, HowOf(members, k, inherited));
        }
      } else if (level == Level::kPart && chain.size() == 1) {
        if (IsRoman(Upper(members[0].s))) Emit(Family::kForm, name + " Part " + Upper(members[0].s), tb, te, How::kExplicit);
      }
      break;
    }
    case TargetKind::kAct: {
      if (level == Level::kRule) {
        auto fmt = name == "Exchange Act" ? FormatExchangeRule
                   : name == "Securities Act" ? FormatSecuritiesRule
                                              : FormatPlainRule;
        if (name == "Exchange Act" && !FormatExchangeRule(members[0].s)) fmt = FormatPlainRule;
        EmitNumbered(Family::kRule, name + " Rule ", members, tb, te, inherited, fmt);
      } else if (level == Level::kSection) {
        EmitNumbered(Family::kStatute, name + " Section ", members, tb, te, inherited, FormatStatuteSection);
      }
      break;
    }
    case TargetKind::kRelease: {
      // "Item V of Release Nos. 33-8350/34-48960": a release's parts are its sections.
      if (level == Level::kSection || level == Level::kItem || level == Level::kPart) {
        for (size_t k = 0; k < members.size(); ++k) {
          std::string outline;
          if (!ParseOutline(Upper(members[k].s.substr(0, 1)) + members[k].s.substr(1), &outline)) break;
          Emit(Family::kRelease, name + " Section " + outline, tb, te, HowOf(members, k, inherited), target.aliases);
        }
      } else if (level == Level::kQuestion) {
        for (size_t k = 0; k < members.size(); ++k) {
          if (!AllDigits(members[k].s)) break;
          Emit(Family::kRelease, name + " Question " + members[k].s, tb, te, HowOf(members, k, inherited), target.aliases);
        }
      }
      break;
    }
    case TargetKind::kSab: {
      if (level == Level::kTopic) {
        for (size_t k = 0; k < members.size(); ++k) {
          auto topic = FormatSabTopic(members[k].s);
          if (!topic) break;
          Emit(Family::kSab, "SAB Topic " + *topic, tb, te, HowOf(members, k, inherited));
        }
      }
      break;
    }
    case TargetKind::kSlb: {
      if (level == Level::kSection) {
        for (size_t k = 0; k < members.size(); ++k) {
          std::string outline;
          if (!ParseOutline(members[k].s, &outline)) break;
          Emit(Family::kGuidance, name + " Section " + outline, tb, te, HowOf(members, k, inherited));
        }
      }
      break;
    }
    case TargetKind::kFrm: {
      for (size_t k = 0; k < members.size(); ++k) {
        const std::string& s = members[k].s;
        if (level == Level::kTopic) {
          if (!AllDigits(s) || s.size() > 2) break;
          Emit(Family::kGuidance, "FRM Topic " + s, tb, te, HowOf(members, k, inherited));
        } else {
          std::string_view head, tail;
          SplitHead(s, &head, &tail);
          std::string_view number = head.substr(0, head.find('.'));
          if (!AllDigits(number) || number.size() < 4 || number.size() > 5) break;
          auto pin = Pinpoint(tail);
          if (!pin) break;
          Emit(Family::kGuidance, "FRM " + std::string(head) + *pin, tb, te, HowOf(members, k, inherited));
        }
      }
      break;
    }
    case TargetKind::kFrc: {
      for (size_t k = 0; k < members.size(); ++k) {
        std::string_view head, tail;
        SplitHead(members[k].s, &head, &tail);
        std::string_view number = head.substr(0, head.find('.'));
        if (!AllDigits(number) || number.size() != 3) break;
        auto pin = Pinpoint(tail);
        if (!pin) break;
        Emit(Family::kGuidance, "FRC " + std::string(head) + *pin, tb, te, HowOf(members, k, inherited));
      }
      break;
    }
    case TargetKind::kCdi: {
      if (level != Level::kQuestion) break;
      std::string prefix = name.empty() ? "C&DI " : "C&DI " + name + " ";
      EmitNumbered(Family::kCdi, prefix, members, tb, te, inherited, FormatCdiQuestion);
      break;
    }
    case TargetKind::kIfrs: {
      if (level != Level::kParagraph) break;
      std::vector<Member> expanded;
      for (const Member& m : members) {
        // IFRS paragraph numbers have no hyphens: "130-134" is a range.
        size_t h = m.s.find('-');
        if (h != std::string::npos && AllDigits(m.s.substr(0, h)) && AllDigits(m.s.substr(h + 1))) {
          Member lo = m, hi = m;
          lo.s = m.s.substr(0, h);
          hi.s = m.s.substr(h + 1);
          hi.join = Member::kRange;
          expanded.push_back(lo);
          expanded.push_back(hi);
        } else {
          expanded.push_back(m);
        }
      }
      EmitNumbered(Family::kIfrs, name + ".", expanded, tb, te, inherited,
                   [](std::string_view s) -> std::optional<std::string> {
                     if (s.empty() || s.size() > 12) return std::nullopt;
                     size_t letters = 0;
                     while (letters < s.size() && IsUpperC(s[letters])) ++letters;
                     if (letters > 3 || letters == s.size() || !IsDigitC(s[letters])) return std::nullopt;
                     return std::string(s);
                   });
      break;
    }
    case TargetKind::kCfdg: {
      if (level != Level::kTopic) break;
      for (size_t k = 0; k < members.size(); ++k) {
        const std::string& s = members[k].s;
        size_t d = 0;
        while (d < s.size() && IsDigitC(s[d])) ++d;
        if (d == 0 || d > 2 || s.size() - d > 1) break;
        Emit(Family::kGuidance, "CF Disclosure Guidance Topic " + Upper(s), tb, te, HowOf(members, k, inherited));
      }
      break;
    }
    default:
      break;
  }
  if (!inherited) Remember(target, level, tb);
}

}  // namespace secxref
