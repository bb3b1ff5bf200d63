#include "indexer/extract/lexicon.h"

#include <pugixml.hpp>

#include <algorithm>
#include <stdexcept>

#include "indexer/base/data_files.h"
#include "indexer/base/utf8.h"

namespace secxref {
namespace {

constexpr const char* kCatNames[] = {
    "asc-name", "level", "number-word", "regulation", "act", "release-series", "release-word",
    "sab", "slb", "frm", "frc", "cfdg", "cdi-name", "cdi-set", "ifrs", "audit", "legacy", "asu",
    "form-word", "determiner", "connector", "cfr", "filler",
};
static_assert(sizeof(kCatNames) / sizeof(kCatNames[0]) == static_cast<size_t>(Cat::kCount));

int CatIndex(std::string_view name) {
  for (size_t i = 0; i < static_cast<size_t>(Cat::kCount); ++i)
    if (name == kCatNames[i]) return static_cast<int>(i);
  return -1;
}

std::string RawOf(std::string_view text, const Token& t) {
  if (t.type == TokenType::kPunct) return std::string(1, t.punct);
  return std::string(TokenText(text, t));
}

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::vector<std::string> SplitIds(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t semi = s.find(';', pos);
    std::string_view part = s.substr(pos, semi == std::string_view::npos ? s.npos : semi - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (semi == std::string_view::npos) break;
    pos = semi + 1;
  }
  return out;
}

}  // namespace

const char* CatName(Cat cat) { return kCatNames[static_cast<size_t>(cat)]; }

void PhraseTable::Add(std::string_view phrase, int entry, bool exact_case) {
  std::vector<Token> toks;
  Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()), &toks);
  if (toks.empty()) return;
  Phrase p;
  p.exact = exact_case;
  p.entry = entry;
  for (const Token& t : toks) {
    p.keys.push_back(t.key);
    p.raw.push_back(RawOf(phrase, t));
    const std::string& r = p.raw.back();
    for (size_t half = 0; half < 16; half += 8) {
      size_t n = r.size() > half ? std::min<size_t>(r.size() - half, 8) : 0;
      uint64_t word = r.size() <= 16 && n ? LoadWord(r.data() + half, n, n) : 0;
      p.packed.push_back(word);
      p.folded.push_back(n && r.size() <= 16 ? word | (kKeyFold >> (64 - 8 * n)) : word);
    }
  }
  phrases_.push_back(std::move(p));
  Rebuild();
}

void PhraseTable::Rebuild() {
  order_.resize(phrases_.size());
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
  std::stable_sort(order_.begin(), order_.end(), [this](int a, int b) {
    if (phrases_[a].keys[0] != phrases_[b].keys[0]) return phrases_[a].keys[0] < phrases_[b].keys[0];
    return phrases_[a].keys.size() > phrases_[b].keys.size();
  });
  size_t size = 16;
  while (size < phrases_.size() * 4) size *= 2;
  buckets_.assign(size, Bucket{});
  for (size_t i = 0; i < order_.size();) {
    uint32_t key = phrases_[order_[i]].keys[0];
    size_t j = i;
    while (j < order_.size() && phrases_[order_[j]].keys[0] == key) ++j;
    size_t slot = (key * 0x9E3779B1u >> 7) & (size - 1);
    while (buckets_[slot].key != 0) slot = (slot + 1) & (size - 1);
    buckets_[slot] = Bucket{key, static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    i = j;
  }
}

bool PhraseTable::Phrase::Same(std::string_view text, const Token& t, size_t k,
                               bool exact_case) const {
  const size_t len = t.end - t.start;
  if (len != raw[k].size()) return false;
  if (len > 16) {
    std::string_view written = TokenText(text, t);
    return exact_case ? written == raw[k] : SameIgnoringCase(written, raw[k]);
  }
  // Tokens are letters and digits, so OR-ing 0x20 folds case exactly as SameIgnoringCase does.
  const char* p = text.data() + t.start;
  const size_t readable = text.size() - t.start;
  const size_t n0 = len < 8 ? len : 8;
  uint64_t x = LoadWord(p, n0, readable);
  if (exact_case ? x != packed[2 * k] : (x | (kKeyFold >> (64 - 8 * n0))) != folded[2 * k]) return false;
  if (len <= 8) return true;
  const size_t n1 = len - 8;
  uint64_t y = LoadWord(p + 8, n1, readable - 8);
  return exact_case ? y == packed[2 * k + 1] : (y | (kKeyFold >> (64 - 8 * n1))) == folded[2 * k + 1];
}

size_t PhraseTable::Match(std::string_view text, const std::vector<Token>& toks, size_t i,
                          size_t end, int* entry) const {
  if (i >= end) return 0;
  const uint32_t first_key = KeyOfToken(text, toks[i]);
  if (first_key == 0) return 0;
  const Bucket* bucket = Find(first_key);
  if (!bucket) return 0;
  // The first token is the same word for every phrase of the bucket: its text is checked
  // (the key is a hash) once, and only when some phrase's other tokens match, since most
  // lookups fail on the second token; then only the case of exact phrases.
  const bool word = toks[i].type != TokenType::kPunct;
  bool first_checked = !word;
  // The second token's key, which most phrases of the bucket fail on, once for all of them.
  const uint32_t second_key = i + 1 < end ? KeyOfToken(text, toks[i + 1]) : 0;
  for (uint32_t o = bucket->begin; o < bucket->end; ++o) {
    const Phrase& p = phrases_[order_[o]];
    size_t len = p.keys.size();
    if (i + len > end) continue;
    bool ok = true;
    for (size_t k = 1; k < len && ok; ++k) {
      const Token& t = toks[i + k];
      if ((k == 1 ? second_key : KeyOfToken(text, t)) != p.keys[k] || (t.flags & Token::kParaBefore)) {
        ok = false;
      } else if (t.type != TokenType::kPunct) {
        ok = p.Same(text, t, k, p.exact);
      }
    }
    if (!ok) continue;
    if (!first_checked) {
      if (!phrases_[order_[bucket->begin]].Same(text, toks[i], 0, false)) return 0;
      first_checked = true;
    }
    if (p.exact && word && !p.Same(text, toks[i], 0, true)) continue;
    *entry = p.entry;
    return len;
  }
  return 0;
}

std::vector<std::pair<uint32_t, bool>> PhraseTable::FirstKeys() const {
  std::vector<std::pair<uint32_t, bool>> keys;
  for (const Phrase& p : phrases_) {
    bool capital = p.exact && !p.raw[0].empty() && p.raw[0][0] >= 'A' && p.raw[0][0] <= 'Z';
    keys.emplace_back(p.keys[0], capital);
  }
  return keys;
}

std::vector<std::string> PhraseTable::FirstWords() const {
  std::vector<std::string> words;
  for (const Phrase& p : phrases_)
    if (p.keys[0] != 0 && !(p.keys[0] & kPunctKey)) words.push_back(p.raw[0]);
  return words;
}

std::vector<std::string> PhraseTable::Words() const {
  std::vector<std::string> words;
  for (const Phrase& p : phrases_)
    for (const std::string& w : p.raw) words.push_back(AsciiLower(w));
  return words;
}

std::shared_ptr<const Lexicon> Lexicon::FromXml(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) throw std::runtime_error(std::string("lexicon.xml: ") + parsed.description());
  auto lexicon = std::make_shared<Lexicon>();
  pugi::xml_node root = doc.child("lexicon");
  if (!root) throw std::runtime_error("lexicon.xml: no <lexicon> element");
  for (pugi::xml_node cat : root.children("category")) {
    std::string name = cat.attribute("name").value();
    int index = CatIndex(name);
    if (index < 0) throw std::runtime_error("lexicon.xml: unknown category \"" + name + "\"");
    Category& c = lexicon->categories_[static_cast<size_t>(index)];
    auto add_phrases = [&](pugi::xml_node parent, int entry) {
      for (pugi::xml_node ph : parent.children("phrase")) {
        std::string_view text = ph.child_value();
        if (text.empty()) throw std::runtime_error("lexicon.xml: empty phrase in " + name);
        c.table.Add(text, entry, std::string_view(ph.attribute("case").value()) == "exact");
      }
    };
    // Phrases directly under the category form one entry whose value is the category name.
    if (cat.child("phrase")) {
      LexiconEntry e;
      e.value = name;
      c.entries.push_back(e);
      add_phrases(cat, static_cast<int>(c.entries.size() - 1));
    }
    for (pugi::xml_node en : cat.children("entry")) {
      LexiconEntry e;
      for (pugi::xml_attribute a : en.attributes()) {
        if (std::string_view(a.name()) == "value") e.value = a.value();
        else e.attributes[a.name()] = a.value();
      }
      if (e.value.empty()) throw std::runtime_error("lexicon.xml: <entry> without value in " + name);
      c.entries.push_back(std::move(e));
      add_phrases(en, static_cast<int>(c.entries.size() - 1));
    }
    for (pugi::xml_node ex : cat.children("example")) {
      LexiconExample example;
      example.category = name;
      example.text = ex.attribute("text").value();
      example.ids = SplitIds(ex.child_value());
      lexicon->examples_.push_back(std::move(example));
    }
  }
  lexicon->BuildFirstMask();
  return lexicon;
}

void Lexicon::BuildFirstMask() {
  vocab_.lead_mask = kLeadCategories;
  for (size_t c = 0; c < categories_.size(); ++c) {
    for (const auto& [key, capital] : categories_[c].table.FirstKeys())
      vocab_.masks.Add(key, capital ? 0 : 1u << c, capital ? 1u << c : 0);
    for (const std::string& w : categories_[c].table.Words()) vocab_.filter.Add(w);
    if (kLeadCategories & (1u << c))
      for (const std::string& w : categories_[c].table.FirstWords()) vocab_.leads.Add(w);
  }
  vocab_.masks.Build();
}

std::shared_ptr<const Lexicon> Lexicon::Default() {
  static std::shared_ptr<const Lexicon> lexicon = FromXml(DataFile("lexicon.xml"));
  return lexicon;
}

const PhraseTable& Lexicon::Table(std::string_view category) const {
  static const PhraseTable kEmpty;
  int index = CatIndex(category);
  return index < 0 ? kEmpty : categories_[static_cast<size_t>(index)].table;
}

}  // namespace secxref
