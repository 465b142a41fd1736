// TimeMapping: the timeline's time ↔ pixel mapping as a plain value (CONVENTIONS.md: "the
// time↔pixel mapping is a small value type with its own data-driven test", after hotspot).
//
// Pixels are plot coordinates: x = 0 is the left edge of the time area, x = width() its right
// edge. Every operation returns a new mapping; none needs a window, so the whole of zoom, pan,
// range select and fit is tested as a table of inputs and expected outputs.
#pragma once

#include "timeline/time_range.h"

#include <cstdint>

namespace eapscope::ui {

class TimeMapping {
public:
    /// Zooming in stops when the view spans this many ns: below it the ruler has nothing to say.
    static constexpr std::int64_t kMinSpanNs = 10;
    /// Zooming out stops at about 11.5 days across the view, far beyond any session.
    static constexpr std::int64_t kMaxSpanNs = 1'000'000'000'000'000;

    TimeMapping() = default;
    /// An empty or inverted range is widened to kMinSpanNs; a width below 1 px counts as 1 px.
    TimeMapping(TimeRange visible, double widthPx);

    [[nodiscard]] TimeRange visible() const { return visible_; }
    [[nodiscard]] double width() const { return width_; }
    [[nodiscard]] double nsPerPixel() const;

    /// Plot x of time `ns` (may be outside [0, width] for times outside the visible range).
    [[nodiscard]] double toPixel(std::int64_t ns) const;
    /// The time at plot x, rounded down to whole ns: toTime(toPixel(t)) <= t.
    [[nodiscard]] std::int64_t toTime(double x) const;

    /// Zooms by `factor` (> 1 zooms in, < 1 out) keeping the time under `x` under `x`.
    [[nodiscard]] TimeMapping zoomedAbout(double x, double factor) const;
    /// Moves the content right by dx pixels (a drag to the right shows earlier times).
    [[nodiscard]] TimeMapping panned(double dx) const;
    /// Shows exactly the times between plot x0 and x1 (either order); a selection narrower than
    /// kMinSelectPx is taken as a click and leaves the mapping unchanged.
    [[nodiscard]] TimeMapping selected(double x0, double x1) const;
    /// Same visible range over another width.
    [[nodiscard]] TimeMapping resized(double widthPx) const { return {visible_, widthPx}; }
    /// Shows `content` with a small margin on both sides (kFitMarginDivisor of its span).
    [[nodiscard]] static TimeMapping fit(TimeRange content, double widthPx);

    static constexpr double kMinSelectPx = 3.0;
    static constexpr std::int64_t kFitMarginDivisor = 50;

    bool operator==(const TimeMapping&) const = default;

private:
    static TimeRange clampedRange(std::int64_t start, std::int64_t span);

    TimeRange visible_{0, kMinSpanNs};
    double width_ = 1.0;
};

}  // namespace eapscope::ui
