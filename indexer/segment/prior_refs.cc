#include "indexer/segment/prior_refs.h"

#include <algorithm>

#include "indexer/segment/date_parse.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using namespace seg;

// A word (letters, digits, apostrophes) or a single punctuation byte.
struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string lower;  // ASCII lower case; ’ written as '
  bool word = false;
  bool number = false;
};

bool IsWordByte(unsigned char c) {
  return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  std::vector<Token> out;
  uint32_t i = span.start;
  const uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    Token t;
    t.start = i;
    if (IsWordByte(c)) {
      while (i < end) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (IsWordByte(d)) {
          t.lower.push_back(AsciiToLower(static_cast<char>(d)));
          ++i;
        } else if (d == '\'' && i + 1 < end && IsWordByte(text[i + 1])) {
          t.lower.push_back('\'');
          ++i;
        } else if (d == 0xE2 && i + 3 < end && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[i + 2]) == 0x99 && IsWordByte(text[i + 3])) {
          t.lower.push_back('\'');
          i += 3;
        } else {
          break;
        }
      }
      t.word = true;
      t.number =
          std::all_of(t.lower.begin(), t.lower.end(), [](char ch) { return IsAsciiDigit(ch); });
    } else {
      // One code point of punctuation.
      uint32_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      t.lower = std::string(text.substr(i, len));
      i += len;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

bool Is(const std::vector<Token>& t, size_t k, std::string_view w) {
  return k < t.size() && t[k].lower == w;
}

std::optional<int> NumberAt(const std::vector<Token>& t, size_t k) {
  if (k >= t.size() || !t[k].word) return std::nullopt;
  if (t[k].number) {
    if (t[k].lower.size() > 3) return std::nullopt;
    return std::stoi(t[k].lower);
  }
  size_t p = 0;
  auto n = ParseNumberWord(t[k].lower, &p);
  if (n && p == t[k].lower.size()) return n;
  return std::nullopt;
}

// Reads "5", "#3 and #4", "2, 3 and 5", "1 through 3", "No. 4" from t[*k]; advances *k
// past the last number read. Returns the numbers (empty when none).
std::vector<int> ReadNumbers(const std::vector<Token>& t, size_t* k) {
  std::vector<int> nums;
  size_t j = *k;
  auto skip_label = [&](size_t& p) {
    if (Is(t, p, "no") || Is(t, p, "nos") || Is(t, p, "number") || Is(t, p, "numbers")) {
      ++p;
      if (Is(t, p, ".")) ++p;
    }
    if (Is(t, p, "#")) ++p;
  };
  skip_label(j);
  auto first = NumberAt(t, j);
  if (!first) return nums;
  nums.push_back(*first);
  *k = j + 1;
  j = *k;
  while (j < t.size()) {
    size_t p = j;
    bool range = false;
    if (Is(t, p, ",")) ++p;
    if (Is(t, p, "and") || Is(t, p, "or") || Is(t, p, "&")) {
      ++p;
    } else if (Is(t, p, "through") || Is(t, p, "to") || Is(t, p, "-") ||
               Is(t, p, "\xE2\x80\x93")) {  // Is: p may be one past the end (after ",")
      ++p;
      range = true;
    } else if (p == j) {
      break;
    }
    if (Is(t, p, "comment") || Is(t, p, "comments")) ++p;
    skip_label(p);
    auto n = NumberAt(t, p);
    if (!n) break;
    if (range && *n > nums.back() && *n - nums.back() <= 50) {
      for (int v = nums.back() + 1; v <= *n; ++v) nums.push_back(v);
    } else {
      nums.push_back(*n);
    }
    *k = p + 1;
    j = *k;
  }
  return nums;
}

struct Qualifier {
  size_t end_token = 0;  // one past the last token
  std::string_view text;
  bool same = false;  // "of the same letter", "of that letter"
  bool this_letter = false;
};

// "of our letter dated March 15, 2023", "within your August 12, 2016 letter", "of the
// same letter", "in the Company's response letter dated August 12, 2016".
std::optional<Qualifier> ReadQualifier(std::string_view text, const std::vector<Token>& t,
                                       size_t k) {
  if (!(Is(t, k, "of") || Is(t, k, "in") || Is(t, k, "within") || Is(t, k, "from")))
    return std::nullopt;
  size_t j = k + 1;
  size_t letter = 0;
  for (; j < t.size() && j <= k + 12; ++j) {
    const std::string& w = t[j].lower;
    if (w == "letter" || w == "letters") {
      letter = j;
      break;
    }
    if (w == "." || w == ";" || w == ":" || w == "(" || w == "comment" || w == "comments" ||
        w == "we" || w == "you" || w == "please" || w == "which" || w == "and")
      return std::nullopt;
  }
  if (letter == 0) return std::nullopt;
  Qualifier q;
  q.end_token = letter + 1;
  // "letter dated March 15, 2023" / "letter of March 15, 2023"
  if (Is(t, letter + 1, "dated") || Is(t, letter + 1, "of")) {
    uint32_t from = t[letter + 1].end;
    auto d = FindDate(text.substr(0, std::min<size_t>(text.size(), from + 40)), from, true);
    if (d && d->start <= from + 2) {
      size_t e = letter + 2;
      while (e < t.size() && t[e].start < d->end) ++e;
      q.end_token = e;
    }
  }
  q.text = text.substr(t[k].start, t[q.end_token - 1].end - t[k].start);
  for (size_t i = k + 1; i < letter; ++i) {
    if (t[i].lower == "same" || t[i].lower == "that") q.same = true;
    if (t[i].lower == "this") q.this_letter = true;
  }
  return q;
}

// "your response to", "the Company's responses to", "our response to" ending at token k.
size_t ResponsePrefix(const std::vector<Token>& t, size_t k, bool* yours) {
  *yours = false;
  if (k < 2 || t[k - 1].lower != "to") return std::string_view::npos;
  if (t[k - 2].lower != "response" && t[k - 2].lower != "responses") return std::string_view::npos;
  if (k >= 3) {
    const std::string& who = t[k - 3].lower;
    if (who == "your") {
      *yours = true;
      return k - 3;
    }
    if (who == "our") return k - 3;
    if (who == "company's" || who == "registrant's" || who == "company" || who == "staff's") {
      if (k >= 4 && t[k - 4].lower == "the") return k - 4;
      return k - 3;
    }
  }
  return std::string_view::npos;
}

std::optional<int> CommentNumberAt(const std::vector<Comment>* comments, uint32_t offset) {
  if (comments == nullptr) return std::nullopt;
  for (const Comment& c : *comments)
    if (offset >= c.start && offset < c.end) return c.number;
  return std::nullopt;
}

std::optional<std::string> DateIn(std::string_view s, const PriorRefContext& context) {
  auto d = FindDate(s, 0, true);
  if (!d) return std::nullopt;
  if (d->has_year) return d->iso;
  if (context.letter_date) return CompleteYear(*d, *context.letter_date);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> DefaultPriorLetterDate(std::string_view text, Span body) {
  std::string_view b = text.substr(0, std::min<size_t>(text.size(), body.end));
  size_t p = FindI(b, "references to prior comments", body.start);
  if (p == std::string_view::npos) p = FindI(b, "references to our prior comments", body.start);
  if (p == std::string_view::npos) return std::nullopt;
  size_t stop = b.find('.', p);
  // The sentence may contain "Inc." or the like rarely; the date comes within 140 bytes.
  size_t limit = std::min(b.size(), p + 160);
  if (stop != std::string_view::npos && stop > p + 40) limit = std::min(limit, stop + 1);
  auto d = FindDate(b.substr(0, limit), p);
  if (!d) return std::nullopt;
  return d->iso;
}

std::vector<PriorRef> FindPriorRefs(std::string_view text, const PriorRefContext& context) {
  std::vector<PriorRef> out;
  const std::vector<Token> t = Tokenize(text, context.body);
  const std::optional<std::string> default_date = DefaultPriorLetterDate(text, context.body);
  std::optional<std::string> last_date;
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].lower != "comment" && t[k].lower != "comments") continue;
    // "our references to prior comments are to comments in our ... letter": the default
    // letter for what follows, not a reference itself.
    if (k >= 3 && t[k - 1].lower == "prior" && t[k - 2].lower == "to" &&
        t[k - 3].lower == "references")
      continue;
    if (k >= 3 && t[k - 1].lower == "to" && t[k - 2].lower == "are" &&
        (t[k - 3].lower == "comments"))
      continue;
    if (Is(t, k + 1, "letter") || Is(t, k + 1, "letters")) continue;
    const bool prior = k >= 1 && (t[k - 1].lower == "prior" || t[k - 1].lower == "previous" ||
                                  t[k - 1].lower == "earlier" || t[k - 1].lower == "original");
    const bool our_prior = prior && k >= 2 && t[k - 2].lower == "our";
    size_t after = k + 1;
    std::vector<int> nums = ReadNumbers(t, &after);
    if (nums.empty() && !prior) continue;
    std::optional<Qualifier> q = ReadQualifier(text, t, after);
    if (q && q->this_letter) q.reset();
    bool yours = false;
    const size_t prefix = ResponsePrefix(t, prior ? (our_prior ? k - 2 : k - 1) : k, &yours);
    if (!(prior || q || yours)) continue;
    PriorRef ref;
    size_t first = our_prior ? k - 2 : prior ? k - 1 : k;
    if (q && prefix != std::string_view::npos) first = prefix;
    size_t last = q ? q->end_token - 1 : nums.empty() ? k : after - 1;
    ref.start = t[first].start;
    ref.end = t[last].end;
    ref.refers_to = CollapseSpaces(text.substr(ref.start, ref.end - ref.start));
    ref.comments = nums;
    if (q) {
      if (q->same) {
        ref.letter_date = last_date;
      } else {
        ref.letter_date = DateIn(q->text, context);
      }
    } else if (prior) {
      ref.letter_date = default_date;
    }
    if (ref.letter_date) last_date = ref.letter_date;
    ref.comment = CommentNumberAt(context.comments, ref.start);
    out.push_back(std::move(ref));
    k = last;
  }
  std::sort(out.begin(), out.end(),
            [](const PriorRef& a, const PriorRef& b) { return a.start < b.start; });
  return out;
}

}  // namespace secxref
