#include "radius/radius_capture_view.h"

#include "radius/radius_types.h"

#include <algorithm>

namespace eapscope::radius {
namespace {

constexpr std::uint8_t kUserName = UserName, kState = State, kVendorSpecific = VendorSpecific,
                       kCallingStationId = CallingStationId, kEapMessage = EapMessage,
                       kReplyMessage = ReplyMessage, kErrorCause = ErrorCause;
constexpr std::size_t kHeader = kHeaderSize;

bool knownCode(std::uint8_t code)
{
    // The codes Wireshark's RADIUS dissector accepts (RFC 2865, 2866, 2882, 5176, experimental).
    return (code >= 1 && code <= 13) || (code >= 21 && code <= 34) || (code >= 40 && code <= 52) ||
           code >= 250;
}

struct VendorFormat {
    std::size_t typeOctets = 1, lengthOctets = 1;
    bool flags = false;
};

// Vendors whose VSA layout is not the RFC 2865 §5.26 "type(1) length(1)" suggestion.
VendorFormat vendorFormat(std::uint32_t vendor)
{
    switch (vendor) {
        case 429:
            return {4, 0, false};  // USR
        case 4846:
            return {2, 1, false};  // Lucent
        case 8164:
            return {2, 2, false};  // Starent
        case 24757:
            return {1, 1, true};  // WiMAX (continuation octet)
        default:
            return {};
    }
}

std::uint32_t be(std::span<const std::uint8_t> b, std::size_t at, std::size_t n)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < n; ++i)
        value = (value << 8) | b[at + i];
    return value;
}

// Walks a Vendor-Specific attribute's sub-attributes the way Wireshark does, and returns where
// the next top-level attribute starts. On malformed input this is *not* the end of the VSA:
// sub-attribute lengths move the cursor, and fuzzed captures (truth.tsv) follow that cursor.
// Returns nullopt when a read would pass the captured bytes (Wireshark stops with an exception).
std::optional<std::size_t> skipVendorSpecific(std::span<const std::uint8_t> payload, std::size_t value,
                                              std::size_t valueLength)
{
    if (valueLength < 4) {
        return value + valueLength;
    }
    if (value + 4 > payload.size())
        return std::nullopt;
    VendorFormat format = vendorFormat(be(payload, value, 4));
    std::size_t at = value + 4, end = value + valueLength;
    std::size_t remaining = valueLength - 4;
    while (at < end) {
        std::size_t header = format.typeOctets + format.lengthOctets + (format.flags ? 1 : 0);
        if (at + format.typeOctets + format.lengthOctets > payload.size())
            return std::nullopt;
        std::size_t length =
            format.lengthOctets ? be(payload, at + format.typeOctets, format.lengthOctets) : remaining;
        at += header;
        if (length < header) {
            break;  // "VSA too short"
        }
        at += length - header;
    }
    return at;
}

// RFC 3579 §3.1 / Wireshark: consecutive EAP-Message attributes are concatenated; the packet is
// complete when the next attribute is not an EAP-Message (or nothing follows in the captured
// bytes). Only the first run counts.
// The first value is viewed in place; a second one copies the run into `buffer` (the caller's
// scratch) and the rest are appended there.
struct EapCollector {
    std::vector<std::uint8_t>& buffer;
    std::span<const std::uint8_t> first;
    bool done = false, joined = false;
    std::uint32_t count = 0;

    void add(std::span<const std::uint8_t> payload, std::size_t value, std::size_t length, RadiusMessage& out)
    {
        ++count;
        if (done)
            return;
        const std::size_t from = std::min(value, payload.size());
        const auto part = payload.subspan(from, std::min(length, payload.size() - from));
        if (count == 1) {
            first = part;
        } else {
            if (!joined) {
                buffer.assign(first.begin(), first.end());
                joined = true;
            }
            buffer.insert(buffer.end(), part.begin(), part.end());
        }
        std::size_t next = value + length;
        if (next + 1 >= payload.size() || payload[next] != kEapMessage) {
            done = true;
            out.eap = joined ? std::span<const std::uint8_t>(buffer) : first;
            out.eapMessageCount = count;
        }
    }
};

std::string_view text(std::span<const std::uint8_t> bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace

std::optional<RadiusMessage> parseRadius(std::span<const std::uint8_t> payload, bool strict,
                                         std::vector<std::uint8_t>& scratch)
{
    if (payload.size() < kHeader) {
        return std::nullopt;
    }
    RadiusMessage message;
    message.code = payload[0];
    message.identifier = payload[1];
    std::size_t length = be(payload, 2, 2);
    // A packet shorter than its Length is discarded (RFC 2865 §3); Wireshark stops there too.
    if (!knownCode(message.code) || length < kHeader || length > 4096 || length > payload.size()) {
        return std::nullopt;
    }
    EapCollector eap{scratch, {}};
    std::size_t budget = length - kHeader;
    for (std::size_t at = kHeader; budget > 0;) {
        if (budget < 2 || at + 2 > payload.size()) {
            message.malformed = budget >= 2 || budget == 1;
            break;
        }
        std::uint8_t type = payload[at];
        std::size_t attributeLength = payload[at + 1];
        bool extended = type >= 241 && type <= 246;
        if (attributeLength < 2 || (extended && attributeLength < 3) || budget < attributeLength) {
            message.malformed = true;
            break;
        }
        budget -= attributeLength;
        std::size_t header = 2 + (extended ? 1 : 0) + (type >= 245 && type <= 246 ? 1 : 0);
        std::size_t value = at + header, valueLength = attributeLength - header;
        bool vendorSpecific = type == kVendorSpecific ||
                              (extended && at + 2 < payload.size() && payload[at + 2] == kVendorSpecific);
        if (vendorSpecific) {
            auto next = skipVendorSpecific(payload, value, valueLength);
            if (!next) {
                message.malformed = true;
                break;
            }
            at = *next;
            continue;
        }
        if (type == kEapMessage) {
            eap.add(payload, value, valueLength, message);
        } else if (value + valueLength <= payload.size()) {
            auto bytes = payload.subspan(value, valueLength);
            if (type == kState)
                message.state = bytes;
            if (type == kCallingStationId)
                message.callingStationId = text(bytes);
            if (type == kUserName && message.userName.empty())
                message.userName = text(bytes);
            if (type == kReplyMessage) {
                // RFC 2865 §5.18: several attributes are one text, displayed in order.
                message.replyMessage.append(bytes.begin(), bytes.end());
            }
            if (type == kErrorCause && bytes.size() == 4)
                message.errorCause = be(bytes, 0, 4);
        }
        at += attributeLength;
    }
    if (strict && (message.malformed || message.eapMessageCount == 0)) {
        return std::nullopt;
    }
    return message;
}

}  // namespace eapscope::radius
