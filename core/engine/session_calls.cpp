// The method calls of one side-context (RASEAP.md §3.3-3.5) and how the engine acts on them.
#include "common/utf16.h"
#include "engine/eap_packets.h"
#include "engine/session_engine.h"

#include "eapscope/raseap.h"

#include <algorithm>

namespace eapscope {

namespace {

std::uint32_t flagsOf(const std::optional<PendingInput>& input)
{
    if (!input) {
        return 0;
    }
    switch (input->kind) {
        case PendingInput::Kind::Timeout:
            return kCallFlagTimeout;
        case PendingInput::Kind::AuthComplete:
            return kCallFlagAuthComplete;
        case PendingInput::Kind::Packet:
            return 0;
    }
    return 0;
}

bool isSend(std::uint32_t action)
{
    return action == EAPACTION_SendAndDone || action == EAPACTION_Send ||
           action == EAPACTION_SendWithTimeout || action == EAPACTION_SendWithTimeoutInteractive;
}

Outcome outcomeOf(std::uint32_t resultCode)
{
    return resultCode == NO_ERROR ? Outcome::Success : Outcome::Failure;
}

}  // namespace

void SessionEngine::callBegin(std::size_t conversation, Side side, StepResult& result)
{
    SideContext& ctx = sideContext(conversation, side);
    const bool auth = side == Side::Authenticator;
    BeginRequest request;
    request.contextTag = ctx.context.value() + 1;
    request.authenticator = auth;
    request.identity = utf8ToUtf16(auth ? ctx.identity : config_.identity);
    if (!auth && conversation < config_.peerPasswords.size()) {
        request.password = utf8ToUtf16(config_.peerPasswords[conversation]);
    } else if (!auth && config_.peerPassword) {
        request.password = utf8ToUtf16(*config_.peerPassword);
    }
    request.initialId = ctx.initialId;
    request.inputSize = config_.inputSize;
    const EngineSide& configured = auth ? config_.authenticator : config_.peer;
    request.connectionData = configured.connectionData;
    request.userData = configured.userData;
    const EventId start = recordCallStart(side, ctx.context, EntryPoint::Begin, PacketId(), 0);
    const CallOutcome outcome = executor(side)->begin(request);
    recordCallEnd(side, ctx.context, start, outcome);

    CallFacts facts{side,
                    ctx.context,
                    start,
                    EntryPoint::Begin,
                    auth,
                    state_.sides[index(side)].eapType,
                    config_.cbSendPacket,
                    std::nullopt,
                    false,
                    {}};
    // Only open conversations can hold a live work buffer.
    std::vector<std::size_t> scratch;
    for (std::size_t k : activeConversations(scratch)) {
        const SideContext& otherCtx = sideContext(k, side);
        if (k != conversation && otherCtx.begun) {
            facts.otherLiveWorkBuffers.push_back(otherCtx.workBuffer);
        }
    }
    addFindings(checker_.checkCall(facts, outcome, ctx.history));
    result = {StepKind::Call, side, ctx.context, EntryPoint::Begin,
              StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapBegin returned %1"),
                              std::uint64_t{outcome.result})};
    if (handleFailure(side, conversation, outcome)) {
        return;
    }
    if (outcome.result != NO_ERROR) {
        complete(conversation, side, Outcome::Error, outcome.result, result.description.text());
        return;
    }
    ctx.begun = true;
    ctx.workBuffer = outcome.workBuffer;
    ctx.history.initialId = ctx.initialId;
    state_.heap.onBegin(trace_, ctx.context, outcome.workBuffer);
    setStage(conversation, side, auth ? SideStage::FirstCall : SideStage::Exchanging);
}

void SessionEngine::callMakeMessage(std::size_t conversation, Side side, std::optional<PendingInput> input,
                                    StepResult& result)
{
    SideContext& ctx = sideContext(conversation, side);
    MakeMessageRequest request;
    request.contextTag = ctx.context.value() + 1;
    request.workBuffer = ctx.workBuffer;
    request.cbSendPacket = config_.cbSendPacket;
    request.outputSize = config_.outputSize;
    request.flags = flagsOf(input);
    PacketId received;
    if (input && input->kind == PendingInput::Kind::Packet) {
        request.receivePacket = input->bytes;
        received = input->packet;
    } else if (input && input->kind == PendingInput::Kind::AuthComplete) {
        request.authResultCode = input->authResult;
        request.userAttributes = std::move(input->attributes);  // only the call reads them
    }
    const EventId start =
        recordCallStart(side, ctx.context, EntryPoint::MakeMessage, received, request.flags);
    CallOutcome outcome = executor(side)->makeMessage(request);
    const bool sendable = isSend(outcome.action) && outcome.result == NO_ERROR &&
                          outcome.sendPacket.size() >= 4 && outcome.sendLengthField >= 4 &&
                          outcome.sendLengthField <= config_.cbSendPacket;
    const PacketId sent = sendable ? trace_.addPacket(outcome.sendPacket) : PacketId();
    const EventId end = recordCallEnd(side, ctx.context, start, outcome, sent);

    CallFacts facts{side,
                    ctx.context,
                    start,
                    EntryPoint::MakeMessage,
                    side == Side::Authenticator,
                    state_.sides[index(side)].eapType,
                    config_.cbSendPacket,
                    std::move(request.receivePacket),
                    input && input->kind == PendingInput::Kind::Timeout,
                    {}};
    addFindings(checker_.checkCall(facts, outcome, ctx.history));
    result = {
        StepKind::Call, side, ctx.context, EntryPoint::MakeMessage,
        StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapMakeMessage returned %1, %2"),
                        std::uint64_t{outcome.result},
                        actionName(static_cast<std::uint8_t>(std::min<std::uint32_t>(outcome.action, 254))))};
    if (handleFailure(side, conversation, outcome)) {
        return;
    }
    if (ctx.stage == SideStage::FirstCall) {
        setStage(conversation, side, SideStage::Exchanging);
    }
    if (outcome.result == ERROR_PPP_INVALID_PACKET) {
        // §3.4: the packet is discarded, the session and its retransmission timer go on.
        note(side, ctx.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                 "EngineText",
                 "the method dropped the packet (ERROR_PPP_INVALID_PACKET); the session goes on")));
        return;
    }
    if (outcome.result != NO_ERROR) {
        complete(conversation, side, Outcome::Error, outcome.result,
                 phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapMakeMessage returned %1"),
                        {verbatim(outcome.result)}));
        return;
    }
    if (input && input->kind == PendingInput::Kind::Packet) {
        ctx.timer.armed = false;  // a packet was accepted: the timer stops (§3.4 NoAction, recommended)
    }
    actOnOutput(conversation, side, outcome, end, sent, input);
}

void SessionEngine::actOnOutput(std::size_t conversation, Side side, CallOutcome& outcome, EventId callEnd,
                                PacketId sent, const std::optional<PendingInput>& input)
{
    SideContext& ctx = sideContext(conversation, side);
    const bool resend = input && input->kind == PendingInput::Kind::Timeout;
    const bool done = outcome.action == EAPACTION_Done || outcome.action == EAPACTION_SendAndDone;
    if (done && side == Side::Authenticator && config_.counterpart == Counterpart::RadiusClients) {
        state_.conversations[conversation].radius.methodAttributes =
            std::move(outcome.outputAttributes);  // for the Accept
    }
    if (done && side == Side::Peer && config_.counterpart == Counterpart::RadiusServer &&
        outcome.authResultCode == NO_ERROR) {
        checkMppeKeys(conversation, outcome, trace_.calls()[callEnd.value()]);
    }
    if (sent.valid()) {
        transmit(conversation, side, sent, outcome.sendPacket, callEnd,
                 actionName(static_cast<std::uint8_t>(outcome.action)));
    } else if (isSend(outcome.action)) {
        note(side, ctx.context,
             phrase(
                 EAPSCOPE_TRANSLATE_NOOP("EngineText", "nothing sent: the packet's Length is not sendable")));
    }
    switch (outcome.action) {
        case EAPACTION_NoAction:
            break;
        case EAPACTION_Authenticate:
            if (side == Side::Authenticator) {
                ctx.backEndRequest = std::move(outcome.outputAttributes);
                setStage(conversation, side, SideStage::BackEnd, verbatim("EAPACTION_Authenticate"));
            } else {
                note(side, ctx.context,
                     phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                    "EAPACTION_Authenticate from a peer is ignored")));
            }
            return;
        case EAPACTION_Done:
        case EAPACTION_SendAndDone:
            complete(conversation, side, outcomeOf(outcome.authResultCode), outcome.authResultCode,
                     phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 with dwAuthResultCode %2"),
                            {verbatim(std::string(actionName(static_cast<std::uint8_t>(outcome.action)))),
                             verbatim(outcome.authResultCode)}));
            return;
        case EAPACTION_Send:
            ctx.timer.armed = false;
            break;
        case EAPACTION_SendWithTimeout:
        case EAPACTION_SendWithTimeoutInteractive:
            if (sent.valid()) {
                armTimer(conversation, side, outcome.action == EAPACTION_SendWithTimeoutInteractive, resend);
            }
            break;
        default:
            complete(
                conversation, side, Outcome::Error, ERROR_INVALID_PARAMETER,
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "invalid Action %1: the engine cannot go on"),
                       {verbatim(outcome.action)}));
            return;
    }
    // A peer that was given Success/Failure and did not say Done is complete anyway (§3.4).
    const auto h =
        input && input->kind == PendingInput::Kind::Packet ? parseEapHeader(input->bytes) : std::nullopt;
    if (side == Side::Peer && h && (h->code == EAPCODE_Success || h->code == EAPCODE_Failure)) {
        const bool success = h->code == EAPCODE_Success;
        complete(conversation, side, success ? Outcome::Success : Outcome::Failure,
                 success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE,
                 success ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                          "Success received; the method did not return Done"))
                         : phrase(EAPSCOPE_TRANSLATE_NOOP(
                               "EngineText", "Failure received; the method did not return Done")));
    }
}

void SessionEngine::callEnd(std::size_t conversation, Side side, StepResult& result)
{
    SideContext& ctx = sideContext(conversation, side);
    const EventId start = recordCallStart(side, ctx.context, EntryPoint::End, PacketId(), 0);
    const CallOutcome outcome = executor(side)->end(ctx.context.value() + 1, ctx.workBuffer);
    recordCallEnd(side, ctx.context, start, outcome);
    CallFacts facts{side,
                    ctx.context,
                    start,
                    EntryPoint::End,
                    side == Side::Authenticator,
                    state_.sides[index(side)].eapType,
                    config_.cbSendPacket,
                    std::nullopt,
                    false,
                    {}};
    addFindings(checker_.checkCall(facts, outcome, ctx.history));
    result = {StepKind::Call, side, ctx.context, EntryPoint::End,
              StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapEnd returned %1"),
                              std::uint64_t{outcome.result})};
    ctx.begun = false;
    if (handleFailure(side, conversation, outcome)) {
        return;
    }
    addFindings(state_.heap.onContextEnded(trace_, ctx.context, start));
    setStage(conversation, side, SideStage::Ended);
}

bool SessionEngine::handleFailure(Side side, std::size_t conversation, const CallOutcome& outcome)
{
    if (!outcome.failure) {
        return false;
    }
    const bool shared = executor(Side::Authenticator) == executor(Side::Peer);
    for (Side s : {Side::Authenticator, Side::Peer}) {
        if (s == side || shared) {
            state_.sides[index(s)].dead = true;
        }
    }
    const MessageText why =
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method's host died in %1; it is not called again"),
               {verbatim(std::string(entryPointName(outcome.entry)))});
    for (std::size_t k = 0; k < state_.conversations.size(); ++k) {
        for (Side s : {Side::Authenticator, Side::Peer}) {
            SideContext& ctx = sideContext(k, s);
            if (!state_.sides[index(s)].dead || ctx.stage == SideStage::Ended) {
                continue;
            }
            if (ctx.context.valid()) {
                ctx.begun = false;
                complete(
                    k, s, Outcome::Error, 0,
                    k == conversation
                        ? why
                        : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "ended with its host: %1"), {why}));
            }
            setStage(k, s, SideStage::Ended);
        }
        // Conversations that never started will not run: the other side has nobody to talk to.
        for (auto& ctx : state_.conversations[k].sides) {
            if (ctx.stage == SideStage::NotStarted && !ctx.context.valid()) {
                ctx.stage = SideStage::Ended;
            }
        }
    }
    return true;
}

EventId SessionEngine::recordCallStart(Side side, ContextId context, EntryPoint entry, PacketId packet,
                                       std::uint32_t flags, std::string_view text)
{
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::CallStart;
    row.side = side;
    row.context = context;
    row.entry = entry;
    row.packet = packet;
    row.aux = flags;
    row.text = trace_.intern(text);
    return trace_.append(row);
}

EventId SessionEngine::recordCallEnd(Side side, ContextId context, EventId start, const CallOutcome& outcome,
                                     PacketId sent)
{
    recordHeap(side, start, outcome.heap);
    const EntryPoint entry = trace_.entries()[start.value()];
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::CallEnd;
    row.side = side;
    row.context = context;
    row.entry = entry;
    row.call = start;
    row.result = outcome.result;
    row.action = entry == EntryPoint::MakeMessage
                     ? static_cast<std::uint8_t>(std::min<std::uint32_t>(outcome.action, 254))
                     : kNoAction;
    row.packet = sent;
    row.a = outcome.workBuffer;
    row.b = outcome.durationNs;
    row.aux = outcome.authResultCode;
    if (outcome.failure) {
        row.text = trace_.intern(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "host died: %1"), {outcome.failure->sentence()}));
    }
    return trace_.append(row);
}

void SessionEngine::recordHeap(Side side, EventId start, const std::vector<HeapEvent>& heap)
{
    for (const HeapEvent& event : heap) {
        EventRow row;
        row.timeNs = now();
        row.kind = event.alloc ? EventKind::HeapAlloc : EventKind::HeapFree;
        row.side = side;
        row.context = event.contextTag == 0 ? ContextId() : ContextId(event.contextTag - 1);
        row.call = start;
        row.a = event.address;
        row.b = event.size;
        row.aux = heapAuxFromAnomaly(event.anomaly);
        row.text = trace_.intern(event.site);
        const EventId id = trace_.append(row);
        addFindings(state_.heap.onEvent(trace_, id));
    }
}

}  // namespace eapscope
