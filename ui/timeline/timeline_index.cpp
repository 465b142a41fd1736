#include "timeline/timeline_index.h"

#include <QCoreApplication>

#include <algorithm>
#include <string>
#include <tuple>

namespace eapscope::ui {
namespace {

std::size_t sideSlot(Side side)
{
    return std::min<std::size_t>(static_cast<std::size_t>(side), 2);
}

std::string sideLetter(Side side)
{
    switch (side) {
        case Side::Authenticator:
            return "A";
        case Side::Peer:
            return "P";
        case Side::None:
            break;
    }
    return "C";
}

// The lane labels, in the interface language.
struct IndexText {
    Q_DECLARE_TR_FUNCTIONS(eapscope::ui::TimelineIndex)
};

QString sideWord(Side side)
{
    switch (side) {
        case Side::Authenticator:
            return IndexText::tr("Authenticator");
        case Side::Peer:
            return IndexText::tr("Peer");
        case Side::None:
            break;
    }
    return IndexText::tr("Session");
}

Side otherSide(Side side)
{
    return side == Side::Authenticator ? Side::Peer : Side::Authenticator;
}

}  // namespace

void PointSeries::add(std::int64_t time, EventId event, std::uint32_t bit)
{
    times.push_back(time);
    events.push_back(event);
    bits.append(bit);
}

void PointSeries::shrinkToFit()
{
    times.shrink_to_fit();
    events.shrink_to_fit();
    bits.shrinkToFit();
}

void PointSeries::reserve(std::size_t count)
{
    times.reserve(count);
    events.reserve(count);
    bits.reserve(count);
}

void TimelineLane::reserve(std::size_t callCount, std::size_t packetCount)
{
    calls.reserve(callCount);
    callEnds.reserve(callCount);
    packets.reserve(packetCount);
    packetTargets.reserve(packetCount);
    packetReceived.reserve(packetCount);
}

void TimelineLane::shrinkToFit()
{
    calls.shrinkToFit();
    callEnds.shrink_to_fit();
    packets.shrinkToFit();
    packetTargets.shrink_to_fit();
    packetReceived.shrink_to_fit();
    findings.shrinkToFit();
    blocks.shrink_to_fit();
    rows.shrink_to_fit();
}

std::int64_t LaneBlock::start(const Trace& trace) const
{
    return static_cast<std::int64_t>(trace.times()[block.allocEvent.value()]);
}

std::int64_t LaneBlock::end(const Trace& trace) const
{
    return block.freeEvent.valid() ? static_cast<std::int64_t>(trace.times()[block.freeEvent.value()])
                                   : kOpenEnd;
}

std::uint8_t LaneBlock::flag() const
{
    if (block.freeEvent.valid()) {
        return kBlockFreed;
    }
    return block.leaked ? kBlockLeaked : kBlockLive;
}

void TimelineIndex::clear()
{
    std::vector<Side> declared = std::move(declared_);
    const ContextId filter = filter_;
    *this = TimelineIndex();
    declared_ = std::move(declared);
    filter_ = filter;
}

void TimelineIndex::setContextFilter(ContextId context)
{
    if (context == filter_) {
        return;
    }
    filter_ = context;
    displayDirty_ = true;
    sortDisplay();
}

void TimelineIndex::setDeclaredSides(std::vector<Side> sides)
{
    if (sides == declared_) {
        return;
    }
    declared_ = std::move(sides);
    clear();  // re-indexed from scratch by the next update()
}

void TimelineIndex::update(const Trace& trace, std::size_t events)
{
    events = std::min(events, trace.size());
    const bool rewound = events < indexed_;
    const bool changed =
        indexed_ > 0 && !rewound &&
        (trace.times()[indexed_ - 1] != lastTime_ || trace.kinds()[indexed_ - 1] != lastKind_);
    if (rewound || changed) {
        std::vector<TimelineBlock> ledger;
        ledger.swap(ledgerBlocks_);
        const bool useLedger = useLedger_;
        clear();
        ledgerBlocks_.swap(ledger);
        useLedger_ = useLedger;
    }
    if (indexed_ == 0) {
        ladders_ = trace.option("source") == std::optional<std::string>("capture");
    }
    const bool fromScratch = indexed_ == 0;
    if (fromScratch) {
        reserveFor(trace, events);
    }
    for (const Side side : declared_) {
        laneFor(trace, side, ContextId());
    }
    for (std::size_t i = indexed_; i < events; ++i) {
        indexRow(trace, EventId(static_cast<std::uint32_t>(i)));
    }
    if (events > 0) {
        indexed_ = events;
        lastTime_ = trace.times()[events - 1];
        lastKind_ = trace.kinds()[events - 1];
        endTime_ = static_cast<std::int64_t>(lastTime_);
    }
    callSteps_.setSessionEnd(endTime_);
    packetSteps_.setSessionEnd(endTime_);
    if (useLedger_) {
        placeLedgerBlocks(trace);
    }
    for (std::size_t lane = 0; lane < dirty_.size(); ++lane) {
        if (dirty_[lane]) {
            rebuildBlocks(trace, static_cast<int>(lane));
        }
    }
    laneRoom_.clear();
    laneRoom_.shrink_to_fit();
    // Packets still waiting for their receiver go back to the map a live session keeps.
    for (std::size_t p = 0; p < bulkPending_.size(); ++p) {
        if (bulkPending_[p].lane >= 0) {
            pendingPackets_[static_cast<std::uint32_t>(p)] = {bulkPending_[p].lane, bulkPending_[p].slot};
        }
    }
    bulkPending_.clear();
    bulkPending_.shrink_to_fit();
    if (fromScratch) {
        // A whole session at once (an opened file): growth by doubling left up to half of each
        // lane's series unused; a live session's next rows grow them again as before.
        for (TimelineLane& lane : lanes_) {
            lane.shrinkToFit();
        }
    }
    sortDisplay();
}

void TimelineIndex::reserveFor(const Trace& trace, std::size_t events)
{
    // One pass over the kind column (a byte per row) sizes the lanes table and the step axis
    // exactly, instead of doubling them while a million rows arrive (issue 13).
    // Each context's lane gets room for its calls and packets as it is created, so its series
    // are not regrown (and their old copies freed in between) while the rows arrive.
    std::size_t calls = 0;
    std::size_t packets = 0;
    const auto kinds = trace.kinds();
    const auto contexts = trace.contextsColumn();
    laneRoom_.assign(trace.contexts().size(), {});
    for (std::size_t i = 0; i < events; ++i) {
        const bool call = kinds[i] == EventKind::CallStart;
        const bool packet = kinds[i] == EventKind::Packet || kinds[i] == EventKind::Radius;
        calls += call ? 1 : 0;
        packets += packet ? 1 : 0;
        if ((call || packet) && contexts[i].valid() && contexts[i].value() < laneRoom_.size()) {
            ++laneRoom_[contexts[i].value()][packet ? 1 : 0];
        }
    }
    // Sent packets wait for the call that takes them in a table by packet id, not in a hash
    // map node each, while a whole session is indexed.
    bulkPending_.assign(trace.packetCount(), {});
    const bool ladders = trace.option("source") == std::optional<std::string>("capture");
    lanes_.reserve(trace.contexts().size() * (ladders ? 2 : 1) + 3);
    callSteps_.reserve(calls);
    if (calls == 0) {
        packetSteps_.reserve(packets);
    }
}

void TimelineIndex::setBlocks(const Trace& trace, std::vector<TimelineBlock> blocks)
{
    ledgerBlocks_ = std::move(blocks);
    useLedger_ = true;
    update(trace, indexed_);
}

void TimelineIndex::useTraceBlocks(const Trace& trace)
{
    const std::size_t events = indexed_;
    clear();
    update(trace, events);
}

int TimelineIndex::displayPosition(int lane) const
{
    if (lane < 0 || static_cast<std::size_t>(lane) >= displayPosition_.size()) {
        return -1;
    }
    return displayPosition_[static_cast<std::size_t>(lane)];
}

int TimelineIndex::laneOfContext(ContextId context) const
{
    if (!context.valid() || context.value() >= contextLane_.size()) {
        return -1;
    }
    return contextLane_[context.value()];
}

std::optional<TimeRange> TimelineIndex::contextRange(ContextId context) const
{
    const int first = laneOfContext(context);
    if (first < 0) {
        return std::nullopt;
    }
    std::optional<TimeRange> range;
    for (const int laneIndex : {first, lanes_[static_cast<std::size_t>(first)].partner}) {
        if (laneIndex < 0) {
            continue;
        }
        const TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
        for (const PointSeries* series : {&lane.calls, &lane.packets, &lane.findings}) {
            if (series->times.empty()) {
                continue;
            }
            const std::int64_t start = series->times.front(), end = series->times.back();
            range = range ? TimeRange{std::min(range->startNs, start), std::max(range->endNs, end)}
                          : TimeRange{start, end};
        }
    }
    return range;
}

int TimelineIndex::laneOfNumber(Side side, std::uint32_t number) const
{
    const auto found = numberLane_.find(static_cast<std::uint64_t>(sideSlot(side)) << 32 | number);
    return found == numberLane_.end() ? -1 : found->second;
}

int TimelineIndex::packetTarget(const TimelineLane& lane, std::size_t slot) const
{
    const int target = lane.packetTargets[slot];
    if (target == kNoPacketTarget) {
        return -1;
    }
    if (target >= 0 || lane.partner >= 0 || lane.instance() || lane.side == Side::None) {
        return target >= 0 ? target : lane.partner;
    }
    return laneOfNumber(otherSide(lane.side), lane.number);
}

int TimelineIndex::laneOfEvent(const Trace& trace, EventId event) const
{
    if (!event.valid() || event.value() >= indexed_) {
        return -1;
    }
    const ContextId context = trace.contextsColumn()[event.value()];
    if (context.valid()) {
        const int lane = laneOfContext(context);
        if (lane >= 0) {
            const TimelineLane& own = lanes_[static_cast<std::size_t>(lane)];
            if (own.partner >= 0 && trace.sides()[event.value()] != own.side) {
                return own.partner;  // the peer's end of a capture conversation's ladder
            }
        }
        return lane;
    }
    return instanceLane_[sideSlot(trace.sides()[event.value()])];
}

void TimelineIndex::indexRow(const Trace& trace, EventId id)
{
    const std::size_t i = id.value();
    const EventKind kind = trace.kinds()[i];
    if (kind == EventKind::State || kind == EventKind::Note || kind == EventKind::TimerArmed ||
        kind == EventKind::TimerFired || kind == EventKind::Learner) {  // learner actions have no lane
        return;
    }
    const int lane = laneFor(trace, trace.sides()[i], trace.contextsColumn()[i]);
    switch (kind) {
        case EventKind::CallStart:
            indexCall(trace, id, lane);
            break;
        case EventKind::CallEnd:
            indexCallEnd(trace, id, lane);
            break;
        case EventKind::Packet:
            indexPacket(trace, id, lane);
            break;
        case EventKind::HeapAlloc:
        case EventKind::HeapFree:
            indexHeap(trace, id, lane);
            break;
        case EventKind::Finding:
            indexFinding(trace, id, lane);
            break;
        case EventKind::Radius:
            indexRadius(trace, id, lane);
            break;
        default:
            break;
    }
}

void TimelineIndex::indexCall(const Trace& trace, EventId id, int laneIndex)
{
    TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
    const std::size_t i = id.value();
    const auto time = static_cast<std::int64_t>(trace.times()[i]);
    const EntryPoint entry = trace.entries()[i];
    lane.calls.add(time, id, 1u << static_cast<unsigned>(entry));
    lane.callEnds.emplace_back();
    callSteps_.beginStep(time);
    packetSteps_.clear();  // stepAxis() counts calls from now on; a rewind re-indexes from scratch
    if (entry == EntryPoint::Begin && lane.beginTime < 0) {
        lane.beginCall = id;
        lane.beginTime = time;
    }
    if (entry == EntryPoint::End || entry == EntryPoint::Uninitialize) {
        lane.endCall = id;
    }
    // A MakeMessage that received a packet closes that packet's arrow (trace.h: CallStart.packet).
    const PacketId packet = trace.packets()[i];
    if (packet.valid()) {
        if (packet.value() < bulkPending_.size()) {
            BulkPending& pending = bulkPending_[packet.value()];
            if (pending.lane >= 0) {
                auto& sender = lanes_[static_cast<std::size_t>(pending.lane)];
                sender.packetTargets[pending.slot] = laneIndex;
                sender.packetReceived[pending.slot] = time;
                pending.lane = -1;
            }
        } else if (const auto found = pendingPackets_.find(packet.value()); found != pendingPackets_.end()) {
            auto& sender = lanes_[static_cast<std::size_t>(found->second.first)];
            sender.packetTargets[found->second.second] = laneIndex;
            sender.packetReceived[found->second.second] = time;
            pendingPackets_.erase(found);
        }
    }
}

void TimelineIndex::indexCallEnd(const Trace& trace, EventId id, int laneIndex)
{
    TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
    const std::size_t i = id.value();
    const EventId start = trace.calls()[i];
    // The matching CallStart is almost always the lane's last call: search from the back.
    for (std::size_t k = lane.calls.events.size(); k-- > 0;) {
        if (lane.calls.events[k] == start) {
            lane.callEnds[k] = id;
            break;
        }
    }
    callSteps_.endStep(static_cast<std::int64_t>(trace.times()[i]));
    const EntryPoint entry = trace.entries()[i];
    if (entry == EntryPoint::Begin && trace.results()[i] == 0) {
        lane.workBuffer = trace.as()[i];
        dirty_[static_cast<std::size_t>(laneIndex)] = true;
    }
    if (entry == EntryPoint::End || entry == EntryPoint::Uninitialize) {
        lane.endTime = static_cast<std::int64_t>(trace.times()[i]);
        dirty_[static_cast<std::size_t>(laneIndex)] = true;  // open blocks become leaks
    }
}

void TimelineIndex::indexPacket(const Trace& trace, EventId id, int laneIndex)
{
    TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
    const std::size_t i = id.value();
    const auto time = static_cast<std::int64_t>(trace.times()[i]);
    lane.packets.add(time, id, 1u);
    addPacketStep(time);
    lane.packetTargets.push_back(-1);
    lane.packetReceived.push_back(time);
    const PacketId packet = trace.packets()[i];
    if (packet.valid()) {
        if (packet.value() < bulkPending_.size()) {
            bulkPending_[packet.value()] = {laneIndex, static_cast<std::uint32_t>(lane.packets.size() - 1)};
        } else {
            pendingPackets_[packet.value()] = {laneIndex, lane.packets.size() - 1};
        }
    }
}

void TimelineIndex::addPacketStep(std::int64_t time)
{
    // The packet steps are the step axis of a session without calls (a capture) only: once a
    // call is indexed, stepAxis() never reads them again, so they are not kept.
    if (callSteps_.empty()) {
        packetSteps_.addInstant(time);
    }
}

void TimelineIndex::indexRadius(const Trace& trace, EventId id, int laneIndex)
{
    // A RADIUS packet (live RADIUS counterparts) is a mark on the lane of the server or NAS it
    // stands for; it goes to a program outside the session, so it has no arrow to another lane.
    TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
    const auto time = static_cast<std::int64_t>(trace.times()[id.value()]);
    lane.packets.add(time, id, 1u);
    addPacketStep(time);
    lane.packetTargets.push_back(kNoPacketTarget);
    lane.packetReceived.push_back(time);
}

void TimelineIndex::indexHeap(const Trace& trace, EventId id, int laneIndex)
{
    if (useLedger_) {
        return;  // the ledger's list is authoritative
    }
    const std::size_t i = id.value();
    auto& open = open_[sideSlot(trace.sides()[i])];
    const std::uint64_t address = trace.as()[i];
    if (trace.kinds()[i] == EventKind::HeapAlloc) {
        TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
        LaneBlock block;
        block.block = {address, trace.bs()[i], id, EventId(), lane.context, lane.side, false};
        lane.blocks.push_back(block);
        open[address] = {laneIndex, static_cast<std::uint32_t>(lane.blocks.size() - 1)};
        dirty_[static_cast<std::size_t>(laneIndex)] = true;
        return;
    }
    // heap_ledger.h: HeapFree aux != 0 reports a double/invalid free or a write after free.
    const auto found = open.find(address);
    if (trace.auxes()[i] != 0 || found == open.end()) {
        return;
    }
    LaneBlock& block = lanes_[static_cast<std::size_t>(found->second.lane)].blocks[found->second.block];
    block.block.freeEvent = id;
    dirty_[static_cast<std::size_t>(found->second.lane)] = true;
    open.erase(found);
}

void TimelineIndex::indexFinding(const Trace& trace, EventId id, int laneIndex)
{
    const std::size_t i = id.value();
    const std::uint32_t finding = trace.auxes()[i];
    Severity severity = Severity::Error;
    if (finding < trace.findings().size()) {
        severity = trace.findings()[finding].severity;
    }
    lanes_[static_cast<std::size_t>(laneIndex)].findings.add(static_cast<std::int64_t>(trace.times()[i]), id,
                                                             1u << static_cast<unsigned>(severity));
}

int TimelineIndex::laneFor(const Trace& trace, Side side, ContextId context)
{
    if (context.valid() && context.value() < trace.contexts().size()) {
        if (context.value() >= contextLane_.size()) {
            contextLane_.resize(context.value() + 1, -1);
        }
        int& lane = contextLane_[context.value()];
        if (lane < 0) {
            lane = createLane(trace, trace.context(context).side, context);
            if (ladders_) {
                createLadderPeer(lane);
            }
        }
        const TimelineLane& own = lanes_[static_cast<std::size_t>(lane)];
        return own.partner >= 0 && side != own.side && side != Side::None ? own.partner : lane;
    }
    int& lane = instanceLane_[sideSlot(side)];
    if (lane < 0) {
        lane = createLane(trace, side, ContextId());
    }
    return lane;
}

int TimelineIndex::createLane(const Trace& trace, Side side, ContextId context)
{
    TimelineLane lane;
    lane.side = side;
    lane.context = context;
    if (context.valid()) {
        const ContextInfo& info = trace.context(context);
        lane.number = info.number;
        const std::string_view label = trace.string(info.label);
        lane.label = label.empty()
                         ? IndexText::tr("%1 #%2").arg(sideWord(side)).arg(info.number).toStdString()
                         : std::string(label);
        lane.shortName = sideLetter(side) + std::to_string(info.number);
        if (context.value() < laneRoom_.size()) {
            lane.reserve(laneRoom_[context.value()][0], laneRoom_[context.value()][1]);
        }
        numberLane_[static_cast<std::uint64_t>(sideSlot(side)) << 32 | info.number] =
            static_cast<int>(lanes_.size());
    } else {
        lane.label = side == Side::None ? IndexText::tr("Session").toStdString()
                                        : IndexText::tr("%1 instance").arg(sideWord(side)).toStdString();
        lane.shortName = sideLetter(side) + "i";
    }
    lanes_.push_back(std::move(lane));
    dirty_.push_back(false);
    displayDirty_ = true;
    return static_cast<int>(lanes_.size() - 1);
}

// The peer's lane of a capture conversation (capture_trace.h: its context is the authenticator's,
// rows carry the side that sent them). Drawn under the authenticator's lane.
int TimelineIndex::createLadderPeer(int authenticatorLane)
{
    TimelineLane lane;
    TimelineLane& own = lanes_[static_cast<std::size_t>(authenticatorLane)];
    lane.side = otherSide(own.side);
    lane.context = own.context;
    lane.number = own.number;
    lane.ladderPeer = true;
    lane.label = IndexText::tr("%1 (conversation %2)").arg(sideWord(lane.side)).arg(own.number).toStdString();
    lane.shortName = own.shortName + sideLetter(lane.side);
    lane.partner = authenticatorLane;
    own.partner = static_cast<int>(lanes_.size());
    lanes_.push_back(std::move(lane));
    dirty_.push_back(false);
    displayDirty_ = true;
    return static_cast<int>(lanes_.size() - 1);
}

void TimelineIndex::rebuildBlocks(const Trace& trace, int laneIndex)
{
    TimelineLane& lane = lanes_[static_cast<std::size_t>(laneIndex)];
    lane.workBufferBlock = -1;
    for (std::size_t b = 0; b < lane.blocks.size(); ++b) {
        LaneBlock& block = lane.blocks[b];
        if (!useLedger_) {
            block.block.leaked = !block.block.freeEvent.valid() && lane.ended();
        }
        // The work buffer is the last block at that address allocated before Begin returned.
        block.workBuffer = false;
        const std::int64_t start = block.start(trace);
        if (lane.workBuffer != 0 && block.block.address == lane.workBuffer && lane.beginTime >= 0 &&
            start >= lane.beginTime && (lane.endTime < 0 || start <= lane.endTime)) {
            if (lane.workBufferBlock < 0) {
                lane.workBufferBlock = static_cast<int>(b);
            }
        }
    }
    if (lane.workBufferBlock >= 0) {
        lane.blocks[static_cast<std::size_t>(lane.workBufferBlock)].workBuffer = true;
    }
    packRows(trace, lane);
    rebuildLive(trace, lane);
    dirty_[static_cast<std::size_t>(laneIndex)] = false;
}

void TimelineIndex::packRows(const Trace& trace, TimelineLane& lane)
{
    lane.rows.clear();
    for (std::size_t b = 0; b < lane.blocks.size(); ++b) {
        const LaneBlock& block = lane.blocks[b];
        if (block.workBuffer) {
            continue;  // drawn as the lane's main bar
        }
        // Greedy interval packing: the first row whose last block ended by this start.
        const std::int64_t start = block.start(trace);
        auto row = std::find_if(lane.rows.begin(), lane.rows.end(),
                                [&](const BlockRow& r) { return r.ends.back() <= start; });
        if (row == lane.rows.end()) {
            row = lane.rows.emplace(lane.rows.end());
        }
        row->starts.push_back(start);
        row->ends.push_back(block.end(trace));
        row->blocks.push_back(static_cast<std::uint32_t>(b));
        row->flags.append(block.flag());
    }
    for (BlockRow& row : lane.rows) {  // rebuilt whole each time: keep no growth room
        row.starts.shrink_to_fit();
        row.ends.shrink_to_fit();
        row.blocks.shrink_to_fit();
        row.flags.shrinkToFit();
    }
    lane.rows.shrink_to_fit();
}

void TimelineIndex::rebuildLive(const Trace& trace, TimelineLane& lane)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> changes;  // time, signed bytes
    changes.reserve(lane.blocks.size() * 2);
    for (const LaneBlock& block : lane.blocks) {
        const auto bytes = static_cast<std::int64_t>(block.block.size);
        changes.emplace_back(block.start(trace), bytes);
        if (const std::int64_t end = block.end(trace); end != kOpenEnd) {
            changes.emplace_back(end, -bytes);
        }
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    lane.liveTimes.clear();
    lane.liveTimes.shrink_to_fit();
    lane.liveTimes.reserve(changes.size());
    lane.livePeak.clear();
    lane.livePeak.reserve(changes.size());
    std::int64_t live = 0;
    for (const auto& [time, delta] : changes) {
        live = std::max<std::int64_t>(0, live + delta);
        lane.liveTimes.push_back(time);
        lane.livePeak.append(static_cast<std::uint64_t>(live));
    }
}

void TimelineIndex::placeLedgerBlocks(const Trace& trace)
{
    for (std::size_t l = 0; l < lanes_.size(); ++l) {
        lanes_[l].blocks.clear();
        dirty_[l] = true;
    }
    // Each lane's list sized exactly first (a lane's blocks are rebuilt whole here).
    std::vector<int> laneOf(ledgerBlocks_.size(), -1);
    std::vector<std::uint32_t> counts;
    for (std::size_t b = 0; b < ledgerBlocks_.size(); ++b) {
        const TimelineBlock& block = ledgerBlocks_[b];
        if (!block.allocEvent.valid() || block.allocEvent.value() >= indexed_) {
            continue;
        }
        laneOf[b] = laneFor(trace, block.side, block.context);
        counts.resize(std::max(counts.size(), lanes_.size()), 0);
        ++counts[static_cast<std::size_t>(laneOf[b])];
        dirty_[static_cast<std::size_t>(laneOf[b])] = true;
    }
    for (std::size_t l = 0; l < counts.size(); ++l) {
        if (lanes_[l].blocks.capacity() > 2 * counts[l]) {
            lanes_[l].blocks.shrink_to_fit();
        }
        lanes_[l].blocks.reserve(counts[l]);
    }
    for (std::size_t b = 0; b < ledgerBlocks_.size(); ++b) {
        const TimelineBlock& block = ledgerBlocks_[b];
        const int laneIndex = laneOf[b];
        if (laneIndex < 0) {
            continue;
        }
        LaneBlock placed;
        placed.block = block;
        if (!block.freeEvent.valid() || block.freeEvent.value() >= indexed_) {
            placed.block.freeEvent = EventId();
        }
        lanes_[static_cast<std::size_t>(laneIndex)].blocks.push_back(placed);
    }
    for (TimelineLane& lane : lanes_) {
        std::stable_sort(lane.blocks.begin(), lane.blocks.end(), [&](const LaneBlock& a, const LaneBlock& b) {
            return a.start(trace) < b.start(trace);
        });
    }
}

void TimelineIndex::sortDisplay()
{
    if (!displayDirty_) {
        return;
    }
    display_.clear();
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        if (!filter_.valid() || lanes_[i].context == filter_) {
            display_.push_back(static_cast<int>(i));
        }
    }
    // Authenticator lanes, then peer lanes, then conversations; each side's instance lane first;
    // a ladder's peer lane right under its authenticator lane.
    const auto key = [this](int lane) {
        const TimelineLane& l = lanes_[static_cast<std::size_t>(lane)];
        const Side side = l.ladderPeer ? otherSide(l.side) : l.side;
        return std::make_tuple(sideSlot(side), l.context.valid(), l.number, l.context.value(), l.ladderPeer);
    };
    std::stable_sort(display_.begin(), display_.end(), [&](int a, int b) { return key(a) < key(b); });
    displayPosition_.assign(lanes_.size(), -1);
    for (std::size_t i = 0; i < display_.size(); ++i) {
        displayPosition_[static_cast<std::size_t>(display_[i])] = static_cast<int>(i);
    }
    displayDirty_ = false;
}

}  // namespace eapscope::ui
