#include "capture/frame_decoder.h"

#include "capture/pana_message.h"
#include "radius/radius_capture_view.h"

#include <netinet/in.h>

#include <cstring>

namespace eapscope {
namespace {

// LINKTYPE_* values (tcpdump.org/linktypes.html).
enum LinkType : int {
    kNull = 0,
    kEthernet = 1,
    kPpp = 9,
    kPppHdlc = 50,
    kRaw = 101,
    kRawAlt = 12,
    kIeee80211 = 105,
    kLoop = 108,
    kLinuxSll = 113,
    kPrism = 119,
    kRadiotap = 127,
    kAvs = 163,
    kPpi = 192,
    kIpv4 = 228,
    kIpv6 = 229,
    kLinuxSll2 = 276,
    kPppWithDir = 204,
};

constexpr std::uint16_t kEapolType = 0x888E, kPppoeSession = 0x8864, kIpv4Type = 0x0800, kIpv6Type = 0x86DD;
constexpr std::uint16_t kPppEap = 0xC227, kPppIpv4 = 0x0021, kPppIpv6 = 0x0057;
constexpr std::uint16_t kPanaPort = 716;

std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}

std::uint16_t le16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>((b[at + 1] << 8) | b[at]);
}

std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at)
{
    return (std::uint32_t{b[at]} << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}

bool isRadiusPort(std::uint16_t port)
{
    // RFC 2865/2866 ports, their pre-standard 1645/1646, and dynamic authorization (RFC 5176).
    return port == 1812 || port == 1645 || port == 1813 || port == 1646 || port == 3799;
}

// The link layers an EAPOL frame can come over, and the conversation link each one names.
enum class Medium : std::uint8_t { Ethernet, Ieee80211, Sll, Sll2, Ppp, Loopback };

std::string_view eapolLink(Medium medium)
{
    switch (medium) {
        case Medium::Ethernet:
            return "EAPOL/Ethernet";
        case Medium::Ieee80211:
            return "EAPOL/802.11";
        case Medium::Sll:
            return "EAPOL/SLL";
        case Medium::Sll2:
            return "EAPOL/SLL2";
        case Medium::Ppp:
            return "EAPOL/PPP";
        case Medium::Loopback:
            return "EAPOL/Loopback";
    }
    return "EAPOL/Ethernet";
}

}  // namespace

struct FrameDecoder::Frame {
    const CaptureFrame& frame;
    std::vector<CarrierPacket>& out;
    const std::uint8_t* sourceMac = nullptr;
    const std::uint8_t* destinationMac = nullptr;
    Medium medium = Medium::Ethernet;
    Direction sender = Direction::Unknown;
    bool retry = false;

    // macs = false when the carrier names the endpoints itself (RADIUS/PANA address:port).
    CarrierPacket& emit(Carrier carrier, std::string_view link, bool macs = true)
    {
        CarrierPacket& packet = out.emplace_back();
        packet.carrier = carrier;
        packet.frame = frame.number;
        packet.timeNs = frame.timeNs;
        packet.link = link;
        packet.sender = sender;
        packet.retry = retry;
        if (sourceMac && macs) {
            packet.source = Endpoint::mac(sourceMac);
        }
        if (destinationMac && macs) {
            packet.destination = Endpoint::mac(destinationMac);
        }
        if (frame.length < frame.wireLength) {
            packet.anomalies.flags |= CarrierAnomalies::kSnaplen;
            packet.anomalies.captured = frame.length;
            packet.anomalies.wire = frame.wireLength;
        }
        if (retry) {
            packet.anomalies.flags |= CarrierAnomalies::kRetransmission;
        }
        return packet;
    }
};

bool FrameDecoder::supportsLinkType(int linkType)
{
    switch (linkType) {
        case kNull:
        case kEthernet:
        case kPpp:
        case kPppHdlc:
        case kRaw:
        case kRawAlt:
        case kIeee80211:
        case kLoop:
        case kLinuxSll:
        case kPrism:
        case kRadiotap:
        case kAvs:
        case kPpi:
        case kIpv4:
        case kIpv6:
        case kLinuxSll2:
        case kPppWithDir:
            return true;
        default:
            return false;
    }
}

void FrameDecoder::decode(const CaptureFrame& capture, std::vector<CarrierPacket>& out)
{
    Frame f{capture, out};
    Bytes bytes(capture.data, capture.length);
    switch (capture.linkType) {
        case kEthernet:
            ethernet(f, bytes);
            break;
        case kIeee80211:
            f.medium = Medium::Ieee80211;
            ieee80211(f, bytes);
            break;
        case kRadiotap:
            if (bytes.size() >= 4 && le16(bytes, 2) <= bytes.size()) {
                f.medium = Medium::Ieee80211;
                ieee80211(f, bytes.subspan(le16(bytes, 2)));
            }
            break;
        case kPrism:
        case kAvs: {
            // AVS headers start with 0x8021100x and give their length big-endian at 4; Prism headers
            // give msglen little-endian at 4.
            if (bytes.size() < 8)
                break;
            bool avs = (be32(bytes, 0) & 0xFFFFFFF0u) == 0x80211000u;
            std::uint32_t length =
                avs ? be32(bytes, 4) : (std::uint32_t{bytes[7]} << 24 | bytes[6] << 16 | le16(bytes, 4));
            if (length <= bytes.size()) {
                f.medium = Medium::Ieee80211;
                ieee80211(f, bytes.subspan(length));
            }
            break;
        }
        case kPpi:
            if (bytes.size() >= 8 && le16(bytes, 2) <= bytes.size() && bytes[4] == kIeee80211) {
                f.medium = Medium::Ieee80211;
                ieee80211(f, bytes.subspan(le16(bytes, 2)));
            }
            break;
        case kLinuxSll:
            f.medium = Medium::Sll;
            linuxCooked(f, bytes, false);
            break;
        case kLinuxSll2:
            f.medium = Medium::Sll2;
            linuxCooked(f, bytes, true);
            break;
        case kPpp:
        case kPppHdlc:
            f.medium = Medium::Ppp;
            ppp(f, bytes, false, 0);
            break;
        case kPppWithDir:
            if (!bytes.empty()) {
                f.medium = Medium::Ppp;
                f.sender = bytes[0] ? Direction::ToPeer : Direction::ToAuthenticator;  // 1 = sent by us
                ppp(f, bytes.subspan(1), false, 0);
            }
            break;
        case kNull:
            loopback(f, bytes, false);
            break;
        case kLoop:
            loopback(f, bytes, true);
            break;
        case kRaw:
        case kRawAlt:
            if (!bytes.empty()) {
                (bytes[0] >> 4) == 6 ? ipv6(f, bytes) : ipv4(f, bytes);
            }
            break;
        case kIpv4:
            ipv4(f, bytes);
            break;
        case kIpv6:
            ipv6(f, bytes);
            break;
        default:
            break;
    }
}

void FrameDecoder::ethernet(Frame& f, Bytes bytes)
{
    if (bytes.size() < 14) {
        return;
    }
    f.destinationMac = bytes.data();
    f.sourceMac = bytes.data() + 6;
    std::size_t at = 12;
    std::uint16_t type = be16(bytes, at);
    // 802.1Q C-tags, 802.1ad S-tags and the old 0x9100 QinQ tag: skip TPID + TCI.
    while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && at + 6 <= bytes.size()) {
        at += 4;
        type = be16(bytes, at);
    }
    at += 2;
    if (type <= 1500 && at + 8 <= bytes.size() && bytes[at] == 0xAA && bytes[at + 1] == 0xAA) {
        type = be16(bytes, at + 6);  // 802.3 + LLC/SNAP
        at += 8;
    }
    etherType(f, type, bytes.subspan(std::min(at, bytes.size())));
}

void FrameDecoder::etherType(Frame& f, std::uint16_t type, Bytes payload)
{
    // 802.1Q/802.1ad tags after a header that already gave the type (Linux cooked captures on a
    // VLAN sub-interface carry the tag in some frames and not in others): TCI(2), inner type(2).
    for (int tags = 0; (type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < 4; ++tags) {
        if (payload.size() < 4) {
            return;
        }
        type = be16(payload, 2);
        payload = payload.subspan(4);
    }
    switch (type) {
        case kEapolType:
            eapol(f, payload);
            break;
        case kPppoeSession:
            // RFC 2516 §4: VER/TYPE, CODE 0, SESSION_ID, LENGTH, then the PPP protocol field.
            if (payload.size() >= 6 && payload[1] == 0) {
                std::size_t length = std::min<std::size_t>(be16(payload, 4), payload.size() - 6);
                ppp(f, payload.subspan(6, length), true, be16(payload, 2));
            }
            break;
        case kIpv4Type:
            ipv4(f, payload);
            break;
        case kIpv6Type:
            ipv6(f, payload);
            break;
        default:
            break;
    }
}

// IEEE 802.1X-2010 §11.3: Protocol Version, Packet Type, Packet Body Length, body.
void FrameDecoder::eapol(Frame& f, Bytes bytes)
{
    if (bytes.size() < 4) {
        return;
    }
    std::uint8_t type = bytes[1];
    std::size_t length = be16(bytes, 2);
    const std::string_view link = eapolLink(f.medium);
    if (type == 1 || type == 2 || type == 3) {
        CarrierPacket& marker = f.emit(Carrier::Eapol, link);
        marker.kind = type == 1   ? CarrierPacket::Kind::EapolStart
                      : type == 2 ? CarrierPacket::Kind::EapolLogoff
                                  : CarrierPacket::Kind::EapolKey;
        return;
    }
    if (type != 0) {
        return;  // EAPOL-Encapsulated-ASF-Alert, MKA: no EAP inside
    }
    Bytes body = bytes.subspan(4);
    if (length < 4) {
        CarrierPacket& dropped = f.emit(Carrier::Eapol, link);
        dropped.anomalies.flags |= CarrierAnomalies::kEapolEmpty;
        dropped.anomalies.eapolLength = static_cast<std::uint32_t>(length);
        return;
    }
    CarrierPacket& packet = f.emit(Carrier::Eapol, link);
    if (length > body.size()) {
        packet.anomalies.flags |= CarrierAnomalies::kEapolLength;
        packet.anomalies.eapolLength = static_cast<std::uint32_t>(length);
        packet.anomalies.eapolPresent = static_cast<std::uint32_t>(body.size());
    } else {
        body = body.first(length);
    }
    packet.eap = body;
}

// IEEE 802.11-2020 §9.2.4.1: Frame Control, Duration, Address 1–3, Sequence Control, [Address 4],
// [QoS Control], [HT Control]; then LLC/SNAP (RFC 1042) and the EtherType.
void FrameDecoder::ieee80211(Frame& f, Bytes bytes)
{
    if (bytes.size() < 24) {
        return;
    }
    std::uint8_t control = bytes[0], flags = bytes[1];
    std::uint8_t type = (control >> 2) & 3, subtype = control >> 4;
    if (type != 2 || (subtype & 0x4) || (flags & 0x40)) {
        return;  // not data, no body (Null), or protected
    }
    std::size_t header = 24;
    if ((flags & 3) == 3)
        header += 6;
    if (subtype & 0x8)
        header += 2 + ((flags & 0x80) ? 4 : 0);
    if (header + 8 > bytes.size() || bytes[header] != 0xAA || bytes[header + 1] != 0xAA) {
        return;
    }
    f.destinationMac = bytes.data() + 4;  // receiver
    f.sourceMac = bytes.data() + 10;      // transmitter
    bool toDs = flags & 1, fromDs = flags & 2;
    if (toDs != fromDs) {
        f.sender = toDs ? Direction::ToAuthenticator : Direction::ToPeer;  // station → AP or AP → station
    }
    f.retry = flags & 0x08;
    etherType(f, be16(bytes, header + 6), bytes.subspan(header + 8));
}

void FrameDecoder::linuxCooked(Frame& f, Bytes bytes, bool v2)
{
    // SLL: packet type(2) ARPHRD(2) address length(2) address(8) protocol(2).
    // SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) address length(1) address(8).
    std::size_t header = v2 ? 20 : 16;
    if (bytes.size() < header) {
        return;
    }
    std::uint16_t protocol = be16(bytes, v2 ? 0 : 14);
    std::size_t addressLength = v2 ? bytes[11] : be16(bytes, 4);
    if (addressLength == 6) {
        f.sourceMac = bytes.data() + (v2 ? 12 : 6);
    }
    etherType(f, protocol, bytes.subspan(header));
}

void FrameDecoder::ppp(Frame& f, Bytes bytes, bool pppoe, std::uint16_t session)
{
    std::size_t at = 0;
    if (bytes.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0x03) {
        at = 2;  // HDLC address and control (RFC 1662 §3.1)
    }
    if (at + 1 > bytes.size()) {
        return;
    }
    // RFC 1661 §2: a protocol field with an odd first octet is compressed to one octet.
    std::uint16_t protocol = bytes[at];
    if (!(protocol & 1)) {
        if (at + 2 > bytes.size())
            return;
        protocol = be16(bytes, at);
        at += 2;
    } else {
        at += 1;
    }
    pppProtocol(f, protocol, bytes.subspan(at), pppoe, session);
}

void FrameDecoder::pppProtocol(Frame& f, std::uint16_t protocol, Bytes payload, bool pppoe,
                               std::uint16_t session)
{
    if (protocol == kPppIpv4) {
        ipv4(f, payload);
    } else if (protocol == kPppIpv6) {
        ipv6(f, payload);
    } else if (protocol == kPppEap) {
        CarrierPacket& packet = f.emit(Carrier::Ppp, pppoe ? "PPPoE" : "PPP");
        packet.session = session;
        packet.eap = payload;
    }
}

void FrameDecoder::loopback(Frame& f, Bytes bytes, bool networkOrder)
{
    if (bytes.size() < 4) {
        return;
    }
    // DLT_NULL stores the address family in the capturing host's byte order.
    std::uint32_t family = networkOrder || bytes[0] == 0
                               ? be32(bytes, 0)
                               : (std::uint32_t{bytes[3]} << 24 | bytes[2] << 16 | le16(bytes, 0));
    f.medium = Medium::Loopback;
    if (family == 2) {
        ipv4(f, bytes.subspan(4));
    } else if (family == 10 || family == 24 || family == 28 || family == 30) {
        ipv6(f, bytes.subspan(4));
    }
}

void FrameDecoder::ipv4(Frame& f, Bytes bytes)
{
    if (bytes.size() < 20 || (bytes[0] >> 4) != 4) {
        return;
    }
    std::size_t headerLength = (bytes[0] & 0x0F) * 4u;
    std::size_t total = be16(bytes, 2);
    if (headerLength < 20 || total < headerLength || headerLength > bytes.size() || bytes[9] != IPPROTO_UDP) {
        return;
    }
    Bytes payload = bytes.subspan(headerLength, std::min(total, bytes.size()) - headerLength);
    std::uint16_t fragment = be16(bytes, 6);
    bool more = fragment & 0x2000;
    std::uint32_t offset = (fragment & 0x1FFFu) * 8u;
    if (more || offset) {
        std::string key(reinterpret_cast<const char*>(bytes.data() + 12), 8);
        key.append(reinterpret_cast<const char*>(bytes.data() + 4), 2);
        auto datagram = ip_.add({key, offset, more, payload});
        if (!datagram) {
            return;
        }
        datagram_ = std::move(*datagram);
        udp(f, datagram_, bytes.data() + 12, bytes.data() + 16, false);
        return;
    }
    // Cheap pre-check before formatting addresses: UDP carrying RADIUS/PANA needs ≥ 28 bytes.
    if (payload.size() < 8 + 16) {
        return;
    }
    udp(f, payload, bytes.data() + 12, bytes.data() + 16, false);
}

void FrameDecoder::ipv6(Frame& f, Bytes bytes)
{
    if (bytes.size() < 40 || (bytes[0] >> 4) != 6) {
        return;
    }
    std::size_t end = std::min<std::size_t>(40 + be16(bytes, 4), bytes.size());
    std::uint8_t next = bytes[6];
    std::size_t at = 40;
    std::optional<IpReassembler::Fragment> fragment;
    // RFC 8200 §4: walk Hop-by-Hop, Routing, Fragment and Destination Options headers.
    while (next == 0 || next == 43 || next == 44 || next == 60) {
        if (at + 8 > end)
            return;
        if (next == 44) {
            std::uint16_t field = be16(bytes, at + 2);
            std::string key(reinterpret_cast<const char*>(bytes.data() + 8), 32);
            key.append(reinterpret_cast<const char*>(bytes.data() + at + 4), 4);
            fragment = IpReassembler::Fragment{
                key, static_cast<std::uint32_t>(field & 0xFFF8u), (field & 1) != 0, {}};
            next = bytes[at];
            at += 8;
        } else {
            next = bytes[at];
            at += (bytes[at + 1] + 1u) * 8u;
        }
    }
    if (next != IPPROTO_UDP || at > end) {
        return;
    }
    const std::uint8_t* source = bytes.data() + 8;
    const std::uint8_t* destination = bytes.data() + 24;
    Bytes payload = bytes.subspan(at, end - at);
    if (fragment) {
        fragment->payload = payload;
        auto datagram = ip_.add(*fragment);
        if (datagram) {
            datagram_ = std::move(*datagram);
            udp(f, datagram_, source, destination, true);
        }
        return;
    }
    udp(f, payload, source, destination, true);
}

void FrameDecoder::udp(Frame& f, Bytes bytes, const std::uint8_t* source, const std::uint8_t* destination,
                       bool v6)
{
    if (bytes.size() < 8) {
        return;
    }
    std::uint16_t sourcePort = be16(bytes, 0), destinationPort = be16(bytes, 2);
    std::size_t length = be16(bytes, 4);
    Bytes payload = bytes.subspan(8, (length >= 8 ? std::min(length, bytes.size()) : bytes.size()) - 8);
    if (sourcePort == kPanaPort || destinationPort == kPanaPort) {
        auto pana = parsePana(payload);
        if (pana && !pana->eap.empty()) {
            CarrierPacket& packet = f.emit(Carrier::Pana, v6 ? "PANA/IPv6" : "PANA/IPv4", false);
            packet.source = Endpoint::ip(source, sourcePort, v6);
            packet.destination = Endpoint::ip(destination, destinationPort, v6);
            packet.session = pana->session;
            packet.eap = pana->eap;
            if (pana->malformed)
                packet.anomalies.flags |= CarrierAnomalies::kPanaMalformed;
        }
        return;
    }
    bool registered = isRadiusPort(sourcePort) || isRadiusPort(destinationPort);
    auto radius = radius::parseRadius(payload, !registered, radiusEap_);
    if (!radius || radius->eapMessageCount == 0) {
        return;
    }
    CarrierPacket& packet = f.emit(Carrier::Radius, v6 ? "RADIUS/IPv6" : "RADIUS/IPv4", false);
    packet.source = Endpoint::ip(source, sourcePort, v6);
    packet.destination = Endpoint::ip(destination, destinationPort, v6);
    packet.radiusCode = radius->code;
    packet.radiusId = radius->identifier;
    packet.state = radius->state;
    packet.callingStationId = radius->callingStationId;
    packet.replyMessage = std::move(radius->replyMessage);
    packet.errorCause = radius->errorCause;
    packet.sender = radius->code == 1 ? Direction::ToAuthenticator : Direction::ToPeer;
    packet.eap = radius->eap;
    if (radius->eapMessageCount > 1) {
        packet.anomalies.flags |= CarrierAnomalies::kRadiusSplit;
        packet.anomalies.eapMessages = radius->eapMessageCount;
    }
    if (radius->malformed) {
        packet.anomalies.flags |= CarrierAnomalies::kRadiusMalformed;
    }
    if (!registered) {
        packet.anomalies.flags |= CarrierAnomalies::kRadiusPortHeuristic;
        packet.anomalies.sourcePort = sourcePort;
        packet.anomalies.destinationPort = destinationPort;
    }
}

}  // namespace eapscope
