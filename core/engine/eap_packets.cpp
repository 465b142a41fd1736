#include "engine/eap_packets.h"

#include "eapscope/raseap.h"

#include <charconv>

namespace eapscope {

namespace {

Bytes header(std::uint8_t code, std::uint8_t id, std::size_t length)
{
    return Bytes{code, id, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length & 0xFF)};
}

}  // namespace

std::optional<EapHeader> parseEapHeader(std::span<const std::uint8_t> packet)
{
    if (packet.size() < 4) {
        return std::nullopt;
    }
    EapHeader h;
    h.code = packet[0];
    h.id = packet[1];
    h.length = static_cast<std::uint16_t>((packet[2] << 8) | packet[3]);
    if (h.length < 4 || h.length > packet.size()) {
        return std::nullopt;
    }
    if (h.code == EAPCODE_Request || h.code == EAPCODE_Response) {
        if (h.length < 5) {
            return std::nullopt;
        }
        h.type = packet[4];
    }
    return h;
}

Bytes makeIdentityRequest(std::uint8_t id)
{
    Bytes p = header(EAPCODE_Request, id, 5);
    p.push_back(EAPTYPE_Identity);
    return p;
}

Bytes makeIdentityResponse(std::uint8_t id, std::string_view identity)
{
    Bytes p = header(EAPCODE_Response, id, 5 + identity.size());
    p.push_back(EAPTYPE_Identity);
    p.insert(p.end(), identity.begin(), identity.end());
    return p;
}

Bytes makeNotificationResponse(std::uint8_t id)
{
    Bytes p = header(EAPCODE_Response, id, 5);
    p.push_back(EAPTYPE_Notification);
    return p;
}

Bytes makeNak(std::uint8_t id, std::uint8_t desiredType)
{
    Bytes p = header(EAPCODE_Response, id, 6);
    p.push_back(EAPTYPE_Nak);
    p.push_back(desiredType);
    return p;
}

Bytes makeSuccessOrFailure(std::uint8_t code, std::uint8_t id)
{
    return header(code, id, 4);
}

std::string identityOf(std::span<const std::uint8_t> packet)
{
    const auto h = parseEapHeader(packet);
    if (!h || h->length <= 5) {
        return {};
    }
    return std::string(packet.begin() + 5, packet.begin() + h->length);
}

std::string shortSummary(std::span<const std::uint8_t> packet)
{
    std::string s;
    appendShortSummary(packet, s);
    return s;
}

void appendShortSummary(std::span<const std::uint8_t> packet, std::string& out)
{
    static constexpr const char* kCodes[] = {"?", "Request", "Response", "Success", "Failure"};
    const auto number = [&out](unsigned value) {
        char digits[8];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out.append(digits, end);
    };
    if (packet.size() < 4) {
        out.append("truncated (");
        number(static_cast<unsigned>(packet.size()));
        out.append(" bytes)");
        return;
    }
    const unsigned length = (unsigned{packet[2]} << 8) | packet[3];
    if (packet[0] <= 4) {
        out.append(kCodes[packet[0]]);
    } else {
        out.append("Code");
        number(packet[0]);
    }
    if ((packet[0] == 1 || packet[0] == 2) && packet.size() >= 5) {
        out.append("/");
        number(packet[4]);
    }
    out.append(" id=");
    number(packet[1]);
    out.append(" len=");
    number(length);
}

}  // namespace eapscope
