// ShardMerger (engine/parallel_run.h): the shards of a `run --jobs` merge in order, with
// contexts, events, packets and strings renumbered, times never going backwards, and a finding
// about no context that an earlier shard already reported kept once.
#include "engine/shard_merger.h"
#include "engine/parallel_run.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

// One shard as an engine writes it: a run-level finding, then a context with a packet and a
// finding of its own, at times from 0.
Trace shard(std::uint32_t number, std::uint8_t packetByte)
{
    Trace trace;
    trace.addFinding(
        {.rule = "INIT_FAILED", .side = Side::Authenticator, .message = "RasEapInitialize failed"}, 10);
    EventRow created{.timeNs = 20, .kind = EventKind::State, .side = Side::Peer, .context = ContextId(0)};
    created.text = trace.intern("created");
    const EventId at = trace.append(created);
    trace.addContext({.side = Side::Peer, .number = number, .created = at});
    EventRow call{.timeNs = 30, .kind = EventKind::CallStart, .side = Side::Peer, .context = ContextId(0)};
    const EventId start = trace.append(call);
    const std::uint8_t bytes[] = {2, packetByte, 0, 4};
    EventRow packet{.timeNs = 40, .kind = EventKind::Packet, .side = Side::Peer, .context = ContextId(0)};
    packet.packet = trace.addPacket(bytes);
    packet.call = start;
    trace.append(packet);
    trace.addFinding({.rule = "HEAP_LEAK",
                      .side = Side::Peer,
                      .context = ContextId(0),
                      .call = start,
                      .message = "context " + std::to_string(number)},
                     50);
    return trace;
}

TEST(ShardMerger, SecondShardFollowsTheFirstRenumberedWithItsRunFindingOnce)
{
    Trace merged;
    ShardMerger merger(merged);
    merger.append(shard(1, 7));
    merger.append(shard(2, 9));

    ASSERT_EQ(merged.contexts().size(), 2u);
    EXPECT_EQ(merged.context(ContextId(1)).number, 2u);
    ASSERT_EQ(merged.findings().size(), 3u) << "INIT_FAILED once, one HEAP_LEAK per context";
    EXPECT_EQ(merged.findings()[0].rule, "INIT_FAILED");
    const FindingRecord& second = merged.findings()[2];
    EXPECT_EQ(second.context, ContextId(1));
    EXPECT_EQ(second.message, "context 2");
    EXPECT_EQ(merged.row(second.call).kind, EventKind::CallStart);
    EXPECT_EQ(merged.row(second.call).context, ContextId(1));
    EXPECT_EQ(merged.row(second.event).aux, 2u) << "the Finding row names its finding";
    EXPECT_EQ(merged.size(), 5u + 4u) << "the second shard's repeated INIT_FAILED row is dropped";
    EXPECT_TRUE(std::is_sorted(merged.times().begin(), merged.times().end()));
    EXPECT_EQ(merged.context(ContextId(1)).created.value(), 5u);
    const EventRow packet = merged.row(EventId(7));
    ASSERT_EQ(packet.kind, EventKind::Packet);
    EXPECT_EQ(merged.packet(packet.packet)[1], 9);
    EXPECT_EQ(merged.row(packet.call).kind, EventKind::CallStart);
    EXPECT_EQ(merged.string(merged.row(EventId(5)).text), "created");
}

TEST(ParallelRun, ShardSizesAreContiguousAndDifferByAtMostOne)
{
    EXPECT_EQ(shardSizes(5, 2), (std::vector<std::uint32_t>{3, 2}));
    EXPECT_EQ(shardSizes(4, 2), (std::vector<std::uint32_t>{2, 2}));
    EXPECT_EQ(shardSizes(3, 8), (std::vector<std::uint32_t>{1, 1, 1}));
    EXPECT_EQ(shardSizes(1, 1), (std::vector<std::uint32_t>{1}));
}

TEST(ParallelRun, JobsZeroAndUnsplittableOptionsAreRefusedWithTheReason)
{
    RunOptions options;
    options.jobs = 0;
    EXPECT_NE(checkJobs(options).error().find("at least 1"), std::string::npos);
    options.jobs = 1;
    options.interleave = true;
    options.inProcess = true;
    EXPECT_TRUE(checkJobs(options)) << "one job splits nothing";
    options.jobs = 3;
    EXPECT_NE(checkJobs(options).error().find("--interleave"), std::string::npos);
    options.interleave = false;
    EXPECT_NE(checkJobs(options).error().find("--in-process"), std::string::npos);
    options.inProcess = false;
    options.dropPacket = 3;
    EXPECT_NE(checkJobs(options).error().find("--drop-packet"), std::string::npos);
    options.dropPacket.reset();
    options.radius = "127.0.0.1:1812";
    EXPECT_NE(checkJobs(options).error().find("--radius"), std::string::npos);
    options.radius.reset();
    EXPECT_TRUE(checkJobs(options));
}

}  // namespace
}  // namespace eapscope
