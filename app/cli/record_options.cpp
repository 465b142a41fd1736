#include "record_options.h"

#include "cli_command.h"
#include "store/session_recorder.h"

#include <cstdlib>
#include <iostream>
#include <memory>

namespace eapscope::cli {

namespace {

bool& keepSecrets()
{
    static bool keep = false;
    return keep;
}

std::shared_ptr<SessionRecorder>& activeRecorder()
{
    static std::shared_ptr<SessionRecorder> recorder;
    return recorder;
}

}  // namespace

void addRecordOptions(CLI::App* cmd, RunOptions& options)
{
    cmd->add_option("--record", options.recordPath,
                    "write the session to FILE (.eapscope) as it runs; a killed run leaves a file that opens")
        ->type_name("FILE");
    cmd->add_flag("--keep-secrets", keepSecrets(),
                  "store passwords and key material in the session file instead of [REDACTED, N bytes]");
}

std::function<void(const Trace&)> recordHook(const RunOptions& options)
{
    if (options.recordPath.empty()) {
        return {};
    }
    auto recorder = SessionRecorder::start(options.recordPath, keepSecrets());
    if (!recorder) {
        std::cerr << "eapscope-cli run: " << recorder.error() << "\n";
        std::exit(kExitUsage);
    }
    activeRecorder() = std::move(recorder.value());
    std::shared_ptr<SessionRecorder> shared = activeRecorder();
    return [shared, reported = false](const Trace& trace) mutable {
        if (auto flushed = shared->onStep(trace); !flushed && !reported) {
            std::cerr << "eapscope-cli run: recording stopped: " << flushed.error() << "\n";
            reported = true;
        }
    };
}

void finishRecording(const Trace& trace)
{
    if (!activeRecorder()) {
        return;
    }
    if (auto finished = activeRecorder()->finish(trace); !finished) {
        std::cerr << "eapscope-cli run: the session file is incomplete: " << finished.error() << "\n";
    }
    activeRecorder().reset();
}

}  // namespace eapscope::cli
