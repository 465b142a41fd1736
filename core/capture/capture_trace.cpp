#include "capture/capture_trace.h"

#include <algorithm>

namespace eapscope {

Trace captureToTrace(const CaptureImport& capture)
{
    Trace trace;
    trace.reserve(capture.packets.size());
    trace.setOption("source", "capture");
    trace.setOption("capture.path", capture.path);
    trace.setOption("capture.frames", std::to_string(capture.frames));
    trace.setOption("complete", capture.truncated ? "truncated" : "1");
    std::vector<ContextId> contexts(capture.conversations.size());
    std::uint64_t previous = 0;
    for (const CapturedPacket& packet : capture.packets) {
        const CaptureConversation& conversation = capture.conversations[packet.conversation];
        ContextId& context = contexts[packet.conversation];
        if (!context.valid()) {
            context = trace.addContext(ContextInfo{Side::Authenticator, packet.conversation + 1u,
                                                   EventId(static_cast<std::uint32_t>(trace.size())),
                                                   trace.intern(conversation.label())});
        }
        DecodedEap decoded = decodeEap(capture.packetBytes(packet));
        std::string text = decoded.summary + (packet.note.empty() ? "" : " — " + packet.note);
        EventRow row;
        row.timeNs = previous = std::max(previous, packet.timeNs);  // the trace's times never decrease
        row.kind = EventKind::Packet;
        row.side = packet.direction == Direction::ToAuthenticator ? Side::Peer : Side::Authenticator;
        row.context = context;
        row.aux = packet.frame;
        row.packet = trace.addPacket(capture.packetBytes(packet));
        row.text = trace.intern(text);
        trace.append(row);
    }
    return trace;
}

}  // namespace eapscope
