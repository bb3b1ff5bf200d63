// Internal to indexer/read: walks files and directories for ListInputs and ReadPaths.
#ifndef SECXREF_READ_INPUT_WALKER_H_
#define SECXREF_READ_INPUT_WALKER_H_

#include <functional>
#include <string>
#include <vector>

#include "indexer/read/reader.h"

namespace secxref {

enum class WalkProblem {
  kUnreadable,  // cannot stat/open, not a regular file, nested too deep
  kLoop,        // a directory already visited (symlink loop or second link): skipped
};

// Calls on_file for each regular file under `paths`: each given path depth first, entries of
// a directory in byte order of their names; then the directories reached through symbolic
// links under it, in the order met. A directory is entered once (by device and inode), so
// it is read under its real path when it has one, and links back up the tree (loops) are
// skipped and reported as kLoop. Names starting with '.' inside walked directories are
// skipped (given paths are always taken).
void WalkInputs(const std::vector<std::string>& paths,
                const std::function<void(InputFile)>& on_file,
                const std::function<void(const std::string& path, const std::string& message,
                                         WalkProblem kind)>& on_problem);

}  // namespace secxref

#endif  // SECXREF_READ_INPUT_WALKER_H_
