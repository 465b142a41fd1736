// What a session engine runs: the two sides, the counterpart, the users of the back end and
// the engine's policies (RASEAP.md §3). Plain data, filled by the CLI, the GUI controller,
// replay and tests.
#pragma once

#include "method/call_types.h"
#include "method/method_executor.h"
#include "radius/radius_transport.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eapscope {

/// Who produces the packets of a side that has no executor.
enum class Counterpart : std::uint8_t {
    Loopback,  // both sides are methods
    Scripted,  // the side without an executor plays `script`, one packet each time the method waits
    Manual,    // the side without an executor waits for injectPacket() (GUI)
    // A real RADIUS server plays the authenticator; the engine is the NAS (RFC 3579, RFC 2869)
    // and the peer is the method under test (`run --radius`, session_radius.cpp).
    RadiusServer,
    // Real supplicants behind NASes play the peer, one conversation each, opened and fed from
    // outside through openConversation()/deliverFromCounterpart() (`serve`, radius_serve.h).
    RadiusClients,
};

/// The NAS side of `run --radius`: where Access-Requests go and how patiently.
struct RadiusNasConfig {
    radius::RadiusTransport* transport = nullptr;  // not owned; the UDP socket in the CLI
    std::string server;                            // "HOST:PORT", for texts and the server's lane
    std::string secret;
    // RFC 5080 §2.2.1 leaves the schedule to the client; eapol_test waits 3 s per try and
    // FreeRADIUS answers in well under a millisecond here, so 3 s and 3 retries say "dead"
    // after 12 s without mistaking a slow server for a dead one.
    std::uint32_t timeoutMs = 3000;
    std::uint32_t retries = 3;
    std::array<std::uint8_t, 4> nasIp = {127, 0, 0, 1};
};

struct EngineSide {
    MethodExecutor* executor = nullptr;  // not owned; null = the counterpart plays this side
    LoadRequest load;
    Bytes connectionData;  // PPP_EAP_INPUT.pConnectionData at every RasEapBegin of this side (§1.3)
    Bytes userData;        // PPP_EAP_INPUT.pUserData
};

struct EngineConfig {
    EngineSide authenticator;
    EngineSide peer;
    Counterpart counterpart = Counterpart::Loopback;
    std::vector<Bytes> script;  // Scripted: the counterpart's packets, in order, for every context
    RadiusNasConfig radius;     // RadiusServer

    std::string identity = "alice";           // the peer's identity (UTF-8)
    std::optional<std::string> peerPassword;  // given to the peer's Begin; absent = NULL
    // Per conversation (0-based order), overriding peerPassword: a lesson shows a failed and a
    // successful authentication side by side on the same loaded methods.
    std::vector<std::string> peerPasswords;
    std::vector<std::pair<std::string, std::string>> users;  // back end: identity → password

    std::uint32_t contexts = 1;  // contexts per side, one conversation each
    // Contexts are numbered from firstContextNumber + 1 on each side: a shard of a `run --jobs`
    // (engine/parallel_run.h) runs contexts 5..8 of the run and names them so in every text.
    std::uint32_t firstContextNumber = 0;
    bool interleave = false;  // round-robin between live conversations instead of one after another

    std::uint32_t cbSendPacket = 1400;   // SW2/AL give inner methods 1400 bytes (RASEAP.md §3.4)
    std::uint32_t inputSize = 128;       // PPP_EAP_INPUT size the host implements (classic)
    std::uint32_t outputSize = 80;       // PPP_EAP_OUTPUT size (classic)
    std::uint8_t identityRequestId = 1;  // Id of the engine's Request/Identity; the method continues from +1
    std::uint32_t slowCallMs = 500;
    // Windows CE's EAP engine uses 5000 ms and 10 retries (RASEAP.md §3.4, [CE-HDR]); desktop
    // RAS values are unconfirmed, so the engine follows the one documented Microsoft host.
    std::uint32_t retransmitMs = 5000;
    std::uint32_t retryLimit = 10;
    bool autoFireTimeouts = true;  // run mode: fire the earliest timer when nothing else can happen
    std::optional<std::uint32_t>
        dropPacket;  // fault injection: drop the Nth packet put on the wire (1-based)
};

}  // namespace eapscope
