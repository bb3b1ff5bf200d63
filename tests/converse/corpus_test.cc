// Threading over the shared corpus of real review threads (skipped when it is absent): read,
// segment and cite every letter, summarise, thread, and hold the figures issue 6 sets as
// goals: every letter threaded, >= 95% of responses paired with a staff letter (company letters
// that answer none, such as acceleration requests, apart), >= 95% of
// "prior comment N" references resolved to an existing comment. scripts/eval-threads
// measures the same through the index; SECXREF_CONVERSE_DUMP=1 prints every conversation.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/converse/conversation.h"
#include "indexer/read/reader.h"
#include "indexer/segment/segmenter.h"

namespace secxref::converse {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(SECXREF_SHARED) / "corpus";

std::vector<LetterSummary> ReadCorpus() {
  std::vector<LetterSummary> out;
  std::ifstream in(kCorpus / "index.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::string accession = j["accession"];
    ReadFile((kCorpus / std::string(j["path"])).string(), ReadLimits{}, [&](Document&& doc) {
      CitedLetter cited = CiteLetter(SegmentLetter(std::move(doc)));
      out.push_back(Summarize(cited, accession, ""));
    });
  }
  return out;
}

void Dump(const std::vector<LetterSummary>& in, const Threading& t) {
  for (const Conversation& c : t.conversations) {
    const Figures& f = c.figures;
    std::cout << "== " << c.id << " " << c.company << " | " << c.subject << " | rounds " << f.rounds
              << " closed " << f.closed << " span " << f.span_days << " office " << f.office
              << "\n";
    for (size_t i : c.letters) {
      const LetterSummary& s = in[i];
      const ThreadedLetter& tl = t.letters[i];
      std::cout << "  " << tl.position << ". r" << tl.round << " " << LetterKindName(s.kind) << " "
                << s.date << " " << s.accession << " c=" << s.comments.size()
                << (s.closes ? " CLOSES" : "") << (s.follow_up ? " follow" : "")
                << (s.initiated ? " INITIATED" : "");
      if (tl.answers) std::cout << " answers " << in[*tl.answers].accession;
      for (const LetterRef& r : s.refs)
        std::cout << " ref(" << RefRoleName(r.role) << " " << r.date << ")";
      size_t paired = 0;
      for (const ThreadedComment& tc : tl.comments) paired += tc.answers.has_value();
      if (s.kind == LetterKind::kResponse)
        std::cout << " paired " << paired << "/" << s.comments.size();
      for (const ResolvedPrior& p : tl.prior) {
        std::cout << " [" << s.prior_refs[p.ref].refers_to << " -> "
                  << (p.letter ? in[*p.letter].date : std::string("?"))
                  << (p.comment ? "" : " MISSING") << "]";
      }
      std::cout << "\n";
    }
  }
}

TEST(ConverseCorpus, ThreadsRealReviews) {
  if (!fs::exists(kCorpus / "index.jsonl")) GTEST_SKIP() << "no corpus at " << kCorpus;
  std::vector<LetterSummary> in = ReadCorpus();
  Threading t = Thread(in);
  if (std::getenv("SECXREF_CONVERSE_DUMP")) Dump(in, t);
  size_t responses = 0, initiated = 0, answered = 0, rcomments = 0, rpaired = 0, refs = 0,
         resolved = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    const ThreadedLetter& tl = t.letters[i];
    if (in[i].kind == LetterKind::kResponse && in[i].initiated) {
      ++initiated;  // acceleration requests and the like answer no staff letter
    } else if (in[i].kind == LetterKind::kResponse) {
      ++responses;
      answered += tl.answers.has_value();
      for (const ThreadedComment& c : tl.comments) {
        ++rcomments;
        rpaired += c.answers.has_value();
      }
    }
    for (const ResolvedPrior& p : tl.prior) {
      if (!p.number) continue;
      ++refs;
      resolved += p.comment.has_value();
    }
  }
  std::cout << "letters " << in.size() << " conversations " << t.conversations.size() << "\n"
            << "responses paired with a staff letter " << answered << "/" << responses << " (and "
            << initiated << " company-initiated letters)\n"
            << "response comments paired with a staff comment " << rpaired << "/" << rcomments
            << "\n"
            << "prior comment references resolved " << resolved << "/" << refs << "\n";
  EXPECT_GE(answered * 100, responses * 95);
  EXPECT_GE(resolved * 100, refs * 95);
}

}  // namespace
}  // namespace secxref::converse
