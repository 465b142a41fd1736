// One RADIUS packet as values (RFC 2865 §3: Code, Identifier, Length, Authenticator, then
// type-length-value attributes), decoded strictly and encoded byte for byte. Signing and
// verification (Response Authenticator, Message-Authenticator) are in radius_authenticator.h,
// MS-MPPE key encryption in radius_mppe.h. The capture importer's tolerant walk over damaged
// packets is radius_capture_view.h.
#pragma once

#include "common/result.h"
#include "radius/radius_types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope::radius {

using Bytes = std::vector<std::uint8_t>;
using Authenticator = std::array<std::uint8_t, kAuthenticatorSize>;

struct Attribute {
    std::uint8_t type = 0;
    Bytes value;               // at most 253 bytes
    std::uint32_t offset = 0;  // where the attribute starts in the decoded packet (0 when built)

    bool operator==(const Attribute& other) const { return type == other.type && value == other.value; }
};

struct RadiusPacket {
    std::uint8_t code = 0;
    std::uint8_t identifier = 0;
    Authenticator authenticator{};
    std::vector<Attribute> attributes;

    [[nodiscard]] const Attribute* find(std::uint8_t type) const;
    [[nodiscard]] std::optional<std::string> text(std::uint8_t type) const;
    [[nodiscard]] std::optional<std::uint32_t> integer(std::uint8_t type) const;
    /// Every Reply-Message, in order (RFC 2865 §5.18: several are shown as one text, one a line).
    [[nodiscard]] std::vector<std::string> texts(std::uint8_t type) const;

    void add(std::uint8_t type, std::span<const std::uint8_t> value);
    void addText(std::uint8_t type, std::string_view value);
    void addInteger(std::uint8_t type, std::uint32_t value);
    /// Replaces the value of the first attribute of `type`, or appends one.
    void set(std::uint8_t type, std::span<const std::uint8_t> value);
    void remove(std::uint8_t type);

    /// RFC 3579 §3.1: the EAP packet is the concatenation of every EAP-Message, in order.
    [[nodiscard]] Bytes eapMessage() const;
    [[nodiscard]] bool hasEapMessage() const { return find(EapMessage) != nullptr; }
    /// Replaces the EAP-Message attributes by `eap` split into pieces of at most 253 bytes.
    void setEapMessage(std::span<const std::uint8_t> eap);

    /// Value of a Vendor-Specific sub-attribute in the RFC 2865 §5.26 layout (vendor id, then
    /// type(1) length(1) value); the first match.
    [[nodiscard]] std::optional<Bytes> vendorAttribute(std::uint32_t vendor, std::uint8_t type) const;
    void addVendorAttribute(std::uint32_t vendor, std::uint8_t type, std::span<const std::uint8_t> value);

    bool operator==(const RadiusPacket&) const = default;
};

/// Strict decoding: Length within 20..4096 and within the bytes given (bytes past Length are
/// padding and ignored, RFC 2865 §3), every attribute length >= 2 and inside Length.
/// The error says what is wrong and at which offset.
Result<RadiusPacket> decodePacket(std::span<const std::uint8_t> bytes);

/// The packet's bytes exactly as its fields say (the Authenticator field as stored). Error when
/// an attribute value passes 253 bytes or the packet passes 4096 bytes.
Result<Bytes> encodePacket(const RadiusPacket& packet);

/// "Access-Challenge id=7 len=98 EAP=Request/4" style one-liner for traces.
std::string summarize(std::span<const std::uint8_t> bytes);

}  // namespace eapscope::radius
