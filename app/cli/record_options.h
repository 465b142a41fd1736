// `run --record FILE [--keep-secrets]` (issue 4 parts 2, 3, 5): the recorder behind run's
// hooks. One recording per process, started by recordHook() and completed by finishRecording().
#pragma once

#include "engine/run_options.h"
#include "trace/trace.h"

#include <CLI/CLI.hpp>

#include <functional>

namespace eapscope::cli {

void addRecordOptions(CLI::App* cmd, RunOptions& options);

/// Starts recording to options.recordPath (nothing when empty) and returns the after-step hook
/// that flushes at least every 250 ms. A file that cannot be created ends the process with
/// exit code 2 and a message naming it.
std::function<void(const Trace&)> recordHook(const RunOptions& options);

/// Final flush and the complete mark; a failure is reported on stderr.
void finishRecording(const Trace& trace);

}  // namespace eapscope::cli
