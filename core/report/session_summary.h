// What happened to each side-context of a run, read back from a Trace alone (so a recorded
// session file gives the same summary as the live run): outcome, result code, calls, work
// buffer and heap figures.
#pragma once

#include "analysis/heap_ledger.h"
#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

struct SessionSummary {
    Side side = Side::None;
    ContextId context;
    std::uint32_t number = 0;
    std::string outcome = "error";  // "success" | "failure" | "error" (never completed counts as error)
    std::uint32_t resultCode = 0;
    std::string message;           // the engine's reason for the outcome
    std::uint32_t calls = 0;       // method calls made on this context
    std::uint64_t workBuffer = 0;  // *ppWorkBuffer from RasEapBegin
    bool heapTracked = false;      // the trace holds heap rows for this side
    ContextHeapSummary heap;
};

/// One summary per live (non-capture) context, in context order.
std::vector<SessionSummary> summarizeSessions(const Trace& trace, const HeapLedger& ledger);

}  // namespace eapscope
