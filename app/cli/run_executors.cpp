#include "run_executors.h"

#include "record_options.h"

#include "host/host_executor.h"
#include "method/in_process_executor.h"

namespace eapscope::cli {

void addExecutorOptions(CLI::App* cmd, RunOptions& options)
{
    cmd->add_option("--slow-ms", options.slowMs, "SLOW_CALL threshold in ms")->capture_default_str();
    cmd->add_option("--watchdog-ms", options.watchdogMs,
                    "HANG: kill a method call that does not return in time")
        ->capture_default_str();
    cmd->add_flag("--stacks", options.stacks, "record each allocation's call stack (function and file:line)");
    cmd->add_flag("--guard", options.guard,
                  "poison freed blocks and hold them in quarantine (USE_AFTER_END)");
    cmd->add_flag("--in-process", options.inProcess,
                  "run the methods inside this process (tests, benchmarks): no heap tracking, and a crash "
                  "of the method is a crash of eapscope-cli");
    addRecordOptions(cmd, options);
}

// Default: one isolated eapscope-host per side, so a crashing or hanging method ends only its
// host (issue 3 parts 1 and 2).
ExecutorFactory executorFactory(const RunOptions& options)
{
    if (options.inProcess) {
        return [](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<InProcessExecutor>(); };
    }
    HostOptions host;
    host.watchdogMs = options.watchdogMs;
    host.stacks = options.stacks;
    host.guard = options.guard;
    return [host](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<HostExecutor>(host); };
}

RunHooks runHooks(const RunOptions& options)
{
    return {.afterStep = recordHook(options)};
}

void finishHooks(const RunOptions& /*options*/, const Trace& trace)
{
    finishRecording(trace);
}

}  // namespace eapscope::cli
