#include "indexer/index/writer_pid.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace secxref {
namespace {

bool AllDigits(const char* s) {
  if (*s == '\0') return false;
  for (; *s; ++s)
    if (!std::isdigit(static_cast<unsigned char>(*s))) return false;
  return true;
}

// True when process `pid` has an open descriptor on the file (dev, ino).
bool HasOpen(const std::string& pid, dev_t dev, ino_t ino) {
  const std::string fds = "/proc/" + pid + "/fd";
  DIR* d = opendir(fds.c_str());
  if (d == nullptr) return false;  // gone, or another user's
  bool found = false;
  while (dirent* e = readdir(d)) {
    if (!AllDigits(e->d_name)) continue;
    struct stat st;
    if (stat((fds + "/" + e->d_name).c_str(), &st) == 0 && st.st_dev == dev && st.st_ino == ino) {
      found = true;
      break;
    }
  }
  closedir(d);
  return found;
}

// "secxref-index add --db x" from /proc/PID/cmdline (NULs as spaces, program base name).
std::string CommandLine(long pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!raw.empty() && raw.back() == '\0') raw.pop_back();
  size_t first_end = raw.find('\0');
  std::string program = raw.substr(0, first_end);
  if (size_t slash = program.rfind('/'); slash != std::string::npos) program = program.substr(slash + 1);
  std::string args = first_end == std::string::npos ? "" : raw.substr(first_end);
  for (char& c : args)
    if (c == '\0') c = ' ';
  std::string out = program + args;
  if (out.size() > 80) out = out.substr(0, 77) + "...";
  return out;
}

}  // namespace

std::optional<long> WriterPid(const std::string& glass_dir) {
  if (glass_dir.empty()) return std::nullopt;
  struct stat lock;
  if (stat((glass_dir + "/flintlock").c_str(), &lock) != 0) return std::nullopt;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return std::nullopt;
  const std::string self = std::to_string(getpid());
  std::optional<long> found;
  while (dirent* e = readdir(proc)) {
    if (!AllDigits(e->d_name) || e->d_name == self) continue;
    if (HasOpen(e->d_name, lock.st_dev, lock.st_ino)) {
      found = std::strtol(e->d_name, nullptr, 10);
      break;
    }
  }
  closedir(proc);
  return found;
}

std::string IndexBusyMessage(const std::string& shown_path, const std::string& glass_dir) {
  std::string holder;
  if (std::optional<long> pid = WriterPid(glass_dir)) {
    std::string command = CommandLine(*pid);
    holder = " (PID " + std::to_string(*pid) + (command.empty() ? "" : ": " + command) + ")";
  }
  return "index " + shown_path + " is being written by another process" + holder +
         "; try again when it has finished";
}

}  // namespace secxref
