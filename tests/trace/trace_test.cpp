#include "trace/trace.h"

#include <gtest/gtest.h>

#include <array>

using namespace eapscope;

namespace {
EventRow callStart(std::uint64_t t, ContextId ctx)
{
    EventRow r;
    r.timeNs = t;
    r.kind = EventKind::CallStart;
    r.side = Side::Peer;
    r.entry = EntryPoint::MakeMessage;
    r.context = ctx;
    return r;
}
}  // namespace

TEST(Trace, AppendedRowReadsBackColumnByColumn)
{
    Trace trace;
    const std::array<std::uint8_t, 5> bytes{1, 2, 0, 5, 4};
    EventRow r = callStart(10, ContextId(0));
    r.packet = trace.addPacket(bytes);
    r.text = trace.intern("hello");
    r.a = 0xdead;
    r.b = 7;
    const EventId id = trace.append(r);
    EXPECT_EQ(trace.row(id), r);
    EXPECT_EQ(trace.string(trace.row(id).text), "hello");
    EXPECT_EQ(trace.packet(r.packet).size(), 5u);
    EXPECT_EQ(trace.packet(r.packet)[3], 5);
    EXPECT_EQ(trace.kinds()[0], EventKind::CallStart);
}

TEST(Trace, InterningReturnsTheSameIdAndZeroIsEmpty)
{
    Trace trace;
    EXPECT_EQ(trace.string(StringId(0)), "");
    EXPECT_EQ(trace.intern("a"), trace.intern("a"));
    EXPECT_NE(trace.intern("a"), trace.intern("b"));
}

TEST(Trace, LowerBoundFindsFirstEventAtOrAfterTime)
{
    Trace trace;
    for (std::uint64_t t : {1, 5, 5, 9}) {
        trace.append(callStart(t, ContextId()));
    }
    EXPECT_EQ(trace.lowerBound(5).value(), 1u);
    EXPECT_EQ(trace.lowerBound(6).value(), 3u);
    EXPECT_EQ(trace.lowerBound(10).value(), 4u);
}

TEST(Trace, TruncateDropsLaterEventsContextsFindingsAndPackets)
{
    Trace trace;
    const std::array<std::uint8_t, 4> bytes{3, 1, 0, 4};
    EventRow first = callStart(1, ContextId());
    first.packet = trace.addPacket(bytes);
    trace.append(first);
    const ContextId ctx = trace.addContext({Side::Peer, 1, EventId(1), {}});
    EventRow second = callStart(2, ctx);
    second.packet = trace.addPacket(bytes);
    trace.append(second);
    FindingRecord f;
    f.rule = "HEAP_LEAK";
    f.context = ctx;
    trace.addFinding(f, 3);
    ASSERT_EQ(trace.size(), 3u);

    trace.truncate(1);
    EXPECT_EQ(trace.size(), 1u);
    EXPECT_TRUE(trace.contexts().empty());
    EXPECT_TRUE(trace.findings().empty());
    EXPECT_EQ(trace.packetCount(), 1u);
}

TEST(Trace, FindingAppendsItsEventWithRuleText)
{
    Trace trace;
    FindingRecord f;
    f.rule = "CRASH";
    f.side = Side::Authenticator;
    f.signal = 11;
    const FindingId id = trace.addFinding(f, 42);
    const EventRow row = trace.row(trace.finding(id).event);
    EXPECT_EQ(row.kind, EventKind::Finding);
    EXPECT_EQ(trace.string(row.text), "CRASH");
    EXPECT_EQ(row.aux, id.value());
    EXPECT_EQ(trace.finding(id).signal, 11);
}

TEST(Trace, EqualityComparesResolvedStringsNotTheirIds)
{
    Trace x;
    Trace y;
    y.intern("unrelated");  // shifts y's string ids
    EventRow rx = callStart(1, ContextId());
    rx.text = x.intern("same");
    x.append(rx);
    EventRow ry = callStart(1, ContextId());
    ry.text = y.intern("same");
    y.append(ry);
    EXPECT_TRUE(x == y);
    EventRow other = callStart(2, ContextId());
    y.append(other);
    EXPECT_FALSE(x == y);
}
