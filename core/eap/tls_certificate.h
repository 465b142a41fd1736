// X.509 certificates carried in clear TLS handshakes (TLS ≤ 1.2 Certificate messages, see
// tls_handshake.h), decoded with OpenSSL: what a support engineer needs to see why a side
// refused the other's certificate.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

struct CertificateDetails {
    std::string subject, issuer;               // RFC 2253 one-line form ("CN=radius.example.org,O=Example")
    std::vector<std::string> san;              // "DNS:radius.example.org", "email:…", "IP:…", "URI:…"
    std::int64_t notBefore = 0, notAfter = 0;  // seconds since the epoch (UTC)
    std::string keyType;                       // "RSA", "EC", "Ed25519", "DSA", …
    int keyBits = 0;
    std::string curve;        // EC keys: "prime256v1", …
    std::string signature;    // OpenSSL long name, "sha256WithRSAEncryption"
    std::string sha256;       // fingerprint, uppercase hex pairs joined by ':'
    std::string serial;       // hex
    bool selfSigned = false;  // subject == issuer
    bool isCa = false;        // basicConstraints CA:TRUE
    std::vector<std::uint8_t> der;

    /// "RSA 2048", "EC 256 (prime256v1)".
    [[nodiscard]] std::string keyDescription() const;
    /// What makes it weak ("SHA-1 signature", "RSA key of 1024 bits"), empty when nothing does.
    [[nodiscard]] std::vector<std::string> weaknesses() const;
    /// The same, as sentences the GUI shows translated (weaknesses() is their English).
    [[nodiscard]] std::vector<MessageText> weaknessTexts() const;
};

/// Decodes one DER certificate; an error names what OpenSSL could not parse.
Result<CertificateDetails> decodeCertificate(std::span<const std::uint8_t> der);

/// "-----BEGIN CERTIFICATE-----\n…base64 (64 columns)…\n-----END CERTIFICATE-----\n".
std::string certificatePem(std::span<const std::uint8_t> der);

/// "2026-12-07 10:55:21 UTC".
std::string formatUtc(std::int64_t secondsSinceEpoch);

}  // namespace eapscope
