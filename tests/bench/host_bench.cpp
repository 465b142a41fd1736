// MD5 loopback through the session engine (run mode), each line measured over at least a
// second of work (short runs are repeated with fresh hosts and summed):
//   - in-process with heap tracking off (the reference);
//   - isolated hosts with and without the heap tracer at 300 contexts per run and at
//     `contexts` (default 10,000) per run: the tracer's cost per context must stay flat however
//     long a session has run (issue 13), so tracked ctx/s at 10,000 ≈ at 300;
//   - the same isolated run recorded through SessionRecorder (what `run --record` does) against
//     it unrecorded, run by run alternately (issue 13: >= 0.90); `host_bench --recording` runs
//     only this pair;
//   - the Windows host under Wine with md5.dll.
// Each line prints wall time and CPU time (controller / hosts), as the machine may be loaded.
//   host_bench [contexts]   (default 10000)
#include "engine/session_runner.h"
#include "host/host_executor.h"
#include "method/in_process_executor.h"
#include "store/session_recorder.h"

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace eapscope;

constexpr double kMinSeconds = 1.0;  // every line is at least this much work
constexpr std::uint32_t kShort = 300;

struct Figure {
    double seconds = 0;
    double controllerCpu = 0;  // this process
    double controllerSys = 0;  // of which in the kernel (socket calls, page faults)
    double hostCpu = 0;        // reaped children (the hosts)
    double runThreadCpu = 0;   // the thread that runs the engine (a recorder's writer thread apart)
    long faults = 0;           // the controller's minor page faults
    long preempted = 0;        // the controller's involuntary context switches (a loaded machine)
    long slept = 0;            // the controller's voluntary context switches (waits for a host)
    long hostSlept = 0;        // the same for the hosts (reaped children): waits for a request
    long hostPreempted = 0;
    std::uint64_t contexts = 0;
    std::size_t runs = 0;
    std::size_t events = 0;
    std::size_t calls = 0;  // method calls (CallStart rows): one host round trip each
    std::string outcome;
    double finishSeconds = 0;    // SessionRecorder::finish(): last flush, WAL folded in (fsync)
    std::vector<double> starts;  // seconds from the run's start to each conversation's first context
    std::vector<double> cpus;    // the controller's CPU seconds from the run's start to the same points
    [[nodiscard]] double rate() const { return seconds > 0 ? static_cast<double>(contexts) / seconds : 0; }
};

double seconds(const timeval& t)
{
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

rusage usageOf(int who)
{
    rusage usage{};
    ::getrusage(who, &usage);
    return usage;
}

double cpuSeconds(int who)
{
    const rusage usage = usageOf(who);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// The kernel's floor for one host call on this machine: a 64-byte ping-pong between two
/// processes over a socketpair (what every host call costs before any work is done).
double socketRoundTripMicros()
{
    constexpr int kRounds = 20000;
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

RunOptions optionsFor(std::uint32_t contexts, const std::string& method)
{
    RunOptions options;
    options.contexts = contexts;
    if (!method.empty()) {
        options.authSpec = method;
        options.peerSpec = method;
        options.type = 4;
    }
    options.slowMs = 1000000;  // timing noise must not add SLOW_CALL findings
    return options;
}

/// One run of `contexts` contexts, added to `figure`; recorded into `recordPath` when given.
void runOnce(Figure& figure, std::uint32_t contexts, const ExecutorFactory& factory,
             const std::string& method = "", const std::string& recordPath = "")
{
    const RunOptions options = optionsFor(contexts, method);
    Trace trace;
    const rusage self0 = usageOf(RUSAGE_SELF);
    const rusage thread0 = usageOf(RUSAGE_THREAD);
    const rusage children0 = usageOf(RUSAGE_CHILDREN);
    const auto start = std::chrono::steady_clock::now();
    RunHooks hooks;
    std::unique_ptr<SessionRecorder> recorder;
    std::vector<double> starts;
    std::vector<double> cpus;
    starts.reserve(contexts);
    cpus.reserve(contexts);
    const double cpuStart = cpuSeconds(RUSAGE_SELF);
    if (!recordPath.empty()) {
        std::filesystem::remove(recordPath);
        auto started = SessionRecorder::start(recordPath, false);
        if (!started) {
            std::fprintf(stderr, "host_bench: %s\n", started.error().c_str());
            std::exit(1);
        }
        recorder = std::move(*started);
    }
    // Both sides' contexts of a conversation begin one after the other: every second new context
    // row starts a conversation.
    hooks.afterStep = [&](const Trace& t) {
        if (t.contexts().size() > 2 * starts.size()) {
            const std::chrono::duration<double> at = std::chrono::steady_clock::now() - start;
            starts.push_back(at.count());
            cpus.push_back(cpuSeconds(RUSAGE_SELF) - cpuStart);
        }
        if (recorder) {
            (void)recorder->onStep(t);
        }
    };
    Result<RunSummary> summary = runSession(options, trace, factory, hooks);
    if (recorder) {
        const auto finishing = std::chrono::steady_clock::now();
        const Status finished = recorder->finish(trace);
        figure.finishSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - finishing).count();
        if (!finished) {
            std::fprintf(stderr, "host_bench: recording failed: %s\n", finished.error().c_str());
            std::exit(1);
        }
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    figure.seconds += elapsed.count();
    const rusage self1 = usageOf(RUSAGE_SELF);
    figure.controllerCpu +=
        seconds(self1.ru_utime) + seconds(self1.ru_stime) - seconds(self0.ru_utime) - seconds(self0.ru_stime);
    figure.controllerSys += seconds(self1.ru_stime) - seconds(self0.ru_stime);
    figure.faults += self1.ru_minflt - self0.ru_minflt;
    figure.preempted += self1.ru_nivcsw - self0.ru_nivcsw;
    figure.slept += self1.ru_nvcsw - self0.ru_nvcsw;
    const rusage children1 = usageOf(RUSAGE_CHILDREN);
    figure.hostCpu += seconds(children1.ru_utime) + seconds(children1.ru_stime) -
                      seconds(children0.ru_utime) - seconds(children0.ru_stime);
    figure.hostSlept += children1.ru_nvcsw - children0.ru_nvcsw;
    figure.hostPreempted += children1.ru_nivcsw - children0.ru_nivcsw;
    const rusage thread1 = usageOf(RUSAGE_THREAD);
    figure.runThreadCpu += seconds(thread1.ru_utime) + seconds(thread1.ru_stime) - seconds(thread0.ru_utime) -
                           seconds(thread0.ru_stime);
    figure.contexts += contexts;
    ++figure.runs;
    figure.starts = std::move(starts);
    figure.cpus = std::move(cpus);
    figure.events += trace.size();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        figure.calls +=
            trace.row(EventId(static_cast<std::uint32_t>(i))).kind == EventKind::CallStart ? 1 : 0;
    }
    const std::string outcome = summary ? summary->overall : summary.error();
    if (figure.outcome.empty()) {
        figure.outcome = outcome;
    } else if (figure.outcome != outcome) {
        figure.outcome += " / " + outcome;
    }
}

/// Runs of `contexts` contexts each, repeated until at least kMinSeconds of work.
Figure measure(std::uint32_t contexts, const ExecutorFactory& factory, const std::string& method = "",
               const std::string& recordPath = "")
{
    Figure figure;
    do {
        runOnce(figure, contexts, factory, method, recordPath);
    } while (figure.seconds < kMinSeconds);
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

void print(const std::string& label, const Figure& f)
{
    std::printf(
        "  %-44s %7.0f contexts/s  (%6llu ctx in %zu run%s, %.2f s wall, cpu %.2f s ctl + %.2f s hosts, "
        "%.0f events/ctx, %s)\n",
        label.c_str(), f.rate(), static_cast<unsigned long long>(f.contexts), f.runs, f.runs == 1 ? "" : "s",
        f.seconds, f.controllerCpu, f.hostCpu,
        f.contexts ? static_cast<double>(f.events) / static_cast<double>(f.contexts) : 0.0,
        f.outcome.c_str());
}

/// The rate over the first and over the last `window` conversations of the figure's (last)
/// run: the same hosts, no start-up, so only what grows with the session's length differs.
void earlyLate(const std::string& label, const Figure& f, std::size_t window)
{
    const std::vector<double>& t = f.starts;
    if (t.size() < 2 * window + 1) {
        return;
    }
    const double early = static_cast<double>(window) / (t[window] - t[0]);
    const double late = static_cast<double>(window) / (t.back() - t[t.size() - 1 - window]);
    std::printf(
        "  %-44s first %zu conversations %7.0f contexts/s, last %zu %7.0f contexts/s: last / first = %.2f "
        "(1.00 = flat)\n",
        label.c_str(), window, early, window, late, late / early);
    // The same windows in the controller's CPU time (a "context" of this benchmark is one per side): the
    // load of the machine changes it less than it changes the wall time.
    const std::vector<double>& c = f.cpus;
    const double earlyCpu = 1e6 * (c[window] - c[0]) / static_cast<double>(window);
    const double lateCpu = 1e6 * (c.back() - c[c.size() - 1 - window]) / static_cast<double>(window);
    std::printf(
        "  %-44s controller cpu per context: first %zu conversations %5.0f us, last %zu %5.0f us: "
        "last / first = %.2f (1.00 = flat)\n",
        label.c_str(), window, earlyCpu, window, lateCpu, lateCpu / earlyCpu);
}

/// The recorded and the unrecorded isolated run, alternated run by run until each has at least
/// kMinSeconds and kPairs runs: the load other processes put on the machine drifts within
/// seconds, and alternating spreads it over both lines instead of the one measured later.
/// `ratios` gets each pair's recorded / unrecorded rate.
struct RecordingPair {
    Figure plain, recorded;
    std::vector<double> ratios;
};

RecordingPair measureRecording(std::uint32_t contexts, const std::string& recordPath)
{
    constexpr std::size_t kPairs = 5;
    RecordingPair pair;
    while (pair.ratios.size() < kPairs || pair.plain.seconds < kMinSeconds ||
           pair.recorded.seconds < kMinSeconds) {
        Figure plain, recorded;
        runOnce(plain, contexts, isolated(true));
        runOnce(recorded, contexts, isolated(true), "", recordPath);
        pair.ratios.push_back(recorded.rate() / plain.rate());
        for (auto [into, from] : {std::pair{&pair.plain, &plain}, std::pair{&pair.recorded, &recorded}}) {
            const std::string outcome = into->outcome.empty() || into->outcome == from->outcome
                                            ? from->outcome
                                            : into->outcome + " / " + from->outcome;
            into->seconds += from->seconds;
            into->controllerCpu += from->controllerCpu;
            into->controllerSys += from->controllerSys;
            into->hostCpu += from->hostCpu;
            into->runThreadCpu += from->runThreadCpu;
            into->finishSeconds += from->finishSeconds;
            into->faults += from->faults;
            into->preempted += from->preempted;
            into->slept += from->slept;
            into->hostSlept += from->hostSlept;
            into->hostPreempted += from->hostPreempted;
            into->contexts += from->contexts;
            into->events += from->events;
            into->calls += from->calls;
            into->runs += from->runs;
            into->outcome = outcome;
        }
    }
    std::sort(pair.ratios.begin(), pair.ratios.end());
    return pair;
}

void printRatios(const RecordingPair& pair)
{
    const auto perContext = [](const Figure& f) {
        return 1e6 * f.runThreadCpu / static_cast<double>(f.contexts);
    };
    std::printf(
        "    run thread cpu per context: unrecorded %.0f us, recorded %.0f us (the writer thread apart)\n",
        perContext(pair.plain), perContext(pair.recorded));
    std::printf(
        "    finish() (the last batch, the WAL folded into the file, fsync): %.2f s of the recorded %.2f s\n",
        pair.recorded.finishSeconds, pair.recorded.seconds);
    const std::vector<double>& ratios = pair.ratios;
    std::printf("    recorded / unrecorded per alternated pair of runs (sorted):");
    for (double r : ratios) {
        std::printf(" %.2f", r);
    }
    std::printf("; median %.2f\n", ratios[ratios.size() / 2]);
}

/// The controller's own cost per context (engine, trace, checker, ledger, socket calls): what must
/// stay flat with the session's length. User and kernel time apart, with the page faults and the
/// preemptions that a loaded machine adds to the CPU time.
void controller(const std::string& label, const Figure& f)
{
    const double n = f.contexts ? static_cast<double>(f.contexts) : 1.0;
    std::printf(
        "  %-44s controller %5.0f us cpu per context (%5.0f user + %5.0f sys), %5.2f page faults, "
        "%5.2f preemptions per context\n",
        label.c_str(), 1e6 * f.controllerCpu / n, 1e6 * (f.controllerCpu - f.controllerSys) / n,
        1e6 * f.controllerSys / n, static_cast<double>(f.faults) / n, static_cast<double>(f.preempted) / n);
    // Every host call is one round trip: ideally each side sleeps at most once per call (the host
    // waiting for the request, the controller for the reply). More means wake-ups without data.
    if (f.calls > 0) {
        const double calls = static_cast<double>(f.calls);
        std::printf(
            "  %-44s context switches per call (%.1f calls per context): controller %.2f voluntary + %.2f "
            "involuntary, hosts %.2f + %.2f\n",
            "", calls / n, static_cast<double>(f.slept) / calls, static_cast<double>(f.preempted) / calls,
            static_cast<double>(f.hostSlept) / calls, static_cast<double>(f.hostPreempted) / calls);
    }
}

void ratio(const char* what, double value, const char* target)
{
    std::printf("  %-60s = %.2f   %s\n", what, value, target);
}

/// `host_bench --recording`: only the recorded / unrecorded pair, for repeating that line.
int recordingOnly()
{
    const std::string recordPath =
        (std::filesystem::temp_directory_path() / ("host_bench-" + std::to_string(::getpid()) + ".eapscope"))
            .string();
    constexpr std::uint32_t kRecorded = 2000;
    Figure warm;
    runOnce(warm, 50, isolated(true));
    const RecordingPair pair = measureRecording(kRecorded, recordPath);
    const Figure& plain = pair.plain;
    const Figure& recorded = pair.recorded;
    std::filesystem::remove(recordPath);
    print("isolated, tracker on,  2000/run, unrecorded", plain);
    print("isolated, tracker on,  2000/run, recorded", recorded);
    controller("isolated, tracker on,  2000/run, unrecorded:", plain);
    controller("isolated, tracker on,  2000/run, recorded:", recorded);
    ratio("recorded / unrecorded (2000/run)", recorded.rate() / plain.rate(), "(target >= 0.90)");
    printRatios(pair);
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::string_view(argv[1]) == "--recording") {
        return recordingOnly();
    }
    const std::uint32_t contexts = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 10000;
    if (contexts == 0) {
        std::fprintf(stderr, "usage: host_bench [contexts]   (contexts > 0, default 10000)\n");
        return 2;
    }
    const std::string longLabel = std::to_string(contexts);
    std::printf("host_bench: MD5 loopback through the session engine; every line >= %.0f s of work\n",
                kMinSeconds);
    Figure warm;
    runOnce(warm, 50, inProcess());  // warm caches and the page cache for the host binary
    runOnce(warm, 50, isolated(true));
    const Figure local = measure(2000, inProcess());
    const Figure localLong = measure(contexts, inProcess());
    const Figure tracked = measure(kShort, isolated(true));
    const Figure untracked = measure(kShort, isolated(false));
    const Figure trackedLong = measure(contexts, isolated(true));
    const Figure untrackedLong = measure(contexts, isolated(false));
    const std::string recordPath =
        (std::filesystem::temp_directory_path() / ("host_bench-" + std::to_string(::getpid()) + ".eapscope"))
            .string();
    constexpr std::uint32_t kRecorded = 2000;
    const RecordingPair pair = measureRecording(kRecorded, recordPath);
    const Figure& plain = pair.plain;
    const Figure& recorded = pair.recorded;
    const auto fileBytes = std::filesystem::file_size(recordPath);
    std::filesystem::remove(recordPath);
    Figure windowsWarm;
    runOnce(windowsWarm, 10, isolated(true), windowsMd5());  // Wine prefix and wineserver up
    constexpr std::uint32_t kWindows = 100;                  // Wine is slow to start: fewer contexts per run
    const Figure windows = measure(kWindows, isolated(true), windowsMd5());

    print("in-process, heap tracking off (2000/run)", local);
    print("in-process, heap tracking off (" + longLabel + "/run)", localLong);
    print("isolated, tracker on,  300/run", tracked);
    print("isolated, tracker off, 300/run", untracked);
    print("isolated, tracker on,  " + longLabel + "/run", trackedLong);
    print("isolated, tracker off, " + longLabel + "/run", untrackedLong);
    print("isolated, tracker on,  2000/run, unrecorded", plain);
    print("isolated, tracker on,  2000/run, recorded", recorded);
    std::printf(
        "    (the last session file: %.1f MB, %.0f bytes per event; of the recorded wall time %.2f s went to "
        "finish(): the last flush and folding the WAL into the file)\n",
        fileBytes / 1e6,
        static_cast<double>(fileBytes) / static_cast<double>(recorded.events / recorded.runs),
        recorded.finishSeconds);
    print("Windows host under Wine, md5.dll, 100/run", windows);
    controller("in-process, 2000/run:", local);
    controller("in-process, " + longLabel + "/run:", localLong);
    controller("isolated, tracker on,  300/run:", tracked);
    controller("isolated, tracker on,  " + longLabel + "/run:", trackedLong);
    controller("isolated, tracker off, 300/run:", untracked);
    controller("isolated, tracker off, " + longLabel + "/run:", untrackedLong);
    const std::size_t window = std::min<std::size_t>(1500, contexts / 3);
    earlyLate("isolated, tracker on,  " + longLabel + "/run:", trackedLong, window);
    earlyLate("isolated, tracker off, " + longLabel + "/run:", untrackedLong, window);
    ratio("isolated+tracked / in-process (300/run)", tracked.rate() / local.rate(), "(target >= 0.50)");
    ratio("tracer cost: tracked / untracked host, 300/run", tracked.rate() / untracked.rate(),
          "(target >= 0.67)");
    ratio(("tracer cost: tracked / untracked host, " + longLabel + "/run").c_str(),
          trackedLong.rate() / untrackedLong.rate(), "(target >= 0.67)");
    ratio(("tracked " + longLabel + "/run / tracked 300/run (host start-up counts more at 300)").c_str(),
          trackedLong.rate() / tracked.rate(), "(1.00 = flat)");
    ratio("recorded / unrecorded (2000/run)", recorded.rate() / plain.rate(), "(target >= 0.90)");
    printRatios(pair);
    ratio("Windows host (100/run) / Linux host (300/run), both tracked", windows.rate() / tracked.rate(), "");
    // What limits the isolated rate: each method call is one synchronous round trip.
    const double roundTrip = socketRoundTripMicros();
    const double callsPerContext = static_cast<double>(tracked.calls) / static_cast<double>(tracked.contexts);
    std::printf(
        "  floor: %.1f host calls per context x %.1f us kernel socket round trip = %.0f us per context "
        "(in-process spends %.0f us per context in total, isolated+tracked %.0f us)\n",
        callsPerContext, roundTrip, callsPerContext * roundTrip, 1e6 / local.rate(), 1e6 / tracked.rate());
    return 0;
}
