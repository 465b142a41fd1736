// A private FreeRADIUS 3.2 for one test (INTEROP.md "A private FreeRADIUS for a test"):
// Debian's configuration copied into a temporary folder, one auth listener on 127.0.0.1 at a
// free port (the accounting and IPv6 listeners and the inner tunnel's own listener removed),
// proxy_requests = no, reject_delay = 0, the test's users at the top of the files module, and
// optionally a test PKI for EAP-TLS. Started as `freeradius -X -d DIR` and ready when the log
// says "Ready to process requests" and the port is bound; stopped by its pid.
#pragma once

#include "child_process.h"
#include "test_pki.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eapscope::interop {

struct FreeRadiusOptions {
    /// identity → Cleartext-Password (md5, gtc, mschapv2, peap and ttls all work from it).
    std::vector<std::pair<std::string, std::string>> users = {{"alice", "secret"}};
    /// The secret of Debian's `client localhost { ipaddr = 127.0.0.1 secret = testing123 }`.
    std::string secret = "testing123";
    /// EAP type FreeRADIUS proposes first (mods-available/eap default_eap_type); Debian: md5.
    std::string defaultEapType = "md5";
    /// Copied into the configuration; certificate_file/private_key_file/ca_file of
    /// mods-available/eap point at the copies.
    std::optional<TestPki> pki;
    /// Extra lines put into the eap module's `tls-config tls-common { }` (e.g. cipher_list).
    std::string tlsCommonExtra;
    /// true: `freeradius -X` (one thread, full debug log); false: `freeradius -f -l stdout`, the
    /// threaded server with its normal log, as deployed (the benchmark's reference).
    bool debugLog = true;
};

class FreeRadiusServer {
public:
    /// Copies the configuration, applies the options, starts radiusd and waits until it serves.
    static Result<FreeRadiusServer> start(FreeRadiusOptions options = {});

    FreeRadiusServer(FreeRadiusServer&& other) noexcept;
    FreeRadiusServer& operator=(FreeRadiusServer&&) = delete;
    ~FreeRadiusServer();

    [[nodiscard]] std::uint16_t port() const { return port_; }
    [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] const std::string& secret() const { return options_.secret; }
    [[nodiscard]] pid_t pid() const { return process_.pid(); }
    [[nodiscard]] const std::filesystem::path& configDir() const { return dir_; }
    /// The -X debug log so far (attach it to a failing assertion).
    [[nodiscard]] std::string log() const { return process_.output(); }

    /// Stops radiusd by its pid (SIGTERM), waits for it to be gone; true when it is.
    bool stop();

private:
    FreeRadiusServer() = default;
    Status writeConfig();

    FreeRadiusOptions options_;
    std::filesystem::path root_;  // the temporary folder (removed at the end)
    std::filesystem::path dir_;   // root_/raddb: the configuration given to -d
    std::uint16_t port_ = 0;
    ChildProcess process_;
};

/// Rewrites a FreeRADIUS configuration text: drops every top-level `listen { … }` block
/// (comments skipped, braces matched); when `replacement` is non-empty, puts it where the first
/// one was. Exposed for its unit test.
std::string replaceListenBlocks(const std::string& config, const std::string& replacement);

}  // namespace eapscope::interop
