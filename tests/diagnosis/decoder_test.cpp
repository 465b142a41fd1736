// The decoders the reasons rest on (core/eap): MSCHAPv2 Failure, SIM/AKA notification codes, TLS
// Hello/alert parsing, certificates and PEM; and the escaping of text from outside.
#include "common/text_escape.h"
#include "diagnosis_packets.h"
#include "eap/eap_decoder.h"
#include "eap/eap_result_messages.h"
#include "eap/tls_certificate.h"
#include "eap/tls_handshake.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>

namespace eapscope {
namespace {

using namespace testing_packets;

TEST(MschapV2Failure, AllFieldsOfRfc2759)
{
    auto f =
        parseMschapV2Failure("E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=bad password, try again");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->error, 691u);
    EXPECT_EQ(f->retry, true);
    EXPECT_EQ(f->challenge, "00112233445566778899AABBCCDDEEFF");
    EXPECT_EQ(f->version, 3u);
    EXPECT_EQ(f->message, "bad password, try again");
    EXPECT_EQ(mschapV2ErrorName(648), "ERROR_PASSWD_EXPIRED (648)");
    EXPECT_EQ(mschapV2ErrorName(1), "error 1");
}

TEST(MschapV2Failure, WithoutErrorIsNotAFailureMessage)
{
    EXPECT_FALSE(parseMschapV2Failure("S=0123 M=ok"));
    EXPECT_FALSE(parseMschapV2Failure(""));
    EXPECT_FALSE(parseMschapV2Failure("E=abc"));
    auto f = parseMschapV2Failure("E=646");
    ASSERT_TRUE(f);
    EXPECT_FALSE(f->retry);
    EXPECT_TRUE(f->message.empty());
}

TEST(MschapV2Failure, PacketDecoderShowsTheFields)
{
    std::string message = "E=648 R=0 V=3 M=expired";
    Bytes body = join({Bytes{4, 9, 0, static_cast<std::uint8_t>(4 + message.size())}, text(message)});
    DecodedEap decoded = decodeEap(eap(1, 9, 26, body));
    auto field = [&](std::string_view key) -> std::string {
        for (const EapField& f : decoded.fields) {
            if (f.key == key)
                return f.value;
        }
        return "<absent>";
    };
    EXPECT_EQ(field("eap.ms_chap_v2.failure.error"), "ERROR_PASSWD_EXPIRED (648)");
    EXPECT_EQ(field("eap.ms_chap_v2.failure.retry"), "0");
    EXPECT_EQ(field("eap.ms_chap_v2.failure.version"), "3");
    EXPECT_EQ(field("eap.ms_chap_v2.failure.message"), "expired");
    EXPECT_NE(decoded.summary.find("Failure E=648"), std::string::npos) << decoded.summary;
}

TEST(SimAkaNotification, KnownAndUnknownCodes)
{
    EXPECT_EQ(simAkaNotificationText(16384), "General failure (16384)");
    EXPECT_EQ(simAkaNotificationText(0x8000 | 7), "notification code 32775 (success, after authentication)");
    EXPECT_TRUE(simAkaNotificationIsFailure(1026));
    EXPECT_FALSE(simAkaNotificationIsFailure(32768));
}

TEST(TlsFlight, ClientHelloOffersAndSni)
{
    // The Hello's lists and name are views into these bytes.
    const Bytes hello =
        clientHello(Bytes(32, 1), {0x1301, 0xC02F, 0x0A0A}, "radius.example.test", {0x0304, 0x0303});
    TlsFlight f = parseTlsFlight(hello);
    ASSERT_TRUE(f.clientHello);
    EXPECT_FALSE(f.malformed);
    EXPECT_EQ(f.clientHello->cipherSuites.toVector(), (std::vector<std::uint16_t>{0x1301, 0xC02F, 0x0A0A}));
    EXPECT_EQ(f.clientHello->serverName, "radius.example.test");
    EXPECT_EQ(f.clientHello->version(), 0x0304);
    EXPECT_EQ(f.clientHello->sessionId.size(), 32u);
    EXPECT_EQ(tlsCipherSuiteName(0xC02F), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    EXPECT_EQ(tlsCipherSuiteName(0x1234), "0x1234");
}

TEST(TlsFlight, ServerFlightWithCertificatesAcrossRecords)
{
    Bytes cert = makeCertificate({});
    Bytes message = certificateMessage({cert});
    // Split the Certificate handshake message over two records, as servers do past 16 kB.
    Bytes body(message.begin() + 5, message.end());
    Bytes first(body.begin(), body.begin() + 100), second(body.begin() + 100, body.end());
    Bytes flight = join({serverHello({}, 0x009C), record(22, first), record(22, second), handshake(14, {})});
    TlsFlight f = parseTlsFlight(flight);
    ASSERT_TRUE(f.serverHello);
    EXPECT_EQ(f.serverHello->version(), 0x0303);
    ASSERT_EQ(f.certificates.size(), 1u);
    EXPECT_EQ(std::vector<std::uint8_t>(f.certificates[0].begin(), f.certificates[0].end()), cert);
    EXPECT_EQ(f.handshakeTypes, (std::vector<std::uint8_t>{2, 11, 14}));
    EXPECT_FALSE(f.malformed);
}

TEST(TlsFlight, MessagesThatEndWithTheirRecordsAreReadInPlace)
{
    // OpenSSL's server flight: one record per handshake message. Nothing is copied; the
    // certificate is a view into the bytes parsed. A message cut at the end is still malformed.
    Bytes cert = makeCertificate({});
    Bytes flight = join({serverHello({}, 0x009C), certificateMessage({cert}), handshake(14, {})});
    TlsFlight f = parseTlsFlight(flight);
    EXPECT_EQ(f.handshakeTypes, (std::vector<std::uint8_t>{2, 11, 14}));
    ASSERT_EQ(f.certificates.size(), 1u);
    EXPECT_EQ(std::vector<std::uint8_t>(f.certificates[0].begin(), f.certificates[0].end()), cert);
    EXPECT_TRUE(f.joinedHandshake.empty());
    EXPECT_GE(f.certificates[0].data(), flight.data());
    EXPECT_LE(f.certificates[0].data() + f.certificates[0].size(), flight.data() + flight.size());
    EXPECT_FALSE(f.malformed);

    Bytes cut = join({serverHello({}, 0x009C), record(22, Bytes{14, 0, 0, 9})});
    TlsFlight broken = parseTlsFlight(cut);
    EXPECT_EQ(broken.handshakeTypes, (std::vector<std::uint8_t>{2}));
    EXPECT_TRUE(broken.malformed);
}

TEST(TlsFlight, AlertsInTheClearAndAfterChangeCipherSpec)
{
    TlsFlight clear = parseTlsFlight(alert(2, 48));
    ASSERT_EQ(clear.alerts.size(), 1u);
    EXPECT_EQ(clear.alerts[0].level, 2);
    EXPECT_EQ(tlsAlertDescriptionName(clear.alerts[0].description), "unknown_ca");
    EXPECT_EQ(tlsAlertLevelName(2), "fatal");
    TlsFlight hidden = parseTlsFlight(join({changeCipherSpec(), record(21, Bytes(26, 0x33))}));
    ASSERT_EQ(hidden.alerts.size(), 1u);
    EXPECT_TRUE(hidden.alerts[0].encrypted);
}

TEST(TlsFlight, GarbageStopsWithoutReadingPastTheEnd)
{
    Bytes hello = clientHello({}, {0x002F});
    for (std::size_t cut = 0; cut < hello.size(); ++cut) {
        TlsFlight f = parseTlsFlight(std::span(hello).first(cut));
        EXPECT_FALSE(f.clientHello && cut < hello.size() - 2) << cut;
    }
    EXPECT_TRUE(parseTlsFlight(Bytes{0x16, 0x09, 0x09, 0, 1, 1}).malformed);
}

TEST(Certificate, DecodedWithOpenSsl)
{
    Bytes der = makeCertificate({"radius.example.test", 1'700'000'000, 1'900'000'000, 2048, "SHA256"});
    auto cert = decodeCertificate(der);
    ASSERT_TRUE(cert) << cert.error();
    EXPECT_EQ(cert->subject, "CN=radius.example.test");
    EXPECT_EQ(cert->issuer, "CN=Test CA");
    EXPECT_EQ(cert->notBefore, 1'700'000'000);
    EXPECT_EQ(cert->notAfter, 1'900'000'000);
    EXPECT_EQ(cert->keyDescription(), "RSA 2048");
    EXPECT_EQ(cert->signature, "sha256WithRSAEncryption");
    EXPECT_EQ(cert->sha256.size(), 32u * 3 - 1);
    EXPECT_TRUE(cert->weaknesses().empty());
    EXPECT_FALSE(cert->selfSigned);
}

// What OpenSSL's own d2i_X509 makes of a certificate's key ("RSA 2048", "unknown"), or "refused"
// when it refuses the certificate: decodeCertificate decodes keys its own way (see
// tls_certificate.cpp) and must agree with it.
std::string openSslKey(const Bytes& der)
{
    const unsigned char* cursor = der.data();
    std::unique_ptr<X509, decltype(&X509_free)> cert(
        d2i_X509(nullptr, &cursor, static_cast<long>(der.size())), X509_free);
    if (!cert)
        return "refused";
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (!key)
        return "unknown";
    std::string text = EVP_PKEY_get_base_id(key) == EVP_PKEY_EC ? "EC" : "RSA";
    return text + " " + std::to_string(EVP_PKEY_get_bits(key));
}

std::string decodedKey(const Bytes& der)
{
    auto cert = decodeCertificate(der);
    if (!cert)
        return "refused";
    return cert->keyType + (cert->keyBits ? " " + std::to_string(cert->keyBits) : "");
}

// The bytes of `der` with the first `from` replaced by `to` (same length).
Bytes patched(Bytes der, const Bytes& from, const Bytes& to)
{
    auto at = std::search(der.begin(), der.end(), from.begin(), from.end());
    EXPECT_NE(at, der.end());
    if (at != der.end())
        std::copy(to.begin(), to.end(), at);
    return der;
}

TEST(Certificate, KeysDecodedAsOpenSslDecodesThem)
{
    const Bytes rsa1024 = makeCertificate({.rsaBits = 1024});
    const Bytes rsa2048 = makeCertificate({});
    const Bytes p256 = makeCertificate({.curve = "P-256"});
    const Bytes p384 = makeCertificate({.curve = "P-384"});
    // rsaEncryption (1.2.840.113549.1.1.1) made an algorithm no one knows (…1.1.127).
    const Bytes unknownAlgorithm =
        patched(rsa2048, {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05},
                {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x7F, 0x05});
    // The RSAPublicKey inside the key's BIT STRING made a SET: the RSA decoder refuses it.
    const Bytes badKey =
        patched(rsa2048, {0x03, 0x82, 0x01, 0x0F, 0x00, 0x30}, {0x03, 0x82, 0x01, 0x0F, 0x00, 0x31});
    EXPECT_EQ(openSslKey(rsa2048), "RSA 2048");
    EXPECT_EQ(openSslKey(p384), "EC 384");
    EXPECT_EQ(openSslKey(unknownAlgorithm), "unknown");
    EXPECT_EQ(openSslKey(badKey), "unknown");
    // Interleaved and repeated: one decoder context per algorithm serves every certificate.
    for (int round = 0; round < 2; ++round) {
        for (const Bytes* der : {&rsa1024, &p256, &rsa2048, &unknownAlgorithm, &p384, &badKey}) {
            EXPECT_EQ(decodedKey(*der), openSslKey(*der)) << round;
        }
    }
    auto ec = decodeCertificate(p256);
    ASSERT_TRUE(ec);
    EXPECT_EQ(ec->keyDescription(), "EC 256 (prime256v1)");
    auto unknown = decodeCertificate(unknownAlgorithm);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->keyType, "unknown");
    EXPECT_EQ(unknown->subject, "CN=radius.example.test");  // the rest of it is still read
}

TEST(Certificate, GarbageIsAnError)
{
    auto cert = decodeCertificate(Bytes{0x30, 0x03, 0x01, 0x02});
    ASSERT_FALSE(cert);
    EXPECT_NE(cert.error().find("X.509"), std::string::npos);
}

TEST(Certificate, PemRoundTripsThroughOpenSsl)
{
    Bytes der = makeCertificate({});
    std::string pem = certificatePem(der);
    EXPECT_EQ(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
    EXPECT_NE(pem.find("\n-----END CERTIFICATE-----\n"), std::string::npos);
    std::size_t longest = 0, start = 0;
    for (std::size_t at = pem.find('\n'); at != std::string::npos; start = at + 1, at = pem.find('\n', start))
        longest = std::max(longest, at - start);
    EXPECT_LE(longest, 64u);
    EXPECT_EQ(formatUtc(0), "1970-01-01 00:00:00 UTC");
}

TEST(TextEscape, InvalidUtf8BecomesHexText)
{
    EXPECT_TRUE(isValidUtf8("héllo ✓ 𝄞"));
    EXPECT_FALSE(isValidUtf8("\xff"));
    EXPECT_FALSE(isValidUtf8("\xc0\xaf"));      // overlong
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));  // surrogate
    EXPECT_FALSE(isValidUtf8("\xe2\x82"));      // cut
    EXPECT_EQ(validUtf8("a\xffz"), "a\\xffz");
    EXPECT_EQ(validUtf8("é\xe2\x82"), "é\\xe2\\x82");
    nlohmann::json doc{{"name", "bad\xfe"}, {"list", {"ok", "\x80"}}, {"k\xff", 1}};
    std::string text = jsonText(doc, -1);
    EXPECT_NE(text.find("bad\\\\xfe"), std::string::npos) << text;
    EXPECT_NE(text.find("k\\\\xff"), std::string::npos) << text;
    EXPECT_TRUE(nlohmann::json::accept(text));
    EXPECT_EQ(htmlEscape("<a href=\"x\">&'\xff"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\\xff");
}

}  // namespace
}  // namespace eapscope
