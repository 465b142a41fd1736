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

#include <map>
#include <string>
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
    struct State {
        std::string key;  // carrier + endpoints (+ session): what later packets are matched on
        bool open = true;
        std::optional<std::uint32_t> pendingRequest;  // packet index of the last unanswered Request
        std::optional<std::uint32_t> lastPacket;
        TlsReassembler tls[2];                      // by sender: 0 the server, 1 the peer
        std::optional<std::uint32_t> lastResponse;  // packet index of the peer's last Response
    };

    std::uint32_t conversationFor(const CarrierPacket& packet, Direction& direction);
    std::uint32_t findOrCreate(const CarrierPacket& packet, const std::string& authenticator,
                               const std::string& peer, bool startsNew);
    std::uint32_t reuseOrRestart(std::uint32_t index, const CarrierPacket& packet);
    std::uint32_t create(const CarrierPacket& packet, const std::string& authenticator,
                         const std::string& peer, const std::string& key);
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

    CaptureImport& out_;
    std::vector<State> states_;
    std::vector<std::uint32_t> open_;                     // indices of open conversations, oldest first
    std::map<std::string, std::uint32_t> radiusState_;    // State attribute hex → conversation
    std::map<std::string, std::uint32_t> radiusPending_;  // NAS+server+identifier → conversation
    std::map<std::string, std::uint32_t> lastByStation_;  // EAPOL station MAC → its latest conversation
    struct PendingControl {
        CapturedControl control;
        std::string station;
    };
    std::vector<PendingControl> pendingControls_;  // EAPOL-Start before its conversation's first EAP
};

}  // namespace eapscope
