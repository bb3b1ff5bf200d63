#include "indexer/segment/segmenter.h"

#include <algorithm>

#include "indexer/segment/comments.h"
#include "indexer/segment/header.h"
#include "indexer/segment/kind.h"
#include "indexer/segment/prior_refs.h"
#include "indexer/segment/text_lines.h"
#include "indexer/segment/text_util.h"

namespace secxref {
namespace {

// "edgar/data/1508475/000000000013061818/filename1.pdf" -> cik "1508475",
// accession "0000000000-13-061818".
void FromEdgarPath(const std::string& path, std::optional<std::string>* cik,
                   std::optional<std::string>* accession) {
  size_t p = path.find("edgar/data/");
  if (p == std::string::npos) return;
  p += 11;
  size_t q = path.find('/', p);
  if (q == std::string::npos) return;
  std::string c = path.substr(p, q - p);
  size_t r = path.find('/', q + 1);
  std::string a = path.substr(q + 1, r == std::string::npos ? std::string::npos : r - q - 1);
  auto digits = [](const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (!digits(c)) return;
  if (!*cik) {
    size_t nz = c.find_first_not_of('0');
    *cik = nz == std::string::npos ? "0" : c.substr(nz);
  }
  if (!*accession && a.size() == 18 && digits(a))
    *accession = a.substr(0, 10) + "-" + a.substr(10, 2) + "-" + a.substr(12);
}

int FirstLineAtOrAfter(const std::vector<TextLine>& lines, uint32_t offset) {
  int i = 0;
  while (i < static_cast<int>(lines.size()) && lines[i].end <= offset) ++i;
  return i;
}

}  // namespace

Letter SegmentLetter(Document document) {
  Letter letter;
  letter.document = std::move(document);
  const Document& doc = letter.document;
  letter.cik = doc.submission.cik;
  letter.accession = doc.submission.accession;
  FromEdgarPath(doc.source, &letter.cik, &letter.accession);
  if (!doc.error.empty()) return letter;

  const std::vector<TextLine> lines = NonEmptyLines(doc);
  if (lines.empty()) {
    letter.warnings.push_back("empty letter");
    return letter;
  }
  const Header header = ReadHeader(lines);
  letter.kind = DecideKind(WeighKind(lines, header), doc.submission);
  letter.date = header.date;
  if (!letter.date && doc.submission.filed_date) {
    letter.date = doc.submission.filed_date;
    letter.warnings.push_back("no date line; date from the filing header");
  }
  if (!letter.date) letter.warnings.push_back("no date found");
  letter.addressee = header.addressee;
  letter.company = header.re.company;
  if (!letter.company && doc.submission.company) letter.company = doc.submission.company;
  letter.reviewed = header.re.reviewed;
  letter.file_numbers = header.re.file_numbers;
  if (header.re.cik && !letter.cik) letter.cik = header.re.cik;
  if (header.salutation_line < 0) letter.warnings.push_back("no salutation found");

  const int body_line = FirstLineAtOrAfter(lines, header.body_start);
  CommentLayout layout =
      FindComments(lines, body_line, static_cast<uint32_t>(doc.text.size()), letter.kind);
  letter.comments = std::move(layout.comments);
  letter.headings = std::move(layout.headings);
  letter.body.start = std::min<uint32_t>(header.body_start, layout.closing_start);
  // Skip the spaces after the salutation's colon or line.
  while (letter.body.start < doc.text.size() &&
         (doc.text[letter.body.start] == '\n' || doc.text[letter.body.start] == ' '))
    ++letter.body.start;
  letter.body.end = std::max(letter.body.start, layout.closing_start);
  while (letter.body.end > letter.body.start &&
         (doc.text[letter.body.end - 1] == '\n' || doc.text[letter.body.end - 1] == ' '))
    --letter.body.end;
  if (!layout.closing_found) letter.warnings.push_back("no closing found");

  PriorRefContext context;
  context.body = letter.body;
  context.letter_date = letter.date;
  context.comments = &letter.comments;
  letter.prior_refs = FindPriorRefs(doc.text, context);
  return letter;
}

const Comment* CommentAt(const Letter& letter, uint32_t offset) {
  // Comments are in text order and do not overlap: binary search on start.
  const auto& cs = letter.comments;
  auto it = std::upper_bound(cs.begin(), cs.end(), offset,
                             [](uint32_t off, const Comment& c) { return off < c.start; });
  if (it == cs.begin()) return nullptr;
  --it;
  return offset < it->end ? &*it : nullptr;
}

}  // namespace secxref
