// A capture as a session (issue 6 part 4): one context per conversation (side Authenticator, the
// conversation's lane; label says carrier and endpoints), one Packet event per EAP packet (side =
// sender, aux = frame number, time since the first frame, text = decoded summary). No calls.
#pragma once

#include "capture/capture_types.h"
#include "trace/trace.h"

namespace eapscope {

Trace captureToTrace(const CaptureImport& capture);

}  // namespace eapscope
