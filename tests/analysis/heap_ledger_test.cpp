// HeapLedger on synthetic traces: each heap rule fires on the sequence that breaks it and stays
// quiet on the clean sequence next to it. The Driver feeds rows to the ledger exactly as the
// engine does (heap_ledger.h "Agreement").
#include "analysis/heap_ledger.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

class Driver {
public:
    ContextId context(Side side, std::uint32_t number)
    {
        return trace.addContext(
            ContextInfo{side, number, EventId{static_cast<std::uint32_t>(trace.size())}, StringId{0}});
    }

    EventId start(EntryPoint entry, ContextId ctx, Side side = Side::Authenticator)
    {
        EventRow row;
        row.timeNs = ++now_;
        row.kind = EventKind::CallStart;
        row.side = side;
        row.entry = entry;
        row.context = ctx;
        return trace.append(row);
    }

    // Appends the CallEnd and tells the ledger what the engine would.
    void finish(EventId call, std::uint64_t workBuffer = 0, std::uint32_t result = 0)
    {
        EventRow start = trace.row(call);
        EventRow row = start;
        row.timeNs = ++now_;
        row.kind = EventKind::CallEnd;
        row.call = call;
        row.result = result;
        row.a = workBuffer;
        trace.append(row);
        if (start.entry == EntryPoint::Begin && result == 0)
            ledger.onBegin(trace, start.context, workBuffer);
        if (start.entry == EntryPoint::End)
            keep(ledger.onContextEnded(trace, start.context, call));
        if (start.entry == EntryPoint::Uninitialize)
            keep(ledger.onUnload(trace, start.side, call));
    }

    void alloc(EventId call, std::uint64_t address, std::uint64_t size, std::string_view site = {})
    {
        heapRow(EventKind::HeapAlloc, call, address, size, 0, site);
    }

    void free(EventId call, std::uint64_t address, std::uint32_t aux = kHeapAuxNone,
              ContextId as = ContextId{99})
    {
        heapRow(EventKind::HeapFree, call, address, 0, aux, {}, as);
    }

    std::vector<std::string> rules() const
    {
        std::vector<std::string> r;
        for (const auto& f : findings)
            r.push_back(f.rule);
        return r;
    }

    Trace trace;
    HeapLedger ledger;
    std::vector<FindingRecord> findings;

private:
    void heapRow(EventKind kind, EventId call, std::uint64_t address, std::uint64_t size, std::uint32_t aux,
                 std::string_view site, ContextId as = ContextId{99})
    {
        EventRow start = trace.row(call);
        EventRow row;
        row.timeNs = ++now_;
        row.kind = kind;
        row.side = start.side;
        row.context = as == ContextId{99} ? start.context : as;
        row.call = call;
        row.a = address;
        row.b = size;
        row.aux = aux;
        row.text = trace.intern(site);
        keep(ledger.onEvent(trace, trace.append(row)));
    }

    void keep(std::vector<FindingRecord> more)
    {
        for (auto& f : more)
            findings.push_back(std::move(f));
    }

    std::uint64_t now_ = 0;
};

using Rules = std::vector<std::string>;

// Begin allocates the work buffer (0x1000, 64) and a helper block (0x2000, 32).
EventId beginWithTwoBlocks(Driver& d, ContextId ctx, std::uint64_t base = 0)
{
    EventId begin = d.start(EntryPoint::Begin, ctx);
    d.alloc(begin, base + 0x1000, 64, "begin (md5.c:10)");
    d.alloc(begin, base + 0x2000, 32, "begin (md5.c:11)");
    d.finish(begin, base + 0x1000);
    return begin;
}

TEST(HeapLedger, CleanContext_NoFindingsAndWorkBufferIdentified)
{
    Driver d;
    ContextId ctx = d.context(Side::Authenticator, 1);
    EventId begin = beginWithTwoBlocks(d, ctx);
    EventId mm = d.start(EntryPoint::MakeMessage, ctx);
    d.alloc(mm, 0x3000, 100);
    d.free(mm, 0x3000);
    d.finish(mm);
    EventId end = d.start(EntryPoint::End, ctx);
    d.free(end, 0x2000);
    d.free(end, 0x1000);
    d.finish(end);

    EXPECT_EQ(d.rules(), Rules{});
    ContextHeapSummary s = d.ledger.summary(ctx);
    EXPECT_EQ(s.workBufferAddress, 0x1000u);
    EXPECT_EQ(s.workBufferSize, 64u);
    EXPECT_EQ(d.trace.row(s.workBufferAlloc).call, begin);
    EXPECT_EQ(s.workBufferAllocCall, begin);
    EXPECT_TRUE(s.workBufferFreed);
    EXPECT_EQ(d.trace.row(s.workBufferFree).call, end);
    EXPECT_EQ(s.allocatedBytes, 196u);
    EXPECT_EQ(s.allocatedBlocks, 3u);
    EXPECT_EQ(s.liveBytes, 0u);
    EXPECT_EQ(s.leakedBytes, 0u);
    auto blocks = d.ledger.blocks(ctx);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_TRUE(std::none_of(blocks.begin(), blocks.end(), [](const BlockInfo& b) { return b.leaked; }));
    EXPECT_TRUE(blocks[0].workBuffer);
    EXPECT_TRUE(blocks[2].freeEvent.valid());
}

TEST(HeapLedger, WorkBufferNotFreed_FiresAtEndAloneWithoutHeapLeak)
{
    Driver d;
    ContextId ctx = d.context(Side::Peer, 1);
    EventId begin = d.start(EntryPoint::Begin, ctx, Side::Peer);
    d.alloc(begin, 0x1000, 64);
    d.alloc(begin, 0x2000, 32);
    d.finish(begin, 0x1000);
    EventId end = d.start(EntryPoint::End, ctx, Side::Peer);
    d.free(end, 0x2000);
    d.finish(end);

    ASSERT_EQ(d.rules(), Rules{"WORKBUFFER_NOT_FREED"});
    const FindingRecord& f = d.findings[0];
    EXPECT_EQ(f.side, Side::Peer);
    EXPECT_EQ(f.context, ctx);
    EXPECT_EQ(f.call, end);
    EXPECT_EQ(f.entry, EntryPoint::End);
    EXPECT_EQ(f.bytes, 64u);
    EXPECT_EQ(f.severity, Severity::Error);
    ContextHeapSummary s = d.ledger.summary(ctx);
    EXPECT_FALSE(s.workBufferFreed);
    EXPECT_EQ(s.leakedBytes, 64u);
    EXPECT_EQ(s.leakedBlocks, 1u);
    EXPECT_TRUE(d.ledger.blocks(ctx)[0].leaked);
    EXPECT_FALSE(d.ledger.blocks(ctx)[1].leaked);
}

TEST(HeapLedger, HeapLeak_FiresWithBytesBlocksAndThreeBiggestSites)
{
    Driver d;
    ContextId ctx = d.context(Side::Authenticator, 1);
    beginWithTwoBlocks(d, ctx);
    EventId mm = d.start(EntryPoint::MakeMessage, ctx);
    d.alloc(mm, 0x5000, 10, "small (a.c:1)");
    d.alloc(mm, 0x6000, 300, "big (a.c:2)");
    d.alloc(mm, 0x7000, 200, "middle (a.c:3)");
    d.alloc(mm, 0x8000, 150, "big (a.c:2)");
    d.alloc(mm, 0x9000, 5);
    d.finish(mm);
    EventId end = d.start(EntryPoint::End, ctx);
    d.free(end, 0x1000);
    d.free(end, 0x2000);
    d.finish(end);

    ASSERT_EQ(d.rules(), Rules{"HEAP_LEAK"});
    const FindingRecord& f = d.findings[0];
    EXPECT_EQ(f.context, ctx);
    EXPECT_EQ(f.call, end);
    EXPECT_EQ(f.entry, EntryPoint::End);
    EXPECT_EQ(f.bytes, 665u);
    EXPECT_EQ(f.blocks, 5u);
    EXPECT_EQ(f.sites, (std::vector<std::string>{"big (a.c:2)", "middle (a.c:3)", "small (a.c:1)"}));
    EXPECT_EQ(d.ledger.summary(ctx).leakedBytes, 665u);
    EXPECT_EQ(d.ledger.summary(ctx).liveBytes, 665u);
}

TEST(HeapLedger, CrossContextFree_FiresOnTheFreeingContextsCall)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    ContextId two = d.context(Side::Authenticator, 2);
    beginWithTwoBlocks(d, one);
    beginWithTwoBlocks(d, two, 0x100000);
    EventId mm = d.start(EntryPoint::MakeMessage, two);
    d.free(mm, 0x2000);  // context 1's helper block
    d.finish(mm);

    ASSERT_EQ(d.rules(), Rules{"CROSS_CONTEXT_FREE"});
    EXPECT_EQ(d.findings[0].context, two);
    EXPECT_EQ(d.findings[0].call, mm);
    EXPECT_EQ(d.findings[0].entry, EntryPoint::MakeMessage);
    EXPECT_EQ(d.findings[0].bytes, 32u);
    EXPECT_NE(d.findings[0].message.find("context 1"), std::string::npos);
}

TEST(HeapLedger, OwnContextAndInstanceFrees_AreNotCrossContext)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    EventId init = d.start(EntryPoint::Initialize, ContextId{});
    d.alloc(init, 0x9000, 16);
    d.finish(init);
    beginWithTwoBlocks(d, one);
    EventId mm = d.start(EntryPoint::MakeMessage, one);
    d.free(mm, 0x2000);
    d.free(mm, 0x9000);  // an instance-owned cache released by a context call: allowed
    d.finish(mm);
    EXPECT_EQ(d.rules(), Rules{});
}

TEST(HeapLedger, FreeOfAnEndedContextsBlock_IsUseAfterEnd)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    ContextId two = d.context(Side::Authenticator, 2);
    beginWithTwoBlocks(d, one);
    EventId end = d.start(EntryPoint::End, one);
    d.free(end, 0x1000);
    d.finish(end);  // 0x2000 leaks
    beginWithTwoBlocks(d, two, 0x100000);
    EventId mm = d.start(EntryPoint::MakeMessage, two);
    d.free(mm, 0x2000);
    d.finish(mm);

    ASSERT_EQ(d.rules(), (Rules{"HEAP_LEAK", "USE_AFTER_END"}));
    EXPECT_EQ(d.findings[1].context, two);
    EXPECT_EQ(d.findings[1].call, mm);
}

TEST(HeapLedger, TracerVerdicts_BecomeDoubleInvalidAndWriteAfterFreeFindings)
{
    Driver d;
    ContextId one = d.context(Side::Peer, 1);
    EventId begin = d.start(EntryPoint::Begin, one, Side::Peer);
    d.alloc(begin, 0x1000, 64);
    d.finish(begin, 0x1000);
    EventId mm = d.start(EntryPoint::MakeMessage, one, Side::Peer);
    d.alloc(mm, 0x4000, 8);
    d.free(mm, 0x4000);
    d.free(mm, 0x4000, kHeapAuxDoubleFree);
    d.free(mm, 0x4444, kHeapAuxInvalidFree);
    d.finish(mm);
    EXPECT_EQ(d.rules(), (Rules{"DOUBLE_FREE", "INVALID_FREE"}));
    EXPECT_EQ(d.findings[0].call, mm);
    EXPECT_EQ(d.findings[0].side, Side::Peer);
    EXPECT_EQ(d.findings[1].context, one);

    EventId mm2 = d.start(EntryPoint::MakeMessage, one, Side::Peer);
    d.free(mm2, 0x4000, kHeapAuxWriteAfterFree);
    d.finish(mm2);
    ASSERT_EQ(d.rules().back(), "USE_AFTER_END");
    EXPECT_EQ(d.findings.back().call, mm2);
    EXPECT_EQ(d.findings.back().context, one);
}

TEST(HeapLedger, SecondFreeWithoutVerdict_IsDerivedAsDoubleFree)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    EventId begin = d.start(EntryPoint::Begin, one);
    d.alloc(begin, 0x1000, 64);
    d.free(begin, 0x1000);
    d.free(begin, 0x1000);
    d.finish(begin, 0x1000);
    EXPECT_EQ(d.rules(), Rules{"DOUBLE_FREE"});
}

TEST(HeapLedger, FreeOfAnAddressNeverSeen_IsNotFlaggedWithoutVerdict)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    EventId begin = d.start(EntryPoint::Begin, one);
    d.free(begin, 0x7777);
    d.finish(begin, 0x1000);
    EXPECT_EQ(d.rules(), Rules{});
}

TEST(HeapLedger, ReallocatedAddress_IsANewBlockNotADoubleFree)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    EventId begin = d.start(EntryPoint::Begin, one);
    d.alloc(begin, 0x1000, 64);
    d.free(begin, 0x1000);
    d.alloc(begin, 0x1000, 80);
    d.free(begin, 0x1000);
    d.finish(begin, 0);
    EXPECT_EQ(d.rules(), Rules{});
    EXPECT_EQ(d.ledger.blocks(one).size(), 2u);
}

TEST(HeapLedger, UnloadLeak_FiresForInitializeBlocksStillLive)
{
    Driver d;
    EventId loadTime = d.start(EntryPoint::GetInfo, ContextId{});
    d.alloc(loadTime, 0x500, 72704);  // runtime blocks made at load: never flagged
    d.finish(loadTime);
    EventId init = d.start(EntryPoint::Initialize, ContextId{});
    d.alloc(init, 0x9000, 16, "init (m.c:5)");
    d.alloc(init, 0xA000, 24, "init (m.c:6)");
    d.finish(init);
    EventId uninit = d.start(EntryPoint::Uninitialize, ContextId{});
    d.free(uninit, 0xA000);
    d.finish(uninit);

    ASSERT_EQ(d.rules(), Rules{"UNLOAD_LEAK"});
    EXPECT_EQ(d.findings[0].call, uninit);
    EXPECT_EQ(d.findings[0].entry, EntryPoint::Uninitialize);
    EXPECT_EQ(d.findings[0].bytes, 16u);
    EXPECT_EQ(d.findings[0].blocks, 1u);
    EXPECT_EQ(d.findings[0].sites, std::vector<std::string>{"init (m.c:5)"});
}

TEST(HeapLedger, UnloadClean_NoFinding)
{
    Driver d;
    EventId init = d.start(EntryPoint::Initialize, ContextId{});
    d.alloc(init, 0x9000, 16);
    d.finish(init);
    EventId uninit = d.start(EntryPoint::Uninitialize, ContextId{});
    d.free(uninit, 0x9000);
    d.finish(uninit);
    EXPECT_EQ(d.rules(), Rules{});
}

TEST(HeapLedger, SidesKeepTheirOwnAddressSpaces)
{
    Driver d;
    ContextId a = d.context(Side::Authenticator, 1);
    ContextId p = d.context(Side::Peer, 1);
    EventId beginA = d.start(EntryPoint::Begin, a, Side::Authenticator);
    d.alloc(beginA, 0x1000, 64);
    d.finish(beginA, 0x1000);
    EventId beginP = d.start(EntryPoint::Begin, p, Side::Peer);
    d.alloc(beginP, 0x1000, 48);
    d.finish(beginP, 0x1000);
    EventId endP = d.start(EntryPoint::End, p, Side::Peer);
    d.free(endP, 0x1000);
    d.finish(endP);
    EventId endA = d.start(EntryPoint::End, a, Side::Authenticator);
    d.free(endA, 0x1000);
    d.finish(endA);
    EXPECT_EQ(d.rules(), Rules{});
    EXPECT_EQ(d.ledger.summary(a).workBufferSize, 64u);
    EXPECT_EQ(d.ledger.summary(p).workBufferSize, 48u);
}

TEST(HeapLedger, WorkBufferLinked_WhenBeginIsReportedBeforeItsHeapRows)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    d.ledger.onBegin(d.trace, one, 0x1000);
    EventId begin = d.start(EntryPoint::Begin, one);
    d.alloc(begin, 0x1000, 40);
    EXPECT_EQ(d.ledger.summary(one).workBufferSize, 40u);
    EXPECT_EQ(d.ledger.summary(one).workBufferAllocCall, begin);
}

TEST(HeapLedger, Rebuild_ReplaysSummariesAndBlocksOfAStoredTrace)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    ContextId two = d.context(Side::Authenticator, 2);
    beginWithTwoBlocks(d, one);
    beginWithTwoBlocks(d, two, 0x100000);
    EventId end = d.start(EntryPoint::End, one);
    d.free(end, 0x1000);
    d.finish(end);
    EventId end2 = d.start(EntryPoint::End, two);
    d.free(end2, 0x101000);
    d.free(end2, 0x102000);
    d.finish(end2);

    HeapLedger rebuilt = HeapLedger::rebuild(d.trace);
    for (ContextId ctx : {one, two}) {
        ContextHeapSummary live = d.ledger.summary(ctx), replay = rebuilt.summary(ctx);
        EXPECT_EQ(replay.workBufferAddress, live.workBufferAddress);
        EXPECT_EQ(replay.workBufferSize, live.workBufferSize);
        EXPECT_EQ(replay.workBufferFreed, live.workBufferFreed);
        EXPECT_EQ(replay.leakedBytes, live.leakedBytes);
        EXPECT_EQ(replay.allocatedBytes, live.allocatedBytes);
        ASSERT_EQ(rebuilt.blocks(ctx).size(), d.ledger.blocks(ctx).size());
        for (std::size_t i = 0; i < rebuilt.blocks(ctx).size(); ++i)
            EXPECT_EQ(rebuilt.blocks(ctx)[i].leaked, d.ledger.blocks(ctx)[i].leaked);
    }
    EXPECT_EQ(rebuilt.summary(one).leakedBytes, 32u);
    EXPECT_EQ(rebuilt.summary(two).leakedBytes, 0u);
}

TEST(HeapLedger, Rebuild_AppliesEndAfterHeapRowsThatFollowTheCallEnd)
{
    Driver d;
    ContextId one = d.context(Side::Authenticator, 1);
    beginWithTwoBlocks(d, one);
    EventId end = d.start(EntryPoint::End, one);
    EventRow row = d.trace.row(end);
    row.kind = EventKind::CallEnd;
    row.call = end;
    d.trace.append(row);
    for (std::uint64_t address : {0x1000u, 0x2000u}) {  // heap rows after the CallEnd
        EventRow f;
        f.kind = EventKind::HeapFree;
        f.side = Side::Authenticator;
        f.context = one;
        f.call = end;
        f.a = address;
        d.trace.append(f);
    }
    HeapLedger rebuilt = HeapLedger::rebuild(d.trace);
    EXPECT_EQ(rebuilt.summary(one).leakedBytes, 0u);
    EXPECT_TRUE(rebuilt.summary(one).workBufferFreed);
    EXPECT_TRUE(rebuilt.summary(one).ended);
}

TEST(HeapLedger, RetainedBlocks_AreNotLeaksButARetainedWorkBufferStillIs)
{
    Driver d;
    ContextId ctx = d.context(Side::Authenticator, 1);
    EventId begin = d.start(EntryPoint::Begin, ctx);
    d.alloc(begin, 0x1000, 64);
    d.alloc(begin, 0x5000, 4096, "lazy_init (libcrypto)");
    d.alloc(begin, 0x6000, 10, "leak (m.c:3)");
    d.finish(begin, 0x1000);
    EventId end = d.start(EntryPoint::End, ctx);
    d.free(end, 0x5000, kHeapAuxRetained);
    d.free(end, 0x1000, kHeapAuxRetained);
    d.finish(end);

    ASSERT_EQ(d.rules(), (Rules{"WORKBUFFER_NOT_FREED", "HEAP_LEAK"}));
    EXPECT_EQ(d.findings[1].bytes, 10u);
    EXPECT_EQ(d.findings[1].blocks, 1u);
    ContextHeapSummary s = d.ledger.summary(ctx);
    EXPECT_EQ(s.leakedBytes, 74u);
    EXPECT_EQ(s.liveBytes, 64u + 4096u + 10u);
    auto blocks = d.ledger.blocks(ctx);
    EXPECT_TRUE(blocks[1].retained);
    EXPECT_FALSE(blocks[1].leaked);
    EXPECT_FALSE(blocks[1].freeEvent.valid());
}

TEST(HeapLedger, OnlyRetainedBlocksLeft_NoFinding)
{
    Driver d;
    ContextId ctx = d.context(Side::Peer, 1);
    EventId begin = d.start(EntryPoint::Begin, ctx, Side::Peer);
    d.alloc(begin, 0x1000, 64);
    d.alloc(begin, 0x5000, 72);
    d.finish(begin, 0x1000);
    EventId end = d.start(EntryPoint::End, ctx, Side::Peer);
    d.free(end, 0x1000);
    d.free(end, 0x5000, kHeapAuxRetained);
    d.finish(end);
    EXPECT_EQ(d.rules(), Rules{});
    EXPECT_EQ(d.ledger.summary(ctx).leakedBytes, 0u);
}

TEST(HeapLedger, AnomalyNamesMapToRowAux)
{
    EXPECT_EQ(heapAuxFromAnomaly(""), kHeapAuxNone);
    EXPECT_EQ(heapAuxFromAnomaly("DOUBLE_FREE"), kHeapAuxDoubleFree);
    EXPECT_EQ(heapAuxFromAnomaly("INVALID_FREE"), kHeapAuxInvalidFree);
    EXPECT_EQ(heapAuxFromAnomaly("USE_AFTER_FREE"), kHeapAuxWriteAfterFree);
    EXPECT_EQ(heapAuxFromAnomaly("WRITE_AFTER_FREE"), kHeapAuxWriteAfterFree);
    EXPECT_EQ(heapAuxFromAnomaly("RETAINED"), kHeapAuxRetained);
}

}  // namespace
}  // namespace eapscope
