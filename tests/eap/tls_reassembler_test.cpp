#include "eap/tls_reassembler.h"
#include "common/hex.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

std::vector<std::uint8_t> bytes(std::string_view hex)
{
    return fromHex(hex).value();
}

TEST(TlsReassembler, ThreeFragments_CompleteOnLast)
{
    TlsReassembler reassembler;
    std::vector<EapAnomaly> anomalies;
    // Record: Handshake(ServerHello) of 6 bytes body split over three fragments.
    EXPECT_FALSE(reassembler.feed(bytes("0101000e 0d c0 0000000b 160303"), anomalies));
    EXPECT_FALSE(reassembler.feed(bytes("0102000a 0d 40 0006 0200"), anomalies));
    auto message = reassembler.feed(bytes("0103000a 0d 00 00020000"), anomalies);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->fragments, 3u);
    EXPECT_EQ(message->length, 11u);
    EXPECT_EQ(message->records, "Handshake(ServerHello)");
    EXPECT_TRUE(anomalies.empty());
}

TEST(TlsReassembler, AcknowledgementIsIgnored)
{
    TlsReassembler reassembler;
    std::vector<EapAnomaly> anomalies;
    EXPECT_FALSE(reassembler.feed(bytes("020100060d00"), anomalies));
    reassembler.finish(anomalies);
    EXPECT_TRUE(anomalies.empty());
}

TEST(TlsReassembler, MissingLastFragment_IsDataLoss)
{
    TlsReassembler reassembler;
    std::vector<EapAnomaly> anomalies;
    EXPECT_FALSE(reassembler.feed(bytes("0101000e 0d c0 0000000b 160303"), anomalies));
    reassembler.finish(anomalies);
    ASSERT_EQ(anomalies.size(), 1u);
    EXPECT_EQ(anomalies[0].id, "EAP_TLS_REASSEMBLY_INCOMPLETE");
    EXPECT_EQ(anomalies[0].severity, Severity::Warning);
}

TEST(TlsReassembler, MoreBytesThanAnnounced_IsOverrun)
{
    TlsReassembler reassembler;
    std::vector<EapAnomaly> anomalies;
    auto message = reassembler.feed(bytes("0101000e 0d 80 00000002 160303"), anomalies);
    ASSERT_TRUE(message);
    ASSERT_EQ(anomalies.size(), 1u);
    EXPECT_EQ(anomalies[0].id, "EAP_TLS_REASSEMBLY_OVERRUN");
}

}  // namespace
}  // namespace eapscope
