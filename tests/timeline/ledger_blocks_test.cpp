// The heap ledger's verdicts drive the timeline's blocks (timeline/ledger_blocks.h).
#include "timeline/ledger_blocks.h"
#include "analysis/heap_ledger.h"
#include "synthetic_session.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_lod.h"

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

TEST(TimelineLedgerBlocks, LedgerLeakVerdictsShowAsLeaks)
{
    const Trace trace = testing::makeSmallSession();
    const HeapLedger ledger = HeapLedger::rebuild(trace);
    const std::vector<TimelineBlock> blocks = timelineBlocks(ledger, trace);
    ASSERT_EQ(blocks.size(), 4u);
    TimelineIndex paired;
    paired.update(trace, trace.size());
    TimelineIndex fromLedger;
    fromLedger.setBlocks(trace, blocks);
    fromLedger.update(trace, trace.size());
    const TimeMapping mapping({0, 40}, 40);
    // The ledger and the timeline's own pairing agree on this session: same picture.
    EXPECT_EQ(lodToText(computeLod(fromLedger, mapping, 0, 10), fromLedger),
              lodToText(computeLod(paired, mapping, 0, 10), paired));
    const auto leaked =
        std::count_if(blocks.begin(), blocks.end(), [](const TimelineBlock& b) { return b.leaked; });
    EXPECT_EQ(leaked, 1);
}

// Opening a session gives the index the ledger's blocks before it indexes (issue 13: one pass);
// the lanes must be exactly those of indexing first and replacing the paired blocks after, as
// the window did before: blocks, their rows, the work buffer and the live-bytes series.
TEST(TimelineLedgerBlocks, BlocksGivenBeforeIndexingEqualBlocksGivenAfter)
{
    testing::SyntheticOptions options;
    options.pairs = 40;
    options.rounds = 40;  // past RangePyramid::kScanBelow in every lane
    options.workBufferLeakEvery = 3;
    const Trace trace = testing::makeSyntheticSession(options);
    const std::vector<TimelineBlock> blocks = timelineBlocks(HeapLedger::rebuild(trace), trace);
    TimelineIndex after;
    after.update(trace, trace.size());
    after.setBlocks(trace, blocks);
    TimelineIndex before;
    before.setBlocks(trace, blocks);
    before.update(trace, trace.size());
    ASSERT_EQ(before.lanes().size(), after.lanes().size());
    for (std::size_t l = 0; l < after.lanes().size(); ++l) {
        const TimelineLane& a = after.lanes()[l];
        const TimelineLane& b = before.lanes()[l];
        ASSERT_EQ(b.blocks.size(), a.blocks.size()) << a.label;
        for (std::size_t k = 0; k < a.blocks.size(); ++k) {
            EXPECT_EQ(b.blocks[k].block, a.blocks[k].block) << a.label << " block " << k;
            EXPECT_EQ(b.blocks[k].workBuffer, a.blocks[k].workBuffer);
            EXPECT_EQ(b.blocks[k].start(trace), a.blocks[k].start(trace));
            EXPECT_EQ(b.blocks[k].end(trace), a.blocks[k].end(trace));
        }
        EXPECT_EQ(b.workBufferBlock, a.workBufferBlock) << a.label;
        ASSERT_EQ(b.rows.size(), a.rows.size()) << a.label;
        for (std::size_t r = 0; r < a.rows.size(); ++r) {
            EXPECT_EQ(b.rows[r].starts, a.rows[r].starts);
            EXPECT_EQ(b.rows[r].ends, a.rows[r].ends);
            EXPECT_EQ(b.rows[r].blocks, a.rows[r].blocks);
        }
        EXPECT_EQ(b.liveTimes, a.liveTimes) << a.label;
        ASSERT_EQ(b.livePeak.size(), a.livePeak.size());
        for (std::size_t k = 0; k < a.livePeak.size(); ++k) {
            EXPECT_EQ(b.livePeak.value(k), a.livePeak.value(k));
        }
        EXPECT_EQ(b.livePeak.query(0, b.livePeak.size(), 0), a.livePeak.query(0, a.livePeak.size(), 0));
    }
    const TimeMapping mapping({0, after.endTime()}, 1600);
    EXPECT_EQ(lodToText(computeLod(before, mapping, 0, 40), before),
              lodToText(computeLod(after, mapping, 0, 40), after));
}

}  // namespace
}  // namespace eapscope::ui
