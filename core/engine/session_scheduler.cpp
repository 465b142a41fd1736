// Which side of which conversation does the next unit of work (SessionEngine::step()).
#include "engine/session_engine.h"

#include "eapscope/raseap.h"

namespace eapscope {

std::span<const std::size_t> SessionEngine::activeConversations(std::vector<std::size_t>& scratch) const
{
    if (!config_.interleave) {
        const bool running = state_.current < state_.conversations.size();
        return {&state_.current, running ? 1u : 0u};
    }
    scratch.clear();
    for (std::size_t k = state_.firstOpen; k < state_.conversations.size(); ++k) {
        if (conversationOpen(k)) {
            scratch.push_back(k);
        }
    }
    return scratch;
}

bool SessionEngine::conversationOpen(std::size_t conversation) const
{
    for (const auto& ctx : state_.conversations[conversation].sides) {
        if (ctx.stage != SideStage::Ended) {
            return true;
        }
    }
    return false;
}

bool SessionEngine::hasWork(std::size_t conversation, Side side) const
{
    if (!isMethodSide(side) || state_.sides[index(side)].dead) {
        return false;
    }
    const SideContext& ctx = sideContext(conversation, side);
    switch (ctx.stage) {
        case SideStage::NotStarted:
            return side == Side::Authenticator || !ctx.inputs.empty();
        case SideStage::AwaitIdentity:
        case SideStage::Exchanging:
            return !ctx.inputs.empty();
        case SideStage::BeginPending:
        case SideStage::FirstCall:
        case SideStage::BackEnd:
        case SideStage::Completed:
            return true;
        case SideStage::Ended:
            return false;
    }
    return false;
}

bool SessionEngine::waitingForPacket(const SideContext& ctx) const
{
    const bool waitingStage = ctx.stage == SideStage::AwaitIdentity || ctx.stage == SideStage::Exchanging ||
                              ctx.stage == SideStage::NotStarted;
    return waitingStage && ctx.inputs.empty();
}

bool SessionEngine::counterpartHasWork(std::size_t conversation, Side side) const
{
    if (isMethodSide(side)) {
        return false;
    }
    if (config_.counterpart == Counterpart::RadiusServer) {
        return side == Side::Authenticator && radiusHasWork(conversation);
    }
    if (config_.counterpart != Counterpart::Scripted) {
        return false;
    }
    const SideContext& method = sideContext(conversation, other(side));
    const bool methodStarted = other(side) == Side::Peer || method.stage != SideStage::NotStarted;
    return methodStarted && waitingForPacket(method) &&
           sideContext(conversation, side).scriptCursor < config_.script.size();
}

bool SessionEngine::stepConversations(StepResult& result)
{
    while (!config_.interleave && state_.current < state_.conversations.size() &&
           !conversationOpen(state_.current)) {
        ++state_.current;
    }
    while (config_.interleave && state_.firstOpen < state_.conversations.size() &&
           !conversationOpen(state_.firstOpen)) {
        ++state_.firstOpen;
    }
    std::vector<std::size_t> scratch;
    const auto active = activeConversations(scratch);
    const bool serving = config_.counterpart == Counterpart::RadiusClients && state_.serving;
    if (active.empty() && serving) {
        result = {StepKind::Waiting, Side::None, ContextId(), EntryPoint::None,
                  phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "waiting for a supplicant"))};
        return false;
    }
    if (active.empty()) {
        advancePhase();
        return false;
    }
    const std::size_t slots = active.size() * 2;
    for (std::size_t i = 0; i < slots; ++i) {
        const std::size_t slot = (state_.cursor + i) % slots;
        const std::size_t k = active[slot / 2];
        const Side side = slot % 2 == 0 ? Side::Authenticator : Side::Peer;
        if (hasWork(k, side)) {
            state_.cursor = slot + 1;
            work(k, side, result);
            return true;
        }
        if (counterpartHasWork(k, side)) {
            state_.cursor = slot + 1;
            playCounterpart(k, side, result);
            return true;
        }
    }
    if (config_.autoFireTimeouts && fireEarliestTimer(result, true)) {
        return true;
    }
    if (config_.counterpart == Counterpart::RadiusClients) {
        // The supplicants (and their NASes) retransmit; the method waits for their packets.
        result = {StepKind::Waiting, Side::None, ContextId(), EntryPoint::None,
                  phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "waiting for the supplicants"))};
        return false;
    }
    if (timerArmed() || config_.counterpart == Counterpart::Manual) {
        result = {
            StepKind::Waiting, Side::None, ContextId(), EntryPoint::None,
            config_.counterpart == Counterpart::Manual
                ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "waiting for a packet or a timeout"))
                : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "waiting for the retransmission timeout"))};
        return false;
    }
    return endStalledContext(result);
}

bool SessionEngine::fireEarliestTimer(StepResult& result, bool /*onlyActive*/)
{
    SideContext* earliest = nullptr;
    std::size_t where = 0;
    Side whichSide = Side::None;
    std::vector<std::size_t> scratch;
    for (std::size_t k : activeConversations(scratch)) {
        for (Side side : {Side::Authenticator, Side::Peer}) {
            SideContext& ctx = sideContext(k, side);
            const bool live = ctx.stage != SideStage::Ended && ctx.stage != SideStage::Completed;
            if (live && ctx.timer.armed &&
                (earliest == nullptr || ctx.timer.armedSeq < earliest->timer.armedSeq)) {
                earliest = &ctx;
                where = k;
                whichSide = side;
            }
        }
    }
    if (earliest == nullptr) {
        return false;
    }
    SideContext& ctx = *earliest;
    ctx.timer.armed = false;
    if (!ctx.timer.interactive) {
        ++ctx.timer.retries;
    }
    state_.virtualNs += std::uint64_t{config_.retransmitMs} * 1'000'000u;  // virtual time passes
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::TimerFired;
    row.side = whichSide;
    row.context = ctx.context;
    row.aux = ctx.timer.retries;
    trace_.append(row);
    result = {StepKind::TimerFired, whichSide, ctx.context, EntryPoint::None,
              phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "retransmission timeout %1"),
                     {verbatim(ctx.timer.retries)})};
    if (!ctx.timer.interactive && ctx.timer.retries > config_.retryLimit) {
        complete(where, whichSide, Outcome::Error, ERROR_PPP_TIMEOUT,
                 phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                "no answer after %1 retransmissions: the link is lost"),
                        {verbatim(config_.retryLimit)}));
        return true;
    }
    PendingInput input;
    input.kind = PendingInput::Kind::Timeout;
    ctx.inputs.push_back(std::move(input));
    return true;
}

bool SessionEngine::endStalledContext(StepResult& result)
{
    std::vector<std::size_t> scratch;
    for (std::size_t k : activeConversations(scratch)) {
        for (Side side : {Side::Authenticator, Side::Peer}) {
            SideContext& ctx = sideContext(k, side);
            if (ctx.stage == SideStage::Ended) {
                continue;
            }
            if (!ctx.context.valid()) {
                ctx.stage = SideStage::Ended;  // never started: no context, nothing owed
                continue;
            }
            complete(k, side, Outcome::Error, ERROR_PPP_TIMEOUT,
                     phrase(EAPSCOPE_TRANSLATE_NOOP(
                         "EngineText", "stalled: nothing more will arrive from the counterpart")));
            result = {StepKind::EngineAction, side, ctx.context, EntryPoint::None, ctx.message};
            return true;
        }
    }
    return false;
}

}  // namespace eapscope
