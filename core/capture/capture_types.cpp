#include "capture/capture_types.h"

#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace eapscope {

std::string_view toString(Carrier carrier)
{
    switch (carrier) {
        case Carrier::Eapol:
            return "eapol";
        case Carrier::Radius:
            return "radius";
        case Carrier::Ppp:
            return "ppp";
        case Carrier::Pana:
            return "pana";
    }
    return "unknown";
}

std::string_view toString(Direction direction)
{
    switch (direction) {
        case Direction::ToPeer:
            return "to_peer";
        case Direction::ToAuthenticator:
            return "to_authenticator";
        case Direction::Unknown:
            return "unknown";
    }
    return "unknown";
}

std::string_view toString(CapturedControl::Kind kind)
{
    switch (kind) {
        case CapturedControl::Kind::EapolStart:
            return "EAPOL-Start";
        case CapturedControl::Kind::EapolLogoff:
            return "EAPOL-Logoff";
        case CapturedControl::Kind::EapolKey:
            return "EAPOL-Key";
    }
    return "EAPOL";
}

Endpoint Endpoint::mac(const std::uint8_t* bytes)
{
    Endpoint endpoint;
    endpoint.kind = Kind::Mac;
    std::memcpy(endpoint.address.data(), bytes, 6);
    return endpoint;
}

Endpoint Endpoint::ip(const std::uint8_t* bytes, std::uint16_t port, bool v6)
{
    Endpoint endpoint;
    endpoint.kind = v6 ? Kind::Ipv6 : Kind::Ipv4;
    endpoint.port = port;
    std::memcpy(endpoint.address.data(), bytes, v6 ? 16 : 4);
    return endpoint;
}

namespace {

// Writes `value` in decimal at `out`; returns the end.
char* writeDecimal(char* out, unsigned value)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    while (n) {
        *out++ = digits[--n];
    }
    return out;
}

}  // namespace

std::string Endpoint::format() const
{
    static constexpr char kHex[] = "0123456789abcdef";
    char text[INET6_ADDRSTRLEN + 8];
    char* end = text;
    switch (kind) {
        case Kind::None:
            return {};
        case Kind::Mac:
            for (int i = 0; i < 6; ++i) {
                if (i)
                    *end++ = ':';
                *end++ = kHex[address[i] >> 4];
                *end++ = kHex[address[i] & 0x0F];
            }
            return std::string(text, end);
        case Kind::Ipv4:
            for (int i = 0; i < 4; ++i) {
                if (i)
                    *end++ = '.';
                end = writeDecimal(end, address[i]);
            }
            break;
        case Kind::Ipv6:
            *end++ = '[';
            inet_ntop(AF_INET6, address.data(), end, INET6_ADDRSTRLEN);
            end += std::strlen(end);
            *end++ = ']';
            break;
    }
    *end++ = ':';
    end = writeDecimal(end, port);
    return std::string(text, end);
}

std::size_t Endpoint::hash() const
{
    // Two 64-bit words of address, mixed with kind and port (a multiply-xorshift per word).
    std::uint64_t words[2];
    std::memcpy(words, address.data(), sizeof words);
    std::uint64_t h = (std::uint64_t{port} << 8 | static_cast<std::uint8_t>(kind)) * 0x9E3779B97F4A7C15ull;
    for (std::uint64_t word : words) {
        h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return static_cast<std::size_t>(h);
}

void CarrierAnomalies::appendTo(std::vector<EapAnomaly>& out) const
{
    auto add = [&](std::string_view id, std::string message = {}) {
        const AnomalyInfo* info = anomalyInfo(id);
        if (message.empty() && info) {
            message = std::string(info->text);
        }
        out.push_back(
            EapAnomaly{std::string(id), info ? info->severity : Severity::Error, std::move(message), 0, 0});
    };
    if (flags & kSnaplen)
        add("FRAME_SNAPLEN", std::to_string(captured) + " of " + std::to_string(wire) + " bytes captured");
    if (flags & kRetransmission)
        add("FRAME_RETRANSMISSION");
    if (flags & kEapolEmpty)
        add("EAPOL_EAP_EMPTY", "EAPOL body length " + std::to_string(eapolLength));
    if (flags & kEapolLength)
        add("EAPOL_LENGTH_MISMATCH", "body length " + std::to_string(eapolLength) + ", " +
                                         std::to_string(eapolPresent) + " bytes present");
    if (flags & kPanaMalformed)
        add("PANA_MALFORMED");
    if (flags & kRadiusSplit)
        add("RADIUS_EAP_SPLIT", std::to_string(eapMessages) + " EAP-Message attributes");
    if (flags & kRadiusMalformed)
        add("RADIUS_MALFORMED");
    if (flags & kRadiusPortHeuristic)
        add("RADIUS_PORT_HEURISTIC",
            "UDP ports " + std::to_string(sourcePort) + " → " + std::to_string(destinationPort));
}

std::vector<EapAnomaly> CaptureImport::packetAnomalies(const CapturedPacket& packet) const
{
    std::vector<EapAnomaly> list;
    packet.carrierAnomalies.appendTo(list);
    if (packet.extra) {
        const auto& found = extras[packet.extra - 1].conversationAnomalies;
        list.insert(list.end(), found.begin(), found.end());
    }
    return list;
}

CapturedPacketExtra& CaptureImport::extraOf(CapturedPacket& packet)
{
    if (!packet.extra) {
        extras.emplace_back();
        packet.extra = static_cast<std::uint32_t>(extras.size());
    }
    return extras[packet.extra - 1];
}

MessageText CaptureImport::noteText(const CapturedPacket& packet) const
{
    if (packet.tlsFragments == 0)
        return {};
    std::string records = eap_detail::tlsRecordNames(tlsRecords(packet));
    if (packet.tlsFragments == 1)
        return verbatim(std::move(records));
    return phrase(
        EAPSCOPE_TRANSLATE_NOOP("EngineText", "TLS message reassembled from %1 fragments, %2 bytes: %3"),
        {verbatim(static_cast<std::uint64_t>(packet.tlsFragments)),
         verbatim(static_cast<std::uint64_t>(packet.tlsLength)), verbatim(std::move(records))});
}

std::string CaptureImport::note(const CapturedPacket& packet) const
{
    return noteText(packet).english();
}

std::string CaptureConversation::label() const
{
    std::string text =
        link + " " + (authenticator.empty() ? "?" : authenticator) + " ↔ " + (peer.empty() ? "?" : peer);
    if (session) {
        text += " session " + std::to_string(session);
    }
    return text;
}

}  // namespace eapscope
