// The names lessons use for the trace's vocabulary, parsed leniently (case-insensitive, with or
// without the "RasEap" prefix, numbers or names) because trainers and learners type them.
#pragma once

#include "trace/event_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eapscope {

std::string lowerAscii(std::string_view text);
std::string_view trimmed(std::string_view text);
/// Decimal or 0x-hexadecimal unsigned number, nothing else.
std::optional<std::uint64_t> parseNumber(std::string_view text);

/// "authenticator" / "peer" (also "auth", "server", "client", "authentificateur", "pair").
std::optional<Side> parseSide(std::string_view text);
/// "RasEapEnd", "End", "rasEapMakeMessage", "makemessage", …
std::optional<EntryPoint> parseEntryPoint(std::string_view text);
/// "Send", "SendWithTimeout", "2", … (PPP_EAP_ACTION values 0..8)
std::optional<std::uint8_t> parseAction(std::string_view text);
/// "Request", "Response", "Success", "Failure", or 1..255
std::optional<std::uint8_t> parseEapCode(std::string_view text);
/// "Identity", "Nak", "Legacy-Nak", "MD5", "MD5-Challenge", "PEAP", … or 1..255
std::optional<std::uint8_t> parseEapType(std::string_view text);

}  // namespace eapscope
