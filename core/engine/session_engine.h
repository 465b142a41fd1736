// SessionEngine: plays the RAS authentication service around one or two methods, exactly as
// RASEAP.md §3 describes, one unit of work per step() so a person can step through it
// (DESIGN.md "The session engine"). Everything it does becomes rows of the Trace it is given.
//
// Outer state machine (EnginePhase): load each side (RasEapGetInfo), Initialize(TRUE) each
// side, run the conversations, Initialize(FALSE) each side, finished. Inner state machine per
// side of each conversation (SideStage), see engine_state.h. Every transition is a State row.
#pragma once

#include "checker/contract_checker.h"
#include "engine/backend/back_end.h"
#include "engine/engine_config.h"
#include "engine/engine_state.h"
#include "trace/trace.h"

#include "radius/radius_packet.h"

#include <array>
#include <chrono>
#include <map>
#include <span>
#include <string>
#include <variant>

namespace eapscope {

enum class StepKind : std::uint8_t {
    Load,          // RasEapGetInfo (+ probing)
    Call,          // one method call
    EngineAction,  // Identity exchange, Nak, back-end answer, counterpart packet, outcome decision
    TimerFired,    // a virtual retransmission timer expired
    Waiting,       // nothing can happen until fireTimeout() or injectPacket()
    Finished,
};

/// What a step did, in one line for a status bar (english() outside the GUI). Only a person
/// stepping reads it, and a bulk run makes a dozen steps per context: a step keeps the template
/// (a string literal marked with EAPSCOPE_TRANSLATE_NOOP) and its arguments as they are, and
/// text() builds the sentence when someone asks.
class StepDescription {
public:
    /// A number (shown verbatim), a name of static storage (verbatim), or a sentence.
    using Arg = std::variant<std::monostate, std::uint64_t, std::string_view, MessageText>;

    StepDescription() = default;
    /// A sentence built already (rare steps; the GUI's own status texts).
    StepDescription(MessageText text) : sentence_(std::move(text)) {}  // NOLINT: implicit on purpose
    /// `source` must outlive the description (a string literal); so must a string_view argument.
    explicit StepDescription(const char* source, Arg first = {}, Arg second = {})
        : source_(source), args_{std::move(first), std::move(second)}
    {
    }

    [[nodiscard]] MessageText text() const;
    [[nodiscard]] bool empty() const { return source_ == nullptr && sentence_.empty(); }

private:
    const char* source_ = nullptr;
    std::array<Arg, 2> args_;
    MessageText sentence_;  // when source_ is null
};

struct StepResult {
    StepKind kind = StepKind::Finished;
    Side side = Side::None;
    ContextId context;
    EntryPoint entry = EntryPoint::None;
    StepDescription description;  // read with description.text()
};

/// What one side of one conversation ended with (for the CLI and tests).
struct SideOutcome {
    Side side = Side::None;
    ContextId context;
    std::uint32_t number = 0;
    Outcome outcome = Outcome::None;
    std::uint32_t resultCode = 0;
    std::string message;
};

class SessionEngine {
public:
    SessionEngine(EngineConfig config, Trace& trace);

    /// Performs exactly one unit of work and returns what happened.
    StepResult step();
    /// Steps until finished (or waiting for a person: Manual counterpart, timers off).
    StepResult run();

    [[nodiscard]] bool finished() const { return state_.phase == EnginePhase::Finished; }

    /// Fires the earliest armed retransmission timer (GUI "Fire timeout"); error when none.
    Status fireTimeout();
    [[nodiscard]] bool timerArmed() const;

    /// Manual counterpart: a packet from the person to the method of the running conversation.
    Status injectPacket(Bytes packet);

    // RadiusClients counterpart (`serve`, radius_serve.h): conversations arrive from outside.
    /// Opens a conversation whose peer is `label` (e.g. "RADIUS 02-00-00-00-00-01"); its index.
    std::size_t openConversation(std::string label);
    /// A packet from the conversation's supplicant to the method.
    Status deliverFromCounterpart(std::size_t conversation, Bytes packet, std::string_view label);
    /// The EAP packets the method sent to the conversation's supplicant since the last call.
    std::vector<Bytes> takeCounterpartPackets(std::size_t conversation);
    /// The attributes the method returned with its last Done/SendAndDone (MPPE keys).
    [[nodiscard]] const std::vector<AuthAttribute>& methodAttributes(std::size_t conversation) const;
    /// Ends a conversation whose supplicant went away (its context gets RasEapEnd).
    void abandonConversation(std::size_t conversation, MessageText why);
    /// No more conversations will arrive: the session ends when the open ones have.
    void stopServing() { state_.serving = false; }
    /// Records a RADIUS packet on the lane of the conversation's counterpart side.
    void recordCounterpartRadius(std::size_t conversation, const Bytes& bytes, bool toMethodSide);

    [[nodiscard]] const EngineState& state() const { return state_; }
    void restoreState(const EngineState& state) { state_ = state; }
    [[nodiscard]] const EngineConfig& config() const { return config_; }
    [[nodiscard]] Trace& trace() { return trace_; }

    /// The engine's clock (ns since the session started, virtual timers included, never going
    /// backwards): the time to stamp rows others append to the trace, such as learner actions.
    std::uint64_t timestampNs() { return now(); }

    [[nodiscard]] std::vector<SideOutcome> outcomes() const;
    [[nodiscard]] bool loadFailed() const { return state_.loadFailed; }

private:
    friend class SessionEngineAccess;

    // phases (session_engine.cpp)
    bool stepPhase(StepResult& result);
    bool loadSide(Side side, StepResult& result);
    bool initSide(Side side, bool initialize, StepResult& result);
    void setPhase(EnginePhase phase);
    void advancePhase();

    // scheduling (session_scheduler.cpp)
    bool stepConversations(StepResult& result);
    bool hasWork(std::size_t conversation, Side side) const;
    bool counterpartHasWork(std::size_t conversation, Side side) const;
    bool waitingForPacket(const SideContext& ctx) const;
    bool conversationOpen(std::size_t conversation) const;
    bool fireEarliestTimer(StepResult& result, bool onlyCurrent);
    bool endStalledContext(StepResult& result);
    /// The open conversations the scheduler serves. Sequential mode has at most one, given as a
    /// view of state_.current so that a step allocates nothing; interleaved mode fills `scratch`.
    std::span<const std::size_t> activeConversations(std::vector<std::size_t>& scratch) const;
    void startConversations();

    // one side's work (session_side.cpp)
    void work(std::size_t conversation, Side side, StepResult& result);
    void startAuthenticator(std::size_t conversation, StepResult& result);
    void takeInput(std::size_t conversation, Side side, StepResult& result);
    void authenticatorReceives(std::size_t conversation, PendingInput input, StepResult& result);
    void peerReceives(std::size_t conversation, PendingInput input, StepResult& result);
    void answerBackEnd(std::size_t conversation, StepResult& result);
    void playCounterpart(std::size_t conversation, Side side, StepResult& result);
    void complete(std::size_t conversation, Side side, Outcome outcome, std::uint32_t code,
                  MessageText message);
    // The State row's text is the stage's name, then ": " and the detail when there is one; kept
    // as a sentence (Trace::intern(MessageText)) so the GUI translates both.
    void setStage(std::size_t conversation, Side side, SideStage stage, const MessageText& detail = {});
    /// setStage() with the row's English text given, and its sentence made only when new.
    template <typename MakeSentence>
    void recordStage(std::size_t conversation, Side side, SideStage stage, std::string_view text,
                     MakeSentence&& sentence);
    void ensureContext(std::size_t conversation, Side side, std::string_view label = {});

    // method calls (session_calls.cpp)
    void callBegin(std::size_t conversation, Side side, StepResult& result);
    void callMakeMessage(std::size_t conversation, Side side, std::optional<PendingInput> input,
                         StepResult& result);
    void callEnd(std::size_t conversation, Side side, StepResult& result);
    // Moves the output attributes of `outcome` into the state (the back end's request, the Accept's).
    void actOnOutput(std::size_t conversation, Side side, CallOutcome& outcome, EventId callEnd,
                     PacketId sent, const std::optional<PendingInput>& input);
    void armTimer(std::size_t conversation, Side side, bool interactive, bool resend);
    EventId recordCallStart(Side side, ContextId context, EntryPoint entry, PacketId packet,
                            std::uint32_t flags, std::string_view text = {});
    EventId recordCallEnd(Side side, ContextId context, EventId start, const CallOutcome& outcome,
                          PacketId sent = PacketId());
    void recordHeap(Side side, EventId start, const std::vector<HeapEvent>& heap);
    void addFindings(std::vector<FindingRecord> findings);
    bool handleFailure(Side side, std::size_t conversation, const CallOutcome& outcome);

    // the wire (session_wire.cpp)
    void transmit(std::size_t conversation, Side from, PacketId packet, const Bytes& bytes,
                  EventId producedBy, std::string_view label);
    void transmitEngine(std::size_t conversation, Side from, const Bytes& bytes, std::string_view label);
    void deliver(std::size_t conversation, Side to, PacketId packet, const Bytes& bytes);

    // the RADIUS server counterpart: EapScope is the NAS (session_radius.cpp)
    bool radiusHasWork(std::size_t conversation) const;
    void playRadius(std::size_t conversation, StepResult& result);
    void startNas(std::size_t conversation, StepResult& result);
    void sendAccessRequest(std::size_t conversation, StepResult& result);
    void transmitRadius(std::size_t conversation);
    void recordRadius(std::size_t conversation, const Bytes& bytes, bool fromServer,
                      std::uint32_t transmission);
    std::optional<Bytes> nextRadiusReply(std::size_t conversation, std::chrono::milliseconds wait);
    void awaitRadius(std::size_t conversation, StepResult& result);
    void handleRadiusReply(std::size_t conversation, const radius::RadiusPacket& reply, StepResult& result);
    void keepServerKeys(std::size_t conversation, const radius::RadiusPacket& accept);
    void checkMppeKeys(std::size_t conversation, const CallOutcome& outcome, EventId callStart);
    void giveUpRadius(std::size_t conversation, const MessageText& why);
    void closeRadiusLane(std::size_t conversation, StepResult& result);
    void endCounterpartLane(std::size_t conversation, Side lane);
    bool radiusCounterpart() const
    {
        return config_.counterpart == Counterpart::RadiusServer ||
               config_.counterpart == Counterpart::RadiusClients;
    }

    // helpers
    std::uint64_t now();
    // A Note row; its text is a sentence the GUI translates (Trace::intern(MessageText)).
    EventId note(Side side, ContextId context, const MessageText& text);
    EventId note(Side side, ContextId context, StringId text);  // a string interned with its sentence
    SideContext& sideContext(std::size_t conversation, Side side);
    const SideContext& sideContext(std::size_t conversation, Side side) const;
    MethodExecutor* executor(Side side) const;
    bool isMethodSide(Side side) const { return executor(side) != nullptr; }
    static Side other(Side side) { return side == Side::Authenticator ? Side::Peer : Side::Authenticator; }
    static std::size_t index(Side side) { return side == Side::Authenticator ? 0 : 1; }

    EngineConfig config_;
    Trace& trace_;
    EngineState state_;
    ContractChecker checker_;
    BackEnd backEnd_;
    std::chrono::steady_clock::time_point start_;
    // Answers of the RADIUS server read while waiting for another conversation's, by Identifier.
    // Real I/O, not engine state: a step back never brings a server's answer back.
    std::map<std::uint8_t, Bytes> radiusInbox_;
};

std::string_view toString(SideStage stage);
std::string_view toString(Outcome outcome);

}  // namespace eapscope
