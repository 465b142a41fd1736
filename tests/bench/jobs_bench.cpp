// How an isolated run grows from 1 to 2 jobs (issue 13, "Scale past one process"): MD5 loopback
// through runSessionJobs() with isolated hosts and the heap tracker, as `eapscope-cli run
// --jobs N` does it, on 1 and on 2 jobs side by side. Each figure repeats whole runs until at
// least a second of wall time has passed, and prints the CPU time (this process and its reaped
// hosts) beside the wall time, and the load average, because other work shares the machine.
//   jobs_bench [contexts per run] [rounds]   (default 400 contexts, 3 rounds)
#include "engine/parallel_run.h"
#include "host/host_executor.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace eapscope;

struct Figure {
    double wall = 0;
    double cpu = 0;
    std::uint64_t contexts = 0;
    std::string outcome;
    [[nodiscard]] double rate() const { return static_cast<double>(contexts) / wall; }
};

double cpuSeconds()
{
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        ::getrusage(who, &usage);
        total += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

Figure measure(std::uint32_t contexts, std::uint32_t jobs)
{
    RunOptions options;
    options.contexts = contexts;
    options.jobs = jobs;
    options.slowMs = 1000000;  // timing noise must not add SLOW_CALL findings
    const ExecutorFactory isolated = [](Side) -> std::unique_ptr<MethodExecutor> {
        return std::make_unique<HostExecutor>(HostOptions{});
    };
    Figure figure;
    const double cpuStart = cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    do {
        Trace trace;
        Result<RunSummary> summary = runSessionJobs(options, trace, isolated);
        figure.outcome = summary ? summary->overall : summary.error();
        figure.contexts += contexts;
        figure.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (figure.wall < 1.0);
    figure.cpu = cpuSeconds() - cpuStart;
    return figure;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::uint32_t contexts = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 400;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    std::printf(
        "jobs_bench: isolated MD5 loopback (heap tracker on), %u contexts per run, runs repeated "
        "for >= 1 s per figure\n",
        contexts);
    measure(50, 2);  // host binary and tracer in the page cache
    for (int round = 1; round <= rounds; ++round) {
        double load[3] = {};
        ::getloadavg(load, 3);
        const Figure one = measure(contexts, 1);
        const Figure two = measure(contexts, 2);
        std::printf(
            "  round %d  load %.2f  1 job: %6.0f contexts/s (%llu in %.2f s wall, %.2f s CPU, %s)  "
            "2 jobs: %6.0f contexts/s (%llu in %.2f s wall, %.2f s CPU, %s)  ratio 2/1 = %.2f\n",
            round, load[0], one.rate(), static_cast<unsigned long long>(one.contexts), one.wall, one.cpu,
            one.outcome.c_str(), two.rate(), static_cast<unsigned long long>(two.contexts), two.wall, two.cpu,
            two.outcome.c_str(), two.rate() / one.rate());
    }
    return 0;
}
