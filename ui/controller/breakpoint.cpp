#include "controller/breakpoint.h"

#include "models/event_format.h"

#include <QCoreApplication>

namespace eapscope::ui {
namespace {

// The texts of this file, in the context lupdate files them under.
struct BreakpointText {
    Q_DECLARE_TR_FUNCTIONS(eapscope::ui::Breakpoint)
};

bool packetMatches(const Trace& trace, PacketId packet, const Breakpoint& b)
{
    if (!packet.valid()) {
        return false;
    }
    const auto bytes = trace.packet(packet);
    if (b.kind == Breakpoint::Kind::PacketCode) {
        return !bytes.empty() && bytes[0] == b.value;
    }
    // RFC 3748 §4: only Request and Response carry a Type.
    return bytes.size() >= 5 && (bytes[0] == 1 || bytes[0] == 2) && bytes[4] == b.value;
}

bool rowHits(const Trace& trace, const EventRow& row, const Breakpoint& b)
{
    switch (b.kind) {
    case Breakpoint::Kind::EntryPoint:
        return row.kind == EventKind::CallStart && static_cast<std::uint32_t>(row.entry) == b.value;
    case Breakpoint::Kind::Action:
        return row.kind == EventKind::CallEnd && row.action == b.value;
    case Breakpoint::Kind::PacketCode:
    case Breakpoint::Kind::PacketType:
        return row.kind == EventKind::Packet && packetMatches(trace, row.packet, b);
    case Breakpoint::Kind::FindingRule:
        return row.kind == EventKind::Finding && fromStd(trace.string(row.text)) == b.rule;
    case Breakpoint::Kind::LiveHeapAbove: return false;
    }
    return false;
}

}  // namespace

QString Breakpoint::describe() const
{
    switch (kind) {
        case Kind::EntryPoint:
            return BreakpointText::tr("entry point %1").arg(entryText(static_cast<EntryPoint>(value)));
        case Kind::Action:
            return BreakpointText::tr("action %1").arg(actionText(static_cast<std::uint8_t>(value)));
        case Kind::PacketCode:
            return BreakpointText::tr("packet code %1").arg(value);
        case Kind::PacketType:
            return BreakpointText::tr("packet type %1").arg(value);
        case Kind::FindingRule:
            return BreakpointText::tr("finding %1").arg(rule);
        case Kind::LiveHeapAbove:
            return BreakpointText::tr("live heap above %1 bytes").arg(value);
    }
    return {};
}

std::optional<BreakpointHit> findBreakpointHit(const Trace& trace, std::size_t first, std::size_t end,
                                               const QList<Breakpoint>& breakpoints,
                                               const std::function<std::uint64_t(ContextId)>& liveBytes)
{
    end = std::min(end, trace.size());
    for (std::size_t i = first; i < end; ++i) {
        const EventId id(static_cast<std::uint32_t>(i));
        const EventRow row = trace.row(id);
        for (const Breakpoint& b : breakpoints) {
            if (!b.enabled) {
                continue;
            }
            const bool heapHit = b.kind == Breakpoint::Kind::LiveHeapAbove && row.kind == EventKind::HeapAlloc &&
                                 row.context.valid() && liveBytes && liveBytes(row.context) > b.value;
            if (heapHit || rowHits(trace, row, b)) {
                return BreakpointHit{id, b.describe()};
            }
        }
    }
    return std::nullopt;
}

}  // namespace eapscope::ui
