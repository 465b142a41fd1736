#include "timeline/timeline_layout.h"

#include "timeline/timeline_lod.h"

#include <vector>

namespace eapscope::ui {
namespace {

EventId nearestMark(const std::vector<LodMark>& marks, double px, double slop)
{
    EventId best;
    double bestDistance = slop;
    for (const LodMark& mark : marks) {
        const double distance = px < mark.x ? mark.x - px : (px > mark.x1 ? px - mark.x1 : 0.0);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = mark.event;
        }
    }
    return best;
}

EventId spanAt(const LodSpan& span, double px, double slop)
{
    return (px >= span.x0 - slop && px <= span.x1 + slop) ? span.event : EventId();
}

EventId blockAt(const LodLane& lane, double px, double ly)
{
    const double rowY = ly - TimelineLayout::kRowsTop;
    if (rowY < 0) {
        return {};
    }
    const auto row = static_cast<unsigned>(rowY / TimelineLayout::kRowPitch);
    const auto last = static_cast<unsigned>(TimelineLayout::kMaxRows - 1);
    if (row > last) {
        return {};
    }
    // Later blocks paint over earlier ones: search from the back.
    for (auto it = lane.blocks.rbegin(); it != lane.blocks.rend(); ++it) {
        const bool inRow = it->row == row || (row == last && it->row > last);
        if (inRow && spanAt(*it, px, 1.0).valid()) {
            return it->event;
        }
    }
    return {};
}

}  // namespace

EventId hitTest(const TimelineLod& lod, const TimelineLayout& layout, double x, double y)
{
    const int display = layout.displayAt(y);
    const double px = x - layout.plotLeft();
    if (display < 0 || px < 0) {
        return {};
    }
    for (const LodLane& lane : lod.lanes) {
        if (lane.display != display) {
            continue;
        }
        const double ly = y - layout.laneTop(display);
        const double slop = TimelineLayout::kHitSlopPx;
        if (ly < TimelineLayout::kTrackTop) {
            const EventId finding = nearestMark(lane.findings, px, slop);
            return finding.valid() ? finding : nearestMark(lane.packets, px, slop);
        }
        if (ly < TimelineLayout::kRowsTop) {
            const EventId call = nearestMark(lane.calls, px, slop);
            if (call.valid() || !lane.workBuffer) {
                return call;
            }
            const EventId bar = spanAt(*lane.workBuffer, px, 0.0);
            return bar.valid() || !lane.leakTail ? bar : spanAt(*lane.leakTail, px, 0.0);
        }
        return blockAt(lane, px, ly);
    }
    return {};
}

}  // namespace eapscope::ui
