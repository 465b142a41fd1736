// Packets between the two sides of a conversation: recorded once as a Packet row, then
// delivered to the other side's inputs, lost by fault injection, or consumed by a counterpart.
#include "engine/eap_packets.h"
#include "engine/session_engine.h"

namespace eapscope {

void SessionEngine::transmitEngine(std::size_t conversation, Side from, const Bytes& bytes,
                                   std::string_view label)
{
    transmit(conversation, from, trace_.addPacket(bytes), bytes, EventId(), label);
}

void SessionEngine::transmit(std::size_t conversation, Side from, PacketId packet, const Bytes& bytes,
                             EventId producedBy, std::string_view label)
{
    const SideContext& sender = sideContext(conversation, from);
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Packet;
    row.side = from;
    row.context = sender.context;
    row.packet = packet;
    row.call = producedBy;
    thread_local std::string text;  // reused: a packet row allocates no string once its text is interned
    text.assign(label).append(": ");
    appendShortSummary(bytes, text);
    row.text = trace_.intern(text);
    trace_.append(row);
    ++state_.packetsOnWire;
    if (config_.dropPacket && *config_.dropPacket == state_.packetsOnWire) {
        note(from, sender.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "fault injection: packet %1 lost"),
                    {verbatim(state_.packetsOnWire)}));
        return;
    }
    deliver(conversation, other(from), packet, bytes);
}

void SessionEngine::deliver(std::size_t conversation, Side to, PacketId packet, const Bytes& bytes)
{
    if (!isMethodSide(to)) {
        if (radiusCounterpart()) {
            state_.conversations.at(conversation)
                .radius.toCounterpart.push_back(bytes);  // wrapped in RADIUS next
        }
        return;  // the scripted or manual counterpart consumes it
    }
    SideContext& receiver = sideContext(conversation, to);
    if (receiver.stage == SideStage::Ended || receiver.stage == SideStage::Completed) {
        note(to, receiver.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                            "packet arrived after the context finished; ignored")));
        return;
    }
    PendingInput input;
    input.kind = PendingInput::Kind::Packet;
    input.packet = packet;
    input.bytes = bytes;
    receiver.inputs.push_back(std::move(input));
}

}  // namespace eapscope
