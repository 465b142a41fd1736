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

}  // namespace eapscope
