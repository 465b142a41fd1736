// HeapLedger: replays heap rows against call boundaries (see the agreement in heap_ledger.h).
// Ownership: a block belongs to the context whose call allocated it (RASEAP.md §3.3: the work
// buffer and everything hanging off it are per context); blocks allocated outside any
// context's call belong to the method instance (§3.1 RasEapInitialize).
#include "analysis/heap_ledger.h"

#include <spdlog/fmt/fmt.h>
#include <algorithm>

namespace eapscope {
namespace {

constexpr std::size_t kTopSites = 3;  // HEAP_LEAK names the three biggest allocation sites

MessageText contextName(const Trace& trace, ContextId context)
{
    if (!context.valid() || context.value() >= trace.contexts().size())
        return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method instance"));
    return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "context %1"),
                  {verbatim(trace.context(context).number)});
}

MessageText callName(const Trace& trace, EventId call)
{
    if (!call.valid() || call.value() >= trace.size())
        return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "code outside any call"));
    return verbatim(std::string(entryPointName(trace.row(call).entry)));
}

MessageText address(std::uint64_t value)
{
    return verbatim(fmt::format("{:#x}", value));
}

void setMessage(FindingRecord& finding, MessageText text)
{
    finding.message = text.english();
    finding.text = std::move(text);
}

FindingRecord makeFinding(const Trace& trace, std::string rule, Side side, ContextId context, EventId call)
{
    FindingRecord finding;
    finding.rule = std::move(rule);
    finding.severity = Severity::Error;
    finding.side = side;
    finding.context = context;
    finding.call = call;
    if (call.valid() && call.value() < trace.size())
        finding.entry = trace.row(call).entry;
    return finding;
}

bool isHeapRow(EventKind kind)
{
    return kind == EventKind::HeapAlloc || kind == EventKind::HeapFree;
}

}  // namespace

std::uint32_t heapAuxFromAnomaly(std::string_view anomaly)
{
    if (anomaly == "DOUBLE_FREE")
        return kHeapAuxDoubleFree;
    if (anomaly == "INVALID_FREE")
        return kHeapAuxInvalidFree;
    if (anomaly == "USE_AFTER_FREE" || anomaly == "WRITE_AFTER_FREE")
        return kHeapAuxWriteAfterFree;
    if (anomaly == "RETAINED")
        return kHeapAuxRetained;
    return kHeapAuxNone;
}

std::vector<FindingRecord> HeapLedger::onEvent(const Trace& trace, EventId heapEvent)
{
    const EventRow row = trace.row(heapEvent);
    if (row.kind == EventKind::HeapAlloc)
        return onAlloc(heapEvent, row);
    if (row.kind == EventKind::HeapFree)
        return onFree(trace, heapEvent, row);
    return {};
}

std::vector<FindingRecord> HeapLedger::onAlloc(EventId event, const EventRow& row)
{
    const BlockKey key{row.side, row.a};
    if (auto stale = live_.find(key); stale != live_.end())
        releaseBlock(stale->second, EventId{});  // missed free
    freed_.erase(key);
    BlockInfo block;
    block.address = row.a;
    block.size = row.b;
    block.allocEvent = event;
    block.context = row.context;
    block.side = row.side;
    block.allocCall = row.call;
    block.site = row.text;
    const auto index = static_cast<BlockIndex>(blocks_.size());
    blocks_.push_back(block);
    liveFlags_.push_back(true);
    live_[key] = index;
    byContext_[row.context].push_back(index);
    ContextHeapSummary& summary = summaryOf(row.context);
    summary.allocatedBytes += row.b;
    ++summary.allocatedBlocks;
    summary.liveBytes += row.b;
    if (auto pending = pendingWorkBuffers_.find(key); pending != pendingWorkBuffers_.end()) {
        linkWorkBuffer(pending->second, index);
        pendingWorkBuffers_.erase(pending);
    }
    return {};
}

std::vector<FindingRecord> HeapLedger::onFree(const Trace& trace, EventId event, const EventRow& row)
{
    const BlockKey key{row.side, row.a};
    auto live = live_.find(key);
    if (row.aux == kHeapAuxRetained) {
        if (live != live_.end())
            blocks_[live->second].retained = true;
        return {};
    }
    if (row.aux != kHeapAuxNone)
        return {anomalyFinding(trace, row)};
    if (live == live_.end()) {
        // Without a tracer verdict, only a free the ledger itself saw proves a double free; an
        // unknown address may be a block allocated before tracking started.
        if (!freed_.contains(key))
            return {};
        EventRow derived = row;
        derived.aux = kHeapAuxDoubleFree;
        return {anomalyFinding(trace, derived)};
    }
    const BlockIndex index = live->second;
    std::vector<FindingRecord> findings = checkOwnership(trace, row, blocks_[index]);
    releaseBlock(index, event);
    freed_[key] = index;
    return findings;
}

// CROSS_CONTEXT_FREE while the owner is live, USE_AFTER_END once it has ended (RASEAP.md §3.6:
// after RasEapEnd nothing of that context may be touched). Instance calls freeing a context's
// block (e.g. Uninitialize cleaning up) are not flagged: the leak was reported at End.
std::vector<FindingRecord> HeapLedger::checkOwnership(const Trace& trace, const EventRow& row,
                                                      const BlockInfo& block)
{
    if (!block.context.valid() || !row.context.valid() || block.context == row.context)
        return {};
    const bool ended = summaryOf(block.context).ended;
    FindingRecord finding =
        makeFinding(trace, ended ? "USE_AFTER_END" : "CROSS_CONTEXT_FREE", row.side, row.context, row.call);
    finding.bytes = block.size;
    finding.blocks = 1;
    if (block.site.valid() && !trace.string(block.site).empty())
        finding.sites.emplace_back(trace.string(block.site));
    std::vector<MessageText> args{callName(trace, row.call), contextName(trace, row.context),
                                  verbatim(block.size), address(block.address),
                                  contextName(trace, block.context)};
    setMessage(finding,
               ended ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                      "%1 of %2 freed the %3-byte block at %4 that "
                                                      "%5 allocated, after that context had ended"),
                              std::move(args))
                     : phrase(EAPSCOPE_TRANSLATE_NOOP(
                                  "EngineText", "%1 of %2 freed the %3-byte block at %4 that %5 allocated"),
                              std::move(args)));
    return {finding};
}

FindingRecord HeapLedger::anomalyFinding(const Trace& trace, const EventRow& row) const
{
    if (row.aux == kHeapAuxWriteAfterFree) {
        // The row's context is the one that freed the block; the write happened in the call
        // that just ran (the tracer checks the poison when it is drained after each call).
        ContextId writer = row.context;
        if (row.call.valid() && row.call.value() < trace.size())
            writer = trace.row(row.call).context;
        FindingRecord finding = makeFinding(trace, "USE_AFTER_END", row.side, writer, row.call);
        finding.bytes = row.b;
        finding.blocks = 1;
        setMessage(finding,
                   phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                  "wrote into the %1-byte block at %2 after %3 had freed "
                                                  "it (found by %4)"),
                          {verbatim(row.b), address(row.a), contextName(trace, row.context),
                           callName(trace, row.call)}));
        return finding;
    }
    const bool twice = row.aux == kHeapAuxDoubleFree;
    FindingRecord finding =
        makeFinding(trace, twice ? "DOUBLE_FREE" : "INVALID_FREE", row.side, row.context, row.call);
    std::vector<MessageText> args{callName(trace, row.call), contextName(trace, row.context), address(row.a)};
    setMessage(
        finding,
        twice ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 of %2 freed the block at %3 a second time"),
                       std::move(args))
              : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "%1 of %2 freed %3, which the allocator never returned"),
                       std::move(args)));
    return finding;
}

void HeapLedger::releaseBlock(BlockIndex index, EventId freeEvent)
{
    BlockInfo& block = blocks_[index];
    block.freeEvent = freeEvent;
    liveFlags_[index] = false;
    live_.erase(BlockKey{block.side, block.address});
    ContextHeapSummary& summary = summaryOf(block.context);
    summary.liveBytes -= std::min(summary.liveBytes, block.size);
    if (block.workBuffer) {
        summary.workBufferFreed = true;
        summary.workBufferFree = freeEvent;
    }
}

void HeapLedger::linkWorkBuffer(ContextId context, BlockIndex index)
{
    BlockInfo& block = blocks_[index];
    block.workBuffer = true;
    ContextHeapSummary& summary = summaryOf(context);
    summary.workBufferSize = block.size;
    summary.workBufferAlloc = block.allocEvent;
    summary.workBufferAllocCall = block.allocCall;
    summary.workBufferFreed = !liveFlags_[index];
    summary.workBufferFree = block.freeEvent;
}

void HeapLedger::onBegin(const Trace& trace, ContextId context, std::uint64_t workBuffer)
{
    summaryOf(context).workBufferAddress = workBuffer;
    if (workBuffer == 0)
        return;
    const BlockKey key{trace.context(context).side, workBuffer};
    if (auto live = live_.find(key); live != live_.end() && !blocks_[live->second].workBuffer) {
        linkWorkBuffer(context, live->second);
        return;
    }
    pendingWorkBuffers_[key] = context;  // the Begin's heap rows come later
}

std::vector<HeapLedger::BlockIndex> HeapLedger::liveBlocks(ContextId context, Side side) const
{
    std::vector<BlockIndex> result;
    auto owned = byContext_.find(context);
    if (owned == byContext_.end())
        return result;
    for (BlockIndex index : owned->second)
        if (liveFlags_[index] && (side == Side::None || blocks_[index].side == side))
            result.push_back(index);
    return result;
}

namespace {

// The biggest allocation sites first (by bytes still live), at most kTopSites.
std::vector<std::string> topSites(const Trace& trace, const std::vector<BlockInfo>& blocks)
{
    std::vector<std::pair<StringId, std::uint64_t>> bySite;
    for (const BlockInfo& block : blocks) {
        if (!block.site.valid() || trace.string(block.site).empty())
            continue;
        auto it =
            std::find_if(bySite.begin(), bySite.end(), [&](const auto& s) { return s.first == block.site; });
        if (it == bySite.end())
            bySite.emplace_back(block.site, block.size);
        else
            it->second += block.size;
    }
    std::stable_sort(bySite.begin(), bySite.end(),
                     [](const auto& l, const auto& r) { return l.second > r.second; });
    std::vector<std::string> sites;
    for (std::size_t i = 0; i < bySite.size() && i < kTopSites; ++i)
        sites.emplace_back(trace.string(bySite[i].first));
    return sites;
}

}  // namespace

std::vector<FindingRecord> HeapLedger::onContextEnded(const Trace& trace, ContextId context,
                                                      EventId endCallStart)
{
    ContextHeapSummary& summary = summaryOf(context);
    summary.ended = true;
    const Side side = trace.context(context).side;
    std::vector<FindingRecord> findings;
    std::vector<BlockInfo> leaked;
    for (BlockIndex index : liveBlocks(context, Side::None)) {
        BlockInfo& block = blocks_[index];
        if (block.retained && !block.workBuffer)
            continue;  // kept by the instance (library globals still point to it): not a leak
        block.leaked = true;
        summary.leakedBytes += block.size;
        ++summary.leakedBlocks;
        if (!block.workBuffer)
            leaked.push_back(block);
    }
    if (summary.workBufferAlloc.valid() && !summary.workBufferFreed) {
        // RASEAP.md §3.6: RasEapEnd releases the work buffer.
        FindingRecord finding = makeFinding(trace, "WORKBUFFER_NOT_FREED", side, context, endCallStart);
        finding.entry = EntryPoint::End;
        finding.bytes = summary.workBufferSize;
        finding.blocks = 1;
        setMessage(finding, phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                           "the %1-byte work buffer of %2 at %3 "
                                                           "was still allocated after RasEapEnd "
                                                           "returned"),
                                   {verbatim(summary.workBufferSize), contextName(trace, context),
                                    address(summary.workBufferAddress)}));
        findings.push_back(std::move(finding));
    }
    if (!leaked.empty())
        findings.push_back(leakFinding(trace, "HEAP_LEAK", side, context, endCallStart, leaked));
    return findings;
}

std::vector<FindingRecord> HeapLedger::onUnload(const Trace& trace, Side side, EventId uninitCallStart)
{
    std::vector<BlockInfo> leaked;
    for (BlockIndex index : liveBlocks(ContextId{}, side)) {
        BlockInfo& block = blocks_[index];
        // Only what Initialize(TRUE) made: the C/C++ runtime's own load-time blocks (e.g. the
        // libstdc++ emergency pool) live until process exit by design.
        if (!block.allocCall.valid() || block.allocCall.value() >= trace.size())
            continue;
        if (trace.row(block.allocCall).entry != EntryPoint::Initialize)
            continue;
        block.leaked = true;
        leaked.push_back(block);
    }
    if (leaked.empty())
        return {};
    FindingRecord finding = leakFinding(trace, "UNLOAD_LEAK", side, ContextId{}, uninitCallStart, leaked);
    finding.entry = EntryPoint::Uninitialize;
    return {finding};
}

FindingRecord HeapLedger::leakFinding(const Trace& trace, std::string rule, Side side, ContextId context,
                                      EventId call, const std::vector<BlockInfo>& leaked) const
{
    FindingRecord finding = makeFinding(trace, std::move(rule), side, context, call);
    if (finding.entry == EntryPoint::None)
        finding.entry = context.valid() ? EntryPoint::End : EntryPoint::Uninitialize;
    std::uint64_t bytes = 0;
    for (const BlockInfo& block : leaked)
        bytes += block.size;
    finding.bytes = bytes;
    finding.blocks = leaked.size();
    finding.sites = topSites(trace, leaked);
    // One template per case rather than pieces glued in English: a translation reorders freely.
    std::vector<MessageText> args{verbatim(bytes), verbatim(leaked.size())};
    if (context.valid())
        args.push_back(contextName(trace, context));
    const bool one = leaked.size() == 1;
    if (context.valid())
        setMessage(finding,
                   one ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "%1 bytes in %2 block allocated by %3's calls "
                                                        "still live after RasEapEnd returned"),
                                std::move(args))
                       : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "%1 bytes in %2 blocks allocated by %3's "
                                                        "calls still live after RasEapEnd returned"),
                                std::move(args)));
    else
        setMessage(
            finding,
            one ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "%1 bytes in %2 block allocated by RasEapInitialize(TRUE) "
                                                 "still live after RasEapInitialize(FALSE) returned"),
                         std::move(args))
                : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "%1 bytes in %2 blocks allocated by RasEapInitialize(TRUE) "
                                                 "still live after RasEapInitialize(FALSE) returned"),
                         std::move(args)));
    return finding;
}

ContextHeapSummary& HeapLedger::summaryOf(ContextId context)
{
    return summaries_[context];
}

ContextHeapSummary HeapLedger::summary(ContextId context) const
{
    auto it = summaries_.find(context);
    return it == summaries_.end() ? ContextHeapSummary{} : it->second;
}

std::vector<BlockInfo> HeapLedger::blocks(ContextId context) const
{
    std::vector<BlockInfo> result;
    if (auto owned = byContext_.find(context); owned != byContext_.end())
        for (BlockIndex index : owned->second)
            result.push_back(blocks_[index]);
    return result;
}

// Replays rows in order. End and Uninitialize are applied once the rows of their call are all
// in (heap rows may come after the CallEnd), i.e. at the first row that is not one of them.
HeapLedger HeapLedger::rebuild(const Trace& trace)
{
    HeapLedger ledger;
    EventId pendingCall;
    EventRow pending;
    auto flush = [&] {
        if (!pendingCall.valid())
            return;
        if (pending.entry == EntryPoint::End)
            ledger.onContextEnded(trace, pending.context, pendingCall);
        else
            ledger.onUnload(trace, pending.side, pendingCall);
        pendingCall = EventId{};
    };
    for (std::uint32_t i = 0; i < trace.size(); ++i) {
        const EventId id{i};
        const EventRow row = trace.row(id);
        if (pendingCall.valid() && !(isHeapRow(row.kind) && row.call == pendingCall))
            flush();
        if (isHeapRow(row.kind)) {
            ledger.onEvent(trace, id);
        } else if (row.kind == EventKind::CallEnd && row.entry == EntryPoint::Begin && row.result == 0 &&
                   row.context.valid()) {
            ledger.onBegin(trace, row.context, row.a);
        } else if (row.kind == EventKind::CallEnd && ((row.entry == EntryPoint::End && row.context.valid()) ||
                                                      row.entry == EntryPoint::Uninitialize)) {
            pendingCall = row.call;
            pending = row;
        }
    }
    flush();
    return ledger;
}

}  // namespace eapscope
