// CallRunner observations (RASEAP.md §3.7, §3.8) with the runner-probe test method, whose
// misbehaviour is chosen by the identity given at Begin.
#include "method/call_runner.h"
#include "method/in_process_executor.h"
#include "trace/trace.h"

#include <eapscope/raseap.h>
#include <gtest/gtest.h>

#include <csignal>

namespace eapscope {
namespace {

const Bytes kRequest = {1, 7, 0, 6, 4, 0x11};

class MethodRunner : public ::testing::TestWithParam<GuardMode> {
protected:
    void SetUp() override
    {
        executor_ = std::make_unique<InProcessExecutor>(GetParam());
        const LoadReport report =
            executor_->load({std::string(EAPSCOPE_TEST_METHODS_DIR) + "/method-runner-probe.so", "", 4});
        ASSERT_TRUE(report.ok) << report.error;
    }

    CallOutcome begin(const std::u16string& mode, std::uint32_t tag = 1)
    {
        BeginRequest request;
        request.contextTag = tag;
        request.identity = mode;
        request.password = u"secret";
        request.initialId = 7;
        request.connectionData = {1, 2, 3};
        request.userData = {4, 5};
        return executor_->begin(request);
    }

    CallOutcome call(std::uint64_t work, std::optional<Bytes> packet = kRequest, std::uint32_t cb = 1400,
                     std::uint32_t outputSize = 80)
    {
        MakeMessageRequest request;
        request.contextTag = 1;
        request.workBuffer = work;
        request.receivePacket = std::move(packet);
        request.cbSendPacket = cb;
        request.outputSize = outputSize;
        return executor_->makeMessage(request);
    }

    std::unique_ptr<InProcessExecutor> executor_;
};

TEST_P(MethodRunner, CleanCallHasNoObservationsAndCopiesThePacket)
{
    const CallOutcome started = begin(u"clean");
    ASSERT_EQ(started.result, 0u);
    EXPECT_TRUE(started.workBufferWritten);
    EXPECT_NE(started.workBuffer, 0u);
    EXPECT_EQ(started.inputModified, "");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_EQ(outcome.result, 0u);
    EXPECT_EQ(outcome.action, static_cast<std::uint32_t>(EAPACTION_Send));
    EXPECT_EQ(outcome.sendPacket, (Bytes{2, 7, 0, 6, 4, 0xAB}));
    EXPECT_EQ(outcome.sendLengthField, 6u);
    EXPECT_FALSE(outcome.packetOverflow);
    EXPECT_FALSE(outcome.outputOverrun);
    EXPECT_EQ(outcome.inputModified, "");
    EXPECT_FALSE(outcome.inputUsedAfterCall);
    EXPECT_TRUE(outcome.attributesProblem.empty());
    EXPECT_EQ(executor_->end(1, started.workBuffer).result, 0u);
}

TEST_P(MethodRunner, BeginWithoutWritingTheWorkBufferIsSeen)
{
    const CallOutcome started = begin(u"no-workbuffer");
    EXPECT_EQ(started.result, 0u);
    EXPECT_FALSE(started.workBufferWritten);
    EXPECT_EQ(started.workBuffer, 0u);
}

TEST_P(MethodRunner, InputModifiedNamesTheField)
{
    const CallOutcome started = begin(u"modify-input");
    EXPECT_EQ(started.inputModified, "PPP_EAP_INPUT.fFlags");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_EQ(outcome.inputModified, "PPP_EAP_INPUT.bInitialId, received packet");
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, IdentityStringModifiedIsNamed)
{
    const CallOutcome started = begin(u"modify-identity");
    EXPECT_EQ(started.inputModified, "identity");
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, BackEndResultAndAttributesReachTheMethodOnlyWithAuthComplete)
{
    const CallOutcome started = begin(u"echo-backend");
    MakeMessageRequest request{.contextTag = 1, .workBuffer = started.workBuffer};
    request.flags = kCallFlagAuthComplete;
    request.authResultCode = 691;
    request.userAttributes = {
        AuthAttribute{.type = raatReplyMessage, .length = 2, .data = {'h', 'i'}},
        AuthAttribute{.type = raatSessionTimeout, .length = 4, .pointer = false, .integral = 60}};
    const CallOutcome complete = executor_->makeMessage(request);
    EXPECT_EQ(complete.authResultCode, 691u);
    ASSERT_EQ(complete.outputAttributes.size(), 2u);
    EXPECT_EQ(complete.outputAttributes[0], request.userAttributes[0]);
    EXPECT_EQ(complete.outputAttributes[1], request.userAttributes[1]);
    EXPECT_TRUE(complete.attributesProblem.empty()) << complete.attributesProblem;

    const CallOutcome plain = call(started.workBuffer, std::nullopt);  // per-call fields reset
    EXPECT_EQ(plain.authResultCode, 0xFFFFu);
    EXPECT_TRUE(plain.outputAttributes.empty());
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, OutputBuffersAreCopied)
{
    const CallOutcome started = begin(u"save-data");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_TRUE(outcome.invokeInteractiveUI);
    EXPECT_EQ(outcome.uiContextData, (Bytes{9, 8, 7}));
    EXPECT_TRUE(outcome.saveConnectionData);
    EXPECT_EQ(outcome.connectionData, (Bytes{9, 8}));
    EXPECT_TRUE(outcome.saveUserData);
    EXPECT_EQ(outcome.userData, (Bytes{7}));
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, ReceivedPacketShorterThanItsLengthIsPaddedNotOverread)
{
    const CallOutcome started = begin(u"clean");
    const CallOutcome outcome = call(started.workBuffer, Bytes{1, 9, 0, 200, 4});
    EXPECT_EQ(outcome.result, 0u);
    EXPECT_EQ(outcome.sendPacket.at(1), 9);
    EXPECT_EQ(outcome.inputModified, "");
    executor_->end(1, started.workBuffer);
}

// Canary mode only: in Pages mode the same writes fault (MethodRunnerPages below).
class MethodRunnerCanary : public MethodRunner {};

TEST_P(MethodRunnerCanary, SendOverflowGivesTheOffsetOfTheFirstStrayByte)
{
    const CallOutcome started = begin(u"send-overflow");
    const CallOutcome outcome = call(started.workBuffer, kRequest, 64);
    EXPECT_TRUE(outcome.packetOverflow);
    ASSERT_TRUE(outcome.overflowOffset.has_value());
    EXPECT_EQ(*outcome.overflowOffset, 64);
    EXPECT_EQ(outcome.sendLengthField, 67u);
    EXPECT_EQ(outcome.sendPacket.size(), 64u);  // clamped to cbSendPacket
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, OutputOverrunPastTheHostSizeIsSeen)
{
    const CallOutcome started = begin(u"output-overrun");
    EXPECT_TRUE(call(started.workBuffer, kRequest, 1400, 80).outputOverrun);
    EXPECT_FALSE(call(started.workBuffer, kRequest, 1400, 96).outputOverrun);  // current size: field exists
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunner, MalformedOutputAttributesAreDescribed)
{
    for (const auto& [mode, expected] :
         std::vector<std::pair<std::u16string, std::string>>{{u"bad-attributes", "dwLength 3"},
                                                             {u"unterminated", "no raatMinimum terminator"},
                                                             {u"mppe", "Vendor-Length 40"}}) {
        const CallOutcome started = begin(mode);
        const CallOutcome outcome = call(started.workBuffer);
        EXPECT_NE(outcome.attributesProblem.find(expected), std::string::npos) << outcome.attributesProblem;
        executor_->end(1, started.workBuffer);
    }
}

// (In Pages mode the identity and password pages are poisoned, so reading them faults.)
TEST_P(MethodRunnerCanary, BeginFieldsStayPopulatedAndBeginOnlyDataIsGone)
{
    const CallOutcome started = begin(u"check-begin");
    EXPECT_EQ(call(started.workBuffer).result, 0u);
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunnerCanary, IdentityStaysReadableInLaterCalls)
{
    const CallOutcome started = begin(u"keep-identity");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_EQ(outcome.result, 0u);
    EXPECT_FALSE(outcome.inputUsedAfterCall);
    executor_->end(1, started.workBuffer);
}

INSTANTIATE_TEST_SUITE_P(Method, MethodRunner, ::testing::Values(GuardMode::Canary, GuardMode::Pages),
                         [](const auto& param) {
                             return param.param == GuardMode::Canary ? "Canary" : "Pages";
                         });
INSTANTIATE_TEST_SUITE_P(Method, MethodRunnerCanary, ::testing::Values(GuardMode::Canary),
                         [](const auto&) { return "Canary"; });

// Pages mode: a SIGSEGV handler resumes the faulting access through the runner, as the host does.
CallRunner* gRunner = nullptr;

void onSegv(int, siginfo_t* info, void*)
{
    if (gRunner && (gRunner->unpoisonInput(info->si_addr) || gRunner->resumeSendOverflow(info->si_addr))) {
        return;
    }
    std::signal(SIGSEGV, SIG_DFL);
}

class MethodRunnerPages : public MethodRunner {
protected:
    void SetUp() override
    {
        MethodRunner::SetUp();
        gRunner = executor_->runner();
        struct sigaction action {};
        action.sa_sigaction = onSegv;
        action.sa_flags = SA_SIGINFO;
        sigaction(SIGSEGV, &action, &previous_);
    }
    void TearDown() override
    {
        sigaction(SIGSEGV, &previous_, nullptr);
        gRunner = nullptr;
    }
    struct sigaction previous_ {};
};

TEST_P(MethodRunnerPages, IdentityReadAfterBeginIsInputUsedAfterCall)
{
    const CallOutcome started = begin(u"keep-identity");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_EQ(outcome.result, 0u);  // the read resumed and saw the identity
    EXPECT_TRUE(outcome.inputUsedAfterCall);
    EXPECT_NE(outcome.inputUsedDetail.find("identity"), std::string::npos) << outcome.inputUsedDetail;
    EXPECT_TRUE(call(started.workBuffer).inputUsedAfterCall);  // poisoned again for the next call
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunnerPages, ConnectionDataReadAfterBeginIsInputUsedAfterCall)
{
    const CallOutcome started = begin(u"keep-connection");
    const CallOutcome outcome = call(started.workBuffer);
    EXPECT_EQ(outcome.result, 0u);
    EXPECT_TRUE(outcome.inputUsedAfterCall);
    EXPECT_NE(outcome.inputUsedDetail.find("connection data"), std::string::npos) << outcome.inputUsedDetail;
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunnerPages, SendOverflowFaultsAtTheFirstStrayByte)
{
    const CallOutcome started = begin(u"send-overflow");
    const CallOutcome outcome = call(started.workBuffer, kRequest, 64);
    EXPECT_TRUE(outcome.packetOverflow);
    ASSERT_TRUE(outcome.overflowOffset.has_value());
    EXPECT_EQ(*outcome.overflowOffset, 64);
    // The guard page is re-armed for the next call: the same overflow is caught again.
    const CallOutcome again = call(started.workBuffer, kRequest, 64);
    EXPECT_TRUE(again.packetOverflow);
    EXPECT_EQ(again.overflowOffset.value_or(-1), 64);
    executor_->end(1, started.workBuffer);
}

TEST_P(MethodRunnerPages, FaultHelpersRecogniseOnlyTheirPages)
{
    const CallOutcome started = begin(u"clean");
    int local = 0;
    EXPECT_FALSE(gRunner->isPoisonedInput(&local));
    EXPECT_FALSE(gRunner->sendGuardOffset(&local).has_value());
    executor_->end(1, started.workBuffer);
}

INSTANTIATE_TEST_SUITE_P(Method, MethodRunnerPages, ::testing::Values(GuardMode::Pages),
                         [](const auto&) { return "Pages"; });

}  // namespace
}  // namespace eapscope
