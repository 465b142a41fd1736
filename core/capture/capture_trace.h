// A capture as a session (issue 6 part 4): one context per conversation (side Authenticator, the
// conversation's lane; label says carrier and endpoints), one Packet event per EAP packet (side =
// sender, aux = frame number, time since the first frame, text = decoded summary), and one Note
// event per EAPOL-Start/Logoff/Key of a conversation (side = sender, aux = frame, text
// "EAPOL-Start"), all in frame order. No calls.
#pragma once

#include "capture/capture_types.h"
#include "trace/trace.h"

namespace eapscope {

Trace captureToTrace(const CaptureImport& capture);

/// The row of packet `packet` (index into capture.packets) in captureToTrace(capture).
EventId captureEventOf(const CaptureImport& capture, std::uint32_t packet);
/// The same, searching the controls outwards from `hint` (any value; 0 at first), which it leaves
/// at the answer: packets asked for in nearly increasing order (a pass over the conversations)
/// cost a few steps each instead of a search of every control.
EventId captureEventOf(const CaptureImport& capture, std::uint32_t packet, std::size_t& hint);

}  // namespace eapscope
