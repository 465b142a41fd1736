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

}  // namespace
}  // namespace eapscope::ui
