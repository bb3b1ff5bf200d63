// Who is writing an index: the process holding a glass database's write lock. Xapian 1.4 locks
// <db>/flintlock with an open-file-description lock, which records no PID (/proc/locks shows
// -1), so the holder is found as the process that has that file open (Linux /proc). Used
// only to word the "index is being written" message; never to decide anything.
#ifndef SECXREF_INDEX_WRITER_PID_H_
#define SECXREF_INDEX_WRITER_PID_H_

#include <optional>
#include <string>

namespace secxref {

// The PID of a process (not this one) with <glass_dir>/flintlock open, if one can be seen.
std::optional<long> WriterPid(const std::string& glass_dir);

// "index PATH is being written by another process (PID 1234: secxref-index add ...); try
// again when it has finished". Without a visible holder, no parenthesis.
std::string IndexBusyMessage(const std::string& shown_path, const std::string& glass_dir);

}  // namespace secxref

#endif  // SECXREF_INDEX_WRITER_PID_H_
