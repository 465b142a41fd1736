#include "run_executors.h"

#include "method/in_process_executor.h"

namespace eapscope::cli {

void addExecutorOptions(CLI::App* cmd, RunOptions& options)
{
    cmd->add_option("--slow-ms", options.slowMs, "SLOW_CALL threshold in ms")->capture_default_str();
}

ExecutorFactory executorFactory(const RunOptions& /*options*/)
{
    return [](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<InProcessExecutor>(); };
}

RunHooks runHooks(const RunOptions& /*options*/)
{
    return {};
}

void finishHooks(const RunOptions& /*options*/, const Trace& /*trace*/)
{
}

}  // namespace eapscope::cli
