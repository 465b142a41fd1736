// Groups the EAP packets of a capture into authentications (issue 6 part 2), in frame order:
//   EAPOL  by station/authenticator MAC pair; EAPOL-Start and Success/Failure are boundaries.
//          Frames to the PAE group address name only their sender: with several supplicants on
//          one port, an authenticator's frame goes to the conversation whose EAP Identifier it
//          continues. EAPOL-Start/Logoff/Key become controls (events) of their conversation.
//   RADIUS by NAS address:port and server, chained by the State attribute (RFC 2865 §5.24) and
//          the RADIUS Identifier of the pending Access-Request; Calling-Station-Id names the peer.
//   PPP    by PPPoE session (or the one PPP link); PANA by session identifier.
// A conversation that reached Success/Failure ends; the next Identity exchange starts a new one
// (packets after the outcome otherwise stay, e.g. LEAP's reversed AP challenge).
#pragma once

#include "capture/capture_types.h"
#include "eap/tls_reassembler.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eapscope {

class ConversationBuilder {
public:
    explicit ConversationBuilder(CaptureImport& out) : out_(out) {}

    /// Adds one carrier packet; packets must come in frame order.
    void add(CarrierPacket&& packet);
    /// Closes every conversation (unanswered requests, missing outcomes, TLS reassembly left over).
    void finish();

private:
    // What later packets are matched on: carrier, session, the endpoints the conversation was
    // created with (either order matches), and the Calling-Station-Id (a packet's must be a prefix).
    struct Key {
        Carrier carrier = Carrier::Eapol;
        std::uint32_t session = 0;
        Endpoint first, second;
        std::string callingStationId;
    };
    struct State {
        Key key;
        Endpoint authenticator, peer;  // binary twins of CaptureConversation's texts, for matching
        bool open = true;
        std::optional<std::uint32_t> pendingRequest;  // packet index of the last unanswered Request
        std::optional<std::uint32_t> lastPacket;
        TlsReassembler tls[2];                      // by sender: 0 the server, 1 the peer
        std::optional<std::uint32_t> lastResponse;  // packet index of the peer's last Response
        // Whether lastByStation_ names it for its peer: only a conversation that is not yet the
        // station's latest looks the map up (once, not per packet).
        bool latestOfStation = false;
    };

    std::uint32_t conversationFor(const CarrierPacket& packet, Direction& direction);
    std::uint32_t findOrCreate(const CarrierPacket& packet, const Endpoint& authenticator,
                               const Endpoint& peer, bool startsNew);
    std::uint32_t reuseOrRestart(std::uint32_t index, const CarrierPacket& packet);
    std::uint32_t create(const CarrierPacket& packet, Endpoint authenticator, Endpoint peer, Key key,
                         std::string authenticatorText, std::string peerText);
    std::uint32_t eapolConversation(const CarrierPacket& packet, Direction& direction);
    std::uint32_t radiusConversation(const CarrierPacket& packet, Direction& direction);
    void append(std::uint32_t conversation, CarrierPacket&& packet, Direction direction);
    void control(const CarrierPacket& packet, std::uint32_t conversation);
    void attachPendingControls(std::uint32_t conversation);
    int continues(std::uint32_t conversation, const CarrierPacket& packet) const;
    void updateSummary(std::uint32_t conversation, std::uint32_t index);
    void trackExchange(std::uint32_t conversation, std::uint32_t index);
    void keepTlsRecords(CapturedPacket& p, const TlsMessage& message);
    void conversationAnomaly(std::uint32_t conversation, std::uint32_t packet, std::string_view id,
                             std::string message = {});
    bool pastIdentityPhase(std::uint32_t conversation) const;
    const std::vector<std::uint32_t>& openConversations();
    bool startsNewAuthentication(std::uint32_t conversation, const CarrierPacket& packet) const;

    std::uint64_t sinceFirst(std::uint64_t timeNs) const
    {
        return timeNs > out_.firstTimeNs ? timeNs - out_.firstTimeNs : 0;  // capture clocks can step back
    }

    struct EndpointHash {
        std::size_t operator()(const Endpoint& endpoint) const { return endpoint.hash(); }
    };
    struct PendingRequest {  // a RADIUS Access-Request waiting for its answer
        Endpoint nas, server;
        std::uint8_t identifier = 0;
        friend bool operator==(const PendingRequest&, const PendingRequest&) = default;
    };
    struct PendingRequestHash {
        std::size_t operator()(const PendingRequest& p) const
        {
            return p.nas.hash() * 31 + p.server.hash() * 7 + p.identifier;
        }
    };
    /// Keeps the bytes of map keys at stable addresses, in blocks, without one allocation per key.
    class KeyBytes {
    public:
        std::string_view keep(std::span<const std::uint8_t> bytes);

    private:
        static constexpr std::size_t kBlock = 64 * 1024;
        std::vector<std::unique_ptr<char[]>> blocks_;
        std::size_t used_ = kBlock;
    };

    CaptureImport& out_;
    std::vector<State, HugePageAllocator<State>> states_;  // large with its TLS reassemblers
    std::vector<std::uint32_t> open_;                      // indices of open conversations, oldest first
    KeyBytes stateBytes_;
    std::unordered_map<std::string_view, std::uint32_t> radiusState_;  // State value → conversation
    std::unordered_map<PendingRequest, std::uint32_t, PendingRequestHash> radiusPending_;
    std::unordered_map<Endpoint, std::uint32_t, EndpointHash> lastByStation_;  // EAPOL station → its latest
    struct PendingControl {
        CapturedControl control;
        Endpoint station;
    };
    std::vector<PendingControl> pendingControls_;  // EAPOL-Start before its conversation's first EAP
};

}  // namespace eapscope
