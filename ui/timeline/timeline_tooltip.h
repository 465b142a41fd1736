// The hover text for one timeline item (call, packet, heap block, finding), from the trace.
#pragma once

#include "common/strong_id.h"

#include <QString>

namespace eapscope {
class Trace;
}

namespace eapscope::ui {

class TimelineIndex;

/// Empty for rows the timeline does not draw.
QString timelineToolTip(const Trace& trace, const TimelineIndex& index, EventId event);

/// "1.250 ms" style: ns with a unit that keeps 3 significant decimals.
QString formatTimelineTime(std::uint64_t ns);

}  // namespace eapscope::ui
