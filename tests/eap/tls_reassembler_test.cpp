#include "eap/tls_reassembler.h"
#include "common/hex.h"
#include "eap/tls_handshake.h"

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
    EXPECT_EQ(message->records(), "Handshake(ServerHello)");
    EXPECT_TRUE(anomalies.empty());
}

TEST(TlsReassembler, TeapOuterTlvsAreLeftOut)
{
    TlsReassembler reassembler;
    std::vector<EapAnomaly> anomalies;
    // A one-fragment message is a view into the packet: the packet outlives it.
    const auto packet = bytes("0107001f 37 b1 00000009 00000008 16 0303 0004 01000000 800b0004 00000001");
    auto message = reassembler.feed(packet, anomalies);
    EXPECT_EQ(message->data().data(), packet.data() + 14) << "not copied";
    ASSERT_TRUE(message);
    const auto records = message->data();
    EXPECT_EQ(std::vector<std::uint8_t>(records.begin(), records.end()), bytes("16 0303 0004 01000000"));
    EXPECT_EQ(message->records(), "Handshake(ClientHello)");
    EXPECT_TRUE(anomalies.empty());
}

TEST(TlsRecordWalker, OneWalkForNamesAndFlights)
{
    // A ServerHello split over two handshake records, then a ChangeCipherSpec and a record cut off.
    auto records = bytes("16 0303 0004 02000026   16 0303 0026 0303" + std::string(64, '5') +
                         "00 c02f 00   14 0303 0001 01   17 0303 0010 0000");
    TlsRecordWalker walk(records);
    std::vector<std::uint8_t> contents;
    bool lastTruncated = false;
    while (auto record = walk.next()) {
        contents.push_back(record->content);
        lastTruncated = record->truncated();
    }
    EXPECT_EQ(contents, (std::vector<std::uint8_t>{22, 22, 20, 23}));
    EXPECT_TRUE(lastTruncated);
    EXPECT_TRUE(walk.broken());
    TlsFlight flight = parseTlsFlight(records);
    ASSERT_TRUE(flight.serverHello) << "joined across the two records";
    EXPECT_EQ(flight.serverHello->cipherSuites.toVector(), std::vector<std::uint16_t>{0xC02F});
    EXPECT_TRUE(flight.changeCipherSpec);
    EXPECT_TRUE(flight.malformed) << "the last record is cut off";
    EXPECT_EQ(flight.applicationData, 0u);
    const auto notTls = bytes("ff 0303 0001 00");  // the walker only looks at the bytes: keep them alive
    TlsRecordWalker garbage(notTls);
    EXPECT_FALSE(garbage.next());
    EXPECT_TRUE(garbage.broken());
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
    const auto packet = bytes("0101000e 0d 80 00000002 160303");
    auto message = reassembler.feed(packet, anomalies);
    ASSERT_TRUE(message);
    ASSERT_EQ(anomalies.size(), 1u);
    EXPECT_EQ(anomalies[0].id, "EAP_TLS_REASSEMBLY_OVERRUN");
}

}  // namespace
}  // namespace eapscope
