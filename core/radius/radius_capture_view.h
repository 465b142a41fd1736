// The capture importer's view of a RADIUS packet: the parts (RFC 2865 §3, §5) it needs: code, identifier, the
// EAP packet carried in EAP-Message attributes (RFC 3579 §3.1: concatenated in order when split), State,
// Calling-Station-Id, and the server's own words on a reject: Reply-Message (§5.18) and Error-Cause
// (RFC 5176 §3.6). Attributes are walked exactly as Wireshark walks them, so that on malformed (fuzzed)
// packets the importer finds the EAP packets tshark finds (truth.tsv). Live RADIUS (EapScope as NAS or
// server) uses the strict codec of radius_packet.h instead: a damaged packet there is dropped, not salvaged.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope::radius {

// Views into the parsed payload (or, for split EAP, the caller's scratch buffer): valid while both are.
struct RadiusMessage {
    std::uint8_t code = 0, identifier = 0;
    std::span<const std::uint8_t> eap;  // concatenated EAP-Message values; empty when none
    std::uint32_t eapMessageCount = 0;
    std::span<const std::uint8_t> state;  // State value
    std::string_view callingStationId;
    std::string_view userName;
    std::string replyMessage;                 // Reply-Message values, concatenated in order
    std::optional<std::uint32_t> errorCause;  // Error-Cause
    bool malformed = false;                   // the attribute list broke off before its end
};

/// Parses a UDP payload as RADIUS. With `strict` (a port not registered for RADIUS) only a packet
/// with a known code, a consistent Length and a well-formed attribute list is accepted. An EAP
/// packet split over several EAP-Message attributes is joined in `scratch` (reused, so that
/// parsing packet after packet does not allocate); one in a single attribute is not copied.
std::optional<RadiusMessage> parseRadius(std::span<const std::uint8_t> payload, bool strict,
                                         std::vector<std::uint8_t>& scratch);

}  // namespace eapscope::radius
