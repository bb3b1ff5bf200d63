// Subcommands of secxref-index. Each Register* adds one CLI11 subcommand whose callback
// stores the process exit status in *exit_code.
#ifndef SECXREF_CLI_COMMANDS_H_
#define SECXREF_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace secxref {

void RegisterExtractCommand(CLI::App& app, int* exit_code);  // extract_command.cc
void RegisterIndexCommands(CLI::App& app, int* exit_code);   // index_commands.cc: add, reindex, remove, status, compact

}  // namespace secxref

#endif  // SECXREF_CLI_COMMANDS_H_
