// Progress of a long indexing run: a one-line bar redrawn in place on a terminal (count, rate,
// ETA), nothing otherwise; messages printed in between do not garble it.
#ifndef SECXREF_CLI_PROGRESS_H_
#define SECXREF_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "indexer/index/pipeline.h"

namespace secxref {

class Progress {
 public:
  // `enabled`: draw the bar (normally: stderr is a terminal).
  explicit Progress(bool enabled);
  ~Progress();
  // Redraws at most ten times a second.
  void Update(const PipelineStats& stats);
  // Prints a message line on stderr, above the bar.
  void Message(const std::string& line);
  // Erases the bar for good.
  void Finish();
  double Seconds() const;

 private:
  void Draw(const PipelineStats& stats);
  void Clear();
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  PipelineStats last_stats_;
};

// "1.5 MB", "312 kB".
std::string HumanBytes(uint64_t bytes);

}  // namespace secxref

#endif  // SECXREF_CLI_PROGRESS_H_
