#include "indexer/read/input_walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace secxref {
namespace {

constexpr int kMaxDirectoryDepth = 128;

using DirId = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const std::function<void(InputFile)>& on_file,
         const std::function<void(const std::string&, const std::string&, WalkProblem)>&
             on_problem)
      : on_file_(on_file), on_problem_(on_problem) {}

  void Visit(const std::string& path, int depth) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      int err = errno;
      struct stat lst;
      if (lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
        on_problem_(path, err == ELOOP ? "symbolic link loop" : "broken symbolic link",
                    err == ELOOP ? WalkProblem::kLoop : WalkProblem::kUnreadable);
      } else {
        on_problem_(path, std::strerror(err), WalkProblem::kUnreadable);
      }
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      DirId id{st.st_dev, st.st_ino};
      if (!visited_.insert(id).second) {
        on_problem_(path, "directory already visited (symbolic link loop?); skipped",
                    WalkProblem::kLoop);
        return;
      }
      if (depth >= kMaxDirectoryDepth) {
        on_problem_(path, "directories nested too deeply", WalkProblem::kUnreadable);
        return;
      }
      WalkDirectory(path, depth);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      on_problem_(path, "not a regular file", WalkProblem::kUnreadable);
      return;
    }
    on_file_(InputFile{path, static_cast<uint64_t>(st.st_size),
                       static_cast<int64_t>(st.st_mtim.tv_sec)});
  }

 private:
  void WalkDirectory(const std::string& path, int depth) {
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) {
      on_problem_(path, std::strerror(errno), WalkProblem::kUnreadable);
      return;
    }
    std::vector<std::string> names;
    while (struct dirent* e = readdir(dir)) {
      if (e->d_name[0] == '.') continue;  // ".", "..", and hidden files
      names.emplace_back(e->d_name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    std::string prefix = path;
    if (!prefix.empty() && prefix.back() != '/') prefix.push_back('/');
    for (const std::string& name : names) Visit(prefix + name, depth + 1);
  }

  const std::function<void(InputFile)>& on_file_;
  const std::function<void(const std::string&, const std::string&, WalkProblem)>& on_problem_;
  std::set<DirId> visited_;
};

}  // namespace

void WalkInputs(const std::vector<std::string>& paths,
                const std::function<void(InputFile)>& on_file,
                const std::function<void(const std::string& path, const std::string& message,
                                         WalkProblem kind)>& on_problem) {
  Walker walker(on_file, on_problem);
  for (const std::string& path : paths) walker.Visit(path, 0);
}

std::vector<InputFile> ListInputs(const std::vector<std::string>& paths,
                                  std::vector<std::string>* errors) {
  std::vector<InputFile> files;
  WalkInputs(
      paths, [&](InputFile f) { files.push_back(std::move(f)); },
      [&](const std::string& path, const std::string& message, WalkProblem) {
        if (errors != nullptr) errors->push_back(path + ": " + message);
      });
  return files;
}

}  // namespace secxref
