// The RADIUS codec: attributes, EAP-Message splitting, authenticators and MS-MPPE keys
// (RFC 2865 §3/§5, RFC 3579 §3, RFC 2548 §2.4.2). Interop with FreeRADIUS and eapol_test is
// tested in tests/interop; these tests pin the byte-level rules.
#include "radius/radius_authenticator.h"
#include "radius/radius_capture_view.h"
#include "radius/radius_fields.h"
#include "radius/radius_mppe.h"
#include "radius/radius_packet.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace eapscope::radius;

namespace {

Bytes eapOf(std::size_t size)
{
    Bytes eap(size);
    std::iota(eap.begin(), eap.end(), 0);
    eap[0] = 2;
    eap[2] = static_cast<std::uint8_t>(size >> 8);
    eap[3] = static_cast<std::uint8_t>(size & 0xFF);
    return eap;
}

RadiusPacket request()
{
    RadiusPacket p;
    p.code = AccessRequest;
    p.identifier = 7;
    p.authenticator = randomAuthenticator();
    p.addText(UserName, "alice");
    p.addInteger(NasPort, 1);
    p.addText(CallingStationId, "02-00-00-00-00-01");
    return p;
}

}  // namespace

TEST(RadiusPacket, EncodeThenDecode_GivesTheSameAttributes)
{
    RadiusPacket p = request();
    auto bytes = encodePacket(p);
    ASSERT_TRUE(bytes) << bytes.error();
    EXPECT_EQ(bytes->size(), 20u + 7 + 6 + 19);
    auto back = decodePacket(*bytes);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, p);
    EXPECT_EQ(back->text(UserName), "alice");
    EXPECT_EQ(back->integer(NasPort), 1u);
    EXPECT_EQ(back->attributes[1].offset, 27u);
}

TEST(RadiusPacket, EapMessage_IsSplitAt253BytesAndReassembled)
{
    RadiusPacket p = request();
    const Bytes eap = eapOf(1100);
    p.setEapMessage(eap);
    std::vector<std::size_t> sizes;
    for (const Attribute& a : p.attributes) {
        if (a.type == EapMessage) {
            sizes.push_back(a.value.size());
        }
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{253, 253, 253, 253, 88}));
    auto bytes = encodePacket(p);
    ASSERT_TRUE(bytes);
    auto back = decodePacket(*bytes);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->eapMessage(), eap);
}

TEST(RadiusPacket, SetEapMessage_ReplacesThePreviousPiecesInPlace)
{
    RadiusPacket p = request();
    p.setEapMessage(eapOf(300));
    p.addText(ReplyMessage, "hi");
    p.setEapMessage(eapOf(10));
    ASSERT_EQ(p.attributes.size(), 5u);
    EXPECT_EQ(p.attributes[3].type, EapMessage);
    EXPECT_EQ(p.attributes[4].type, ReplyMessage);
    EXPECT_EQ(p.eapMessage(), eapOf(10));
}

TEST(RadiusPacket, Decode_RejectsShortHeaderBadLengthAndBrokenAttributes)
{
    auto bytes = *encodePacket(request());
    EXPECT_FALSE(decodePacket(std::span(bytes).first(19)));
    Bytes longer = bytes;
    longer[3] = static_cast<std::uint8_t>(longer[3] + 1);  // Length passes the bytes
    auto err = decodePacket(longer);
    ASSERT_FALSE(err);
    EXPECT_NE(err.error().find("passes the"), std::string::npos);
    Bytes zero = bytes;
    zero[21] = 0;  // the first attribute's length
    err = decodePacket(zero);
    ASSERT_FALSE(err);
    EXPECT_NE(err.error().find("below 2"), std::string::npos);
    Bytes tooShort = bytes;
    tooShort[3] = 21;  // Length cuts the first attribute after its type octet
    EXPECT_FALSE(decodePacket(tooShort));
}

TEST(RadiusPacket, Decode_IgnoresPaddingPastLength)
{
    auto bytes = *encodePacket(request());
    bytes.push_back(0xAA);
    auto back = decodePacket(bytes);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->attributes.size(), 3u);
}

TEST(RadiusPacket, Encode_RefusesOversizedAttribute)
{
    RadiusPacket p = request();
    p.add(Class, Bytes(254, 1));
    auto bytes = encodePacket(p);
    ASSERT_FALSE(bytes);
    EXPECT_NE(bytes.error().find("at most 253"), std::string::npos);
}

TEST(RadiusPacket, VendorAttribute_RoundTripsMicrosoftSubAttributes)
{
    RadiusPacket p;
    p.addVendorAttribute(kVendorMicrosoft, kMsMppeRecvKey, Bytes(34, 0x11));
    p.addVendorAttribute(kVendorMicrosoft, kMsMppeSendKey, Bytes(34, 0x22));
    EXPECT_EQ(p.vendorAttribute(kVendorMicrosoft, kMsMppeSendKey), Bytes(34, 0x22));
    EXPECT_EQ(p.vendorAttribute(kVendorMicrosoft, kMsMppeRecvKey), Bytes(34, 0x11));
    EXPECT_FALSE(p.vendorAttribute(9, kMsMppeRecvKey));
}

TEST(RadiusAuthenticator, SignedRequestWithEap_CarriesAVerifiableMessageAuthenticator)
{
    RadiusPacket p = request();
    p.setEapMessage(eapOf(20));
    auto bytes = signRequest(p, "testing123");
    ASSERT_TRUE(bytes);
    auto back = decodePacket(*bytes);
    ASSERT_TRUE(back);
    ASSERT_NE(back->find(MessageAuthenticator), nullptr);
    EXPECT_TRUE(verifyRequest(*bytes, "testing123"));
    auto wrong = verifyRequest(*bytes, "testing124");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().find("Message-Authenticator does not match"), std::string::npos);
    Bytes tampered = *bytes;
    tampered[25] ^= 1;
    EXPECT_FALSE(verifyRequest(tampered, "testing123"));
}

TEST(RadiusAuthenticator, RequestWithEapButNoMessageAuthenticator_IsRefused)
{
    RadiusPacket p = request();
    p.setEapMessage(eapOf(20));
    auto bytes = encodePacket(p);
    auto status = verifyRequest(*bytes, "testing123");
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().find("no Message-Authenticator"), std::string::npos);
}

TEST(RadiusAuthenticator, SignedResponse_VerifiesAgainstItsRequestOnly)
{
    const Authenticator requestAuth = randomAuthenticator();
    RadiusPacket challenge;
    challenge.code = AccessChallenge;
    challenge.identifier = 7;
    challenge.setEapMessage(eapOf(600));
    challenge.add(State, Bytes{1, 2, 3, 4});
    auto bytes = signResponse(challenge, requestAuth, "s3cret");
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(verifyResponse(*bytes, requestAuth, "s3cret"));
    EXPECT_FALSE(verifyResponse(*bytes, requestAuth, "s3creT"));
    EXPECT_FALSE(verifyResponse(*bytes, randomAuthenticator(), "s3cret"));
    auto decoded = decodePacket(*bytes);
    EXPECT_EQ(decoded->eapMessage(), eapOf(600));
}

TEST(RadiusAuthenticator, ResponseWithoutEap_NeedsNoMessageAuthenticator)
{
    const Authenticator requestAuth = randomAuthenticator();
    RadiusPacket reject;
    reject.code = AccessReject;
    reject.identifier = 3;
    reject.addText(ReplyMessage, "no");
    auto bytes = signResponse(reject, requestAuth, "s");
    ASSERT_TRUE(bytes);
    EXPECT_EQ(decodePacket(*bytes)->find(MessageAuthenticator), nullptr);
    EXPECT_TRUE(verifyResponse(*bytes, requestAuth, "s"));
}

TEST(RadiusMppe, EncryptThenDecrypt_GivesTheKeyBack)
{
    const Authenticator requestAuth = randomAuthenticator();
    Bytes key(32);
    std::iota(key.begin(), key.end(), 100);
    auto value = encryptMppeKey(key, "testing123", requestAuth, 0x1234);
    ASSERT_TRUE(value);
    EXPECT_EQ(value->size(), 2u + 48);  // salt + (1 + 32 padded to 48)
    EXPECT_EQ((*value)[0], 0x92);       // the salt's high bit is set
    auto back = decryptMppeKey(*value, "testing123", requestAuth);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, key);
    auto wrong = decryptMppeKey(*value, "testing12", requestAuth);
    EXPECT_TRUE(!wrong || *wrong != key);
}

TEST(RadiusMppe, Decrypt_RefusesValuesThatAreNotWholeBlocks)
{
    auto bad = decryptMppeKey(Bytes(17, 0x80), "x", Authenticator{});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().find("whole 16-byte blocks"), std::string::npos);
    auto noSaltBit = decryptMppeKey(Bytes(18, 0x00), "x", Authenticator{});
    ASSERT_FALSE(noSaltBit);
    EXPECT_NE(noSaltBit.error().find("high bit"), std::string::npos);
}

TEST(RadiusMppe, KeyTooLong_IsRefused)
{
    EXPECT_FALSE(encryptMppeKey(Bytes(240, 1), "x", Authenticator{}, 1));
}

TEST(RadiusCaptureView, SeesTheSameEapAsTheStrictCodec)
{
    RadiusPacket p = request();
    p.setEapMessage(eapOf(700));
    p.add(State, Bytes{0xAB, 0xCD});
    auto bytes = signRequest(p, "x");
    std::vector<std::uint8_t> scratch;
    auto view = parseRadius(*bytes, true, scratch);
    ASSERT_TRUE(view);
    EXPECT_EQ(Bytes(view->eap.begin(), view->eap.end()), eapOf(700));
    EXPECT_EQ(view->eapMessageCount, 3u);
    EXPECT_EQ(Bytes(view->state.begin(), view->state.end()), (Bytes{0xAB, 0xCD}));
    EXPECT_EQ(view->userName, "alice");
}

TEST(RadiusSummary, NamesCodeIdAndEap)
{
    RadiusPacket p = request();
    p.setEapMessage(Bytes{2, 1, 0, 10, 1, 'a', 'l', 'i', 'c', 'e'});
    auto bytes = encodePacket(p);
    EXPECT_EQ(summarize(*bytes),
              "Access-Request id=7 len=" + std::to_string(bytes->size()) + " EAP=Response/1");
}

namespace {

const eapscope::EapField* fieldOf(const eapscope::DecodedEap& d, const std::string& key, int nth = 0)
{
    for (const auto& f : d.fields) {
        if (f.key == key && nth-- == 0) {
            return &f;
        }
    }
    return nullptr;
}

}  // namespace

TEST(RadiusFields, DecodesHeaderAttributesAndTheSplitEapPacketWithRangesIntoTheRadiusPacket)
{
    RadiusPacket p;
    p.code = AccessChallenge;
    p.identifier = 9;
    p.addText(UserName, "alice");
    p.add(NasIpAddress, Bytes{127, 0, 0, 1});
    p.addInteger(NasPort, 7);
    Bytes eap = eapOf(300);
    eap[0] = 1;  // Request
    eap[4] = 4;  // MD5-Challenge
    eap[5] = 16;
    p.setEapMessage(eap);
    p.add(State, Bytes(16, 0xAB));
    auto bytes = encodePacket(p);
    ASSERT_TRUE(bytes);
    const auto decoded = decodePacket(*bytes);
    ASSERT_TRUE(decoded);
    const eapscope::DecodedEap d = decodeRadiusFields(*bytes);
    EXPECT_EQ(fieldOf(d, "radius.code")->value, "Access-Challenge (11)");
    EXPECT_EQ(fieldOf(d, "radius.identifier")->value, "9");
    EXPECT_EQ(fieldOf(d, "radius.attr.User-Name")->value, "\"alice\"");
    EXPECT_EQ(fieldOf(d, "radius.attr.NAS-IP-Address")->value, "127.0.0.1");
    EXPECT_EQ(fieldOf(d, "radius.attr.NAS-Port")->value, "7");
    EXPECT_EQ(fieldOf(d, "radius.attr.State")->value, "abababababababababababababababab");
    const auto* first = fieldOf(d, "radius.attr.EAP-Message", 0);
    const auto* second = fieldOf(d, "radius.attr.EAP-Message", 1);
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_NE(first->value.find("reassembled from 2 EAP-Message attributes"), std::string::npos)
        << first->value;
    // The EAP fields hang below the first EAP-Message; their ranges point into the RADIUS
    // packet: the EAP Code is the first byte of the first attribute's value.
    const auto* code = fieldOf(d, "eap.code");
    ASSERT_NE(code, nullptr);
    EXPECT_EQ(code->offset, first->offset + 2);
    EXPECT_EQ((*bytes)[code->offset], 1);
    int parent = code->parent;
    while (parent >= 0 && d.fields[static_cast<std::size_t>(parent)].key.rfind("eap", 0) == 0) {
        parent = d.fields[static_cast<std::size_t>(parent)].parent;
    }
    ASSERT_GE(parent, 0);
    EXPECT_EQ(&d.fields[static_cast<std::size_t>(parent)], first);
    for (const auto& f : d.fields) {
        EXPECT_LE(std::size_t{f.offset} + f.length, bytes->size()) << f.key;
    }
    EXPECT_NE(d.summary.find("Access-Challenge id=9"), std::string::npos) << d.summary;
    EXPECT_NE(d.summary.find("MD5-Challenge"), std::string::npos) << d.summary;
}

TEST(RadiusFields, NamesMicrosoftMppeKeysWithoutShowingThemAsPlainBytes)
{
    RadiusPacket p;
    p.code = AccessAccept;
    const auto value = encryptMppeKey(Bytes(32, 7), "testing123", Authenticator{}, 0x8001);
    ASSERT_TRUE(value);
    p.addVendorAttribute(kVendorMicrosoft, kMsMppeRecvKey, *value);
    auto bytes = encodePacket(p);
    ASSERT_TRUE(bytes);
    const eapscope::DecodedEap d = decodeRadiusFields(*bytes);
    const auto* vendor = fieldOf(d, "radius.vsa.vendor");
    ASSERT_NE(vendor, nullptr);
    EXPECT_EQ(vendor->value, "311 (Microsoft)");
    const auto* key = fieldOf(d, "radius.vsa");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->label, "MS-MPPE-Recv-Key");
    EXPECT_NE(key->value.find("encrypted with the shared secret"), std::string::npos) << key->value;
}

TEST(RadiusFields, MalformedPacket_KeepsItsHeaderAndSaysWhy)
{
    RadiusPacket p;
    p.code = AccessRequest;
    p.addText(UserName, "alice");
    auto bytes = encodePacket(p);
    ASSERT_TRUE(bytes);
    (*bytes)[21] = 40;  // User-Name's length now runs past the packet
    const eapscope::DecodedEap d = decodeRadiusFields(*bytes);
    EXPECT_EQ(d.summary.rfind("malformed RADIUS: ", 0), 0u) << d.summary;
    EXPECT_NE(fieldOf(d, "radius.code"), nullptr);
    EXPECT_EQ(fieldOf(d, "radius.attr.User-Name"), nullptr);
    EXPECT_EQ(decodeRadiusFields(Bytes{1, 2, 3}).summary.rfind("malformed RADIUS", 0), 0u);
}
