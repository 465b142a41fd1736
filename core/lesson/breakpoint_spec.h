// A breakpoint as a lesson and the trace see it: a kind and a value, written "kind:value"
// ("entry:RasEapEnd", "action:Authenticate", "packet-code:3", "packet-type:4",
// "finding:HEAP_LEAK", "live-heap:1024"). The GUI's F9 breakpoints (ui/controller/breakpoint.h)
// convert to this form when they are recorded as learner events; the lesson player uses
// matches() to continue to one through the real engine.
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace eapscope {

struct BreakpointSpec {
    enum class Kind : std::uint8_t { EntryPoint, Action, PacketCode, PacketType, FindingRule, LiveHeapAbove };
    Kind kind = Kind::EntryPoint;
    std::uint32_t value = 0;  // EntryPoint value, action, code, type, or bytes
    std::string rule;         // FindingRule

    /// "entry:RasEapEnd", "finding:HEAP_LEAK", …
    [[nodiscard]] std::string toString() const;
    /// The kind's name as lessons write it: "entry", "action", "packet-code", "packet-type",
    /// "finding", "live-heap".
    [[nodiscard]] std::string_view kindName() const;
    /// The value as lessons write it: "RasEapEnd", "Authenticate", "3", "HEAP_LEAK", "1024".
    [[nodiscard]] std::string valueText() const;

    /// True when row `id` of `trace` hits this breakpoint: a CallStart of the entry point, a
    /// CallEnd returning the action, a Packet of the code/type, a Finding of the rule, or (live
    /// heap) any heap row after which `liveBytes` of its context exceeds value.
    [[nodiscard]] bool matches(const Trace& trace, EventId id, std::uint64_t liveBytes = 0) const;

    bool operator==(const BreakpointSpec&) const = default;
};

/// Parses "kind:value" (entry points with or without the "RasEap" prefix, actions by name or
/// number, codes/types by number or name such as "Success", "MD5-Challenge").
Result<BreakpointSpec> parseBreakpointSpec(std::string_view text);

/// True for the kind names of BreakpointSpec::kindName().
bool isBreakpointKindName(std::string_view name);

}  // namespace eapscope
