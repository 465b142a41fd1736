// How eapscope-cli's subcommands plug into main(): each command file registers its CLI11
// subcommand and, when it runs, stores its exit code (core/report/exit_rules.h).
#pragma once

#include "report/exit_rules.h"

#include <CLI/CLI.hpp>

namespace eapscope::cli {

using eapscope::ExitCode;
using eapscope::kExitExpect;
using eapscope::kExitFindings;
using eapscope::kExitInternal;
using eapscope::kExitOk;
using eapscope::kExitUsage;

/// Set by the subcommand that ran.
struct CommandResult {
    int exitCode = kExitOk;
};

/// `--jobs N` of run and replay: a whole number from 1 to 256; anything else is refused naming it.
CLI::Validator jobsValidator();

void registerMethodsCommand(CLI::App& app, CommandResult& result);
void registerRunCommand(CLI::App& app, CommandResult& result);
void registerInspectCommand(CLI::App& app, CommandResult& result);
void registerExportCommand(CLI::App& app, CommandResult& result);
void registerCaptureCommands(CLI::App& app, CommandResult& result);  // import, replay, inspect CAPTURE
void registerLessonCommand(CLI::App& app, CommandResult& result);    // lesson list|verify|check|draft
void registerServeCommand(CLI::App& app, CommandResult& result);

}  // namespace eapscope::cli
