#include "indexer/extract/lexicon.h"

#include <pugixml.hpp>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "indexer/base/data_files.h"
#include "indexer/base/utf8.h"

namespace secxref {
namespace {

std::string KeyOf(std::string_view text, const Token& t) {
  if (t.type == TokenType::kPunct) return std::string(1, t.punct);
  return AsciiLower(TokenText(text, t));
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

void PhraseTable::Add(std::string_view phrase, int entry, bool exact_case) {
  std::vector<Token> toks;
  Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()), &toks);
  if (toks.empty()) return;
  Phrase p;
  p.exact = exact_case;
  p.entry = entry;
  for (const Token& t : toks) {
    p.keys.push_back(KeyOf(phrase, t));
    p.raw.emplace_back(t.type == TokenType::kPunct ? std::string(1, t.punct)
                                                   : std::string(TokenText(phrase, t)));
  }
  int index = static_cast<int>(phrases_.size());
  auto& list = by_first_[p.keys[0]];
  phrases_.push_back(std::move(p));
  list.push_back(index);
  std::stable_sort(list.begin(), list.end(), [this](int a, int b) {
    return phrases_[a].keys.size() > phrases_[b].keys.size();
  });
}

size_t PhraseTable::Match(std::string_view text, const std::vector<Token>& toks, size_t i,
                          size_t end, int* entry) const {
  if (i >= end) return 0;
  auto it = by_first_.find(KeyOf(text, toks[i]));
  if (it == by_first_.end()) return 0;
  for (int index : it->second) {
    const Phrase& p = phrases_[index];
    if (i + p.keys.size() > end) continue;
    bool ok = true;
    for (size_t k = 0; k < p.keys.size() && ok; ++k) {
      const Token& t = toks[i + k];
      if (k > 0 && (t.flags & Token::kParaBefore)) ok = false;
      else if (p.exact) {
        std::string raw = t.type == TokenType::kPunct ? std::string(1, t.punct)
                                                      : std::string(TokenText(text, t));
        ok = raw == p.raw[k];
      } else {
        ok = KeyOf(text, t) == p.keys[k];
      }
    }
    if (ok) {
      *entry = p.entry;
      return p.keys.size();
    }
  }
  return 0;
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
    if (name.empty()) throw std::runtime_error("lexicon.xml: <category> without a name");
    Category& c = lexicon->categories_[name];
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
  return lexicon;
}

std::shared_ptr<const Lexicon> Lexicon::Default() {
  static std::shared_ptr<const Lexicon> lexicon = FromXml(DataFile("lexicon.xml"));
  return lexicon;
}

const PhraseTable& Lexicon::Table(std::string_view category) const {
  static const PhraseTable kEmpty;
  auto it = categories_.find(category);
  return it == categories_.end() ? kEmpty : it->second.table;
}

const std::vector<LexiconEntry>& Lexicon::Entries(std::string_view category) const {
  static const std::vector<LexiconEntry> kEmpty;
  auto it = categories_.find(category);
  return it == categories_.end() ? kEmpty : it->second.entries;
}

}  // namespace secxref
