#include "indexer/segment/comments.h"

#include <algorithm>
#include <map>
#include <string>

#include "indexer/segment/date_parse.h"
#include "indexer/segment/headings.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using namespace seg;

constexpr int kMaxCommentNumber = 200;
constexpr int kMaxHeadingBlock = 5;

bool EndsSentence(std::string_view s) {
  char c = LastSignificant(s);
  return c == '.' || c == '?' || c == '!' || c == ':';
}

// The line starts a paragraph: an empty line or a page change before it, or the previous
// line ends a sentence.
bool ParagraphStart(const std::vector<TextLine>& lines, int i) {
  if (i == 0 || lines[i].break_before) return true;
  return EndsSentence(lines[i - 1].text);
}

// "Comment", "Staff Comment", "SEC Comment", "Comment No.", "Comment Number", "Comment #".
// Returns the position after the number's label, or npos.
size_t AfterCommentWord(std::string_view s) {
  size_t p = 0;
  for (std::string_view w : {"staff's comment", "staff\xE2\x80\x99s comment", "staff comment",
                             "sec comment", "comment"}) {
    if (StartsWithI(s, w)) {
      p = w.size();
      break;
    }
  }
  if (p == 0) return std::string_view::npos;
  SkipSpaces(s, &p);
  for (std::string_view w : {"no.", "no", "number", "#"}) {
    if (StartsWithI(s.substr(p), w)) {
      size_t q = p + w.size();
      SkipSpaces(s, &q);
      if (q < s.size() && IsAsciiDigit(s[q])) {
        p = q;
        break;
      }
    }
  }
  return p;
}

// After "Comment 1": end of line, or ':', '.', ')', a dash, or text.
bool MarkEndsWell(std::string_view s, size_t p) {
  if (p >= s.size()) return true;
  char c = s[p];
  if (c == ':' || c == '.' || c == ')' || c == ' ' || c == '-' || c == ',' || c == '*') {
    if (c == '.' && p + 1 < s.size() && IsAsciiDigit(s[p + 1])) return false;  // "1.5"
    return true;
  }
  return static_cast<unsigned char>(c) == 0xE2;  // an en or em dash
}

// The text of a line after its number: "1. We note" -> "We note".
std::string_view RestAfter(std::string_view s, size_t p) {
  while (p < s.size() &&
         (s[p] == '.' || s[p] == ':' || s[p] == ')' || s[p] == ' ' || s[p] == '*' || s[p] == '-'))
    ++p;
  return s.substr(p);
}

int ModalIndent(const std::vector<TextLine>& lines, int from) {
  std::map<int, int> counts;
  for (int i = from; i < static_cast<int>(lines.size()); ++i) counts[lines[i].indent / 6]++;
  int best = 0, n = 0;
  for (auto [k, c] : counts)
    if (c > n) {
      best = k;
      n = c;
    }
  return best * 6;
}

// A heading line in context: heading-shaped, and not the tail of a wrapped sentence.
bool IsHeadingAt(const std::vector<TextLine>& lines, int i, int lower) {
  if (!LooksLikeHeading(lines[i].text)) return false;
  if (ParseCommentMark(lines, i)) return false;
  if (i > lower + 1 && i > 0 && !lines[i].break_before) {
    std::string_view prev = lines[i - 1].text;
    // A wrapped sentence continues on this line; a heading follows a finished one or
    // another heading.
    if (!EndsSentence(prev) && !LooksLikeHeading(prev)) return false;
    if (IsAsciiLower(TrimDecoration(lines[i].text)[0])) return false;
  }
  return true;
}

std::string HeadingText(std::string_view s) { return CollapseSpaces(TrimDecoration(s)); }

// A paragraph in the company's voice, answering ("The Company respectfully advises the
// Staff", "We have revised", "In response to the Staff's comment").
bool OpensAnswer(std::string_view line) {
  std::string_view s = TrimDecoration(line);
  for (std::string_view w : {"the company",
                             "the registrant",
                             "the partnership",
                             "the trust",
                             "the bank",
                             "the fund",
                             "the issuer",
                             "the corporation",
                             "company",
                             "management",
                             "we respectfully",
                             "we acknowledge",
                             "we confirm",
                             "we advise",
                             "we supplementally",
                             "we have revised",
                             "we have amended",
                             "we have updated",
                             "we have included",
                             "we have expanded",
                             "we have added",
                             "we have considered",
                             "we have provided",
                             "we have reviewed the staff",
                             "we will",
                             "we agree",
                             "we understand",
                             "we appreciate",
                             "in response",
                             "as requested",
                             "per the staff",
                             "in future filings",
                             "the staff's comment is noted",
                             "acknowledged",
                             "noted."}) {
    if (StartsWithI(s, w) && (s.size() == w.size() || !IsAsciiAlpha(s[w.size()]))) return true;
  }
  return false;
}

// The longest chain first, first+1, ... of marks in text order; each number's line is
// chosen by score among the lines that keep the chain possible. With `answers` (the lines
// of "Response:" markers, sorted), each mark must be answered before the next one: a list
// inside an answer ("1. Seller onboarding", "2. Authorization") is not a run of comments.
std::vector<CommentMark> NumberedChain(const std::vector<CommentMark>& numbered, int first,
                                       int line_count, const std::vector<int>* answers) {
  // Where a successor of each mark may start: after its answer, or right after it.
  std::vector<int> open_from(numbered.size());
  for (size_t c = 0; c < numbered.size(); ++c) {
    open_from[c] = numbered[c].line;
    if (answers != nullptr) {
      auto it = std::upper_bound(answers->begin(), answers->end(), numbered[c].line);
      open_from[c] = it == answers->end() ? line_count : *it;
    }
  }
  // A mark with another mark between it and its answer is likely an item of a list.
  std::vector<int> score(numbered.size());
  for (size_t c = 0; c < numbered.size(); ++c) {
    score[c] = numbered[c].score;
    if (answers != nullptr && c + 1 < numbered.size() && numbered[c + 1].line < open_from[c])
      score[c] -= 2;
  }
  std::map<int, int> earliest;  // number -> earliest open_from of a chain first..number
  std::vector<bool> reachable(numbered.size());
  int best_number = 0;
  for (size_t c = 0; c < numbered.size(); ++c) {
    const CommentMark& m = numbered[c];
    if (m.number < first) continue;
    bool ok = m.number == first;
    if (!ok) {
      auto it = earliest.find(m.number - 1);
      ok = it != earliest.end() && it->second < m.line;
    }
    if (!ok) continue;
    reachable[c] = true;
    auto [it, inserted] = earliest.emplace(m.number, open_from[c]);
    if (!inserted) it->second = std::min(it->second, open_from[c]);
    best_number = std::max(best_number, m.number);
  }
  std::vector<CommentMark> chain;
  int limit_line = line_count;
  for (int number = best_number; number >= first; --number) {
    int pick = -1;
    for (size_t c = 0; c < numbered.size(); ++c) {
      const CommentMark& m = numbered[c];
      if (!reachable[c] || m.number != number || m.line >= limit_line) continue;
      if (!chain.empty() && open_from[c] >= limit_line) continue;  // unanswered before the next
      // Its predecessor must still fit before it.
      if (number > first && earliest[number - 1] >= m.line) continue;
      if (pick < 0 || score[c] > score[pick]) pick = static_cast<int>(c);
    }
    if (pick < 0) break;
    chain.push_back(numbered[pick]);
    limit_line = numbered[pick].line;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

std::optional<CommentMark> ParseCommentMark(const std::vector<TextLine>& lines, int i) {
  std::string_view raw = lines[i].text;
  size_t lead = 0;
  while (lead < raw.size() && (raw[lead] == '*' || raw[lead] == '_' || raw[lead] == ' ')) ++lead;
  std::string_view s = raw.substr(lead);
  if (s.empty()) return std::nullopt;
  CommentMark m;
  m.line = i;
  if (IsAsciiDigit(s[0])) {
    size_t p = 0;
    auto n = ParseNumber(s, &p, 3);
    if (!n || *n < 1 || *n > kMaxCommentNumber) return std::nullopt;
    if (p >= s.size() || !(s[p] == '.' || s[p] == ')')) return std::nullopt;
    const bool paren = s[p] == ')';
    size_t q = p + 1;
    if (q < s.size() && s[q] == ')') ++q;                         // "1.)"
    if (q < s.size() && IsAsciiDigit(s[q])) return std::nullopt;  // "1.5", "1.1"
    std::string_view rest = RestAfter(s, q);
    if (q < s.size() && s[q] != ' ' && s[q] != '*' && !IsAsciiUpper(s[q]) &&
        static_cast<unsigned char>(s[q]) != 0xE2)
      return std::nullopt;
    if (rest.empty()) {
      // The number stands alone (a PDF text box, an HTML table cell): the comment text is
      // on the next line.
      if (i + 1 >= static_cast<int>(lines.size())) return std::nullopt;
      rest = lines[i + 1].text;
      if (ParseCommentMark(lines, i + 1)) return std::nullopt;
    }
    if (!StartsCapitalised(rest)) return std::nullopt;
    if (!rest.empty() && IsAsciiDigit(rest[0])) return std::nullopt;  // "1. 2015 ..." tables
    m.number = *n;
    m.style = CommentMark::kNumber;
    m.score = paren ? -1 : 0;
    return m;
  }
  // "Response to Comment 1" / "Response to Staff Comment No. 1"
  bool response_to = false;
  std::string_view w = s;
  for (std::string_view r : {"response to ", "responses to ", "company response to ",
                             "the company's response to ", "our response to "}) {
    if (StartsWithI(w, r)) {
      w = w.substr(r.size());
      response_to = true;
      break;
    }
  }
  size_t p = AfterCommentWord(w);
  if (p == std::string_view::npos) return std::nullopt;
  std::optional<int> n;
  size_t q = p;
  if (q < w.size() && IsAsciiDigit(w[q])) {
    n = ParseNumber(w, &q, 3);
  } else {
    n = ParseNumberWord(w, &q);
  }
  if (!n || *n < 1 || *n > kMaxCommentNumber || !MarkEndsWell(w, q)) return std::nullopt;
  // "Comment 3 asks ..." in running text is not a mark: after the number only
  // punctuation, or text on a line that is emphasised or short.
  std::string_view rest = Trim(w.substr(q));
  if (!rest.empty() && rest[0] != ':' && rest[0] != '.' && rest[0] != ')' &&
      static_cast<unsigned char>(rest[0]) != 0xE2 && rest[0] != '-') {
    return std::nullopt;
  }
  m.number = *n;
  m.style = response_to ? CommentMark::kResponseTo : CommentMark::kWord;
  return m;
}

bool IsClosingLine(std::string_view line) {
  // "* * *", "***": the divider letters put between the last answer and the closing.
  std::string_view raw = Trim(line);
  if (raw.size() >= 3 && raw.find_first_not_of("* ") == std::string_view::npos &&
      std::count(raw.begin(), raw.end(), '*') >= 3)
    return true;
  std::string_view s = TrimDecoration(line);
  static constexpr std::string_view kStarts[] = {
      "we urge all persons",
      "in closing",
      "we remind you",
      "you may contact",
      "please contact",
      "please direct",
      "please call",
      "please telephone",
      "please feel free",
      "please do not hesitate",
      "if you have any",
      "if you have questions",
      "if you should have",
      "if you would like",
      "if the staff has",
      "should you have",
      "should the staff have",
      "should any questions",
      "any questions",
      "in responding to our comments",
      "please allow adequate time",
      "please refer to rules 460",
      "refer to rules 460",
      "we will consider a written request",
      "notwithstanding our comments, in the event",
      "sincerely",
      "very truly yours",
      "respectfully submitted",
      "respectfully yours",
      "yours truly",
      "yours sincerely",
      "best regards",
      "kind regards",
      "regards,",
      "cordially",
      "thank you for your",
      "we appreciate the staff",
      "we appreciate your",
      "cc:",
      "* * *",
      "***",
      "[signature",
      "the company acknowledges",
      "the company hereby acknowledges",
      "in connection with responding to",
      "in connection with the company's response",
      "in connection with the company\xE2\x80\x99s response",
      "the undersigned",
      "we hope that the foregoing",
      "we hope the foregoing",
      "we hope that this",
      "we hope this",
      "we trust that the foregoing",
      "we believe that the foregoing",
      "the company believes that the foregoing",
      "the company hopes",
  };
  for (std::string_view w : kStarts)
    if (StartsWithI(s, w)) return true;
  return false;
}

// Closing phrases so fixed (the Division's templates, signatures) that they close the
// letter even where a wrapped line hides the paragraph break.
bool IsStrongClosingLine(std::string_view line) {
  std::string_view s = TrimDecoration(line);
  for (std::string_view w :
       {"we urge all persons", "in closing, we remind you",
        "we remind you that the company and its management", "we remind you that the filing person",
        "you may contact", "please contact", "sincerely", "very truly yours"}) {
    if (StartsWithI(s, w) && IsAsciiUpper(s[0])) return true;
  }
  return false;
}

bool IsResponseMarker(std::string_view line) {
  // The answer often follows on the same line ("Response: The Company ..."): only the
  // label's first bytes matter.
  std::string_view s = TrimDecoration(line);
  size_t p = FindWordI(s.substr(0, std::min<size_t>(s.size(), 60)), "response");
  if (p == std::string_view::npos)
    p = FindWordI(s.substr(0, std::min<size_t>(s.size(), 60)), "responses");
  if (p == std::string_view::npos || p > 40) {
    for (std::string_view w : {"answer:", "reply:"})
      if (StartsWithI(s, w)) return true;
    return false;
  }
  // What stands before "Response": nothing, or a short name ("Company", "Our",
  // "The Company's", "Vertex").
  std::string_view before = Trim(s.substr(0, p));
  if (before.size() > 30 || before.find('.') != std::string_view::npos) return false;
  for (char c : before)
    if (c == ',' || c == ';') return false;
  // ... and every word of it capitalised: "We note your response" is running text.
  for (size_t w = 0; w < before.size(); w = before.find(' ', w) + 1) {
    if (!StartsCapitalised(before.substr(w))) return false;
    if (before.find(' ', w) == std::string_view::npos) break;
  }
  for (std::string_view w : {"In", "As", "See", "Per", "For", "Our responses", "This"})
    if (before == w) return false;
  size_t q = p + 8;
  if (q < s.size() && (s[q] == 's' || s[q] == 'S')) ++q;
  std::string_view rest = s.substr(q);
  if (rest.empty()) return true;
  // "Response:", "Response 1", "Response to Comment 1", "Response No. 1", "Response -".
  char c = rest[0];
  if (c == ':' || c == '.' || c == '-' || c == ')' || static_cast<unsigned char>(c) == 0xE2)
    return true;
  std::string_view r = Trim(rest);
  if (r.empty()) return true;
  if (IsAsciiDigit(r[0]) || r[0] == '#' || r[0] == '(') return true;
  for (std::string_view w :
       {"to comment", "to staff comment", "to the staff", "no.", "no ", "number", "of "}) {
    if (StartsWithI(r, w)) return true;
  }
  return false;
}

CommentLayout FindComments(const std::vector<TextLine>& lines, int body_line, uint32_t text_size,
                           LetterKind kind) {
  CommentLayout out;
  const int n = static_cast<int>(lines.size());
  out.closing_start = text_size;
  if (body_line >= n) return out;
  // The signature ends any search: nothing after "Sincerely," is a comment.
  int hard_end = n;
  for (int i = body_line; i < n; ++i) {
    std::string_view s = TrimDecoration(lines[i].text);
    if (StartsWithI(s, "sincerely") || StartsWithI(s, "very truly yours") ||
        StartsWithI(s, "respectfully submitted") || StartsWithI(s, "yours truly") ||
        StartsWithI(s, "best regards") || StartsWithI(s, "kind regards")) {
      if (s.size() < 40) {
        hard_end = i;
        break;
      }
    }
  }

  // Candidates.
  const int modal = ModalIndent(lines, body_line);
  std::vector<CommentMark> numbered, worded;
  for (int i = body_line; i < hard_end; ++i) {
    auto m = ParseCommentMark(lines, i);
    if (!m) continue;
    if (m->style == CommentMark::kNumber) {
      int score = m->score;
      if (ParagraphStart(lines, i)) score += 2;
      if (i > 0 && !lines[i].break_before) {
        char last = LastSignificant(lines[i - 1].text);
        if (last == ':' || last == ';') score -= 3;  // "... the following:" then a list
      }
      if (i > 0) {
        char last = LastSignificant(lines[i - 1].text);
        if (last == ':' && !LooksLikeHeading(lines[i - 1].text)) score -= 2;
      }
      // The first line of the comment text.
      std::string_view s = TrimDecoration(lines[i].text);
      size_t p = 0;
      ParseNumber(s, &p, 3);
      std::string_view rest = RestAfter(s, p);
      bool alone = rest.empty();
      if (alone && i + 1 < n) rest = lines[i + 1].text;
      char last = LastSignificant(rest);
      if (last == ';') score -= 2;
      const bool next_breaks = i + 1 < n && (alone ? (i + 2 >= n || lines[i + 2].break_before)
                                                   : lines[i + 1].break_before);
      if (last != '.' && last != '?' && last != ':' && rest.size() < 70 &&
          (next_breaks || ContainsI(rest, "page "))) {
        score -= 3;  // "1. Summary of Significant Accounting Policies, page F-8": a heading
      }
      if (modal > 0 && lines[i].indent > modal + 18) score -= 2;
      m->score = score;
      numbered.push_back(*m);
    } else {
      if (!ParagraphStart(lines, i) && !(i > 0 && LooksLikeHeading(lines[i - 1].text))) continue;
      worded.push_back(*m);
    }
  }

  // The numbered chain: 1, 2, 3... in text order, as long as possible. A response may
  // answer only part of a letter ("2." to "18."): there a chain may start later.
  // In a response that marks its answers ("Response:"), every comment is answered.
  // Only letters that label their answers are held to it; there an unlabelled answer in
  // the company's voice ("The Company acknowledges...") counts too.
  std::vector<int> answers;
  size_t labels = 0;
  if (kind == LetterKind::kResponse) {
    for (int i = body_line; i < hard_end; ++i) {
      const bool label = IsResponseMarker(lines[i].text) &&
                         (ParagraphStart(lines, i) || TrimDecoration(lines[i].text).size() <= 40);
      labels += label;
      if (label || (lines[i].break_before && OpensAnswer(lines[i].text))) answers.push_back(i);
    }
  }
  const std::vector<int>* answered = labels >= 2 ? &answers : nullptr;
  std::vector<CommentMark> chain = NumberedChain(numbered, 1, n, answered);
  if (answered != nullptr && chain.empty()) chain = NumberedChain(numbered, 1, n, nullptr);
  if (kind == LetterKind::kResponse && chain.size() < 2) {
    for (const CommentMark& m : numbered) {
      if (m.number == 1) continue;
      std::vector<CommentMark> later = NumberedChain(numbered, m.number, n, answered);
      if (later.size() >= 3 && later.size() > chain.size()) chain = std::move(later);
    }
  }
  // The worded chain: strictly increasing numbers ("Comment 1" ... or "Response to
  // Comment 3", "Response to Comment 4" when only some comments are answered).
  std::vector<CommentMark> wchain;
  for (const CommentMark& m : worded) {
    if (wchain.empty() || m.number > wchain.back().number) wchain.push_back(m);
  }
  bool use_words = false;
  if (!wchain.empty()) {
    size_t plain = 0;
    for (const CommentMark& m : wchain) plain += m.style == CommentMark::kWord;
    if (wchain.size() > chain.size()) use_words = true;
    if (wchain.size() == chain.size() && plain * 2 > wchain.size()) use_words = true;
  }
  if (use_words) chain = wchain;

  // The closing: the first closing paragraph after the last comment's first line (or
  // after the body's start when there is no comment).
  int closing = hard_end;
  {
    int from = chain.empty() ? body_line : chain.back().line + 1;
    for (int i = from; i < hard_end; ++i) {
      if ((IsClosingLine(lines[i].text) && ParagraphStart(lines, i)) ||
          IsStrongClosingLine(lines[i].text)) {
        closing = i;
        break;
      }
    }
  }
  if (closing < n) {
    out.closing_start = lines[closing].start;
    out.closing_found = true;
  } else {
    out.closing_start = lines[n - 1].end;
  }

  // Headings above each comment, and the comment spans.
  HeadingOutline outline;
  std::vector<int> block_first(chain.size());
  for (size_t c = 0; c < chain.size(); ++c) {
    int line = chain[c].line;
    int lower = c == 0 ? body_line - 1 : chain[c - 1].line;
    int j = line - 1;
    while (j > lower && line - j <= kMaxHeadingBlock && IsHeadingAt(lines, j, lower)) --j;
    // The block must stand on its own: the line above it ends a sentence, or a break.
    int first = j + 1;
    while (first < line && first > lower + 1 && !lines[first].break_before &&
           !EndsSentence(lines[first - 1].text) && !LooksLikeHeading(lines[first - 1].text))
      ++first;
    block_first[c] = first;
    std::vector<std::string> block;
    for (int k = first; k < line; ++k) {
      block.push_back(HeadingText(lines[k].text));
      out.headings.push_back(Span{lines[k].start, lines[k].end});
    }
    outline.ApplyBlock(block);
    Comment comment;
    comment.number = chain[c].number;
    comment.headings = outline.Open();
    comment.start = lines[line].start;
    out.comments.push_back(std::move(comment));
  }
  for (size_t c = 0; c < chain.size(); ++c) {
    Comment& comment = out.comments[c];
    int end_line = c + 1 < chain.size() ? block_first[c + 1] : closing;
    comment.end = end_line < n ? lines[end_line].start : lines[n - 1].end;
    // Trim trailing whitespace the range may include.
    if (comment.end > comment.start && end_line > 0 && end_line <= n)
      comment.end = std::max(comment.start, lines[std::max(end_line - 1, chain[c].line)].end);
    if (kind != LetterKind::kResponse) continue;
    // Responses: where the company's answer begins.
    comment.response_start = comment.start;
    const int first = chain[c].line;
    if (chain[c].style == CommentMark::kResponseTo) continue;
    int found = -1;
    for (int i = first + 1; i < end_line && i < n; ++i) {
      if (IsResponseMarker(lines[i].text) &&
          (ParagraphStart(lines, i) || TrimDecoration(lines[i].text).size() <= 40)) {
        found = i;
        break;
      }
    }
    if (found < 0 && lines[first].Emphasised()) {
      // Restated in bold or italics: the answer starts with the first plain paragraph.
      int i = first + 1;
      if (i < end_line && i < n && TrimDecoration(lines[first].text).size() < 5) ++i;
      for (; i < end_line && i < n; ++i) {
        if (!lines[i].Emphasised() && ParagraphStart(lines, i)) {
          found = i;
          break;
        }
      }
    }
    if (found < 0) {
      // No marker, no emphasis: the answer starts with the first later paragraph in the
      // company's voice ("The Company respectfully advises...", "We have revised...").
      for (int i = first + 1; i < end_line && i < n; ++i) {
        if (lines[i].break_before && OpensAnswer(lines[i].text)) {
          found = i;
          break;
        }
      }
    }
    if (found >= 0) comment.response_start = lines[found].start;
  }
  return out;
}

}  // namespace secxref
