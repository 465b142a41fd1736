// One run as `eapscope-cli run` does it (issue 2 part 7): resolve both methods, build the
// loopback engine config from RunOptions, run it to the end, and say how it went. The CLI,
// tests and benchmarks share it; the executors come from a factory so the CLI can choose
// in-process or isolated hosts.
#pragma once

#include "common/result.h"
#include "engine/run_options.h"
#include "engine/session_engine.h"
#include "radius/udp_socket.h"

#include <functional>
#include <memory>

namespace eapscope {

using ExecutorFactory = std::function<std::unique_ptr<MethodExecutor>(Side side)>;

struct RunHooks {
    std::function<void(const Trace&)> afterStep;  // e.g. the recorder's flush (issue 4)
};

struct RunSummary {
    bool loadFailed = false;
    bool hostDied = false;  // a side's host crashed or hung: later contexts never started
    std::vector<SideOutcome> outcomes;
    /// report/exit_rules.h overallOutcome() of `outcomes`, set by settleOverall().
    std::string overall;

    void settleOverall();
};

/// The engine config for a loopback run (executors filled in by the caller).
EngineConfig loopbackConfig(const RunOptions& options, const std::string& authPath,
                            const std::string& peerPath);

/// The NAS's socket to the RADIUS server `server` ("HOST:PORT") of the RadiusServer counterpart;
/// the error names the option and the problem (no secret, a bad address).
Result<std::unique_ptr<radius::UdpSocket>> connectRadiusServer(const std::string& server,
                                                               const std::string& secret);

/// Makes `config` the RADIUS server counterpart (`run --radius`, the GUI's "Counterpart: RADIUS
/// server"): EapScope is the NAS over `transport`, the peer method meets the server; the server's
/// address, secret (redacted in files) and patience go into the trace's options.
void applyRadiusServer(EngineConfig& config, radius::RadiusTransport* transport, const std::string& server,
                       const std::string& secret, std::uint32_t timeoutMs, std::uint32_t retries,
                       Trace& trace);

/// Resolves the specs (error: a spec names no method), runs the session into `trace`.
Result<RunSummary> runSession(const RunOptions& options, Trace& trace, const ExecutorFactory& factory,
                              const RunHooks& hooks = {});

/// Contexts firstContext + 1 … firstContext + count of the run `options` describes, on executors
/// of their own (one shard of `run --jobs`, engine/parallel_run.h); runSession() runs them all.
Result<RunSummary> runContextRange(const RunOptions& options, std::uint32_t firstContext, std::uint32_t count,
                                   Trace& trace, const ExecutorFactory& factory, const RunHooks& hooks = {});

}  // namespace eapscope
