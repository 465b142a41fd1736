// Heap events through the host: the tracer is preloaded, each call's events come back in its
// outcome with the call's context tag, host code is never attributed to the method.
#include "host_test_support.h"

#include "method/in_process_executor.h"

namespace eapscope {
namespace {

using namespace eapscope::testing;

TEST(HostHeap, WorkBufferAllocAndFreeCarryTheContextTag)
{
    FaultEnv env(nullptr);
    auto executor = loadFaultMethod(hostOptions());
    ASSERT_TRUE(executor->tracerActive());
    const CallOutcome init = executor->initialize(true);
    EXPECT_TRUE(init.heap.empty());  // the runner's own bookkeeping is not the method's

    const CallOutcome begun = executor->begin(beginRequest(7));
    ASSERT_EQ(begun.heap.size(), 1u);
    EXPECT_TRUE(begun.heap[0].alloc);
    EXPECT_EQ(begun.heap[0].size, 64u);
    EXPECT_EQ(begun.heap[0].address, begun.workBuffer);
    EXPECT_EQ(begun.heap[0].contextTag, 7u);

    const CallOutcome made = executor->makeMessage(makeRequest(7, begun.workBuffer));
    EXPECT_TRUE(made.heap.empty());

    const CallOutcome ended = executor->end(7, begun.workBuffer);
    ASSERT_EQ(ended.heap.size(), 1u);
    EXPECT_FALSE(ended.heap[0].alloc);
    EXPECT_EQ(ended.heap[0].address, begun.workBuffer);
    EXPECT_EQ(ended.heap[0].contextTag, 7u);
    EXPECT_GE(ended.heap[0].timeNs, begun.heap[0].timeNs);
}

TEST(HostHeap, WithoutTracking_NoEvents)
{
    FaultEnv env(nullptr);
    HostOptions options = hostOptions();
    options.heapTracking = false;
    auto executor = loadFaultMethod(options);
    EXPECT_FALSE(executor->tracerActive());
    const CallOutcome begun = executor->begin(beginRequest(1));
    EXPECT_FALSE(begun.failure.has_value());
    EXPECT_TRUE(begun.heap.empty());
}

TEST(HostHeap, StacksOption_GivesAllocationSites)
{
    FaultEnv env(nullptr);
    HostOptions options = hostOptions();
    options.stacks = true;
    auto executor = loadFaultMethod(options);
    const CallOutcome begun = executor->begin(beginRequest(1));
    ASSERT_EQ(begun.heap.size(), 1u);
    EXPECT_NE(begun.heap[0].site.find("fault_begin"), std::string::npos) << begun.heap[0].site;
}

/// One MD5 exchange driven by hand on two executors (authenticator and peer):
/// the outcome shape must not depend on where the method runs.
struct Md5Exchange {
    std::vector<std::uint32_t> actions;
    std::vector<std::uint32_t> results;
    std::vector<std::size_t> packetLengths;
    std::vector<std::uint8_t> codes;
};

Md5Exchange runMd5(MethodExecutor& authenticator, MethodExecutor& peer)
{
    Md5Exchange seen;
    const LoadRequest md5{md5Method(), "md5", 4};
    EXPECT_TRUE(authenticator.load(md5).ok);
    EXPECT_TRUE(peer.load(md5).ok);
    authenticator.initialize(true);
    peer.initialize(true);
    auto note = [&](const CallOutcome& o) {
        seen.actions.push_back(o.action);
        seen.results.push_back(o.result);
        seen.packetLengths.push_back(o.sendPacket.size());
        seen.codes.push_back(o.sendPacket.empty() ? 0 : o.sendPacket[0]);
        EXPECT_FALSE(o.failure.has_value());
    };
    const CallOutcome authBegin = authenticator.begin(beginRequest(1, true));
    const CallOutcome peerBegin = peer.begin(beginRequest(1, false));
    MakeMessageRequest first = makeRequest(1, authBegin.workBuffer);
    const CallOutcome challenge = authenticator.makeMessage(first);
    note(challenge);
    MakeMessageRequest answer = makeRequest(1, peerBegin.workBuffer);
    answer.receivePacket = challenge.sendPacket;
    const CallOutcome response = peer.makeMessage(answer);
    note(response);
    MakeMessageRequest verify = makeRequest(1, authBegin.workBuffer);
    verify.receivePacket = response.sendPacket;
    const CallOutcome authenticate = authenticator.makeMessage(verify);
    note(authenticate);
    seen.actions.push_back(static_cast<std::uint32_t>(authenticate.outputAttributes.size()));
    authenticator.end(1, authBegin.workBuffer);
    peer.end(1, peerBegin.workBuffer);
    authenticator.initialize(false);
    peer.initialize(false);
    return seen;
}

TEST(HostHeap, Md5OverIsolatedHosts_SameOutcomeAsInProcess)
{
    HostExecutor hostAuth(hostOptions());
    HostExecutor hostPeer(hostOptions());
    InProcessExecutor localAuth;
    InProcessExecutor localPeer;
    const Md5Exchange isolated = runMd5(hostAuth, hostPeer);
    const Md5Exchange inProcess = runMd5(localAuth, localPeer);
    EXPECT_EQ(isolated.actions, inProcess.actions);
    EXPECT_EQ(isolated.results, inProcess.results);
    EXPECT_EQ(isolated.packetLengths, inProcess.packetLengths);
    EXPECT_EQ(isolated.codes, inProcess.codes);
    ASSERT_EQ(isolated.codes.size(), 3u);
    EXPECT_EQ(isolated.codes[0], 1);  // Request/MD5-Challenge
    EXPECT_EQ(isolated.codes[1], 2);  // Response
}

}  // namespace
}  // namespace eapscope
