#include "engine/session_engine.h"

#include "common/log.h"
#include "eapscope/raseap.h"
#include "engine/eap_packets.h"

namespace eapscope {

namespace {

std::shared_ptr<spdlog::logger> logger()
{
    static auto log = moduleLogger("core.engine");
    return log;
}

std::string_view phaseName(EnginePhase phase)
{
    switch (phase) {
        case EnginePhase::LoadAuthenticator:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "load-authenticator");
        case EnginePhase::LoadPeer:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "load-peer");
        case EnginePhase::InitAuthenticator:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "init-authenticator");
        case EnginePhase::InitPeer:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "init-peer");
        case EnginePhase::Conversations:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "conversations");
        case EnginePhase::UninitAuthenticator:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "uninit-authenticator");
        case EnginePhase::UninitPeer:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "uninit-peer");
        case EnginePhase::Finished:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "finished");
    }
    return "finished";
}

}  // namespace

std::string_view toString(SideStage stage)
{
    switch (stage) {
        case SideStage::NotStarted:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "not-started");
        case SideStage::AwaitIdentity:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "await-identity");
        case SideStage::BeginPending:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "begin-pending");
        case SideStage::FirstCall:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "first-call");
        case SideStage::Exchanging:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "exchanging");
        case SideStage::BackEnd:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "back-end");
        case SideStage::Completed:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "completed");
        case SideStage::Ended:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "ended");
    }
    return "ended";
}

std::string_view toString(Outcome outcome)
{
    switch (outcome) {
        case Outcome::None:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "none");
        case Outcome::Success:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "success");
        case Outcome::Failure:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "failure");
        case Outcome::Error:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "error");
    }
    return "none";
}

MessageText StepDescription::text() const
{
    if (source_ == nullptr) {
        return sentence_;
    }
    std::vector<MessageText> args;
    for (const Arg& arg : args_) {
        if (const auto* number = std::get_if<std::uint64_t>(&arg)) {
            args.push_back(verbatim(*number));
        } else if (const auto* name = std::get_if<std::string_view>(&arg)) {
            args.push_back(verbatim(std::string(*name)));
        } else if (const auto* sentence = std::get_if<MessageText>(&arg)) {
            args.push_back(*sentence);
        }
    }
    return phrase(source_, std::move(args));
}

SessionEngine::SessionEngine(EngineConfig config, Trace& trace)
    : config_(std::move(config)),
      trace_(trace),
      checker_(CheckerOptions{config_.slowCallMs}),
      start_(std::chrono::steady_clock::now())
{
    for (const auto& [user, password] : config_.users) {
        backEnd_.addUser(user, password);
    }
    state_.lastTimeNs = trace_.empty() ? 0 : trace_.times().back();
}

StepResult SessionEngine::step()
{
    StepResult result;
    while (!finished()) {
        if (state_.phase == EnginePhase::Conversations) {
            if (stepConversations(result)) {
                return result;
            }
            if (result.kind == StepKind::Waiting) {
                return result;
            }
        } else if (stepPhase(result)) {
            return result;
        }
    }
    result.kind = StepKind::Finished;
    result.description = StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "session finished"));
    return result;
}

StepResult SessionEngine::run()
{
    StepResult result;
    do {
        result = step();
    } while (result.kind != StepKind::Finished && result.kind != StepKind::Waiting);
    return result;
}

bool SessionEngine::stepPhase(StepResult& result)
{
    switch (state_.phase) {
        case EnginePhase::LoadAuthenticator:
            return loadSide(Side::Authenticator, result);
        case EnginePhase::LoadPeer:
            return loadSide(Side::Peer, result);
        case EnginePhase::InitAuthenticator:
            return initSide(Side::Authenticator, true, result);
        case EnginePhase::InitPeer:
            return initSide(Side::Peer, true, result);
        case EnginePhase::UninitAuthenticator:
            return initSide(Side::Authenticator, false, result);
        case EnginePhase::UninitPeer:
            return initSide(Side::Peer, false, result);
        case EnginePhase::Conversations:
        case EnginePhase::Finished:
            return false;
    }
    return false;
}

void SessionEngine::setPhase(EnginePhase phase)
{
    state_.phase = phase;
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::State;
    row.text = trace_.intern(
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "engine: %1"), {phrase(phaseName(phase))}));
    trace_.append(row);
    logger()->debug("phase {}", phaseName(phase));
}

void SessionEngine::advancePhase()
{
    switch (state_.phase) {
        case EnginePhase::LoadAuthenticator:
            setPhase(EnginePhase::LoadPeer);
            return;
        case EnginePhase::LoadPeer:
            setPhase(EnginePhase::InitAuthenticator);
            return;
        case EnginePhase::InitAuthenticator:
            setPhase(EnginePhase::InitPeer);
            return;
        case EnginePhase::InitPeer:
            setPhase(EnginePhase::Conversations);
            startConversations();
            return;
        case EnginePhase::Conversations:
            setPhase(EnginePhase::UninitAuthenticator);
            return;
        case EnginePhase::UninitAuthenticator:
            setPhase(EnginePhase::UninitPeer);
            return;
        case EnginePhase::UninitPeer:
            setPhase(EnginePhase::Finished);
            return;
        case EnginePhase::Finished:
            return;
    }
}

bool SessionEngine::loadSide(Side side, StepResult& result)
{
    MethodExecutor* exec = executor(side);
    const bool shared = side == Side::Peer && exec == executor(Side::Authenticator);
    if (exec == nullptr || shared) {
        if (shared) {
            state_.sides[1] = state_.sides[0];
            state_.sides[1].initialized = false;
            state_.sides[1].contextCount = 0;
        }
        advancePhase();
        return false;
    }
    const EventId start = recordCallStart(
        side, ContextId(), EntryPoint::GetInfo, PacketId(), 0,
        side == Side::Authenticator ? config_.authenticator.load.displayName : config_.peer.load.displayName);
    const LoadRequest& request = side == Side::Authenticator ? config_.authenticator.load : config_.peer.load;
    const LoadReport report = exec->load(request);
    CallOutcome outcome;
    outcome.entry = EntryPoint::GetInfo;
    outcome.result = report.ok ? NO_ERROR : ERROR_DLL_INIT_FAILED;
    recordCallEnd(side, ContextId(), start, outcome);
    addFindings(checker_.checkLoad(report, side, start));
    result = {StepKind::Load, side, ContextId(), EntryPoint::GetInfo,
              report.ok ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "loaded %1 (EAP type %2)"),
                                 {verbatim(report.name), verbatim(report.eapType)})
                        : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "could not load %1: %2"),
                                 {verbatim(request.path), verbatim(report.error)})};
    if (!report.ok) {
        state_.loadFailed = true;
        note(side, ContextId(),
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "load failed: %1"), {verbatim(report.error)}));
        setPhase(EnginePhase::UninitAuthenticator);
        return true;
    }
    auto& rt = state_.sides[index(side)];
    rt.loaded = true;
    rt.eapType = report.eapType;
    rt.name = report.name;
    const std::uint32_t roles =
        side == Side::Authenticator ? RAS_EAP_ROLE_AUTHENTICATOR : RAS_EAP_ROLE_AUTHENTICATEE;
    trace_.addMethod(MethodIdentity{side, report.name, report.path, report.eapType, roles, report.sha256});
    advancePhase();
    return true;
}

bool SessionEngine::initSide(Side side, bool initialize, StepResult& result)
{
    MethodExecutor* exec = executor(side);
    auto& rt = state_.sides[index(side)];
    const bool shared = side == Side::Peer && exec == executor(Side::Authenticator);
    const bool due = initialize ? (rt.loaded && !shared) : (rt.initialized && !shared);
    if (exec == nullptr || rt.dead || !due) {
        if (!initialize && exec != nullptr && !shared && rt.loaded && !rt.dead) {
            exec->unload();
        }
        advancePhase();
        return false;
    }
    const EntryPoint entry = initialize ? EntryPoint::Initialize : EntryPoint::Uninitialize;
    const EventId start =
        recordCallStart(side, ContextId(), entry, PacketId(), 0, initialize ? "TRUE" : "FALSE");
    const CallOutcome outcome = exec->initialize(initialize);
    recordCallEnd(side, ContextId(), start, outcome);
    PacketHistory unused;
    CallFacts facts{side,       ContextId(), start, entry, side == Side::Authenticator,
                    rt.eapType, 0,           {},    false, {}};
    addFindings(checker_.checkCall(facts, outcome, unused));
    result = {StepKind::Call, side, ContextId(), entry,
              initialize
                  ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapInitialize(TRUE) returned %1"),
                           {verbatim(outcome.result)})
                  : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapInitialize(FALSE) returned %1"),
                           {verbatim(outcome.result)})};
    if (handleFailure(side, state_.conversations.size(), outcome)) {
        if (initialize) {
            setPhase(EnginePhase::UninitAuthenticator);
        } else {
            advancePhase();
        }
        return true;
    }
    if (initialize) {
        rt.initialized = outcome.result == NO_ERROR;
        if (!rt.initialized) {
            setPhase(EnginePhase::UninitAuthenticator);
            return true;
        }
    } else {
        rt.initialized = false;
        recordHeap(side, EventId(), exec->drainHeapEvents());
        addFindings(state_.heap.onUnload(trace_, side, start));
        exec->unload();
    }
    advancePhase();
    return true;
}

void SessionEngine::startConversations()
{
    state_.conversations.assign(config_.contexts, Conversation{});
    state_.current = 0;
    state_.cursor = 0;
    for (auto& conversation : state_.conversations) {
        for (Side side : {Side::Authenticator, Side::Peer}) {
            if (!isMethodSide(side)) {
                conversation.sides[index(side)].stage = SideStage::Ended;  // the counterpart has no context
            }
        }
    }
}

std::vector<SideOutcome> SessionEngine::outcomes() const
{
    std::vector<SideOutcome> out;
    out.reserve(2 * state_.conversations.size());
    for (const auto& conversation : state_.conversations) {
        for (Side side : {Side::Authenticator, Side::Peer}) {
            const SideContext& ctx = conversation.sides[index(side)];
            if (!ctx.context.valid()) {
                continue;
            }
            out.push_back(SideOutcome{side, ctx.context, trace_.context(ctx.context).number, ctx.outcome,
                                      ctx.resultCode, ctx.message.english()});
        }
    }
    return out;
}

Status SessionEngine::fireTimeout()
{
    StepResult result;
    if (!fireEarliestTimer(result, false)) {
        return makeError(EAPSCOPE_TRANSLATE_NOOP("EngineText", "no retransmission timer is armed"));
    }
    return Ok{};
}

bool SessionEngine::timerArmed() const
{
    for (const auto& conversation : state_.conversations) {
        for (const auto& ctx : conversation.sides) {
            if (ctx.timer.armed && ctx.stage != SideStage::Ended && ctx.stage != SideStage::Completed) {
                return true;
            }
        }
    }
    return false;
}

Status SessionEngine::injectPacket(Bytes packet)
{
    if (config_.counterpart != Counterpart::Manual || state_.phase != EnginePhase::Conversations) {
        return makeError(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "packets can be injected only into a running session with a manual counterpart"));
    }
    std::vector<std::size_t> scratch;
    for (std::size_t k : activeConversations(scratch)) {
        for (Side side : {Side::Authenticator, Side::Peer}) {
            if (isMethodSide(side) && sideContext(k, side).stage != SideStage::Ended &&
                sideContext(k, side).stage != SideStage::Completed) {
                const PacketId id = trace_.addPacket(packet);
                EventRow row;
                row.timeNs = now();
                row.kind = EventKind::Packet;
                row.side = other(side);
                row.context = sideContext(k, side).context;
                row.packet = id;
                row.text = trace_.intern("manual: " + shortSummary(packet));
                trace_.append(row);
                deliver(k, side, id, packet);
                return Ok{};
            }
        }
    }
    return makeError(EAPSCOPE_TRANSLATE_NOOP("EngineText", "no context is waiting for a packet"));
}

std::uint64_t SessionEngine::now()
{
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_);
    const std::uint64_t t = static_cast<std::uint64_t>(elapsed.count()) + state_.virtualNs;
    state_.lastTimeNs = std::max(state_.lastTimeNs, t);
    return state_.lastTimeNs;
}

EventId SessionEngine::note(Side side, ContextId context, const MessageText& text)
{
    return note(side, context, trace_.intern(text));
}

EventId SessionEngine::note(Side side, ContextId context, StringId text)
{
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Note;
    row.side = side;
    row.context = context;
    row.text = text;
    logger()->debug("{}: {}", toString(side), trace_.string(row.text));
    return trace_.append(row);
}

SideContext& SessionEngine::sideContext(std::size_t conversation, Side side)
{
    return state_.conversations.at(conversation).sides[index(side)];
}

const SideContext& SessionEngine::sideContext(std::size_t conversation, Side side) const
{
    return state_.conversations.at(conversation).sides[index(side)];
}

MethodExecutor* SessionEngine::executor(Side side) const
{
    return side == Side::Authenticator ? config_.authenticator.executor : config_.peer.executor;
}

void SessionEngine::addFindings(std::vector<FindingRecord> findings)
{
    for (auto& finding : findings) {
        logger()->info("finding {} on {}: {}", finding.rule, toString(finding.side), finding.message);
        trace_.addFinding(std::move(finding), now());
    }
}

}  // namespace eapscope
