// The RADIUS server counterpart (`run --peer B --radius HOST:PORT`): the engine is the NAS of
// RFC 3579 between the peer method and a real RADIUS server. One unit of work per step, like
// every other part of the engine: send Request/Identity, wrap the method's next EAP packet in
// an Access-Request, or wait (real time: the server is real) for the answer, retransmitting a
// bounded number of times. The server has a lane of its own (an authenticator-side context
// labelled with its address) carrying its RADIUS packets and its verdict.
#include "engine/eap_packets.h"
#include "engine/session_engine.h"

#include "checker/rule_catalogue.h"
#include "eapscope/raseap.h"
#include "radius/radius_authenticator.h"
#include "radius/radius_mppe.h"

#include <algorithm>
#include <cstdio>

namespace eapscope {

namespace {

std::uint64_t steadyNs()
{
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::steady_clock::now().time_since_epoch())
                                          .count());
}

// RASEAP.md §2.4: a method's MPPE key VSA is Vendor-Id(4) Type(1) Length(1) Salt(2) Key-Length(1) Key.
std::optional<Bytes> methodKey(const std::vector<AuthAttribute>& attributes, std::uint8_t type)
{
    for (const AuthAttribute& a : attributes) {
        const Bytes& d = a.data;
        if (a.type != raatVendorSpecific || d.size() < 9 || d[0] != 0 || d[1] != 0 || d[2] != 0x01 ||
            d[3] != 0x37 || d[4] != type || 9u + d[8] > d.size()) {
            continue;  // 0x00000137 = 311, Microsoft
        }
        return Bytes(d.begin() + 9, d.begin() + 9 + d[8]);
    }
    return std::nullopt;
}

std::string callingStationId(std::size_t conversation)
{
    char text[32];
    std::snprintf(text, sizeof text, "02-00-00-00-%02X-%02X",
                  static_cast<unsigned>((conversation + 1) >> 8) & 0xFF,
                  static_cast<unsigned>(conversation + 1) & 0xFF);
    return text;
}

}  // namespace

bool SessionEngine::radiusHasWork(std::size_t conversation) const
{
    const Conversation& c = state_.conversations[conversation];
    const SideContext& peer = c.sides[index(Side::Peer)];
    const SideContext& lane = c.sides[index(Side::Authenticator)];
    const bool peerDone = peer.stage == SideStage::Completed || peer.stage == SideStage::Ended;
    if (peerDone) {
        return lane.context.valid() && lane.stage != SideStage::Ended;  // close the server's lane
    }
    if (c.radius.finished) {
        return false;
    }
    return !c.radius.started || c.radius.awaiting || !c.radius.toCounterpart.empty();
}

void SessionEngine::playRadius(std::size_t conversation, StepResult& result)
{
    Conversation& c = state_.conversations[conversation];
    const SideContext& peer = c.sides[index(Side::Peer)];
    if (peer.stage == SideStage::Completed || peer.stage == SideStage::Ended) {
        closeRadiusLane(conversation, result);
    } else if (!c.radius.started) {
        startNas(conversation, result);
    } else if (c.radius.awaiting) {
        awaitRadius(conversation, result);
    } else {
        sendAccessRequest(conversation, result);
    }
}

void SessionEngine::startNas(std::size_t conversation, StepResult& result)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    x.started = true;
    ensureContext(conversation, Side::Authenticator, "RADIUS server " + config_.radius.server);
    setStage(
        conversation, Side::Authenticator, SideStage::Exchanging,
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RADIUS server %1"), {verbatim(config_.radius.server)}));
    // RFC 3579 §2.1: the NAS asks for the identity itself and sends the answer to the server.
    transmitEngine(conversation, Side::Authenticator, makeIdentityRequest(config_.identityRequestId),
                   "NAS: Request/Identity");
    result = {StepKind::EngineAction, Side::Authenticator,
              sideContext(conversation, Side::Authenticator).context, EntryPoint::None,
              phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "NAS sent Request/Identity"))};
}

void SessionEngine::sendAccessRequest(std::size_t conversation, StepResult& result)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    const Bytes eap = std::move(x.toCounterpart.front());
    x.toCounterpart.erase(x.toCounterpart.begin());
    const auto h = parseEapHeader(eap);
    if (h && h->code == EAPCODE_Response && h->type == EAPTYPE_Identity && x.userName.empty()) {
        x.userName = identityOf(eap);
    }
    x.lastEapId = h ? h->id : x.lastEapId;
    radius::RadiusPacket p;
    p.code = radius::AccessRequest;
    p.identifier = state_.radiusNextId++;
    p.authenticator = radius::randomAuthenticator();
    // RFC 3579 §2.1 / RFC 2869 §5.13-5.14: User-Name from the Response/Identity, the NAS's own
    // attributes, State echoed, EAP-Message, Message-Authenticator (added when signing).
    p.addText(radius::UserName, x.userName.empty() ? config_.identity : x.userName);
    p.add(radius::NasIpAddress, config_.radius.nasIp);
    p.addInteger(radius::NasPort, static_cast<std::uint32_t>(conversation + 1));
    p.addInteger(radius::NasPortType, radius::kNasPortTypeWireless80211);
    p.addInteger(radius::ServiceType, 2);  // Framed
    p.addInteger(radius::FramedMtu, config_.cbSendPacket);
    p.addText(radius::CallingStationId, callingStationId(conversation));
    if (!x.state.empty()) {
        p.add(radius::State, x.state);
    }
    p.setEapMessage(eap);
    auto bytes = radius::signRequest(p, config_.radius.secret);
    const ContextId lane = sideContext(conversation, Side::Authenticator).context;
    if (!bytes) {
        note(Side::Authenticator, lane,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot build the Access-Request: %1"),
                    {verbatim(bytes.error())}));
        giveUpRadius(conversation,
                     phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                    "the EAP packet does not fit in an Access-Request: %1"),
                            {verbatim(bytes.error())}));
        result = {StepKind::EngineAction, Side::Authenticator, lane, EntryPoint::None,
                  verbatim(bytes.error())};
        return;
    }
    x.request = std::move(*bytes);
    std::copy(p.authenticator.begin(), p.authenticator.end(), x.requestAuthenticator.begin());
    x.identifier = p.identifier;
    x.awaiting = true;
    x.sends = 0;
    transmitRadius(conversation);
    result = {StepKind::EngineAction, Side::Authenticator, lane, EntryPoint::None,
              phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "sent %1 to %2"),
                     {verbatim(radius::summarize(x.request)), verbatim(config_.radius.server)})};
}

void SessionEngine::transmitRadius(std::size_t conversation)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    ++x.sends;
    x.sentAtNs = steadyNs();
    recordRadius(conversation, x.request, false, x.sends);
    if (config_.radius.transport == nullptr) {
        return;
    }
    if (auto sent = config_.radius.transport->send(x.request); !sent) {
        note(Side::Authenticator, sideContext(conversation, Side::Authenticator).context,
             verbatim(sent.error()));
    }
}

void SessionEngine::recordRadius(std::size_t conversation, const Bytes& bytes, bool fromServer,
                                 std::uint32_t transmission)
{
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Radius;
    row.side = Side::Authenticator;
    row.context = sideContext(conversation, Side::Authenticator).context;
    row.packet = trace_.addPacket(bytes);
    row.aux = fromServer ? 1 : 0;
    row.result = transmission;
    std::string text = (fromServer ? "server → NAS: " : "NAS → server: ") + radius::summarize(bytes);
    if (transmission > 1) {
        text += " (retransmission " + std::to_string(transmission - 1) + ")";
    }
    row.text = trace_.intern(text);
    trace_.append(row);
}

std::optional<Bytes> SessionEngine::nextRadiusReply(std::size_t conversation, std::chrono::milliseconds wait)
{
    const std::uint8_t id = state_.conversations[conversation].radius.identifier;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        if (auto it = radiusInbox_.find(id); it != radiusInbox_.end()) {
            Bytes reply = std::move(it->second);
            radiusInbox_.erase(it);
            return reply;
        }
        if (config_.radius.transport == nullptr) {
            return std::nullopt;
        }
        // A reply that came while the engine was busy elsewhere (other contexts' calls, a
        // loaded machine) is taken even when the wait is over: only an empty socket at the
        // deadline is a timeout, so a slow controller never retransmits an answered request.
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        const bool over = left.count() <= 0;
        auto datagram = config_.radius.transport->receive(over ? std::chrono::milliseconds(0) : left);
        if (!datagram) {
            if (over) {
                return std::nullopt;
            }
            continue;
        }
        if (datagram->size() >= radius::kHeaderSize) {
            radiusInbox_[(*datagram)[1]] = std::move(*datagram);  // replies are matched by Identifier
        }
    }
}

void SessionEngine::awaitRadius(std::size_t conversation, StepResult& result)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    const ContextId lane = sideContext(conversation, Side::Authenticator).context;
    result = {StepKind::EngineAction, Side::Authenticator, lane, EntryPoint::None, {}};
    const auto waited = std::chrono::nanoseconds(steadyNs() - x.sentAtNs);
    const auto left = std::chrono::milliseconds(config_.radius.timeoutMs) -
                      std::chrono::duration_cast<std::chrono::milliseconds>(waited);
    auto reply = nextRadiusReply(conversation, std::max(left, std::chrono::milliseconds(0)));
    if (!reply) {
        if (x.sends <= config_.radius.retries) {
            transmitRadius(conversation);
            result.description =
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "no answer from %1 within %2 ms: retransmission %3 of %4"),
                       {verbatim(config_.radius.server), verbatim(config_.radius.timeoutMs),
                        verbatim(x.sends - 1), verbatim(config_.radius.retries)});
            return;
        }
        const MessageText why =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "the RADIUS server %1 did not answer %2 transmissions of the "
                                           "Access-Request (%3 ms each): it is down, unreachable, "
                                           "or does not know this NAS's shared secret"),
                   {verbatim(config_.radius.server), verbatim(x.sends), verbatim(config_.radius.timeoutMs)});
        addFindings(
            {makeFinding("RADIUS_NO_RESPONSE", Side::Authenticator, lane, EventId(), EntryPoint::None, why)});
        giveUpRadius(conversation, why);
        result.description = why;
        return;
    }
    if (auto valid = radius::verifyResponse(*reply, x.requestAuthenticator, config_.radius.secret); !valid) {
        recordRadius(conversation, *reply, true, 1);
        note(Side::Authenticator, lane,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "NAS dropped the answer: %1"),
                    {verbatim(valid.error())}));
        result.description =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped an answer: %1"), {verbatim(valid.error())});
        return;  // RFC 2865 §3: silently discarded; the wait (and retransmission) goes on
    }
    x.awaiting = false;
    recordRadius(conversation, *reply, true, 1);
    handleRadiusReply(conversation, *radius::decodePacket(*reply), result);
}

void SessionEngine::handleRadiusReply(std::size_t conversation, const radius::RadiusPacket& reply,
                                      StepResult& result)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    const ContextId lane = sideContext(conversation, Side::Authenticator).context;
    for (const std::string& message : reply.texts(radius::ReplyMessage)) {
        note(Side::Authenticator, lane,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Reply-Message: %1"), {verbatim(message)}));
    }
    if (auto cause = reply.integer(radius::ErrorCause)) {
        note(Side::Authenticator, lane,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Error-Cause %1 %2"),
                    {verbatim(*cause), verbatim(std::string(radius::errorCauseName(*cause)))}));
    }
    Bytes eap = reply.eapMessage();
    switch (reply.code) {
        case radius::AccessChallenge:
            if (const radius::Attribute* state = reply.find(radius::State)) {
                x.state = state->value;
            }
            break;
        case radius::AccessAccept:
            x.finished = true;
            keepServerKeys(conversation, reply);
            complete(conversation, Side::Authenticator, Outcome::Success, NO_ERROR,
                     verbatim("Access-Accept"));
            if (eap.empty()) {  // RFC 3579 §2.6.3: the NAS then sends the Success itself
                eap = makeSuccessOrFailure(EAPCODE_Success, x.lastEapId);
            }
            break;
        case radius::AccessReject:
            x.finished = true;
            complete(conversation, Side::Authenticator, Outcome::Failure, ERROR_AUTHENTICATION_FAILURE,
                     verbatim("Access-Reject"));
            if (eap.empty()) {
                eap = makeSuccessOrFailure(EAPCODE_Failure, x.lastEapId);
            }
            break;
        default:
            note(Side::Authenticator, lane,
                 phrase(EAPSCOPE_TRANSLATE_NOOP(
                            "EngineText",
                            "NAS ignored a RADIUS packet of code %1 (not an answer to Access-Request)"),
                        {verbatim(reply.code)}));
            x.awaiting = true;
            result.description = phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "ignored RADIUS code %1"),
                                        {verbatim(reply.code)});
            return;
    }
    result.description =
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "received %1 from %2"),
               {verbatim(std::string(radius::codeName(reply.code))), verbatim(config_.radius.server)});
    if (eap.empty()) {
        note(Side::Authenticator, lane,
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                 "EngineText", "Access-Challenge without EAP-Message: nothing to give the peer")));
        return;
    }
    const PacketId id = trace_.addPacket(eap);
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Packet;
    row.side = Side::Authenticator;
    row.context = lane;
    row.packet = id;
    row.text =
        trace_.intern("RADIUS " + std::string(radius::codeName(reply.code)) + ": " + shortSummary(eap));
    trace_.append(row);
    deliver(conversation, Side::Peer, id, eap);
}

void SessionEngine::keepServerKeys(std::size_t conversation, const radius::RadiusPacket& accept)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    const ContextId lane = sideContext(conversation, Side::Authenticator).context;
    radius::Authenticator request{};
    std::copy(x.requestAuthenticator.begin(), x.requestAuthenticator.end(), request.begin());
    for (auto [type, slot] : {std::pair{radius::kMsMppeSendKey, &x.serverSendKey},
                              std::pair{radius::kMsMppeRecvKey, &x.serverRecvKey}}) {
        if (auto value = accept.vendorAttribute(radius::kVendorMicrosoft, type)) {
            auto key = radius::decryptMppeKey(*value, config_.radius.secret, request);
            if (key) {
                *slot = std::move(*key);
            } else {
                note(Side::Authenticator, lane,
                     phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Access-Accept: %1"),
                            {verbatim(key.error())}));
            }
        }
    }
}

void SessionEngine::checkMppeKeys(std::size_t conversation, const CallOutcome& outcome, EventId callStart)
{
    const RadiusExchange& x = state_.conversations[conversation].radius;
    const SideContext& peer = sideContext(conversation, Side::Peer);
    const bool serverKeys = x.serverSendKey || x.serverRecvKey;
    // RASEAP.md §2.4: Send/Recv are the local side's view, so the peer's Send-Key is the
    // server's (the authenticator's) Recv-Key and the other way round (RFC 3079 §3, MSK order).
    const auto peerSend = methodKey(outcome.outputAttributes, radius::kMsMppeSendKey);
    const auto peerRecv = methodKey(outcome.outputAttributes, radius::kMsMppeRecvKey);
    if (!serverKeys && !peerSend && !peerRecv) {
        return;  // a method without keys (MD5, GTC) and a server that sent none
    }
    if (!serverKeys) {
        note(Side::Peer, peer.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                 "EngineText", "the method exported MPPE keys; the Access-Accept carried none to compare")));
        return;
    }
    const bool sendDiffers = peerSend != x.serverRecvKey;
    const bool recvDiffers = peerRecv != x.serverSendKey;
    MessageText problem;
    if (!peerSend && !peerRecv) {
        problem =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "the RADIUS server sent MS-MPPE keys in its Access-Accept, but "
                                           "the method put no MPPE key attributes in its output"));
    } else if (sendDiffers && recvDiffers) {
        problem = phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText",
            "the method's MPPE keys differ from the server's: its Send-Key is not the server's "
            "MS-MPPE-Recv-Key; its Recv-Key is not the server's MS-MPPE-Send-Key"));
    } else if (sendDiffers) {
        problem = phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "the method's MPPE keys differ from the server's: its "
                                                 "Send-Key is not the server's MS-MPPE-Recv-Key"));
    } else if (recvDiffers) {
        problem = phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "the method's MPPE keys differ from the server's: its "
                                                 "Recv-Key is not the server's MS-MPPE-Send-Key"));
    }
    if (problem.empty()) {
        note(Side::Peer, peer.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                 "EngineText", "MPPE keys OK: the method's keys equal the server's MS-MPPE keys")));
        return;
    }
    addFindings({makeFinding("MPPE_KEY_MISMATCH", Side::Peer, peer.context, callStart,
                             EntryPoint::MakeMessage, problem)});
}

void SessionEngine::giveUpRadius(std::size_t conversation, const MessageText& why)
{
    RadiusExchange& x = state_.conversations[conversation].radius;
    x.awaiting = false;
    x.finished = true;
    complete(conversation, Side::Authenticator, Outcome::Error, ERROR_PPP_TIMEOUT, why);
    SideContext& peer = sideContext(conversation, Side::Peer);
    if (peer.stage != SideStage::Completed && peer.stage != SideStage::Ended) {
        if (peer.context.valid()) {
            complete(conversation, Side::Peer, Outcome::Error, ERROR_PPP_TIMEOUT, why);
        } else {
            peer.stage = SideStage::Ended;  // never started: nothing is owed
        }
    }
}

void SessionEngine::closeRadiusLane(std::size_t conversation, StepResult& result)
{
    SideContext& lane = sideContext(conversation, Side::Authenticator);
    if (lane.stage != SideStage::Completed) {
        lane.outcome = Outcome::Error;
        complete(conversation, Side::Authenticator, Outcome::Error, ERROR_PPP_TIMEOUT,
                 phrase(EAPSCOPE_TRANSLATE_NOOP(
                     "EngineText", "the peer's context ended before the RADIUS server decided")));
    }
    setStage(conversation, Side::Authenticator, SideStage::Ended);
    state_.conversations[conversation].radius.awaiting = false;
    result = {StepKind::EngineAction, Side::Authenticator, lane.context, EntryPoint::None,
              phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RADIUS conversation with %1 closed"),
                     {verbatim(config_.radius.server)})};
}

}  // namespace eapscope
