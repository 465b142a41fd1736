// `eapscope-cli inspect CAPTURE --json` (issue 6 part 4): conversations with their packets.
#pragma once

#include "capture/capture_types.h"

#include <string>

namespace eapscope {

/// The JSON document as text (pretty-printed with `indent` ≥ 0, compact with -1).
std::string captureToJson(const CaptureImport& capture, int indent = 2);

/// A human-readable listing: one block per conversation, one line per packet.
std::string captureToText(const CaptureImport& capture);

}  // namespace eapscope
