// `eapscope-cli inspect CAPTURE --json` (issue 6 part 4): conversations with their packets.
#pragma once

#include "capture/capture_types.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace eapscope {

/// The JSON document ({"file", "frames", …, "conversations": [{…, "packets": […]}]}).
nlohmann::json captureJsonDocument(const CaptureImport& capture);

/// The JSON document as text (pretty-printed with `indent` ≥ 0, compact with -1).
std::string captureToJson(const CaptureImport& capture, int indent = 2);

/// Lines printed under a conversation's header line (index into capture.conversations), each
/// ending in '\n'; e.g. the diagnosis' verdict and main reason.
using ConversationNote = std::function<std::string(std::size_t conversation)>;

/// A human-readable listing: one block per conversation, one line per packet.
std::string captureToText(const CaptureImport& capture, const ConversationNote& note = {});

}  // namespace eapscope
