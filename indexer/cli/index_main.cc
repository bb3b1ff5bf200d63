// secxref-index: reads letters, extracts citations, writes the index.
#include <xapian.h>

#include <cstdio>
#include <exception>

#include "indexer/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"secxref-index: index SEC comment letters by the standards they cite"};
  app.require_subcommand(1);
  int exit_code = 0;
  secxref::RegisterExtractCommand(app, &exit_code);
  secxref::RegisterIndexCommands(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const Xapian::Error& e) {  // not a std::exception
    std::fprintf(stderr, "secxref-index: %s\n", e.get_description().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secxref-index: %s\n", e.what());
    return 2;
  }
  return exit_code;
}
