// What the checker remembers about one side-context's packets between calls, to check the
// Identifier and retransmission rules of RASEAP.md §3.4 ("Packet Id rules") and §3.7 items
// 14-15. Plain data: it lives in the engine's copyable state, so step back restores it too.
#pragma once

#include "method/call_types.h"

#include <cstdint>
#include <optional>

namespace eapscope {

struct PacketHistory {
    std::uint8_t initialId = 0;                  // bInitialId given at Begin
    std::optional<std::uint8_t> lastRequestId;   // authenticator: Id of its last new Request
    std::optional<std::uint8_t> lastReceivedId;  // Id of the last packet given to the method
    std::optional<Bytes> lastReceived;           // that packet (peer: duplicate-Request detection)
    std::optional<Bytes> lastSent;               // the last packet the method sent
    std::optional<Bytes> lastSentFor;            // peer: the packet its last Response answered
};

}  // namespace eapscope
