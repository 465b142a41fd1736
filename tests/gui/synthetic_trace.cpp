#include "synthetic_trace.h"

namespace eapscope::ui::test {
namespace {

struct Builder {
    Trace trace;
    std::uint64_t t = 0;

    EventId add(EventRow row)
    {
        row.timeNs = (t += 1000);
        return trace.append(row);
    }
    EventId start(Side side, ContextId context, EntryPoint entry, PacketId received = {})
    {
        EventRow row;
        row.kind = EventKind::CallStart;
        row.side = side;
        row.context = context;
        row.entry = entry;
        row.packet = received;
        return add(row);
    }
    EventId end(Side side, ContextId context, EntryPoint entry, EventId call, std::uint8_t action = kNoAction,
                PacketId sent = {}, std::uint64_t a = 0)
    {
        EventRow row;
        row.kind = EventKind::CallEnd;
        row.side = side;
        row.context = context;
        row.entry = entry;
        row.call = call;
        row.action = action;
        row.packet = sent;
        row.a = a;
        return add(row);
    }
    void packet(Side side, ContextId context, PacketId p, EventId callEnd)
    {
        EventRow row;
        row.kind = EventKind::Packet;
        row.side = side;
        row.context = context;
        row.packet = p;
        row.call = callEnd;
        add(row);
    }
    void heap(bool alloc, Side side, ContextId context, EventId call, std::uint64_t address, std::uint64_t size)
    {
        EventRow row;
        row.kind = alloc ? EventKind::HeapAlloc : EventKind::HeapFree;
        row.side = side;
        row.context = context;
        row.call = call;
        row.a = address;
        row.b = size;
        add(row);
    }
    void state(Side side, ContextId context, ContextState s)
    {
        EventRow row;
        row.kind = EventKind::State;
        row.side = side;
        row.context = context;
        row.aux = static_cast<std::uint32_t>(s);
        row.text = trace.intern(toString(s));
        add(row);
    }
};

}  // namespace

std::vector<std::uint8_t> md5Request()
{
    std::vector<std::uint8_t> p{1, 2, 0, 25, 4, 16};
    for (std::uint8_t i = 0; i < 16; ++i) {
        p.push_back(i);
    }
    p.insert(p.end(), {'s', 'r', 'v'});
    return p;
}

Trace md5Session()
{
    Builder b;
    b.trace.addMethod({Side::Authenticator, "md5", "/x/md5.so", 4, 1, "ab"});
    b.trace.addMethod({Side::Peer, "md5", "/x/md5.so", 4, 2, "ab"});
    constexpr auto A = Side::Authenticator;
    constexpr auto P = Side::Peer;
    const ContextId a1 = b.trace.addContext({A, 1, EventId(0), {}});
    b.state(A, a1, ContextState::Created);
    const ContextId p1 = b.trace.addContext({P, 1, EventId(1), {}});
    b.state(P, p1, ContextState::Created);

    EventId c = b.start(A, a1, EntryPoint::Begin);
    b.heap(true, A, a1, c, 0x1000, 64);
    b.end(A, a1, EntryPoint::Begin, c, kNoAction, {}, 0x1000);
    b.state(A, a1, ContextState::Begun);
    c = b.start(P, p1, EntryPoint::Begin);
    b.heap(true, P, p1, c, 0x2000, 32);
    b.end(P, p1, EntryPoint::Begin, c, kNoAction, {}, 0x2000);

    const PacketId request = b.trace.addPacket(md5Request());
    c = b.start(A, a1, EntryPoint::MakeMessage);
    EventId e = b.end(A, a1, EntryPoint::MakeMessage, c, 5 /*SendWithTimeout*/, request);
    b.packet(A, a1, request, e);
    b.state(A, a1, ContextState::Exchanging);

    std::vector<std::uint8_t> response{2, 2, 0, 22, 4, 16};
    response.resize(22, 0xaa);
    const PacketId resp = b.trace.addPacket(response);
    c = b.start(P, p1, EntryPoint::MakeMessage, request);
    e = b.end(P, p1, EntryPoint::MakeMessage, c, 4 /*Send*/, resp);
    b.packet(P, p1, resp, e);

    const PacketId success = b.trace.addPacket(std::vector<std::uint8_t>{3, 2, 0, 4});
    c = b.start(A, a1, EntryPoint::MakeMessage, resp);
    b.heap(true, A, a1, c, 0x3000, 24);
    e = b.end(A, a1, EntryPoint::MakeMessage, c, 3 /*SendAndDone*/, success);
    b.packet(A, a1, success, e);
    b.state(A, a1, ContextState::Done);

    const EventId endA = b.start(A, a1, EntryPoint::End);
    b.heap(false, A, a1, endA, 0x1000, 64);
    b.end(A, a1, EntryPoint::End, endA);
    b.state(A, a1, ContextState::Ended);
    FindingRecord leak;
    leak.rule = "HEAP_LEAK";
    leak.severity = Severity::Error;
    leak.side = A;
    leak.context = a1;
    leak.call = endA;
    leak.entry = EntryPoint::End;
    leak.message = "24 bytes in 1 block still allocated after RasEapEnd";
    leak.bytes = 24;
    leak.blocks = 1;
    b.trace.addFinding(leak, b.t += 1000);

    c = b.start(P, p1, EntryPoint::End);
    b.heap(false, P, p1, c, 0x2000, 32);
    b.end(P, p1, EntryPoint::End, c);
    b.state(P, p1, ContextState::Ended);
    return std::move(b.trace);
}

}  // namespace eapscope::ui::test
