// TimelineLayout: where things sit in the widget (logical pixels; Qt scales them for high DPI).
// Shared by the painter and by hit testing, so what a click selects is exactly what was drawn.
//
// Lane, from its top:  markers (findings, packet starts) | track (work-buffer bar, call ticks) |
//                      block rows (nested heap blocks) | live-bytes area chart
#pragma once

#include "common/strong_id.h"

#include <algorithm>
#include <cmath>

namespace eapscope::ui {

struct TimelineLod;
struct LodLane;

struct TimelineLayout {
    static constexpr double kGutter = 164;          // lane labels left of the time area (at least)
    static constexpr double kMaxGutterShare = 0.4;  // of the width, however long the labels
    static constexpr double kRuler = 24;
    static constexpr double kLaneHeight = 80;
    static constexpr double kMarkerTop = 2, kMarkerHeight = 8;
    static constexpr double kTrackTop = 11, kTrackHeight = 16;
    static constexpr double kBarInset = 3;  // the work-buffer bar inside the track
    static constexpr double kRowsTop = 30, kRowHeight = 7, kRowPitch = 8;
    static constexpr int kMaxRows = 4;  // deeper rows draw into the last one
    static constexpr double kLiveTop = 63, kLiveHeight = 14;
    static constexpr double kHitSlopPx = 4;

    double width = 0;
    double height = 0;
    int firstLane = 0;        // display position at the top
    double gutter = kGutter;  // wider when the labels need it (a larger font: presenter mode)

    [[nodiscard]] double plotLeft() const { return gutter; }
    [[nodiscard]] double plotWidth() const { return std::max(1.0, width - gutter); }
    [[nodiscard]] double laneTop(int display) const { return kRuler + (display - firstLane) * kLaneHeight; }
    [[nodiscard]] int visibleLanes() const
    {
        return std::max(1, static_cast<int>(std::ceil((height - kRuler) / kLaneHeight)));
    }
    [[nodiscard]] int displayAt(double y) const
    {
        return y < kRuler ? -1 : firstLane + static_cast<int>((y - kRuler) / kLaneHeight);
    }
    [[nodiscard]] double rowTop(int display, unsigned row) const
    {
        return laneTop(display) + kRowsTop + std::min<unsigned>(row, kMaxRows - 1) * kRowPitch;
    }
    [[nodiscard]] double markerY(int display) const
    {
        return laneTop(display) + kMarkerTop + kMarkerHeight / 2;
    }
};

/// The event drawn under widget position (x, y): findings and packets in the marker band, calls
/// then the work-buffer bar in the track, blocks in their rows; invalid when nothing is there.
EventId hitTest(const TimelineLod& lod, const TimelineLayout& layout, double x, double y);

}  // namespace eapscope::ui
