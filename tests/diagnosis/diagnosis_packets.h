// Hand-made conversations for the diagnosis tests: EAP and TLS bytes written here field by field
// (RFC 3748, RFC 5216, RFC 5246), certificates made with OpenSSL, grouped by the real
// ConversationBuilder as the importer would.
#pragma once

#include "capture/capture_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope::testing_packets {

using Bytes = std::vector<std::uint8_t>;

Bytes eap(std::uint8_t code, std::uint8_t id, std::optional<std::uint8_t> type = std::nullopt,
          const Bytes& data = {});
Bytes text(const std::string& s);
Bytes join(std::initializer_list<Bytes> parts);

// TLS (RFC 5246): records and handshake messages.
Bytes record(std::uint8_t content, const Bytes& body, std::uint16_t version = 0x0303);
Bytes handshake(std::uint8_t type, const Bytes& body);
Bytes clientHello(const Bytes& sessionId, const std::vector<std::uint16_t>& suites,
                  const std::string& sni = {}, const std::vector<std::uint16_t>& versions = {});
Bytes serverHello(const Bytes& sessionId, std::uint16_t suite,
                  std::optional<std::uint16_t> version = std::nullopt);
Bytes certificateMessage(const std::vector<Bytes>& ders);
Bytes alert(std::uint8_t level, std::uint8_t description);
Bytes changeCipherSpec();
Bytes applicationData(std::size_t size);
/// An EAP-TLS-family packet carrying `tls` unfragmented (flags: L when tls is non-empty).
Bytes eapTls(std::uint8_t code, std::uint8_t id, std::uint8_t type, const Bytes& tls, std::uint8_t flags = 0);

struct CertificateSpec {
    std::string commonName = "radius.example.test";
    std::int64_t notBefore = 1'700'000'000;  // 2023-11-14
    std::int64_t notAfter = 1'900'000'000;   // 2030-03-17
    int rsaBits = 2048;
    const char* digest = "SHA256";
    bool selfSigned = false;
    const char* curve = nullptr;  // an EC key on this curve ("P-256") instead of an RSA one
};
/// A DER certificate signed by a throw-away CA (or by itself).
Bytes makeCertificate(const CertificateSpec& spec);

struct Step {
    bool fromServer = true;
    Bytes eap;
    double seconds = 0;  // since the first packet
    std::string replyMessage = {};
};

/// Runs the steps through ConversationBuilder as EAPOL frames between two MACs; frame n = step n.
/// `epoch` is the absolute time of the first frame (seconds since 1970).
CaptureImport conversation(const std::vector<Step>& steps, std::int64_t epoch = 1'765'000'000);

/// The usual opening: Request/Identity, Response/Identity "alice".
std::vector<Step> identityExchange();

}  // namespace eapscope::testing_packets
