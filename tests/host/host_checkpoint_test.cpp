// Checkpoints for step back (issue 5): the host forks at a call boundary, restore resumes the
// paused copy, and even random MD5 challenges come back identical.
#include "host_test_support.h"

#include <filesystem>
#include <set>

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

/// The socket inode behind `fd` of process `pid` ("socket:[123]"), empty when it is no socket.
std::string socketOf(pid_t pid, int fd)
{
    std::error_code error;
    const std::string target =
        std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd), error)
            .string();
    return target.rfind("socket:", 0) == 0 ? target : std::string();
}

// One socket per direction (host_channel.h): the host reads requests from fd 3 and writes
// replies to fd 4, two different sockets; so does a checkpoint copy once it is resumed as the
// live host, with the two sockets it handed over in its CheckpointReply.
TEST(HostCheckpoint, HostAndResumedCopy_EachUseOneSocketPerDirection)
{
    Md5Authenticator a = startMd5Authenticator();
    const pid_t host = a.executor->hostPid();
    const std::string requests = socketOf(host, 3);
    const std::string replies = socketOf(host, 4);
    EXPECT_FALSE(requests.empty());
    EXPECT_FALSE(replies.empty());
    EXPECT_NE(requests, replies);

    const Result<std::uint32_t> point = a.executor->checkpoint();
    ASSERT_TRUE(point.ok()) << point.error();
    const CallOutcome first = a.executor->makeMessage(makeRequest(1, a.workBuffer));
    ASSERT_TRUE(a.executor->restore(*point).ok());
    const pid_t copy = a.executor->hostPid();
    ASSERT_NE(copy, host);
    const CallOutcome replayed = a.executor->makeMessage(makeRequest(1, a.workBuffer));
    EXPECT_FALSE(replayed.failure.has_value());
    EXPECT_EQ(replayed.sendPacket, first.sendPacket);
    // Once it has answered a call (so it has closed the ends it handed over for the copy it
    // forked in turn, to keep the checkpoint restorable), the copy holds none of the first host's
    // sockets, only its own two.
    std::set<std::string> sockets;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(copy) + "/fd")) {
        const std::string target = socketOf(copy, std::stoi(entry.path().filename().string()));
        if (!target.empty()) {
            sockets.insert(target);
        }
    }
    EXPECT_EQ(sockets.size(), 2u) << ::testing::PrintToString(sockets);
    EXPECT_EQ(sockets.count(requests), 0u);
    EXPECT_EQ(sockets.count(replies), 0u);
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
