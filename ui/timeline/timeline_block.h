// TimelineBlock: one heap block as the timeline draws it — a plain copy of what
// core/analysis/heap_ledger.h's HeapLedger::blocks() reports, so the timeline does not depend on
// the ledger. Without any, the timeline pairs HeapAlloc/HeapFree rows of the trace itself.
#pragma once

#include "common/strong_id.h"
#include "trace/event_types.h"

#include <cstdint>

namespace eapscope::ui {

struct TimelineBlock {
    std::uint64_t address = 0;
    std::uint64_t size = 0;
    EventId allocEvent;  // the HeapAlloc row
    EventId freeEvent;   // the HeapFree row, invalid while live (or leaked)
    ContextId context;   // owner; invalid = the method instance of `side`
    Side side = Side::None;
    bool leaked = false;  // still live when its context ended (HEAP_LEAK / WORKBUFFER_NOT_FREED)

    bool operator==(const TimelineBlock&) const = default;
};

}  // namespace eapscope::ui
