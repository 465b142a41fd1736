#include "capture/capture_trace.h"

#include <algorithm>

namespace eapscope {
namespace {

Side senderSide(Direction direction)
{
    return direction == Direction::ToAuthenticator ? Side::Peer : Side::Authenticator;
}

}  // namespace

Trace captureToTrace(const CaptureImport& capture)
{
    Trace trace;
    trace.reserve(capture.packets.size() + capture.controls.size());
    trace.setOption("source", "capture");
    trace.setOption("capture.path", capture.path);
    trace.setOption("capture.frames", std::to_string(capture.frames));
    trace.setOption("complete", capture.truncated ? "truncated" : "1");
    std::vector<ContextId> contexts(capture.conversations.size());
    auto contextOf = [&](std::uint32_t conversation) {
        ContextId& context = contexts[conversation];
        if (!context.valid()) {
            context = trace.addContext(ContextInfo{
                Side::Authenticator, conversation + 1u, EventId(static_cast<std::uint32_t>(trace.size())),
                trace.intern(capture.conversations[conversation].label())});
        }
        return context;
    };
    std::uint64_t previous = 0;
    std::size_t control = 0;
    // Controls (EAPOL-Start/Logoff/Key) go between the packets in frame order: captureEventOf
    // relies on that order.
    auto appendControlsBefore = [&](std::uint32_t frame) {
        for (; control < capture.controls.size() && capture.controls[control].frame < frame; ++control) {
            const CapturedControl& c = capture.controls[control];
            EventRow row;
            row.timeNs = previous = std::max(previous, c.timeNs);
            row.kind = EventKind::Note;
            row.side = senderSide(c.direction);
            row.context = contextOf(c.conversation);
            row.aux = c.frame;
            row.text = trace.intern(toString(c.kind));
            trace.append(row);
        }
    };
    for (const CapturedPacket& packet : capture.packets) {
        appendControlsBefore(packet.frame);
        DecodedEap decoded = decodeEap(capture.packetBytes(packet));
        const std::string note = capture.note(packet);
        std::string text = decoded.summary + (note.empty() ? "" : " — " + note);
        EventRow row;
        row.timeNs = previous = std::max(previous, packet.timeNs);  // the trace's times never decrease
        row.kind = EventKind::Packet;
        row.side = senderSide(packet.direction);
        row.context = contextOf(packet.conversation);
        row.aux = packet.frame;
        row.packet = trace.addPacket(capture.packetBytes(packet));
        row.text = trace.intern(text);
        trace.append(row);
    }
    appendControlsBefore(UINT32_MAX);
    return trace;
}

EventId captureEventOf(const CaptureImport& capture, std::uint32_t packet)
{
    if (packet >= capture.packets.size())
        return EventId();
    std::uint32_t frame = capture.packets[packet].frame;
    auto before = std::lower_bound(capture.controls.begin(), capture.controls.end(), frame,
                                   [](const CapturedControl& c, std::uint32_t f) { return c.frame < f; });
    return EventId(packet + static_cast<std::uint32_t>(before - capture.controls.begin()));
}

}  // namespace eapscope
