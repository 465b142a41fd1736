// The level-of-detail pass on synthetic traces, printed as a character picture (timeline_lod.h
// legend) and compared with the picture expected — no window involved.
#include "timeline/timeline_lod.h"
#include "synthetic_session.h"
#include "timeline/timeline_index.h"

#include <gtest/gtest.h>

#include <string>

namespace eapscope::ui {
namespace {

using testing::SessionBuilder;

std::string picture(const Trace& trace, TimeRange range, double width, const LodOptions& options = {})
{
    TimelineIndex index;
    index.update(trace, trace.size());
    const TimelineLod lod = computeLod(index, TimeMapping(range, width), 0, 100, options);
    return lodToText(lod, index);
}

TEST(TimelineLod, SmallSessionOnePixelPerNanosecond)
{
    // Each side's instance lane comes before its contexts; the leaked peer block and the live
    // chart run to the end of the session (the Uninitialize at 35 ns), freed blocks stop.
    const std::string expected =
        "A1 calls   |B.......M...........E...................|\n"
        "A1 wb      |#######################.................|\n"
        "A1 blocks0 |.........============...................|\n"
        "A1 packets |..........>.............................|\n"
        "A1 live    |.77777777999999999999970000000000000....|\n"
        "Pi calls   |...................................U....|\n"
        "P1 calls   |...B........M............E..............|\n"
        "P1 wb      |...########################.............|\n"
        "P1 blocks0 |.............xxxxxxxxxxxxxxxxxxxxxx.....|\n"
        "P1 findings|............................!...........|\n"
        "P1 live    |....77777777799999999999999222222222....|\n";
    EXPECT_EQ(picture(testing::makeSmallSession(), {0, 40}, 40), expected);
}

TEST(TimelineLod, ZoomedInShowsOnlyTheVisibleWindow)
{
    const std::string expected =
        "A1 calls   |M...........E.......|\n"
        "A1 wb      |###############.....|\n"
        "A1 blocks0 |.============.......|\n"
        "A1 packets |..>.................|\n"
        "A1 live    |79999999999999700000|\n"
        "P1 calls   |....M............E..|\n"
        "P1 wb      |###################.|\n"
        "P1 blocks0 |.....xxxxxxxxxxxxxxx|\n"
        "P1 live    |77777999999999999992|\n";
    EXPECT_EQ(picture(testing::makeSmallSession(), {8, 28}, 20), expected);
}

/// 300 quick MakeMessage calls with a 3 ns block each, at 1 µs per pixel: they fold.
Trace denseSession()
{
    Trace trace;
    SessionBuilder b(trace);
    const ContextId a = b.context(Side::Authenticator, 1);
    EventId s = b.callStart(0, a, EntryPoint::Begin);
    b.alloc(100, a, 0xA000, 512);
    b.callEnd(200, s, 0xA000);
    for (std::uint64_t k = 0; k < 300; ++k) {
        const std::uint64_t t = 5000 + 20 * k;
        s = b.callStart(t, a, EntryPoint::MakeMessage);
        b.alloc(t + 1, a, 0xB000 + k * 0x10, 16);
        b.free(t + 4, a, 0xB000 + k * 0x10);
        b.callEnd(t + 5, s);
    }
    s = b.callStart(20000, a, EntryPoint::MakeMessage);
    b.alloc(20000, a, 0xC000, 4096);  // never freed
    b.callEnd(20100, s);
    s = b.callStart(30000, a, EntryPoint::End);
    b.free(30001, a, 0xA000);
    b.callEnd(30002, s);
    b.finding(30003, a, "HEAP_LEAK", Severity::Error);
    b.finding(30004, a, "SLOW_CALL", Severity::Warning);
    b.instanceCall(39000, Side::Authenticator, EntryPoint::Uninitialize);
    return trace;
}

TEST(TimelineLod, DenseCallsAndBlocksFoldIntoBuckets)
{
    // m: a folded bucket of MakeMessage calls; ~: a folded run of freed blocks; the finding
    // bucket shows its worst severity.
    const std::string expected =
        "Ai calls   |.......................................U|\n"
        "A1 calls   |B....m..m...........M.........E.........|\n"
        "A1 wb      |###############################.........|\n"
        "A1 blocks0 |.....~~~~~~.........xxxxxxxxxxxxxxxxxxx.|\n"
        "A1 findings|..............................!.........|\n"
        "A1 live    |1111111111111111111199999999999888888888|\n";
    EXPECT_EQ(picture(denseSession(), {0, 40000}, 40), expected);
}

TEST(TimelineLod, BucketsCarryCountsAndTheFirstEvent)
{
    const Trace trace = denseSession();
    TimelineIndex index;
    index.update(trace, trace.size());
    const TimelineLod lod = computeLod(index, TimeMapping({0, 40000}, 40), 0, 10);
    ASSERT_EQ(lod.lanes.size(), 2u);
    const LodLane& lane = lod.lanes[1];
    ASSERT_EQ(lane.calls.size(), 5u);
    EXPECT_EQ(lane.calls[1].count + lane.calls[2].count, 300u);
    EXPECT_EQ(trace.row(lane.calls[1].event).timeNs, 5000u);
    EXPECT_EQ(lane.findings.size(), 1u);
    EXPECT_EQ(lane.findings[0].count, 2u);
    ASSERT_EQ(lane.blocks.size(), 3u);
    EXPECT_EQ(lane.blocks[0].count + lane.blocks[1].count, 300u);
    EXPECT_EQ(lane.blocks[2].bytes, 4096u);
    EXPECT_NEAR(lane.blocks[2].x1, 39.0, 1e-9);  // the leak runs to the end of the session
}

TEST(TimelineLod, OutputFollowsPixelsNotEvents)
{
    Trace trace;
    SessionBuilder b(trace);
    const ContextId a = b.context(Side::Authenticator, 1);
    for (std::uint64_t k = 0; k < 100000; ++k) {
        const EventId s = b.callStart(k * 100, a, EntryPoint::MakeMessage);
        b.alloc(k * 100 + 1, a, 0x1000 + k * 16, 8);
        b.free(k * 100 + 50, a, 0x1000 + k * 16);
        b.callEnd(k * 100 + 60, s);
    }
    TimelineIndex index;
    index.update(trace, trace.size());
    const double width = 600;
    const TimelineLod lod = computeLod(index, TimeMapping::fit(index.contentRange(), width), 0, 1);
    ASSERT_EQ(lod.lanes.size(), 1u);
    const std::size_t bound = static_cast<std::size_t>(width / LodOptions{}.foldPx) + 4;
    EXPECT_LE(lod.lanes[0].calls.size(), bound);
    EXPECT_LE(lod.lanes[0].blocks.size(), bound);
    std::uint64_t calls = 0;
    for (const LodMark& mark : lod.lanes[0].calls) {
        calls += mark.count;
    }
    EXPECT_EQ(calls, 100000u);  // folded, not dropped
}

TEST(TimelineLod, IncrementalIndexMatchesAFullOne)
{
    testing::SyntheticOptions options;
    options.pairs = 4;
    options.rounds = 5;
    options.leakEvery = 2;
    options.workBufferLeakEvery = 3;
    const Trace trace = makeSyntheticSession(options);
    TimelineIndex full;
    full.update(trace, trace.size());
    TimelineIndex grown;
    for (std::size_t events = 0; events < trace.size(); events += 37) {
        grown.update(trace, events);
    }
    grown.update(trace, trace.size());
    const TimeMapping mapping = TimeMapping::fit(full.contentRange(), 120);
    const std::string expected = lodToText(computeLod(full, mapping, 0, 100), full);
    EXPECT_EQ(lodToText(computeLod(grown, mapping, 0, 100), grown), expected);
    EXPECT_NE(expected.find('x'), std::string::npos);
    // Step back: a shorter trace re-indexes, and growing again gives the same picture.
    grown.update(trace, trace.size() / 2);
    EXPECT_EQ(grown.indexedEvents(), trace.size() / 2);
    grown.update(trace, trace.size());
    EXPECT_EQ(lodToText(computeLod(grown, mapping, 0, 100), grown), expected);
}

TEST(TimelineLod, LedgerBlocksReplacePairedOnes)
{
    const Trace trace = testing::makeSmallSession();
    TimelineIndex index;
    index.update(trace, trace.size());
    // The ledger's verdict first says the peer's 32-byte block is live, then that it leaked.
    std::vector<TimelineBlock> blocks = {
        {0xA000, 256, EventId(1), EventId(15), ContextId(0), Side::Authenticator, false},
        {0xA100, 64, EventId(7), EventId(14), ContextId(0), Side::Authenticator, false},
        {0xB000, 128, EventId(4), EventId(18), ContextId(1), Side::Peer, false},
        {0xB100, 32, EventId(11), EventId(), ContextId(1), Side::Peer, false},
    };
    ASSERT_EQ(trace.kinds()[11], EventKind::HeapAlloc);
    ASSERT_EQ(trace.kinds()[14], EventKind::HeapFree);
    index.setBlocks(trace, blocks);
    const std::string text = lodToText(computeLod(index, TimeMapping({0, 40}, 40), 0, 10), index);
    EXPECT_NE(text.find("P1 blocks0 |.............----------------------.....|"), std::string::npos) << text;
    blocks[3].leaked = true;
    index.setBlocks(trace, blocks);
    const std::string leaked = lodToText(computeLod(index, TimeMapping({0, 40}, 40), 0, 10), index);
    EXPECT_NE(leaked.find("P1 blocks0 |.............xxxxxxxxxxxxxxxxxxxxxx.....|"), std::string::npos)
        << leaked;
}

TEST(TimelineLod, PacketsPointAtTheReceivingLane)
{
    const Trace trace = testing::makeSmallSession();
    TimelineIndex index;
    index.update(trace, trace.size());
    const TimelineLod lod = computeLod(index, TimeMapping({0, 40}, 40), 0, 10);
    const LodLane& a1 = lod.lanes[0];
    ASSERT_EQ(a1.packets.size(), 1u);
    EXPECT_EQ(a1.packets[0].targetDisplay, 2);      // Pi is 1, P1 is 2
    EXPECT_DOUBLE_EQ(a1.packets[0].targetX, 12.0);  // the peer's MakeMessage took it at 12 ns
    EXPECT_EQ(index.lanes()[static_cast<std::size_t>(lod.lanes[2].lane)].shortName, "P1");
}

}  // namespace
}  // namespace eapscope::ui
