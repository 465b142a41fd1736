// Authentications per second of `eapscope-cli serve --auth md5` next to FreeRADIUS 3.2's own
// EAP-MD5 (the reference), each driven the same way in one run (issue 11 "A benchmark"):
//   - radeapclient (freeradius-utils) with 10 requests in flight, N authentications;
//   - 16 eapol_test processes at once, each authenticating 1 + R times (-r R; eapol_test
//     pauses 100 ms between re-authentications, so this load is bounded by the supplicants).
// Servers run as the interop tests run them: on 127.0.0.1 at free ports, stopped by pid;
// FreeRADIUS in its threaded mode without the debug log (`-f -l stdout`), as deployed.
// Targets: serve in-process at least as fast as FreeRADIUS; isolated host at least half.
// The machine is shared, so each radeapclient line also gives the server's CPU time per
// authentication (the process and its children, e.g. the isolated host): wall-clock rates
// swing with the load, CPU time much less.
//   serve_bench [radeapclient-authentications] [eapol_test-reauthentications]   (default 2000 4)
#include "eapol_test_runner.h"
#include "eapscope_cli.h"
#include "free_radius_server.h"
#include "radeapclient_runner.h"

#include <signal.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace eapscope::interop;

namespace {

constexpr const char* kSecret = "testing123";  // Debian's `client localhost` secret, also given to serve
constexpr int kSupplicants = 16;

struct Figure {
    int authenticated = 0;
    int attempted = 0;
    double seconds = 0;
    double serverCpuSeconds = -1;  // -1: not measured
    [[nodiscard]] double perSecond() const { return seconds > 0 ? authenticated / seconds : 0; }
};

int count(const std::string& text, const std::string& what)
{
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
        ++n;
    }
    return n;
}

// utime + stime of `pid` and of its descendants still running (/proc/PID/stat fields 14-15,
// /proc/PID/task/PID/children), in seconds: the whole server, threads and hosts included.
double cpuSeconds(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i >= 14) {
            ticks += std::stoull(field);
        }
    }
    double seconds = static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
    std::ifstream children("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
    for (pid_t child = 0; children >> child;) {
        seconds += cpuSeconds(child);
    }
    return seconds;
}

Figure radeapclientLoad(pid_t server, std::uint16_t port, std::uint32_t authentications,
                        const std::filesystem::path& dir, const std::string& name)
{
    RadeapclientRun run;
    run.port = port;
    run.secret = kSecret;
    run.authentications = authentications;
    run.inFlight = 10;
    const double cpuBefore = cpuSeconds(server);
    const auto start = std::chrono::steady_clock::now();
    const RadeapclientResult result = RadeapclientRunner::run(run, dir, name);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    const double cpu = cpuSeconds(server) - cpuBefore;
    if (result.approved < 0) {
        std::fprintf(stderr, "serve_bench: radeapclient against port %u gave no summary:\n%s\n", port,
                     result.output.c_str());
    }
    return {std::max(0, result.approved), static_cast<int>(authentications), elapsed.count(), cpu};
}

Figure eapolTestLoad(std::uint16_t port, std::uint32_t reauthentications, const std::filesystem::path& dir,
                     const std::string& name)
{
    EapolTestRun run;
    run.port = port;
    run.secret = kSecret;
    run.expectKeys = false;  // EAP-MD5 derives no keys
    run.reauthentications = reauthentications;
    run.timeoutSeconds = 60;
    std::vector<ChildProcess> supplicants;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kSupplicants; ++i) {
        char mac[32];
        std::snprintf(mac, sizeof mac, "02:00:00:00:02:%02x", i);
        run.callingStationId = mac;
        auto child = EapolTestRunner::start(EapolTestConfig{}, run, dir, name + std::to_string(i));
        if (!child) {
            std::fprintf(stderr, "serve_bench: %s\n", child.error().c_str());
            continue;
        }
        supplicants.push_back(std::move(*child));
    }
    Figure figure;
    figure.attempted = kSupplicants * static_cast<int>(1 + reauthentications);
    for (ChildProcess& child : supplicants) {
        (void)child.wait(std::chrono::seconds(run.timeoutSeconds + 10));
        figure.authenticated += count(child.output(), "CTRL-EVENT-EAP-SUCCESS");
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    figure.seconds = elapsed.count();
    return figure;
}

std::string cell(const Figure& f)
{
    char text[64];
    std::snprintf(text, sizeof text, "%8.0f/s (%d/%d)", f.perSecond(), f.authenticated, f.attempted);
    return text;
}

double cpuMsPerAuthentication(const Figure& f)
{
    return f.authenticated > 0 ? 1000.0 * f.serverCpuSeconds / f.authenticated : 0.0;
}

std::string cpuCell(const Figure& f)
{
    char text[64];
    std::snprintf(text, sizeof text, "%8.3f ms", cpuMsPerAuthentication(f));
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::uint32_t authentications = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 2000;
    const std::uint32_t reauthentications = argc > 2 ? static_cast<std::uint32_t>(std::atoi(argv[2])) : 4;
    const auto dir = makeTempDir("serve-bench");

    FreeRadiusOptions threaded;
    threaded.debugLog = false;  // threaded, no debug log: FreeRADIUS as deployed
    auto freeradius = FreeRadiusServer::start(threaded);
    if (!freeradius) {
        std::fprintf(stderr, "serve_bench: FreeRADIUS: %s\n", freeradius.error().c_str());
        return 1;
    }
    struct Server {
        std::string name;
        std::uint16_t port;
        std::vector<std::string> extra;
    };
    const std::uint16_t inProcessPort = freeUdpPort();
    auto inProcess = startServe({"--auth", "md5", "--secret", kSecret, "--identity", "alice", "--password",
                                 "secret", "--in-process", "--idle-ms", "5000"},
                                inProcessPort, dir, "serve-in-process");
    const std::uint16_t isolatedPort = freeUdpPort();
    auto isolated = startServe({"--auth", "md5", "--secret", kSecret, "--identity", "alice", "--password",
                                "secret", "--idle-ms", "5000"},
                               isolatedPort, dir, "serve-isolated");
    if (!inProcess || !isolated) {
        std::fprintf(stderr, "serve_bench: serve: %s\n",
                     (!inProcess ? inProcess.error() : isolated.error()).c_str());
        return 1;
    }

    struct Served {
        std::string name;
        std::uint16_t port;
        pid_t pid;
    };
    const std::vector<Served> servers = {
        {"FreeRADIUS 3.2 -f (reference)", freeradius->port(), freeradius->pid()},
        {"serve --in-process", inProcessPort, inProcess->pid()},
        {"serve (isolated host)", isolatedPort, isolated->pid()}};
    std::vector<Figure> radeap, eapol;
    for (const auto& [name, port, pid] : servers) {
        radeapclientLoad(pid, port, 100, dir, "warmup");  // first-touch costs out of the figure
        radeap.push_back(radeapclientLoad(pid, port, authentications, dir, "radeapclient"));
        eapol.push_back(eapolTestLoad(port, reauthentications, dir, "eapol_test"));
    }

    std::printf("serve_bench: EAP-MD5 authentications per second, same load on each server, one run\n");
    std::printf("%-44s %-24s %-24s %-24s\n", "load", servers[0].name.c_str(), servers[1].name.c_str(),
                servers[2].name.c_str());
    const std::string radeapLoad = "radeapclient -p 10, " + std::to_string(authentications) + " auths";
    const std::string eapolLoad = std::to_string(kSupplicants) + " x eapol_test -r " +
                                  std::to_string(reauthentications) + " in parallel";
    std::printf("%-44s %-24s %-24s %-24s\n", radeapLoad.c_str(), cell(radeap[0]).c_str(),
                cell(radeap[1]).c_str(), cell(radeap[2]).c_str());
    std::printf("%-44s %-24s %-24s %-24s\n", "  server CPU per authentication", cpuCell(radeap[0]).c_str(),
                cpuCell(radeap[1]).c_str(), cpuCell(radeap[2]).c_str());
    std::printf("%-44s %-24s %-24s %-24s\n", eapolLoad.c_str(), cell(eapol[0]).c_str(),
                cell(eapol[1]).c_str(), cell(eapol[2]).c_str());
    const double reference = radeap[0].perSecond();
    std::printf(
        "radeapclient: in-process %.2fx FreeRADIUS (target >= 1.0), isolated host %.2fx (target >= 0.5)\n",
        reference > 0 ? radeap[1].perSecond() / reference : 0.0,
        reference > 0 ? radeap[2].perSecond() / reference : 0.0);
    const double referenceCpu = cpuMsPerAuthentication(radeap[0]);
    std::printf(
        "radeapclient, by server CPU per authentication: in-process %.2fx FreeRADIUS, isolated host "
        "%.2fx\n",
        cpuMsPerAuthentication(radeap[1]) > 0 ? referenceCpu / cpuMsPerAuthentication(radeap[1]) : 0.0,
        cpuMsPerAuthentication(radeap[2]) > 0 ? referenceCpu / cpuMsPerAuthentication(radeap[2]) : 0.0);

    inProcess->stop(SIGTERM, std::chrono::seconds(30));
    isolated->stop(SIGTERM, std::chrono::seconds(30));
    freeradius->stop();
    std::filesystem::remove_all(dir);
    return 0;
}
