// Guards in the isolated host (issue 3 part 4): a write past cbSendPacket faults on the
// trailing PROT_NONE page and comes back as packetOverflow with its offset, not as a crash;
// a read of Begin input kept past Begin is INPUT_USED_AFTER_CALL and the method goes on.
#include "host_test_support.h"

namespace eapscope {
namespace {

using namespace eapscope::testing;

TEST(HostGuards, WritePastSendBuffer_IsPacketOverflowWithOffsetNotCrash)
{
    FaultEnv env("overflow@make");
    auto executor = loadFaultMethod(hostOptions());
    const CallOutcome begun = executor->begin(beginRequest(1));
    ASSERT_FALSE(begun.failure.has_value());
    MakeMessageRequest request = makeRequest(1, begun.workBuffer);
    request.cbSendPacket = 100;
    const CallOutcome outcome = executor->makeMessage(request);
    EXPECT_FALSE(outcome.failure.has_value()) << outcome.failure->detail;
    EXPECT_TRUE(outcome.packetOverflow);
    ASSERT_TRUE(outcome.overflowOffset.has_value());
    EXPECT_EQ(*outcome.overflowOffset, 100);  // the first byte past cbSendPacket
    EXPECT_TRUE(executor->alive());

    // The guard is re-armed: the next call overflows and is caught again.
    request.cbSendPacket = 50;
    const CallOutcome again = executor->makeMessage(request);
    EXPECT_TRUE(again.packetOverflow);
    EXPECT_EQ(again.overflowOffset, std::optional<std::int64_t>(50));
    EXPECT_FALSE(executor->end(1, begun.workBuffer).failure.has_value());
}

TEST(HostGuards, BeginInputReadLater_IsInputUsedAfterCallAndTheMethodContinues)
{
    FaultEnv env("keepid@make");
    auto executor = loadFaultMethod(hostOptions());
    const CallOutcome begun = executor->begin(beginRequest(1));
    ASSERT_FALSE(begun.failure.has_value());
    EXPECT_FALSE(begun.inputUsedAfterCall);
    const CallOutcome outcome = executor->makeMessage(makeRequest(1, begun.workBuffer));
    EXPECT_FALSE(outcome.failure.has_value());
    EXPECT_TRUE(outcome.inputUsedAfterCall);
    EXPECT_NE(outcome.inputUsedDetail.find("identity"), std::string::npos) << outcome.inputUsedDetail;
    EXPECT_TRUE(executor->alive());
    EXPECT_FALSE(executor->end(1, begun.workBuffer).failure.has_value());
}

TEST(HostGuards, CleanMethod_TriggersNoGuard)
{
    FaultEnv env(nullptr);
    auto executor = loadFaultMethod(hostOptions());
    const CallOutcome begun = executor->begin(beginRequest(1));
    const CallOutcome outcome = executor->makeMessage(makeRequest(1, begun.workBuffer));
    EXPECT_FALSE(outcome.packetOverflow);
    EXPECT_FALSE(outcome.inputUsedAfterCall);
    EXPECT_FALSE(outcome.failure.has_value());
}

}  // namespace
}  // namespace eapscope
