// StepAxis: the timeline's step axis as a plain value — every step (a call; a packet when the
// session has no calls, as in an imported capture) gets the same width, in order, whatever the
// wall-clock time between them. Interactive stepping spends most of its time waiting for the
// person, and a time axis squeezes the calls into slivers; on this axis they stay readable.
//
// It is a monotone piecewise-linear warp of trace time (ns) onto step positions (doubles):
// step k spans [k, k + 1); a call with both ends known runs from k + kCallLead to k + 1 -
// kCallLead, the wait before and after it fills the rest, an instant step sits at k + 0.5. Times
// before the first and after the last knot continue at kOutsideNsPerStep, so the warp and its
// inverse are defined everywhere (a view's margin, a leaked block's open end). Positions of
// already indexed rows move only when a later row moves the session end — the LOD recomputes
// every paint, so nothing is cached against them.
#pragma once

#include <cstdint>
#include <vector>

namespace eapscope::ui {

class StepAxis {
public:
    static constexpr double kCallLead = 0.1;  // share of a step before (and after) its call
    static constexpr double kOutsideNsPerStep = 1'000'000.0;

    /// Starts step `count()` at `startNs`; steps are appended in time order.
    void beginStep(std::int64_t startNs);
    /// The last step ends (a CallEnd); until then it runs to the session end.
    void endStep(std::int64_t endNs);
    /// An instant step (a packet in a session without calls).
    void addInstant(std::int64_t timeNs);
    /// The end of the session: the last step's wait runs to it.
    void setSessionEnd(std::int64_t endNs) { sessionEnd_ = endNs; }
    /// Room for `steps` more steps (a whole session indexed at once).
    void reserve(std::size_t steps) { steps_.reserve(steps_.size() + steps); }
    void clear() { *this = StepAxis(); }

    [[nodiscard]] std::size_t count() const { return steps_.size(); }
    [[nodiscard]] bool empty() const { return steps_.empty(); }
    /// The time step k starts (its CallStart), for the ruler and tests.
    [[nodiscard]] std::int64_t stepStart(std::size_t k) const { return steps_[k].start; }

    /// The step position of time `ns` (monotone, non-decreasing in ns).
    [[nodiscard]] double stepAt(std::int64_t ns) const;
    /// The last whole ns whose position is at or before `step`: stepAt(timeAt(s)) <= s.
    [[nodiscard]] std::int64_t timeAt(double step) const;
    /// The first whole ns whose position is at or after `step`.
    [[nodiscard]] std::int64_t timeAtCeil(double step) const;

    bool operator==(const StepAxis&) const = default;

private:
    // 16 bytes, one per call of the session (issue 13: memory per event).
    struct Step {
        static constexpr std::int64_t kOpen = -1;     // a call in flight
        static constexpr std::int64_t kInstant = -2;  // an instant (a packet): ends where it starts
        std::int64_t start = 0;
        std::int64_t end = kOpen;
        [[nodiscard]] bool instant() const { return end == kInstant; }
        [[nodiscard]] std::int64_t last() const { return instant() ? start : end; }
        bool operator==(const Step&) const = default;
    };
    struct Knot {
        double ns = 0;
        double step = 0;
    };
    /// Knot i of the warp: the lead-in (when the first step starts after 0), then each step's
    /// start and end, then the tail (when the session ends after the last step).
    [[nodiscard]] Knot knot(std::size_t i) const;
    /// Knot i of the steps alone: step i / 2's start (even) or end (odd).
    [[nodiscard]] Knot stepKnot(std::size_t i) const;
    [[nodiscard]] std::size_t knotCount() const;
    [[nodiscard]] bool leadIn() const;
    [[nodiscard]] bool tail() const;
    /// The first knot index for which `pred` holds (knots are sorted by ns and by step).
    template <typename Pred>
    [[nodiscard]] std::size_t firstKnot(Pred pred) const
    {
        std::size_t lo = 0;
        std::size_t hi = knotCount();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (pred(knot(mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    std::vector<Step> steps_;
    std::int64_t sessionEnd_ = 0;
};

}  // namespace eapscope::ui
