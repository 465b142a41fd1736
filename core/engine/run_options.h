// Options of `eapscope-cli run` (issue 2 part 7), kept in one struct so later issues add
// theirs with a few lines: the host (--watchdog-ms, --slow-ms, --stacks, --guard,
// --in-process) and the store (--record FILE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace eapscope {

struct RunOptions {
    std::string authSpec = "md5";  // bundled name or library path
    std::string peerSpec = "md5";
    std::optional<std::uint32_t> type;  // absent = probe 1..254
    std::string identity = "alice";
    std::string password = "secret";          // the peer's password
    std::optional<std::string> authPassword;  // the back end's password for the identity; default: the peer's
    std::uint32_t contexts = 1;
    bool interleave = false;
    // Shards of the run, each on its own isolated host pair (engine/parallel_run.h); 1 = one engine.
    std::uint32_t jobs = 1;
    bool json = false;
    std::optional<std::string> expect;  // "success" | "failure"
    std::string logLevel = "warn";
    std::optional<std::uint32_t> dropPacket;  // fault injection (tests): lose the Nth packet on the wire

    // RasEapBegin's connection/user data per side (RASEAP.md §1.3): a FILE or inline key=value
    // text, read by applyMethodData (engine/method_data.h). Empty = none.
    std::string authConnectionData;
    std::string peerConnectionData;
    std::string peerUserData;

    // Isolated host (issue 3 part 6).
    std::uint32_t watchdogMs = 5000;
    std::uint32_t slowMs = 500;
    bool stacks = false;
    bool guard = false;
    bool inProcess = false;  // default: isolated eapscope-host processes, one per side

    // Session file (issue 4).
    std::string recordPath;

    // RADIUS server as counterpart (issue 11): the peer meets a real server, EapScope is the NAS.
    std::optional<std::string> radius;  // "HOST:PORT"; absent = loopback
    std::string secret;                 // the shared secret with that server
    std::uint32_t radiusTimeoutMs = 3000;
    std::uint32_t radiusRetries = 3;
};

}  // namespace eapscope
