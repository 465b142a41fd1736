// store_record_helper FILE CONTEXTS: records a long synthetic run the way `run --record` does
// (SessionRecorder: a batch to the writer thread whenever its interval passed, finish at the end),
// slowly enough that a test can kill it with SIGKILL in the middle (session_kill_test.cpp).
#include "store/session_recorder.h"
#include "synthetic_trace.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s FILE CONTEXTS\n", argv[0]);
        return 2;
    }
    auto recorder = eapscope::SessionRecorder::start(argv[1], false);
    if (!recorder) {
        std::fprintf(stderr, "%s\n", recorder.error().c_str());
        return 2;
    }
    eapscope::Trace trace;
    eapscope::testing::addSyntheticHeader(trace, true);
    const long contexts = std::strtol(argv[2], nullptr, 10);
    std::uint64_t time = 1000;
    for (long n = 1; n <= contexts; ++n) {
        time = eapscope::testing::addSyntheticContext(trace, static_cast<std::uint32_t>(n), time, true);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        if (auto recorded = (*recorder)->onStep(trace); !recorded) {
            std::fprintf(stderr, "%s\n", recorded.error().c_str());
            return 3;
        }
    }
    if (auto finished = (*recorder)->finish(trace); !finished) {
        std::fprintf(stderr, "%s\n", finished.error().c_str());
        return 3;
    }
    return 0;
}
