// Replays one captured conversation through a method (issue 6 part 5): the session engine runs
// the method in the chosen role against a scripted counterpart that plays the captured packets
// of the other side in order; every packet the method's side sends is compared with the
// captured one (replay_comparator.h). Each difference becomes a REPLAY_DIVERGENCE finding with
// the byte offset (FindingRecord::offset) in the captured packet. Everything else the engine
// checks (contract rules, heap) works as in any session.
#pragma once

#include "capture/capture_types.h"
#include "common/result.h"
#include "method/method_executor.h"
#include "replay/replay_comparator.h"
#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

struct ReplayRequest {
    std::uint32_t conversation = 1;  // 1-based, as `inspect` lists them
    Side role = Side::Peer;          // the side the method plays
    std::string methodSpec;          // bundled name or library path
    std::optional<std::string> password;
    std::optional<std::uint32_t> type;  // EAP type to load; absent = probe
};

/// One expected packet and what the method sent in its place.
struct ReplayComparison {
    std::uint32_t frame = 0;     // of the captured packet; 0 = the method sent more than captured
    std::string captured, sent;  // decoded summaries ("" when absent)
    std::string rule;            // comparisonRule() applied
    std::vector<ReplayDifference> differences;
    [[nodiscard]] bool matches() const { return differences.empty() && !captured.empty() && !sent.empty(); }
};

struct ReplayResult {
    std::vector<ReplayComparison> comparisons;
    std::size_t divergences = 0;  // REPLAY_DIVERGENCE findings added to the trace
    std::string outcome;          // the method side's outcome: "success", "failure", "error", "none"
};

/// Runs the replay into `trace` with `executor` for the method's side.
Result<ReplayResult> replayConversation(const CaptureImport& capture, const ReplayRequest& request,
                                        MethodExecutor& executor, Trace& trace);

}  // namespace eapscope
