// The real-supplicants counterpart (`serve`): conversations open when a NAS's first
// Access-Request arrives, their EAP packets come in and go out through these calls, and the
// serve loop (radius_serve.h) does the RADIUS around them. Each supplicant has a peer-side
// lane labelled with its Calling-Station-Id; the method's context is the authenticator's.
#include "engine/eap_packets.h"
#include "engine/session_engine.h"

#include "eapscope/raseap.h"
#include "radius/radius_packet.h"

namespace eapscope {

std::size_t SessionEngine::openConversation(std::string label)
{
    const std::size_t k = state_.conversations.size();
    state_.conversations.emplace_back();
    ensureContext(k, Side::Peer, label);
    setStage(k, Side::Peer, SideStage::Exchanging, verbatim(label));
    return k;
}

Status SessionEngine::deliverFromCounterpart(std::size_t conversation, Bytes packet, std::string_view label)
{
    if (conversation >= state_.conversations.size()) {
        return makeError("no conversation " + std::to_string(conversation));
    }
    const PacketId id = trace_.addPacket(packet);
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Packet;
    row.side = Side::Peer;
    row.context = sideContext(conversation, Side::Peer).context;
    row.packet = id;
    row.text = trace_.intern(std::string(label) + ": " + shortSummary(packet));
    trace_.append(row);
    deliver(conversation, Side::Authenticator, id, packet);
    return Ok{};
}

std::vector<Bytes> SessionEngine::takeCounterpartPackets(std::size_t conversation)
{
    auto& queue = state_.conversations.at(conversation).radius.toCounterpart;
    std::vector<Bytes> out(std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
    queue.clear();
    return out;
}

const std::vector<AuthAttribute>& SessionEngine::methodAttributes(std::size_t conversation) const
{
    return state_.conversations.at(conversation).radius.methodAttributes;
}

void SessionEngine::abandonConversation(std::size_t conversation, MessageText why)
{
    SideContext& method = sideContext(conversation, Side::Authenticator);
    if (method.stage == SideStage::Completed || method.stage == SideStage::Ended) {
        return;
    }
    if (method.context.valid()) {
        complete(conversation, Side::Authenticator, Outcome::Error, ERROR_PPP_TIMEOUT, std::move(why));
    } else {
        setStage(conversation, Side::Authenticator, SideStage::Ended);
        endCounterpartLane(conversation, Side::Peer);
    }
}

void SessionEngine::recordCounterpartRadius(std::size_t conversation, const Bytes& bytes, bool toMethodSide)
{
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Radius;
    row.side = Side::Peer;
    row.context = sideContext(conversation, Side::Peer).context;
    row.packet = trace_.addPacket(bytes);
    row.aux = toMethodSide ? 0 : 1;
    row.result = 1;
    row.text =
        trace_.intern((toMethodSide ? "NAS → EapScope: " : "EapScope → NAS: ") + radius::summarize(bytes));
    trace_.append(row);
}

void SessionEngine::endCounterpartLane(std::size_t conversation, Side lane)
{
    SideContext& ctx = sideContext(conversation, lane);
    if (!ctx.context.valid() || ctx.stage == SideStage::Ended) {
        return;
    }
    const SideContext& method = sideContext(conversation, other(lane));
    if (ctx.stage != SideStage::Completed) {
        const Outcome outcome = method.outcome == Outcome::None ? Outcome::Error : method.outcome;
        complete(
            conversation, lane, outcome, method.resultCode,
            outcome == Outcome::Success
                ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "authenticated"))
                : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "not authenticated: %1"), {method.message}));
    }
    setStage(conversation, lane, SideStage::Ended);
}

}  // namespace eapscope
