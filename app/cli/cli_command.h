// How eapscope-cli's subcommands plug into main(): each command file registers its CLI11
// subcommand and, when it runs, stores its exit code (DESIGN.md "Command line": 0 no error
// findings, 1 error findings, 2 usage or load error, 3 internal error, 4 outcome differs from
// --expect).
#pragma once

#include <CLI/CLI.hpp>

namespace eapscope::cli {

enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2, kExitInternal = 3, kExitExpect = 4 };

/// Set by the subcommand that ran.
struct CommandResult {
    int exitCode = kExitOk;
};

void registerMethodsCommand(CLI::App& app, CommandResult& result);
void registerRunCommand(CLI::App& app, CommandResult& result);
void registerInspectCommand(CLI::App& app, CommandResult& result);
void registerExportCommand(CLI::App& app, CommandResult& result);
void registerCaptureCommands(CLI::App& app, CommandResult& result);  // import, replay, inspect CAPTURE
void registerLessonCommand(CLI::App& app, CommandResult& result);    // lesson list|verify|check|draft
void registerServeCommand(CLI::App& app, CommandResult& result);

}  // namespace eapscope::cli
