// AxisMapping: trace time (ns) ↔ plot pixels on either axis of the timeline. On the time axis it
// is TimeMapping itself; on the step axis a StepAxis first warps time onto step positions
// (every call the same width) and the same TimeMapping maps those — counted in kUnitsPerStep
// units per step — to pixels. Zoom, pan, range select and fit are TimeMapping's, so both axes
// behave alike, and the level-of-detail pass asks only toPixel/toTime (its cost still follows
// the pixels: one warp lookup is a binary search over the steps).
//
// A step mapping points at the StepAxis of a TimelineIndex: valid while that index is unchanged
// (a TimelineLod lives for one paint).
#pragma once

#include "timeline/step_axis.h"
#include "timeline/time_mapping.h"

#include <cstdint>

namespace eapscope::ui {

enum class TimelineAxis { Time, Steps };

class AxisMapping {
public:
    /// TimeMapping units per step on the step axis: fine enough that zooming into one call still
    /// shows its heap blocks apart.
    static constexpr double kUnitsPerStep = 1'000'000.0;

    AxisMapping() = default;
    /// The time axis.
    AxisMapping(const TimeMapping& linear) : linear_(linear) {}  // NOLINT(google-explicit-constructor)
    /// The step axis over `steps` (nullptr: the time axis).
    AxisMapping(const TimeMapping& linear, const StepAxis* steps) : linear_(linear), steps_(steps) {}

    [[nodiscard]] TimelineAxis axis() const { return steps_ ? TimelineAxis::Steps : TimelineAxis::Time; }
    [[nodiscard]] const StepAxis* steps() const { return steps_; }
    /// The linear part: ns on the time axis, step units on the step axis.
    [[nodiscard]] const TimeMapping& linear() const { return linear_; }
    [[nodiscard]] TimeRange visible() const { return linear_.visible(); }
    [[nodiscard]] double width() const { return linear_.width(); }

    /// Axis units of time `ns` (ns, or kUnitsPerStep × its step position).
    [[nodiscard]] double unitsAt(std::int64_t ns) const;
    /// Plot x of time `ns`.
    [[nodiscard]] double toPixel(std::int64_t ns) const;
    /// The last whole ns at or before plot x: toTime(x) maps to a pixel <= x.
    [[nodiscard]] std::int64_t toTime(double x) const;
    /// The first whole ns at or after plot x.
    [[nodiscard]] std::int64_t toTimeCeil(double x) const;
    /// Step position at plot x (step axis), or ns as a double (time axis).
    [[nodiscard]] double axisAt(double x) const;

    [[nodiscard]] AxisMapping zoomedAbout(double x, double factor) const { return with(linear_.zoomedAbout(x, factor)); }
    [[nodiscard]] AxisMapping panned(double dx) const { return with(linear_.panned(dx)); }
    [[nodiscard]] AxisMapping selected(double x0, double x1) const { return with(linear_.selected(x0, x1)); }
    [[nodiscard]] AxisMapping resized(double widthPx) const { return with(linear_.resized(widthPx)); }
    /// Shows trace times `content` (ns) with TimeMapping::fit's margin, on the axis of `steps`.
    [[nodiscard]] static AxisMapping fit(TimeRange content, double widthPx, const StepAxis* steps = nullptr);

private:
    [[nodiscard]] AxisMapping with(const TimeMapping& linear) const { return {linear, steps_}; }

    TimeMapping linear_;
    const StepAxis* steps_ = nullptr;
};

}  // namespace eapscope::ui
