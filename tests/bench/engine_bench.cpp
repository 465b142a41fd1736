// MD5 loopback contexts in-process through the engine with recording (the Trace) on, against
// the same entry points called directly without the engine, in one run (issue 2 part 9), each
// line over at least a second of CPU time (issue 13), printed by CPU and by wall time.
#include "engine/session_runner.h"
#include "method/in_process_executor.h"
#include "method/method_resolver.h"

#include "eapscope/raseap.h"

#include <dlfcn.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kContexts = 5000;
constexpr double kMinSeconds = 1.0;  // every line is at least this much CPU time of work

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of this thread: the machine is shared, so wall time also measures the neighbours.
double threadCpuSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

struct Rate {
    double wall = 0;  // contexts per wall second
    double cpu = 0;   // contexts per CPU second
};

/// Repeats `once` (kContexts contexts each) until at least kMinSeconds of CPU time.
template <typename Once>
Rate measure(Once once)
{
    const auto start = Clock::now();
    const double cpuStart = threadCpuSeconds();
    std::uint64_t contexts = 0;
    do {
        if (!once()) {
            return {};
        }
        contexts += kContexts;
    } while (threadCpuSeconds() - cpuStart < kMinSeconds);
    return {static_cast<double>(contexts) / seconds(start),
            static_cast<double>(contexts) / (threadCpuSeconds() - cpuStart)};
}

bool engineRun(std::size_t& events)
{
    eapscope::RunOptions options;
    options.contexts = kContexts;
    eapscope::Trace trace;
    auto summary = eapscope::runSession(
        options, trace, [](eapscope::Side) { return std::make_unique<eapscope::InProcessExecutor>(); });
    if (!summary || summary->overall != "success") {
        std::fprintf(stderr, "engine run failed\n");
        return false;
    }
    events = trace.size();
    return true;
}

struct Direct {
    PPP_EAP_INFO info{};
    std::vector<std::uint8_t> send = std::vector<std::uint8_t>(1400);

    DWORD makeMessage(void* work, PPP_EAP_PACKET* rx, PPP_EAP_OUTPUT& out, PPP_EAP_INPUT& in)
    {
        std::memset(&out, 0, sizeof out);
        out.dwSizeInBytes = PPP_EAP_OUTPUT_SIZE_CLASSIC;
        return info.RasEapMakeMessage(work, rx, reinterpret_cast<PPP_EAP_PACKET*>(send.data()), 1400, &out,
                                      &in);
    }

    bool oneContext()
    {
        std::u16string identity = u"alice", password = u"secret";
        PPP_EAP_INPUT authIn{}, peerIn{};
        authIn.dwSizeInBytes = peerIn.dwSizeInBytes = PPP_EAP_INPUT_SIZE_CLASSIC;
        authIn.fAuthenticator = TRUE;
        authIn.pwszIdentity = peerIn.pwszIdentity = identity.data();
        peerIn.pwszPassword = password.data();
        authIn.bInitialId = peerIn.bInitialId = 2;
        void* auth = nullptr;
        void* peer = nullptr;
        info.RasEapBegin(&auth, &authIn);
        PPP_EAP_OUTPUT out{};
        makeMessage(auth, nullptr, out, authIn);  // Request/MD5-Challenge
        std::vector<std::uint8_t> request(
            send.begin(), send.begin() + RasEapPacketLength(reinterpret_cast<PPP_EAP_PACKET*>(send.data())));
        info.RasEapBegin(&peer, &peerIn);
        makeMessage(peer, reinterpret_cast<PPP_EAP_PACKET*>(request.data()), out, peerIn);  // Response
        std::vector<std::uint8_t> response(
            send.begin(), send.begin() + RasEapPacketLength(reinterpret_cast<PPP_EAP_PACKET*>(send.data())));
        makeMessage(auth, reinterpret_cast<PPP_EAP_PACKET*>(response.data()), out, authIn);  // Authenticate
        authIn.fAuthenticationComplete = TRUE;
        authIn.dwAuthResultCode = NO_ERROR;
        makeMessage(auth, nullptr, out, authIn);  // Success
        authIn.fAuthenticationComplete = FALSE;
        std::vector<std::uint8_t> success(send.begin(), send.begin() + 4);
        makeMessage(peer, reinterpret_cast<PPP_EAP_PACKET*>(success.data()), out, peerIn);  // Done
        const bool ok = out.Action == EAPACTION_Done && out.dwAuthResultCode == NO_ERROR;
        info.RasEapEnd(auth);
        info.RasEapEnd(peer);
        return ok;
    }
};

bool directRun()
{
    auto path = eapscope::resolveMethodSpec("md5");
    void* handle = path ? dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL) : nullptr;
    if (handle == nullptr) {
        std::fprintf(stderr, "cannot load md5\n");
        return false;
    }
    auto getInfo = reinterpret_cast<PRASEAPGETINFO>(dlsym(handle, "RasEapGetInfo"));
    Direct direct;
    direct.info.dwSizeInBytes = sizeof direct.info;
    getInfo(EAPTYPE_MD5Challenge, &direct.info);
    if (direct.info.RasEapInitialize) {
        direct.info.RasEapInitialize(TRUE);
    }
    std::uint32_t ok = 0;
    for (std::uint32_t i = 0; i < kContexts; ++i) {
        ok += direct.oneContext() ? 1 : 0;
    }
    if (direct.info.RasEapInitialize) {
        direct.info.RasEapInitialize(FALSE);
    }
    dlclose(handle);
    if (ok != kContexts) {
        std::fprintf(stderr, "direct loop: %u of %u contexts succeeded\n", ok, kContexts);
    }
    return ok == kContexts;
}

}  // namespace

int main()
{
    std::size_t events = 0;
    directRun();  // warm up the library and the allocator
    const Rate engine = measure([&] { return engineRun(events); });
    const Rate direct = measure(directRun);
    std::printf("MD5 loopback, %u contexts per run, in-process, each line >= %.0f s of CPU time\n", kContexts,
                kMinSeconds);
    std::printf(
        "engine (checker + trace recording on): %10.0f contexts/s wall, %10.0f per CPU second  (%zu events, "
        "%.1f events/context)\n",
        engine.wall, engine.cpu, events, static_cast<double>(events) / kContexts);
    std::printf("direct entry points (no engine):       %10.0f contexts/s wall, %10.0f per CPU second\n",
                direct.wall, direct.cpu);
    std::printf("ratio engine/direct: %.3f by CPU time, %.3f by wall time (target >= 0.5)\n",
                engine.cpu / direct.cpu, engine.wall / direct.wall);
    return engine.cpu > 0 && direct.cpu > 0 ? 0 : 1;
}
