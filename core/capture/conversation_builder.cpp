#include "capture/conversation_builder.h"

#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_field_writer.h"
#include "eap/eap_types.h"

#include <algorithm>
#include <cstring>

namespace eapscope {
namespace {

bool isIdentity(const CarrierPacket& packet)
{
    return packet.eap.size() >= 5 && (packet.eap[0] == 1 || packet.eap[0] == 2) &&
           packet.eap[4] == eap_type::kIdentity;
}

// The side that sends this code in a normal exchange: Requests and results come from the
// authenticator (RFC 3748 §4.1, §4.2).
bool sentByAuthenticator(std::uint8_t code)
{
    return code == eap_code::kRequest || code == eap_code::kSuccess || code == eap_code::kFailure;
}

EapAnomaly makeAnomaly(std::string_view id, std::string message)
{
    const AnomalyInfo* info = anomalyInfo(id);
    if (message.empty() && info) {
        message = std::string(info->text);
    }
    return EapAnomaly{std::string(id), info ? info->severity : Severity::Info, std::move(message), 0, 0};
}

}  // namespace

std::string_view ConversationBuilder::KeyBytes::keep(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() > kBlock / 4) {  // a State attribute holds at most 253 bytes: not reached
        blocks_.insert(blocks_.begin(), std::make_unique<char[]>(bytes.size()));
        std::memcpy(blocks_.front().get(), bytes.data(), bytes.size());
        return {blocks_.front().get(), bytes.size()};
    }
    if (used_ + bytes.size() > kBlock) {
        blocks_.push_back(std::make_unique<char[]>(kBlock));
        used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, bytes.data(), bytes.size());
    used_ += bytes.size();
    return {at, bytes.size()};
}

void ConversationBuilder::add(CarrierPacket&& packet)
{
    if (packet.kind == CarrierPacket::Kind::Eap && packet.eap.size() < 4) {
        std::vector<EapAnomaly> anomalies;
        packet.anomalies.appendTo(anomalies);
        for (EapAnomaly& anomaly : anomalies) {
            anomaly.message = "frame " + std::to_string(packet.frame) + ": " + anomaly.message;
            out_.anomalies.push_back(std::move(anomaly));
        }
        return;  // nothing that decodes as EAP (tshark shows no EAP row either)
    }
    Direction direction = Direction::Unknown;
    std::uint32_t conversation = conversationFor(packet, direction);
    if (packet.kind != CarrierPacket::Kind::Eap) {
        control(packet, conversation);
        return;
    }
    append(conversation, std::move(packet), direction);
}

std::uint32_t ConversationBuilder::conversationFor(const CarrierPacket& packet, Direction& direction)
{
    switch (packet.carrier) {
        case Carrier::Eapol:
            return eapolConversation(packet, direction);
        case Carrier::Radius:
            return radiusConversation(packet, direction);
        case Carrier::Ppp:
            if (!packet.source.empty()) {
                return eapolConversation(packet, direction);  // PPPoE: MAC pair + session, like EAPOL
            }
            [[fallthrough]];
        case Carrier::Pana: {
            bool byAuthenticator = packet.eap.size() >= 1 && sentByAuthenticator(packet.eap[0]);
            direction = byAuthenticator ? Direction::ToPeer : Direction::ToAuthenticator;
            const Endpoint& authenticator = byAuthenticator ? packet.source : packet.destination;
            const Endpoint& peer = byAuthenticator ? packet.destination : packet.source;
            return findOrCreate(packet, authenticator, peer, false);
        }
    }
    return UINT32_MAX;
}

// 802.11 tells who sent a frame (To/From DS). On wires, Requests come from the authenticator; a
// frame to the PAE group address names only its sender, so it joins the open conversation that
// already knows that address.
std::uint32_t ConversationBuilder::eapolConversation(const CarrierPacket& packet, Direction& direction)
{
    bool control = packet.kind != CarrierPacket::Kind::Eap;
    bool byAuthenticator =
        packet.sender == Direction::ToPeer ||
        (packet.sender == Direction::Unknown && !control && sentByAuthenticator(packet.eap[0]));
    const Endpoint& source = packet.source;
    const Endpoint destination = packet.destination.isGroupMac() ? Endpoint{} : packet.destination;
    const std::vector<std::uint32_t>& open = openConversations();
    std::optional<std::uint32_t> groupChoice;  // an authenticator frame to the group address
    int groupScore = -1;
    for (std::size_t k = open.size(); k-- > 0;) {
        const std::uint32_t i = open[k];
        const CaptureConversation& c = out_.conversations[i];
        if (c.carrier != packet.carrier || c.session != packet.session) {
            continue;
        }
        const State& s = states_[i];
        auto fits = [&](const Endpoint& known) {
            return destination.empty() || known.empty() || known == destination;
        };
        std::optional<bool> matched;  // whether the sender is the authenticator
        if (s.authenticator == source && fits(s.peer)) {
            matched = true;
        } else if (s.peer == source && fits(s.authenticator)) {
            matched = false;
        } else if (s.peer.empty() && !byAuthenticator && s.authenticator != source && fits(s.authenticator)) {
            matched = false;
        } else if (s.authenticator.empty() && byAuthenticator && s.peer != source && fits(s.peer)) {
            matched = true;
        }
        if (matched && *matched && destination.empty() && !control && !s.peer.empty()) {
            // Several supplicants may share the authenticator: keep looking, pick by Identifier.
            int score = continues(i, packet);
            if (score > groupScore) {
                groupScore = score;
                groupChoice = i;
            }
            continue;
        }
        if (matched && groupChoice) {
            break;  // a newer conversation already fits
        }
        if (matched) {
            direction = *matched ? Direction::ToPeer : Direction::ToAuthenticator;
            return control ? static_cast<std::uint32_t>(i)
                           : reuseOrRestart(static_cast<std::uint32_t>(i), packet);
        }
    }
    if (groupChoice) {
        direction = Direction::ToPeer;
        return reuseOrRestart(*groupChoice, packet);
    }
    direction = byAuthenticator ? Direction::ToPeer : Direction::ToAuthenticator;
    if (control) {
        return UINT32_MAX;
    }
    return findOrCreate(packet, byAuthenticator ? source : destination,
                        byAuthenticator ? destination : source, false);
}

std::uint32_t ConversationBuilder::radiusConversation(const CarrierPacket& packet, Direction& direction)
{
    bool request = packet.radiusCode == 1;  // Access-Request: NAS → server, carries the peer's EAP
    direction = request ? Direction::ToAuthenticator : Direction::ToPeer;
    const Endpoint& nas = request ? packet.source : packet.destination;
    const Endpoint& server = request ? packet.destination : packet.source;
    const PendingRequest pendingKey{nas, server, packet.radiusId};
    const std::string_view state(reinterpret_cast<const char*>(packet.state.data()), packet.state.size());
    std::uint32_t conversation = UINT32_MAX;
    if (request) {
        auto byState = state.empty() ? radiusState_.end() : radiusState_.find(state);
        if (byState != radiusState_.end()) {
            conversation = byState->second;
        } else {
            conversation =
                findOrCreate(packet, server, nas, isIdentity(packet) && packet.eap[0] == eap_code::kResponse);
        }
        radiusPending_[pendingKey] = conversation;
    } else {
        auto pending = radiusPending_.find(pendingKey);
        conversation =
            pending != radiusPending_.end() ? pending->second : findOrCreate(packet, server, nas, false);
        if (!state.empty()) {
            auto known = radiusState_.find(state);
            if (known != radiusState_.end())
                known->second = conversation;
            else
                radiusState_.emplace(stateBytes_.keep(packet.state), conversation);
        }
    }
    if (!packet.callingStationId.empty() && out_.conversations[conversation].identity.empty()) {
        // Kept in the label through peer: "NAS (station)".
        CaptureConversation& c = out_.conversations[conversation];
        if (c.peer.find(" (") == std::string::npos) {
            c.peer.append(" (").append(packet.callingStationId).append(")");
        }
    }
    return conversation;
}

// How well an authenticator's packet continues a conversation (RFC 3748 §4.1: a Request carries a
// new Identifier, Success/Failure the one of the last Response; a retransmission repeats it).
int ConversationBuilder::continues(std::uint32_t conversation, const CarrierPacket& packet) const
{
    const State& state = states_[conversation];
    if (packet.eap.size() < 2) {
        return 0;
    }
    std::uint8_t code = packet.eap[0], id = packet.eap[1];
    if (state.pendingRequest && code == eap_code::kRequest && out_.packets[*state.pendingRequest].id == id) {
        return 2;  // the same Request again
    }
    if (!state.lastResponse) {
        return 0;
    }
    std::uint8_t answered = out_.packets[*state.lastResponse].id;
    bool result = code == eap_code::kSuccess || code == eap_code::kFailure;
    if ((result && id == answered) ||
        (code == eap_code::kRequest && id == static_cast<std::uint8_t>(answered + 1))) {
        return 3;
    }
    return 1;
}

// EAPOL-Start/Logoff/Key are events of their conversation. A Start past the identity phase
// begins the next authentication, so it waits for that conversation's first EAP packet; Logoff
// and Key belong to the station's latest conversation (Key frames follow its Success).
void ConversationBuilder::control(const CarrierPacket& packet, std::uint32_t conversation)
{
    using Kind = CarrierPacket::Kind;
    CapturedControl control{packet.kind == Kind::EapolStart    ? CapturedControl::Kind::EapolStart
                            : packet.kind == Kind::EapolLogoff ? CapturedControl::Kind::EapolLogoff
                                                               : CapturedControl::Kind::EapolKey,
                            packet.frame, sinceFirst(packet.timeNs), Direction::ToAuthenticator, UINT32_MAX};
    bool start = packet.kind == Kind::EapolStart, key = packet.kind == Kind::EapolKey;
    if (conversation != UINT32_MAX && !key && pastIdentityPhase(conversation)) {
        states_[conversation].open = false;  // EAPOL-Start/Logoff ends what came before
        if (start)
            conversation = UINT32_MAX;
    }
    if (conversation == UINT32_MAX && !start) {
        for (const Endpoint* station : {&packet.source, &packet.destination}) {
            auto found = lastByStation_.find(*station);
            if (found != lastByStation_.end()) {
                conversation = found->second;
                break;
            }
        }
    }
    if (conversation == UINT32_MAX) {
        constexpr std::size_t kMaxPending = 1024;  // Starts nobody answered must not grow memory
        if (start && pendingControls_.size() < kMaxPending)
            pendingControls_.push_back({control, packet.source});
        return;
    }
    const State& s = states_[conversation];
    control.direction = !s.authenticator.empty() && packet.source == s.authenticator
                            ? Direction::ToPeer
                            : Direction::ToAuthenticator;
    control.conversation = conversation;
    out_.controls.push_back(control);
}

void ConversationBuilder::attachPendingControls(std::uint32_t conversation)
{
    const Endpoint& peer = states_[conversation].peer;
    std::erase_if(pendingControls_, [&](const PendingControl& pending) {
        if (pending.station != peer)
            return false;
        CapturedControl control = pending.control;
        control.conversation = conversation;
        out_.controls.push_back(control);
        return true;
    });
}

// An EAPOL-Start while the authenticator is still repeating its Identity Request is the
// supplicant asking again, not a new authentication (asleap-leap2, tcpdump-eapon1, wpsdata).
bool ConversationBuilder::pastIdentityPhase(std::uint32_t conversation) const
{
    const CaptureConversation& c = out_.conversations[conversation];
    return std::any_of(c.packets.begin(), c.packets.end(), [&](std::uint32_t p) {
        const CapturedPacket& packet = out_.packets[p];
        return !(packet.code == eap_code::kRequest && packet.type == eap_type::kIdentity);
    });
}

// Matching looks only at open conversations, so the work per packet follows how many
// authentications are in flight, not how many the capture holds. A conversation idle while
// kMaxOpen others started is over (a capture of a busy RADIUS server).
const std::vector<std::uint32_t>& ConversationBuilder::openConversations()
{
    constexpr std::size_t kMaxOpen = 4096;
    std::erase_if(open_, [this](std::uint32_t i) { return !states_[i].open; });
    while (open_.size() > kMaxOpen) {
        states_[open_.front()].open = false;
        open_.erase(open_.begin());
    }
    return open_;
}

bool ConversationBuilder::startsNewAuthentication(std::uint32_t conversation,
                                                  const CarrierPacket& packet) const
{
    const CaptureConversation& c = out_.conversations[conversation];
    return c.outcome != "none" && isIdentity(packet);
}

std::uint32_t ConversationBuilder::findOrCreate(const CarrierPacket& packet, const Endpoint& authenticator,
                                                const Endpoint& peer, bool startsNew)
{
    const std::vector<std::uint32_t>& open = openConversations();
    for (std::size_t k = open.size(); k-- > 0 && !startsNew;) {
        const Key& key = states_[open[k]].key;
        if (key.carrier == packet.carrier && key.session == packet.session &&
            ((key.first == authenticator && key.second == peer) ||
             (key.first == peer && key.second == authenticator)) &&
            std::string_view(key.callingStationId).starts_with(packet.callingStationId)) {
            return reuseOrRestart(open[k], packet);
        }
    }
    return create(
        packet, authenticator, peer,
        Key{packet.carrier, packet.session, authenticator, peer, std::string(packet.callingStationId)},
        authenticator.format(), peer.format());
}

std::uint32_t ConversationBuilder::reuseOrRestart(std::uint32_t index, const CarrierPacket& packet)
{
    if (!startsNewAuthentication(index, packet)) {
        return index;
    }
    states_[index].open = false;
    const CaptureConversation& old = out_.conversations[index];
    const State& state = states_[index];
    return create(packet, state.authenticator, state.peer, state.key, old.authenticator, old.peer);
}

std::uint32_t ConversationBuilder::create(const CarrierPacket& packet, Endpoint authenticator, Endpoint peer,
                                          Key key, std::string authenticatorText, std::string peerText)
{
    CaptureConversation conversation;
    conversation.carrier = packet.carrier;
    conversation.link = packet.link;
    conversation.authenticator = std::move(authenticatorText);
    conversation.peer = std::move(peerText);
    conversation.session = packet.session;
    conversation.startNs = sinceFirst(packet.timeNs);
    conversation.packets.reserve(16);  // an EAP-TLS/PEAP exchange is 10-20 packets: one allocation
    State state;
    state.key = std::move(key);
    state.authenticator = authenticator;
    state.peer = peer;
    out_.conversations.push_back(std::move(conversation));
    states_.push_back(std::move(state));
    open_.push_back(static_cast<std::uint32_t>(states_.size() - 1));
    return static_cast<std::uint32_t>(out_.conversations.size() - 1);
}

void ConversationBuilder::append(std::uint32_t conversation, CarrierPacket&& packet, Direction direction)
{
    CapturedPacket captured;
    captured.frame = packet.frame;
    captured.timeNs = sinceFirst(packet.timeNs);
    captured.direction = direction;
    captured.conversation = conversation;
    captured.code = packet.eap[0];
    captured.id = packet.eap[1];
    captured.length = static_cast<std::uint16_t>((packet.eap[2] << 8) | packet.eap[3]);
    if ((captured.code == eap_code::kRequest || captured.code == eap_code::kResponse) &&
        packet.eap.size() >= 5 && captured.length >= 5) {
        captured.type = packet.eap[4];
    }
    captured.offset = static_cast<std::uint32_t>(out_.bytes.size());
    captured.size = static_cast<std::uint32_t>(packet.eap.size());
    captured.carrierAnomalies = packet.anomalies;
    captured.radiusCode = packet.radiusCode;
    if (!packet.replyMessage.empty())
        out_.extraOf(captured).replyMessage = std::move(packet.replyMessage);
    captured.errorCause = packet.errorCause;
    appendBytes(out_.bytes, packet.eap);
    CaptureConversation& c = out_.conversations[conversation];
    State& state = states_[conversation];
    if (c.authenticator.empty() && direction == Direction::ToPeer) {
        c.authenticator = packet.source.format();
        state.authenticator = packet.source;
    }
    if (c.peer.empty() && direction == Direction::ToAuthenticator) {
        c.peer = packet.source.format();
        state.peer = packet.source;
    }
    if (c.carrier == Carrier::Eapol && !state.peer.empty() && !state.latestOfStation) {
        auto [it, added] = lastByStation_.try_emplace(state.peer, conversation);
        if (!added)
            states_[it->second].latestOfStation = false;
        it->second = conversation;
        state.latestOfStation = true;
        if (!pendingControls_.empty())
            attachPendingControls(conversation);
    }
    c.endNs = captured.timeNs;
    c.packets.push_back(static_cast<std::uint32_t>(out_.packets.size()));
    out_.packets.push_back(std::move(captured));
    updateSummary(conversation, static_cast<std::uint32_t>(out_.packets.size() - 1));
}

void ConversationBuilder::conversationAnomaly(std::uint32_t conversation, std::uint32_t packet,
                                              std::string_view id, std::string message)
{
    EapAnomaly anomaly = makeAnomaly(id, std::move(message));
    anomaly.message = "frame " + std::to_string(out_.packets[packet].frame) + ": " + anomaly.message;
    out_.extraOf(out_.packets[packet]).conversationAnomalies.push_back(makeAnomaly(id, {}));
    out_.conversations[conversation].anomalies.push_back(std::move(anomaly));
}

void ConversationBuilder::updateSummary(std::uint32_t conversation, std::uint32_t index)
{
    CaptureConversation& c = out_.conversations[conversation];
    const CapturedPacket& p = out_.packets[index];
    auto bytes = out_.packetBytes(p);
    if (p.code == eap_code::kSuccess && c.outcome == "none")
        c.outcome = "success";
    if (p.code == eap_code::kFailure)
        c.outcome = "failure";
    // After Success/Failure only LEAP goes on (the AP challenge, roles reversed); any other
    // conversation is over, which also keeps the set of open conversations small.
    bool leap = std::find(c.proposed.begin(), c.proposed.end(), eap_type::kLeap) != c.proposed.end();
    if ((p.code == eap_code::kSuccess || p.code == eap_code::kFailure) && !leap) {
        states_[conversation].open = false;
    }
    if (p.type == eap_type::kIdentity && p.code == eap_code::kResponse && c.identity.empty()) {
        std::size_t end = std::min<std::size_t>(p.length, bytes.size());
        c.identity = end > 5 ? printable(bytes.subspan(5, end - 5)) : std::string();
    }
    if (p.type && p.code == eap_code::kRequest && *p.type > eap_type::kNak &&
        std::find(c.proposed.begin(), c.proposed.end(), *p.type) == c.proposed.end()) {
        c.proposed.push_back(*p.type);
    }
    if (p.type == eap_type::kNak && p.code == eap_code::kResponse) {
        for (std::size_t i = 5; i < std::min<std::size_t>(p.length, bytes.size()); ++i) {
            c.nakDesired.push_back(bytes[i]);
        }
    }
    if (p.type && p.code == eap_code::kResponse && *p.type > eap_type::kNak) {
        c.negotiated = *p.type;
    }
    if (p.code == eap_code::kRequest && p.direction == Direction::ToAuthenticator) {
        conversationAnomaly(conversation, index, "CONV_ROLE_REVERSAL");
    }
    trackExchange(conversation, index);
}

void ConversationBuilder::trackExchange(std::uint32_t conversation, std::uint32_t index)
{
    State& state = states_[conversation];
    CapturedPacket& p = out_.packets[index];
    auto bytes = out_.packetBytes(p);
    if (state.lastPacket) {
        const CapturedPacket& last = out_.packets[*state.lastPacket];
        auto lastBytes = out_.packetBytes(last);
        if (last.direction == p.direction &&
            std::equal(bytes.begin(), bytes.end(), lastBytes.begin(), lastBytes.end())) {
            conversationAnomaly(conversation, index, "CONV_DUPLICATE");
        }
    }
    state.lastPacket = index;
    if (p.code == eap_code::kResponse) {
        state.lastResponse = index;
    }
    if (p.code == eap_code::kRequest) {
        if (state.pendingRequest && out_.packets[*state.pendingRequest].id != p.id) {
            conversationAnomaly(conversation, *state.pendingRequest, "CONV_UNANSWERED");
        }
        state.pendingRequest = index;
    } else if (p.code == eap_code::kResponse && state.pendingRequest) {
        const CapturedPacket& request = out_.packets[*state.pendingRequest];
        if (request.id == p.id) {
            ++out_.conversations[conversation].roundTrips;
            state.pendingRequest.reset();
        } else {
            conversationAnomaly(
                conversation, index, "CONV_ID_MISMATCH",
                "Response id " + std::to_string(p.id) + ", pending Request id " + std::to_string(request.id));
        }
    }
    if (p.type && isTlsFamily(*p.type)) {
        std::vector<EapAnomaly> anomalies;
        auto message = state.tls[sentByPeer(p) ? 1 : 0].feed(bytes, anomalies);
        if (message) {  // the note names the records when shown (CaptureImport::note)
            p.tlsFragments = message->fragments;
            p.tlsLength = message->length;
        }
        for (EapAnomaly& anomaly : anomalies) {
            out_.extraOf(p).conversationAnomalies.push_back(anomaly);
            out_.conversations[conversation].anomalies.push_back(std::move(anomaly));
        }
        if (message)
            keepTlsRecords(p, *message);  // last: it may grow the arena that `bytes` views
    }
}

// A one-fragment message is already in the arena, inside its packet; a reassembled one is
// appended to it.
void ConversationBuilder::keepTlsRecords(CapturedPacket& p, const TlsMessage& message)
{
    const auto records = message.data();
    if (records.empty())
        return;
    p.tlsSize = static_cast<std::uint32_t>(records.size());
    if (message.joined.empty()) {
        p.tlsOffset = static_cast<std::uint32_t>(records.data() - out_.bytes.data());
        return;
    }
    p.tlsOffset = static_cast<std::uint32_t>(appendBytes(out_.bytes, records));
}

void ConversationBuilder::finish()
{
    for (std::size_t i = 0; i < states_.size(); ++i) {
        State& state = states_[i];
        CaptureConversation& c = out_.conversations[i];
        if (state.pendingRequest) {
            conversationAnomaly(static_cast<std::uint32_t>(i), *state.pendingRequest, "CONV_UNANSWERED");
        }
        for (TlsReassembler& tls : state.tls) {
            std::vector<EapAnomaly> anomalies;
            tls.finish(anomalies);
            for (EapAnomaly& anomaly : anomalies)
                c.anomalies.push_back(std::move(anomaly));
        }
        if (c.outcome == "none") {
            c.anomalies.push_back(makeAnomaly("CONV_NO_OUTCOME", {}));
        }
        state.open = false;
    }
    // A Start waits for its conversation, so controls arrive out of frame order; the trace
    // merges them with the packets by frame (captureToTrace).
    std::stable_sort(out_.controls.begin(), out_.controls.end(),
                     [](const CapturedControl& a, const CapturedControl& b) { return a.frame < b.frame; });
}

}  // namespace eapscope
