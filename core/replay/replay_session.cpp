#include "replay/replay_session.h"

#include "checker/rule_catalogue.h"
#include "eap/eap_decoder.h"
#include "eap/eap_types.h"
#include "engine/session_engine.h"
#include "method/method_resolver.h"
#include "replay/replay_live.h"
#include "replay/replay_script.h"

#include <filesystem>

namespace eapscope {

EngineConfig replayConfig(const ReplayScript& script, const ReplayRequest& request, MethodExecutor& executor,
                          const std::string& path)
{
    EngineConfig config;
    EngineSide& method = request.role == Side::Peer ? config.peer : config.authenticator;
    method.executor = &executor;
    method.load = LoadRequest{path, request.methodSpec, request.type};
    config.counterpart = Counterpart::Scripted;
    config.script = script.counterpart;
    config.identity = script.identity.empty() ? "anonymous" : script.identity;
    config.identityRequestId = script.identityRequestId;
    config.autoFireTimeouts = false;  // a capture has no more packets to resend: stop instead
    if (request.role == Side::Peer) {
        config.peerPassword = request.password;
    } else if (request.password) {
        config.users.emplace_back(config.identity, *request.password);
    }
    return config;
}

// The packets the method's side put on the wire, in order, with the event that carried each.
std::vector<EventId> sentPackets(const Trace& trace, Side role)
{
    std::vector<EventId> sent;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] == EventKind::Packet && trace.sides()[i] == role && trace.packets()[i].valid()) {
            sent.push_back(EventId(static_cast<std::uint32_t>(i)));
        }
    }
    return sent;
}

namespace {

MessageText describe(const ReplayComparison& c)
{
    if (c.sent.empty()) {
        return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                              "frame %1: the method sent nothing where the capture has %2"),
                      {verbatim(c.frame), verbatim(c.captured)});
    }
    if (c.captured.empty()) {
        return phrase(EAPSCOPE_TRANSLATE_NOOP(
                          "EngineText", "the method sent %1 beyond the end of the captured conversation"),
                      {verbatim(c.sent)});
    }
    // The differing ranges, "bytes 4–7 (field), bytes 9–9 (field)": each range a sentence, the
    // list built from them.
    MessageText ranges;
    for (const ReplayDifference& d : c.differences) {
        MessageText range = phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "bytes %1–%2 (%3)"),
                                   {verbatim(d.offset), verbatim(d.offset + d.length - 1), phrase(d.field)});
        ranges = ranges.empty() ? std::move(range) : phrase("%1, %2", {std::move(ranges), std::move(range)});
    }
    return phrase(
        EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                "frame %1: the method sent %2, the capture has %3; %4 differ (compared: %5)"),
        {verbatim(c.frame), verbatim(c.sent), verbatim(c.captured), ranges, phrase(c.rule)});
}

}  // namespace

FindingRecord divergence(const Trace& trace, const ReplayComparison& c, Side role,
                         std::optional<EventId> event)
{
    FindingRecord finding =
        makeFinding("REPLAY_DIVERGENCE", role, ContextId(), EventId(), EntryPoint::None, describe(c));
    if (event) {
        EventRow row = trace.row(*event);
        finding.context = row.context;
        if (row.call.valid()) {
            EventRow callEnd = trace.row(row.call);
            finding.call = callEnd.call;
            finding.entry = callEnd.entry;
        }
    }
    finding.offset = c.differences.empty() ? -1 : static_cast<std::int64_t>(c.differences.front().offset);
    return finding;
}

namespace {

std::string outcomeOf(const std::vector<SideOutcome>& outcomes, Side role)
{
    for (const SideOutcome& o : outcomes) {
        if (o.side == role)
            return std::string(toString(o.outcome));
    }
    return "none";
}

}  // namespace

Result<ReplayResult> replayConversation(const CaptureImport& capture, const ReplayRequest& request,
                                        MethodExecutor& executor, Trace& trace)
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
    ReplayScript script = buildReplayScript(capture, request.conversation - 1, request.role);
    trace.setOption("replay.capture", capture.path);
    trace.setOption("replay.conversation", std::to_string(request.conversation));
    SessionEngine engine(replayConfig(script, request, executor, *path), trace);
    engine.run();
    if (engine.loadFailed()) {
        return makeError("the method '" + request.methodSpec + "' could not be loaded for replay");
    }
    ReplayResult result;
    result.outcome = outcomeOf(engine.outcomes(), request.role);
    std::vector<EventId> sent = sentPackets(trace, request.role);
    // Without a captured Request/Identity the engine's own one has nothing to be compared with.
    if (request.role == Side::Authenticator && !script.capturedIdentityRequest && !sent.empty()) {
        sent.erase(sent.begin());
    }
    const std::size_t count = std::max(sent.size(), script.expected.size());
    for (std::size_t i = 0; i < count; ++i) {
        ReplayComparison c;
        std::span<const std::uint8_t> captured, mine;
        if (i < script.expected.size()) {
            const CapturedPacket& p = capture.packets[script.expected[i]];
            c.frame = p.frame;
            captured = capture.packetBytes(p);
            c.captured = decodeEap(captured).summary;
            c.rule = comparisonRule(p.code, p.type ? *p.type : -1);
        }
        if (i < sent.size()) {
            mine = trace.packet(trace.row(sent[i]).packet);
            c.sent = decodeEap(mine).summary;
        }
        c.differences = compareReplayPacket(mine, captured);
        if (!c.matches()) {
            trace.addFinding(
                divergence(trace, c, request.role, i < sent.size() ? std::optional(sent[i]) : std::nullopt),
                trace.empty() ? 0 : trace.times().back());
            ++result.divergences;
        }
        result.comparisons.push_back(std::move(c));
    }
    return result;
}

}  // namespace eapscope
