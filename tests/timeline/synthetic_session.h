// Synthetic sessions for the timeline tests and benchmark: a small builder that appends rows in
// time order the way the engine does (trace.h column use), and a generator of N context pairs.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eapscope::ui::testing {

class SessionBuilder {
public:
    explicit SessionBuilder(Trace& trace) : trace_(trace) {}

    ContextId context(Side side, std::uint32_t number);
    EventId callStart(std::uint64_t t, ContextId context, EntryPoint entry, PacketId received = PacketId());
    EventId callEnd(std::uint64_t t, EventId start, std::uint64_t a = 0, std::uint32_t result = 0);
    EventId alloc(std::uint64_t t, ContextId context, std::uint64_t address, std::uint64_t size);
    EventId free(std::uint64_t t, ContextId context, std::uint64_t address);
    /// Appends a Packet row (EAP Request/Response header + one type byte) and returns it.
    EventId packet(std::uint64_t t, ContextId context, std::uint8_t code, std::uint8_t id);
    EventId finding(std::uint64_t t, ContextId context, const std::string& rule, Severity severity);
    /// Side-level (instance) call: context invalid.
    EventId instanceCall(std::uint64_t t, Side side, EntryPoint entry);

    [[nodiscard]] Side sideOf(ContextId context) const { return trace_.context(context).side; }

private:
    Trace& trace_;
};

/// One context per side over 35 ns: rows 0-21 (see the body); the peer leaks its 32-byte block
/// (row 11), the authenticator frees all. Row 6 = A1 MakeMessage, 9 = packet, 20 = HEAP_LEAK.
Trace makeSmallSession();

struct SyntheticOptions {
    std::size_t pairs = 5;                // authenticator + peer context per pair
    std::size_t rounds = 19;              // MakeMessage calls per context
    std::size_t leakEvery = 3;            // every Nth pair's authenticator leaks a block; 0 = never
    std::size_t workBufferLeakEvery = 0;  // every Nth pair's peer never frees its work buffer
    std::uint64_t stepNs = 1000;          // time between consecutive rows
};

/// Pairs run one after another: Begin both, `rounds` exchanges (A sends, P receives and
/// answers), End both; then both instances unload. 202 rows per pair with the defaults, so
/// 5 pairs ≈ 1k rows and 5,000 pairs (10,000 contexts) ≈ 1M rows.
Trace makeSyntheticSession(const SyntheticOptions& options);

}  // namespace eapscope::ui::testing
