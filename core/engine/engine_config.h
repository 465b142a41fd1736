// What a session engine runs: the two sides, the counterpart, the users of the back end and
// the engine's policies (RASEAP.md §3). Plain data, filled by the CLI, the GUI controller,
// replay and tests.
#pragma once

#include "method/call_types.h"
#include "method/method_executor.h"

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

    std::string identity = "alice";           // the peer's identity (UTF-8)
    std::optional<std::string> peerPassword;  // given to the peer's Begin; absent = NULL
    // Per conversation (0-based order), overriding peerPassword: a lesson shows a failed and a
    // successful authentication side by side on the same loaded methods.
    std::vector<std::string> peerPasswords;
    std::vector<std::pair<std::string, std::string>> users;  // back end: identity → password

    std::uint32_t contexts = 1;  // contexts per side, one conversation each
    bool interleave = false;     // round-robin between live conversations instead of one after another

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
