// The level-of-detail pass (Tracy's TimelineItem "what is visible, folded"): given the index and
// an AxisMapping (time or step axis), list what each visible lane shows, with everything narrower than foldPx folded
// into one bucket per few pixels. Each bucket costs one binary search and one pyramid query, so
// the output — and the time to compute it — follows the pixels, not the number of events.
// Separate from painting so it is tested without a window (lodToText draws it as characters).
#pragma once

#include "common/strong_id.h"
#include "timeline/axis_mapping.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope::ui {

class TimelineIndex;

/// An instant (call tick, packet, finding) or a folded bucket of them.
struct LodMark {
    double x = 0;   // first item
    double x1 = 0;  // last item (== x for a single one)
    std::uint32_t count = 1;
    std::uint32_t bits = 0;  // OR of the items' bits (entry points, severities)
    EventId event;           // the first item: what a click selects
    std::size_t slot = 0;    // the first item's position in its lane series
    // Packets: the receiving lane (display position, -1 unknown) and where its call took it.
    int targetDisplay = -1;
    double targetX = 0;
};

/// A heap block, a folded run of blocks, or the work-buffer bar.
struct LodSpan {
    double x0 = 0;
    double x1 = 0;
    std::uint32_t row = 0;
    std::uint32_t count = 1;
    std::uint8_t flags = 0;   // kBlock* OR-ed over the run
    EventId event;            // alloc row of the first block (work buffer: Begin's CallStart)
    std::uint64_t bytes = 0;  // the block's size (folded runs: 0)
};

struct LodLane {
    int display = 0;  // position from the top
    int lane = 0;     // into TimelineIndex::lanes()
    std::vector<LodMark> calls;
    std::vector<LodMark> packets;
    std::vector<LodMark> findings;
    std::vector<LodSpan> blocks;
    std::optional<LodSpan> workBuffer;  // Begin → End (or the end of the session while open)
    std::optional<LodSpan> leakTail;    // End → end of session when the work buffer leaked
    std::uint32_t rowCount = 0;
    std::vector<float> live;  // per plot pixel column: max live bytes / the lane's peak, -1 = none
    std::uint64_t livePeak = 0;
};

struct LodOptions {
    double foldPx = 3.0;  // items closer than this fold into one bucket
    bool liveChart = true;
};

struct TimelineLod {
    AxisMapping mapping;
    double endX = 0;  // the end of the session
    bool callSteps = true;  // the step axis counts calls (false: packets, a session without calls)
    std::vector<LodLane> lanes;
};

/// The visible lanes [firstDisplay, firstDisplay + count) under `mapping`.
TimelineLod computeLod(const TimelineIndex& index, const AxisMapping& mapping, int firstDisplay, int count,
                       const LodOptions& options = {});

/// The LOD as a character picture, one line per non-empty track, one character per pixel:
///   calls    G I U B M E (one call; lowercase: a folded bucket of that entry point; * mixed)
///   wb       # work buffer Begin→End, x its leak past End
///   blocksN  = freed, - live, x leaked; a folded run: ~ (X if it holds a leak)
///   packets  > one packet, + folded
///   findings i w ! (info / warning / error; highest in a bucket)
///   live     0-9: live bytes in tenths of the lane's peak
std::string lodToText(const TimelineLod& lod, const TimelineIndex& index);

}  // namespace eapscope::ui
