// The RADIUS server counterpart of the engine (EapScope as NAS, session_radius.cpp) against a
// RADIUS server played in the test through the RadiusTransport interface, using the same codec:
// what the NAS puts in its Access-Requests, how it answers Challenge/Accept/Reject, its bounded
// retransmission and the RADIUS_NO_RESPONSE and MPPE_KEY_MISMATCH findings. The real
// FreeRADIUS is met in tests/interop.
#include "engine/session_engine.h"

#include "eapscope/raseap.h"
#include "fake_executor.h"
#include "radius/radius_authenticator.h"
#include "radius/radius_mppe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <thread>

namespace eapscope {
namespace {

using test::FakeExecutor;
constexpr const char* kSecret = "testing123";

// A RADIUS server for the fake method's PAP-like type 4 protocol: Response/Identity →
// Challenge(Request "hello", State), Response(password) → Accept or Reject.
class TestRadiusServer : public radius::RadiusTransport {
public:
    Status send(std::span<const std::uint8_t> datagram) override
    {
        requests.emplace_back(datagram.begin(), datagram.end());
        if (silent > 0) {
            --silent;
            return Ok{};
        }
        auto request = radius::decodePacket(datagram);
        EXPECT_TRUE(request);
        EXPECT_TRUE(radius::verifyRequest(datagram, kSecret))
            << "the NAS must sign with Message-Authenticator";
        const radius::Bytes eap = request->eapMessage();
        radius::RadiusPacket reply;
        reply.identifier = request->identifier;
        if (eap.size() >= 5 && eap[4] == 1) {  // Response/Identity
            reply.code = radius::AccessChallenge;
            reply.setEapMessage(
                radius::Bytes{1, static_cast<std::uint8_t>(eap[1] + 1), 0, 10, 4, 'h', 'e', 'l', 'l', 'o'});
            reply.add(radius::State, radius::Bytes{'s', '1'});
            reply.addText(radius::ReplyMessage, "Hello from the test server");
        } else {
            const std::string password(eap.begin() + 5, eap.end());
            const bool ok = password == "secret";
            reply.code = ok ? radius::AccessAccept : radius::AccessReject;
            reply.setEapMessage(radius::Bytes{static_cast<std::uint8_t>(ok ? 3 : 4), eap[1], 0, 4});
            if (ok && sendKeys) {
                for (auto [type, key] : {std::pair{radius::kMsMppeRecvKey, recvKey},
                                         std::pair{radius::kMsMppeSendKey, sendKey}}) {
                    reply.addVendorAttribute(
                        radius::kVendorMicrosoft, type,
                        *radius::encryptMppeKey(key, kSecret, request->authenticator, 0x1234));
                }
            }
            if (!ok) {
                reply.addText(radius::ReplyMessage, "Wrong password");
                reply.addInteger(radius::ErrorCause, 404);
            }
        }
        auto signed_ = radius::signResponse(reply, request->authenticator, answerSecret);
        replies.push_back(*signed_);
        if (stallMs > 0) {  // the answer is there, but the NAS gets back to it late
            std::this_thread::sleep_for(std::chrono::milliseconds(stallMs));
        }
        return Ok{};
    }

    std::optional<std::vector<std::uint8_t>> receive(std::chrono::milliseconds) override
    {
        if (replies.empty()) {
            return std::nullopt;
        }
        auto reply = replies.front();
        replies.pop_front();
        return reply;
    }

    int silent = 0;   // requests left unanswered
    int stallMs = 0;  // the NAS is busy this long after each send (a loaded controller)
    bool sendKeys = false;
    radius::Bytes recvKey = radius::Bytes(32, 0xAA), sendKey = radius::Bytes(32, 0xBB);
    std::string answerSecret = kSecret;
    std::vector<radius::Bytes> requests;
    std::deque<radius::Bytes> replies;
};

// RASEAP.md §2.4 MPPE key VSA as a method exports it.
AuthAttribute mppeAttribute(std::uint8_t type, const radius::Bytes& key)
{
    Bytes d = {0, 0, 1, 0x37, type, 52, 0, 0, 32};
    d.insert(d.end(), key.begin(), key.end());
    d.resize(56, 0);
    return AuthAttribute{raatVendorSpecific, 56, true, d, 0};
}

struct NasRun {
    FakeExecutor peer{4};
    TestRadiusServer server;
    Trace trace;
    EngineConfig config;

    NasRun()
    {
        config.peer = {&peer, LoadRequest{"/fake/peer.so", "peer", std::nullopt}};
        config.counterpart = Counterpart::RadiusServer;
        config.identity = "alice";
        config.peerPassword = "secret";
        config.radius = RadiusNasConfig{&server, "test-server:1812", kSecret, 10, 2};
    }

    std::vector<SideOutcome> run()
    {
        SessionEngine engine(config, trace);
        EXPECT_EQ(engine.run().kind, StepKind::Finished);
        return engine.outcomes();
    }

    std::vector<std::string> rules() const
    {
        std::vector<std::string> out;
        for (const auto& f : trace.findings()) {
            out.push_back(f.rule);
        }
        return out;
    }

    std::vector<std::string> texts(EventKind kind) const
    {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            if (trace.kinds()[i] == kind) {
                out.emplace_back(trace.string(trace.texts()[i]));
            }
        }
        return out;
    }

    bool hasText(EventKind kind, std::string_view needle) const
    {
        const auto all = texts(kind);
        return std::any_of(all.begin(), all.end(),
                           [&](const std::string& t) { return t.find(needle) != t.npos; });
    }
};

Outcome outcomeOf(const std::vector<SideOutcome>& outcomes, Side side)
{
    for (const auto& o : outcomes) {
        if (o.side == side) {
            return o.outcome;
        }
    }
    return Outcome::None;
}

TEST(RadiusCounterpart, RightPassword_ServerAcceptsAndBothLanesSucceed)
{
    NasRun run;
    const auto outcomes = run.run();
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Success);
    EXPECT_EQ(outcomeOf(outcomes, Side::Authenticator), Outcome::Success);  // the server's lane
    EXPECT_TRUE(run.rules().empty());
    EXPECT_EQ(run.server.requests.size(), 2u);
    EXPECT_EQ(run.trace.context(outcomes[0].context).side, Side::Authenticator);
    EXPECT_EQ(run.trace.string(run.trace.contexts()[0].label), "RADIUS server test-server:1812");
    EXPECT_EQ(run.texts(EventKind::Radius).size(), 4u);  // two requests, two answers
    EXPECT_TRUE(run.hasText(EventKind::Note, "Reply-Message: Hello from the test server"));
}

TEST(RadiusCounterpart, AccessRequests_CarryNasAttributesUserNameAndEchoState)
{
    NasRun run;
    run.run();
    ASSERT_EQ(run.server.requests.size(), 2u);
    const auto first = *radius::decodePacket(run.server.requests[0]);
    const auto second = *radius::decodePacket(run.server.requests[1]);
    EXPECT_EQ(first.text(radius::UserName), "alice");
    EXPECT_EQ(first.integer(radius::NasPort), 1u);
    EXPECT_EQ(first.integer(radius::NasPortType), radius::kNasPortTypeWireless80211);
    EXPECT_EQ(first.text(radius::CallingStationId), "02-00-00-00-00-01");
    ASSERT_NE(first.find(radius::NasIpAddress), nullptr);
    EXPECT_EQ(first.find(radius::State), nullptr);
    ASSERT_NE(second.find(radius::State), nullptr);
    EXPECT_EQ(second.find(radius::State)->value, (radius::Bytes{'s', '1'}));
    EXPECT_NE(first.identifier, second.identifier);
    EXPECT_EQ(second.eapMessage()[0], 2);  // the method's Response
}

TEST(RadiusCounterpart, WrongPassword_ServerRejectsAndReplyMessageAndErrorCauseAreRecorded)
{
    NasRun run;
    run.config.peerPassword = "wrong";
    const auto outcomes = run.run();
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Failure);
    EXPECT_EQ(outcomeOf(outcomes, Side::Authenticator), Outcome::Failure);
    EXPECT_TRUE(run.rules().empty());
    EXPECT_TRUE(run.hasText(EventKind::Note, "Reply-Message: Wrong password"));
    EXPECT_TRUE(run.hasText(EventKind::Note, "Error-Cause 404 Invalid Request"));
    // The Note's text is English in the record and a sentence for the GUI to translate, with
    // what the server wrote as it is.
    const Trace& trace = run.trace;
    bool found = false;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] == EventKind::Note &&
            trace.string(trace.texts()[i]) == "Error-Cause 404 Invalid Request") {
            const MessageText* sentence = trace.sentence(trace.texts()[i]);
            ASSERT_NE(sentence, nullptr);
            EXPECT_EQ(sentence->source, "Error-Cause %1 %2");
            EXPECT_EQ(sentence->english(), "Error-Cause 404 Invalid Request");
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(RadiusCounterpart, LostAnswers_AreRetransmittedByteForByteWithinTheBound)
{
    NasRun run;
    run.server.silent = 2;  // first request and its first retransmission go unanswered
    const auto outcomes = run.run();
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Success);
    EXPECT_TRUE(run.rules().empty());
    ASSERT_EQ(run.server.requests.size(), 4u);
    EXPECT_EQ(run.server.requests[0], run.server.requests[1]);  // RFC 5080 §2.2.1: same Id and authenticator
    EXPECT_EQ(run.server.requests[1], run.server.requests[2]);
    EXPECT_TRUE(run.hasText(EventKind::Radius, "(retransmission 2)"));
}

// An answer that arrived while the NAS was busy past the timeout is taken, not retransmitted
// for: a loaded controller must not look like a lost packet (seen once under ASan in CI).
TEST(RadiusCounterpart, AnswerWaitingPastTheTimeout_IsTakenWithoutRetransmission)
{
    NasRun run;
    run.server.stallMs = 30;  // three times the test's 10 ms timeout
    const auto outcomes = run.run();
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Success);
    EXPECT_TRUE(run.rules().empty());
    EXPECT_EQ(run.server.requests.size(), 2u);
    EXPECT_FALSE(run.hasText(EventKind::Radius, "retransmission"));
}

TEST(RadiusCounterpart, ServerThatNeverAnswers_GivesRadiusNoResponseAndEndsThePeer)
{
    NasRun run;
    run.server.silent = 100;
    const auto outcomes = run.run();
    EXPECT_EQ(run.rules(), std::vector<std::string>{"RADIUS_NO_RESPONSE"});
    EXPECT_EQ(run.server.requests.size(), 3u);  // the first send and two retransmissions
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Error);
    EXPECT_EQ(outcomeOf(outcomes, Side::Authenticator), Outcome::Error);
    EXPECT_EQ(run.peer.endCalls, 0);  // the peer never began: no RasEapEnd owed
    EXPECT_NE(run.trace.findings()[0].message.find("did not answer 3 transmissions"), std::string::npos);
}

TEST(RadiusCounterpart, ServerSilentAfterTheMethodBegan_StillGetsItsRasEapEnd)
{
    NasRun run;
    run.server.silent = 0;
    int sends = 0;
    run.server.silent = 0;
    TestRadiusServer& server = run.server;
    run.peer.onMakeMessage = [&](const MakeMessageRequest&, CallOutcome&, bool) {
        if (++sends == 1) {
            server.silent = 100;  // answer the identity, then go silent
        }
    };
    const auto outcomes = run.run();
    EXPECT_EQ(run.rules(), std::vector<std::string>{"RADIUS_NO_RESPONSE"});
    EXPECT_EQ(outcomeOf(outcomes, Side::Peer), Outcome::Error);
    EXPECT_EQ(run.peer.beginCalls, 1);
    EXPECT_EQ(run.peer.endCalls, 1);
}

TEST(RadiusCounterpart, AnswersSignedWithAnotherSecret_AreDroppedLikeSilence)
{
    NasRun run;
    run.server.answerSecret = "other";
    run.run();
    EXPECT_EQ(run.rules(), std::vector<std::string>{"RADIUS_NO_RESPONSE"});
    EXPECT_TRUE(run.hasText(EventKind::Note, "Response Authenticator does not match"));
}

TEST(RadiusCounterpart, MatchingMppeKeys_GiveNoFinding)
{
    NasRun run;
    run.server.sendKeys = true;
    run.peer.onMakeMessage = [&](const MakeMessageRequest&, CallOutcome& o, bool) {
        if (o.action == EAPACTION_Done && o.authResultCode == NO_ERROR) {
            // The peer's Send-Key is the server's Recv-Key (RASEAP.md §2.4).
            o.outputAttributes = {mppeAttribute(16, run.server.recvKey),
                                  mppeAttribute(17, run.server.sendKey)};
        }
    };
    run.run();
    EXPECT_TRUE(run.rules().empty());
    EXPECT_TRUE(run.hasText(EventKind::Note, "MPPE keys OK"));
}

TEST(RadiusCounterpart, DifferentMppeKeys_GiveMppeKeyMismatch)
{
    NasRun run;
    run.server.sendKeys = true;
    run.peer.onMakeMessage = [&](const MakeMessageRequest&, CallOutcome& o, bool) {
        if (o.action == EAPACTION_Done && o.authResultCode == NO_ERROR) {
            o.outputAttributes = {mppeAttribute(16, run.server.recvKey),
                                  mppeAttribute(17, radius::Bytes(32, 0xCC))};
        }
    };
    run.run();
    ASSERT_EQ(run.rules(), std::vector<std::string>{"MPPE_KEY_MISMATCH"});
    const FindingRecord& f = run.trace.findings()[0];
    EXPECT_EQ(f.side, Side::Peer);
    EXPECT_EQ(
        f.message,
        "the method's MPPE keys differ from the server's: its Recv-Key is not the server's MS-MPPE-Send-Key");
    // The same sentence for the GUI to translate.
    EXPECT_EQ(f.text.source, f.message);
    EXPECT_EQ(f.text.english(), f.message);
}

TEST(RadiusCounterpart, ServerKeysButNoneFromTheMethod_GiveMppeKeyMismatch)
{
    NasRun run;
    run.server.sendKeys = true;
    run.run();
    EXPECT_EQ(run.rules(), std::vector<std::string>{"MPPE_KEY_MISMATCH"});
}

TEST(RadiusCounterpart, SeveralInterleavedConversations_AreMatchedByIdentifier)
{
    NasRun run;
    run.config.contexts = 3;
    run.config.interleave = true;
    const auto outcomes = run.run();
    ASSERT_EQ(outcomes.size(), 6u);
    for (const auto& o : outcomes) {
        EXPECT_EQ(o.outcome, Outcome::Success);
    }
    EXPECT_EQ(run.server.requests.size(), 6u);
}

}  // namespace
}  // namespace eapscope
