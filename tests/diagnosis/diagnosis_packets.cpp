#include "diagnosis_packets.h"

#include "capture/conversation_builder.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace eapscope::testing_packets {
namespace {

void put16(Bytes& out, std::size_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

void put24(Bytes& out, std::size_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 16));
    put16(out, value & 0xFFFF);
}

Bytes withLength16(const Bytes& body)
{
    Bytes out;
    put16(out, body.size());
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

Bytes extension(std::uint16_t type, const Bytes& body)
{
    Bytes out;
    put16(out, type);
    Bytes rest = withLength16(body);
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

}  // namespace

Bytes text(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

Bytes join(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

Bytes eap(std::uint8_t code, std::uint8_t id, std::optional<std::uint8_t> type, const Bytes& data)
{
    Bytes out{code, id, 0, 0};
    if (type)
        out.push_back(*type);
    out.insert(out.end(), data.begin(), data.end());
    out[2] = static_cast<std::uint8_t>(out.size() >> 8);
    out[3] = static_cast<std::uint8_t>(out.size());
    return out;
}

Bytes record(std::uint8_t content, const Bytes& body, std::uint16_t version)
{
    Bytes out{content};
    put16(out, version);
    put16(out, body.size());
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

Bytes handshake(std::uint8_t type, const Bytes& body)
{
    Bytes out{type};
    put24(out, body.size());
    out.insert(out.end(), body.begin(), body.end());
    return record(22, out);
}

Bytes clientHello(const Bytes& sessionId, const std::vector<std::uint16_t>& suites, const std::string& sni,
                  const std::vector<std::uint16_t>& versions)
{
    Bytes body;
    put16(body, 0x0303);
    body.insert(body.end(), 32, 0x11);  // random
    body.push_back(static_cast<std::uint8_t>(sessionId.size()));
    body.insert(body.end(), sessionId.begin(), sessionId.end());
    put16(body, suites.size() * 2);
    for (std::uint16_t suite : suites)
        put16(body, suite);
    body.push_back(1);  // compression methods: null
    body.push_back(0);
    Bytes extensions;
    if (!sni.empty()) {
        Bytes name{0};
        Bytes host = withLength16(text(sni));
        name.insert(name.end(), host.begin(), host.end());
        Bytes ext = extension(0, withLength16(name));
        extensions.insert(extensions.end(), ext.begin(), ext.end());
    }
    if (!versions.empty()) {
        Bytes list{static_cast<std::uint8_t>(versions.size() * 2)};
        for (std::uint16_t v : versions)
            put16(list, v);
        Bytes ext = extension(43, list);
        extensions.insert(extensions.end(), ext.begin(), ext.end());
    }
    Bytes all = withLength16(extensions);
    body.insert(body.end(), all.begin(), all.end());
    return handshake(1, body);
}

Bytes serverHello(const Bytes& sessionId, std::uint16_t suite, std::optional<std::uint16_t> version)
{
    Bytes body;
    put16(body, 0x0303);
    body.insert(body.end(), 32, 0x22);
    body.push_back(static_cast<std::uint8_t>(sessionId.size()));
    body.insert(body.end(), sessionId.begin(), sessionId.end());
    put16(body, suite);
    body.push_back(0);
    Bytes extensions;
    if (version) {
        Bytes v;
        put16(v, *version);
        extensions = extension(43, v);
    }
    Bytes all = withLength16(extensions);
    body.insert(body.end(), all.begin(), all.end());
    return handshake(2, body);
}

Bytes certificateMessage(const std::vector<Bytes>& ders)
{
    Bytes list;
    for (const Bytes& der : ders) {
        put24(list, der.size());
        list.insert(list.end(), der.begin(), der.end());
    }
    Bytes body;
    put24(body, list.size());
    body.insert(body.end(), list.begin(), list.end());
    return handshake(11, body);
}

Bytes alert(std::uint8_t level, std::uint8_t description)
{
    return record(21, {level, description});
}

Bytes changeCipherSpec()
{
    return record(20, {1});
}

Bytes applicationData(std::size_t size)
{
    return record(23, Bytes(size, 0x5A));
}

Bytes eapTls(std::uint8_t code, std::uint8_t id, std::uint8_t type, const Bytes& tls, std::uint8_t flags)
{
    Bytes data{flags};
    if (!tls.empty()) {
        data[0] |= 0x80;
        data.push_back(static_cast<std::uint8_t>(tls.size() >> 24));
        data.push_back(static_cast<std::uint8_t>(tls.size() >> 16));
        data.push_back(static_cast<std::uint8_t>(tls.size() >> 8));
        data.push_back(static_cast<std::uint8_t>(tls.size()));
        data.insert(data.end(), tls.begin(), tls.end());
    }
    return eap(code, id, type, data);
}

Bytes makeCertificate(const CertificateSpec& spec)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        spec.curve ? EVP_EC_gen(spec.curve) : EVP_RSA_gen(static_cast<unsigned>(spec.rsaBits)),
        EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 4242);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), static_cast<time_t>(spec.notBefore));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), static_cast<time_t>(spec.notAfter));
    X509_NAME* subject = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(spec.commonName.c_str()), -1, -1, 0);
    X509_NAME* issuer = X509_get_issuer_name(cert.get());
    const char* issuerName = spec.selfSigned ? spec.commonName.c_str() : "Test CA";
    X509_NAME_add_entry_by_txt(issuer, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(issuerName), -1, -1, 0);
    X509_set_pubkey(cert.get(), key.get());
    if (X509_sign(cert.get(), key.get(), EVP_get_digestbyname(spec.digest)) <= 0)
        throw std::runtime_error("X509_sign failed");
    unsigned char* der = nullptr;
    int length = i2d_X509(cert.get(), &der);
    Bytes out(der, der + length);
    OPENSSL_free(der);
    return out;
}

CaptureImport conversation(const std::vector<Step>& steps, std::int64_t epoch)
{
    CaptureImport capture;
    capture.path = "hand-made.pcap";
    capture.firstTimeNs = static_cast<std::uint64_t>(epoch) * 1'000'000'000ull;
    ConversationBuilder builder(capture);
    std::uint32_t frame = 0;
    for (const Step& step : steps) {
        CarrierPacket packet;
        packet.carrier = Carrier::Eapol;
        packet.frame = ++frame;
        packet.timeNs = capture.firstTimeNs + static_cast<std::uint64_t>(step.seconds * 1e9);
        packet.link = "EAPOL/Ethernet";
        static constexpr std::uint8_t kServer[6] = {0x02, 0, 0, 0, 0, 0xaa},
                                      kPeer[6] = {0x02, 0, 0, 0, 0, 0x01};
        packet.source = Endpoint::mac(step.fromServer ? kServer : kPeer);
        packet.destination = Endpoint::mac(step.fromServer ? kPeer : kServer);
        packet.eap = step.eap;
        packet.replyMessage = step.replyMessage;
        builder.add(std::move(packet));
    }
    builder.finish();
    capture.frames = frame;
    return capture;
}

std::vector<Step> identityExchange()
{
    return {{true, eap(1, 1, 1)}, {false, eap(2, 1, 1, text("alice")), 0.01}};
}

}  // namespace eapscope::testing_packets
