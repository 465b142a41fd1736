#include "timeline/time_mapping.h"

#include <algorithm>
#include <cmath>

namespace eapscope::ui {

TimeMapping::TimeMapping(TimeRange visible, double widthPx)
    : visible_(clampedRange(visible.startNs, visible.span())), width_(std::max(1.0, widthPx))
{
}

TimeRange TimeMapping::clampedRange(std::int64_t start, std::int64_t span)
{
    const std::int64_t clamped = std::clamp(span, kMinSpanNs, kMaxSpanNs);
    return {start, start + clamped};
}

double TimeMapping::nsPerPixel() const
{
    return static_cast<double>(visible_.span()) / width_;
}

double TimeMapping::toPixel(std::int64_t ns) const
{
    return static_cast<double>(ns - visible_.startNs) / nsPerPixel();
}

std::int64_t TimeMapping::toTime(double x) const
{
    return visible_.startNs + static_cast<std::int64_t>(std::floor(x * nsPerPixel()));
}

TimeMapping TimeMapping::zoomedAbout(double x, double factor) const
{
    if (!(factor > 0.0)) {
        return *this;
    }
    const double anchor = static_cast<double>(visible_.startNs) + x * nsPerPixel();
    const double newSpan = std::clamp(static_cast<double>(visible_.span()) / factor,
                                      static_cast<double>(kMinSpanNs), static_cast<double>(kMaxSpanNs));
    const auto start = static_cast<std::int64_t>(std::llround(anchor - x * newSpan / width_));
    return {clampedRange(start, static_cast<std::int64_t>(std::llround(newSpan))), width_};
}

TimeMapping TimeMapping::panned(double dx) const
{
    const auto shift = static_cast<std::int64_t>(std::llround(dx * nsPerPixel()));
    return {{visible_.startNs - shift, visible_.endNs - shift}, width_};
}

TimeMapping TimeMapping::selected(double x0, double x1) const
{
    if (std::abs(x1 - x0) < kMinSelectPx) {
        return *this;
    }
    const std::int64_t start = toTime(std::min(x0, x1));
    const std::int64_t end = toTime(std::max(x0, x1));
    return {clampedRange(start, end - start), width_};
}

TimeMapping TimeMapping::fit(TimeRange content, double widthPx)
{
    const std::int64_t span = std::max<std::int64_t>(content.span(), kMinSpanNs);
    const std::int64_t margin = std::max<std::int64_t>(1, span / kFitMarginDivisor);
    return {{content.startNs - margin, content.startNs + span + margin}, widthPx};
}

}  // namespace eapscope::ui
