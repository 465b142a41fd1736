// The bundled md5 method driven directly through InProcessExecutor, the test playing host and
// back end. Expected values are computed here independently with OpenSSL (RFC 1994 §4.1).
#include "method/in_process_executor.h"
#include "trace/trace.h"

#include <eapscope/raseap.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <csignal>
#include <string>

namespace eapscope {
namespace {

constexpr std::uint32_t kInvalid = ERROR_PPP_INVALID_PACKET;

Bytes md5(std::uint8_t id, const std::string& password, const Bytes& challenge)
{
    Bytes input{id};
    input.insert(input.end(), password.begin(), password.end());
    input.insert(input.end(), challenge.begin(), challenge.end());
    Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_md5(), nullptr);
    digest.resize(length);
    return digest;
}

Bytes challengeOf(const Bytes& request)
{
    return Bytes(request.begin() + 6, request.begin() + 6 + request[5]);
}

Bytes request(std::uint8_t id, const Bytes& value, const std::string& name = "")
{
    Bytes packet{1, id, 0, 0, 4, static_cast<std::uint8_t>(value.size())};
    packet.insert(packet.end(), value.begin(), value.end());
    packet.insert(packet.end(), name.begin(), name.end());
    packet[3] = static_cast<std::uint8_t>(packet.size());
    return packet;
}

class Md5 : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (auto* executor : {&auth_, &peer_}) {
            const LoadReport report =
                executor->load({std::string(EAPSCOPE_METHODS_DIR) + "/md5.so", "md5", 4});
            ASSERT_TRUE(report.ok) << report.error;
        }
    }

    std::uint64_t beginAuth(std::uint8_t initialId = 42, std::uint32_t tag = 1)
    {
        BeginRequest request{
            .contextTag = tag, .authenticator = true, .identity = u"alice", .initialId = initialId};
        const CallOutcome outcome = auth_.begin(request);
        EXPECT_EQ(outcome.result, 0u);
        EXPECT_TRUE(outcome.workBufferWritten);
        return outcome.workBuffer;
    }

    std::uint64_t beginPeer(const std::u16string& password = u"secret", std::uint32_t tag = 1)
    {
        BeginRequest request{.contextTag = tag, .identity = u"alice", .password = password};
        const CallOutcome outcome = peer_.begin(request);
        EXPECT_EQ(outcome.result, 0u);
        return outcome.workBuffer;
    }

    static CallOutcome call(MethodExecutor& executor, std::uint64_t work, std::optional<Bytes> packet,
                            std::uint32_t flags = 0, std::uint32_t authResult = 0, std::uint32_t cb = 1400,
                            std::uint32_t tag = 1)
    {
        MakeMessageRequest request{.contextTag = tag,
                                   .workBuffer = work,
                                   .receivePacket = std::move(packet),
                                   .cbSendPacket = cb,
                                   .flags = flags,
                                   .authResultCode = authResult};
        CallOutcome outcome = executor.makeMessage(request);
        EXPECT_FALSE(outcome.packetOverflow);
        EXPECT_FALSE(outcome.outputOverrun);
        EXPECT_EQ(outcome.inputModified, "");
        return outcome;
    }

    // The back end of the test: checks the MD5-CHAP attributes against `password`.
    static std::uint32_t backEnd(const CallOutcome& authenticate, const std::string& password)
    {
        Bytes chapPassword, challenge;
        for (const auto& attribute : authenticate.outputAttributes) {
            if (attribute.type == raatMD5CHAPPassword) {
                chapPassword = attribute.data;
            } else if (attribute.type == raatMD5CHAPChallenge) {
                challenge = attribute.data;
            }
        }
        EXPECT_EQ(chapPassword.size(), 17u);
        const Bytes expected = md5(chapPassword.at(0), password, challenge);
        return Bytes(chapPassword.begin() + 1, chapPassword.end()) == expected ? NO_ERROR
                                                                               : ERROR_AUTHENTICATION_FAILURE;
    }

    InProcessExecutor auth_;
    InProcessExecutor peer_;
};

TEST_F(Md5, AuthenticatorFirstSendsChallengeWithInitialIdAndRandomValue)
{
    const std::uint64_t a = beginAuth(42, 1);
    const std::uint64_t b = beginAuth(42, 2);
    const CallOutcome first = call(auth_, a, std::nullopt);
    const CallOutcome other = call(auth_, b, std::nullopt, 0, 0, 1400, 2);
    EXPECT_EQ(first.result, 0u);
    EXPECT_EQ(first.action, static_cast<std::uint32_t>(EAPACTION_SendWithTimeout));
    const Bytes& packet = first.sendPacket;
    ASSERT_GE(packet.size(), 22u);
    EXPECT_EQ(packet[0], EAPCODE_Request);
    EXPECT_EQ(packet[1], 42);
    EXPECT_EQ(first.sendLengthField, packet.size());
    EXPECT_EQ(packet[4], EAPTYPE_MD5Challenge);
    EXPECT_EQ(packet[5], 16);
    EXPECT_NE(challengeOf(packet), challengeOf(other.sendPacket));
    auth_.end(1, a);
    auth_.end(2, b);
}

TEST_F(Md5, RetransmissionIsByteIdentical)
{
    const std::uint64_t work = beginAuth();
    const CallOutcome first = call(auth_, work, std::nullopt);
    const CallOutcome resend = call(auth_, work, std::nullopt, kCallFlagTimeout);
    EXPECT_EQ(resend.action, static_cast<std::uint32_t>(EAPACTION_SendWithTimeout));
    EXPECT_EQ(resend.sendPacket, first.sendPacket);
    auth_.end(1, work);
}

TEST_F(Md5, PeerAnswersMd5OfIdPasswordAndChallenge)
{
    const std::uint64_t work = beginPeer(u"secret");
    const Bytes challenge = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    const CallOutcome outcome = call(peer_, work, request(9, challenge, "server"));
    EXPECT_EQ(outcome.result, 0u);
    EXPECT_EQ(outcome.action, static_cast<std::uint32_t>(EAPACTION_Send));
    Bytes expected{EAPCODE_Response, 9, 0, 22, EAPTYPE_MD5Challenge, 16};
    const Bytes digest = md5(9, "secret", challenge);
    expected.insert(expected.end(), digest.begin(), digest.end());
    EXPECT_EQ(outcome.sendPacket, expected);
    peer_.end(1, work);
}

TEST_F(Md5, PeerUsesUtf8OfTheUtf16Password)
{
    const std::uint64_t work = beginPeer(u"s\u00e9cr\u20ac\U0001F511");
    const Bytes challenge(16, 0x42);
    const CallOutcome outcome = call(peer_, work, request(3, challenge));
    const Bytes digest = md5(3,
                             "s\xC3\xA9"
                             "cr\xE2\x82\xAC\xF0\x9F\x94\x91",
                             challenge);
    EXPECT_EQ(Bytes(outcome.sendPacket.begin() + 6, outcome.sendPacket.end()), digest);
    peer_.end(1, work);
}

TEST_F(Md5, PeerDuplicateRequestGetsTheSameResponse)
{
    const std::uint64_t work = beginPeer();
    const Bytes packet = request(5, Bytes(16, 0x33));
    const CallOutcome first = call(peer_, work, packet);
    const CallOutcome again = call(peer_, work, packet);
    EXPECT_EQ(again.result, 0u);
    EXPECT_EQ(again.sendPacket, first.sendPacket);
    const CallOutcome next = call(peer_, work, request(6, Bytes(16, 0x34)));
    EXPECT_EQ(next.sendPacket[1], 6);  // a new Request is answered with its own Id
    EXPECT_NE(next.sendPacket, first.sendPacket);
    peer_.end(1, work);
}

TEST_F(Md5, LoopbackSucceedsWithIdentifierRulesAndChapAttributes)
{
    const std::uint64_t a = beginAuth(200);
    const std::uint64_t p = beginPeer(u"secret");
    EXPECT_EQ(call(peer_, p, std::nullopt).action, static_cast<std::uint32_t>(EAPACTION_NoAction));
    const CallOutcome challenge = call(auth_, a, std::nullopt);
    const CallOutcome response = call(peer_, p, challenge.sendPacket);
    EXPECT_EQ(response.sendPacket[1], 200);  // Response echoes the Request Id
    const CallOutcome authenticate = call(auth_, a, response.sendPacket);
    ASSERT_EQ(authenticate.action, static_cast<std::uint32_t>(EAPACTION_Authenticate));
    EXPECT_TRUE(authenticate.attributesProblem.empty());
    ASSERT_EQ(authenticate.outputAttributes.size(), 3u);
    EXPECT_EQ(authenticate.outputAttributes[0].type, static_cast<std::uint32_t>(raatUserName));
    EXPECT_EQ(authenticate.outputAttributes[0].data, (Bytes{'a', 'l', 'i', 'c', 'e'}));
    EXPECT_EQ(authenticate.outputAttributes[1].type, static_cast<std::uint32_t>(raatMD5CHAPPassword));
    EXPECT_EQ(authenticate.outputAttributes[1].data.at(0), 200);
    EXPECT_EQ(authenticate.outputAttributes[2].type, static_cast<std::uint32_t>(raatMD5CHAPChallenge));
    EXPECT_EQ(authenticate.outputAttributes[2].data, challengeOf(challenge.sendPacket));
    const std::uint32_t verdict = backEnd(authenticate, "secret");
    EXPECT_EQ(verdict, NO_ERROR);
    const CallOutcome result = call(auth_, a, std::nullopt, kCallFlagAuthComplete, verdict);
    EXPECT_EQ(result.action, static_cast<std::uint32_t>(EAPACTION_SendAndDone));
    EXPECT_EQ(result.authResultCode, 0u);
    EXPECT_EQ(result.sendPacket, (Bytes{EAPCODE_Success, 200, 0, 4}));  // Id of the last Response
    const CallOutcome done = call(peer_, p, result.sendPacket);
    EXPECT_EQ(done.action, static_cast<std::uint32_t>(EAPACTION_Done));
    EXPECT_EQ(done.authResultCode, 0u);
    EXPECT_EQ(auth_.end(1, a).result, 0u);
    EXPECT_EQ(peer_.end(1, p).result, 0u);
}

TEST_F(Md5, WrongPasswordEndsInFailureOnBothSides)
{
    const std::uint64_t a = beginAuth(1);
    const std::uint64_t p = beginPeer(u"wrong");
    const CallOutcome challenge = call(auth_, a, std::nullopt);
    const CallOutcome authenticate = call(auth_, a, call(peer_, p, challenge.sendPacket).sendPacket);
    const std::uint32_t verdict = backEnd(authenticate, "secret");
    EXPECT_EQ(verdict, ERROR_AUTHENTICATION_FAILURE);
    const CallOutcome result = call(auth_, a, std::nullopt, kCallFlagAuthComplete, verdict);
    EXPECT_EQ(result.action, static_cast<std::uint32_t>(EAPACTION_SendAndDone));
    EXPECT_EQ(result.authResultCode, ERROR_AUTHENTICATION_FAILURE);
    EXPECT_EQ(result.sendPacket, (Bytes{EAPCODE_Failure, 1, 0, 4}));
    const CallOutcome done = call(peer_, p, result.sendPacket);
    EXPECT_EQ(done.action, static_cast<std::uint32_t>(EAPACTION_Done));
    EXPECT_EQ(done.authResultCode, ERROR_AUTHENTICATION_FAILURE);
    auth_.end(1, a);
    peer_.end(1, p);
}

TEST_F(Md5, InterleavedContextsKeepTheirOwnState)
{
    const std::uint64_t a1 = beginAuth(10, 1);
    const std::uint64_t a2 = beginAuth(20, 2);
    const std::uint64_t p1 = beginPeer(u"secret", 1);
    const std::uint64_t p2 = beginPeer(u"other", 2);
    const CallOutcome c1 = call(auth_, a1, std::nullopt, 0, 0, 1400, 1);
    const CallOutcome c2 = call(auth_, a2, std::nullopt, 0, 0, 1400, 2);
    const CallOutcome r2 = call(peer_, p2, c2.sendPacket, 0, 0, 1400, 2);
    const CallOutcome r1 = call(peer_, p1, c1.sendPacket, 0, 0, 1400, 1);
    EXPECT_EQ(r1.sendPacket[1], 10);
    EXPECT_EQ(r2.sendPacket[1], 20);
    const CallOutcome x1 = call(auth_, a1, r1.sendPacket, 0, 0, 1400, 1);
    const CallOutcome x2 = call(auth_, a2, r2.sendPacket, 0, 0, 1400, 2);
    EXPECT_EQ(backEnd(x1, "secret"), NO_ERROR);
    EXPECT_EQ(backEnd(x2, "other"), NO_ERROR);
    EXPECT_EQ(call(auth_, a1, r2.sendPacket, 0, 0, 1400, 1).result, kInvalid);  // not its Response
    for (std::uint32_t tag : {1u, 2u}) {
        auth_.end(tag, tag == 1 ? a1 : a2);
        peer_.end(tag, tag == 1 ? p1 : p2);
    }
}

TEST_F(Md5, PeerDropsMalformedPacketsAndKeepsTheSession)
{
    const std::uint64_t work = beginPeer();
    const Bytes value(16, 0x55);
    Bytes lengthBeyondData = request(1, value);
    lengthBeyondData[3] = 40;  // 22 bytes sent, Length claims 40
    Bytes valueSizePastEnd = request(1, value);
    valueSizePastEnd[5] = 17;
    Bytes wrongType = request(1, value);
    wrongType[4] = 5;
    Bytes response = request(1, value);
    response[0] = EAPCODE_Response;
    const std::vector<std::pair<const char*, Bytes>> malformed = {
        {"truncated", {1, 1, 0, 5, 4}},
        {"Length below the header", {1, 1, 0, 2}},
        {"Length beyond the data", lengthBeyondData},
        {"Value-Size 0", {1, 1, 0, 6, 4, 0}},
        {"Value-Size past the end", valueSizePastEnd},
        {"wrong type", wrongType},
        {"Response to a peer", response},
        {"Success before any Response", {3, 1, 0, 4}},
    };
    for (const auto& [what, packet] : malformed) {
        const CallOutcome outcome = call(peer_, work, packet);
        EXPECT_EQ(outcome.result, kInvalid) << what;
        EXPECT_TRUE(outcome.sendPacket.empty()) << what;
    }
    EXPECT_EQ(call(peer_, work, request(1, value)).result, 0u);
    peer_.end(1, work);
}

TEST_F(Md5, AuthenticatorDropsMalformedResponsesAndKeepsTheSession)
{
    const std::uint64_t a = beginAuth(10);
    const std::uint64_t p = beginPeer();
    const Bytes good = call(peer_, p, call(auth_, a, std::nullopt).sendPacket).sendPacket;
    auto variant = [&](auto change) {
        Bytes packet = good;
        change(packet);
        return packet;
    };
    const std::vector<std::pair<const char*, Bytes>> malformed = {
        {"truncated", {2, 10, 0, 5, 4}},
        {"Length beyond the data", variant([](Bytes& b) { b[3] = 60; })},
        {"Value-Size 0", {2, 10, 0, 6, 4, 0}},
        {"Value-Size past the end", variant([](Bytes& b) { b[5] = 30; })},
        {"Value-Size 15", variant([](Bytes& b) { b[5] = 15; })},
        {"wrong type", variant([](Bytes& b) { b[4] = 26; })},
        {"wrong Id", variant([](Bytes& b) { b[1] = 11; })},
        {"Request to an authenticator", variant([](Bytes& b) { b[0] = 1; })},
    };
    for (const auto& [what, packet] : malformed) {
        const CallOutcome outcome = call(auth_, a, packet);
        EXPECT_EQ(outcome.result, kInvalid) << what;
        EXPECT_EQ(outcome.action, static_cast<std::uint32_t>(EAPACTION_NoAction)) << what;
    }
    EXPECT_EQ(call(auth_, a, good).action, static_cast<std::uint32_t>(EAPACTION_Authenticate));
    EXPECT_EQ(call(auth_, a, good).result, kInvalid);  // a duplicate Response while the back end works
    auth_.end(1, a);
    peer_.end(1, p);
}

TEST_F(Md5, NeverWritesPastCbSendPacket)
{
    const std::uint64_t a = beginAuth(1);
    const CallOutcome fits = call(auth_, a, std::nullopt, 0, 0, 22);  // Name dropped to fit
    EXPECT_EQ(fits.result, 0u);
    EXPECT_EQ(fits.sendPacket.size(), 22u);
    const std::uint64_t b = beginAuth(1, 2);
    const CallOutcome tooSmall = call(auth_, b, std::nullopt, 0, 0, 10, 2);
    EXPECT_NE(tooSmall.result, 0u);
    const std::uint64_t p = beginPeer();
    const CallOutcome peerSmall = call(peer_, p, request(1, Bytes(16, 1)), 0, 0, 21);
    EXPECT_NE(peerSmall.result, 0u);
    auth_.end(1, a);
    auth_.end(2, b);
    peer_.end(1, p);
}

TEST_F(Md5, PeerDeclaresImpliedSuccessOnlyAfterAnswering)
{
    const std::uint64_t p = beginPeer();
    EXPECT_EQ(call(peer_, p, std::nullopt, kCallFlagSuccessReceived).action,
              static_cast<std::uint32_t>(EAPACTION_NoAction));
    call(peer_, p, request(1, Bytes(16, 1)));
    const CallOutcome implied = call(peer_, p, std::nullopt, kCallFlagSuccessReceived);
    EXPECT_EQ(implied.action, static_cast<std::uint32_t>(EAPACTION_Done));
    EXPECT_EQ(implied.authResultCode, 0u);
    peer_.end(1, p);
}

// Pages mode poisons identity and password after Begin: md5 must have copied them.
CallRunner* gPagesRunner = nullptr;
void recordInputFault(int, siginfo_t* info, void*)
{
    if (!gPagesRunner || !gPagesRunner->unpoisonInput(info->si_addr)) {
        std::signal(SIGSEGV, SIG_DFL);
    }
}

TEST(Md5Pages, CopiesIdentityAndPasswordAtBegin)
{
    InProcessExecutor auth(GuardMode::Pages);
    InProcessExecutor peer(GuardMode::Pages);
    ASSERT_TRUE(auth.load({std::string(EAPSCOPE_METHODS_DIR) + "/md5.so", "md5", 4}).ok);
    ASSERT_TRUE(peer.load({std::string(EAPSCOPE_METHODS_DIR) + "/md5.so", "md5", 4}).ok);
    struct sigaction action {
    }, previous{};
    action.sa_sigaction = recordInputFault;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &action, &previous);
    const auto a = auth.begin({.contextTag = 1, .authenticator = true, .identity = u"alice"}).workBuffer;
    const auto p = peer.begin({.contextTag = 1, .identity = u"alice", .password = u"secret"}).workBuffer;
    std::vector<CallOutcome> outcomes;
    gPagesRunner = auth.runner();
    outcomes.push_back(auth.makeMessage({.contextTag = 1, .workBuffer = a}));
    gPagesRunner = peer.runner();
    outcomes.push_back(
        peer.makeMessage({.contextTag = 1, .workBuffer = p, .receivePacket = outcomes[0].sendPacket}));
    gPagesRunner = auth.runner();
    outcomes.push_back(
        auth.makeMessage({.contextTag = 1, .workBuffer = a, .receivePacket = outcomes[1].sendPacket}));
    sigaction(SIGSEGV, &previous, nullptr);
    gPagesRunner = nullptr;
    for (const auto& outcome : outcomes) {
        EXPECT_EQ(outcome.result, 0u);
        EXPECT_FALSE(outcome.inputUsedAfterCall) << outcome.inputUsedDetail;
    }
    EXPECT_EQ(outcomes[2].action, static_cast<std::uint32_t>(EAPACTION_Authenticate));
    EXPECT_EQ(outcomes[2].outputAttributes.at(0).data, (Bytes{'a', 'l', 'i', 'c', 'e'}));
    auth.end(1, a);
    peer.end(1, p);
}

}  // namespace
}  // namespace eapscope
