// secxref-index add | reindex | remove | status | compact: the commands that write (or
// report on) the index. The work is in indexer/index/; this file parses options, resolves the
// database location, reports progress and errors, and turns outcomes into exit statuses:
// 0 all done, 1 something (a file, a source) failed and the rest was done, 2 nothing was done
// (bad usage, busy or unusable index), 128+signal when interrupted after a clean commit.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/cli/commands.h"
#include "indexer/cli/progress.h"
#include "indexer/index/db_location.h"
#include "indexer/index/index_status.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_document.h"
#include "indexer/index/maintenance.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/schema.h"
#include "indexer/index/writer_pid.h"

namespace secxref {
namespace {

// SIGINT/SIGTERM: the first asks the run to stop after the chunk in hand (the writer then
// commits and the process exits with 128+signal); a second one exits at once, which is safe
// too: the index keeps its last commit.
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

void OnSignal(int sig) {
  if (g_stop.exchange(true)) _exit(128 + sig);
  g_signal = sig;
  static const char kMsg[] = "\nsecxref-index: stopping after the current batch (again to quit now)\n";
  ssize_t ignored = write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
  (void)ignored;
}

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

void Say(const std::string& line) { std::fprintf(stderr, "secxref-index: %s\n", line.c_str()); }

struct CommonArgs {
  std::string db;
  unsigned jobs = 0;
  size_t batch = 1000;
  size_t batch_mb = 32;
  bool no_progress = false;
};

void AddDbOption(CLI::App* cmd, CommonArgs* a) {
  cmd->add_option("--db", a->db,
                  "Index location (default: $SECXREF_DB, else $XDG_DATA_HOME/secxref/db or "
                  "~/.local/share/secxref/db)");
}

void AddWriteOptions(CLI::App* cmd, CommonArgs* a) {
  cmd->add_option("-j,--jobs", a->jobs, "Reader threads (default: one per core)");
  cmd->add_option("--batch", a->batch, "Documents per commit (default 1000)")->check(CLI::PositiveNumber);
  cmd->add_option("--batch-mb", a->batch_mb, "...or megabytes of text and data per commit (default 32)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--no-progress", a->no_progress, "No progress bar, even on a terminal");
}

WriterOptions MakeWriterOptions(const CommonArgs& a) {
  WriterOptions w;
  w.batch_docs = a.batch;
  w.batch_bytes = a.batch_mb << 20;
  return w;
}

PipelineOptions MakePipelineOptions(const CommonArgs& a) {
  PipelineOptions p;
  p.jobs = a.jobs;
  return p;
}

std::string Count(uint64_t n, const char* what) { return std::to_string(n) + " " + what; }

std::string Summary(const PipelineStats& s, uint64_t pruned, double secs) {
  std::string line = Count(s.letters, "letters") + ", " + Count(s.comments, "comments") + ", " +
                     Count(s.citations, "citations") + ", " + Count(s.skipped, "skipped") + ", " +
                     Count(s.failed, "failed");
  if (pruned) line += ", " + Count(pruned, "pruned");
  char tail[160];
  std::snprintf(tail, sizeof tail, " (%llu files, %s in %.1f s: %.1f letters/s, %.2f MB/s)",
                static_cast<unsigned long long>(s.files_done), HumanBytes(s.bytes_done).c_str(), secs,
                static_cast<double>(s.letters) / std::max(secs, 1e-3),
                static_cast<double>(s.bytes_done) / 1e6 / std::max(secs, 1e-3));
  return line + tail;
}

std::string LastRun(const char* command, const PipelineStats& s, uint64_t pruned, double secs) {
  nlohmann::ordered_json j;
  j["time"] = IsoTimeNow();
  j["command"] = command;
  j["files"] = s.files_done;
  j["letters"] = s.letters;
  j["comments"] = s.comments;
  j["citations"] = s.citations;
  j["skipped"] = s.skipped;
  j["failed"] = s.failed;
  j["pruned"] = pruned;
  j["seconds"] = secs;
  j["interrupted"] = s.stopped;
  return j.dump();
}

// The writer checks the whole index after an unfinished `add --sync end`: minutes on a big
// one, so say why nothing seems to happen.
void SayIfChecking(const std::string& database, const std::string& path) {
  if (!database.empty() && IndexWriter::SyncPending(database))
    Say("an `add --sync end` run on " + path + " did not finish (or is running): checking the index first");
}

// Opens the location for writing, creating it if needed.
std::string OpenLocationForWriting(const std::string& flag, IndexLocation** out_location,
                             std::unique_ptr<IndexLocation>* holder) {
  *holder = std::make_unique<IndexLocation>(ResolveDbPath(flag));
  *out_location = holder->get();
  return (*holder)->CreateIfMissing();
}

// --- add ---------------------------------------------------------------------------------

struct AddArgs {
  CommonArgs common;
  std::vector<std::string> paths;
  bool prune = false;
  bool rehash = false;
  std::string shard;
  std::string sync = "commit";
};

bool ParseShard(const std::string& spec, uint32_t* k, uint32_t* n) {
  unsigned a = 0, b = 0;
  char extra = 0;
  if (std::sscanf(spec.c_str(), "%u/%u%c", &a, &b, &extra) != 2 || b == 0 || a == 0 || a > b) return false;
  *k = a - 1;
  *n = b;
  return true;
}

int RunAdd(const AddArgs& args) {
  uint32_t shard = 0, shards = 0;
  if (!args.shard.empty() && !ParseShard(args.shard, &shard, &shards)) {
    Say("--shard wants K/N with 1 <= K <= N, e.g. --shard 2/4");
    return 2;
  }
  if (args.paths.empty() && !args.prune) {
    Say("add: no PATH given");
    return 2;
  }
  std::unique_ptr<IndexLocation> holder;
  IndexLocation* location = nullptr;
  std::unique_ptr<IndexWriter> writer;
  try {
    std::string dir = OpenLocationForWriting(args.common.db, &location, &holder);
    WriterOptions writer_options = MakeWriterOptions(args.common);
    writer_options.sync_at_close = args.sync == "end";
    SayIfChecking(dir, location->path());
    writer = std::make_unique<IndexWriter>(dir, writer_options);
  } catch (const IndexLockedError&) {
    Say(IndexBusyMessage(location ? location->path() : args.common.db, location ? location->Database() : ""));
    return 2;
  } catch (const SchemaMismatchError& e) {
    Say(e.what());
    return 2;
  } catch (const IndexDamagedError& e) {
    Say(e.what());
    return 2;
  }
  const std::string shard_spec = shards ? std::to_string(shard + 1) + "/" + std::to_string(shards) : "";
  const std::string recorded_shard = DatabaseShard(writer->db());
  if (recorded_shard != shard_spec && (writer->db().get_doccount() > 0 || !recorded_shard.empty())) {
    Say("index " + location->path() + " holds " +
        (recorded_shard.empty() ? std::string("all inputs") : "shard " + recorded_shard) + ", not " +
        (shard_spec.empty() ? std::string("all inputs") : "shard " + shard_spec) +
        ": shards must not overlap (use the same --shard, or another --db)");
    return 2;
  }
  SetDatabaseShard(writer->db(), shard_spec);

  InstallSignalHandlers();
  Progress progress(!args.common.no_progress && isatty(STDERR_FILENO));
  std::vector<std::string> walk_errors;
  std::set<std::string> seen;
  std::vector<InputFile> files;
  if (!args.paths.empty()) files = ListShardInputs(args.paths, shard, shards, &walk_errors, &seen);
  for (const std::string& e : walk_errors) progress.Message("secxref-index: " + e);

  PipelineOptions options = MakePipelineOptions(args.common);
  options.rehash = args.rehash;
  Pipeline pipeline(writer.get(), DefaultLetterSource(ReadLimits{}), options);
  PipelineStats stats;
  try {
    stats = pipeline.Run(
        files, g_stop, [&](const std::string& e) { progress.Message("secxref-index: " + e); },
        [&](const PipelineStats& s) { progress.Update(s); });
  } catch (const Xapian::Error& e) {
    progress.Finish();
    Say("writing the index failed: " + e.get_description() + " (the index keeps its last commit)");
    return 2;
  }
  stats.failed += walk_errors.size();

  uint64_t pruned = 0;
  if (args.prune && !stats.stopped) {
    for (const SourceRecord& gone : GoneSources(writer->Records(), args.paths, seen)) {
      pruned += writer->RemoveSource(gone);
    }
  }
  const double secs = progress.Seconds();
  writer->SetMetadata(schema::kMetaLastRun, LastRun("add", stats, pruned, secs));
  const std::string after_failure = args.sync == "end"
                                        ? " (the index keeps its last commit; the next run checks it first)"
                                        : " (the index keeps its last commit)";
  try {
    writer->Close();
  } catch (const Xapian::Error& e) {
    progress.Finish();
    Say("writing the index failed: " + e.get_description() + after_failure);
    return 2;
  } catch (const std::exception& e) {  // a failed commit before, or the final fsync
    progress.Finish();
    Say(std::string("closing the index failed: ") + e.what() + after_failure);
    return 2;
  }
  writer.reset();
  progress.Finish();

  if (stats.stopped) {
    std::printf("secxref-index: interrupted; committed %s\n", Summary(stats, pruned, secs).c_str());
    return 128 + g_signal.load();
  }
  if (stats.letters == 0 && pruned == 0 && stats.failed == 0) {
    std::printf("secxref-index: nothing to do: %llu files unchanged (%s)\n",
                static_cast<unsigned long long>(stats.skipped), location->path().c_str());
  } else {
    std::printf("secxref-index: %s\n", Summary(stats, pruned, secs).c_str());
  }
  return stats.failed ? 1 : 0;
}

// --- reindex -----------------------------------------------------------------------------

int RunReindex(const CommonArgs& args) {
  IndexLocation location(ResolveDbPath(args.db));
  if (location.layout() == IndexLocation::Layout::kMissing) {
    Say("no index at " + location.path());
    return 2;
  }
  if (location.layout() == IndexLocation::Layout::kPlain)
    Say("note: " + location.path() + " is a plain database directory: it is swapped by two renames, "
        "not atomically; a stub directory (the default layout) avoids that");
  SayIfChecking(location.Database(), location.path());
  InstallSignalHandlers();
  Progress progress(!args.no_progress && isatty(STDERR_FILENO));
  ReindexResult result;
  try {
    result = Reindex(
        location, DefaultLetterSource(ReadLimits{}), MakePipelineOptions(args), MakeWriterOptions(args), g_stop,
        [&](const std::string& e) { progress.Message("secxref-index: " + e); },
        [&](const PipelineStats& s) { progress.Update(s); });
  } catch (const IndexLockedError&) {
    progress.Finish();
    Say(IndexBusyMessage(location.path(), location.Database()));
    return 2;
  } catch (const IndexDamagedError& e) {
    progress.Finish();
    Say(e.what());
    return 2;
  }
  progress.Finish();
  for (const std::string& m : result.missing)
    Say(m + ": no longer exists; its letters are not in the rebuilt index");
  const double secs = progress.Seconds();
  if (!result.swapped) {
    std::printf("secxref-index: reindex interrupted; the index is unchanged\n");
    return 128 + g_signal.load();
  }
  {
    Xapian::WritableDatabase db(result.database, Xapian::DB_OPEN);
    db.set_metadata(schema::kMetaLastRun, LastRun("reindex", result.stats, 0, secs));
    db.commit();
  }
  std::printf("secxref-index: rebuilt %s: %s\n", location.path().c_str(), Summary(result.stats, 0, secs).c_str());
  return (result.stats.failed || !result.missing.empty()) ? 1 : 0;
}

// --- remove ------------------------------------------------------------------------------

struct RemoveArgs {
  CommonArgs common;
  std::vector<std::string> targets;
};

// "0000000000-13-061818" or the 18 digits of an EDGAR directory name.
std::optional<std::string> AsAccession(const std::string& s) {
  std::string digits;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != '-') {
      return std::nullopt;
    }
  }
  if (digits.size() != 18) return std::nullopt;
  if (s.size() != 18 && !(s.size() == 20 && s[10] == '-' && s[13] == '-')) return std::nullopt;
  return digits.substr(0, 10) + "-" + digits.substr(10, 2) + "-" + digits.substr(12);
}

int RunRemove(const RemoveArgs& args) {
  IndexLocation location(ResolveDbPath(args.common.db));
  if (location.layout() == IndexLocation::Layout::kMissing) {
    Say("no index at " + location.path());
    return 2;
  }
  std::unique_ptr<IndexWriter> writer;
  SayIfChecking(location.Database(), location.path());
  try {
    writer = std::make_unique<IndexWriter>(location.Database(), MakeWriterOptions(args.common));
  } catch (const IndexLockedError&) {
    Say(IndexBusyMessage(location.path(), location.Database()));
    return 2;
  } catch (const IndexDamagedError& e) {
    Say(e.what());
    return 2;
  }
  int status = 0;
  uint64_t letters = 0, sources = 0;
  std::vector<SourceRecord> records = writer->Records();
  for (const std::string& target : args.targets) {
    if (std::optional<std::string> accession = AsAccession(target)) {
      size_t n = writer->RemoveAccession(*accession);
      if (n == 0) {
        Say(target + ": no letter of that accession in the index");
        status = 1;
      }
      letters += n;
      continue;
    }
    const std::string abs = AbsolutePath(target);
    size_t matched = 0;
    for (const SourceRecord& r : GoneSources(records, {abs}, {})) {
      letters += writer->RemoveSource(r);
      ++matched;
    }
    if (matched == 0) {
      Say(target + ": no source under that path in the index");
      status = 1;
    }
    sources += matched;
  }
  nlohmann::ordered_json run;
  run["time"] = IsoTimeNow();
  run["command"] = "remove";
  run["letters_removed"] = letters;
  run["sources_removed"] = sources;
  writer->SetMetadata(schema::kMetaLastRun, run.dump());
  writer->Commit();
  std::printf("secxref-index: removed %llu letters (%llu sources) from %s\n",
              static_cast<unsigned long long>(letters), static_cast<unsigned long long>(sources),
              location.path().c_str());
  return status;
}

// --- status ------------------------------------------------------------------------------

struct StatusArgs {
  CommonArgs common;
  std::string format = "text";
};

int RunStatus(const StatusArgs& args) {
  const std::string path = ResolveDbPath(args.common.db);
  IndexLocation location(path);
  if (location.layout() == IndexLocation::Layout::kMissing) {
    Say("no index at " + path + " (create one with `secxref-index add PATH...`)");
    return 2;
  }
  Xapian::Database db(path);
  IndexStatus s = ReadIndexStatus(db);
  std::string database = location.layout() == IndexLocation::Layout::kMulti ? "" : location.Database();
  uint64_t size = database.empty() ? 0 : DirectorySize(database);
  std::vector<std::string> stale = location.StaleGenerations();
  const bool sync_pending = !database.empty() && IndexWriter::SyncPending(database);
  if (args.format == "json") {
    nlohmann::ordered_json j;
    j["path"] = path;
    j["database"] = database;
    j["schema"] = s.schema_version;
    j["current_schema"] = std::to_string(schema::kSchemaVersion);
    j["extractor"] = s.extractor_version;
    j["current_extractor"] = ExtractorVersion();
    j["created"] = s.created;
    j["documents"] = s.documents;
    j["letters"] = s.letters;
    j["comments"] = s.comments;
    j["citations"] = s.citations;
    j["citation_ids"] = s.citation_ids;
    j["sources"] = s.sources;
    j["sources_failed"] = s.sources_failed;
    j["sources_pending"] = s.sources_pending;
    j["sources_outdated"] = s.sources_outdated;
    j["bytes"] = size;
    j["shard"] = s.shard;
    j["sync_pending"] = sync_pending;
    j["last_run"] = s.last_run.empty() ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json::parse(s.last_run, nullptr, false);
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("index:      %s%s\n", path.c_str(), database.empty() || database == path ? "" : (" -> " + database).c_str());
  std::printf("schema:     %s (this secxref-index writes %d)\n", s.schema_version.c_str(), schema::kSchemaVersion);
  std::printf("extractor:  %s%s\n", s.extractor_version.c_str(),
              s.extractor_version == ExtractorVersion() ? "" : (" (this secxref-index: " + ExtractorVersion() + ")").c_str());
  std::printf("letters:    %llu\n", static_cast<unsigned long long>(s.letters));
  std::printf("comments:   %llu (%llu documents)\n", static_cast<unsigned long long>(s.comments),
              static_cast<unsigned long long>(s.documents));
  std::printf("citations:  %llu mentions of %llu distinct ids\n", static_cast<unsigned long long>(s.citations),
              static_cast<unsigned long long>(s.citation_ids));
  std::printf("sources:    %llu files (%llu failed, %llu interrupted, %llu from an older extractor)\n",
              static_cast<unsigned long long>(s.sources), static_cast<unsigned long long>(s.sources_failed),
              static_cast<unsigned long long>(s.sources_pending), static_cast<unsigned long long>(s.sources_outdated));
  // Everything above comes from one snapshot (ReadIndexStatus): reading `db` again here could
  // meet a writer's commit.
  if (!s.shard.empty()) std::printf("shard:      %s\n", s.shard.c_str());
  std::printf("created:    %s\n", s.created.c_str());
  std::printf("last run:   %s\n", s.last_run.empty() ? "never" : s.last_run.c_str());
  std::printf("size:       %s on disk\n", HumanBytes(size).c_str());
  if (!stale.empty())
    std::printf("leftovers:  %zu generation(s) of an interrupted rebuild (reindex/compact clears them)\n", stale.size());
  if (sync_pending)
    std::printf("sync:       an `add --sync end` run is open or did not finish: its commits may not be on "
                "the disk yet; the next writer checks the index first\n");
  if (s.sources_outdated)
    std::printf("note:       run `secxref-index reindex` (or `add` again) to re-extract with this version\n");
  return 0;
}

// --- compact -----------------------------------------------------------------------------

int RunCompact(const CommonArgs& args) {
  IndexLocation location(ResolveDbPath(args.db));
  if (location.layout() == IndexLocation::Layout::kMissing) {
    Say("no index at " + location.path());
    return 2;
  }
  uint64_t before = DirectorySize(location.Database());
  std::string now;
  SayIfChecking(location.Database(), location.path());
  try {
    now = Compact(location);
  } catch (const IndexLockedError&) {
    Say(IndexBusyMessage(location.path(), location.Database()));
    return 2;
  } catch (const IndexDamagedError& e) {
    Say(e.what());
    return 2;
  }
  std::printf("secxref-index: compacted %s: %s -> %s\n", location.path().c_str(), HumanBytes(before).c_str(),
              HumanBytes(DirectorySize(now)).c_str());
  return 0;
}

}  // namespace

void RegisterIndexCommands(CLI::App& app, int* exit_code) {
  {
    auto args = std::make_shared<AddArgs>();
    CLI::App* cmd = app.add_subcommand("add", "Index letters in PATHs (files, trees, archives, EDGAR submissions)");
    cmd->add_option("paths", args->paths, "Files and directories to index");
    AddDbOption(cmd, &args->common);
    AddWriteOptions(cmd, &args->common);
    cmd->add_flag("--prune", args->prune,
                  "Also drop letters whose files are gone (under PATHs; with no PATH, anywhere)");
    cmd->add_flag("--rehash", args->rehash, "Hash every file, even those whose size and mtime are unchanged");
    cmd->add_option("--shard", args->shard, "Index only slice K of N (by hash of each file's relative path)");
    cmd->add_option("--sync", args->sync,
                    "When commits reach the disk: commit (each is fsynced: the default) or end (one fsync "
                    "of the whole index when the run ends; much faster on a big index; if the machine "
                    "goes down during the run, the next run checks the index first)")
        ->check(CLI::IsMember({"commit", "end"}));
    cmd->callback([args, exit_code] { *exit_code = RunAdd(*args); });
  }
  {
    auto args = std::make_shared<CommonArgs>();
    CLI::App* cmd = app.add_subcommand("reindex", "Rebuild the index from its recorded sources and swap it in");
    AddDbOption(cmd, args.get());
    AddWriteOptions(cmd, args.get());
    cmd->callback([args, exit_code] { *exit_code = RunReindex(*args); });
  }
  {
    auto args = std::make_shared<RemoveArgs>();
    CLI::App* cmd = app.add_subcommand("remove", "Remove the letters of source PATHs or of ACCESSION numbers");
    cmd->add_option("targets", args->targets, "Source paths (files or directories) or accession numbers")->required();
    AddDbOption(cmd, &args->common);
    cmd->callback([args, exit_code] { *exit_code = RunRemove(*args); });
  }
  {
    auto args = std::make_shared<StatusArgs>();
    CLI::App* cmd = app.add_subcommand("status", "Counts, sources, last run, size and schema of the index");
    AddDbOption(cmd, &args->common);
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([args, exit_code] { *exit_code = RunStatus(*args); });
  }
  {
    auto args = std::make_shared<CommonArgs>();
    CLI::App* cmd = app.add_subcommand("compact", "Compact the index (as xapian-compact) and swap it in");
    AddDbOption(cmd, args.get());
    cmd->callback([args, exit_code] { *exit_code = RunCompact(*args); });
  }
}

}  // namespace secxref
