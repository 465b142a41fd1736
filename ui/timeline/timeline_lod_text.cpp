// lodToText: the LOD pass drawn as characters, so a test reads like the picture it expects
// (hotspot's golden text); the legend is in timeline_lod.h.
#include "timeline/timeline_index.h"
#include "timeline/timeline_lod.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace eapscope::ui {
namespace {

constexpr char kEntryLetters[] = {'?', 'G', 'I', 'U', 'B', 'M', 'E'};

char callChar(const LodMark& mark)
{
    if (std::popcount(mark.bits) != 1) {
        return '*';
    }
    const auto entry = static_cast<std::size_t>(std::countr_zero(mark.bits));
    const char letter = entry < sizeof kEntryLetters ? kEntryLetters[entry] : '?';
    return mark.count == 1 ? letter : static_cast<char>(letter - 'A' + 'a');
}

char findingChar(const LodMark& mark)
{
    if (mark.bits & (1u << static_cast<unsigned>(Severity::Error))) {
        return '!';
    }
    return (mark.bits & (1u << static_cast<unsigned>(Severity::Warning))) ? 'w' : 'i';
}

char blockChar(const LodSpan& span)
{
    if (span.count > 1) {
        return (span.flags & kBlockLeaked) ? 'X' : '~';
    }
    if (span.flags & kBlockLeaked) {
        return 'x';
    }
    return (span.flags & kBlockLive) ? '-' : '=';
}

class Canvas {
public:
    explicit Canvas(std::size_t width) : row_(width, '.') {}

    void put(double x, char c)
    {
        if (x >= 0 && x < static_cast<double>(row_.size())) {
            row_[static_cast<std::size_t>(x)] = c;
        }
    }
    void fill(double x0, double x1, char c)
    {
        const double first = std::floor(x0);
        const double last = std::max(first, std::ceil(x1) - 1);
        for (double x = std::max(0.0, first); x <= last && x < static_cast<double>(row_.size()); ++x) {
            row_[static_cast<std::size_t>(x)] = c;
        }
    }
    [[nodiscard]] bool blank() const
    {
        return std::all_of(row_.begin(), row_.end(), [](char c) { return c == '.'; });
    }
    [[nodiscard]] const std::string& text() const { return row_; }

private:
    std::string row_;
};

void emit(std::string& out, const std::string& lane, const std::string& track, const Canvas& canvas)
{
    if (canvas.blank()) {
        return;
    }
    std::string name = lane + " " + track;
    name.resize(std::max<std::size_t>(name.size(), 11), ' ');
    out += name + "|" + canvas.text() + "|\n";
}

void laneText(const LodLane& lane, const TimelineIndex& index, std::size_t width, std::string& out)
{
    const std::string& name = index.lanes()[static_cast<std::size_t>(lane.lane)].shortName;
    Canvas calls(width);
    for (const LodMark& mark : lane.calls) {
        calls.put(mark.x, callChar(mark));
    }
    emit(out, name, "calls", calls);
    Canvas wb(width);
    if (lane.workBuffer) {
        wb.fill(lane.workBuffer->x0, lane.workBuffer->x1, '#');
    }
    if (lane.leakTail) {
        wb.fill(lane.leakTail->x0 + 1, lane.leakTail->x1, 'x');
    }
    emit(out, name, "wb", wb);
    for (std::uint32_t r = 0; r < lane.rowCount; ++r) {
        Canvas row(width);
        for (const LodSpan& span : lane.blocks) {
            if (span.row == r) {
                row.fill(span.x0, span.x1, blockChar(span));
            }
        }
        emit(out, name, "blocks" + std::to_string(r), row);
    }
    Canvas packets(width);
    for (const LodMark& mark : lane.packets) {
        packets.put(mark.x, mark.count == 1 ? '>' : '+');
    }
    emit(out, name, "packets", packets);
    Canvas findings(width);
    for (const LodMark& mark : lane.findings) {
        findings.put(mark.x, findingChar(mark));
    }
    emit(out, name, "findings", findings);
    Canvas live(width);
    for (std::size_t c = 0; c < lane.live.size() && c < width; ++c) {
        if (lane.live[c] >= 0) {
            live.put(static_cast<double>(c), static_cast<char>('0' + std::lround(lane.live[c] * 9.0)));
        }
    }
    emit(out, name, "live", live);
}

}  // namespace

std::string lodToText(const TimelineLod& lod, const TimelineIndex& index)
{
    const auto width = static_cast<std::size_t>(std::ceil(lod.mapping.width()));
    std::string out;
    for (const LodLane& lane : lod.lanes) {
        laneText(lane, index, width, out);
    }
    return out;
}

}  // namespace eapscope::ui
