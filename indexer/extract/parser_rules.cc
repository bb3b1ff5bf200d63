// Clause rules: where a citation can start, and how far its clause reaches.
#include <algorithm>

#include "indexer/base/utf8.h"
#include "indexer/extract/parser.h"

namespace secxref {

// LeadMaskAt answers for these.
static_assert(kLeadCategories & Bit(Cat::kCdiName));
static_assert(kLeadCategories & Bit(Cat::kReleaseSeries));

size_t Parser::TryAt(size_t i) {
  const Token& t = t_[i];
  if (t.is_word()) {
    // One probe tells which rules can start here; most words of a letter start none.
    uint32_t m = MaskAt(i);
    bool series_prefix = (t.flags & Token::kUpper) && Punct(i + 1, '-');  // "FR-72"
    if (!m && !series_prefix) return 0;
    constexpr uint32_t kRelease = Bit(Cat::kReleaseSeries) | Bit(Cat::kReleaseWord) | Bit(Cat::kAct);
    constexpr uint32_t kCdi = Bit(Cat::kCdiSet) | Bit(Cat::kCdiName);
    constexpr uint32_t kGuidance = Bit(Cat::kSab) | Bit(Cat::kSlb) | Bit(Cat::kFrm) |
                                   Bit(Cat::kFrc) | Bit(Cat::kCfdg);
    constexpr uint32_t kStandard = Bit(Cat::kIfrs) | Bit(Cat::kAudit) | Bit(Cat::kLegacy) | Bit(Cat::kAsu);
    if ((m & kRelease) || series_prefix)
      if (size_t e = ReleaseLead(i)) return e;
    if (m & kCdi)
      if (size_t e = CdiLead(i)) return e;
    if (m & Bit(Cat::kLevel))
      if (size_t e = ClauseFromLevel(i)) return e;
    if ((m & Bit(Cat::kAscName)) && Match(Cat::kAscName, i)) return AscLead(i);
    if ((m & Bit(Cat::kRegulation)) && Match(Cat::kRegulation, i)) return RegulationLead(i);
    if ((m & Bit(Cat::kAct)) && Match(Cat::kAct, i)) return ActLead(i);
    if (m & kGuidance)
      if (size_t e = GuidanceLead(i)) return e;
    if (m & kStandard)
      if (size_t e = StandardLead(i)) return e;
    if ((m & Bit(Cat::kFormWord)) && Match(Cat::kFormWord, i)) return FormLead(i);
    return 0;
  }
  if (t.is_number()) {
    // Only "17 CFR ..." and bare Codification paths ("606-10-25-1") start with a number.
    if (i + 1 >= n_) return 0;
    if (t_[i + 1].is_punct('-')) return BareAsc(i);
    if (t_[i + 1].is_word()) return CfrLead(i);
    return 0;
  }
  if (t.is_punct('S')) return CfrLead(i);
  return 0;
}

size_t Parser::ClauseFromLevel(size_t i) {
  LocalRef first;
  if (!ParseLocalRef(i, &first)) return 0;
  const Level first_level = first.level;
  const bool one_letter = first.members.size() == 1 && first.members[0].s.size() == 1;
  size_t j = first.te;
  std::vector<LocalRef> chain;
  chain.push_back(std::move(first));
  // "paragraph d. of ASC 810-10-50-1A": a one-letter member may carry a period.
  if (Punct(j, '.') && t_[j].attached() && one_letter && Word(j + 1, "of")) ++j;
  Target target;
  bool negated = false;
  // "an Item 1.01 Form 8-K": the form right after its item.
  if (first_level == Level::kItem && Match(Cat::kFormWord, j)) {
    std::optional<Target> form = ParseTarget(j);
    if (form && form->kind == TargetKind::kForm) {
      Resolve(chain, *form, i, form->te);
      return form->te;
    }
  }
  for (int step = 0; step < 4; ++step) {
    // "Part II, Item 1A of Form 10-Q"
    if (chain.back().level == Level::kPart && Punct(j, ',')) {
      LocalRef next;
      if (ParseLocalRef(j + 1, &next) && next.level == Level::kItem) {
        j = next.te;
        chain.push_back(std::move(next));
        continue;
      }
    }
    size_t c = Match(Cat::kConnector, j);
    // "Item 101(c)(1)(iv) or Regulation S-K": a typo for "of" when a regulation follows.
    if (!c && step == 0 && Word(j, "or") && Match(Cat::kRegulation, j + 1) &&
        WordIs(text_, t_[j + 1], "regulation"))
      c = 1;
    if (!c) break;
    // "Section 2.02 of the purchase agreement", "Item 8 of our annual report": after "of",
    // "to", "under" (or "or" for "of") the reference belongs to something that is not a
    // citable source. "in"/"from"/"on" do not tell.
    const bool negating = Word(j, "of") || Word(j, "to") || Word(j, "under") || Word(j, "or");
    size_t k = j + c;
    if (Word(k, "the") && Match(Cat::kLevel, k + 1)) ++k;
    // "Section 25 of Subtopic 805-20": a Codification level word with its path is a target.
    int lv = 0;
    if (Match(Cat::kLevel, k, &lv)) {
      const Level l = LevelOf(lv);
      if (l == Level::kTopic || l == Level::kSubtopic || l == Level::kSection) {
        std::optional<Target> asc = ParseTarget(k);
        if (asc && asc->kind == TargetKind::kAsc) {
          target = *asc;
          j = asc->te;
          break;
        }
      }
    }
    LocalRef next;
    if (ParseLocalRef(k, &next)) {
      j = next.te;
      chain.push_back(std::move(next));
      continue;
    }
    std::optional<Target> found = ParseTarget(k);
    if (!found) break;
    if (found->kind == TargetKind::kFilingRef) {
      negated = true;
      j = found->te;
      break;
    }
    if (found->kind == TargetKind::kOther) {
      if (negating) negated = true;
      break;
    }
    target = *found;
    j = found->te;
    // "Instruction 5 to Regulation S-K Item 303(b)": an instruction or note to an item
    // written after its target. Only for those: in "General Instruction E to Schedule TO,
    // Item 7 of Schedule TO" the item after the comma is the next member of a list.
    bool dropped_level = chain.size() == 1 && (chain[0].level == Level::kInstruction ||
                                               chain[0].level == Level::kNote);
    size_t after = Punct(j, ',') ? j + 1 : j;
    LocalRef post;
    if (dropped_level && ParseLocalRef(after, &post) && post.level != Level::kInstruction &&
        post.level != Level::kNote) {
      j = post.te;
      chain.push_back(std::move(post));
    }
    break;
  }
  if (negated) return j;
  size_t before = out_.size();
  Resolve(chain, target, i, j);
  // Nothing cited and no target: let the other rules look at these tokens
  // ("paragraphs ASC 606-10-55-89", "Topic ASC 605-20").
  if (out_.size() == before && target.kind == TargetKind::kNone) return 0;
  return j;
}

size_t Parser::AscLead(size_t i) {
  size_t k = Match(Cat::kAscName, i);
  size_t j = SkipAbbreviationDefinition(i + k);
  int entry = 0;
  if (size_t lw = Match(Cat::kLevel, j, &entry)) {
    const Level l = LevelOf(entry);
    if (l == Level::kTopic || l == Level::kSubtopic || l == Level::kSection || l == Level::kParagraph)
      j = SkipNumberWord(j + lw);
  }
  Member first;
  if (!ScanDesignator(j, &first)) return i + k;
  // "ASC 60610-50-1": a lost hyphen after a known three-digit topic.
  std::string s = first.s;
  size_t hyphen = s.find('-');
  std::string head = s.substr(0, hyphen);
  if ((head.size() == 5 || head.size() == 6) && AllDigits(head) && hyphen != std::string::npos &&
      Knows(Family::kAsc, "ASC " + head.substr(0, 3)))
    first.s = head.substr(0, 3) + "-" + s.substr(3);
  std::optional<AscPath> path = ParseAscPath(first.s);
  if (!path) return i + k;
  std::vector<Member> members{first};
  size_t end = ParseListContinuation(first.te, Level::kNone, &members, true);
  EmitAscMembers(members, nullptr, false, i, end, false);
  return end;
}

size_t Parser::BareAsc(size_t i) {
  const Token& t = t_[i];
  if (t.end - t.start != 3 || !Punct(i + 1, '-') || !t_[i + 1].attached()) return 0;
  if (i > 0 && (t_[i - 1].is_punct('$') || t_[i - 1].is_punct('(') || t_[i - 1].is_punct('-')))
    return 0;
  Member first;
  if (!ScanDesignator(i, &first)) return 0;
  std::optional<AscPath> path = ParseAscPath(first.s);
  if (!path) return first.te;
  size_t min_depth = options_.lenient ? 1 : 3;
  if (path->segments.size() < min_depth) return first.te;
  std::vector<Member> members{first};
  size_t end = ParseListContinuation(first.te, Level::kNone, &members, true);
  EmitAscMembers(members, nullptr, false, i, end, false);
  return end;
}

size_t Parser::RegulationLead(size_t i) {
  int entry = 0;
  size_t k = Match(Cat::kRegulation, i, &entry);
  const LexiconEntry& e = EntryOf(Cat::kRegulation, entry);
  Target target;
  target.kind = TargetKind::kRegulation;
  target.name = e.value;
  target.attr = e.Attr("family");
  target.rules_act = e.Attr("rules");
  target.tb = i;
  target.te = i + k;
  size_t j = i + k;
  size_t after = Punct(j, ',') ? j + 1 : j;
  LocalRef ref;
  if (ParseLocalRef(after, &ref)) {
    size_t end = ref.te;
    std::vector<LocalRef> chain{ref};
    Resolve(chain, target, i, end);
    return end;
  }
  // A bare regulation: "Regulation S-K", "Regulation G" (not the abbreviation "S-K" alone).
  if (!WordIs(text_, t_[i], "regulation")) return j;
  Family family = target.attr == "sk" ? Family::kSk
                  : target.attr == "sx" ? Family::kSx
                                        : Family::kRegulation;
  Emit(family, "Regulation " + target.name, i, j, How::kExplicit);
  // Regulations with items (S-K, M-A, S-B, AB) give bare items their context; the others
  // (G, S-T...) give bare rules theirs.
  bool has_items = target.attr == "sk" || target.name == "M-A" || target.name == "S-B" ||
                   target.name == "AB";
  Remember(target, has_items ? Level::kItem : Level::kRule, i);
  return j;
}

size_t Parser::ActLead(size_t i) {
  int entry = 0;
  size_t k = Match(Cat::kAct, i, &entry);
  const LexiconEntry& e = EntryOf(Cat::kAct, entry);
  // "Code" alone names the IRC only as a target ("Section 368(a) of the Code").
  if (e.value == "IRC" && WordIs(text_, t_[i], "code")) return 0;
  Target target;
  target.kind = TargetKind::kAct;
  target.name = e.value;
  target.attr = e.Attr("series");
  target.tb = i;
  target.te = i + k;
  size_t j = i + k;
  LocalRef ref;
  if (ParseLocalRef(j, &ref) && (ref.level == Level::kRule || ref.level == Level::kSection)) {
    std::vector<LocalRef> chain{ref};
    Resolve(chain, target, i, ref.te);
    return ref.te;
  }
  // "SOX 404"
  Member m;
  if (e.value == "SOX" && ScanDesignator(j, &m) && t_[m.tb].is_number()) {
    if (auto sec = FormatStatuteSection(m.s)) {
      Emit(Family::kStatute, "SOX Section " + *sec, i, m.te, How::kExplicit);
      return m.te;
    }
  }
  return j;
}

std::optional<Target> Parser::ParseRelease(size_t i) const {
  // Cheap look-ahead first: most "SEC", "Commission", "Securities" are no release.
  bool named = false;
  for (size_t k = i; k < n_ && k < i + 6 && !named; ++k) {
    named = (LeadMaskAt(k) & Bit(Cat::kReleaseSeries)) || Word(k, "release") || Word(k, "releases") ||
            Word(k, "rel");
  }
  if (!named) return std::nullopt;
  size_t j = i;
  std::string series;
  // Qualifiers and act names before "Release": "SEC", "Interpretive", "Exchange Act".
  int entry = 0;
  for (int q = 0; q < 5 && j < n_; ++q) {
    if (size_t k = Match(Cat::kReleaseSeries, j, &entry)) {
      series = EntryOf(Cat::kReleaseSeries, entry).value;
      j += k;
      break;
    }
    if (size_t k = Match(Cat::kAct, j, &entry)) {
      std::string s = EntryOf(Cat::kAct, entry).Attr("series");
      if (s.empty()) return std::nullopt;
      series = s;
      j += k;
      continue;
    }
    int rw = 0;
    if (size_t k = Match(Cat::kReleaseWord, j, &rw)) {
      if (EntryOf(Cat::kReleaseWord, rw).value == "release") {
        j += k;
        break;
      }
      j += k;
      continue;
    }
    return std::nullopt;
  }
  // A series phrase ("Financial Reporting Release") may still be followed by "No.".
  if (j == i) return std::nullopt;
  bool release_named = false;
  for (size_t k = i; k < j; ++k) {
    int rw = 0;
    if (Match(Cat::kReleaseWord, k, &rw) && EntryOf(Cat::kReleaseWord, rw).value == "release")
      release_named = true;
    if (Match(Cat::kReleaseSeries, k)) release_named = true;
  }
  if (!release_named) return std::nullopt;
  j = SkipNumberWord(j);
  Member m;
  if (!ScanDesignator(j, &m)) return std::nullopt;
  std::optional<std::string> number = FormatReleaseNumber(series, m.s);
  if (!number) return std::nullopt;
  Target target;
  target.kind = TargetKind::kRelease;
  target.name = "Release " + *number;
  target.tb = i;
  target.te = m.te;
  // Aliases: "Release Nos. 33-8350; 34-48960; FR-72", "33-8350/34-48960".
  std::vector<std::string> seen_series{number->substr(0, number->find('-'))};
  size_t k = m.te;
  while (k < n_) {
    size_t next = k;
    if (Punct(next, ';') || Punct(next, '/') || Punct(next, ',')) ++next;
    else if (Word(next, "and")) ++next;
    else break;
    Member a;
    if (!ScanDesignator(next, &a)) break;
    std::optional<std::string> alias = FormatReleaseNumber("", a.s);
    if (!alias) break;
    std::string s = alias->substr(0, alias->find('-'));
    if (std::find(seen_series.begin(), seen_series.end(), s) != seen_series.end()) break;
    seen_series.push_back(s);
    target.aliases.push_back(*alias);
    k = a.te;
    target.te = k;
  }
  return target;
}

size_t Parser::ReleaseLead(size_t i) {
  const Token& t = t_[i];
  // "FR-72", "IC-10666": a series prefix with its number.
  if ((t.flags & Token::kUpper) && Punct(i + 1, '-') && t_[i + 1].attached() && i + 2 < n_ &&
      t_[i + 2].is_number() && t_[i + 2].attached()) {
    std::string_view w = TokenText(text_, t);
    if (w == "FR" || w == "IC" || w == "IA") {
      Member m;
      if (ScanDesignator(i, &m)) {
        if (auto number = FormatReleaseNumber("", m.s)) {
          Emit(Family::kRelease, "Release " + *number, i, m.te, How::kExplicit);
          return m.te;
        }
      }
    }
  }
  std::optional<Target> release = ParseRelease(i);
  if (!release) return 0;
  size_t end = release->te;
  // "Release No. 33-8350, Section III.B" / "Release No. 33-8350 Sections III.A and III.D"
  size_t after = Punct(end, ',') ? end + 1 : end;
  LocalRef ref;
  if (ParseLocalRef(after, &ref) && (ref.level == Level::kSection || ref.level == Level::kQuestion)) {
    std::vector<LocalRef> chain{ref};
    Resolve(chain, *release, i, ref.te);
    return ref.te;
  }
  Emit(Family::kRelease, release->name, i, end, How::kExplicit, release->aliases);
  Remember(*release, Level::kSection, i);
  // "Releases No. 33-8350 and 33-6835": further numbers of the same series are releases too.
  size_t k = end;
  while (Punct(k, ',') || Punct(k, ';') || Word(k, "and")) {
    size_t next = k + 1;
    if (Punct(k, ',') && Word(next, "and")) ++next;
    Member m;
    if (!ScanDesignator(next, &m)) break;
    auto number = FormatReleaseNumber("", m.s);
    if (!number) break;
    Emit(Family::kRelease, "Release " + *number, next, m.te, How::kList);
    k = end = m.te;
  }
  return end;
}

size_t Parser::FormLead(size_t i) {
  int entry = 0;
  size_t k = Match(Cat::kFormWord, i, &entry);
  const std::string& word = EntryOf(Cat::kFormWord, entry).value;
  Member id;
  if (!ScanDesignator(i + k, &id)) return i + k;
  std::optional<std::string> form = FormatFormId(id.s);
  if (!form) return i + k;
  size_t j = id.te;
  // "Form 10-K/A"
  if (Punct(j, '/') && t_[j].attached() && Word(j + 1, "a")) j += 2;
  if (i > 0 && Match(Cat::kDeterminer, i - 1)) return j;  // "your Form 10-K": the filing
  Target target;
  target.kind = TargetKind::kForm;
  target.name = word + " " + *form;
  target.tb = i;
  target.te = j;
  size_t after = Punct(j, ',') ? j + 1 : j;
  LocalRef ref;
  if (ParseLocalRef(after, &ref) && ref.level != Level::kInstruction) {
    std::vector<LocalRef> chain{ref};
    size_t end = ref.te;
    // "Form 10-Q, Part II, Item 1A"
    if (ref.level == Level::kPart && Punct(end, ',')) {
      LocalRef item;
      if (ParseLocalRef(end + 1, &item) && item.level == Level::kItem) {
        chain.push_back(item);
        end = item.te;
      }
    }
    Resolve(chain, target, i, end);
    return end;
  }
  return j;
}

size_t Parser::GuidanceLead(size_t i) {
  int entry = 0;
  if (size_t k = Match(Cat::kSab, i)) {
    size_t j = SkipAbbreviationDefinition(i + k);
    int lv = 0;
    if (size_t lw = Match(Cat::kLevel, j, &lv); lw && LevelOf(lv) == Level::kTopic) {
      LocalRef ref;
      if (ParseLocalRef(j, &ref)) {
        Target sab;
        sab.kind = TargetKind::kSab;
        sab.tb = i;
        sab.te = i + k;
        std::vector<LocalRef> chain{ref};
        Resolve(chain, sab, i, ref.te);
        return ref.te;
      }
      return j;
    }
    j = SkipNumberWord(j);
    std::vector<Member> members;
    Member m;
    if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return i + k;
    members.push_back(m);
    size_t end = ParseListContinuation(m.te, Level::kNone, &members, false);
    bool many = members.size() > 1;
    for (const Member& mem : members) {
      if (!AllDigits(mem.s)) continue;
      int number = std::stoi(mem.s.substr(0, 4));
      if (number < 1 || number > 140) continue;
      Emit(Family::kSab, "SAB " + mem.s, i, many ? end : mem.te, many ? How::kList : How::kExplicit);
    }
    return end;
  }
  if (size_t k = Match(Cat::kSlb, i)) {
    size_t j = SkipNumberWord(i + k);
    Member m;
    if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return i + k;
    std::string number = Upper(m.s);
    size_t digits = 0;
    while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2 || number.size() - digits > 1) return m.te;
    Target slb;
    slb.kind = TargetKind::kSlb;
    slb.name = "SLB " + number;
    slb.tb = i;
    size_t end = m.te;
    // "(CF)"
    if (Punct(end, '(') && Word(end + 1, "cf") && Punct(end + 2, ')')) end += 3;
    slb.te = end;
    size_t after = Punct(end, ',') ? end + 1 : end;
    LocalRef ref;
    if (ParseLocalRef(after, &ref) && ref.level == Level::kSection) {
      std::vector<LocalRef> chain{ref};
      Resolve(chain, slb, i, ref.te);
      return ref.te;
    }
    Emit(Family::kGuidance, slb.name, i, end, How::kExplicit);
    Remember(slb, Level::kSection, i);
    return end;
  }
  if (size_t k = Match(Cat::kFrm, i)) {
    size_t j = i + k;
    {
      LocalRef ref;
      Target frm;
      frm.kind = TargetKind::kFrm;
      frm.tb = i;
      frm.te = j;
      if (ParseLocalRef(j, &ref) &&
          (ref.level == Level::kTopic || ref.level == Level::kSection || ref.level == Level::kParagraph)) {
        std::vector<LocalRef> chain{ref};
        Resolve(chain, frm, i, ref.te);
        return ref.te;
      }
      Member m;
      if (ScanDesignator(j, &m) && t_[m.tb].is_number() && m.s.size() >= 4) {
        LocalRef pseudo;
        pseudo.level = Level::kSection;
        pseudo.tb = j;
        pseudo.te = m.te;
        pseudo.members.push_back(m);
        std::vector<LocalRef> chain{pseudo};
        Resolve(chain, frm, i, m.te);
        return m.te;
      }
    }
    return j;
  }
  if (size_t k = Match(Cat::kFrc, i)) {
    size_t j = i + k;
    LocalRef ref;
    Target frc;
    frc.kind = TargetKind::kFrc;
    frc.tb = i;
    frc.te = j;
    Member m;
    if (ParseLocalRef(j, &ref) && ref.level == Level::kSection) {
      std::vector<LocalRef> chain{ref};
      Resolve(chain, frc, i, ref.te);
      return ref.te;
    }
    if (ScanDesignator(j, &m) && t_[m.tb].is_number()) {
      LocalRef pseudo;
      pseudo.level = Level::kSection;
      pseudo.tb = j;
      pseudo.te = m.te;
      pseudo.members.push_back(m);
      std::vector<LocalRef> chain{pseudo};
      Resolve(chain, frc, i, m.te);
      return m.te;
    }
    return j;
  }
  if (size_t k = Match(Cat::kCfdg, i, &entry)) {
    size_t j = i + k;
    if (Punct(j, ':')) ++j;
    LocalRef ref;
    if (ParseLocalRef(j, &ref) && ref.level == Level::kTopic) {
      Target g;
      g.kind = TargetKind::kCfdg;
      g.tb = i;
      g.te = i + k;
      std::vector<LocalRef> chain{ref};
      Resolve(chain, g, i, ref.te);
      return ref.te;
    }
    return j;
  }
  return 0;
}

std::optional<Target> Parser::ParseCdiName(size_t i) const {
  // Cheap look-ahead first: a C&DI name must follow within a few tokens.
  bool named = false;
  for (size_t k = i; k < n_ && k < i + 10 && !named; ++k) named = LeadMaskAt(k) & Bit(Cat::kCdiName);
  if (!named) return std::nullopt;
  size_t j = SkipFiller(i);
  std::string set;
  int entry = 0;
  if (size_t k = Match(Cat::kCdiSet, j, &entry)) {
    // The set before the name: "Non-GAAP C&DI", "Regulation S-K Compliance and ...".
    size_t after = SkipFiller(j + k);
    if (Match(Cat::kCdiName, after)) {
      set = EntryOf(Cat::kCdiSet, entry).value;
      j = after;
    }
  }
  size_t k = Match(Cat::kCdiName, j);
  if (!k) return std::nullopt;
  Target target;
  target.kind = TargetKind::kCdi;
  target.tb = i;
  size_t end = j + k;
  if (set.empty()) {
    // The set after the name: "... Interpretations Non-GAAP Financial Measures",
    // "C&DIs on Non-GAAP Financial Measures", "... for Non-GAAP Financial Measures".
    size_t s = end;
    if (Word(s, "on") || Word(s, "for") || Word(s, "regarding") || Word(s, "relating")) {
      ++s;
      if (Word(s, "to")) ++s;
    }
    if (Word(s, "the")) ++s;
    if (size_t m = Match(Cat::kCdiSet, s, &entry)) {
      set = EntryOf(Cat::kCdiSet, entry).value;
      end = s + m;
    }
  }
  target.name = set;
  target.te = end;
  return target;
}

size_t Parser::CdiLead(size_t i) {
  std::optional<Target> cdi = ParseCdiName(i);
  if (!cdi) return 0;
  size_t j = cdi->te;
  LocalRef ref;
  if (ParseLocalRef(j, &ref) && ref.level == Level::kQuestion) {
    std::vector<LocalRef> chain{ref};
    Resolve(chain, *cdi, i, ref.te);
    return ref.te;
  }
  Member m;
  if (ScanDesignator(SkipNumberWord(j), &m) && t_[m.tb].is_number()) {
    LocalRef pseudo;
    pseudo.level = Level::kQuestion;
    pseudo.tb = j;
    pseudo.members.push_back(m);
    pseudo.te = ParseListContinuation(m.te, Level::kQuestion, &pseudo.members, false);
    std::vector<LocalRef> chain{pseudo};
    Resolve(chain, *cdi, i, pseudo.te);
    return pseudo.te;
  }
  if (!cdi->name.empty()) Remember(*cdi, Level::kQuestion, i);
  return j;
}

size_t Parser::StandardLead(size_t i) {
  int entry = 0;
  if (size_t k = Match(Cat::kIfrs, i, &entry)) {
    std::string prefix = EntryOf(Cat::kIfrs, entry).value;
    size_t j = i + k;
    if (Punct(j, '-') && t_[j].attached()) ++j;  // "SIC-29"
    j = SkipNumberWord(j);
    Member m;
    if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return i + k;
    // "IFRS 15.35", "IAS 1.82(a)", "IFRS 9.B5.5.17"
    std::string s = m.s;
    size_t dot = s.find('.');
    std::string number = s.substr(0, dot);
    if (!AllDigits(number) || number.size() > 2) return m.te;
    if (prefix == "SIC" && std::stoi(number) > 33) return m.te;
    Target std_target;
    std_target.kind = TargetKind::kIfrs;
    std_target.name = prefix + " " + number;
    std_target.tb = i;
    std_target.te = m.te;
    if (dot != std::string::npos) {
      Emit(Family::kIfrs, std_target.name + "." + s.substr(dot + 1), i, m.te, How::kExplicit);
      Remember(std_target, Level::kParagraph, i);
      return m.te;
    }
    size_t after = Punct(m.te, ',') ? m.te + 1 : m.te;
    LocalRef ref;
    if (ParseLocalRef(after, &ref) && ref.level == Level::kParagraph) {
      std::vector<LocalRef> chain{ref};
      Resolve(chain, std_target, i, ref.te);
      return ref.te;
    }
    Emit(Family::kIfrs, std_target.name, i, m.te, How::kExplicit);
    Remember(std_target, Level::kParagraph, i);
    return m.te;
  }
  if (size_t k = Match(Cat::kAudit, i, &entry)) {
    std::string prefix = EntryOf(Cat::kAudit, entry).value;
    // "AS" is an English word: only in running (not all-capital) text.
    if (prefix == "AS" && WordIs(text_, t_[i], "as")) {
      bool caps_context = (i > 0 && t_[i - 1].is_word() && (t_[i - 1].flags & Token::kUpper) &&
                           !WordIs(text_, t_[i - 1], "pcaob")) ||
                          (i + k < n_ && t_[i + k].is_word() && (t_[i + k].flags & Token::kUpper));
      if (caps_context) return 0;
    }
    size_t j = SkipNumberWord(i + k);
    if (prefix == "AU" && Match(Cat::kLevel, j)) j = SkipNumberWord(j + Match(Cat::kLevel, j));
    Member m;
    if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return 0;
    std::string number = m.s.substr(0, m.s.find('.'));
    if (!AllDigits(number) || number.size() > 4) return m.te;
    if (prefix == "AS" && WordIs(text_, t_[i], "as") && number.size() != 4 &&
        !(i > 0 && WordIs(text_, t_[i - 1], "pcaob")) && std::stoi(number) > 18)
      return m.te;
    Emit(Family::kAudit, prefix + " " + number, i, m.te, How::kExplicit);
    return m.te;
  }
  if (size_t k = Match(Cat::kLegacy, i, &entry)) {
    std::string prefix = EntryOf(Cat::kLegacy, entry).value;
    size_t j = i + k;
    bool statement_word = prefix == "FAS" && (WordIs(text_, t_[i], "statement") ||
                                              WordIs(text_, t_[i], "statements"));
    // "FSP FAS 157-3", "FSP EITF 00-19-2"
    std::string sub;
    if (prefix == "FSP") {
      int e2 = 0;
      if (size_t k2 = Match(Cat::kLegacy, j, &e2)) {
        sub = EntryOf(Cat::kLegacy, e2).value + " ";
        j += k2;
      }
    }
    size_t numbered = SkipNumberWord(j);
    bool numbered_with_no = numbered != j;
    j = numbered;
    if (prefix == "EITF" && Match(Cat::kLevel, j)) j = SkipNumberWord(j + Match(Cat::kLevel, j));
    Member m;
    if (!ScanDesignator(j, &m)) return 0;
    std::string s = m.s;
    // "141R", "141(R)", "46R" -> "(R)"
    if (s.size() > 1 && (s.back() == 'R') && s[s.size() - 2] >= '0' && s[s.size() - 2] <= '9')
      s = s.substr(0, s.size() - 1) + "(R)";
    if (Punct(m.te, '(') && Word(m.te + 1, "revised") && Punct(m.te + 3, ')')) {
      s += "(R)";
      m.te += 4;
    }
    bool first_digit = !s.empty() && s[0] >= '0' && s[0] <= '9';
    if (!first_digit && !(prefix == "EITF" || prefix == "DIG")) return m.te;
    if (statement_word || prefix == "FAS") {
      std::string digits = s.substr(0, s.find('('));
      if (!AllDigits(digits) || digits.size() > 3 || std::stoi(digits) > 170) return m.te;
    }
    // "Statement 144" without "No." only for the numbers of late standards (100-170), where
    // "Statement 2 of the agreement" cannot be meant.
    if (statement_word && !numbered_with_no && std::stoi(s.substr(0, s.find('('))) < 100) return m.te;
    Emit(Family::kLegacy, (prefix == "FSP" ? "FSP " + sub : prefix + " ") + s, i, m.te,
         How::kExplicit);
    return m.te;
  }
  if (size_t k = Match(Cat::kAsu, i)) {
    size_t j = SkipNumberWord(i + k);
    std::vector<Member> members;
    Member m;
    if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return 0;
    members.push_back(m);
    size_t end = ParseListContinuation(m.te, Level::kNone, &members, false);
    bool many = members.size() > 1;
    for (const Member& mem : members) {
      size_t h = mem.s.find('-');
      if (h != 4) continue;
      std::string year = mem.s.substr(0, 4), seq = mem.s.substr(5);
      if (!AllDigits(year) || !AllDigits(seq) || seq.size() > 2) continue;
      int y = std::stoi(year);
      if (y < 2009 || y > 2040) continue;
      if (seq.size() == 1) seq = "0" + seq;
      Emit(Family::kAsu, "ASU " + year + "-" + seq, i, many ? end : mem.te,
           many ? How::kList : How::kExplicit);
    }
    return end;
  }
  return 0;
}

size_t Parser::CfrLead(size_t i) {
  size_t j = i;
  if (t_[i].is_number()) {
    // "17 CFR", "17 C.F.R."
    size_t k = Match(Cat::kCfr, i + 1);
    if (!k) return 0;
    j = i + 1 + k;
  }
  while (Punct(j, 'S')) ++j;  // "§", "§§"
  if (Word(j, "part") || Word(j, "section") || Word(j, "sec")) ++j;
  if (Punct(j, '.')) ++j;
  Member m;
  if (!ScanDesignator(j, &m) || !t_[m.tb].is_number()) return 0;
  size_t dot = m.s.find('.');
  if (dot == std::string::npos) return t_[i].is_number() ? m.te : 0;
  std::string part = m.s.substr(0, dot), section = m.s.substr(dot + 1);
  if (!AllDigits(part)) return 0;
  std::optional<std::string> id;
  Family family = Family::kRegulation;
  if (part == "229") {
    if (auto item = FormatSkItem(section)) id = "S-K Item " + *item, family = Family::kSk;
  } else if (part == "210") {
    if (auto rule = FormatSxRule(section)) id = "S-X Rule " + *rule, family = Family::kSx;
  } else if (part == "240") {
    if (auto rule = FormatExchangeRule(section)) id = "Exchange Act Rule " + *rule, family = Family::kRule;
  } else if (part == "230") {
    if (auto rule = FormatSecuritiesRule(section)) id = "Securities Act Rule " + *rule, family = Family::kRule;
  } else if (part == "244") {
    if (auto rule = FormatPlainRule(section)) id = "Regulation G Rule " + *rule;
  } else if (part == "232") {
    if (auto rule = FormatPlainRule(section)) id = "S-T Rule " + *rule;
  } else if (part == "243") {
    if (auto rule = FormatPlainRule(section)) id = "Regulation FD Rule " + *rule;
  } else if (part == "228") {
    if (auto item = FormatSkItem(section)) id = "Regulation S-B Item " + *item;
  } else if (t_[i].is_number()) {
    id = std::string(TokenText(text_, t_[i])) + " CFR " + m.s;
  }
  if (!id) return m.te;
  Emit(family, *id, i, m.te, How::kExplicit);
  return m.te;
}

}  // namespace secxref

namespace secxref {

std::optional<Target> Parser::ParseTarget(size_t i) const {
  if (i >= n_) return std::nullopt;
  size_t j = i;
  bool determiner = false, the = false;
  if (size_t d = Match(Cat::kDeterminer, j)) {
    determiner = true;
    the = Word(j, "the");
    j += d;
    // "the Company's Form 10-K"
    if (j + 2 < n_ && t_[j].is_word() && t_[j + 1].is_punct('\'') && Word(j + 2, "s")) j += 3;
  }
  j = SkipFiller(j);
  Target target;
  target.tb = i;
  int entry = 0;
  if (size_t f = Match(Cat::kFormWord, j, &entry)) {
    Member id;
    if (ScanDesignator(j + f, &id)) {
      if (auto form = FormatFormId(id.s)) {
        target.te = id.te;
        if (Punct(target.te, '/') && t_[target.te].attached() && Word(target.te + 1, "a")) target.te += 2;
        if (determiner) {
          target.kind = TargetKind::kFilingRef;
          return target;
        }
        target.kind = TargetKind::kForm;
        target.name = EntryOf(Cat::kFormWord, entry).value + " " + *form;
        return target;
      }
    }
    target.kind = TargetKind::kOther;
    target.te = j + f;
    return target;
  }
  if (determiner && !the) {
    target.kind = TargetKind::kOther;
    target.te = j;
    return target;
  }
  if (auto cdi = ParseCdiName(j)) {
    cdi->tb = i;
    return cdi;
  }
  // "Question 102.10 on Non-GAAP Financial Measures": the set alone names the C&DIs.
  if (size_t k = Match(Cat::kCdiSet, j, &entry); k && EntryOf(Cat::kCdiSet, entry).value == "Non-GAAP") {
    target.kind = TargetKind::kCdi;
    target.name = "Non-GAAP";
    target.te = j + k;
    return target;
  }
  // Codification: "ASC 810-10-50", "FASB ASC Topic 810", "Subtopic 810-10", "810-10-50".
  {
    size_t k = j;
    bool named = false;
    if (size_t a = Match(Cat::kAscName, k)) {
      k = SkipAbbreviationDefinition(k + a);
      named = true;
    }
    int lv = 0;
    bool level_word = false;
    if (size_t lw = Match(Cat::kLevel, k, &lv)) {
      const Level l = LevelOf(lv);
      if (l == Level::kTopic || l == Level::kSubtopic || l == Level::kSection || l == Level::kParagraph) {
        k = SkipNumberWord(k + lw);
        level_word = true;
      }
    }
    Member m;
    if ((named || level_word || (k < n_ && t_[k].is_number())) && ScanDesignator(k, &m)) {
      if (auto path = ParseAscPath(m.s)) {
        size_t depth = path->segments.size();
        if (named || (level_word && depth >= 1) || depth >= 2) {
          target.kind = TargetKind::kAsc;
          target.asc = *path;
          target.te = m.te;
          return target;
        }
      }
    }
    if (named) {
      // "Topic 805 of the FASB ASC": the Codification as a whole; members must be full paths.
      target.kind = TargetKind::kAsc;
      target.te = k;
      return target;
    }
  }
  if (size_t k = Match(Cat::kRegulation, j, &entry)) {
    const LexiconEntry& e = EntryOf(Cat::kRegulation, entry);
    target.kind = TargetKind::kRegulation;
    target.name = e.value;
    target.attr = e.Attr("family");
    target.rules_act = e.Attr("rules");
    target.te = j + k;
    return target;
  }
  if (size_t k = Match(Cat::kAct, j, &entry)) {
    target.kind = TargetKind::kAct;
    target.name = EntryOf(Cat::kAct, entry).value;
    target.attr = EntryOf(Cat::kAct, entry).Attr("series");
    target.te = j + k;
    return target;
  }
  if (auto release = ParseRelease(j)) {
    release->tb = i;
    return release;
  }
  if (size_t k = Match(Cat::kSab, j)) {
    target.kind = TargetKind::kSab;
    target.te = SkipAbbreviationDefinition(j + k);
    return target;
  }
  if (size_t k = Match(Cat::kSlb, j)) {
    size_t n = SkipNumberWord(j + k);
    Member m;
    if (ScanDesignator(n, &m) && t_[m.tb].is_number()) {
      target.kind = TargetKind::kSlb;
      target.name = "SLB " + Upper(m.s);
      target.te = m.te;
      if (Punct(target.te, '(') && Word(target.te + 1, "cf") && Punct(target.te + 2, ')')) target.te += 3;
      return target;
    }
    return std::nullopt;
  }
  if (size_t k = Match(Cat::kFrm, j)) {
    target.kind = TargetKind::kFrm;
    target.te = j + k;
    return target;
  }
  if (size_t k = Match(Cat::kFrc, j)) {
    target.kind = TargetKind::kFrc;
    target.te = j + k;
    return target;
  }
  if (size_t k = Match(Cat::kCfdg, j)) {
    target.kind = TargetKind::kCfdg;
    target.te = j + k;
    return target;
  }
  if (size_t k = Match(Cat::kIfrs, j, &entry)) {
    size_t n = j + k;
    if (Punct(n, '-') && t_[n].attached()) ++n;
    n = SkipNumberWord(n);
    Member m;
    if (ScanDesignator(n, &m) && t_[m.tb].is_number() && AllDigits(m.s) && m.s.size() <= 2) {
      target.kind = TargetKind::kIfrs;
      target.name = EntryOf(Cat::kIfrs, entry).value + " " + m.s;
      target.te = m.te;
      return target;
    }
    return std::nullopt;
  }
  if (Match(Cat::kAsu, j)) return std::nullopt;
  if (j < n_ && t_[j].is_word()) {
    target.kind = TargetKind::kOther;
    target.te = j;
    return target;
  }
  return std::nullopt;
}

}  // namespace secxref
