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
        MessageText note = capture.noteText(packet);
        EventRow row;
        row.timeNs = previous = std::max(previous, packet.timeNs);  // the trace's times never decrease
        row.kind = EventKind::Packet;
        row.side = senderSide(packet.direction);
        row.context = contextOf(packet.conversation);
        row.aux = packet.frame;
        row.packet = trace.addPacket(capture.packetBytes(packet));
        // A reassembled TLS message's note is a sentence the GUI shows translated; the rest is protocol.
        row.text =
            note.empty() ? trace.intern(decoded.summary)
            : note.verbatim
                ? trace.intern(decoded.summary + " — " + note.source)
                : trace.intern(phrase("%1 — %2", {verbatim(std::move(decoded.summary)), std::move(note)}));
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

EventId captureEventOf(const CaptureImport& capture, std::uint32_t packet, std::size_t& hint)
{
    if (packet >= capture.packets.size())
        return EventId();
    const std::uint32_t frame = capture.packets[packet].frame;
    const auto& controls = capture.controls;
    auto before = [&](std::size_t i) { return controls[i].frame < frame; };
    // The answer (the number of controls before the packet) lies in [low, high]: galloping from
    // the hint brackets it, then a binary search in the bracket finds it.
    const std::size_t at = std::min(hint, controls.size());
    std::size_t low = 0, high = at;
    if (at < controls.size() && before(at)) {
        low = at + 1;
        std::size_t probe = at + 1;
        for (std::size_t step = 2; probe < controls.size() && before(probe); step *= 2) {
            low = probe + 1;
            probe = at + step;
        }
        high = std::min(probe, controls.size());
    } else {
        for (std::size_t step = 1; high > 0; step *= 2) {
            const std::size_t probe = at >= step ? at - step : 0;
            if (before(probe)) {
                low = probe + 1;
                break;
            }
            high = probe;
        }
    }
    auto first = controls.begin() + static_cast<std::ptrdiff_t>(low);
    auto last = controls.begin() + static_cast<std::ptrdiff_t>(high);
    hint = static_cast<std::size_t>(
        std::partition_point(first, last, [&](const CapturedControl& c) { return c.frame < frame; }) -
        controls.begin());
    return EventId(packet + static_cast<std::uint32_t>(hint));
}

}  // namespace eapscope
