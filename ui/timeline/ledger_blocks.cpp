#include "timeline/ledger_blocks.h"

#include "analysis/heap_ledger.h"
#include "trace/trace.h"

namespace eapscope::ui {
namespace {

void append(const std::vector<BlockInfo>& blocks, Side contextSide, std::vector<TimelineBlock>& out)
{
    for (const BlockInfo& block : blocks) {
        const Side side = block.side != Side::None ? block.side : contextSide;
        out.push_back({block.address, block.size, block.allocEvent, block.freeEvent, block.context, side,
                       block.leaked});
    }
}

}  // namespace

std::vector<TimelineBlock> timelineBlocks(const HeapLedger& ledger, const Trace& trace)
{
    std::vector<TimelineBlock> out;
    for (std::uint32_t c = 0; c < trace.contexts().size(); ++c) {
        append(ledger.blocks(ContextId(c)), trace.contexts()[c].side, out);
    }
    append(ledger.blocks(ContextId()), Side::None, out);
    out.shrink_to_fit();  // the timeline keeps this list as long as the session is shown
    return out;
}

}  // namespace eapscope::ui
