#include "indexer/index/db_location.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xapian.h>

namespace fs = std::filesystem;

namespace secxref {
namespace {

constexpr char kStubName[] = "XAPIANDB";
constexpr char kGenerationStem[] = "glass.";

bool Exists(const std::string& p) {
  struct stat st;
  return ::lstat(p.c_str(), &st) == 0;
}

std::string Dirname(const std::string& p) {
  fs::path parent = fs::path(p).parent_path();
  return parent.empty() ? "." : parent.string();
}

struct Stub {
  std::vector<std::string> local;  // absolute paths of auto/glass lines
  int other = 0;                   // remote and other lines
};

Stub ParseStub(const std::string& file, const std::string& base) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read stub file " + file);
  Stub stub;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t a = line.find_first_not_of(" \t\r");
    if (a == std::string::npos || line[a] == '#') continue;
    size_t sp = line.find_first_of(" \t", a);
    std::string type = line.substr(a, sp == std::string::npos ? std::string::npos : sp - a);
    std::string arg;
    if (sp != std::string::npos) {
      size_t b = line.find_first_not_of(" \t", sp);
      size_t e = line.find_last_not_of(" \t\r");
      if (b != std::string::npos) arg = line.substr(b, e - b + 1);
    }
    if ((type == "auto" || type == "glass") && !arg.empty()) {
      fs::path p(arg);
      if (p.is_relative()) p = fs::path(base) / p;
      stub.local.push_back(p.lexically_normal().string());
    } else if (type == "remote" || type == "chert" || type == "inmemory") {
      ++stub.other;
    } else {
      throw std::runtime_error(file + ":" + std::to_string(n) + ": not a Xapian stub line: " + line);
    }
  }
  return stub;
}

}  // namespace

void WriteFileSynced(const std::string& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) throw std::runtime_error("cannot sync " + path + ": " + std::strerror(err));
}

void SyncPath(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void SyncDirectoryNames(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int rc = fd < 0 ? -1 : ::fsync(fd);
  int err = errno;
  if (fd >= 0) ::close(fd);
  if (rc != 0) throw std::runtime_error("cannot sync directory " + dir + ": " + std::strerror(err));
}

namespace {

void RenameOrThrow(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    throw std::runtime_error("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
}

// "glass.12" -> 12, else -1.
long GenerationNumber(const std::string& name, const std::string& stem) {
  if (name.compare(0, stem.size(), stem) != 0 || name.size() == stem.size()) return -1;
  char* end = nullptr;
  long n = std::strtol(name.c_str() + stem.size(), &end, 10);
  return (*end == '\0' && n >= 0) ? n : -1;
}

// What CreateIfMissing leaves when it is killed before the stub is in place: the first
// generation (never named by a stub, so never written by `add`) and temporary stubs. Such a
// directory is an interrupted creation, not someone else's data.
bool IsCreationLeftover(const std::string& name) {
  return name == std::string(kGenerationStem) + "1" ||
         name.rfind(std::string(kStubName) + ".tmp.", 0) == 0;
}

bool OnlyCreationLeftovers(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (!IsCreationLeftover(e.path().filename().string())) return false;
  return true;
}

}  // namespace

std::string ResolveDbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SECXREF_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && xdg[0] == '/')
    return std::string(xdg) + "/secxref/db";
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw std::runtime_error("no --db given, and neither SECXREF_DB nor HOME is set");
  return std::string(home) + "/.local/share/secxref/db";
}

IndexLocation::IndexLocation(std::string path) : path_(std::move(path)) { Inspect(); }

void IndexLocation::Inspect() {
  layout_ = Layout::kMissing;
  database_.clear();
  struct stat st;
  if (::stat(path_.c_str(), &st) != 0) return;
  const std::string abs = fs::absolute(path_).lexically_normal().string();
  if (S_ISDIR(st.st_mode)) {
    if (Exists(abs + "/iamglass")) {
      layout_ = Layout::kPlain;
      database_ = abs;
      return;
    }
    if (Exists(abs + "/" + kStubName)) {
      Stub stub = ParseStub(abs + "/" + kStubName, abs);
      if (stub.local.size() == 1 && stub.other == 0) {
        layout_ = Layout::kStubDir;
        database_ = stub.local.front();
      } else {
        layout_ = Layout::kMulti;
      }
      return;
    }
    if (OnlyCreationLeftovers(abs)) return;  // empty, or an interrupted creation: ours to fill
    throw std::runtime_error(path_ + " exists and is not a secxref index (no XAPIANDB stub, no glass database)");
  }
  Stub stub = ParseStub(abs, Dirname(abs));
  if (stub.local.size() == 1 && stub.other == 0) {
    layout_ = Layout::kStubFile;
    database_ = stub.local.front();
  } else {
    layout_ = Layout::kMulti;
  }
}

std::string IndexLocation::Database() const {
  if (layout_ == Layout::kMulti)
    throw std::runtime_error(path_ + " is a stub naming several (or remote) databases; write to "
                             "each shard's own database");
  return database_;
}

std::string IndexLocation::CreateIfMissing() {
  if (layout_ != Layout::kMissing) return Database();
  fs::create_directories(path_);
  const std::string abs = fs::absolute(path_).lexically_normal().string();
  for (const auto& e : fs::directory_iterator(abs))  // a creation killed half way (Inspect)
    if (IsCreationLeftover(e.path().filename().string())) fs::remove_all(e.path());
  const std::string generation = abs + "/" + kGenerationStem + "1";
  { Xapian::WritableDatabase db(generation, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS); }
  const std::string tmp = abs + "/" + kStubName + ".tmp." + std::to_string(::getpid());
  WriteFileSynced(tmp, std::string("auto ") + kGenerationStem + "1\n");
  RenameOrThrow(tmp, abs + "/" + kStubName);
  SyncPath(abs, true);
  Inspect();
  return Database();
}

std::string IndexLocation::NewGeneration() const {
  switch (layout_) {
    case Layout::kStubDir: {
      const std::string dir = Dirname(database_);
      long best = GenerationNumber(fs::path(database_).filename().string(), kGenerationStem);
      for (const auto& e : fs::directory_iterator(dir))
        best = std::max(best, GenerationNumber(e.path().filename().string(), kGenerationStem));
      return dir + "/" + kGenerationStem + std::to_string(best + 1);
    }
    case Layout::kStubFile: {
      // name.N -> name.N+1; name -> name.1
      std::string name = fs::path(database_).filename().string();
      const std::string dir = Dirname(database_);
      std::string stem = name;
      long n = 0;
      if (size_t dot = name.find_last_of('.'); dot != std::string::npos) {
        long g = GenerationNumber(name, name.substr(0, dot + 1));
        if (g >= 0) {
          stem = name.substr(0, dot);
          n = g;
        }
      }
      for (;;) {
        std::string candidate = dir + "/" + stem + "." + std::to_string(++n);
        if (!Exists(candidate)) return candidate;
      }
    }
    case Layout::kPlain:
      return database_ + ".rebuild." + std::to_string(::getpid());
    case Layout::kMissing:
    case Layout::kMulti:
      break;
  }
  throw std::runtime_error(path_ + ": no database to rebuild");
}

std::string IndexLocation::SwapIn(const std::string& generation) {
  const std::string old = database_;
  switch (layout_) {
    case Layout::kStubDir: {
      const std::string dir = fs::absolute(path_).lexically_normal().string();
      const std::string tmp = dir + "/" + kStubName + ".tmp." + std::to_string(::getpid());
      std::string rel = fs::path(generation).lexically_relative(dir).string();
      WriteFileSynced(tmp, "auto " + rel + "\n");
      RenameOrThrow(tmp, dir + "/" + kStubName);
      SyncPath(dir, true);
      break;
    }
    case Layout::kStubFile: {
      const std::string stub = fs::absolute(path_).lexically_normal().string();
      const std::string dir = Dirname(stub);
      const std::string tmp = stub + ".tmp." + std::to_string(::getpid());
      std::string rel = fs::path(generation).lexically_relative(dir).string();
      if (rel.empty()) rel = generation;
      WriteFileSynced(tmp, "auto " + rel + "\n");
      RenameOrThrow(tmp, stub);
      SyncPath(dir, true);
      break;
    }
    case Layout::kPlain: {
      const std::string aside = database_ + ".old." + std::to_string(::getpid());
      RenameOrThrow(database_, aside);
      RenameOrThrow(generation, database_);
      SyncPath(Dirname(database_), true);
      Inspect();
      return aside;
    }
    case Layout::kMissing:
    case Layout::kMulti:
      throw std::runtime_error(path_ + ": nothing to swap");
  }
  Inspect();
  return old;
}

std::vector<std::string> IndexLocation::StaleGenerations() const {
  std::vector<std::string> stale;
  if (layout_ != Layout::kStubDir) return stale;
  const std::string dir = Dirname(database_);
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (GenerationNumber(name, kGenerationStem) < 0 || !e.is_directory()) continue;
    if (e.path().lexically_normal().string() != database_) stale.push_back(e.path().string());
  }
  return stale;
}

void SyncDirectory(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) continue;  // gone since the listing: nothing of it to keep
    if (fd < 0) throw std::runtime_error("cannot open " + e.path().string() + ": " + std::strerror(errno));
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    // A failed fsync means the data may not be on the disk: the caller must not treat the
    // database as durable (and must not swap it in).
    if (rc != 0) throw std::runtime_error("cannot sync " + e.path().string() + ": " + std::strerror(err));
  }
  SyncDirectoryNames(dir);
}

uint64_t DirectorySize(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    struct stat st;
    if (::lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode))
      total += static_cast<uint64_t>(st.st_blocks) * 512;
  }
  return total;
}

void RemoveTree(const std::string& dir) {
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace secxref
