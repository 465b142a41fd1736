// Each rule of the contract checker fires on a synthetic outcome that breaks it, and stays
// quiet on the same call done right (issue 2 part 5).
#include "checker/contract_checker.h"
#include "checker/rule_catalogue.h"

#include "eapscope/raseap.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

CallFacts makeMessageFacts(bool authenticator, std::optional<Bytes> received = std::nullopt)
{
    CallFacts f;
    f.side = authenticator ? Side::Authenticator : Side::Peer;
    f.context = ContextId(0);
    f.call = EventId(42);
    f.entry = EntryPoint::MakeMessage;
    f.authenticator = authenticator;
    f.eapType = 4;
    f.cbSendPacket = 100;
    f.received = std::move(received);
    return f;
}

CallOutcome sending(Bytes packet, std::uint32_t action = EAPACTION_Send)
{
    CallOutcome o;
    o.entry = EntryPoint::MakeMessage;
    o.action = action;
    o.sendLengthField = packet.size() >= 4 ? (std::uint32_t{packet[2]} << 8 | packet[3]) : 0;
    o.sendPacket = std::move(packet);
    return o;
}

std::vector<std::string> rulesOf(const std::vector<FindingRecord>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings) {
        out.push_back(f.rule);
    }
    return out;
}

std::vector<std::string> check(const CallFacts& facts, const CallOutcome& outcome, PacketHistory history = {})
{
    return rulesOf(ContractChecker().checkCall(facts, outcome, history));
}

using Rules = std::vector<std::string>;
const Bytes kRequest{1, 2, 0, 6, 4, 9};

TEST(RuleCatalogue, HoldsEveryDesignRuleWithTextAndSection)
{
    for (const char* id : {"LOAD_NO_GETINFO",
                           "LOAD_GETINFO_FAILED",
                           "LOAD_TYPE_MISMATCH",
                           "LOAD_NO_MAKEMESSAGE",
                           "LOAD_INFO_OVERRUN",
                           "INIT_FAILED",
                           "BEGIN_NO_WORKBUFFER",
                           "BEGIN_WORKBUFFER_REUSED",
                           "INPUT_MODIFIED",
                           "INPUT_USED_AFTER_CALL",
                           "OUTPUT_OVERRUN",
                           "PACKET_OVERFLOW",
                           "PACKET_BAD_LENGTH",
                           "PACKET_BAD_CODE",
                           "PACKET_BAD_TYPE",
                           "PACKET_BAD_ID",
                           "RESEND_DIFFERS",
                           "ACTION_INVALID",
                           "ACTION_ROLE",
                           "RESULT_INCONSISTENT",
                           "ATTRIBUTES_MALFORMED",
                           "CALL_FAILED",
                           "END_FAILED",
                           "WORKBUFFER_NOT_FREED",
                           "HEAP_LEAK",
                           "CROSS_CONTEXT_FREE",
                           "USE_AFTER_END",
                           "DOUBLE_FREE",
                           "INVALID_FREE",
                           "UNLOAD_LEAK",
                           "CRASH",
                           "HANG",
                           "SLOW_CALL",
                           "REPLAY_DIVERGENCE",
                           "RADIUS_NO_RESPONSE",
                           "MPPE_KEY_MISMATCH"}) {
        const RuleInfo info = ruleInfo(id);
        EXPECT_EQ(info.id, id);
        EXPECT_FALSE(info.text.empty()) << id;
        EXPECT_NE(info.section.find("RASEAP.md"), std::string_view::npos) << id;
    }
    EXPECT_EQ(allRules().size(), 37u);
    EXPECT_FALSE(isKnownRule("NOT_A_RULE"));
}

TEST(ContractChecker, CorrectPeerResponseHasNoFindings)
{
    PacketHistory h;
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), sending({2, 2, 0, 6, 4, 1})), Rules{});
}

TEST(ContractChecker, LoadFindingsBecomeLoadRules)
{
    LoadReport report;
    report.findings.push_back({"LOAD_TYPE_MISMATCH", "dwEapTypeId 5, requested 4"});
    const auto findings = ContractChecker().checkLoad(report, Side::Peer, EventId(1));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].rule, "LOAD_TYPE_MISMATCH");
    EXPECT_EQ(findings[0].side, Side::Peer);
    EXPECT_EQ(findings[0].entry, EntryPoint::GetInfo);
}

TEST(ContractChecker, InitFailed)
{
    CallFacts f;
    f.entry = EntryPoint::Initialize;
    CallOutcome o;
    o.result = ERROR_DLL_INIT_FAILED;
    EXPECT_EQ(check(f, o), Rules{"INIT_FAILED"});
    o.result = 0;
    EXPECT_EQ(check(f, o), Rules{});
}

TEST(ContractChecker, BeginWorkBufferRules)
{
    CallFacts f;
    f.entry = EntryPoint::Begin;
    f.otherLiveWorkBuffers = {0x1000};
    CallOutcome o;
    o.workBufferWritten = false;
    EXPECT_EQ(check(f, o), Rules{"BEGIN_NO_WORKBUFFER"});
    o.workBufferWritten = true;
    o.workBuffer = 0x1000;
    EXPECT_EQ(check(f, o), Rules{"BEGIN_WORKBUFFER_REUSED"});
    o.workBuffer = 0x2000;
    EXPECT_EQ(check(f, o), Rules{});
}

TEST(ContractChecker, ObservationsAroundTheCall)
{
    auto f = makeMessageFacts(false, kRequest);
    auto o = sending({2, 2, 0, 6, 4, 1});
    o.inputModified = "received packet";
    EXPECT_EQ(check(f, o), Rules{"INPUT_MODIFIED"});
    o.inputModified.clear();
    o.outputOverrun = true;
    EXPECT_EQ(check(f, o), Rules{"OUTPUT_OVERRUN"});
    o.outputOverrun = false;
    o.packetOverflow = true;
    o.overflowOffset = 100;
    const auto findings = ContractChecker().checkCall(f, o, *std::make_unique<PacketHistory>());
    ASSERT_EQ(rulesOf(findings), Rules{"PACKET_OVERFLOW"});
    EXPECT_EQ(findings[0].offset, 100);
    o.packetOverflow = false;
    o.inputUsedAfterCall = true;
    EXPECT_EQ(check(f, o), Rules{"INPUT_USED_AFTER_CALL"});
}

TEST(ContractChecker, PacketLengthCodeAndType)
{
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), sending({2, 2, 0, 3})), Rules{"PACKET_BAD_LENGTH"});
    auto tooLong = sending({2, 2, 0, 6, 4, 1});
    tooLong.sendLengthField = 101;
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), tooLong), Rules{"PACKET_BAD_LENGTH"});
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), sending({1, 2, 0, 6, 4, 1})),
              Rules{"PACKET_BAD_CODE"});
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), sending({2, 2, 0, 6, 5, 1})),
              Rules{"PACKET_BAD_TYPE"});
    PacketHistory h;
    h.lastReceivedId = 2;
    EXPECT_EQ(check(makeMessageFacts(true, Bytes{2, 2, 0, 6, 4, 1}),
                    sending({3, 2, 0, 5, 0}, EAPACTION_SendAndDone), h),
              Rules{"PACKET_BAD_LENGTH"});
}

TEST(ContractChecker, IdentifierRules)
{
    PacketHistory first;
    first.initialId = 7;
    EXPECT_EQ(check(makeMessageFacts(true), sending({1, 7, 0, 6, 4, 1}, EAPACTION_SendWithTimeout), first),
              Rules{});
    EXPECT_EQ(check(makeMessageFacts(true), sending({1, 9, 0, 6, 4, 1}, EAPACTION_SendWithTimeout), first),
              Rules{"PACKET_BAD_ID"});
    PacketHistory next;
    next.lastRequestId = 7;
    EXPECT_EQ(check(makeMessageFacts(true, Bytes{2, 7, 0, 6, 4, 1}),
                    sending({1, 7, 0, 6, 4, 1}, EAPACTION_SendWithTimeout), next),
              Rules{"PACKET_BAD_ID"});
    EXPECT_EQ(check(makeMessageFacts(false, kRequest), sending({2, 3, 0, 6, 4, 1})), Rules{"PACKET_BAD_ID"});
    EXPECT_EQ(
        check(makeMessageFacts(true, Bytes{2, 7, 0, 6, 4, 1}), sending({3, 6, 0, 4}, EAPACTION_SendAndDone)),
        Rules{"PACKET_BAD_ID"});
}

TEST(ContractChecker, ResendMustBeByteIdentical)
{
    PacketHistory h;
    h.lastSent = Bytes{1, 7, 0, 6, 4, 1};
    h.lastRequestId = 7;
    auto f = makeMessageFacts(true);
    f.timeoutCall = true;
    EXPECT_EQ(check(f, sending({1, 7, 0, 6, 4, 1}, EAPACTION_SendWithTimeout), h), Rules{});
    const auto findings =
        ContractChecker().checkCall(f, sending({1, 7, 0, 6, 4, 2}, EAPACTION_SendWithTimeout), h);
    ASSERT_EQ(rulesOf(findings), Rules{"RESEND_DIFFERS"});
    EXPECT_EQ(findings[0].offset, 5);
}

TEST(ContractChecker, PeerAnswersARepeatedRequestTheSameWay)
{
    PacketHistory h;
    ContractChecker checker;
    const auto f = makeMessageFacts(false, kRequest);
    EXPECT_TRUE(checker.checkCall(f, sending({2, 2, 0, 6, 4, 1}), h).empty());
    EXPECT_EQ(rulesOf(checker.checkCall(f, sending({2, 2, 0, 6, 4, 2}), h)), Rules{"RESEND_DIFFERS"});
}

TEST(ContractChecker, ActionRules)
{
    CallOutcome o;
    o.action = 7;
    EXPECT_EQ(check(makeMessageFacts(true), o), Rules{"ACTION_INVALID"});
    o.action = 42;
    EXPECT_EQ(check(makeMessageFacts(true), o), Rules{"ACTION_INVALID"});
    o.action = EAPACTION_Authenticate;
    o.outputAttributes = {AuthAttribute{raatUserName, 1, true, {'a'}, 0}};
    EXPECT_EQ(check(makeMessageFacts(false), o), Rules{"ACTION_ROLE"});
    EXPECT_EQ(check(makeMessageFacts(true), o), Rules{});
    CallOutcome ui;
    ui.invokeInteractiveUI = true;
    EXPECT_EQ(check(makeMessageFacts(true), ui), Rules{"ACTION_ROLE"});
    EXPECT_EQ(check(makeMessageFacts(false), ui), Rules{});
}

TEST(ContractChecker, ResultConsistency)
{
    auto ok = sending({3, 2, 0, 4}, EAPACTION_SendAndDone);
    ok.authResultCode = ERROR_AUTHENTICATION_FAILURE;
    EXPECT_EQ(check(makeMessageFacts(true, Bytes{2, 2, 0, 6, 4, 1}), ok), Rules{"RESULT_INCONSISTENT"});
    auto fail = sending({4, 2, 0, 4}, EAPACTION_SendAndDone);
    EXPECT_EQ(check(makeMessageFacts(true, Bytes{2, 2, 0, 6, 4, 1}), fail), Rules{"RESULT_INCONSISTENT"});
    fail.authResultCode = ERROR_AUTHENTICATION_FAILURE;
    EXPECT_EQ(check(makeMessageFacts(true, Bytes{2, 2, 0, 6, 4, 1}), fail), Rules{});
}

TEST(ContractChecker, AttributesMalformed)
{
    CallOutcome o;
    o.action = EAPACTION_Done;
    o.attributesProblem = "no raatMinimum terminator within 256 entries";
    EXPECT_EQ(check(makeMessageFacts(true), o), Rules{"ATTRIBUTES_MALFORMED"});
    CallOutcome empty;
    empty.action = EAPACTION_Authenticate;
    EXPECT_EQ(check(makeMessageFacts(true), empty), Rules{"ATTRIBUTES_MALFORMED"});
}

TEST(ContractChecker, CallFailedIsInfoForRecognisedErrorsAndErrorOtherwise)
{
    CallOutcome o;
    o.result = ERROR_AUTHENTICATION_FAILURE;
    auto f = makeMessageFacts(false, kRequest);
    PacketHistory h;
    auto findings = ContractChecker().checkCall(f, o, h);
    ASSERT_EQ(rulesOf(findings), Rules{"CALL_FAILED"});
    EXPECT_EQ(findings[0].severity, Severity::Info);
    o.result = 0xDEADBEEF;
    findings = ContractChecker().checkCall(f, o, h);
    ASSERT_EQ(rulesOf(findings), Rules{"CALL_FAILED"});
    EXPECT_EQ(findings[0].severity, Severity::Error);
    o.result = ERROR_PPP_INVALID_PACKET;
    EXPECT_EQ(check(f, o), Rules{});
}

TEST(ContractChecker, EndFailed)
{
    CallFacts f;
    f.entry = EntryPoint::End;
    CallOutcome o;
    o.result = 5;
    EXPECT_EQ(check(f, o), Rules{"END_FAILED"});
}

TEST(ContractChecker, HostFailuresBecomeCrashHangOrOverflow)
{
    CallFacts f = makeMessageFacts(false, kRequest);
    CallOutcome o;
    o.failure = HostFailure{HostFailure::Kind::Crash, 6, std::nullopt, "abort"};
    auto findings = ContractChecker().checkCall(f, o, *std::make_unique<PacketHistory>());
    ASSERT_EQ(rulesOf(findings), Rules{"CRASH"});
    EXPECT_EQ(findings[0].signal, 6);
    o.failure = HostFailure{HostFailure::Kind::Exit, std::nullopt, 3, "exit(3)"};
    findings = ContractChecker().checkCall(f, o, *std::make_unique<PacketHistory>());
    EXPECT_EQ(findings[0].exitStatus, 3);
    o.failure = HostFailure{HostFailure::Kind::Hang, std::nullopt, std::nullopt, ""};
    EXPECT_EQ(check(f, o), Rules{"HANG"});
    o.failure = HostFailure{HostFailure::Kind::PacketOverflowFault, 11, std::nullopt, ""};
    EXPECT_EQ(check(f, o), Rules{"PACKET_OVERFLOW"});
}

TEST(ContractChecker, SlowCall)
{
    CallFacts f;
    f.entry = EntryPoint::Begin;
    CallOutcome o;
    o.workBufferWritten = true;
    o.durationNs = 600'000'000;
    EXPECT_EQ(check(f, o), Rules{"SLOW_CALL"});
    o.durationNs = 400'000'000;
    EXPECT_EQ(check(f, o), Rules{});
}

}  // namespace
}  // namespace eapscope
