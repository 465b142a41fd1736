// A synthetic session shaped like a loopback EAP-MD5 run (RASEAP.md §3): for each context a
// Begin, a few MakeMessage rounds with packets, heap events with sites, state changes, a
// note, an End and a HEAP_LEAK finding. Used by the store tests, the reader fuzz seed corpus
// and tests/bench/store_bench.cpp.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eapscope::testing {

inline constexpr const char* kSyntheticPassword = "Tr0ub4dor&3-correct-horse";

inline void addSyntheticHeader(Trace& trace, bool withPassword)
{
    trace.addMethod({Side::Authenticator, "md5", "/usr/lib/eapscope/methods/md5.so", 4, 1,
                     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"});
    trace.addMethod({Side::Peer, "md5", "/usr/lib/eapscope/methods/md5.so", 4, 2,
                     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"});
    trace.setOption("auth", "md5");
    trace.setOption("peer", "md5");
    trace.setOption("identity", "alice");
    if (withPassword) {
        trace.setOption("password", kSyntheticPassword);
    }
    trace.setOption("outcome", "success");
}

/// Appends one context's worth of events (about 20) at times from `time` on; returns the next time.
inline std::uint64_t addSyntheticContext(Trace& trace, std::uint32_t number, std::uint64_t time,
                                         bool withSecrets)
{
    const Side side = number % 2 ? Side::Authenticator : Side::Peer;
    EventRow begin{.timeNs = time, .kind = EventKind::CallStart, .side = side, .entry = EntryPoint::Begin};
    const EventId beginId = trace.append(begin);
    const ContextId ctx = trace.addContext({side, number, beginId, StringId()});
    EventRow alloc{.timeNs = time + 5,
                   .kind = EventKind::HeapAlloc,
                   .side = side,
                   .context = ctx,
                   .call = beginId,
                   .text = trace.intern("md5_begin (eap_md5.c:41)"),
                   .a = 0x5555'0000'1000ull + number * 64,
                   .b = 48};
    trace.append(alloc);
    trace.append({.timeNs = time + 9,
                  .kind = EventKind::CallEnd,
                  .side = side,
                  .entry = EntryPoint::Begin,
                  .context = ctx,
                  .call = beginId,
                  .a = alloc.a,
                  .b = 4000});
    trace.append({.timeNs = time + 10,
                  .kind = EventKind::State,
                  .side = side,
                  .context = ctx,
                  .aux = static_cast<std::uint32_t>(ContextState::Begun),
                  .text = trace.intern("begun")});
    const std::vector<std::uint8_t> challenge = {1,    static_cast<std::uint8_t>(number),
                                                 0,    22,
                                                 4,    16,
                                                 0xde, 0xad,
                                                 0xbe, 0xef,
                                                 1,    2,
                                                 3,    4,
                                                 5,    6,
                                                 7,    8,
                                                 9,    10,
                                                 11,   static_cast<std::uint8_t>(number >> 8)};
    std::uint64_t t = time + 20;
    for (int round = 0; round < 2; ++round) {
        const PacketId rx = round ? trace.addPacket(challenge) : PacketId();
        const EventId start = trace.append({.timeNs = t,
                                            .kind = EventKind::CallStart,
                                            .side = side,
                                            .entry = EntryPoint::MakeMessage,
                                            .context = ctx,
                                            .packet = rx});
        trace.append({.timeNs = t + 2,
                      .kind = EventKind::HeapAlloc,
                      .side = side,
                      .context = ctx,
                      .call = start,
                      .a = 0x5555'0000'8000ull + round * 32,
                      .b = 16});
        trace.append({.timeNs = t + 3,
                      .kind = EventKind::HeapFree,
                      .side = side,
                      .context = ctx,
                      .call = start,
                      .a = 0x5555'0000'8000ull + round * 32,
                      .b = 16});
        const PacketId tx = trace.addPacket(challenge);
        const EventId end = trace.append({.timeNs = t + 6,
                                          .kind = EventKind::CallEnd,
                                          .side = side,
                                          .entry = EntryPoint::MakeMessage,
                                          .action = 4,
                                          .context = ctx,
                                          .call = start,
                                          .packet = tx,
                                          .b = 2500});
        trace.append({.timeNs = t + 7,
                      .kind = EventKind::Packet,
                      .side = side,
                      .context = ctx,
                      .call = end,
                      .packet = tx,
                      .text = trace.intern("EAP Request/MD5-Challenge")});
        trace.append(
            {.timeNs = t + 8, .kind = EventKind::TimerArmed, .side = side, .context = ctx, .aux = 0});
        t += 20;
    }
    if (withSecrets) {
        trace.append({.timeNs = t,
                      .kind = EventKind::Note,
                      .side = side,
                      .context = ctx,
                      .text = trace.intern(std::string("back end: raatUserPassword=") + kSyntheticPassword +
                                           " MS-MPPE-Send-Key: 00112233445566778899aabbccddeeff")});
    } else {
        trace.append({.timeNs = t,
                      .kind = EventKind::Note,
                      .side = side,
                      .context = ctx,
                      .text = trace.intern("back end: accepted alice")});
    }
    const EventId endStart = trace.append({.timeNs = t + 1,
                                           .kind = EventKind::CallStart,
                                           .side = side,
                                           .entry = EntryPoint::End,
                                           .context = ctx});
    trace.append({.timeNs = t + 4,
                  .kind = EventKind::CallEnd,
                  .side = side,
                  .entry = EntryPoint::End,
                  .context = ctx,
                  .call = endStart,
                  .b = 900});
    trace.append({.timeNs = t + 5,
                  .kind = EventKind::State,
                  .side = side,
                  .context = ctx,
                  .aux = static_cast<std::uint32_t>(ContextState::Ended),
                  .text = trace.intern("ended")});
    if (number % 4 == 1) {
        FindingRecord leak{.rule = "HEAP_LEAK",
                           .severity = Severity::Error,
                           .side = side,
                           .context = ctx,
                           .call = endStart,
                           .entry = EntryPoint::End,
                           .message = "48 bytes in 1 block leaked",
                           .text = phrase("%1 bytes in %2 block leaked", {verbatim(48), verbatim("1")}),
                           .bytes = 48,
                           .blocks = 1,
                           .sites = {"md5_begin (eap_md5.c:41)\nRasEapBegin (x.c:9)"}};
        trace.addFinding(leak, t + 6);
    }
    return t + 10;
}

/// A whole synthetic session of about `events` events.
inline Trace makeSyntheticTrace(std::size_t events, bool withSecrets = false)
{
    Trace trace;
    addSyntheticHeader(trace, withSecrets);
    std::uint64_t time = 1000;
    for (std::uint32_t n = 1; trace.size() < events; ++n) {
        time = addSyntheticContext(trace, n, time, withSecrets);
    }
    return trace;
}

}  // namespace eapscope::testing
