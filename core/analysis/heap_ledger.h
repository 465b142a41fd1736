// HeapLedger: per-context heap bookkeeping and the heap rules of the contract catalogue
// (DESIGN.md "Contract catalogue"; RASEAP.md §3.3 work buffer, §3.6 RasEapEnd, §3.1 Initialize).
//
// ---- Agreement: how heap events reach the trace (host ↔ engine ↔ heap) -------------------
// Tracer (core/host/tracer_api.h) record kind → HeapEvent (call_types.h) → trace row:
//   kind 1 alloc            alloc=true,  anomaly ""                → HeapAlloc, aux = 0
//   kind 2 free             alloc=false, anomaly ""                → HeapFree,  aux = 0
//   kind 3 double free      alloc=false, anomaly "DOUBLE_FREE"     → HeapFree,  aux = 1
//   kind 4 invalid free     alloc=false, anomaly "INVALID_FREE"    → HeapFree,  aux = 2
//   kind 5 write after free alloc=false, anomaly "USE_AFTER_FREE"  → HeapFree,  aux = 3
//     (guard/quarantine mode; address/size = the poisoned block; contextTag = the context that
//      freed it; reported at the drain after the write, so call = the call that just ran)
//   kind 6 retained         alloc=false, anomaly "RETAINED"        → HeapFree,  aux = 4
//     (not a free: after RasEapEnd(tag) the host calls eapscope_tracer_context_ended(tag); the
//      tracer reports each live block of that context still reachable from library globals —
//      a cache or lazy library initialisation such as OpenSSL's, owned by the instance from then
//      on, so not a HEAP_LEAK; the work buffer is never excused)
//   (kHeapAux* below name these values; the host's "WRITE_AFTER_FREE" is accepted too.)
// Row columns (trace.h): side = the side whose host made it; context = ContextId(contextTag-1),
// invalid when contextTag == 0 (instance-owned); call = the CallStart of the call whose
// CallOutcome::heap carried the event (invalid for drainHeapEvents() outside calls);
// a = address, b = size (frees: 0 if unknown); text = interned HeapEvent::site (may be empty).
// realloc is reported as a free of the old block followed by an alloc of the new one.
// Host: eapscope_tracer_set_context(tag) right before the method call, and
// eapscope_tracer_set_context(EAPSCOPE_TRACER_OUTSIDE_CALL) right after it, so the host's own
// allocations are not recorded (0 would attribute them to the method instance).
// Engine, per call: append the call's heap rows in order (between its CallStart and CallEnd,
// or right after the CallEnd) and pass each row to onEvent(); then, once they are all in:
//   Begin returned NO_ERROR   → onBegin(trace, ctx, workBuffer)
//   End returned (any result) → onContextEnded(trace, ctx, endCallStart)
//   Initialize(FALSE) returned → onUnload(trace, side, uninitCallStart)
// and append every returned FindingRecord with trace.addFinding().
// ----------------------------------------------------------------------------------------
#pragma once

#include "common/strong_id.h"
#include "trace/trace.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eapscope {

inline constexpr std::uint32_t kHeapAuxNone = 0;
inline constexpr std::uint32_t kHeapAuxDoubleFree = 1;
inline constexpr std::uint32_t kHeapAuxInvalidFree = 2;
inline constexpr std::uint32_t kHeapAuxWriteAfterFree = 3;
inline constexpr std::uint32_t kHeapAuxRetained = 4;

/// HeapEvent::anomaly → row aux (kHeapAux*); unknown or empty → kHeapAuxNone.
std::uint32_t heapAuxFromAnomaly(std::string_view anomaly);

struct BlockInfo {
    std::uint64_t address = 0, size = 0;
    EventId allocEvent, freeEvent;  // HeapAlloc row; HeapFree row or invalid while live
    ContextId context;              // owner: the context whose call allocated it; invalid = instance
    bool leaked = false;            // still live when its context ended (or at unload)
    // Additions beyond the agreed fields.
    Side side = Side::None;
    EventId allocCall;        // CallStart of the allocating call
    StringId site;            // allocation site (trace string), 0 = none
    bool workBuffer = false;  // returned as *ppWorkBuffer by its context's Begin
    bool retained = false;    // still reachable from library globals when its context ended
};

struct ContextHeapSummary {
    std::uint64_t workBufferAddress = 0, workBufferSize = 0;
    EventId workBufferAlloc, workBufferFree;
    bool workBufferFreed = false;
    std::uint64_t allocatedBytes = 0, allocatedBlocks = 0, liveBytes = 0, leakedBytes = 0, leakedBlocks = 0;
    // Additions beyond the agreed fields.
    EventId workBufferAllocCall;  // CallStart of the call that allocated the work buffer
    bool ended = false;
};

class HeapLedger {
public:
    /// A HeapAlloc or HeapFree row was appended; returns the findings it proves at once
    /// (DOUBLE_FREE, INVALID_FREE, CROSS_CONTEXT_FREE, USE_AFTER_END).
    std::vector<FindingRecord> onEvent(const Trace& trace, EventId heapEvent);
    /// Begin succeeded and returned workBuffer as *ppWorkBuffer.
    void onBegin(const Trace& trace, ContextId context, std::uint64_t workBuffer);
    /// End of `context` returned and its heap rows are in: WORKBUFFER_NOT_FREED, HEAP_LEAK.
    std::vector<FindingRecord> onContextEnded(const Trace& trace, ContextId context, EventId endCallStart);
    /// Initialize(FALSE) of `side` returned and its heap rows are in: UNLOAD_LEAK.
    std::vector<FindingRecord> onUnload(const Trace& trace, Side side, EventId uninitCallStart);

    [[nodiscard]] ContextHeapSummary summary(ContextId context) const;
    /// Every block of a context (invalid = instance-owned, both sides), in allocation order.
    [[nodiscard]] std::vector<BlockInfo> blocks(ContextId context) const;

    /// Replays a stored trace's heap rows and call boundaries (findings are not re-emitted).
    static HeapLedger rebuild(const Trace& trace);

private:
    struct BlockKey {
        Side side;
        std::uint64_t address;
        auto operator<=>(const BlockKey&) const = default;
    };
    using BlockIndex = std::uint32_t;  // into blocks_

    std::vector<FindingRecord> onAlloc(EventId event, const EventRow& row);
    std::vector<FindingRecord> onFree(const Trace& trace, EventId event, const EventRow& row);
    std::vector<FindingRecord> checkOwnership(const Trace& trace, const EventRow& row,
                                              const BlockInfo& block);
    FindingRecord anomalyFinding(const Trace& trace, const EventRow& row) const;
    std::vector<BlockIndex> liveBlocks(ContextId context, Side side) const;
    FindingRecord leakFinding(const Trace& trace, std::string rule, Side side, ContextId context,
                              EventId call, const std::vector<BlockInfo>& leaked) const;
    void releaseBlock(BlockIndex index, EventId freeEvent);
    void linkWorkBuffer(ContextId context, BlockIndex index);
    ContextHeapSummary& summaryOf(ContextId context);

    std::vector<BlockInfo> blocks_;                     // every block ever seen, in order
    std::vector<bool> liveFlags_;                       // parallel to blocks_
    std::map<BlockKey, BlockIndex> live_;               // live blocks by side + address
    std::map<BlockKey, BlockIndex> freed_;              // freed and not reallocated since
    std::map<BlockKey, ContextId> pendingWorkBuffers_;  // Begin seen before the block's alloc
    std::unordered_map<ContextId, ContextHeapSummary> summaries_;
    std::unordered_map<ContextId, std::vector<BlockIndex>> byContext_;  // invalid = instance
};

}  // namespace eapscope
