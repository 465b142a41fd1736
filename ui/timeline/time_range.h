// A visible time window of the timeline, in ns since the session started (trace.h times).
// Signed so that a view may show a margin before the first event.
#pragma once

#include <cstdint>

namespace eapscope::ui {

struct TimeRange {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;

    [[nodiscard]] constexpr std::int64_t span() const { return endNs - startNs; }
    [[nodiscard]] constexpr bool empty() const { return endNs <= startNs; }
    [[nodiscard]] constexpr bool contains(std::int64_t ns) const { return ns >= startNs && ns <= endNs; }
    constexpr bool operator==(const TimeRange&) const = default;
};

}  // namespace eapscope::ui
