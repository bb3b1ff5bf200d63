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

// Walks real directories first and follows symbolic links to directories afterwards, so a
// directory reachable both ways is read once under its real path, and links back up the
// tree (loops) are skipped.
class Walker {
 public:
  Walker(const std::function<void(InputFile)>& on_file,
         const std::function<void(const std::string&, const std::string&, WalkProblem)>& on_problem)
      : on_file_(on_file), on_problem_(on_problem) {}

  void WalkRoot(const std::string& path) {
    Visit(path, 0, /*via_link=*/false);
    // Linked directories, in the order met; walking one may queue more.
    for (size_t i = 0; i < linked_.size(); ++i) {
      auto [link, depth] = linked_[i];
      Visit(link, depth, /*via_link=*/false, /*follow=*/true);
    }
    linked_.clear();
  }

 private:
  void Visit(const std::string& path, int depth, bool via_link, bool follow = false) {
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
      if (via_link && !follow) {
        linked_.emplace_back(path, depth);
        return;
      }
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

  void WalkDirectory(const std::string& path, int depth) {
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) {
      on_problem_(path, std::strerror(errno), WalkProblem::kUnreadable);
      return;
    }
    std::vector<std::pair<std::string, bool>> names;  // name, is a symbolic link
    while (struct dirent* e = readdir(dir)) {
      if (e->d_name[0] == '.') continue;  // ".", "..", and hidden files
      names.emplace_back(e->d_name, e->d_type == DT_LNK);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    std::string prefix = path;
    if (!prefix.empty() && prefix.back() != '/') prefix.push_back('/');
    for (const auto& [name, link] : names) {
      std::string child = prefix + name;
      bool is_link = link;
      if (!link) {
        // d_type may be DT_UNKNOWN on some file systems.
        struct stat lst;
        is_link = lstat(child.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
      }
      Visit(child, depth + 1, is_link);
    }
  }

  const std::function<void(InputFile)>& on_file_;
  const std::function<void(const std::string&, const std::string&, WalkProblem)>& on_problem_;
  std::set<DirId> visited_;
  std::vector<std::pair<std::string, int>> linked_;
};

}  // namespace

void WalkInputs(const std::vector<std::string>& paths,
                const std::function<void(InputFile)>& on_file,
                const std::function<void(const std::string& path, const std::string& message,
                                         WalkProblem kind)>& on_problem) {
  Walker walker(on_file, on_problem);
  for (const std::string& path : paths) walker.WalkRoot(path);
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
