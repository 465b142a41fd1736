// A throw-away PKI for EAP-TLS tests, made with the openssl command line: a CA, a server
// certificate (CN and DNS name "radius.test", for domain_suffix_match) and a client
// certificate (CN = the identity), RSA 2048 / SHA-256, valid for a year from now.
// PEM files, keys unencrypted, all readable (radiusd reads them as user freerad).
#pragma once

#include "common/result.h"

#include <filesystem>
#include <string>

namespace eapscope::interop {

struct TestPki {
    std::filesystem::path caCert;
    std::filesystem::path serverCert, serverKey;
    std::filesystem::path clientCert, clientKey;
    std::string serverName = "radius.test";
    std::string clientName;  // the client certificate's CN

    /// Creates the files in `dir`; `clientName` becomes the client certificate's CN.
    static Result<TestPki> create(const std::filesystem::path& dir, const std::string& clientName = "alice");
};

}  // namespace eapscope::interop
