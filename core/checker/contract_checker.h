// The contract checker (DESIGN.md "Contract catalogue", RASEAP.md §3.7): turns what a call
// returned and what the runner observed around it (CallOutcome), plus what the engine knows
// about the call (CallFacts), into findings. It never calls a method and keeps no state of its
// own: per-context memory is the PacketHistory the engine passes in.
#pragma once

#include "checker/packet_history.h"
#include "method/call_types.h"
#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace eapscope {

/// What the engine knows about the call being checked.
struct CallFacts {
    Side side = Side::None;
    ContextId context;
    EventId call;  // the CallStart row
    EntryPoint entry = EntryPoint::None;
    bool authenticator = false;
    std::uint32_t eapType = 0;
    std::uint32_t cbSendPacket = 0;
    std::optional<Bytes> received;  // MakeMessage: the packet given, absent = NULL
    bool timeoutCall = false;       // MakeMessage(NULL) after the retransmission timer fired
    std::vector<std::uint64_t> otherLiveWorkBuffers;  // Begin: work buffers of the other live contexts
};

struct CheckerOptions {
    std::uint32_t slowCallMs = 500;  // SLOW_CALL threshold (issue 3 part 2 default)
};

class ContractChecker {
public:
    explicit ContractChecker(CheckerOptions options = {}) : options_(options) {}

    /// LOAD_* findings of a load report (RASEAP.md §3.7 items 1-5).
    [[nodiscard]] std::vector<FindingRecord> checkLoad(const LoadReport& report, Side side,
                                                       EventId call) const;

    /// Every rule that applies to one call. Updates `history` with the packets of this call.
    [[nodiscard]] std::vector<FindingRecord> checkCall(const CallFacts& facts, const CallOutcome& outcome,
                                                       PacketHistory& history) const;

    /// Whether a MakeMessage/Begin error code is one RASEAP.md §2.6 lists (or in the RAS range):
    /// CALL_FAILED is info for those, error for anything else.
    [[nodiscard]] static bool isRecognisedError(std::uint32_t code);

private:
    void checkObservations(const CallFacts& facts, const CallOutcome& outcome,
                           std::vector<FindingRecord>& out) const;
    void checkResult(const CallFacts& facts, const CallOutcome& outcome,
                     std::vector<FindingRecord>& out) const;
    static void checkBegin(const CallFacts& facts, const CallOutcome& outcome,
                           std::vector<FindingRecord>& out);
    static void checkMakeMessage(const CallFacts& facts, const CallOutcome& outcome, PacketHistory& history,
                                 std::vector<FindingRecord>& out);

    CheckerOptions options_;
};

}  // namespace eapscope
