#include "timeline/timeline_tooltip.h"

#include "text/core_text.h"
#include "timeline/timeline_index.h"
#include "trace/trace.h"

#include <QCoreApplication>

namespace eapscope::ui {
namespace {

/// A CallEnd follows its CallStart closely; give up after this many rows (tooltips only).
constexpr std::size_t kCallEndSearchRows = 100000;

// The texts of this file, in the context lupdate files them under.
struct ToolTipText {
    Q_DECLARE_TR_FUNCTIONS(eapscope::ui::TimelineToolTip)
};

QString laneName(const TimelineIndex& index, int lane)
{
    return lane < 0 ? ToolTipText::tr("no lane")
                    : QString::fromStdString(index.lanes()[static_cast<std::size_t>(lane)].label);
}

QString hex(std::uint64_t value)
{
    return QStringLiteral("0x") + QString::number(value, 16);
}

QString callText(const Trace& trace, const TimelineIndex& index, EventId event)
{
    const EventRow start = trace.row(event);
    QString text = QString::fromUtf8(entryPointName(start.entry).data(),
                                     static_cast<qsizetype>(entryPointName(start.entry).size())) +
                   QStringLiteral(" — ") + laneName(index, index.laneOfEvent(trace, event)) +
                   QLatin1Char('\n') + ToolTipText::tr("at %1").arg(formatTimelineTime(start.timeNs));
    const std::size_t last = std::min(index.indexedEvents(), event.value() + kCallEndSearchRows);
    for (std::size_t i = event.value() + 1; i < last; ++i) {
        if (trace.kinds()[i] == EventKind::CallEnd && trace.calls()[i] == event) {
            const EventRow end = trace.row(EventId(static_cast<std::uint32_t>(i)));
            const std::string_view action = actionName(end.action);
            text += ToolTipText::tr(", took %1\nreturned %2").arg(formatTimelineTime(end.b)).arg(end.result);
            if (end.action != kNoAction) {
                text += ToolTipText::tr(", action %1")
                            .arg(QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size())));
            }
            return text;
        }
    }
    return text + ToolTipText::tr("\nstill running");
}

QString packetText(const Trace& trace, const TimelineIndex& index, EventId event)
{
    const EventRow row = trace.row(event);
    QString text = ToolTipText::tr("Packet from %1 at %2")
                       .arg(laneName(index, index.laneOfEvent(trace, event)), formatTimelineTime(row.timeNs));
    if (row.packet.valid()) {
        const auto bytes = trace.packet(row.packet);
        text += ToolTipText::tr("\n%n byte(s)", nullptr, static_cast<int>(bytes.size()));
        if (bytes.size() >= 2) {
            text += ToolTipText::tr(", code %1, id %2").arg(bytes[0]).arg(bytes[1]);
        }
        if (bytes.size() >= 5 && (bytes[0] == 1 || bytes[0] == 2)) {
            text += ToolTipText::tr(", type %1").arg(bytes[4]);
        }
    }
    const std::string_view summary = trace.string(row.text);
    if (!summary.empty()) {
        text += QLatin1Char('\n') + QString::fromUtf8(summary.data(), static_cast<qsizetype>(summary.size()));
    }
    return text;
}

QString blockText(const Trace& trace, const TimelineIndex& index, EventId event)
{
    const int lane = index.laneOfEvent(trace, event);
    if (lane < 0) {
        return {};
    }
    for (const LaneBlock& block : index.lanes()[static_cast<std::size_t>(lane)].blocks) {
        if (block.block.allocEvent != event) {
            continue;
        }
        QString text = (block.workBuffer ? ToolTipText::tr("Work buffer %1, %2 bytes")
                                         : ToolTipText::tr("Block %1, %2 bytes"))
                           .arg(hex(block.block.address))
                           .arg(block.block.size) +
                       ToolTipText::tr("\nallocated at %1")
                           .arg(formatTimelineTime(static_cast<std::uint64_t>(block.start(trace))));
        const std::string_view site = trace.string(trace.texts()[event.value()]);
        if (!site.empty()) {
            text += ToolTipText::tr(" by %1").arg(
                QString::fromUtf8(site.data(), static_cast<qsizetype>(site.size())));
        }
        if (block.block.freeEvent.valid()) {
            return text + ToolTipText::tr("\nfreed at %1")
                              .arg(formatTimelineTime(static_cast<std::uint64_t>(block.end(trace))));
        }
        return text + (block.block.leaked ? ToolTipText::tr("\nleaked: never freed")
                                          : ToolTipText::tr("\nstill live"));
    }
    return ToolTipText::tr("Heap allocation at %1").arg(formatTimelineTime(trace.times()[event.value()]));
}

QString findingText(const Trace& trace, EventId event)
{
    const std::uint32_t id = trace.auxes()[event.value()];
    if (id >= trace.findings().size()) {
        return ToolTipText::tr("Finding");
    }
    const FindingRecord& finding = trace.findings()[id];
    return QString::fromStdString(finding.rule) + QStringLiteral(" (") + severityText(finding.severity) +
           QStringLiteral(")\n") + findingMessageText(finding);
}

}  // namespace

QString formatTimelineTime(std::uint64_t ns)
{
    if (ns < 1000) {
        return ToolTipText::tr("%1 ns").arg(ns);
    }
    if (ns < 1000000) {
        return ToolTipText::tr("%1 µs").arg(static_cast<double>(ns) / 1e3, 0, 'f', 3);
    }
    if (ns < 1000000000) {
        return ToolTipText::tr("%1 ms").arg(static_cast<double>(ns) / 1e6, 0, 'f', 3);
    }
    return ToolTipText::tr("%1 s").arg(static_cast<double>(ns) / 1e9, 0, 'f', 3);
}

QString timelineToolTip(const Trace& trace, const TimelineIndex& index, EventId event)
{
    if (!event.valid() || event.value() >= index.indexedEvents()) {
        return {};
    }
    switch (trace.kinds()[event.value()]) {
        case EventKind::CallStart:
            return callText(trace, index, event);
        case EventKind::Packet:
            return packetText(trace, index, event);
        case EventKind::HeapAlloc:
            return blockText(trace, index, event);
        case EventKind::Finding:
            return findingText(trace, event);
        case EventKind::Radius: {
            // Its summary already says who sent it ("NAS → server: Access-Challenge id=3 …").
            const EventRow row = trace.row(event);
            const std::string_view summary = trace.string(row.text);
            return ToolTipText::tr("RADIUS packet on %1 at %2\n%3")
                .arg(laneName(index, index.laneOfEvent(trace, event)), formatTimelineTime(row.timeNs),
                     QString::fromUtf8(summary.data(), static_cast<qsizetype>(summary.size())));
        }
        default:
            return {};
    }
}

}  // namespace eapscope::ui
