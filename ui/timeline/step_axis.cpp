#include "timeline/step_axis.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eapscope::ui {

void StepAxis::beginStep(std::int64_t startNs)
{
    // Steps never overlap: the engine makes one call at a time (DESIGN.md "The session engine").
    const std::int64_t floor = steps_.empty() ? startNs : std::max(steps_.back().start, steps_.back().last());
    steps_.push_back({std::max(startNs, floor), Step::kOpen});
}

void StepAxis::endStep(std::int64_t endNs)
{
    if (!steps_.empty() && !steps_.back().instant()) {
        steps_.back().end = std::max(endNs, steps_.back().start);
    }
}

void StepAxis::addInstant(std::int64_t timeNs)
{
    beginStep(timeNs);
    steps_.back().end = Step::kInstant;
}

StepAxis::Knot StepAxis::stepKnot(std::size_t i) const
{
    const Step& s = steps_[i / 2];
    const auto k = static_cast<double>(i / 2);
    if (s.instant()) {
        return {static_cast<double>(s.start), k + 0.5};
    }
    if (i % 2 == 0) {
        return {static_cast<double>(s.start), k + kCallLead};
    }
    const std::int64_t end = s.end >= 0 ? s.end : std::max(sessionEnd_, s.start);
    return {static_cast<double>(end), k + 1.0 - kCallLead};
}

std::size_t StepAxis::knotCount() const
{
    if (steps_.empty()) {
        return 0;
    }
    return steps_.size() * 2 + (leadIn() ? 1 : 0) + (tail() ? 1 : 0);
}

bool StepAxis::leadIn() const
{
    return steps_.front().start > 0;  // the session's start has room before the first step
}

bool StepAxis::tail() const
{
    return sessionEnd_ > static_cast<std::int64_t>(stepKnot(steps_.size() * 2 - 1).ns);
}

StepAxis::Knot StepAxis::knot(std::size_t i) const
{
    // The lead-in (session start → first step) and the tail (last step → session end) are
    // knots too, so events before the first call or after the last keep their own room.
    if (leadIn()) {
        if (i == 0) {
            return {0.0, 0.0};
        }
        --i;
    }
    if (i == steps_.size() * 2) {
        return {static_cast<double>(sessionEnd_), static_cast<double>(steps_.size())};
    }
    return stepKnot(i);
}

double StepAxis::stepAt(std::int64_t ns) const
{
    const std::size_t n = knotCount();
    if (n == 0) {
        return static_cast<double>(ns) / kOutsideNsPerStep;
    }
    const auto t = static_cast<double>(ns);
    // The first knot at or after ns ("first" on ties: a zero-length call shows at its start).
    const std::size_t after = firstKnot([&](const Knot& k) { return k.ns >= t; });
    if (after == 0 || after == n) {
        const Knot edge = knot(after == 0 ? 0 : n - 1);
        return edge.step + (t - edge.ns) / kOutsideNsPerStep;
    }
    const Knot b = knot(after - 1);
    const Knot a = knot(after);
    return a.ns == t ? a.step : b.step + (a.step - b.step) * (t - b.ns) / (a.ns - b.ns);
}

std::int64_t StepAxis::timeAt(double step) const
{
    const std::size_t n = knotCount();
    double t = 0;
    if (n == 0) {
        t = step * kOutsideNsPerStep;
    } else {
        // The first knot past `step`; the segment before it holds the answer.
        const std::size_t after = firstKnot([&](const Knot& k) { return k.step > step; });
        if (after == 0 || after == n) {
            const Knot edge = knot(after == 0 ? 0 : n - 1);
            t = edge.ns + (step - edge.step) * kOutsideNsPerStep;
        } else {
            const Knot b = knot(after - 1);
            const Knot a = knot(after);
            t = a.ns == b.ns ? b.ns : b.ns + (a.ns - b.ns) * (step - b.step) / (a.step - b.step);
        }
    }
    constexpr double kLimit = 4e18;  // far beyond any session, inside int64
    auto ns = static_cast<std::int64_t>(std::floor(std::clamp(t, -kLimit, kLimit)));
    // Rounding can land one ns off either way; stepAt is the judge.
    while (stepAt(ns) > step && ns > -kLimit) {
        --ns;
    }
    while (stepAt(ns + 1) <= step && ns < kLimit) {
        ++ns;
    }
    return ns;
}

std::int64_t StepAxis::timeAtCeil(double step) const
{
    const std::int64_t t = timeAt(step);
    return stepAt(t) >= step ? t : t + 1;
}

}  // namespace eapscope::ui
