// The heap ledger's blocks (core/analysis/heap_ledger.h) as TimelineView::setHeapBlocks takes
// them.
#pragma once

#include "timeline/timeline_block.h"

#include <vector>

namespace eapscope {
class HeapLedger;
class Trace;
}  // namespace eapscope

namespace eapscope::ui {

/// Every block of every context of `trace`, then the instance-owned ones, with the ledger's
/// leak verdicts.
std::vector<TimelineBlock> timelineBlocks(const HeapLedger& ledger, const Trace& trace);

}  // namespace eapscope::ui
