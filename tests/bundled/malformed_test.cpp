// Malformed input straight into each bundled method's decoder (InProcessExecutor, the test
// playing the host): every bad packet is dropped with ERROR_PPP_INVALID_PACKET, never written
// past cbSendPacket, and the conversation still works afterwards.
#include "../pki/test_pki.h"
#include "method/in_process_executor.h"

#include "eapscope/raseap.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace eapscope {
namespace {

constexpr std::uint32_t kInvalid = ERROR_PPP_INVALID_PACKET;

class Method {
public:
    Method(const std::string& name, std::uint32_t type)
    {
        const LoadReport report =
            executor_.load({std::string(EAPSCOPE_METHODS_DIR) + "/" + name + ".so", name, type});
        EXPECT_TRUE(report.ok) << report.error;
    }
    ~Method()
    {
        if (work_ != 0) {
            executor_.end(1, work_);
        }
    }

    void begin(bool authenticator, const std::string& connection = "", const std::string& user = "")
    {
        BeginRequest request{
            .contextTag = 1, .authenticator = authenticator, .identity = u"alice", .initialId = 7};
        if (!authenticator) {
            request.password = u"secret";
        }
        request.connectionData.assign(connection.begin(), connection.end());
        request.userData.assign(user.begin(), user.end());
        const CallOutcome outcome = executor_.begin(request);
        ASSERT_EQ(outcome.result, 0u);
        work_ = outcome.workBuffer;
    }

    CallOutcome call(std::optional<Bytes> packet, std::uint32_t cb = 1400, std::uint32_t flags = 0)
    {
        MakeMessageRequest request{.contextTag = 1,
                                   .workBuffer = work_,
                                   .receivePacket = std::move(packet),
                                   .cbSendPacket = cb,
                                   .flags = flags};
        CallOutcome outcome = executor_.makeMessage(request);
        EXPECT_FALSE(outcome.packetOverflow);
        EXPECT_FALSE(outcome.outputOverrun);
        EXPECT_EQ(outcome.inputModified, "");
        return outcome;
    }

    void expectDropped(const Bytes& packet)
    {
        SCOPED_TRACE(::testing::PrintToString(packet));
        EXPECT_EQ(call(packet).result, kInvalid);
    }

private:
    InProcessExecutor executor_;
    std::uint64_t work_ = 0;
};

Bytes withLength(Bytes packet)
{
    packet[2] = static_cast<std::uint8_t>(packet.size() >> 8);
    packet[3] = static_cast<std::uint8_t>(packet.size());
    return packet;
}

// ---- GTC ------------------------------------------------------------------------------------

TEST(GtcMalformed, PeerDropsWrongTypeCodeAndTruncatedPackets)
{
    Method m("gtc", 6);
    m.begin(false);
    m.expectDropped(withLength({1, 3, 0, 0, 4, 'x'}));  // MD5, not GTC
    m.expectDropped(withLength({2, 3, 0, 0, 6, 'x'}));  // a Response to a peer
    m.expectDropped({1, 3, 0, 4});                      // no Type
    const CallOutcome answer = m.call(withLength({1, 3, 0, 0, 6, 'P', ':'}));
    EXPECT_EQ(answer.result, 0u);
    EXPECT_EQ(answer.sendPacket, withLength({2, 3, 0, 0, 6, 's', 'e', 'c', 'r', 'e', 't'}));
}

TEST(GtcMalformed, AuthenticatorDropsWrongIdNulAndForeignResponses)
{
    Method m("gtc", 6);
    m.begin(true);
    const CallOutcome prompt = m.call(std::nullopt);
    ASSERT_EQ(prompt.sendPacket.at(1), 7);
    m.expectDropped(withLength({2, 8, 0, 0, 6, 'p'}));          // wrong Id
    m.expectDropped(withLength({2, 7, 0, 0, 6, 'p', 0, 'q'}));  // NUL inside a PAP password
    m.expectDropped(withLength({2, 7, 0, 0, 26, 'p'}));         // another type
    m.expectDropped(withLength({1, 7, 0, 0, 6, 'p'}));          // a Request to an authenticator
    EXPECT_EQ(m.call(withLength({2, 7, 0, 0, 6, 'p'})).action,
              static_cast<std::uint32_t>(EAPACTION_Authenticate));
}

// ---- MSCHAPv2 -------------------------------------------------------------------------------

Bytes challenge(std::uint8_t id, std::uint8_t valueSize = 16, int msLengthDelta = 0)
{
    Bytes p{1, id, 0, 0, 26, 1, id, 0, 0, valueSize};
    p.insert(p.end(), 16, 0xAB);
    p.insert(p.end(), {'s', 'r', 'v'});
    p = withLength(p);
    const std::size_t msLength = p.size() - 5 + msLengthDelta;
    p[7] = static_cast<std::uint8_t>(msLength >> 8);
    p[8] = static_cast<std::uint8_t>(msLength);
    return p;
}

TEST(MsChapV2Malformed, PeerDropsBadChallenges)
{
    Method m("mschapv2", 26);
    m.begin(false);
    m.expectDropped(challenge(3, 16, 1));                       // MS-Length disagrees with Length
    m.expectDropped(challenge(3, 8));                           // Value-Size 8
    m.expectDropped(withLength({1, 3, 0, 0, 26, 1, 3}));        // truncated header
    m.expectDropped(withLength({1, 3, 0, 0, 26, 3, 3, 0, 4}));  // Success before any Response
    Bytes shortValue = challenge(3);
    shortValue.resize(14);
    m.expectDropped(withLength(shortValue));  // Value cut off
    const CallOutcome answer = m.call(challenge(3));
    EXPECT_EQ(answer.result, 0u);
    ASSERT_GE(answer.sendPacket.size(), 59u);
    EXPECT_EQ(answer.sendPacket[5], 2);   // Response
    EXPECT_EQ(answer.sendPacket[6], 3);   // echoes the MS-CHAPv2-ID
    EXPECT_EQ(answer.sendPacket[9], 49);  // Value-Size
    // A Success Request whose S= does not match the password ends the conversation unproven.
    Bytes success{1, 4, 0, 0, 26, 3, 3, 0, 0};
    const std::string s = "S=0000000000000000000000000000000000000000 M=hi";
    success.insert(success.end(), s.begin(), s.end());
    success = withLength(success);
    success[8] = static_cast<std::uint8_t>(success.size() - 5);
    const CallOutcome done = m.call(success);
    EXPECT_EQ(done.action, static_cast<std::uint32_t>(EAPACTION_Done));
    EXPECT_NE(done.authResultCode, 0u);
}

TEST(MsChapV2Malformed, AuthenticatorDropsBadResponses)
{
    Method m("mschapv2", 26);
    m.begin(true);
    const CallOutcome request = m.call(std::nullopt);
    ASSERT_EQ(request.sendPacket.at(5), 1);
    const std::uint8_t msId = request.sendPacket.at(6);
    Bytes response{2, 7, 0, 0, 26, 2, msId, 0, 0, 49};
    response.insert(response.end(), 49, 0x11);
    response.insert(response.end(), {'a', 'l', 'i', 'c', 'e'});
    response = withLength(response);
    response[8] = static_cast<std::uint8_t>(response.size() - 5);
    Bytes wrongMsId = response;
    wrongMsId[6] ^= 0xFF;
    m.expectDropped(wrongMsId);
    Bytes wrongValueSize = response;
    wrongValueSize[9] = 48;
    m.expectDropped(wrongValueSize);
    Bytes truncated(response.begin(), response.begin() + 40);
    truncated = withLength(truncated);
    truncated[8] = static_cast<std::uint8_t>(truncated.size() - 5);
    m.expectDropped(truncated);
    m.expectDropped(withLength({2, 7, 0, 0, 26, 3}));  // a Success ack before any Success
    EXPECT_EQ(m.call(response).action, static_cast<std::uint32_t>(EAPACTION_Authenticate));
}

// ---- TLS ------------------------------------------------------------------------------------

class TlsMalformed : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ =
            std::filesystem::temp_directory_path() / ("eapscope-tls-malformed-" + std::to_string(::getpid()));
        pki_ = testing::makeTestPki(dir_);
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
    static inline std::filesystem::path dir_;
    static inline testing::TestPki pki_;
};

TEST_F(TlsMalformed, PeerDropsDataBeforeStartAndBadLengths)
{
    Method m("tls", 13);
    m.begin(false, "ca=" + pki_.ca.string(),
            "cert=" + pki_.clientCert.string() + ";key=" + pki_.clientKey.string());
    m.expectDropped(withLength({1, 2, 0, 0, 13, 0, 0x16, 3, 3}));  // TLS data before Start
    m.expectDropped(withLength({1, 2, 0, 0, 13, 0x80, 0, 0}));     // L without 4 length bytes
    m.expectDropped(withLength({1, 2, 0, 0, 4, 0x20}));            // MD5 type
    m.expectDropped(withLength({1, 2, 0, 0, 13}));                 // no Flags byte
    const CallOutcome hello = m.call(withLength({1, 2, 0, 0, 13, 0x20}));
    ASSERT_EQ(hello.result, 0u);
    EXPECT_EQ(hello.sendPacket.at(0), EAPCODE_Response);
    EXPECT_EQ(hello.sendPacket.at(4), 13);
    EXPECT_EQ(hello.sendPacket.at(6), 0x16);              // a TLS handshake record: ClientHello
    m.expectDropped(withLength({1, 3, 0, 0, 13, 0x20}));  // a second Start mid-handshake
    // L claims more than the limit, then a fragment overrunning its own TLS Message Length.
    m.expectDropped(withLength({1, 3, 0, 0, 13, 0xC0, 0x7F, 0xFF, 0xFF, 0xFF, 1, 2}));
    m.expectDropped(withLength({1, 3, 0, 0, 13, 0x80, 0, 0, 0, 1, 1, 2, 3}));
}

TEST_F(TlsMalformed, FragmentsAreAcknowledgedAndInconsistentTotalsDropped)
{
    Method m("tls", 13);
    m.begin(false, "ca=" + pki_.ca.string(),
            "cert=" + pki_.clientCert.string() + ";key=" + pki_.clientKey.string());
    ASSERT_EQ(m.call(withLength({1, 2, 0, 0, 13, 0x20})).result, 0u);
    // First fragment: L|M, total 10, 4 bytes: acknowledged with an empty Response.
    const CallOutcome ack = m.call(withLength({1, 3, 0, 0, 13, 0xC0, 0, 0, 0, 10, 0x16, 3, 3, 0}));
    ASSERT_EQ(ack.result, 0u);
    EXPECT_EQ(ack.sendPacket, withLength({2, 3, 0, 0, 13, 0}));
    // A later fragment announcing another total is dropped; one overrunning the total too.
    m.expectDropped(withLength({1, 4, 0, 0, 13, 0xC0, 0, 0, 0, 11, 1, 2}));
    m.expectDropped(withLength({1, 4, 0, 0, 13, 0x00, 1, 2, 3, 4, 5, 6, 7}));
}

TEST_F(TlsMalformed, AuthenticatorRespectsASmallSendBuffer)
{
    Method m("tls", 13);
    m.begin(true, pki_.serverData() + "fragment_size=4000");
    const CallOutcome start = m.call(std::nullopt);
    ASSERT_EQ(start.sendPacket, withLength({1, 7, 0, 0, 13, 0x20}));
    m.expectDropped(withLength({2, 8, 0, 0, 13, 0}));     // wrong Id
    m.expectDropped(withLength({2, 7, 0, 0, 13, 0x20}));  // Start from a peer
    // A garbage "ClientHello": TLS fails without an alert to send, or sends one within 64 bytes.
    const CallOutcome result = m.call(withLength({2, 7, 0, 0, 13, 0, 0x16, 3, 1, 0, 1, 0xFF}), 64);
    EXPECT_LE(result.sendPacket.size(), 64u);
}

TEST_F(TlsMalformed, PeapPeerDropsDataBeforeStartAndAnswersAVersion0Start)
{
    Method m("peap", 25);
    m.begin(false, "ca=" + pki_.ca.string());
    m.expectDropped(withLength({1, 2, 0, 0, 25, 0, 0x17, 3, 3}));  // tunnel data before any handshake
    m.expectDropped(withLength({1, 2, 0, 0, 13, 0x20}));           // an EAP-TLS Start
    const CallOutcome hello = m.call(withLength({1, 2, 0, 0, 25, 0x20}));
    ASSERT_EQ(hello.result, 0u);
    EXPECT_EQ(hello.sendPacket.at(4), 25);
    EXPECT_EQ(hello.sendPacket.at(5) & 0x07, 0);  // PEAP version 0
    EXPECT_EQ(hello.sendPacket.at(6), 0x16);      // ClientHello
}

TEST_F(TlsMalformed, PeapAuthenticatorDropsTunnelDataBeforeTheHandshakeEnds)
{
    Method m("peap", 25);
    m.begin(true, "cert=" + pki_.serverCert.string() + ";key=" + pki_.serverKey.string());
    const CallOutcome start = m.call(std::nullopt);
    ASSERT_EQ(start.sendPacket, withLength({1, 7, 0, 0, 25, 0x20}));
    m.expectDropped(withLength({2, 7, 0, 0, 25, 0x80, 0, 0}));  // L without its length
    m.expectDropped(withLength({2, 6, 0, 0, 25, 0}));           // wrong Id
}

}  // namespace
}  // namespace eapscope
