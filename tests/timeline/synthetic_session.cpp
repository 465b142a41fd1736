#include "synthetic_session.h"

#include <array>

namespace eapscope::ui::testing {

ContextId SessionBuilder::context(Side side, std::uint32_t number)
{
    ContextInfo info;
    info.side = side;
    info.number = number;
    info.created = EventId(static_cast<std::uint32_t>(trace_.size()));
    return trace_.addContext(info);
}

EventId SessionBuilder::callStart(std::uint64_t t, ContextId context, EntryPoint entry, PacketId received)
{
    EventRow row;
    row.timeNs = t;
    row.kind = EventKind::CallStart;
    row.side = sideOf(context);
    row.context = context;
    row.entry = entry;
    row.packet = received;
    return trace_.append(row);
}

EventId SessionBuilder::callEnd(std::uint64_t t, EventId start, std::uint64_t a, std::uint32_t result)
{
    EventRow row = trace_.row(start);
    const std::uint64_t began = row.timeNs;
    row.timeNs = t;
    row.kind = EventKind::CallEnd;
    row.call = start;
    row.packet = PacketId();
    row.result = result;
    row.a = a;
    row.b = t - began;
    return trace_.append(row);
}

EventId SessionBuilder::alloc(std::uint64_t t, ContextId context, std::uint64_t address, std::uint64_t size)
{
    EventRow row;
    row.timeNs = t;
    row.kind = EventKind::HeapAlloc;
    row.side = sideOf(context);
    row.context = context;
    row.a = address;
    row.b = size;
    return trace_.append(row);
}

EventId SessionBuilder::free(std::uint64_t t, ContextId context, std::uint64_t address)
{
    EventRow row;
    row.timeNs = t;
    row.kind = EventKind::HeapFree;
    row.side = sideOf(context);
    row.context = context;
    row.a = address;
    return trace_.append(row);
}

EventId SessionBuilder::packet(std::uint64_t t, ContextId context, std::uint8_t code, std::uint8_t id)
{
    const std::array<std::uint8_t, 5> bytes{code, id, 0, 5, 4};
    EventRow row;
    row.timeNs = t;
    row.kind = EventKind::Packet;
    row.side = sideOf(context);
    row.context = context;
    row.packet = trace_.addPacket(bytes);
    return trace_.append(row);
}

EventId SessionBuilder::finding(std::uint64_t t, ContextId context, const std::string& rule,
                                Severity severity)
{
    FindingRecord record;
    record.rule = rule;
    record.severity = severity;
    record.side = sideOf(context);
    record.context = context;
    record.message = rule + " in a synthetic session";
    const FindingId id = trace_.addFinding(record, t);
    return trace_.finding(id).event;
}

EventId SessionBuilder::instanceCall(std::uint64_t t, Side side, EntryPoint entry)
{
    EventRow row;
    row.timeNs = t;
    row.kind = EventKind::CallStart;
    row.side = side;
    row.entry = entry;
    return trace_.append(row);
}

namespace {

struct PairWriter {
    SessionBuilder& b;
    const SyntheticOptions& o;
    std::uint64_t t;
    std::uint64_t address;

    std::uint64_t next() { return t += o.stepNs; }

    void begin(ContextId context, std::uint64_t workBuffer)
    {
        const EventId start = b.callStart(next(), context, EntryPoint::Begin);
        b.alloc(next(), context, workBuffer, 256);
        b.callEnd(next(), start, workBuffer);
    }

    /// One MakeMessage: allocates a scratch block, frees it unless `leak`, sends a packet.
    void exchange(ContextId context, PacketId received, std::uint8_t code, std::uint8_t id, bool leak)
    {
        const EventId start = b.callStart(next(), context, EntryPoint::MakeMessage, received);
        const std::uint64_t block = address += 0x100;
        b.alloc(next(), context, block, 64 + id % 7 * 16);
        if (!leak) {
            b.free(next(), context, block);
        } else {
            next();
        }
        b.callEnd(next(), start);
        b.packet(next(), context, code, id);
    }

    void end(ContextId context, std::uint64_t workBuffer, bool freeIt)
    {
        const EventId start = b.callStart(next(), context, EntryPoint::End);
        if (freeIt) {
            b.free(next(), context, workBuffer);
        } else {
            next();
        }
        b.callEnd(next(), start);
    }
};

}  // namespace

Trace makeSyntheticSession(const SyntheticOptions& options)
{
    Trace trace;
    trace.reserve(options.pairs * (12 + options.rounds * 10) + 8);
    SessionBuilder b(trace);
    PairWriter w{b, options, 0, 0x10000};
    for (std::size_t p = 0; p < options.pairs; ++p) {
        const auto number = static_cast<std::uint32_t>(p + 1);
        const ContextId a = b.context(Side::Authenticator, number);
        const ContextId peer = b.context(Side::Peer, number);
        const std::uint64_t wbA = w.address += 0x1000;
        const std::uint64_t wbP = w.address += 0x1000;
        const bool leaks = options.leakEvery != 0 && p % options.leakEvery == options.leakEvery - 1;
        const bool wbLeaks = options.workBufferLeakEvery != 0 &&
                             p % options.workBufferLeakEvery == options.workBufferLeakEvery - 1;
        w.begin(a, wbA);
        w.begin(peer, wbP);
        PacketId last;
        for (std::size_t r = 0; r < options.rounds; ++r) {
            const auto id = static_cast<std::uint8_t>(r + 1);
            const bool leakHere = leaks && r + 1 == options.rounds;
            w.exchange(a, last, 1, id, leakHere);
            last = PacketId(static_cast<std::uint32_t>(trace.packetCount() - 1));
            w.exchange(peer, last, 2, id, false);
            last = PacketId(static_cast<std::uint32_t>(trace.packetCount() - 1));
        }
        w.end(a, wbA, true);
        w.end(peer, wbP, !wbLeaks);
        if (leaks) {
            b.finding(w.next(), a, "HEAP_LEAK", Severity::Error);
        }
    }
    // RasEapInitialize(FALSE) on both sides closes the session (RASEAP.md §3.1), so leaks
    // visibly outlive their contexts' End.
    for (const Side side : {Side::Authenticator, Side::Peer}) {
        const EventId start = b.instanceCall(w.next(), side, EntryPoint::Uninitialize);
        EventRow end = trace.row(start);
        end.kind = EventKind::CallEnd;
        end.call = start;
        end.timeNs = w.next();
        trace.append(end);
    }
    return trace;
}

/// One context per side, 1 ns per pixel: nothing folds, every row is where its time says.
Trace makeSmallSession()
{
    Trace trace;
    SessionBuilder b(trace);
    const ContextId a = b.context(Side::Authenticator, 1);
    const ContextId p = b.context(Side::Peer, 1);
    EventId s = b.callStart(0, a, EntryPoint::Begin);
    b.alloc(1, a, 0xA000, 256);
    b.callEnd(2, s, 0xA000);
    s = b.callStart(3, p, EntryPoint::Begin);
    b.alloc(4, p, 0xB000, 128);
    b.callEnd(5, s, 0xB000);
    s = b.callStart(8, a, EntryPoint::MakeMessage);
    b.alloc(9, a, 0xA100, 64);
    b.callEnd(10, s);
    b.packet(10, a, 1, 1);
    s = b.callStart(12, p, EntryPoint::MakeMessage, PacketId(0));
    b.alloc(13, p, 0xB100, 32);  // leaked: the peer never frees it
    b.callEnd(14, s);
    s = b.callStart(20, a, EntryPoint::End);
    b.free(21, a, 0xA100);
    b.free(22, a, 0xA000);
    b.callEnd(23, s);
    s = b.callStart(25, p, EntryPoint::End);
    b.free(26, p, 0xB000);
    b.callEnd(27, s);
    b.finding(28, p, "HEAP_LEAK", Severity::Error);
    b.instanceCall(35, Side::Peer, EntryPoint::Uninitialize);
    return trace;
}

}  // namespace eapscope::ui::testing
