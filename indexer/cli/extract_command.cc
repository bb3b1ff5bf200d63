// secxref-index extract: read, segment and cite each input; print JSON; touch no index.
#include <cstdio>
#include <string>
#include <vector>

#include "indexer/cli/commands.h"
#include "indexer/extract/cited_letter.h"
#include "indexer/extract/letter_json.h"
#include "indexer/read/reader.h"
#include "indexer/segment/segmenter.h"

namespace secxref {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  bool text = false;
};

int RunExtract(const ExtractArgs& args) {
  const Grammar& grammar = Grammar::Default();
  bool any_failed = false;
  bool first = true;
  const bool array = args.format == "json";
  if (array) std::fputs("[\n", stdout);
  LetterJsonOptions json_options;
  json_options.include_text = args.text;
  ReadPaths(args.paths, ReadLimits{}, [&](Document&& doc) {
    if (!doc.error.empty()) any_failed = true;
    CitedLetter cited = CiteLetter(SegmentLetter(std::move(doc)), grammar);
    std::string line = LetterToJson(cited, json_options)
                           .dump(array ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (array && !first) std::fputs(",\n", stdout);
    std::fwrite(line.data(), 1, line.size(), stdout);
    if (!array) std::fputc('\n', stdout);
    first = false;
  }, [](const std::string& skipped) {
    std::fprintf(stderr, "secxref-index: %s\n", skipped.c_str());
  });
  if (array) std::fputs("\n]\n", stdout);
  std::fflush(stdout);
  return any_failed ? 1 : 0;
}

}  // namespace

void RegisterExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Print the letters and citations found in PATHs as JSON (no index is touched)");
  cmd->add_option("paths", args->paths, "Files, directories, archives, EDGAR submissions")
      ->required();
  cmd->add_option("--format", args->format, "jsonl (one object per line) or json (an array)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_flag("--text", args->text, "Include the extracted text the offsets point into");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace secxref
