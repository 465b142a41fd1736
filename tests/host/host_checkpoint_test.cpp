// Checkpoints for step back (issue 5): the host forks at a call boundary, restore resumes the
// paused copy, and even random MD5 challenges come back identical.
#include "host_test_support.h"

namespace eapscope {
namespace {

using namespace eapscope::testing;

struct Md5Authenticator {
    std::unique_ptr<HostExecutor> executor;
    std::uint64_t workBuffer = 0;
};

Md5Authenticator startMd5Authenticator()
{
    Md5Authenticator a{std::make_unique<HostExecutor>(hostOptions())};
    const LoadReport report = a.executor->load(LoadRequest{md5Method(), "md5", 4});
    EXPECT_TRUE(report.ok) << report.error;
    a.executor->initialize(true);
    const CallOutcome begun = a.executor->begin(beginRequest(1, true));
    a.workBuffer = begun.workBuffer;
    return a;
}

TEST(HostCheckpoint, RestoreReplaysTheSameRandomChallenge)
{
    Md5Authenticator a = startMd5Authenticator();
    ASSERT_TRUE(a.executor->supportsCheckpoints());
    const Result<std::uint32_t> before = a.executor->checkpoint();
    ASSERT_TRUE(before.ok()) << before.error();

    const CallOutcome first = a.executor->makeMessage(makeRequest(1, a.workBuffer));
    ASSERT_FALSE(first.failure.has_value());
    ASSERT_GE(first.sendPacket.size(), 22u);  // Request/MD5-Challenge with a 16-byte value

    ASSERT_TRUE(a.executor->restore(*before).ok());
    const CallOutcome replayed = a.executor->makeMessage(makeRequest(1, a.workBuffer));
    EXPECT_EQ(replayed.sendPacket, first.sendPacket);

    // The same checkpoint can be restored again.
    ASSERT_TRUE(a.executor->restore(*before).ok());
    EXPECT_EQ(a.executor->makeMessage(makeRequest(1, a.workBuffer)).sendPacket, first.sendPacket);
}

TEST(HostCheckpoint, WithoutCheckpoint_ChallengesDiffer)
{
    // The control for the test above: two fresh contexts draw different challenges.
    Md5Authenticator a = startMd5Authenticator();
    const CallOutcome first = a.executor->makeMessage(makeRequest(1, a.workBuffer));
    const CallOutcome other = a.executor->begin(beginRequest(2, true));
    const CallOutcome second = a.executor->makeMessage(makeRequest(2, other.workBuffer));
    EXPECT_NE(first.sendPacket, second.sendPacket);
}

TEST(HostCheckpoint, RestoreAfterACrashBringsTheHostBack)
{
    FaultEnv env("segv@make");
    auto executor = loadFaultMethod(hostOptions());
    const CallOutcome begun = executor->begin(beginRequest(1));
    const Result<std::uint32_t> id = executor->checkpoint();
    ASSERT_TRUE(id.ok()) << id.error();
    ASSERT_TRUE(executor->makeMessage(makeRequest(1, begun.workBuffer)).failure.has_value());
    ASSERT_FALSE(executor->alive());

    ASSERT_TRUE(executor->restore(*id).ok());
    EXPECT_TRUE(executor->alive());
    // The restored host is the state before the crash: End works on the same work buffer.
    const CallOutcome ended = executor->end(1, begun.workBuffer);
    EXPECT_FALSE(ended.failure.has_value());
    ASSERT_EQ(ended.heap.size(), 1u);
    EXPECT_EQ(ended.heap[0].address, begun.workBuffer);
}

TEST(HostCheckpoint, MethodWithThreads_StepBackUnavailable)
{
    FaultEnv env("thread@init");
    auto executor = loadFaultMethod(hostOptions());
    ASSERT_FALSE(executor->initialize(true).failure.has_value());
    EXPECT_FALSE(executor->supportsCheckpoints());
    EXPECT_NE(executor->checkpointsUnavailableReason().find("thread"), std::string::npos);
    const Result<std::uint32_t> id = executor->checkpoint();
    ASSERT_FALSE(id.ok());
    EXPECT_NE(id.error().find("thread"), std::string::npos) << id.error();
}

TEST(HostCheckpoint, ThinnedOrUnknownCheckpoint_IsAnError)
{
    FaultEnv env(nullptr);
    auto executor = loadFaultMethod(hostOptions());
    EXPECT_FALSE(executor->restore(999).ok());
}

TEST(HostCheckpoint, ManyCheckpointsStayBoundedAndLeaveNoProcesses)
{
    FaultEnv env(nullptr);
    std::vector<pid_t> copies;
    {
        HostOptions options = hostOptions();
        options.maxCheckpoints = 8;
        auto executor = loadFaultMethod(options);
        const CallOutcome begun = executor->begin(beginRequest(1));
        std::uint32_t last = 0;
        for (int i = 0; i < 30; ++i) {
            executor->makeMessage(makeRequest(1, begun.workBuffer));
            const Result<std::uint32_t> id = executor->checkpoint();
            ASSERT_TRUE(id.ok()) << id.error();
            last = *id;
        }
        EXPECT_EQ(executor->checkpointIds().size(), 8u);
        EXPECT_EQ(executor->checkpointIds().back(), last);
        ASSERT_TRUE(executor->restore(executor->checkpointIds()[3]).ok());
        EXPECT_EQ(executor->checkpointIds().size(), 4u);  // the newer ones were that future
        copies.push_back(executor->hostPid());
        EXPECT_FALSE(executor->makeMessage(makeRequest(1, begun.workBuffer)).failure.has_value());
    }
    for (const pid_t pid : copies) {
        EXPECT_TRUE(processGone(pid));
    }
}

}  // namespace
}  // namespace eapscope
