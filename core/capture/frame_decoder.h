// Finds the EAP carried by one captured frame: link layer (Ethernet with 802.1Q/QinQ, 802.11 with
// radiotap/Prism/AVS/PPI, Linux SLL/SLL2, PPP, BSD loopback, raw IP) → EAPOL (IEEE 802.1X §11.3),
// PPPoE (RFC 2516) / PPP EAP (0xC227, RFC 3748 §7.1), IPv4/IPv6 with fragment reassembly → UDP →
// RADIUS (RFC 3579) or PANA (RFC 5191, UDP 716). Nothing here allocates per frame: endpoints are
// binary, the EAP bytes are views into the frame (or into the decoder's own buffers when IP
// fragments or RADIUS attributes had to be joined), valid until the next decode().
#pragma once

#include "capture/capture_types.h"
#include "capture/ip_reassembler.h"

#include <cstdint>
#include <span>
#include <vector>

namespace eapscope {

class FrameDecoder {
public:
    /// Appends what the frame carries: EAP packets and EAPOL-Start/Logoff markers. Their byte
    /// views stay valid until the next call (and as long as frame.data).
    void decode(const CaptureFrame& frame, std::vector<CarrierPacket>& out);

    /// Whether EapScope looks inside frames of this link type.
    static bool supportsLinkType(int linkType);

    /// IP datagrams whose fragments never all arrived.
    [[nodiscard]] std::size_t incompleteDatagrams() const { return ip_.incomplete(); }

private:
    using Bytes = std::span<const std::uint8_t>;
    struct Frame;

    void ethernet(Frame& f, Bytes bytes);
    void etherType(Frame& f, std::uint16_t type, Bytes payload);
    void eapol(Frame& f, Bytes bytes);
    void ieee80211(Frame& f, Bytes bytes);
    void ppp(Frame& f, Bytes bytes, bool pppoe, std::uint16_t session);
    void pppProtocol(Frame& f, std::uint16_t protocol, Bytes payload, bool pppoe, std::uint16_t session);
    void ipv4(Frame& f, Bytes bytes);
    void ipv6(Frame& f, Bytes bytes);
    void udp(Frame& f, Bytes bytes, const std::uint8_t* source, const std::uint8_t* destination, bool v6);
    void linuxCooked(Frame& f, Bytes bytes, bool v2);
    void loopback(Frame& f, Bytes bytes, bool networkOrder);

    IpReassembler ip_;
    std::vector<std::uint8_t> datagram_;   // the IP datagram this frame completed
    std::vector<std::uint8_t> radiusEap_;  // the EAP packet of this frame's split EAP-Message attributes
};

}  // namespace eapscope
