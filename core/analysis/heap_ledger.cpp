#include "analysis/heap_ledger.h"

namespace eapscope {

std::uint32_t heapAuxFromAnomaly(std::string_view anomaly)
{
    if (anomaly == "DOUBLE_FREE")
        return kHeapAuxDoubleFree;
    if (anomaly == "INVALID_FREE")
        return kHeapAuxInvalidFree;
    if (anomaly == "USE_AFTER_FREE")
        return kHeapAuxWriteAfterFree;
    return kHeapAuxNone;
}

std::vector<FindingRecord> HeapLedger::onEvent(const Trace&, EventId)
{
    return {};
}
void HeapLedger::onBegin(const Trace&, ContextId, std::uint64_t)
{
}
std::vector<FindingRecord> HeapLedger::onContextEnded(const Trace&, ContextId, EventId)
{
    return {};
}
std::vector<FindingRecord> HeapLedger::onUnload(const Trace&, Side, EventId)
{
    return {};
}
ContextHeapSummary HeapLedger::summary(ContextId) const
{
    return {};
}
std::vector<BlockInfo> HeapLedger::blocks(ContextId) const
{
    return {};
}
HeapLedger HeapLedger::rebuild(const Trace&)
{
    return {};
}

}  // namespace eapscope
