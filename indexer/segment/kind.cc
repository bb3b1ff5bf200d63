#include "indexer/segment/kind.h"

#include <algorithm>
#include <string_view>

#include "indexer/base/utf8.h"
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
  // Letterhead: the Commission's name or Division above the date line is the staff's own
  // letterhead; below it (the addressee block) it addresses the staff.
  const int date_line = header.date_line;
  const int addr_end = header.re_first >= 0          ? header.re_first
                       : header.salutation_line >= 0 ? header.salutation_line
                                                     : std::min(n, 30);
  bool letterhead = false, mail_stop = false, addressed = false;
  for (int i = 0; i < std::min(n, addr_end); ++i) {
    std::string_view t = lines[i].text;
    const bool above = date_line >= 0 ? i < date_line : i < 6;
    if (above) {
      if (!letterhead && (ContainsI(t, "securities and exchange commission") ||
                          ContainsI(t, "division of corporation finance") ||
                          ContainsI(t, "corporation finance"))) {
        letterhead = true;
      }
      if (!mail_stop && (StartsWithI(t, "mail stop") || StartsWithI(t, "stop "))) mail_stop = true;
    } else if (!addressed && HasStaffAddress(t)) {
      addressed = true;
    }
  }
  // A law firm or company letterhead can carry "Washington, D.C." but not the Commission.
  if (letterhead) Add(&e, true, 3, "letterhead above the date");
  if (mail_stop) Add(&e, true, 2, "mail stop above the date");
  if (addressed) Add(&e, false, 4, "addressed to the Commission");
  if (header.salutation_line >= 0) {
    std::string_view s = TrimDecoration(lines[header.salutation_line].text);
    if (!StartsWithI(s, "dear ") || StartsWithI(s, "dear sir") || StartsWithI(s, "dear staff"))
      Add(&e, false, 3, "salutation to the staff");
  }
  // Body phrases: each cue counts once.
  std::vector<bool> seen_staff(std::size(kStaffBody)), seen_resp(std::size(kResponseBody));
  int sincerely = -1;
  int response_markers = 0;
  const int body_from = header.salutation_line >= 0 ? header.salutation_line + 1
                        : header.re_last >= 0       ? header.re_last + 1
                                                    : 0;
  for (int i = 0; i < n; ++i) {
    std::string_view t = lines[i].text;
    if (i < body_from) continue;
    for (size_t c = 0; c < std::size(kStaffBody); ++c)
      if (!seen_staff[c] && ContainsI(t, kStaffBody[c].phrase)) {
        seen_staff[c] = true;
        Add(&e, true, kStaffBody[c].weight, kStaffBody[c].phrase);
      }
    for (size_t c = 0; c < std::size(kResponseBody); ++c)
      if (!seen_resp[c] && ContainsI(t, kResponseBody[c].phrase)) {
        seen_resp[c] = true;
        Add(&e, false, kResponseBody[c].weight, kResponseBody[c].phrase);
      }
    std::string_view d = TrimDecoration(t);
    if (StartsWithI(d, "response") || StartsWithI(d, "company response") ||
        StartsWithI(d, "our response"))
      if (d.size() < 40 || StartsWithI(d, "response:")) ++response_markers;
    if (sincerely < 0 && (StartsWithI(d, "sincerely") || StartsWithI(d, "very truly")))
      sincerely = i;
  }
  if (response_markers >= 1) Add(&e, false, response_markers >= 2 ? 3 : 2, "Response: markers");
  if (sincerely >= 0) {
    for (int i = sincerely + 1; i < std::min(n, sincerely + 12); ++i) {
      bool hit = false;
      for (std::string_view title : kStaffTitles)
        if (ContainsI(lines[i].text, title)) hit = true;
      if (hit) {
        Add(&e, true, 3, "staff title in the signature");
        break;
      }
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
