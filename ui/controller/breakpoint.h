// F9 breakpoints (issue 5 "Step"): on an entry point, an action, a packet code or type, a
// finding rule, or a context's live heap above N bytes. Checked against the rows a step added.
#pragma once

#include "trace/trace.h"

#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

namespace eapscope::ui {

struct Breakpoint {
    enum class Kind { EntryPoint, Action, PacketCode, PacketType, FindingRule, LiveHeapAbove };
    Kind kind = Kind::EntryPoint;
    std::uint32_t value = 0;  // EntryPoint value, action, code, type, or bytes
    QString rule;             // FindingRule
    bool enabled = true;

    [[nodiscard]] QString describe() const;
    bool operator==(const Breakpoint&) const = default;
};

/// The first row in [first, end) that hits an enabled breakpoint (with its description), or
/// nothing. `liveBytes` answers the live heap of a context (LiveHeapAbove).
struct BreakpointHit {
    EventId event;
    QString reason;
};
std::optional<BreakpointHit> findBreakpointHit(const Trace& trace, std::size_t first, std::size_t end,
                                               const QList<Breakpoint>& breakpoints,
                                               const std::function<std::uint64_t(ContextId)>& liveBytes);

}  // namespace eapscope::ui
