// Where `run` gets its executors and what it does around the run: the in-process executor
// until the isolated host is the default (issue 3 part 1), and the recorder (issue 4).
// The host and store engineers add their options and hooks here.
#pragma once

#include "engine/run_options.h"
#include "engine/session_runner.h"

#include <CLI/CLI.hpp>

namespace eapscope::cli {

void addExecutorOptions(CLI::App* cmd, RunOptions& options);
ExecutorFactory executorFactory(const RunOptions& options);
RunHooks runHooks(const RunOptions& options);
void finishHooks(const RunOptions& options, const Trace& trace);

}  // namespace eapscope::cli
