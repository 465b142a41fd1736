// Step back without fork in the Windows host: a checkpoint is a position in the executor's log
// of requests; restoring starts a fresh eapscope-host.exe with the same random seed and replays
// the calls, so the method draws the same random bytes and an MD5 challenge comes back identical.
#include "host/host_executor.h"

#include <gtest/gtest.h>

#include <memory>

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

    ASSERT_TRUE(a.executor->restore(*afterChallenge).ok());  // step back once
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
        freedWorkBuffer = freedWorkBuffer || (!event.alloc && event.address == a.workBuffer && event.contextTag == 1);
    }
    EXPECT_TRUE(freedWorkBuffer) << ended.heap.size() << " heap events in RasEapEnd";
}

}  // namespace
}  // namespace eapscope
