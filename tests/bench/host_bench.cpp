// MD5 loopback over many contexts through the session engine (run mode), three ways in one
// run: in-process with heap tracking off (the reference), isolated hosts with the heap tracer
// (what `eapscope-cli run` does by default), and isolated hosts without the tracer (so the
// tracer's own cost shows). Target (issue 3 part 7): isolated + tracked >= half the
// in-process rate.
//   host_bench [contexts]   (default 2000 per side)
#include "engine/session_runner.h"
#include "host/host_executor.h"
#include "method/in_process_executor.h"

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace eapscope;

struct Figure {
    double seconds = 0;
    double contextsPerSecond = 0;
    std::size_t events = 0;
    std::size_t calls = 0;  // method calls (CallStart rows): one host round trip each
    std::string outcome;
};

/// The kernel's floor for one host call on this machine: a 64-byte ping-pong between two
/// processes over a socketpair (what every host call costs before any work is done).
double socketRoundTripMicros()
{
    constexpr int kRounds = 2000;
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends) != 0) {
        return 0;
    }
    char buffer[64] = {};
    const pid_t child = ::fork();
    if (child == 0) {
        for (int i = 0; i < kRounds; ++i) {
            if (::read(ends[1], buffer, sizeof buffer) <= 0 || ::write(ends[1], buffer, sizeof buffer) <= 0) {
                break;
            }
        }
        ::_exit(0);
    }
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
        if (::write(ends[0], buffer, sizeof buffer) <= 0 || ::read(ends[0], buffer, sizeof buffer) <= 0) {
            break;
        }
    }
    const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
    ::waitpid(child, nullptr, 0);
    ::close(ends[0]);
    ::close(ends[1]);
    return elapsed.count() / kRounds;
}

Figure runOnce(std::uint32_t contexts, const ExecutorFactory& factory, const std::string& method = "")
{
    RunOptions options;
    options.contexts = contexts;
    if (!method.empty()) {
        options.authSpec = method;
        options.peerSpec = method;
        options.type = 4;
    }
    options.slowMs = 1000000;  // timing noise must not add SLOW_CALL findings
    Trace trace;
    const auto start = std::chrono::steady_clock::now();
    Result<RunSummary> summary = runSession(options, trace, factory);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    Figure figure;
    figure.seconds = elapsed.count();
    figure.contextsPerSecond = contexts / figure.seconds;
    figure.events = trace.size();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        figure.calls +=
            trace.row(EventId(static_cast<std::uint32_t>(i))).kind == EventKind::CallStart ? 1 : 0;
    }
    figure.outcome = summary ? summary->overall : summary.error();
    return figure;
}

ExecutorFactory inProcess()
{
    return [](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<InProcessExecutor>(); };
}

ExecutorFactory isolated(bool heapTracking)
{
    return [heapTracking](Side) -> std::unique_ptr<MethodExecutor> {
        HostOptions options;
        options.heapTracking = heapTracking;
        return std::make_unique<HostExecutor>(options);
    };
}

/// The Windows build of md5, beside this benchmark in the build tree (bin/../lib/…).
std::string windowsMd5()
{
    char self[4096] = {};
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    const std::string exe(self, n > 0 ? static_cast<std::size_t>(n) : 0);
    return exe.substr(0, exe.rfind('/')) + "/../lib/eapscope/methods-windows/md5.dll";
}

void print(const char* label, const Figure& f)
{
    std::printf("  %-36s %9.0f contexts/s  (%.3f s, %zu events, %s)\n", label, f.contextsPerSecond, f.seconds,
                f.events, f.outcome.c_str());
}

}  // namespace

int main(int argc, char** argv)
{
    const std::uint32_t contexts = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 2000;
    std::printf("host_bench: MD5 loopback through the session engine, %u contexts per side\n", contexts);
    runOnce(50, inProcess());  // warm caches and the page cache for the host binary
    runOnce(50, isolated(true));
    const Figure local = runOnce(contexts, inProcess());
    const Figure tracked = runOnce(contexts, isolated(true));
    const Figure untracked = runOnce(contexts, isolated(false));
    runOnce(10, isolated(true), windowsMd5());  // Wine prefix and wineserver up
    const Figure windows = runOnce(contexts, isolated(true), windowsMd5());
    print("in-process, heap tracking off", local);
    print("isolated hosts, heap tracker on", tracked);
    print("isolated hosts, heap tracker off", untracked);
    print("Windows host under Wine, md5.dll", windows);
    std::printf("  ratio Windows host / Linux host (both tracked) = %.2f\n",
                windows.contextsPerSecond / tracked.contextsPerSecond);
    std::printf("  ratio isolated+tracked / in-process = %.2f   (target >= 0.50)\n",
                tracked.contextsPerSecond / local.contextsPerSecond);
    std::printf("  tracer cost: tracked / untracked host = %.2f   (1.00 = free)\n",
                tracked.contextsPerSecond / untracked.contextsPerSecond);
    // What limits the isolated rate: each method call is one synchronous round trip.
    const double roundTrip = socketRoundTripMicros();
    const double callsPerContext = static_cast<double>(tracked.calls) / contexts;
    std::printf(
        "  floor: %.1f host calls per context x %.1f us kernel socket round trip = %.0f us per context "
        "(in-process spends %.0f us per context in total)\n",
        callsPerContext, roundTrip, callsPerContext * roundTrip, 1e6 / local.contextsPerSecond);
    return 0;
}
