// Where an index lives, and how a rebuilt one replaces it without readers ever seeing a
// half-built database.
//
// The --db path (else $SECXREF_DB, else $XDG_DATA_HOME/secxref/db, else
// ~/.local/share/secxref/db) is normally a directory holding a Xapian stub file XAPIANDB,
// "auto glass.N", and the glass database glass.N beside it. `reindex` and `compact` build
// glass.N+1 next to it, then rename a new stub over XAPIANDB: one atomic rename switches
// every new reader over, and readers already open keep their files. The path may also be a
// stub file naming one local database (the new generation goes next to that database and the
// stub file is renamed over), or a plain glass directory (swapped by two renames, which is
// not atomic; `reindex` says so). Stubs naming several databases (shards, remote servers) are
// for reading only.
#ifndef SECXREF_INDEX_DB_LOCATION_H_
#define SECXREF_INDEX_DB_LOCATION_H_

#include <cstdint>
#include <string>
#include <vector>

namespace secxref {

// `flag` if not empty, else $SECXREF_DB, else the per-user data directory.
std::string ResolveDbPath(const std::string& flag);

class IndexLocation {
 public:
  enum class Layout {
    kMissing,   // nothing there yet
    kStubDir,   // directory with XAPIANDB
    kStubFile,  // a stub file with one local database
    kPlain,     // a glass directory
    kMulti,     // a stub naming several or remote databases: read-only
  };

  // Inspects `path` (nothing is created). Throws std::runtime_error for a path that exists
  // but is not an index location (a non-empty directory of something else, a bad stub).
  explicit IndexLocation(std::string path);

  const std::string& path() const { return path_; }
  Layout layout() const { return layout_; }
  // The glass directory in use; "" when missing. Throws for kMulti.
  std::string Database() const;
  // Creates the stub directory and its first generation if the location is missing.
  // Returns Database().
  std::string CreateIfMissing();
  // A fresh, not yet existing directory for the next generation.
  std::string NewGeneration() const;
  // Switches the location to `generation` (a complete database directory, synced). Returns
  // the directory that was in use, which the caller removes when it no longer needs it.
  std::string SwapIn(const std::string& generation);
  // Generation directories in a stub directory other than the one in use (left over by a
  // rebuild that was killed).
  std::vector<std::string> StaleGenerations() const;

 private:
  void Inspect();
  std::string path_;
  Layout layout_ = Layout::kMissing;
  std::string database_;  // absolute
};

// Writes `content` to `path` (replacing it) and fsyncs the file; throws std::runtime_error.
void WriteFileSynced(const std::string& path, const std::string& content);
// fsyncs one file or directory (a directory: the names in it), quietly: a path that cannot be
// opened is skipped, a failed fsync ignored.
void SyncPath(const std::string& path, bool directory);
// fsyncs a directory's names (a file created, renamed or removed in it); throws
// std::runtime_error when that fails.
void SyncDirectoryNames(const std::string& dir);
// fsyncs every file in `dir` and the directory itself: a database written with DB_NO_SYNC is
// made durable once (before a rebuild is swapped in, or as `add --sync end` closes). Throws
// std::runtime_error when a file's fsync fails.
void SyncDirectory(const std::string& dir);
// Bytes used by the files under `dir`.
uint64_t DirectorySize(const std::string& dir);
// rm -rf.
void RemoveTree(const std::string& dir);

}  // namespace secxref

#endif  // SECXREF_INDEX_DB_LOCATION_H_
