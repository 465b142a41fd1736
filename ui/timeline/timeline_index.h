// TimelineIndex: what the timeline needs from a trace, sorted per lane once per snapshot so the
// level-of-detail pass binary-searches instead of scanning (Tracy's "compute what is visible").
//
// Built incrementally: update() indexes only the rows added since the last call, so a live
// session costs O(new rows) per announcement; a shorter trace (step back) is re-indexed. Heap
// blocks are paired from HeapAlloc/HeapFree rows (trace.h column use) unless the heap ledger's
// list is given with setBlocks(). Plain C++: no Qt, testable and benchmarkable without a window.
#pragma once

#include "timeline/range_pyramid.h"
#include "timeline/step_axis.h"
#include "timeline/time_range.h"
#include "timeline/timeline_block.h"
#include "trace/trace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace eapscope::ui {

/// End time of a block that is still live: the LOD pass clamps it to the end of the session.
inline constexpr std::int64_t kOpenEnd = std::numeric_limits<std::int64_t>::max();

/// Block flag bits (OR-combined when blocks fold into one bucket).
inline constexpr std::uint8_t kBlockFreed = 1u << 0;
inline constexpr std::uint8_t kBlockLive = 1u << 1;
inline constexpr std::uint8_t kBlockLeaked = 1u << 2;

/// One sorted series of instants in a lane (calls, packets or findings).
struct PointSeries {
    std::vector<std::int64_t> times;
    std::vector<EventId> events;
    /// Calls: 1 << EntryPoint; findings: 1 << Severity; packets: 1.
    RangePyramid<std::uint32_t, OrOp> bits;

    void add(std::int64_t time, EventId event, std::uint32_t bit);
    [[nodiscard]] std::size_t size() const { return times.size(); }
    void reserve(std::size_t count);
    void shrinkToFit();
};

struct LaneBlock {
    TimelineBlock block;  // freeEvent invalid while the free is not indexed
    bool workBuffer = false;
    [[nodiscard]] std::uint8_t flag() const;
    /// When it was allocated, and freed (kOpenEnd while live): read from the trace's time
    /// column rather than kept twice (issue 13: bytes per event).
    [[nodiscard]] std::int64_t start(const Trace& trace) const;
    [[nodiscard]] std::int64_t end(const Trace& trace) const;
};

/// Blocks that never overlap in time, sorted by start (hence also by end).
struct BlockRow {
    std::vector<std::int64_t> starts;
    std::vector<std::int64_t> ends;
    std::vector<std::uint32_t> blocks;  // into TimelineLane::blocks
    RangePyramid<std::uint8_t, OrOp> flags;
};

/// TimelineLane::packetTargets for a packet that goes to no lane (a RADIUS packet to a real server).
inline constexpr int kNoPacketTarget = -2;

struct TimelineLane {
    Side side = Side::None;
    ContextId context;  // invalid: the method instance of `side`
    std::uint32_t number = 0;
    std::string label;      // "Authenticator #1", "Peer instance", a capture conversation's label
    std::string shortName;  // "A1", "P1", "Ai", "C3": golden text and narrow gutters
    // A capture conversation is drawn as a ladder: its context's lane holds what the
    // authenticator sent, a second lane (ladderPeer) what the peer sent; each packet is an arrow
    // from the sender's lane to the other one. partner: the other lane of the pair, or -1.
    int partner = -1;
    bool ladderPeer = false;

    PointSeries calls;
    std::vector<EventId> callEnds;             // parallel to calls; invalid until the CallEnd arrives
    PointSeries packets;                       // sent by this lane
    std::vector<int> packetTargets;            // the receiving lane; -1: assume the other side's same number;
                                               // kNoPacketTarget: none (a RADIUS packet)
    std::vector<std::int64_t> packetReceived;  // when the receiver's call took it (or the send time)
    PointSeries findings;

    // The work buffer (RASEAP.md §3.3): RasEapBegin's CallStart to RasEapEnd's CallEnd.
    EventId beginCall;
    std::int64_t beginTime = -1;
    EventId endCall;            // the End CallStart
    std::int64_t endTime = -1;  // End's CallEnd (instance lanes: Uninitialize's)
    std::uint64_t workBuffer = 0;
    int workBufferBlock = -1;  // into blocks

    std::vector<LaneBlock> blocks;  // in allocation order
    std::vector<BlockRow> rows;
    std::vector<std::int64_t> liveTimes;          // when the heap changed
    RangePyramid<std::uint64_t, MaxOp> livePeak;  // live bytes after each change: livePeak.value(k)

    [[nodiscard]] bool ended() const { return endTime >= 0; }
    [[nodiscard]] bool instance() const { return !context.valid(); }
    /// Room for a whole session's calls and packets; shrinkToFit() gives back the room vector
    /// growth left unused (after a whole session was indexed).
    void reserve(std::size_t callCount, std::size_t packetCount);
    void shrinkToFit();
};

class TimelineIndex {
public:
    void clear();
    /// Indexes rows [indexedEvents(), events) of `trace`; re-indexes from scratch when `events`
    /// is below what was indexed or the last indexed row changed.
    void update(const Trace& trace, std::size_t events);
    /// Uses the heap ledger's blocks instead of pairing heap rows; blocks whose rows are not
    /// indexed yet are ignored, frees not indexed yet count as live.
    void setBlocks(const Trace& trace, std::vector<TimelineBlock> blocks);
    void useTraceBlocks(const Trace& trace);
    /// Sides whose method instance gets its lane before any event: a live session shows what
    /// it loaded before the first step. Kept across clear(); empty to stop.
    void setDeclaredSides(std::vector<Side> sides);
    [[nodiscard]] const std::vector<Side>& declaredSides() const { return declared_; }
    /// Shows only the lanes of `context` (a capture conversation: both lanes of its ladder);
    /// invalid shows every lane. Lanes that are not shown have no display position.
    void setContextFilter(ContextId context);
    [[nodiscard]] ContextId contextFilter() const { return filter_; }

    [[nodiscard]] std::size_t indexedEvents() const { return indexed_; }
    [[nodiscard]] const std::vector<TimelineLane>& lanes() const { return lanes_; }
    /// Lane (index into lanes()) shown at display position i.
    [[nodiscard]] const std::vector<int>& displayOrder() const { return display_; }
    [[nodiscard]] int displayPosition(int lane) const;
    [[nodiscard]] int laneOfContext(ContextId context) const;
    /// Time of the first and last indexed instant (call, packet, finding) in the lanes of
    /// `context`, or nothing when it has none.
    [[nodiscard]] std::optional<TimeRange> contextRange(ContextId context) const;
    /// The lane of `side`'s context with that 1-based number, or -1.
    [[nodiscard]] int laneOfNumber(Side side, std::uint32_t number) const;
    /// Where packet `slot` of `lane` goes: the lane whose call took it, else the other side's
    /// context with the same number (loopback pairs contexts by number), else -1.
    [[nodiscard]] int packetTarget(const TimelineLane& lane, std::size_t slot) const;
    /// The lane an event is drawn in, or -1 (State, Note, rows not indexed).
    [[nodiscard]] int laneOfEvent(const Trace& trace, EventId event) const;
    /// Time of the last indexed row: where leaked blocks and open bars end.
    [[nodiscard]] std::int64_t endTime() const { return endTime_; }
    [[nodiscard]] TimeRange contentRange() const { return {0, endTime_}; }
    /// The step axis: one step per call, or per packet in a session without calls (a capture).
    [[nodiscard]] const StepAxis& stepAxis() const { return callSteps_.empty() ? packetSteps_ : callSteps_; }
    [[nodiscard]] bool stepAxisCountsCalls() const { return !callSteps_.empty() || packetSteps_.empty(); }

private:
    struct OpenBlock {
        int lane = -1;
        std::uint32_t block = 0;
    };

    void reserveFor(const Trace& trace, std::size_t events);
    void addPacketStep(std::int64_t time);
    void indexRow(const Trace& trace, EventId id);
    void indexCall(const Trace& trace, EventId id, int lane);
    void indexCallEnd(const Trace& trace, EventId id, int lane);
    void indexPacket(const Trace& trace, EventId id, int lane);
    void indexRadius(const Trace& trace, EventId id, int lane);
    void indexHeap(const Trace& trace, EventId id, int lane);
    void indexFinding(const Trace& trace, EventId id, int lane);
    int laneFor(const Trace& trace, Side side, ContextId context);
    int createLane(const Trace& trace, Side side, ContextId context);
    int createLadderPeer(int authenticatorLane);
    void rebuildBlocks(const Trace& trace, int lane);
    void packRows(const Trace& trace, TimelineLane& lane);
    void rebuildLive(const Trace& trace, TimelineLane& lane);
    void placeLedgerBlocks(const Trace& trace);
    void sortDisplay();

    std::size_t indexed_ = 0;
    std::int64_t endTime_ = 0;
    std::uint64_t lastTime_ = 0;
    EventKind lastKind_ = EventKind::Note;
    std::vector<TimelineLane> lanes_;
    std::vector<int> display_;
    std::vector<int> displayPosition_;
    std::vector<int> contextLane_;                          // by ContextId value
    std::unordered_map<std::uint64_t, int> numberLane_;     // (side << 32 | number) → lane
    int instanceLane_[3] = {-1, -1, -1};                    // by Side
    std::unordered_map<std::uint64_t, OpenBlock> open_[3];  // by Side, address → block
    // Sent packets not yet taken by a receiving call: PacketId → (lane, slot in lane.packets).
    std::unordered_map<std::uint32_t, std::pair<int, std::size_t>> pendingPackets_;
    struct BulkPending {
        int lane = -1;  // -1: not sent, or already taken
        std::uint32_t slot = 0;
    };
    std::vector<BulkPending> bulkPending_;  // by PacketId, while indexing a whole session
    std::vector<bool> dirty_;               // lanes whose rows/live series need rebuilding
    std::vector<TimelineBlock> ledgerBlocks_;
    std::vector<std::array<std::uint32_t, 2>> laneRoom_;  // by ContextId: calls, packets (while indexing)
    bool useLedger_ = false;
    bool displayDirty_ = false;
    std::vector<Side> declared_;
    bool ladders_ = false;  // a capture (trace option source=capture): conversations as ladders
    ContextId filter_;
    StepAxis callSteps_;
    StepAxis packetSteps_;
};

}  // namespace eapscope::ui
