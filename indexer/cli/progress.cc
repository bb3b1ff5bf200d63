#include "indexer/cli/progress.h"

#include <cstdio>

namespace secxref {

Progress::Progress(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_ - std::chrono::seconds(1)) {}

Progress::~Progress() { Finish(); }

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(const PipelineStats& stats) {
  last_stats_ = stats;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  Draw(stats);
}

void Progress::Draw(const PipelineStats& s) {
  const double secs = std::max(Seconds(), 1e-3);
  const double frac = s.bytes ? static_cast<double>(s.bytes_done) / static_cast<double>(s.bytes)
                              : (s.files ? static_cast<double>(s.files_done) / static_cast<double>(s.files) : 0);
  constexpr int kWidth = 24;
  int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < kWidth) bar += '>';
  bar.resize(kWidth, ' ');
  char eta[32] = "--:--";
  if (frac > 0.001 && frac < 1) {
    long left = static_cast<long>(secs / frac - secs);
    std::snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
  } else if (frac >= 1) {
    std::snprintf(eta, sizeof eta, "0:00");
  }
  std::fprintf(stderr, "\r[%s] %llu/%llu files  %.1f files/s  %s/s  ETA %s  %llu letters, %llu skipped, %llu failed\033[K",
               bar.c_str(), static_cast<unsigned long long>(s.files_done),
               static_cast<unsigned long long>(s.files), static_cast<double>(s.files_done) / secs,
               HumanBytes(static_cast<uint64_t>(static_cast<double>(s.bytes_done) / secs)).c_str(), eta,
               static_cast<unsigned long long>(s.letters), static_cast<unsigned long long>(s.skipped),
               static_cast<unsigned long long>(s.failed));
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }
}

void Progress::Message(const std::string& line) {
  Clear();
  std::fprintf(stderr, "%s\n", line.c_str());
  if (enabled_) Draw(last_stats_);
}

void Progress::Finish() {
  Clear();
  enabled_ = false;
}

std::string HumanBytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= 10ull << 30) {
    std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(bytes) / 1e9);
  } else if (bytes >= 1000000) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  } else if (bytes >= 1000) {
    std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  }
  return buf;
}

}  // namespace secxref
