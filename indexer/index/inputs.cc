// The parts of `add` that touch the reading stages (walk, read, segment, cite), kept apart
// from pipeline.cc so the pipeline can be tested with letters made up in the test.
#include <set>

#include "indexer/index/pipeline.h"
#include "indexer/segment/segmenter.h"

namespace secxref {

LetterSource DefaultLetterSource(const ReadLimits& limits) {
  return [limits](const std::string& path, const std::string_view* bytes, const LetterSink& sink) {
    bool wanted = true;
    DocumentSink each = [&](Document&& doc) {
      if (!wanted) return;  // stopping: let the reader run out without doing the work
      CitedLetter cited;
      std::string source = doc.source;
      std::optional<std::string> member = doc.member;
      std::string format = doc.format;
      try {
        cited = CiteLetter(SegmentLetter(std::move(doc)));
      } catch (const std::exception& e) {
        cited = CitedLetter{};
        cited.letter.document.source = source;
        cited.letter.document.member = member;
        cited.letter.document.format = format;
        cited.letter.document.error = std::string("segmenting or citing failed: ") + e.what();
      }
      wanted = sink(std::move(cited));
    };
    if (bytes) {
      ReadBytes(path, *bytes, limits, each);
    } else {
      ReadFile(path, limits, each);
    }
  };
}

std::vector<InputFile> ListShardInputs(const std::vector<std::string>& roots, uint32_t shard,
                                       uint32_t shards, std::vector<std::string>* errors,
                                       std::set<std::string>* seen) {
  std::vector<InputFile> out;
  std::set<std::string> taken;
  for (const std::string& given : roots) {
    const std::string root = AbsolutePath(given);
    for (InputFile& f : ListInputs({root}, errors)) {
      if (seen) seen->insert(f.path);
      if (!taken.insert(f.path).second) continue;
      std::string_view rel = f.path;
      if (rel.size() > root.size() && rel.compare(0, root.size(), root) == 0 && rel[root.size()] == '/') {
        rel.remove_prefix(root.size() + 1);
      } else if (size_t slash = rel.find_last_of('/'); slash != std::string_view::npos) {
        rel.remove_prefix(slash + 1);
      }
      if (shards > 1 && ShardOf(rel, shards) != shard) continue;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace secxref
