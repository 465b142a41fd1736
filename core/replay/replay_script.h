// What replaying one captured conversation needs (issue 6 part 5): the counterpart's packets to
// feed, in order, and the packets the method is expected to send. Retransmissions (a packet
// repeating the previous one from the same side, e.g. an 802.11 retry) are kept once, as an
// EAP endpoint drops duplicates (RFC 3748 §4.1).
#pragma once

#include "capture/capture_types.h"
#include "method/call_types.h"
#include "trace/event_types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eapscope {

struct ReplayScript {
    std::vector<Bytes> counterpart;        // fed to the method, in order
    std::vector<std::uint32_t> expected;   // indices into CaptureImport::packets, in order
    std::string identity;                  // the peer's identity as captured
    std::uint8_t identityRequestId = 1;    // the captured Request/Identity's id
    bool capturedIdentityRequest = false;  // false for RADIUS (the NAS asked)
};

/// `conversation` is 0-based; `role` is the side the method plays.
ReplayScript buildReplayScript(const CaptureImport& capture, std::uint32_t conversation, Side role);

}  // namespace eapscope
