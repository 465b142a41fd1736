// Runs Debian's eapol_test (wpa_supplicant 2.10's EAP peer with a RADIUS client) against a
// RADIUS server on 127.0.0.1 (INTEROP.md "eapol_test"): writes its network block, runs
// `eapol_test -c CONF -a 127.0.0.1 -p PORT -s SECRET`, and reads the outcome.
// Exit codes: 0 success, 252 MPPE key mismatch (also a reject of a key-deriving method),
// 253 Access-Reject, 254 timeout, 255 configuration or start-up error.
#pragma once

#include "child_process.h"

#include <optional>
#include <string>
#include <vector>

namespace eapscope::interop {

struct EapolTestConfig {
    std::string eap = "MD5";  // MD5, GTC, MSCHAPV2, TLS, PEAP, TTLS
    std::string identity = "alice";
    std::optional<std::string> password = "secret";
    // EAP-TLS / PEAP / TTLS
    std::optional<std::filesystem::path> caCert, clientCert, privateKey;
    std::optional<std::string> domainSuffixMatch;
    std::optional<std::string> phase1, phase2;
    std::vector<std::string> extraNetworkLines;  // verbatim lines inside network={}
    std::vector<std::string> globalLines;        // verbatim lines before it (e.g. openssl_ciphers=…)

    /// The configuration file's text.
    [[nodiscard]] std::string render() const;
};

struct EapolTestRun {
    std::uint16_t port = 0;
    std::string secret = "testing123";
    bool expectKeys = true;                       // false adds -n (methods without MSK: MD5, GTC)
    int timeoutSeconds = 10;                      // -t: covers the whole run
    std::uint32_t reauthentications = 0;          // -r N
    std::optional<std::string> callingStationId;  // -M, default 02-00-00-00-00-01
};

struct EapolTestResult {
    int exitCode = -1;
    std::string output;
    bool success = false;                // "SUCCESS" printed
    bool accessReject = false;           // an Access-Reject or CTRL-EVENT-EAP-FAILURE seen
    int mppeOk = -1, mppeMismatch = -1;  // from "MPPE keys OK: N  mismatch: M"; -1 when absent
};

class EapolTestRunner {
public:
    /// Starts eapol_test and returns at once (for many supplicants in parallel).
    static Result<ChildProcess> start(const EapolTestConfig& config, const EapolTestRun& run,
                                      const std::filesystem::path& dir,
                                      const std::string& name = "eapol_test");
    /// Reads a finished run's output.
    static EapolTestResult result(int exitCode, std::string output);
    /// Starts, waits (timeout + 10 s) and reads the outcome; exitCode -1 when it had to be killed.
    static EapolTestResult run(const EapolTestConfig& config, const EapolTestRun& run,
                               const std::filesystem::path& dir, const std::string& name = "eapol_test");
};

}  // namespace eapscope::interop
