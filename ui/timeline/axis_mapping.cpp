#include "timeline/axis_mapping.h"

#include <cmath>

namespace eapscope::ui {

double AxisMapping::unitsAt(std::int64_t ns) const
{
    return steps_ ? steps_->stepAt(ns) * kUnitsPerStep : static_cast<double>(ns);
}

double AxisMapping::toPixel(std::int64_t ns) const
{
    if (!steps_) {
        return linear_.toPixel(ns);
    }
    return (unitsAt(ns) - static_cast<double>(linear_.visible().startNs)) / linear_.nsPerPixel();
}

double AxisMapping::axisAt(double x) const
{
    const double units = static_cast<double>(linear_.visible().startNs) + x * linear_.nsPerPixel();
    return steps_ ? units / kUnitsPerStep : units;
}

std::int64_t AxisMapping::toTime(double x) const
{
    return steps_ ? steps_->timeAt(axisAt(x)) : linear_.toTime(x);
}

std::int64_t AxisMapping::toTimeCeil(double x) const
{
    if (steps_) {
        return steps_->timeAtCeil(axisAt(x));
    }
    const std::int64_t t = linear_.toTime(x);
    return linear_.toPixel(t) >= x ? t : t + 1;
}

AxisMapping AxisMapping::fit(TimeRange content, double widthPx, const StepAxis* steps)
{
    if (!steps) {
        return TimeMapping::fit(content, widthPx);
    }
    const AxisMapping probe({}, steps);
    const auto start = static_cast<std::int64_t>(std::floor(probe.unitsAt(content.startNs)));
    const auto end = static_cast<std::int64_t>(std::ceil(probe.unitsAt(content.endNs)));
    return {TimeMapping::fit({start, end}, widthPx), steps};
}

}  // namespace eapscope::ui
