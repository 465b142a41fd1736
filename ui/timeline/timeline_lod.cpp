#include "timeline/timeline_lod.h"

#include "timeline/timeline_index.h"

#include <algorithm>
#include <cmath>

namespace eapscope::ui {
namespace {

/// The first whole ns whose pixel is at or after plot x.
std::int64_t ceilTime(const AxisMapping& mapping, double x)
{
    return mapping.toTimeCeil(x);
}

struct Window {
    std::int64_t first = 0;  // earliest time that can show
    std::int64_t last = 0;   // latest time that can show
    std::int64_t sessionEnd = 0;
    double foldPx = 3.0;
};

/// One bucket per run of items closer than foldPx: one binary search per bucket, never a scan.
std::vector<LodMark> foldMarks(const PointSeries& series, const AxisMapping& mapping, const Window& window)
{
    std::vector<LodMark> marks;
    const auto& times = series.times;
    auto it = std::lower_bound(times.begin(), times.end(), window.first);
    while (it != times.end() && *it <= window.last) {
        const double x = mapping.toPixel(*it);
        const std::int64_t bucketEnd = std::max(ceilTime(mapping, x + window.foldPx), *it + 1);
        const auto next = std::lower_bound(it, times.end(), bucketEnd);
        const auto first = static_cast<std::size_t>(it - times.begin());
        const auto end = static_cast<std::size_t>(next - times.begin());
        LodMark mark;
        mark.x = x;
        mark.x1 = mapping.toPixel(times[end - 1]);
        mark.count = static_cast<std::uint32_t>(end - first);
        mark.bits = series.bits.query(first, end, 0u);
        mark.event = series.events[first];
        mark.slot = first;
        marks.push_back(mark);
        it = next;
    }
    return marks;
}

LodSpan spanOf(const AxisMapping& mapping, std::int64_t start, std::int64_t end, std::uint32_t row)
{
    LodSpan span;
    span.x0 = mapping.toPixel(start);
    span.x1 = mapping.toPixel(end);
    span.row = row;
    return span;
}

/// Blocks of one row (never overlapping, so sorted by start and end alike). A block at least
/// foldPx wide is its own span; narrower neighbours starting within foldPx fold into one run.
void foldRow(const TimelineLane& lane, const BlockRow& row, std::uint32_t rowIndex,
             const AxisMapping& mapping, const Window& window, std::vector<LodSpan>& out)
{
    const std::size_t n = row.starts.size();
    auto i = static_cast<std::size_t>(std::lower_bound(row.ends.begin(), row.ends.end(), window.first) -
                                      row.ends.begin());
    const auto endOf = [&](std::size_t k) { return std::min(row.ends[k], window.sessionEnd); };
    while (i < n && row.starts[i] <= window.last) {
        LodSpan span = spanOf(mapping, row.starts[i], endOf(i), rowIndex);
        const LaneBlock& block = lane.blocks[row.blocks[i]];
        if (span.x1 - span.x0 >= window.foldPx) {
            span.flags = block.flag();
            span.event = block.block.allocEvent;
            span.bytes = block.block.size;
            out.push_back(span);
            ++i;
            continue;
        }
        const std::int64_t bucketEnd =
            std::max(ceilTime(mapping, span.x0 + window.foldPx), row.starts[i] + 1);
        auto j =
            static_cast<std::size_t>(std::lower_bound(row.starts.begin() + static_cast<std::ptrdiff_t>(i),
                                                      row.starts.end(), bucketEnd) -
                                     row.starts.begin());
        // Only the run's last block can be wide (it ends past the bucket): it stays separate.
        if (j - i > 1 &&
            mapping.toPixel(endOf(j - 1)) - mapping.toPixel(row.starts[j - 1]) >= window.foldPx) {
            --j;
        }
        span.x1 = std::max(mapping.toPixel(endOf(j - 1)), span.x0 + 1.0);
        span.count = static_cast<std::uint32_t>(j - i);
        span.flags = row.flags.query(i, j, std::uint8_t{0});
        span.event = block.block.allocEvent;
        span.bytes = span.count == 1 ? block.block.size : 0;
        out.push_back(span);
        i = j;
    }
}

void workBufferSpans(const TimelineIndex& index, const TimelineLane& lane, const AxisMapping& mapping,
                     LodLane& out)
{
    if (lane.beginTime < 0 || lane.workBuffer == 0) {
        return;
    }
    LodSpan bar = spanOf(mapping, lane.beginTime, lane.ended() ? lane.endTime : index.endTime(), 0);
    bar.event = lane.beginCall;
    bar.flags = kBlockLive;
    if (lane.workBufferBlock >= 0) {
        const LaneBlock& block = lane.blocks[static_cast<std::size_t>(lane.workBufferBlock)];
        bar.bytes = block.block.size;
        bar.flags = block.flag();
        if (block.block.leaked && lane.ended()) {
            LodSpan tail = spanOf(mapping, lane.endTime, index.endTime(), 0);
            tail.event = block.block.allocEvent;
            tail.flags = kBlockLeaked;
            tail.bytes = block.block.size;
            out.leakTail = tail;
        }
    }
    out.workBuffer = bar;
}

/// Per plot column: the most bytes live at any time in it (one binary search per column).
void liveColumns(const TimelineLane& lane, const AxisMapping& mapping, std::int64_t sessionEnd, LodLane& out)
{
    const auto& times = lane.liveTimes;
    const std::size_t n = times.size();
    out.livePeak = lane.livePeak.query(0, n, std::uint64_t{0});
    if (n == 0 || out.livePeak == 0) {
        return;
    }
    const auto columns = static_cast<std::size_t>(std::ceil(mapping.width()));
    out.live.assign(columns, -1.0f);
    const double peak = static_cast<double>(out.livePeak);
    std::size_t k = static_cast<std::size_t>(
        std::lower_bound(times.begin(), times.end(), mapping.toTime(0.0)) - times.begin());
    for (std::size_t c = 0; c < columns; ++c) {
        const std::int64_t from = mapping.toTime(static_cast<double>(c));
        const std::int64_t to = mapping.toTime(static_cast<double>(c + 1));
        if (from > sessionEnd) {
            break;
        }
        const auto next = static_cast<std::size_t>(
            std::lower_bound(times.begin() + static_cast<std::ptrdiff_t>(k), times.end(), to) -
            times.begin());
        if (next == 0) {
            continue;  // before the first allocation
        }
        const std::uint64_t carried = k > 0 ? lane.livePeak.value(k - 1) : 0;
        const std::uint64_t most = std::max(carried, lane.livePeak.query(k, next, std::uint64_t{0}));
        out.live[c] = static_cast<float>(static_cast<double>(most) / peak);
        k = next;
    }
}

LodLane lodLane(const TimelineIndex& index, const AxisMapping& mapping, int display, const Window& window,
                const LodOptions& options)
{
    LodLane out;
    out.display = display;
    out.lane = index.displayOrder()[static_cast<std::size_t>(display)];
    const TimelineLane& lane = index.lanes()[static_cast<std::size_t>(out.lane)];
    out.calls = foldMarks(lane.calls, mapping, window);
    out.findings = foldMarks(lane.findings, mapping, window);
    out.packets = foldMarks(lane.packets, mapping, window);
    for (LodMark& packet : out.packets) {
        packet.targetDisplay = index.displayPosition(index.packetTarget(lane, packet.slot));
        packet.targetX = mapping.toPixel(lane.packetReceived[packet.slot]);
    }
    for (std::size_t r = 0; r < lane.rows.size(); ++r) {
        foldRow(lane, lane.rows[r], static_cast<std::uint32_t>(r), mapping, window, out.blocks);
    }
    out.rowCount = static_cast<std::uint32_t>(lane.rows.size());
    workBufferSpans(index, lane, mapping, out);
    if (options.liveChart) {
        liveColumns(lane, mapping, window.sessionEnd, out);
    }
    return out;
}

}  // namespace

TimelineLod computeLod(const TimelineIndex& index, const AxisMapping& mapping, int firstDisplay, int count,
                       const LodOptions& options)
{
    TimelineLod lod;
    lod.mapping = mapping;
    lod.endX = mapping.toPixel(index.endTime());
    lod.callSteps = index.stepAxisCountsCalls();
    Window window;
    window.foldPx = std::max(1.0, options.foldPx);
    window.first = mapping.toTime(-window.foldPx);
    window.last = mapping.toTime(mapping.width() + window.foldPx);
    window.sessionEnd = index.endTime();
    const int lanes = static_cast<int>(index.displayOrder().size());
    const int first = std::clamp(firstDisplay, 0, lanes);
    const int last = std::clamp(first + std::max(0, count), first, lanes);
    lod.lanes.reserve(static_cast<std::size_t>(last - first));
    for (int display = first; display < last; ++display) {
        lod.lanes.push_back(lodLane(index, mapping, display, window, options));
    }
    return lod;
}

}  // namespace eapscope::ui
