// PANA (RFC 5191 §6): a 16-byte header (Reserved, Message Length, Flags, Message Type, Session
// Identifier, Sequence Number) then AVPs; EAP travels in the EAP-Payload AVP (code 2, §8.4).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace eapscope {

struct PanaMessage {
    std::uint16_t flags = 0, type = 0;
    std::uint32_t session = 0;
    bool request = false;               // R flag
    std::span<const std::uint8_t> eap;  // EAP-Payload value (a view into the payload); empty when none
    bool malformed = false;
};

std::optional<PanaMessage> parsePana(std::span<const std::uint8_t> payload);

}  // namespace eapscope
