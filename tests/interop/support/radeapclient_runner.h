// Runs FreeRADIUS' radeapclient (freeradius-utils 3.2: a RADIUS client that answers EAP-MD5
// challenges itself) against a RADIUS server on 127.0.0.1 (INTEROP.md "eapol_test": the load
// driver, `-p N` requests in flight). Each authentication is one EAP-MD5 conversation of the
// same user; all come from one socket without Calling-Station-Id.
#pragma once

#include "child_process.h"

#include <string>

namespace eapscope::interop {

struct RadeapclientRun {
    std::uint16_t port = 0;
    std::string secret = "testing123";
    std::string identity = "alice";
    std::string password = "secret";  // radeapclient 3.2 reads it from Cleartext-Password
    std::uint32_t authentications = 100;
    std::uint32_t inFlight = 10;  // -p
    int timeoutSeconds = 60;
};

struct RadeapclientResult {
    int exitCode = -1;
    std::string output;
    int approved = -1, denied = -1;  // "Total approved auths: N", "Total denied auths: M" (-s)
};

class RadeapclientRunner {
public:
    /// Writes the request file into `dir`, runs radeapclient to its end and reads its summary.
    static RadeapclientResult run(const RadeapclientRun& run, const std::filesystem::path& dir,
                                  const std::string& name = "radeapclient");
};

}  // namespace eapscope::interop
