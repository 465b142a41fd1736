// The few EAP packets the engine itself builds or reads (RFC 3748 §4-5): the Identity
// exchange, Notification answers, Nak and the Failure that ends a refused negotiation.
#pragma once

#include "method/call_types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eapscope {

struct EapHeader {
    std::uint8_t code = 0;
    std::uint8_t id = 0;
    std::uint16_t length = 0;
    std::optional<std::uint8_t> type;  // Request/Response only
};

/// The header of a packet whose Length is 4..size and, for Request/Response, >= 5.
std::optional<EapHeader> parseEapHeader(std::span<const std::uint8_t> packet);

Bytes makeIdentityRequest(std::uint8_t id);
Bytes makeIdentityResponse(std::uint8_t id, std::string_view identity);
Bytes makeNotificationResponse(std::uint8_t id);
Bytes makeNak(std::uint8_t id, std::uint8_t desiredType);
Bytes makeSuccessOrFailure(std::uint8_t code, std::uint8_t id);

/// The identity of a Response/Identity (RFC 3748 §5.1: the Type-Data, not NUL-terminated).
std::string identityOf(std::span<const std::uint8_t> packet);

/// "Request/4 id=2 len=22" — used where core/eap's decoder is not linked.
std::string shortSummary(std::span<const std::uint8_t> packet);
/// shortSummary() appended to `out` (a reused buffer).
void appendShortSummary(std::span<const std::uint8_t> packet, std::string& out);

}  // namespace eapscope
