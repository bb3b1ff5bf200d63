#include "query/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "indexer/base/utf8.h"
#include "indexer/extract/catalog.h"
#include "indexer/extract/citation_id.h"
#include "indexer/index/schema.h"
#include "query/citation_arg.h"
#include "query/conversations.h"
#include "query/database.h"

namespace secxref::query {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) { return AsciiLower(a) == AsciiLower(b); }

const char* LevelName(StatsLevel l) {
  switch (l) {
    case StatsLevel::kTopic: return "topic";
    case StatsLevel::kSubtopic: return "subtopic";
    case StatsLevel::kSection: return "section";
    case StatsLevel::kFull: return "full";
  }
  return "full";
}

struct Tally {
  std::string id;
  std::string family;
  uint64_t comments = 0;
  std::unordered_set<uint32_t> letters;
  std::map<std::string, std::pair<uint64_t, std::unordered_set<uint32_t>>> years;
};

// A lower-cased exact id term -> what it counts as (family, canonical id); "" id: skip (a
// release alias, counted under its primary number).
struct Canon {
  Family family;
  std::string id;
};

std::string XmlEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string Num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

}  // namespace

StatsLevel ParseStatsLevel(const std::string& name) {
  if (name == "topic") return StatsLevel::kTopic;
  if (name == "subtopic") return StatsLevel::kSubtopic;
  if (name == "section") return StatsLevel::kSection;
  if (name == "full") return StatsLevel::kFull;
  throw UsageError("--level " + name + ": topic, subtopic, section or full");
}

std::string IdAtLevel(Family family, const std::string& id, StatsLevel level) {
  std::vector<std::string> levels = CitationLevels(family, id);
  if (levels.empty()) return id;
  // Containers ("Regulation S-K", "Form 10-Q", "Form 10-Q Part II") only group: the first
  // level that counts is below them, as the catalog's Knows() sees it.
  const Catalog& catalog = Catalog::Default();
  size_t first = 0;
  while (first + 1 < levels.size()) {
    const CatalogEntry* e = catalog.Find(family, levels[first]);
    if (!e || !e->container || !EqualsIgnoreCase(e->id, levels[first])) break;
    ++first;
  }
  if (level == StatsLevel::kFull) return levels.back();
  size_t depth = static_cast<size_t>(level);
  return levels[std::min(first + depth, levels.size()) - 1];
}

StatsResult CountCitations(const Xapian::Database& db, const Xapian::Query& query, const StatsOptions& options) {
  StatsResult r;
  r.level = LevelName(options.level);
  Xapian::Enquire e(db);
  e.set_query(query.empty() ? Xapian::Query::MatchAll : query);
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet m = e.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));

  const std::string xe = schema::kCiteExact;
  std::unordered_map<std::string, uint32_t> letter_ids;
  std::unordered_map<std::string, Canon> canon;
  std::unordered_map<std::string, Tally> tallies;  // by level id
  std::set<std::string> years;
  for (auto it = m.begin(); it != m.end(); ++it) {
    Xapian::Document doc = it.get_document();
    std::string key = doc.get_value(schema::kLetterSlot);
    if (Xapian::sortable_unserialise(doc.get_value(schema::kCommentSlot)) >= 0) ++r.comments;
    uint32_t letter = letter_ids.try_emplace(key, static_cast<uint32_t>(letter_ids.size())).first->second;
    std::string date = doc.get_value(schema::kDateSlot);
    std::string year = date.size() >= 4 ? date.substr(0, 4) : "";
    years.insert(year);
    std::set<std::string> counted;  // level ids this comment cites
    // Levels only its restatement of a staff comment cites: counted at that comment.
    const std::set<std::string> restated = RestatedOnlyLevels(doc);
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(xe);
    for (; t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, xe.size(), xe) != 0) break;
      std::string value = term.substr(xe.size());
      auto found = canon.find(value);
      if (found == canon.end()) {
        // First sight of this id: learn its family and spelling from the stored citations.
        StoredComment c = DecodeComment(doc.get_data());
        for (const Mention& mention : c.citations) {
          std::optional<Family> f = FamilyFromName(mention.family);
          if (!f) continue;
          std::vector<std::string> ids = FiledIds(mention);
          canon.try_emplace(CitationTermValue(ids.front()), Canon{*f, ids.front()});
          for (size_t i = 1; i < ids.size(); ++i) canon.try_emplace(CitationTermValue(ids[i]), Canon{*f, ""});
        }
        found = canon.try_emplace(value, Canon{Family::kAsc, ""}).first;
      }
      const Canon& cn = found->second;
      if (cn.id.empty()) continue;
      if (options.family && cn.family != *options.family) continue;
      std::string at = IdAtLevel(cn.family, cn.id, options.level);
      if (restated.count(CitationTermValue(at))) continue;
      if (!counted.insert(at).second) continue;
      Tally& tally = tallies[at];
      if (tally.id.empty()) {
        tally.id = at;
        tally.family = FamilyName(cn.family);
      }
      ++tally.comments;
      tally.letters.insert(letter);
      auto& y = tally.years[year];
      ++y.first;
      y.second.insert(letter);
    }
  }
  r.letters = letter_ids.size();
  r.years.assign(years.begin(), years.end());
  for (auto& [id, t] : tallies) {
    IdCount c;
    c.id = t.id;
    c.family = t.family;
    c.title = CatalogTitle(*FamilyFromName(t.family), t.id);
    c.comments = t.comments;
    c.letters = t.letters.size();
    for (auto& [year, y] : t.years) c.by_year[year] = {y.first, y.second.size()};
    r.ids.push_back(std::move(c));
  }
  std::sort(r.ids.begin(), r.ids.end(), [](const IdCount& a, const IdCount& b) {
    if (a.comments != b.comments) return a.comments > b.comments;
    if (a.letters != b.letters) return a.letters > b.letters;
    return a.id < b.id;
  });
  if (options.top && r.ids.size() > options.top) r.ids.resize(options.top);
  return r;
}

void PrintStats(const StatsResult& r, bool by_year, Format format, const Style& style, std::ostream& out) {
  auto years_json = [](const IdCount& c) {
    OrderedJson y = OrderedJson::object();
    for (const auto& [year, n] : c.by_year) y[year.empty() ? "undated" : year] = {{"comments", n.comments}, {"letters", n.letters}};
    return y;
  };
  auto id_json = [&](const IdCount& c, size_t rank) {
    OrderedJson o;
    o["rank"] = rank;
    o["id"] = c.id;
    o["family"] = c.family;
    o["title"] = c.title;
    o["comments"] = c.comments;
    o["letters"] = c.letters;
    if (by_year) o["by_year"] = years_json(c);
    return o;
  };
  switch (format) {
    case Format::kJson: {
      OrderedJson j;
      j["query"] = r.query;
      j["level"] = r.level;
      j["comments"] = r.comments;
      j["letters"] = r.letters;
      OrderedJson ids = OrderedJson::array();
      for (size_t i = 0; i < r.ids.size(); ++i) ids.push_back(id_json(r.ids[i], i + 1));
      j["ids"] = std::move(ids);
      out << j.dump(2, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    }
    case Format::kJsonl:
      for (size_t i = 0; i < r.ids.size(); ++i)
        out << id_json(r.ids[i], i + 1).dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << "\n";
      return;
    case Format::kCsv:
      if (by_year) {
        out << CsvLine({"rank", "id", "family", "title", "year", "comments", "letters"});
        for (size_t i = 0; i < r.ids.size(); ++i)
          for (const auto& [year, n] : r.ids[i].by_year)
            out << CsvLine({std::to_string(i + 1), r.ids[i].id, r.ids[i].family, r.ids[i].title, year,
                            std::to_string(n.comments), std::to_string(n.letters)});
      } else {
        out << CsvLine({"rank", "id", "family", "title", "comments", "letters"});
        for (size_t i = 0; i < r.ids.size(); ++i)
          out << CsvLine({std::to_string(i + 1), r.ids[i].id, r.ids[i].family, r.ids[i].title,
                          std::to_string(r.ids[i].comments), std::to_string(r.ids[i].letters)});
      }
      return;
    case Format::kTable:
      break;
  }
  out << style.Bold("most-cited ids (" + r.level + " level) in " + std::to_string(r.comments) + " comments of " +
                    std::to_string(r.letters) + " letters" + (r.query.empty() ? "" : " matching '" + r.query + "'"))
      << "\n";
  if (r.ids.empty()) return;
  size_t w_id = 2;
  for (const IdCount& c : r.ids) w_id = std::max(w_id, DisplayWidth(c.id));
  std::vector<std::string> years;
  for (const std::string& y : r.years)
    if (!y.empty()) years.push_back(y);
  // As many of the latest years as fit beside the counts.
  const size_t fixed = 5 + w_id + 2 + 9 + 8;
  size_t fit = by_year && style.width > fixed ? (style.width - fixed) / 6 : 0;
  if (years.size() > fit) years.erase(years.begin(), years.end() - static_cast<long>(fit));
  std::string head = Pad("#", 4) + " " + Pad("id", w_id) + "  " + Pad("comments", 9) + Pad("letters", 8);
  for (const std::string& y : years) head += " " + Pad(y, 5);
  if (!by_year) head += "  title";
  out << style.Dim(head) << "\n";
  for (size_t i = 0; i < r.ids.size(); ++i) {
    const IdCount& c = r.ids[i];
    std::string line = Pad(std::to_string(i + 1), 4) + " " + style.Accent(Pad(c.id, w_id)) + "  " +
                       Pad(std::to_string(c.comments), 9) + Pad(std::to_string(c.letters), 8);
    for (const std::string& y : years) {
      auto f = c.by_year.find(y);
      line += " " + Pad(f == c.by_year.end() ? "." : std::to_string(f->second.comments), 5);
    }
    if (!by_year && !c.title.empty()) {
      size_t room = style.width > DisplayWidth(line) + 4 ? style.width - DisplayWidth(line) - 2 : 20;
      std::string title = c.title;
      if (DisplayWidth(title) > room) {
        size_t cut = room > 3 ? room - 3 : 0;
        // Cut at a character boundary.
        size_t bytes = 0, cps = 0;
        while (bytes < title.size() && cps < cut) {
          ++bytes;
          while (bytes < title.size() && (static_cast<unsigned char>(title[bytes]) & 0xC0) == 0x80) ++bytes;
          ++cps;
        }
        title = title.substr(0, bytes) + "...";
      }
      line += "  " + style.Dim(title);
    }
    out << line << "\n";
  }
}

std::string TrendSvg(const StatsResult& r, size_t series) {
  static const char* const kColors[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                        "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  std::vector<std::string> years;
  for (const std::string& y : r.years)
    if (!y.empty()) years.push_back(y);
  const size_t n = std::min({series, r.ids.size(), std::size(kColors)});
  uint64_t max_count = 1;
  for (size_t i = 0; i < n; ++i)
    for (const std::string& y : years)
      if (auto f = r.ids[i].by_year.find(y); f != r.ids[i].by_year.end()) max_count = std::max(max_count, f->second.comments);
  // A round top for the y axis: 1, 2 or 5 times a power of ten.
  double step = std::pow(10.0, std::floor(std::log10(static_cast<double>(max_count))));
  double top = step;
  for (double mult : {1.0, 2.0, 5.0, 10.0}) {
    top = mult * step;
    if (top >= static_cast<double>(max_count)) break;
  }
  const double W = 880, H = 420, left = 60, right = 230, upper = 40, lower = 50;
  const double pw = W - left - right, ph = H - upper - lower;
  auto x_at = [&](size_t i) { return left + (years.size() <= 1 ? pw / 2 : pw * static_cast<double>(i) / static_cast<double>(years.size() - 1)); };
  auto y_at = [&](double v) { return upper + ph - ph * v / top; };

  std::string s;
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(W) + "\" height=\"" + Num(H) +
       "\" viewBox=\"0 0 " + Num(W) + " " + Num(H) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s += "<title>" + XmlEscape("Citing comments per year (" + r.level + " level)" +
                             (r.query.empty() ? "" : ", query: " + r.query)) + "</title>\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  s += "<text x=\"" + Num(left) + "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">" +
       XmlEscape("Citing comments per year" + std::string(r.query.empty() ? "" : ": " + r.query)) + "</text>\n";
  // Axes, grid and labels.
  for (int k = 0; k <= 5; ++k) {
    double v = top * k / 5, y = y_at(v);
    s += "<line x1=\"" + Num(left) + "\" y1=\"" + Num(y) + "\" x2=\"" + Num(left + pw) + "\" y2=\"" + Num(y) +
         "\" stroke=\"#ddd\"/>\n";
    char label[32];
    std::snprintf(label, sizeof label, "%g", v);
    s += "<text x=\"" + Num(left - 6) + "\" y=\"" + Num(y + 4) + "\" text-anchor=\"end\">" + label + "</text>\n";
  }
  s += "<line x1=\"" + Num(left) + "\" y1=\"" + Num(upper + ph) + "\" x2=\"" + Num(left + pw) + "\" y2=\"" +
       Num(upper + ph) + "\" stroke=\"#333\"/>\n";
  const size_t label_every = std::max<size_t>(1, (years.size() + 11) / 12);
  for (size_t i = 0; i < years.size(); ++i) {
    if (i % label_every) continue;
    s += "<text x=\"" + Num(x_at(i)) + "\" y=\"" + Num(upper + ph + 18) + "\" text-anchor=\"middle\">" + years[i] +
         "</text>\n";
  }
  s += "<text x=\"" + Num(left + pw / 2) + "\" y=\"" + Num(H - 10) + "\" text-anchor=\"middle\">year</text>\n";
  // One line per id, and the legend.
  for (size_t i = 0; i < n; ++i) {
    const IdCount& c = r.ids[i];
    std::string points;
    std::string dots;
    for (size_t k = 0; k < years.size(); ++k) {
      auto f = c.by_year.find(years[k]);
      double v = f == c.by_year.end() ? 0 : static_cast<double>(f->second.comments);
      points += (points.empty() ? "" : " ") + Num(x_at(k)) + "," + Num(y_at(v));
      dots += "<circle cx=\"" + Num(x_at(k)) + "\" cy=\"" + Num(y_at(v)) + "\" r=\"2.5\" fill=\"" + kColors[i] +
              "\"><title>" + XmlEscape(c.id + " " + years[k]) + ": " + Num(v).substr(0, Num(v).size() - 2) +
              "</title></circle>\n";
    }
    s += "<g class=\"series\" data-id=\"" + XmlEscape(c.id) + "\">\n";
    s += "<polyline fill=\"none\" stroke=\"" + std::string(kColors[i]) + "\" stroke-width=\"2\" points=\"" + points +
         "\"/>\n" + dots + "</g>\n";
    double ly = upper + 10 + 20 * static_cast<double>(i);
    s += "<rect x=\"" + Num(left + pw + 16) + "\" y=\"" + Num(ly - 9) + "\" width=\"12\" height=\"12\" fill=\"" +
         kColors[i] + "\"/>\n";
    s += "<text x=\"" + Num(left + pw + 34) + "\" y=\"" + Num(ly + 1) + "\">" + XmlEscape(c.id) + "</text>\n";
  }
  s += "</svg>\n";
  return s;
}

}  // namespace secxref::query
