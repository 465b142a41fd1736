// MD5 loopback contexts in-process through the engine with recording (the Trace) on, against
// the same entry points called directly without the engine, in one run (issue 2 part 9).
#include "engine/session_runner.h"
#include "method/in_process_executor.h"
#include "method/method_resolver.h"

#include "eapscope/raseap.h"

#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kContexts = 5000;

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double engineRate(std::size_t& events)
{
    eapscope::RunOptions options;
    options.contexts = kContexts;
    eapscope::Trace trace;
    const auto start = Clock::now();
    auto summary = eapscope::runSession(
        options, trace, [](eapscope::Side) { return std::make_unique<eapscope::InProcessExecutor>(); });
    const double elapsed = seconds(start);
    if (!summary || summary->overall != "success") {
        std::fprintf(stderr, "engine run failed\n");
        return 0;
    }
    events = trace.size();
    return kContexts / elapsed;
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

double directRate()
{
    auto path = eapscope::resolveMethodSpec("md5");
    void* handle = path ? dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL) : nullptr;
    if (handle == nullptr) {
        std::fprintf(stderr, "cannot load md5\n");
        return 0;
    }
    auto getInfo = reinterpret_cast<PRASEAPGETINFO>(dlsym(handle, "RasEapGetInfo"));
    Direct direct;
    direct.info.dwSizeInBytes = sizeof direct.info;
    getInfo(EAPTYPE_MD5Challenge, &direct.info);
    if (direct.info.RasEapInitialize) {
        direct.info.RasEapInitialize(TRUE);
    }
    const auto start = Clock::now();
    std::uint32_t ok = 0;
    for (std::uint32_t i = 0; i < kContexts; ++i) {
        ok += direct.oneContext() ? 1 : 0;
    }
    const double elapsed = seconds(start);
    if (direct.info.RasEapInitialize) {
        direct.info.RasEapInitialize(FALSE);
    }
    dlclose(handle);
    if (ok != kContexts) {
        std::fprintf(stderr, "direct loop: %u of %u contexts succeeded\n", ok, kContexts);
    }
    return kContexts / elapsed;
}

}  // namespace

int main()
{
    std::size_t events = 0;
    directRate();  // warm up the library and the allocator
    const double engine = engineRate(events);
    const double direct = directRate();
    std::printf("MD5 loopback, %u contexts per run, in-process\n", kContexts);
    std::printf(
        "engine (checker + trace recording on): %10.0f contexts/s  (%zu events, %.1f events/context)\n",
        engine, events, static_cast<double>(events) / kContexts);
    std::printf("direct entry points (no engine):       %10.0f contexts/s\n", direct);
    std::printf("ratio direct/engine: %.2fx (engine runs at %.1f%% of the direct rate)\n", direct / engine,
                100.0 * engine / direct);
    return engine > 0 && direct > 0 ? 0 : 1;
}
