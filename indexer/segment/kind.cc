#include "indexer/segment/kind.h"

#include <algorithm>
#include <string_view>

#include "indexer/base/utf8.h"
#include "indexer/segment/date_parse.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

using namespace seg;

struct Cue {
  std::string_view phrase;
  int weight;
};

// Phrases of the staff's own voice (templates of the Division's letters).
constexpr Cue kStaffBody[] = {
    {"we have reviewed your", 3},
    {"we have limited our review", 3},
    {"we have completed our review", 3},
    {"we have reviewed the above", 3},
    {"we have reviewed your filing", 2},
    {"please respond to this letter", 3},
    {"please respond to this comment", 3},
    {"we urge all persons who are responsible", 3},
    {"in closing, we remind you", 3},
    {"we remind you that the company and its management", 3},
    {"we remind you that the filing persons", 3},
    {"after reviewing any amendment to your filing", 3},
    {"after reviewing your response", 3},
    {"you may contact", 2},
    {"in our comments, we may ask you", 3},
    {"in some of our comments, we may ask you", 3},
    {"we may have additional comments", 2},
    {"if you do not believe our comments apply", 3},
    {"we will consider a written request for acceleration", 3},
    {"we have not reviewed and will not review", 4},
    {"we do not intend to review", 3},
    {"please refer to rules 460 and 461", 2},
    {"we remind you that", 1},
    {"absence of action by the staff", 2},
};

// Phrases of someone answering the staff.
constexpr Cue kResponseBody[] = {
    {"on behalf of our client", 3},
    {"on behalf of", 1},
    {"the staff's comment", 2},
    {"the staff\xE2\x80\x99s comment", 2},
    {"comments of the staff", 2},
    {"comment letter dated", 2},
    {"your letter dated", 2},
    {"the staff's letter", 2},
    {"the staff\xE2\x80\x99s letter", 2},
    {"in response to the staff", 2},
    {"respectfully advises", 2},
    {"respectfully submits", 2},
    {"respectfully requests", 2},
    {"we respectfully", 1},
    {"the company acknowledges that", 2},
    {"request that the effective date", 3},
    {"request acceleration", 3},
    {"hereby requests", 2},
    {"hereby request", 2},
    {"rule 461", 1},
    {"very truly yours", 1},
    {"respectfully submitted", 1},
};

// Signature titles of the staff, read after "Sincerely,".
constexpr std::string_view kStaffTitles[] = {
    "branch chief",    "assistant director", "staff accountant",  "chief accountant",
    "special counsel", "staff attorney",     "senior counsel",    "division of corporation",
    "office of ",      "legal branch",       "accounting branch", "deputy director",
    "senior attorney", "attorney-adviser",   "attorney advisor",  "assistant chief",
};

bool HasStaffAddress(std::string_view t) {
  return ContainsI(t, "securities and exchange commission") ||
         ContainsI(t, "division of corporation finance") || ContainsI(t, "100 f street") ||
         ContainsI(t, "100 f. street") || ContainsI(t, "20549") || ContainsI(t, "u.s. securities");
}

void Add(KindEvidence* e, bool staff, int w, std::string_view why) {
  (staff ? e->staff : e->response) += w;
  e->reasons.push_back(std::string(staff ? "staff+" : "response+") + std::to_string(w) + " " +
                       std::string(why));
}

}  // namespace

KindEvidence WeighKind(const std::vector<TextLine>& lines, const Header& header) {
  KindEvidence e;
  const int n = static_cast<int>(lines.size());
  if (n == 0) return e;
  // The letter as one lower-cased, space-collapsed string with a map back to lines, so
  // phrases broken across lines (and letters whose text has no line structure) still match.
  std::string flat;
  std::vector<int> line_of;  // flat offset -> line index
  for (int i = 0; i < n; ++i) {
    if (!flat.empty()) {
      flat.push_back(' ');
      line_of.push_back(i);
    }
    for (char c : lines[i].text) {
      flat.push_back(AsciiToLower(c == '\t' ? ' ' : c));
      line_of.push_back(i);
    }
  }
  // Where the head ends: the Re: block, the salutation, or (text without lines) the first
  // "re:" or salutation in the text.
  size_t head_end = flat.size();
  if (header.re_first >= 0) {
    head_end = lines[header.re_first].start - lines[0].start;
  } else if (header.salutation_line >= 0) {
    head_end = lines[header.salutation_line].start - lines[0].start;
  }
  head_end = std::min(head_end, flat.size());
  for (std::string_view w : {" re: ", "ladies and gentlemen", "dear "}) {
    size_t p = flat.find(w);
    if (p != std::string::npos && p < head_end) head_end = p;
  }
  // Letterhead: the Commission's name or Division above the letter's date is the staff's
  // own letterhead; below it (the addressee block) the letter is addressed to the staff.
  size_t date_at = std::string::npos;
  if (header.date_line >= 0) {
    // Offset of the date line in `flat`.
    for (size_t i = 0; i < line_of.size(); ++i)
      if (line_of[i] == header.date_line) {
        date_at = i;
        break;
      }
  }
  if (date_at == std::string::npos) {
    size_t d = FirstLetterDate(flat.substr(0, head_end));
    date_at = d != std::string::npos ? d : std::min<size_t>(head_end, 120);
  }
  const std::string_view head(flat.data(), head_end);
  const std::string_view above = head.substr(0, std::min(date_at, head.size()));
  const std::string_view below = head.substr(std::min(date_at, head.size()));
  if (above.find("securities and exchange commission") != std::string::npos ||
      above.find("corporation finance") != std::string::npos)
    Add(&e, true, 3, "letterhead above the date");
  if (above.find("mail stop") != std::string::npos) Add(&e, true, 2, "mail stop above the date");
  if (HasStaffAddress(below)) Add(&e, false, 4, "addressed to the Commission");
  if (header.salutation_line >= 0) {
    std::string_view s = TrimDecoration(lines[header.salutation_line].text);
    if (!StartsWithI(s, "dear ") || StartsWithI(s, "dear sir") || StartsWithI(s, "dear staff"))
      Add(&e, false, 3, "salutation to the staff");
  } else if (head_end < flat.size() && flat.compare(head_end, 20, "ladies and gentlemen") == 0) {
    Add(&e, false, 3, "salutation to the staff");
  }
  // Body phrases: each cue counts once.
  const std::string_view body = std::string_view(flat).substr(head_end);
  for (const Cue& c : kStaffBody)
    if (body.find(c.phrase) != std::string_view::npos) Add(&e, true, c.weight, c.phrase);
  for (const Cue& c : kResponseBody)
    if (body.find(c.phrase) != std::string_view::npos) Add(&e, false, c.weight, c.phrase);
  const int body_from = header.salutation_line >= 0 ? header.salutation_line + 1
                        : header.re_last >= 0       ? header.re_last + 1
                                                    : 0;
  int response_markers = 0;
  int sincerely = -1;
  for (int i = body_from; i < n; ++i) {
    std::string_view d = TrimDecoration(lines[i].text);
    if (StartsWithI(d, "response") || StartsWithI(d, "company response") ||
        StartsWithI(d, "our response"))
      if (d.size() < 40 || StartsWithI(d, "response:")) ++response_markers;
    if (sincerely < 0 && (StartsWithI(d, "sincerely") || StartsWithI(d, "very truly")))
      sincerely = i;
  }
  if (response_markers >= 1) Add(&e, false, response_markers >= 2 ? 3 : 2, "Response: markers");
  // The signature: a staff title after "Sincerely," or, without one, in the last lines.
  const int sig_from = sincerely >= 0 ? sincerely + 1 : std::max(body_from, n - 8);
  for (int i = sig_from; i < std::min(n, sig_from + 12); ++i) {
    std::string_view t = TrimDecoration(lines[i].text);
    if (StartsWithI(t, "cc") || StartsWithI(t, "copy to") || StartsWithI(t, "copies to")) break;
    bool hit = false;
    for (std::string_view title : kStaffTitles)
      if (ContainsI(t, title) && t.size() < 80) hit = true;
    if (hit) {
      Add(&e, true, 3, "staff title in the signature");
      break;
    }
  }
  return e;
}

LetterKind DecideKind(const KindEvidence& e, const SubmissionInfo& submission) {
  if (e.staff > e.response) return LetterKind::kStaff;
  if (e.response > e.staff) return LetterKind::kResponse;
  if (submission.form_type) {
    std::string f = AsciiLower(*submission.form_type);
    if (f == "upload" || f == "letter") return LetterKind::kStaff;
    if (f == "corresp") return LetterKind::kResponse;
  }
  return LetterKind::kUnknown;
}

}  // namespace secxref
