// One side of one conversation: the engine's own part of RASEAP.md §3 (Identity exchange,
// Notification, Nak, back end, counterpart packets) and the stage transitions.
#include "engine/eap_packets.h"
#include "engine/session_engine.h"

#include "eapscope/raseap.h"

namespace eapscope {

namespace {

ContextState contextStateOf(SideStage stage, Outcome outcome)
{
    switch (stage) {
        case SideStage::NotStarted:
        case SideStage::AwaitIdentity:
        case SideStage::BeginPending:
            return ContextState::Created;
        case SideStage::FirstCall:
            return ContextState::Begun;
        case SideStage::Exchanging:
        case SideStage::BackEnd:
            return ContextState::Exchanging;
        case SideStage::Completed:
            return outcome == Outcome::Error ? ContextState::Failed : ContextState::Done;
        case SideStage::Ended:
            return ContextState::Ended;
    }
    return ContextState::Created;
}

bool isCode(const std::optional<EapHeader>& h, std::uint8_t code,
            std::optional<std::uint8_t> type = std::nullopt)
{
    return h && h->code == code && (!type || h->type == type);
}

}  // namespace

void SessionEngine::ensureContext(std::size_t conversation, Side side, std::string_view label)
{
    SideContext& ctx = sideContext(conversation, side);
    if (ctx.context.valid()) {
        return;
    }
    auto& rt = state_.sides[index(side)];
    const ContextId id(static_cast<std::uint32_t>(trace_.contexts().size()));
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::State;
    row.side = side;
    row.context = id;
    row.aux = static_cast<std::uint32_t>(ContextState::Created);
    row.text = trace_.internSentence(toString(ContextState::Created),
                                     [] { return phrase(toString(ContextState::Created)); });
    const EventId created = trace_.append(row);
    ContextInfo info;
    info.side = side;
    info.number = config_.firstContextNumber + ++rt.contextCount;
    info.created = created;
    info.label = trace_.intern(label);
    trace_.addContext(info);
    ctx.context = id;
}

void SessionEngine::setStage(std::size_t conversation, Side side, SideStage stage, const MessageText& detail)
{
    // Built in a buffer each thread keeps, so that a state row costs no allocation once its text
    // is interned; the sentence is made only for a text the trace has not seen.
    thread_local std::string text;
    text.assign(toString(stage));
    if (!detail.empty()) {
        text.append(": ");
        detail.appendEnglish(text);
    }
    recordStage(conversation, side, stage, text, [&] {
        return detail.empty() ? phrase(toString(stage))
                              : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: %2"),
                                       {phrase(toString(stage)), detail});
    });
}

template <typename MakeSentence>
void SessionEngine::recordStage(std::size_t conversation, Side side, SideStage stage, std::string_view text,
                                MakeSentence&& sentence)
{
    SideContext& ctx = sideContext(conversation, side);
    ctx.stage = stage;
    if (!ctx.context.valid()) {
        return;
    }
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::State;
    row.side = side;
    row.context = ctx.context;
    row.aux = static_cast<std::uint32_t>(contextStateOf(stage, ctx.outcome));
    row.result = stage == SideStage::Completed ? ctx.resultCode : 0;
    row.text = trace_.internSentence(text, std::forward<MakeSentence>(sentence));
    trace_.append(row);
    if (stage == SideStage::Ended && config_.counterpart == Counterpart::RadiusClients &&
        isMethodSide(side)) {
        endCounterpartLane(conversation,
                           other(side));  // the supplicant's lane ends with the method's context
    }
}

void SessionEngine::complete(std::size_t conversation, Side side, Outcome outcome, std::uint32_t code,
                             MessageText message)
{
    SideContext& ctx = sideContext(conversation, side);
    ctx.outcome = outcome;
    ctx.resultCode = code;
    ctx.message = std::move(message);
    ctx.timer.armed = false;
    ctx.inputs.clear();
    // The State row reads "completed: <outcome> - <message>" (setStage()'s "%1: %2" around
    // "%1 - %2"), written straight into a reused buffer.
    thread_local std::string text;
    text.assign(toString(SideStage::Completed)).append(": ").append(toString(outcome)).append(" - ");
    ctx.message.appendEnglish(text);
    recordStage(conversation, side, SideStage::Completed, text, [&] {
        return phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: %2"),
            {phrase(toString(SideStage::Completed)), phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 - %2"),
                                                            {phrase(toString(outcome)), ctx.message})});
    });
}

void SessionEngine::work(std::size_t conversation, Side side, StepResult& result)
{
    SideContext& ctx = sideContext(conversation, side);
    switch (ctx.stage) {
        case SideStage::NotStarted:
            if (side == Side::Authenticator) {
                startAuthenticator(conversation, result);
            } else {
                takeInput(conversation, side, result);
            }
            return;
        case SideStage::AwaitIdentity:
        case SideStage::Exchanging:
            takeInput(conversation, side, result);
            return;
        case SideStage::BeginPending:
            callBegin(conversation, side, result);
            return;
        case SideStage::FirstCall:
            callMakeMessage(conversation, side, std::nullopt, result);
            return;
        case SideStage::BackEnd:
            answerBackEnd(conversation, result);
            return;
        case SideStage::Completed:
            if (ctx.begun) {
                callEnd(conversation, side, result);
            } else {
                setStage(conversation, side, SideStage::Ended,
                         phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "no RasEapEnd: RasEapBegin did not succeed")));
                result = {StepKind::EngineAction, side, ctx.context, EntryPoint::None,
                          StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "context ended"))};
            }
            return;
        case SideStage::Ended:
            return;
    }
}

void SessionEngine::startAuthenticator(std::size_t conversation, StepResult& result)
{
    ensureContext(conversation, Side::Authenticator);
    SideContext& ctx = sideContext(conversation, Side::Authenticator);
    if (config_.counterpart == Counterpart::RadiusClients) {
        // RFC 3579 §2.1: the NAS did the Identity exchange; its Response/Identity comes first.
        const auto h = ctx.inputs.empty() ? std::nullopt : parseEapHeader(ctx.inputs.front().bytes);
        ctx.identityRequestId = h ? h->id : config_.identityRequestId;
        setStage(conversation, Side::Authenticator, SideStage::AwaitIdentity,
                 phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the NAS asked for the identity")));
        result = {
            StepKind::EngineAction, Side::Authenticator, ctx.context, EntryPoint::None,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "conversation from a NAS: Response/Identity next"))};
        return;
    }
    ctx.identityRequestId = config_.identityRequestId;
    // RASEAP.md §3.3: the authenticator's engine asks for the identity; the method's first
    // Request then continues from the next Identifier.
    transmitEngine(conversation, Side::Authenticator, makeIdentityRequest(config_.identityRequestId),
                   "engine: Request/Identity");
    setStage(conversation, Side::Authenticator, SideStage::AwaitIdentity);
    armTimer(conversation, Side::Authenticator, false, false);
    result = {StepKind::EngineAction, Side::Authenticator,
              sideContext(conversation, Side::Authenticator).context, EntryPoint::None,
              StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "sent Request/Identity"))};
}

void SessionEngine::takeInput(std::size_t conversation, Side side, StepResult& result)
{
    SideContext& ctx = sideContext(conversation, side);
    PendingInput input = std::move(ctx.inputs.front());
    ctx.inputs.erase(ctx.inputs.begin());
    if (side == Side::Authenticator) {
        authenticatorReceives(conversation, std::move(input), result);
    } else {
        peerReceives(conversation, std::move(input), result);
    }
}

void SessionEngine::authenticatorReceives(std::size_t conversation, PendingInput input, StepResult& result)
{
    const Side side = Side::Authenticator;
    SideContext& ctx = sideContext(conversation, side);
    result = {StepKind::EngineAction, side, ctx.context, EntryPoint::None, {}};
    const auto h = parseEapHeader(input.bytes);
    if (ctx.stage == SideStage::AwaitIdentity) {
        if (input.kind == PendingInput::Kind::Timeout) {
            transmitEngine(conversation, side, makeIdentityRequest(config_.identityRequestId),
                           "engine: Request/Identity (retransmission)");
            armTimer(conversation, side, false, true);
            result.description =
                StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "resent Request/Identity"));
        } else if (isCode(h, EAPCODE_Response, EAPTYPE_Identity) && h->id == ctx.identityRequestId) {
            ctx.identity = identityOf(input.bytes);
            ctx.initialId = static_cast<std::uint8_t>(h->id + 1);
            ctx.timer = RetransmitTimer{};
            setStage(
                conversation, side, SideStage::BeginPending,
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "identity '%1'"), {verbatim(ctx.identity)}));
            result.description = StepDescription(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "received identity '%1'"), verbatim(ctx.identity));
        } else {
            note(side, ctx.context,
                 phrase(EAPSCOPE_TRANSLATE_NOOP(
                     "EngineText", "engine dropped a packet while waiting for Response/Identity")));
            result.description = StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped a packet"));
        }
        return;
    }
    if (input.kind == PendingInput::Kind::Packet) {
        if (!h) {
            note(side, ctx.context,
                 phrase(EAPSCOPE_TRANSLATE_NOOP(
                     "EngineText", "engine dropped a malformed packet (Length outside the data)")));
            result.description =
                StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped a malformed packet"));
            return;
        }
        if (isCode(h, EAPCODE_Response, EAPTYPE_Nak)) {
            const std::string proposed = h->length >= 6 ? std::to_string(input.bytes[5]) : "none";
            const std::uint32_t type = state_.sides[index(side)].eapType;
            transmitEngine(conversation, side, makeSuccessOrFailure(EAPCODE_Failure, h->id),
                           "engine: Failure (Nak)");
            complete(conversation, side, Outcome::Failure, ERROR_NOT_SUPPORTED,
                     phrase(EAPSCOPE_TRANSLATE_NOOP(
                                "EngineText",
                                "the peer refused EAP type %1 (its Nak proposes type %2); no common method"),
                            {verbatim(type), verbatim(proposed)}));
            result.description = ctx.message;
            return;
        }
        if (isCode(h, EAPCODE_Response, EAPTYPE_Identity)) {
            note(
                side, ctx.context,
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "engine dropped a repeated Response/Identity")));
            result.description = StepDescription(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped a repeated Response/Identity"));
            return;
        }
    }
    callMakeMessage(conversation, side, std::move(input), result);
}

void SessionEngine::peerReceives(std::size_t conversation, PendingInput input, StepResult& result)
{
    const Side side = Side::Peer;
    ensureContext(conversation, side);
    SideContext& ctx = sideContext(conversation, side);
    result = {StepKind::EngineAction, side, ctx.context, EntryPoint::None, {}};
    const auto h = parseEapHeader(input.bytes);
    if (input.kind != PendingInput::Kind::Packet || !h) {
        note(side, ctx.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                            "engine dropped a malformed packet (Length outside the data)")));
        result.description =
            StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped a malformed packet"));
        return;
    }
    const std::uint32_t type = state_.sides[index(side)].eapType;
    if (isCode(h, EAPCODE_Request, EAPTYPE_Identity)) {
        transmitEngine(conversation, side, makeIdentityResponse(h->id, config_.identity),
                       "engine: Response/Identity");
        result.description =
            StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "answered Request/Identity with '%1'"),
                            verbatim(config_.identity));
        return;
    }
    if (isCode(h, EAPCODE_Request, EAPTYPE_Notification)) {
        transmitEngine(conversation, side, makeNotificationResponse(h->id), "engine: Response/Notification");
        result.description =
            StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "answered Request/Notification"));
        return;
    }
    if (ctx.begun) {
        callMakeMessage(conversation, side, std::move(input), result);
        return;
    }
    if (isCode(h, EAPCODE_Request) && h->type == type) {
        // §3.3: the peer's Begin comes with the first Request of the method's type.
        ctx.initialId = h->id;
        ctx.inputs.insert(ctx.inputs.begin(), std::move(input));
        setStage(conversation, side, SideStage::BeginPending);
        result.description = StepDescription(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "first Request of type %1: RasEapBegin next"),
            std::uint64_t{type});
    } else if (isCode(h, EAPCODE_Request)) {
        transmitEngine(conversation, side, makeNak(h->id, static_cast<std::uint8_t>(type)),
                       "engine: Nak (wants type " + std::to_string(type) + ")");
        result.description =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Nak: type %1 is not the method's type %2"),
                   {verbatim(*h->type), verbatim(type)});
    } else if (isCode(h, EAPCODE_Success) || isCode(h, EAPCODE_Failure)) {
        const bool success = h->code == EAPCODE_Success;
        complete(conversation, side, success ? Outcome::Success : Outcome::Failure,
                 success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE,
                 success ? phrase(EAPSCOPE_TRANSLATE_NOOP(
                               "EngineText", "the authenticator sent Success before the method started"))
                         : phrase(EAPSCOPE_TRANSLATE_NOOP(
                               "EngineText", "the authenticator sent Failure before the method started")));
        result.description = ctx.message;
    } else {
        note(side, ctx.context,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "engine dropped a packet a peer does not expect")));
        result.description = StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "dropped a packet"));
    }
}

void SessionEngine::answerBackEnd(std::size_t conversation, StepResult& result)
{
    SideContext& ctx = sideContext(conversation, Side::Authenticator);
    BackEndAnswer answer = backEnd_.authenticate(ctx.backEndRequest);
    thread_local std::string text;  // reused: the Note's sentence is made once per distinct text
    text.assign("back end: ");
    answer.detail.appendEnglish(text);
    note(Side::Authenticator, ctx.context, trace_.internSentence(text, [&answer] {
        return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "back end: %1"), {answer.detail});
    }));
    PendingInput input;
    input.kind = PendingInput::Kind::AuthComplete;
    input.authResult = answer.resultCode;
    input.attributes = std::move(answer.attributes);
    ctx.inputs.insert(ctx.inputs.begin(), std::move(input));
    setStage(conversation, Side::Authenticator, SideStage::Exchanging,
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "back end answered")));
    result = {
        StepKind::EngineAction, Side::Authenticator, ctx.context, EntryPoint::None,
        StepDescription(EAPSCOPE_TRANSLATE_NOOP("EngineText", "back end: %1"), std::move(answer.detail))};
}

void SessionEngine::playCounterpart(std::size_t conversation, Side side, StepResult& result)
{
    if (config_.counterpart == Counterpart::RadiusServer) {
        playRadius(conversation, result);
        return;
    }
    SideContext& script = sideContext(conversation, side);
    const Bytes& packet = config_.script.at(script.scriptCursor++);
    const Side to = other(side);
    const PacketId id = trace_.addPacket(packet);
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::Packet;
    row.side = side;
    row.context = sideContext(conversation, to).context;
    row.packet = id;
    row.aux = 0;
    row.text = trace_.intern("script: " + shortSummary(packet));
    trace_.append(row);
    deliver(conversation, to, id, packet);
    result = {StepKind::EngineAction, side, row.context, EntryPoint::None,
              phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "counterpart sent %1"),
                     {verbatim(shortSummary(packet))})};
}

void SessionEngine::armTimer(std::size_t conversation, Side side, bool interactive, bool resend)
{
    SideContext& ctx = sideContext(conversation, side);
    ctx.timer.armed = true;
    ctx.timer.interactive = interactive;
    ctx.timer.armedSeq = ++state_.timerSeq;
    if (!resend) {
        ctx.timer.retries = 0;
    }
    EventRow row;
    row.timeNs = now();
    row.kind = EventKind::TimerArmed;
    row.side = side;
    row.context = ctx.context;
    row.aux = ctx.timer.retries;
    trace_.append(row);
}

}  // namespace eapscope
