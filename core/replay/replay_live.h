// Replay as a stepping session (issue 6 part 5, GUI half): the pieces replayConversation() is
// made of, so a controller can drive the same engine config one step at a time and compare
// each packet the method sends with the captured one as soon as it is on the wire.
#pragma once

#include "capture/capture_types.h"
#include "common/result.h"
#include "engine/session_engine.h"
#include "replay/replay_script.h"
#include "replay/replay_session.h"
#include "trace/trace.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

/// The engine config replayConversation() runs: `executor` plays `request.role`, the captured
/// other side is the scripted counterpart.
EngineConfig replayConfig(const ReplayScript& script, const ReplayRequest& request, MethodExecutor& executor,
                          const std::string& path);
/// The method side's packet events in `trace`, in order.
std::vector<EventId> sentPackets(const Trace& trace, Side role);
/// The REPLAY_DIVERGENCE finding for `c` (offset = first differing byte in the captured packet).
FindingRecord divergence(const Trace& trace, const ReplayComparison& c, Side role,
                         std::optional<EventId> event);

/// Everything a stepping replay needs, resolved once.
struct ReplayPlan {
    CaptureImport capture;
    ReplayRequest request;
    ReplayScript script;
    std::string methodPath;  // resolved from request.methodSpec
};

/// Checks the conversation number and resolves the method; errors name what is wrong.
Result<ReplayPlan> planReplay(CaptureImport capture, ReplayRequest request);

/// Compares what the method sent so far with the capture, packet by packet, as a session steps.
class ReplayTracker {
public:
    explicit ReplayTracker(std::shared_ptr<const ReplayPlan> plan) : plan_(std::move(plan)) {}
    /// Adds REPLAY_DIVERGENCE findings for packets sent since the last call; when `finished`,
    /// also for captured packets the method never sent. Returns the number of findings added.
    /// Copes with a trace cut back by step back (packets after the cut are compared again).
    std::size_t update(Trace& trace, bool finished);

private:
    std::shared_ptr<const ReplayPlan> plan_;
    std::size_t compared_ = 0;
    bool endReported_ = false;
};

}  // namespace eapscope
