#include "indexer/converse/conversation.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

#include "indexer/base/utf8.h"

namespace secxref::converse {
namespace {

// How long a conversation stays open to a letter that names no other letter: a follow-up or
// closing staff letter, or a response, joins a conversation about the same filings whose
// last letter is at most this old. Reviews take weeks to months; a year is generous.
constexpr long kJoinDays = 400;
// A response that shares no filing with any open conversation still answers the latest staff
// letter if that letter is this recent (responses often name the filing differently).
constexpr long kAnswerDays = 200;
// A letter of the company's own (an acceleration request) after the staff closed the review
// of the same registration still belongs to that conversation within this many days.
constexpr long kAfterCloseDays = 60;
// A named date matches a letter dated within this many days when no letter has it exactly
// (a letter without its own date is dated by its filing, which may lag).
constexpr long kDateSlack = 3;

bool IsStaff(const LetterSummary& s) { return s.kind == LetterKind::kStaff; }
bool IsResponse(const LetterSummary& s) { return s.kind == LetterKind::kResponse; }
// A staff letter that asks something (not a closing letter).
bool IsCommentLetter(const LetterSummary& s) { return IsStaff(s) && !s.closes; }

// What two letters share of their reviewed filings: a file number counts most, then a form
// with its fiscal year, then a form.
int FilingScore(const std::vector<std::string>& a, const std::set<std::string>& b) {
  int score = 0;
  for (const std::string& k : a) {
    if (!b.count(k)) continue;
    if (k.rfind("file:", 0) == 0)
      score += 3;
    else if (k.find('/') != std::string::npos)
      score += 2;
    else
      score += 1;
  }
  return score;
}

struct Open {
  std::vector<size_t> letters;  // input indices, in order
  std::set<std::string> filings;
  std::string last_date;
  bool closed = false;
};

class RegistrantThreader {
 public:
  RegistrantThreader(const std::vector<LetterSummary>& in, std::vector<size_t> members,
                     Threading* out)
      : in_(in), members_(std::move(members)), out_(out) {}

  void Run() {
    Order();
    for (size_t x : members_) Place(x);
    std::vector<size_t> ids = Name();
    for (size_t c = 0; c < convs_.size(); ++c) Finish(c, ids[c]);
  }

 private:
  // Date order; on one day a staff letter asks before the company answers, unless it names a
  // response of that day or closes the review.
  void Order() {
    auto rank = [&](size_t i) {
      const LetterSummary& s = in_[i];
      if (!IsStaff(s)) return 1;
      if (s.closes) return 2;
      for (const LetterRef& r : s.refs)
        if (r.role == RefRole::kResponse && r.date == s.date) return 2;
      return 0;
    };
    std::sort(members_.begin(), members_.end(), [&](size_t a, size_t b) {
      const std::string& da = in_[a].date;
      const std::string& db = in_[b].date;
      if (da.empty() != db.empty()) return db.empty();
      return std::make_tuple(da, rank(a), in_[a].key) < std::make_tuple(db, rank(b), in_[b].key);
    });
  }

  long Age(const Open& c, const std::string& date) const {
    std::optional<long> d = DaysBetween(c.last_date, date);
    return d ? *d : 0;  // undated letters are taken as recent
  }

  // The placed letter of `kind` (any kind for nullopt) dated `date`: exactly, else within
  // kDateSlack days; the latest placed one when several.
  std::optional<size_t> PlacedByDate(const std::string& date, std::optional<LetterKind> kind,
                                     size_t self, bool slack) const {
    std::optional<size_t> best;
    long best_gap = kDateSlack + 1;
    for (size_t i : placed_) {
      if (i == self) continue;
      const LetterSummary& s = in_[i];
      if (kind && s.kind != *kind) continue;
      if (s.date == date) return i;  // placed_ is in date order: the first exact one is as good
      if (!slack) continue;
      std::optional<long> gap = DaysBetween(s.date, date);
      if (gap && std::labs(*gap) < best_gap) {
        best_gap = std::labs(*gap);
        best = i;
      }
    }
    return best;
  }

  std::optional<size_t> Named(const LetterSummary& x, size_t self, RefRole want,
                              LetterKind kind) const {
    std::optional<size_t> found;
    for (bool slack : {false, true}) {
      for (const LetterRef& r : x.refs) {
        if (r.role != want && r.role != RefRole::kAny) continue;
        if (slack && r.role == RefRole::kAny) continue;  // vague words need the exact date
        std::optional<size_t> i = PlacedByDate(r.date, kind, self, slack);
        if (i && (!found || in_[*i].date > in_[*found].date)) found = i;
      }
      if (found) return found;
    }
    return std::nullopt;
  }

  // The open conversation sharing most of the letter's filings (the most recent on a tie)
  // whose last letter is at most `days` old. One sharing nothing qualifies only when the
  // letter or the conversation names no filing at all.
  std::optional<size_t> BestOpen(const LetterSummary& x, long days) const {
    std::optional<size_t> best;
    int best_score = 0;
    std::string best_date;
    for (size_t c = 0; c < convs_.size(); ++c) {
      const Open& o = convs_[c];
      if (o.closed || Age(o, x.date) > days) continue;
      int score = FilingScore(x.filings, o.filings);
      if (score == 0 && !(x.filings.empty() || o.filings.empty())) continue;
      if (!best || score > best_score || (score == best_score && o.last_date >= best_date)) {
        best = c;
        best_score = score;
        best_date = o.last_date;
      }
    }
    return best;
  }

  // The latest conversation, closed or not, sharing a file number with the letter, whose last
  // letter is at most `days` old.
  std::optional<size_t> SameFiling(const LetterSummary& x, long days) const {
    std::optional<size_t> best;
    for (size_t c = 0; c < convs_.size(); ++c) {
      const Open& o = convs_[c];
      if (Age(o, x.date) > days) continue;
      bool shared = std::any_of(x.filings.begin(), x.filings.end(), [&](const std::string& k) {
        return k.rfind("file:", 0) == 0 && o.filings.count(k);
      });
      if (shared && (!best || o.last_date >= convs_[*best].last_date)) best = c;
    }
    return best;
  }

  void Join(size_t x, std::optional<size_t> conv) {
    const LetterSummary& s = in_[x];
    if (!conv) {
      conv = convs_.size();
      convs_.emplace_back();
    }
    Open& o = convs_[*conv];
    o.letters.push_back(x);
    o.filings.insert(s.filings.begin(), s.filings.end());
    if (!s.date.empty() && s.date > o.last_date) o.last_date = s.date;
    if (s.closes) o.closed = true;
    conv_of_[x] = *conv;
    placed_.push_back(x);
  }

  void Place(size_t x) {
    const LetterSummary& s = in_[x];
    ThreadedLetter& t = out_->letters[x];
    if (IsResponse(s)) {
      // The staff letter it names, else a response it names (a further response answers the
      // same round), else the latest staff letter about the same filings.
      std::optional<size_t> staff = Named(s, x, RefRole::kStaff, LetterKind::kStaff);
      if (!staff) {
        if (std::optional<size_t> r = Named(s, x, RefRole::kResponse, LetterKind::kResponse)) {
          size_t conv = conv_of_.at(*r);
          for (size_t i : convs_[conv].letters)
            if (IsCommentLetter(in_[i]) && in_[i].date <= s.date) staff = i;
          if (!staff) staff = out_->letters[*r].answers;
          if (!staff) {
            Join(x, conv);
            return;
          }
        }
      }
      if (!staff && !s.initiated) staff = LatestStaffFor(s);
      if (staff) {
        t.answers = staff;
        out_->letters[*staff].answered_by.push_back(x);
        Join(x, conv_of_.at(*staff));
        return;
      }
      // A letter of the company's own (an acceleration request, a supplemental letter) goes
      // with the conversation about the same registration, even a closed one.
      std::optional<size_t> conv = BestOpen(s, kJoinDays);
      if (!conv && (s.comments.empty() || s.initiated)) conv = SameFiling(s, kAfterCloseDays);
      Join(x, conv);
      return;
    }
    if (IsStaff(s)) {
      // The response it follows up, the staff letter it names, the letter its prior comments
      // are in; else, following up or closing, the open conversation about its filings.
      std::optional<size_t> named = Named(s, x, RefRole::kResponse, LetterKind::kResponse);
      if (!named) named = Named(s, x, RefRole::kStaff, LetterKind::kStaff);
      if (!named) {
        std::vector<std::string> dates;
        for (const PriorRefSummary& p : s.prior_refs)
          if (!p.letter_date.empty()) dates.push_back(p.letter_date);
        if (!s.prior_default_date.empty()) dates.push_back(s.prior_default_date);
        for (const std::string& d : dates) {
          named = PlacedByDate(d, LetterKind::kStaff, x, true);
          if (named) break;
        }
      }
      if (named) {
        Join(x, conv_of_.at(*named));
        return;
      }
      if (s.follow_up || s.closes) {
        Join(x, BestOpen(s, kJoinDays));
        return;
      }
      Join(x, std::nullopt);
      return;
    }
    // A letter of unknown kind goes with the open conversation about its filings.
    Join(x, BestOpen(s, kJoinDays));
  }

  // The staff letter a response that names none answers: the latest comment letter dated no
  // later than the response in an open conversation about the same filings; else the latest
  // recent one of any open conversation.
  std::optional<size_t> LatestStaffFor(const LetterSummary& s) const {
    std::optional<size_t> best, recent;
    int best_score = 0;
    for (size_t i : placed_) {
      const LetterSummary& c = in_[i];
      if (!IsCommentLetter(c)) continue;
      if (!s.date.empty() && !c.date.empty() && c.date > s.date) continue;
      const Open& o = convs_[conv_of_.at(i)];
      if (o.closed) continue;
      std::optional<long> age = DaysBetween(c.date, s.date);
      if (age && *age > kJoinDays) continue;
      int score = FilingScore(s.filings, std::set<std::string>(c.filings.begin(), c.filings.end()));
      if (score > 0 && score >= best_score) {
        best = i;
        best_score = score;
      }
      if (!age || *age <= kAnswerDays) recent = i;
    }
    return best ? best : recent;
  }

  // Conversation ids: the first letter's subject, "~2", "~3"... for a registrant's second and
  // later conversations about the same subject (in date order).
  std::vector<size_t> Name() {
    std::vector<size_t> ids;
    std::map<std::string, int> used;
    for (const Open& o : convs_) {
      std::string id;
      for (size_t i : o.letters) {
        if (!in_[i].subject.empty()) {
          id = in_[i].subject;
          break;
        }
      }
      if (id.empty()) {
        const LetterSummary& first = in_[o.letters.front()];
        std::string who = first.registrant.substr(first.registrant.find(':') + 1);
        id = who + "/" + (first.date.empty() ? first.key : first.date);
      }
      int n = ++used[id];
      if (n > 1) id += "~" + std::to_string(n);
      Conversation c;
      c.id = id;
      ids.push_back(out_->conversations.size());
      out_->conversations.push_back(std::move(c));
    }
    return ids;
  }

  void Finish(size_t local, size_t global) {
    const Open& o = convs_[local];
    Conversation& conv = out_->conversations[global];
    conv.letters = o.letters;
    const LetterSummary& first = in_[o.letters.front()];
    conv.registrant = first.registrant;
    for (size_t i : o.letters) {
      if (conv.company.empty()) conv.company = in_[i].company;
      if (conv.cik.empty()) conv.cik = in_[i].cik;
      if (conv.subject.empty()) conv.subject = in_[i].reviewed;
    }
    int round = 0;
    for (size_t p = 0; p < o.letters.size(); ++p) {
      size_t i = o.letters[p];
      ThreadedLetter& t = out_->letters[i];
      t.conversation = global;
      t.position = p + 1;
      const LetterSummary& s = in_[i];
      if (IsCommentLetter(s)) {
        t.round = ++round;
      } else if (IsResponse(s)) {
        // A response answering no staff letter here (or a closing one) is a round of its own.
        int r = t.answers ? out_->letters[*t.answers].round : 0;
        if (r == 0) {
          round = std::max(round, 1);
          r = round;
        }
        t.round = r;
      } else {
        t.round = round;
      }
    }
    for (size_t i : o.letters) Pair(i);
    for (size_t i : o.letters) Resolve(i, o);
    conv.figures = Count(o, round);
  }

  // Each response comment with the comment of the same tag (else number) of its staff letter.
  void Pair(size_t i) {
    ThreadedLetter& t = out_->letters[i];
    const LetterSummary& s = in_[i];
    if (!IsResponse(s) || !t.answers) return;
    const LetterSummary& staff = in_[*t.answers];
    ThreadedLetter& st = out_->letters[*t.answers];
    for (size_t k = 0; k < s.comments.size(); ++k) {
      const CommentSummary& c = s.comments[k];
      std::optional<size_t> match;
      for (size_t j = 0; j < staff.comments.size() && !match; ++j)
        if (staff.comments[j].tag == c.tag) match = j;
      for (size_t j = 0; j < staff.comments.size() && !match; ++j)
        if (staff.comments[j].number == c.number) match = j;
      if (!match) continue;
      t.comments[k].answers = CommentRef{*t.answers, *match};
      t.comments[k].restatement = c.restates;
      st.comments[*match].answered_by.push_back(CommentRef{i, k});
    }
  }

  // The letter a prior reference means: the one dated as it says, else the one its staff
  // letter's intro names for prior comments, else the staff letter before that staff letter
  // in the conversation. A named letter is the staff's unless the words make it the
  // company's ("your response to comment 3 within your April 2 letter"); when no letter of
  // that kind has the date (a slip of the pen, or a letter that is not here), order decides.
  std::optional<size_t> PriorLetter(size_t i, const PriorRefSummary& p, const Open& o,
                                    PriorHow* how) const {
    const LetterSummary& s = in_[i];
    const ThreadedLetter& t = out_->letters[i];
    std::optional<size_t> base = IsStaff(s) ? std::optional<size_t>(i) : t.answers;
    const bool staff_voice = IsStaff(s) || p.in_restatement;
    auto by_date = [&](const std::string& date, bool company_letter) -> std::optional<size_t> {
      for (bool slack : {false, true}) {
        for (size_t j : members_) {
          if (j == i || (base && j == *base)) continue;
          if (company_letter ? !IsResponse(in_[j]) : !IsStaff(in_[j])) continue;
          std::optional<long> gap = DaysBetween(in_[j].date, date);
          if (in_[j].date == date || (slack && gap && std::labs(*gap) <= kDateSlack)) return j;
        }
      }
      return std::nullopt;
    };
    if (!p.letter_date.empty()) {
      // Whose letter: the possessive nearest the end of the words ("... in our letter dated").
      std::string words = " " + AsciiLower(p.refers_to);
      size_t yours = words.rfind(" your ");
      size_t ours = words.rfind(" our ");
      bool theirs = yours != std::string::npos && (ours == std::string::npos || yours > ours);
      bool company_letter = staff_voice ? theirs : (ours != std::string::npos && !theirs);
      if (std::optional<size_t> d = by_date(p.letter_date, company_letter)) {
        *how = PriorHow::kDate;
        return d;
      }
    }
    if (!base) return std::nullopt;
    if (p.letter_date.empty() && !in_[*base].prior_default_date.empty()) {
      if (std::optional<size_t> d = by_date(in_[*base].prior_default_date, false)) {
        *how = PriorHow::kIntro;
        return d;
      }
    }
    std::optional<size_t> previous;
    for (size_t j : o.letters) {
      if (j == *base) break;
      if (IsCommentLetter(in_[j])) previous = j;
    }
    if (previous) *how = PriorHow::kOrder;
    return previous;
  }

  void Resolve(size_t i, const Open& o) {
    const LetterSummary& s = in_[i];
    ThreadedLetter& t = out_->letters[i];
    for (size_t r = 0; r < s.prior_refs.size(); ++r) {
      const PriorRefSummary& p = s.prior_refs[r];
      PriorHow how = PriorHow::kNone;
      std::optional<size_t> letter = PriorLetter(i, p, o, &how);
      std::vector<std::optional<int>> numbers(p.comments.begin(), p.comments.end());
      if (numbers.empty()) numbers.push_back(std::nullopt);
      for (const std::optional<int>& n : numbers) {
        ResolvedPrior rp;
        rp.ref = r;
        rp.number = n;
        rp.letter = letter;
        rp.how = how;
        if (letter && n) {
          const std::vector<CommentSummary>& cs = in_[*letter].comments;
          for (size_t k = 0; k < cs.size(); ++k) {
            if (cs[k].number == *n) {
              rp.comment = k;
              break;
            }
          }
        }
        t.prior.push_back(rp);
      }
    }
  }

  Figures Count(const Open& o, int rounds) const {
    Figures f;
    f.rounds = rounds;
    f.letters = o.letters.size();
    std::string staff_office, response_office;
    for (size_t i : o.letters) {
      const LetterSummary& s = in_[i];
      const ThreadedLetter& t = out_->letters[i];
      if (!s.date.empty()) {
        if (f.first_date.empty() || s.date < f.first_date) f.first_date = s.date;
        if (s.date > f.last_date) f.last_date = s.date;
      }
      f.citations += s.outside_citations;
      if (IsStaff(s)) {
        ++f.staff_letters;
        f.comments += s.comments.size();
        for (size_t k = 0; k < s.comments.size(); ++k) {
          f.citations += s.comments[k].citations;
          if (k < t.comments.size() && !t.comments[k].answered_by.empty()) ++f.answered;
        }
        if (s.closes) {
          f.closed = true;
          if (!s.date.empty()) f.closed_date = s.date;
        }
        if (!s.office.empty()) staff_office = s.office;
      } else {
        if (IsResponse(s)) ++f.responses;
        f.response_comments += s.comments.size();
        for (size_t k = 0; k < s.comments.size(); ++k) {
          bool restated = k < t.comments.size() && t.comments[k].restatement;
          if (k < t.comments.size() && t.comments[k].answers) ++f.paired_responses;
          f.citations +=
              s.comments[k].citations - (restated ? s.comments[k].restated_citations : 0);
        }
        if (response_office.empty()) response_office = s.office;
      }
    }
    f.office = !staff_office.empty() ? staff_office : response_office;
    if (std::optional<long> d = DaysBetween(f.first_date, f.last_date)) f.span_days = *d;
    if (f.closed) {
      if (std::optional<long> d = DaysBetween(f.first_date, f.closed_date)) f.days_to_close = *d;
    }
    return f;
  }

  const std::vector<LetterSummary>& in_;
  std::vector<size_t> members_;
  Threading* out_;
  std::vector<Open> convs_;
  std::map<size_t, size_t> conv_of_;  // input index -> index into convs_
  std::vector<size_t> placed_;        // in placing (date) order
};

}  // namespace

const char* PriorHowName(PriorHow how) {
  switch (how) {
    case PriorHow::kDate:
      return "date";
    case PriorHow::kIntro:
      return "intro";
    case PriorHow::kOrder:
      return "order";
    case PriorHow::kNone:
      break;
  }
  return "none";
}

std::optional<long> DaysBetween(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& s) -> std::optional<std::chrono::sys_days> {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    for (int k = 0; k < 4; ++k) {
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
      y = y * 10 + (s[k] - '0');
    }
    for (int k = 5; k < 7; ++k) {
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
      m = m * 10 + (s[k] - '0');
    }
    for (int k = 8; k < 10; ++k) {
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
      d = d * 10 + (s[k] - '0');
    }
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                    std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
  };
  auto da = parse(a), db = parse(b);
  if (!da || !db) return std::nullopt;
  return static_cast<long>((*db - *da).count());
}

Threading Thread(const std::vector<LetterSummary>& letters) {
  Threading out;
  out.letters.resize(letters.size());
  for (size_t i = 0; i < letters.size(); ++i)
    out.letters[i].comments.resize(letters[i].comments.size());
  std::map<std::string, std::vector<size_t>> by_registrant;
  for (size_t i = 0; i < letters.size(); ++i) by_registrant[letters[i].registrant].push_back(i);
  for (auto& [registrant, members] : by_registrant)
    RegistrantThreader(letters, std::move(members), &out).Run();
  return out;
}

}  // namespace secxref::converse
