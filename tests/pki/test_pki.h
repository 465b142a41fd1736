// A throw-away PKI for the EAP-TLS tests, made with OpenSSL's API inside the test: a CA, a
// server and a client certificate it signs, an expired client certificate, and a rogue CA with
// a client certificate of its own. ECDSA P-256 keys (fast to make), SHA-256 signatures, PEM files.
#pragma once

#include <filesystem>
#include <string>

namespace eapscope::testing {

struct TestPki {
    std::filesystem::path dir;
    std::filesystem::path ca;                            // ca.pem
    std::filesystem::path serverCert, serverKey;         // CN/SAN server.test, EKU serverAuth
    std::filesystem::path clientCert, clientKey;         // CN alice, EKU clientAuth
    std::filesystem::path expiredCert, expiredKey;       // CN alice, valid until yesterday
    std::filesystem::path rogueCa, rogueCert, rogueKey;  // CN alice, signed by another CA

    /// connection/user data text for the bundled tls method (methods/tls/README.md)
    [[nodiscard]] std::string serverData() const;
    [[nodiscard]] std::string clientData() const;
};

/// Writes the PKI into `dir` (created if needed). Throws std::runtime_error when OpenSSL fails.
TestPki makeTestPki(const std::filesystem::path& dir);

}  // namespace eapscope::testing
