// One run as `eapscope-cli run` does it (issue 2 part 7): resolve both methods, build the
// loopback engine config from RunOptions, run it to the end, and say how it went. The CLI,
// tests and benchmarks share it; the executors come from a factory so the CLI can choose
// in-process or isolated hosts.
#pragma once

#include "common/result.h"
#include "engine/run_options.h"
#include "engine/session_engine.h"

#include <functional>
#include <memory>

namespace eapscope {

using ExecutorFactory = std::function<std::unique_ptr<MethodExecutor>(Side side)>;

struct RunHooks {
    std::function<void(const Trace&)> afterStep;  // e.g. the recorder's flush (issue 4)
};

struct RunSummary {
    bool loadFailed = false;
    std::vector<SideOutcome> outcomes;
    /// report/exit_rules.h overallOutcome() of `outcomes`.
    std::string overall;
};

/// The engine config for a loopback run (executors filled in by the caller).
EngineConfig loopbackConfig(const RunOptions& options, const std::string& authPath,
                            const std::string& peerPath);

/// Resolves the specs (error: a spec names no method), runs the session into `trace`.
Result<RunSummary> runSession(const RunOptions& options, Trace& trace, const ExecutorFactory& factory,
                              const RunHooks& hooks = {});

}  // namespace eapscope
