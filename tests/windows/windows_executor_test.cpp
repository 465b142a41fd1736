// Step back without fork in the Windows host: a checkpoint is a position in the executor's log
// of requests; restoring starts a fresh eapscope-host.exe with the same random seed and replays
// the calls, so the method draws the same random bytes and an MD5 challenge comes back identical.
#include "host/host_executor.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace eapscope {
namespace {

std::string md5Dll()
{
    return std::string(EAPSCOPE_BINARY_DIR) + "/lib/eapscope/methods-windows/md5.dll";
}

HostOptions windowsOptions()
{
    HostOptions options;
    options.hostPath = std::string(EAPSCOPE_BIN_DIR) + "/eapscope-host";
    options.watchdogMs = 20000;
    return options;
}

struct Authenticator {
    std::unique_ptr<HostExecutor> executor;
    std::uint64_t workBuffer = 0;
};

Authenticator startAuthenticator()
{
    Authenticator a{std::make_unique<HostExecutor>(windowsOptions())};
    const LoadReport report = a.executor->load(LoadRequest{md5Dll(), "md5.dll", 4});
    EXPECT_TRUE(report.ok) << report.error;
    EXPECT_TRUE(a.executor->windowsHost());
    EXPECT_FALSE(a.executor->initialize(true).failure.has_value());
    BeginRequest begin;
    begin.contextTag = 1;
    begin.authenticator = true;
    begin.identity = u"alice";
    begin.initialId = 1;
    const CallOutcome begun = a.executor->begin(begin);
    EXPECT_FALSE(begun.failure.has_value());
    a.workBuffer = begun.workBuffer;
    return a;
}

MakeMessageRequest nullCall(std::uint64_t workBuffer)
{
    MakeMessageRequest request;
    request.contextTag = 1;
    request.workBuffer = workBuffer;
    return request;
}

TEST(WindowsStepBack, StepBackTwiceThenForward_ChallengeIsByteIdentical)
{
    Authenticator a = startAuthenticator();
    ASSERT_TRUE(a.executor->supportsCheckpoints()) << a.executor->checkpointsUnavailableReason();
    const Result<std::uint32_t> beforeChallenge = a.executor->checkpoint();
    ASSERT_TRUE(beforeChallenge.ok()) << beforeChallenge.error();
    const CallOutcome first = a.executor->makeMessage(nullCall(a.workBuffer));
    ASSERT_FALSE(first.failure.has_value()) << first.failure->detail;
    ASSERT_GE(first.sendPacket.size(), 22u);  // Request/MD5-Challenge with a 16-byte value
    const Result<std::uint32_t> afterChallenge = a.executor->checkpoint();
    ASSERT_TRUE(afterChallenge.ok());
    a.executor->makeMessage(nullCall(a.workBuffer));  // the retransmission

    ASSERT_TRUE(a.executor->restore(*afterChallenge).ok());      // step back once
    const Status twice = a.executor->restore(*beforeChallenge);  // and twice
    ASSERT_TRUE(twice.ok()) << twice.error();
    const CallOutcome again = a.executor->makeMessage(nullCall(a.workBuffer));  // forward
    ASSERT_FALSE(again.failure.has_value()) << again.failure->detail;
    EXPECT_EQ(again.sendPacket, first.sendPacket);

    const CallOutcome ended = a.executor->end(1, a.workBuffer);
    EXPECT_FALSE(ended.failure.has_value());
}

TEST(WindowsStepBack, AnotherExecutor_DrawsAnotherChallenge)
{
    // The control for the test above: the bytes are the method's random draws, not constants.
    Authenticator a = startAuthenticator();
    Authenticator b = startAuthenticator();
    EXPECT_NE(a.executor->makeMessage(nullCall(a.workBuffer)).sendPacket,
              b.executor->makeMessage(nullCall(b.workBuffer)).sendPacket);
}

TEST(WindowsHeap, WorkBufferAllocationAndFreeAreAttributedToTheContext)
{
    Authenticator a = startAuthenticator();
    const CallOutcome ended = a.executor->end(1, a.workBuffer);
    bool freedWorkBuffer = false;
    for (const HeapEvent& event : ended.heap) {
        freedWorkBuffer =
            freedWorkBuffer || (!event.alloc && event.address == a.workBuffer && event.contextTag == 1);
    }
    EXPECT_TRUE(freedWorkBuffer) << ended.heap.size() << " heap events in RasEapEnd";
}

// Hosts started at once on a prefix that does not exist yet: Wine makes the prefix and starts a
// wineserver for the first of them; every host answers (none dies in Wine's own start-up race,
// "wine: chdir to /tmp/wine-…/server-…: No such file or directory").
TEST(WindowsStartup, HostsStartedAtOnceOnAFreshPrefix_AllLoadTheDll)
{
    const std::filesystem::path root =
        std::filesystem::temp_directory_path() / ("eapscope-fresh-prefix-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    constexpr int kHosts = 4;
    std::vector<LoadReport> reports(kHosts);
    std::vector<std::unique_ptr<HostExecutor>> executors;
    for (int i = 0; i < kHosts; ++i) {
        HostOptions options = windowsOptions();
        options.winePrefix = (root / "wine").string();
        executors.push_back(std::make_unique<HostExecutor>(options));
    }
    {
        std::vector<std::jthread> threads;
        for (int i = 0; i < kHosts; ++i) {
            threads.emplace_back([&, i] {
                reports[i] = executors[i]->load(LoadRequest{md5Dll(), "md5.dll", 4});
            });
        }
    }
    for (int i = 0; i < kHosts; ++i) {
        EXPECT_TRUE(reports[i].ok) << "host " << i << ": " << reports[i].error;
        EXPECT_TRUE(executors[i]->windowsHost());
    }
    EXPECT_TRUE(std::filesystem::is_directory(root / "wine" / "drive_c"));
    executors.clear();
    // The prefix's wineserver saves the registry as it exits: let it, then remove the prefix.
    const std::string wait = "WINEPREFIX='" + (root / "wine").string() + "' /usr/lib/wine/wineserver -w";
    EXPECT_EQ(std::system(wait.c_str()), 0);
    // Debian's Wine made that wineserver's folder under $TMPDIR (wine-XXXXXX) and named it in
    // <prefix>/wineserver: it goes with the prefix, or every run leaves one behind.
    std::string serverDir;
    std::ifstream(root / "wine" / "wineserver") >> serverDir;
    EXPECT_TRUE(serverDir.starts_with("wine-")) << serverDir;
    if (serverDir.starts_with("wine-") && serverDir.find('/') == std::string::npos) {
        std::filesystem::remove_all(std::filesystem::temp_directory_path() / serverDir);
    }
    std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace eapscope
