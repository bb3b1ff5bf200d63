// Round trip: every catalogued id, written the ways letters write it, parses back to itself.
// Also: every <example> of data/lexicon.xml extracts exactly its listed ids.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/extract/catalog.h"
#include "indexer/extract/grammar.h"
#include "indexer/extract/lexicon.h"

namespace secxref {
namespace {

std::string Ids(const std::vector<Citation>& cs) {
  std::string out;
  for (const Citation& c : cs) {
    if (!out.empty()) out += "; ";
    out += c.id;
  }
  return out;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// Written styles of a canonical id; empty when the id is not a citation on its own
// (containers such as "Form 10-K", C&DI sets) or has no style we render.
std::vector<std::string> Styles(const CatalogEntry& e) {
  const std::string& id = e.id;
  std::vector<std::string> out;
  auto after = [&](const std::string& prefix) { return id.substr(prefix.size()); };
  switch (e.family) {
    case Family::kAsc: {
      std::string path = after("ASC ");
      size_t depth = 1 + std::count(path.begin(), path.end(), '-');
      out = {"ASC " + path, "FASB ASC " + path};
      const char* word[] = {"", "Topic ", "Subtopic ", "Section ", "paragraph "};
      if (depth <= 4) out.push_back(std::string(word[depth]) + path);
      break;
    }
    case Family::kSk:
      if (StartsWith(id, "S-K Item ")) {
        std::string item = after("S-K Item ");
        out = {"Item " + item + " of Regulation S-K", "Regulation S-K Item " + item};
      } else if (id == "Regulation S-K") {
        out = {"Regulation S-K"};
      }
      break;
    case Family::kSx:
      if (StartsWith(id, "S-X Rule ")) {
        std::string rule = after("S-X Rule ");
        out = {"Rule " + rule + " of Regulation S-X", "Regulation S-X, Rule " + rule};
      } else if (StartsWith(id, "S-X Article ")) {
        out = {"Article " + after("S-X Article ") + " of Regulation S-X"};
      } else if (id == "Regulation S-X") {
        out = {"Regulation S-X"};
      }
      break;
    case Family::kRelease:
      if (StartsWith(id, "Release ") && id.find(' ', 8) == std::string::npos) {
        std::string number = after("Release ");
        out = {"Release No. " + number, "SEC Release No. " + number};
      }
      break;
    case Family::kForm: {
      size_t item = id.find(" Item ");
      if (item == std::string::npos || e.container) break;
      std::string form = id.substr(0, item), rest = id.substr(item + 6);
      size_t part = form.find(" Part ");
      if (part != std::string::npos) {
        out = {form.substr(part + 1) + ", Item " + rest + " of " + form.substr(0, part)};
      } else {
        out = {"Item " + rest + " of " + form, form + ", Item " + rest};
      }
      break;
    }
    case Family::kRule: {
      size_t r = id.find(" Rule ");
      if (r == std::string::npos) break;
      std::string act = id.substr(0, r), rule = id.substr(r + 6);
      out = {id, "Rule " + rule + " under the " + act};
      break;
    }
    case Family::kStatute: {
      size_t s = id.find(" Section ");
      if (s == std::string::npos) break;
      std::string act = id.substr(0, s), section = id.substr(s + 9);
      if (act == "Exchange Act" || act == "Securities Act") out = {"Section " + section + " of the " + act, id};
      else if (act == "SOX") out = {"Section " + section + " of the Sarbanes-Oxley Act", id};
      break;
    }
    case Family::kSab:
      if (StartsWith(id, "SAB Topic ")) out = {id, "Staff Accounting Bulletin Topic " + after("SAB Topic ")};
      else if (StartsWith(id, "SAB ")) out = {"SAB No. " + after("SAB "), "Staff Accounting Bulletin No. " + after("SAB ")};
      break;
    case Family::kRegulation:
      if (StartsWith(id, "S-T Rule ")) out = {"Rule " + after("S-T Rule ") + " of Regulation S-T"};
      else if (id.find(" Rule ") != std::string::npos && StartsWith(id, "Regulation ")) {
        size_t r = id.find(" Rule ");
        out = {"Rule " + id.substr(r + 6) + " of " + id.substr(0, r)};
      } else if (id.find(" Item ") != std::string::npos && StartsWith(id, "Regulation ")) {
        size_t r = id.find(" Item ");
        out = {"Item " + id.substr(r + 6) + " of " + id.substr(0, r)};
      }
      break;
    case Family::kGuidance:
      if (StartsWith(id, "SLB ")) out = {"Staff Legal Bulletin No. " + after("SLB "), id};
      else if (StartsWith(id, "FRM Topic ")) out = {id};
      else if (StartsWith(id, "CF Disclosure Guidance Topic ")) out = {id};
      break;
    case Family::kIfrs:
    case Family::kAudit:
    case Family::kAsu:
      out = {id};
      break;
    case Family::kLegacy:
      if (StartsWith(id, "FAS ")) out = {id, "SFAS No. " + after("FAS ")};
      else out = {id};
      break;
    case Family::kCdi:
      break;  // the catalog lists C&DI sets, not questions
  }
  return out;
}

TEST(CatalogRoundTrip, EveryCatalogIdParsesBackInEveryStyle) {
  const Catalog& catalog = Catalog::Default();
  size_t rendered = 0, total = 0;
  for (const CatalogEntry& e : catalog.entries()) {
    ++total;
    std::vector<std::string> styles = Styles(e);
    if (styles.empty()) continue;
    ++rendered;
    for (const std::string& text : styles) {
      std::string sentence = "We refer you to " + text + " in this regard.";
      EXPECT_EQ(Ids(Grammar::Default().Extract(sentence)), e.id) << "written as: " << sentence;
    }
  }
  // Most of the catalog is citable on its own; containers and C&DI sets are not.
  EXPECT_GT(rendered * 10, total * 8) << rendered << " of " << total << " entries rendered";
}

TEST(LexiconExamples, EveryExampleExtractsItsIds) {
  auto lexicon = Lexicon::Default();
  ASSERT_FALSE(lexicon->examples().empty());
  for (const LexiconExample& ex : lexicon->examples()) {
    std::string want;
    for (const std::string& id : ex.ids) want += (want.empty() ? "" : "; ") + id;
    EXPECT_EQ(Ids(Grammar::Default().Extract(ex.text)), want)
        << "lexicon.xml category " << ex.category << ": " << ex.text;
  }
}

TEST(LexiconExamples, EveryCategoryHasExamplesOrIsStructural) {
  // Categories whose words only glue others together need no example of their own.
  const std::vector<std::string> structural = {"number-word", "connector", "release-word"};
  auto lexicon = Lexicon::Default();
  for (const char* category : {"asc-name", "level", "regulation", "act", "release-series", "sab",
                               "slb", "frm", "frc", "cfdg", "cdi-name", "ifrs", "audit", "legacy",
                               "asu", "form-word", "determiner", "cfr", "filler"}) {
    bool has = false;
    for (const LexiconExample& ex : lexicon->examples()) has |= ex.category == category;
    EXPECT_TRUE(has) << "no <example> in category " << category;
    EXPECT_FALSE(lexicon->Table(category).empty()) << category;
  }
}

TEST(Lexicon, MalformedXmlIsRejected) {
  EXPECT_THROW(Lexicon::FromXml("<lexicon><category>"), std::runtime_error);
  EXPECT_THROW(Lexicon::FromXml("<lexicon><category name=\"x\"><entry><phrase>a</phrase></entry></category></lexicon>"),
               std::runtime_error);
}

}  // namespace
}  // namespace secxref
