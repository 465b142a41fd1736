#include "replay/replay_live.h"

#include "eap/eap_decoder.h"
#include "method/method_resolver.h"

#include <algorithm>

namespace eapscope {

Result<ReplayPlan> planReplay(CaptureImport capture, ReplayRequest request)
{
    if (request.conversation == 0 || request.conversation > capture.conversations.size()) {
        return makeError("'" + capture.path + "' has " + std::to_string(capture.conversations.size()) +
                         " conversation(s); there is no conversation " +
                         std::to_string(request.conversation));
    }
    auto path = resolveMethodSpec(request.methodSpec);
    if (!path) {
        return path.failure();
    }
    ReplayPlan plan;
    plan.script = buildReplayScript(capture, request.conversation - 1, request.role);
    plan.capture = std::move(capture);
    plan.request = std::move(request);
    plan.methodPath = *path;
    return plan;
}

std::size_t ReplayTracker::update(Trace& trace, bool finished)
{
    const ReplayPlan& plan = *plan_;
    const Side role = plan.request.role;
    std::vector<EventId> sent = sentPackets(trace, role);
    // Without a captured Request/Identity the engine's own one has nothing to be compared with.
    const std::size_t skip = role == Side::Authenticator && !plan.script.capturedIdentityRequest ? 1 : 0;
    const std::size_t available = sent.size() > skip ? sent.size() - skip : 0;
    if (compared_ > available) {  // stepped back
        compared_ = available;
        endReported_ = false;
    }
    const std::size_t limit = finished ? std::max(available, plan.script.expected.size()) : available;
    if (finished && endReported_) {
        return 0;
    }
    std::size_t added = 0;
    for (std::size_t i = compared_; i < limit; ++i) {
        ReplayComparison c;
        std::span<const std::uint8_t> captured, mine;
        if (i < plan.script.expected.size()) {
            const CapturedPacket& p = plan.capture.packets[plan.script.expected[i]];
            c.frame = p.frame;
            captured = plan.capture.packetBytes(p);
            c.captured = decodeEap(captured).summary;
            c.rule = comparisonRule(p.code, p.type ? *p.type : -1);
        }
        std::optional<EventId> event;
        if (i < available) {
            event = sent[i + skip];
            mine = trace.packet(trace.row(*event).packet);
            c.sent = decodeEap(mine).summary;
        }
        c.differences = compareReplayPacket(mine, captured);
        if (!c.matches()) {
            trace.addFinding(divergence(trace, c, role, event), trace.empty() ? 0 : trace.times().back());
            ++added;
        }
    }
    compared_ = available;
    endReported_ = finished;
    return added;
}

}  // namespace eapscope
