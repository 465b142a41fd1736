#include "eap/eap_decoder.h"
#include "common/hex.h"
#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_types.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

std::vector<std::uint8_t> bytes(std::string_view hex)
{
    auto parsed = fromHex(hex);
    EXPECT_TRUE(parsed.ok()) << hex;
    return parsed.ok() ? parsed.value() : std::vector<std::uint8_t>{};
}

const EapField* field(const DecodedEap& decoded, std::string_view key)
{
    auto it = std::find_if(decoded.fields.begin(), decoded.fields.end(),
                           [&](const EapField& f) { return f.key == key; });
    return it == decoded.fields.end() ? nullptr : &*it;
}

bool hasAnomaly(const DecodedEap& decoded, std::string_view id)
{
    return std::any_of(decoded.anomalies.begin(), decoded.anomalies.end(),
                       [&](const EapAnomaly& a) { return a.id == id; });
}

TEST(EapDecoder, Md5ChallengeRequest_FieldsCarryByteRanges)
{
    // Request id=1 len=22 type=4, value-size 16, 16 bytes value, no name.
    auto packet = bytes("0101001604 10 000102030405060708090a0b0c0d0e0f");
    DecodedEap decoded = decodeEap(packet);
    EXPECT_EQ(decoded.summary, "Request/MD5-Challenge id=1 len=22");
    const EapField* value = field(decoded, "eap.md5.value");
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value->offset, 6u);
    EXPECT_EQ(value->length, 16u);
    EXPECT_EQ(value->value, "000102030405060708090a0b0c0d0e0f");
    EXPECT_EQ(field(decoded, "eap.type")->offset, 4u);
    EXPECT_TRUE(decoded.anomalies.empty());
}

TEST(EapDecoder, IdentityResponse_ShowsText)
{
    auto packet = bytes("0200000a01 616c696365");
    DecodedEap decoded = decodeEap(packet);
    EXPECT_EQ(decoded.summary, "Response/Identity id=0 len=10 \"alice\"");
    EXPECT_EQ(field(decoded, "eap.identity")->value, "alice");
}

TEST(EapDecoder, LegacyNak_ListsDesiredTypes)
{
    DecodedEap decoded = decodeEap(bytes("0201000603 15"));
    EXPECT_EQ(decoded.summary, "Response/Legacy-Nak id=1 len=6 desired=TTLS");
    EXPECT_EQ(field(decoded, "eap.desired_type")->offset, 5u);
}

TEST(EapDecoder, NakInRequest_IsAnError)
{
    DecodedEap decoded = decodeEap(bytes("0101000603 04"));
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_NAK_IN_REQUEST"));
}

TEST(EapDecoder, ExpandedNak_ListsVendorTypes)
{
    DecodedEap decoded = decodeEap(bytes("02 05 0014 fe 000000 00000003 fe00372a00000001"));
    EXPECT_NE(decoded.summary.find("Expanded-Nak"), std::string::npos);
    const EapField* entry = field(decoded, "eap.ext.nak");
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->offset, 12u);
    EXPECT_EQ(entry->value, "vendor 14122 type 1");
}

TEST(EapDecoder, Success_NoTypeField)
{
    DecodedEap decoded = decodeEap(bytes("03020004"));
    EXPECT_EQ(decoded.summary, "Success id=2 len=4");
    EXPECT_EQ(field(decoded, "eap.type"), nullptr);
}

TEST(EapDecoder, TooShort_ReportsErrorAndDoesNotCrash)
{
    DecodedEap decoded = decodeEap(bytes("0102"));
    ASSERT_TRUE(hasAnomaly(decoded, "EAP_TOO_SHORT"));
    EXPECT_EQ(decoded.anomalies[0].severity, Severity::Error);
}

TEST(EapDecoder, LengthBeyondBytes_IsDataLossAndDecodesWhatIsThere)
{
    DecodedEap decoded = decodeEap(bytes("0101001604 10 0001"));
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_TRUNCATED"));
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_FIELD_TRUNCATED"));
    EXPECT_EQ(field(decoded, "eap.md5.value")->length, 2u);
}

TEST(EapDecoder, TrailingPadding_IsInfoAndNotDecoded)
{
    DecodedEap decoded = decodeEap(bytes("03020004 0000"));
    ASSERT_TRUE(hasAnomaly(decoded, "EAP_TRAILING_BYTES"));
    EXPECT_EQ(anomalyInfo("EAP_TRAILING_BYTES")->severity, Severity::Info);
}

TEST(EapDecoder, UnknownCode_DecodesHeaderOnly)
{
    DecodedEap decoded = decodeEap(bytes("2501000401"));
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_UNKNOWN_CODE"));
    EXPECT_EQ(decoded.summary, "Code-37 id=1 len=4");
}

TEST(EapDecoder, TlsStartAndFlags)
{
    DecodedEap decoded = decodeEap(bytes("010300060d20"));
    EXPECT_EQ(decoded.summary, "Request/TLS id=3 len=6 [S]");
    EXPECT_EQ(field(decoded, "eap.tls.flags.start")->value, "1");
}

TEST(EapDecoder, TlsFirstFragment_SummarisesRecords)
{
    // Response/TLS, L+M, TLS length 100, record Handshake(ClientHello) len 4 then partial.
    auto packet = bytes("0204 0018 0d c0 00000064 16 0301 0004 01000000 15 0303 0010 00");
    DecodedEap decoded = decodeEap(packet);
    EXPECT_NE(decoded.summary.find("[L M] Handshake(ClientHello) Alert"), std::string::npos)
        << decoded.summary;
    EXPECT_EQ(field(decoded, "eap.tls.len")->value, "100");
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_TLS_RECORD_TRUNCATED"));
}

TEST(EapDecoder, TeapIsTlsBased_OuterTlvsAreNotTlsData)
{
    EXPECT_TRUE(isTlsFamily(eap_type::kTeap));
    EXPECT_EQ(eapTypeName(eap_type::kTeap), "TEAP");
    // Request/TEAP, L S O version 1, TLS length 9, Outer TLV Length 8, one record
    // Handshake(ClientHello), then an outer TLV (RFC 7170 §4.2.1).
    auto packet = bytes("0107001f 37 b1 00000009 00000008 16 0303 0004 01000000 800b0004 00000001");
    DecodedEap decoded = decodeEap(packet);
    EXPECT_EQ(decoded.summary, "Request/TEAP id=7 len=31 [L S O] Handshake(ClientHello)");
    EXPECT_EQ(field(decoded, "eap.teap.flags.outer_tlv_len")->value, "1");
    EXPECT_EQ(field(decoded, "eap.teap.outer_tlv_len")->value, "8");
    EXPECT_EQ(field(decoded, "eap.tls.data")->offset, 14u);
    EXPECT_EQ(field(decoded, "eap.tls.data")->length, 9u);
    EXPECT_EQ(field(decoded, "eap.teap.outer_tlvs")->offset, 23u);
    EXPECT_EQ(field(decoded, "eap.teap.outer_tlvs")->length, 8u);
    EXPECT_FALSE(hasAnomaly(decoded, "EAP_TLS_RECORD_TRUNCATED"));
    EXPECT_EQ(field(decoded, "eap.tls.flags.version")->value, "1");
}

TEST(EapDecoder, PeapVersionBits)
{
    DecodedEap decoded = decodeEap(bytes("010100061921"));
    EXPECT_EQ(field(decoded, "eap.tls.flags.version")->value, "1");
}

TEST(EapDecoder, Mschapv2Response_SplitsValue)
{
    std::string hex = "0207 0045 1a 02 07 0040 31";
    hex += std::string(32, 'a') + std::string(16, '0') + std::string(48, 'b') + "00";
    hex += "616c696365";
    DecodedEap decoded = decodeEap(bytes(hex));
    EXPECT_NE(decoded.summary.find("MSCHAPv2 id=7 len=69 Response"), std::string::npos) << decoded.summary;
    EXPECT_EQ(field(decoded, "eap.ms_chap_v2.nt_response")->offset, 34u);
    EXPECT_EQ(field(decoded, "eap.ms_chap_v2.name")->value, "alice");
}

TEST(EapDecoder, LeapChallenge)
{
    DecodedEap decoded = decodeEap(bytes("0102 0016 11 01 00 08 0102030405060708 6a6f7368"));
    EXPECT_EQ(field(decoded, "eap.leap.peer_challenge")->offset, 8u);
    EXPECT_EQ(field(decoded, "eap.leap.name")->value, "josh");
}

TEST(EapDecoder, SimStart_DecodesAttributes)
{
    // Request/SIM Start with AT_VERSION_LIST (len 2 units: 2 bytes list length + version 1).
    DecodedEap decoded = decodeEap(bytes("0101 0014 12 0a 0000 0f02 0002 0001 0000 0d010000"));
    EXPECT_EQ(decoded.summary, "Request/SIM id=1 len=20 Start");
    EXPECT_EQ(field(decoded, "eap.sim.attribute")->value, "AT_VERSION_LIST");
    EXPECT_TRUE(decoded.anomalies.empty());
}

TEST(EapDecoder, AkaZeroLengthAttribute_StopsWithError)
{
    DecodedEap decoded = decodeEap(bytes("0101 000c 17 05 0000 0e00 0000"));
    EXPECT_TRUE(hasAnomaly(decoded, "EAP_SIM_ATTRIBUTE_LENGTH"));
}

TEST(EapDecoder, ExpandedWsc_VendorId)
{
    DecodedEap decoded = decodeEap(bytes("0101 000e fe 00372a 00000001 0100"));
    EXPECT_EQ(field(decoded, "eap.ext.vendor_id")->value, "14122");
    EXPECT_EQ(field(decoded, "eap.ext.vendor_type")->value, "1");
    EXPECT_NE(decoded.summary.find("vendor=0x00372a type=1"), std::string::npos);
}

TEST(EapDecoder, PwdIdExchange)
{
    DecodedEap decoded = decodeEap(bytes("0101 0013 34 01 0013 01 01 aabbccdd 00 626f62"));
    EXPECT_NE(decoded.summary.find("PWD id=1 len=19 ID"), std::string::npos) << decoded.summary;
    EXPECT_EQ(field(decoded, "eap.pwd.identity")->value, "bob");
}

TEST(EapDecoder, TruncatedPwd_FieldsStayInsideThePacket)
{
    auto packet = bytes("010a00133401");  // Length 19, 6 bytes present (eap_decoder_fuzz)
    for (const EapField& f : decodeEap(packet).fields) {
        EXPECT_LE(f.offset + f.length, packet.size()) << f.key;
    }
}

TEST(EapDecoder, GtcAndOtpTexts)
{
    EXPECT_EQ(field(decodeEap(bytes("0201 0009 06 70617373")), "eap.gtc.response")->value, "pass");
    EXPECT_EQ(field(decodeEap(bytes("0101 0009 05 6f74703a")), "eap.otp.message")->value, "otp:");
}

TEST(EapDecoder, Notification)
{
    EXPECT_EQ(field(decodeEap(bytes("0101 0007 02 6869")), "eap.notification")->value, "hi");
}

TEST(EapDecoder, EveryAnomalyIdIsInTheCatalogue)
{
    // Every id a decode produces must resolve in the one catalogue.
    for (std::string_view hex : {"01", "0101000201", "0101001604100001", "2501000401", "0101000603 04",
                                 "0101000c170500000e000000", "0201000603"}) {
        for (const EapAnomaly& anomaly : decodeEap(bytes(hex)).anomalies) {
            EXPECT_NE(anomalyInfo(anomaly.id), nullptr) << anomaly.id;
        }
    }
}

TEST(EapDecoder, EveryTruncationOfAValidPacket_DecodesWithoutCrashing)
{
    auto packet = bytes("0207 0045 1a 02 07 0040 31" + std::string(98, '1') + "616c696365");
    for (std::size_t n = 0; n <= packet.size(); ++n) {
        DecodedEap decoded = decodeEap(std::span(packet).first(n));
        EXPECT_FALSE(decoded.summary.empty());
        for (const EapField& f : decoded.fields) {
            EXPECT_LE(f.offset + f.length, std::max<std::size_t>(n, 4)) << f.key << " at n=" << n;
        }
    }
}

}  // namespace
}  // namespace eapscope
