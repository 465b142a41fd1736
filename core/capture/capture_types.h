// What the capture importer produces: EAP packets found in a capture, grouped into conversations.
#pragma once

#include "capture/huge_page_allocator.h"
#include "common/message_text.h"

#include "eap/eap_decoder.h"
#include "eap/eap_types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

enum class Carrier : std::uint8_t { Eapol, Radius, Ppp, Pana };
enum class Direction : std::uint8_t { Unknown, ToPeer, ToAuthenticator };

std::string_view toString(Carrier carrier);      // "eapol", "radius", "ppp", "pana" (truth.tsv names)
std::string_view toString(Direction direction);  // "to_peer", "to_authenticator", "unknown"

/// One frame as libpcap returned it.
struct CaptureFrame {
    std::uint32_t number = 0;  // 1-based, as Wireshark counts
    std::uint64_t timeNs = 0;  // absolute, ns since the epoch
    int linkType = 0;
    std::uint32_t wireLength = 0;
    const std::uint8_t* data = nullptr;
    std::uint32_t length = 0;  // captured bytes
};

/// Where a carrier packet came from or went to: a MAC address, or an IP address and UDP port.
/// Kept binary, compared and hashed as bytes, and formatted only when shown (format()).
struct Endpoint {
    enum class Kind : std::uint8_t { None, Mac, Ipv4, Ipv6 };
    Kind kind = Kind::None;
    std::uint16_t port = 0;
    std::array<std::uint8_t, 16> address{};  // the first 6 (MAC), 4 (IPv4) or 16 (IPv6) bytes

    static Endpoint mac(const std::uint8_t* bytes);
    static Endpoint ip(const std::uint8_t* bytes, std::uint16_t port, bool v6);

    [[nodiscard]] bool empty() const { return kind == Kind::None; }
    /// A MAC with the I/G bit set ("01:80:c2:00:00:03" is the PAE group address).
    [[nodiscard]] bool isGroupMac() const { return kind == Kind::Mac && (address[0] & 1); }
    /// "00:11:22:33:44:55", "a.b.c.d:port", "[v6]:port"; "" for None. Different endpoints give
    /// different texts, so comparing endpoints is comparing their texts.
    [[nodiscard]] std::string format() const;
    [[nodiscard]] std::size_t hash() const;
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

/// What a carrier found wrong with one packet (frame_decoder.cpp), kept as numbers: the anomalies'
/// texts are built only when they are listed (appendTo, CaptureImport::packetAnomalies).
struct CarrierAnomalies {
    enum Flag : std::uint8_t {
        kSnaplen = 1 << 0,              // FRAME_SNAPLEN: captured of wire bytes
        kRetransmission = 1 << 1,       // FRAME_RETRANSMISSION (802.11 Retry)
        kEapolEmpty = 1 << 2,           // EAPOL_EAP_EMPTY: eapolLength
        kEapolLength = 1 << 3,          // EAPOL_LENGTH_MISMATCH: eapolLength, eapolPresent
        kPanaMalformed = 1 << 4,        // PANA_MALFORMED
        kRadiusSplit = 1 << 5,          // RADIUS_EAP_SPLIT: eapMessages
        kRadiusMalformed = 1 << 6,      // RADIUS_MALFORMED
        kRadiusPortHeuristic = 1 << 7,  // RADIUS_PORT_HEURISTIC: sourcePort → destinationPort
    };
    std::uint8_t flags = 0;
    std::uint16_t sourcePort = 0, destinationPort = 0;
    std::uint32_t captured = 0, wire = 0;
    std::uint32_t eapolLength = 0, eapolPresent = 0;
    std::uint32_t eapMessages = 0;

    [[nodiscard]] bool empty() const { return flags == 0; }
    /// Appends them, in the order the carrier meets them (frame, then EAPOL, PANA or RADIUS).
    void appendTo(std::vector<EapAnomaly>& out) const;
};

/// An EAP packet (or an EAPOL control frame) as a carrier delivered it, before grouping.
/// Byte views (eap, state, callingStationId) point into the frame or the decoder's buffers: they
/// are valid until the FrameDecoder decodes the next frame (ConversationBuilder::add copies what
/// it keeps).
struct CarrierPacket {
    enum class Kind : std::uint8_t { Eap, EapolStart, EapolLogoff, EapolKey };
    Kind kind = Kind::Eap;
    Carrier carrier = Carrier::Eapol;
    std::uint32_t frame = 0;
    std::uint64_t timeNs = 0;  // absolute
    std::string_view link;     // static text: "EAPOL/Ethernet", "EAPOL/802.11", "RADIUS/IPv4", "PPPoE", …
    Endpoint source, destination;
    // Which side sent it when the carrier says so (802.11 To/From DS, RADIUS code); Unknown otherwise.
    Direction sender = Direction::Unknown;
    std::span<const std::uint8_t> eap;
    std::uint8_t radiusCode = 0, radiusId = 0;
    std::span<const std::uint8_t> state;      // RADIUS State value
    std::string_view callingStationId;        // RADIUS Calling-Station-Id
    std::string replyMessage;                 // RADIUS Reply-Message(s), concatenated in order
    std::optional<std::uint32_t> errorCause;  // RADIUS Error-Cause (RFC 5176 §3.6)
    std::uint32_t session = 0;                // PPPoE session id / PANA session identifier
    bool retry = false;                       // 802.11 Retry bit
    CarrierAnomalies anomalies;               // carrier-level (RADIUS split, snaplen, …)
};

/// An EAP packet of an imported capture. Kept small (a big capture holds hundreds of thousands):
/// what few packets have (a Reply-Message, anomalies of the conversation) is in
/// CaptureImport::extras, read through CaptureImport::replyMessage and ::packetAnomalies.
struct CapturedPacket {
    std::uint64_t timeNs = 0;  // since the first frame of the capture
    std::uint32_t frame = 0;
    std::uint32_t conversation = 0;      // index into CaptureImport::conversations
    std::uint32_t offset = 0, size = 0;  // bytes in CaptureImport::bytes
    // The TLS records of the message this packet completed (tls_reassembler.h), in
    // CaptureImport::bytes: inside the packet's own bytes when the message came in one fragment.
    // Kept so that the diagnosis reads the flights the import reassembled (size 0: none).
    std::uint32_t tlsOffset = 0, tlsSize = 0;
    // The fragments and bytes of that message (0 fragments: the packet completed none). With the
    // records they make the packet's note (CaptureImport::note).
    std::uint32_t tlsFragments = 0, tlsLength = 0;
    std::optional<std::uint32_t> errorCause;  // RADIUS Error-Cause of that packet
    // Its carrier anomalies, listed with the conversation's by CaptureImport::packetAnomalies(packet):
    // the carrier's first, then those the conversation and the TLS reassembly found (decoder
    // ones: decodeEap).
    CarrierAnomalies carrierAnomalies;
    std::uint32_t extra = 0;  // 1 + its index in CaptureImport::extras; 0: none
    std::uint16_t length = 0;
    std::uint8_t code = 0, id = 0;
    std::optional<std::uint8_t> type;
    Direction direction = Direction::Unknown;
    std::uint8_t radiusCode = 0;  // RADIUS carrier: Access-Request 1, -Accept 2, -Reject 3, -Challenge 11
};

/// What only some packets have, out of CapturedPacket (CapturedPacket::extra).
struct CapturedPacketExtra {
    std::string replyMessage;  // RADIUS Reply-Message(s) of that packet, in order
    std::vector<EapAnomaly> conversationAnomalies;
};

/// An EAPOL frame without EAP (Start, Logoff, Key; IEEE 802.1X-2010 §11.3.2) that belongs to a
/// conversation: shown as an event of it (a Note row in captureToTrace).
struct CapturedControl {
    enum class Kind : std::uint8_t { EapolStart, EapolLogoff, EapolKey };
    Kind kind = Kind::EapolStart;
    std::uint32_t frame = 0;
    std::uint64_t timeNs = 0;  // since the first frame of the capture
    Direction direction = Direction::Unknown;
    std::uint32_t conversation = 0;  // index into CaptureImport::conversations
};
/// Whether the peer sent it: the carrier's direction, else the EAP code (a Response; Requests
/// and results come from the server). The one rule the import's TLS reassembly and the
/// diagnosis share. Inline: the diagnosis asks it of every packet, several times.
inline bool sentByPeer(const CapturedPacket& packet)
{
    if (packet.direction != Direction::Unknown)
        return packet.direction == Direction::ToAuthenticator;
    return packet.code == eap_code::kResponse;
}

std::string_view toString(CapturedControl::Kind kind);  // "EAPOL-Start", "EAPOL-Logoff", "EAPOL-Key"

struct CaptureConversation {
    Carrier carrier = Carrier::Eapol;
    std::string link;
    std::string authenticator, peer;  // endpoints
    std::uint32_t session = 0;
    std::uint64_t startNs = 0, endNs = 0;
    std::vector<std::uint32_t> packets;  // indices into CaptureImport::packets
    std::vector<std::uint8_t> proposed;  // Request types other than Identity/Notification, in order
    std::vector<std::uint8_t> nakDesired;
    std::optional<std::uint8_t> negotiated;
    std::string outcome = "none";  // "success", "failure", "none"
    std::uint32_t roundTrips = 0;
    std::string identity;
    std::vector<EapAnomaly> anomalies;
    std::string label() const;  // "EAPOL aa:… ↔ bb:…"
};

struct CaptureImport {
    std::string path;
    std::uint32_t frames = 0;
    std::uint64_t firstTimeNs = 0;
    std::vector<int> linkTypes;
    // The arena of EAP packets and of TLS messages of several fragments, the packets and the
    // conversations: the large parts of a big capture's result, in huge pages (huge_page_allocator.h).
    std::vector<std::uint8_t, HugePageAllocator<std::uint8_t>> bytes;
    std::vector<CapturedPacket, HugePageAllocator<CapturedPacket>> packets;
    std::vector<CapturedPacketExtra> extras;  // CapturedPacket::extra
    std::vector<CaptureConversation, HugePageAllocator<CaptureConversation>> conversations;
    std::vector<CapturedControl> controls;  // in frame order
    std::vector<EapAnomaly> anomalies;      // file-level (truncated file, unsupported link type, …)
    bool truncated = false;
    std::string notice;  // the reader's error message when the file ended badly

    std::span<const std::uint8_t> packetBytes(const CapturedPacket& packet) const
    {
        return std::span(bytes).subspan(packet.offset, packet.size);
    }
    std::span<const std::uint8_t> tlsRecords(const CapturedPacket& packet) const
    {
        return std::span(bytes).subspan(packet.tlsOffset, packet.tlsSize);
    }
    /// The packet's RADIUS Reply-Message(s), in order; empty when none.
    [[nodiscard]] std::string_view replyMessage(const CapturedPacket& packet) const
    {
        return packet.extra ? std::string_view(extras[packet.extra - 1].replyMessage) : std::string_view();
    }
    /// The packet's extra, made when it first needs one (ConversationBuilder).
    CapturedPacketExtra& extraOf(CapturedPacket& packet);
    /// The packet's carrier and conversation anomalies, in the order they were found.
    [[nodiscard]] std::vector<EapAnomaly> packetAnomalies(const CapturedPacket& packet) const;
    /// What the packet adds to its summary, e.g. the TLS message reassembled on this (last)
    /// fragment: "TLS message reassembled from 3 fragments, 2900 bytes: Handshake(Certificate) …";
    /// empty when nothing. Built when shown.
    [[nodiscard]] std::string note(const CapturedPacket& packet) const;
    /// The same note as a sentence, for the GUI to show translated (note() is its English).
    [[nodiscard]] MessageText noteText(const CapturedPacket& packet) const;
};

}  // namespace eapscope
