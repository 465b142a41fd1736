// All mutable state of a SessionEngine in one copyable value, so a controller can snapshot it
// before a step and restore it to step back (issue 5), together with the executors'
// checkpoints and Trace::truncate().
#pragma once

#include "analysis/heap_ledger.h"
#include "checker/packet_history.h"
#include "method/call_types.h"
#include "trace/trace.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

/// Where the whole session is (the outer state machine).
enum class EnginePhase : std::uint8_t {
    LoadAuthenticator,
    LoadPeer,
    InitAuthenticator,
    InitPeer,
    Conversations,
    UninitAuthenticator,
    UninitPeer,
    Finished,
};

/// Where one side of one conversation is (RASEAP.md §3.3-3.5 for each role).
enum class SideStage : std::uint8_t {
    NotStarted,     // authenticator: about to send Request/Identity; peer: waiting for the first Request
    AwaitIdentity,  // authenticator engine waits for Response/Identity
    BeginPending,   // RasEapBegin is the next call
    FirstCall,      // authenticator: MakeMessage(NULL) right after Begin
    Exchanging,     // the method talks; packets and events go to MakeMessage
    BackEnd,        // authenticator asked EAPACTION_Authenticate; the back end answers next
    Completed,      // outcome decided; RasEapEnd is next (if Begin succeeded)
    Ended,          // nothing more happens on this side of the conversation
};

enum class Outcome : std::uint8_t { None, Success, Failure, Error };

/// Something waiting to be handed to a side: a packet from the wire or an engine event.
struct PendingInput {
    enum class Kind : std::uint8_t { Packet, Timeout, AuthComplete };
    Kind kind = Kind::Packet;
    PacketId packet;  // the trace packet (Packet)
    Bytes bytes;
    std::uint32_t authResult = 0;           // AuthComplete
    std::vector<AuthAttribute> attributes;  // AuthComplete
};

struct RetransmitTimer {
    bool armed = false;
    bool interactive = false;    // SendWithTimeoutInteractive: retries are not counted
    std::uint32_t retries = 0;   // timeouts fired for the current packet
    std::uint64_t armedSeq = 0;  // order of arming, to fire the earliest first
};

struct SideContext {
    SideStage stage = SideStage::NotStarted;
    ContextId context;   // trace context, invalid until the side starts
    bool begun = false;  // RasEapBegin returned NO_ERROR: End is owed
    std::uint64_t workBuffer = 0;
    std::string identity;                // authenticator: identity from the peer's Response/Identity
    std::uint8_t identityRequestId = 0;  // authenticator: Id of the Request/Identity (engine's or the NAS's)
    std::uint8_t initialId = 0;
    // A queue of one or two: a vector, empty without allocating (a deque allocates when made,
    // three times per conversation).
    std::vector<PendingInput> inputs;
    RetransmitTimer timer;
    PacketHistory history;
    std::vector<AuthAttribute> backEndRequest;  // attributes of EAPACTION_Authenticate
    Outcome outcome = Outcome::None;
    std::uint32_t resultCode = 0;
    MessageText message;           // why the outcome is what it is
    std::size_t scriptCursor = 0;  // Scripted counterpart playing this side: next packet
};

/// The RADIUS side of one conversation (RadiusServer: EapScope is the NAS; RadiusClients: the
/// packets the method sends, waiting for the serve loop to wrap them).
struct RadiusExchange {
    bool started = false;              // RadiusServer: the NAS sent Request/Identity
    std::vector<Bytes> toCounterpart;  // EAP packets the method sent, not yet wrapped in RADIUS
    Bytes state;                       // State of the last Access-Challenge (RFC 2865 §5.24)
    std::string userName;              // from the peer's Response/Identity (RFC 3579 §2.1)
    Bytes request;                     // the Access-Request in flight, resent as it is (RFC 5080 §2.2.1)
    std::array<std::uint8_t, 16> requestAuthenticator{};
    std::uint8_t identifier = 0;
    std::uint8_t lastEapId = 0;  // Identifier of the last EAP Response sent to the server
    bool awaiting = false;
    std::uint32_t sends = 0;     // transmissions of `request`
    std::uint64_t sentAtNs = 0;  // steady clock: the server is real, so is its timeout
    bool finished = false;       // Accept or Reject received, or the server given up on
    std::optional<Bytes> serverSendKey, serverRecvKey;  // decrypted MS-MPPE keys of the Accept
    std::vector<AuthAttribute> methodAttributes;        // RadiusClients: the method's Done attributes
};

struct Conversation {
    std::array<SideContext, 2> sides;  // indexed by Side (Authenticator = 0, Peer = 1)
    RadiusExchange radius;
};

struct SideRuntime {
    bool loaded = false;
    bool initialized = false;  // Initialize(TRUE) succeeded: FALSE is owed
    bool dead = false;         // its host crashed or hung: never called again
    std::uint32_t eapType = 0;
    std::string name;
    std::uint32_t contextCount = 0;  // contexts numbered so far (1-based numbers)
};

struct EngineState {
    EnginePhase phase = EnginePhase::LoadAuthenticator;
    std::array<SideRuntime, 2> sides;
    // A deque: `serve` opens conversations without end, and a growing vector would copy every
    // one of them (their deques are not nothrow-movable) each time it reallocates.
    std::deque<Conversation> conversations;
    std::size_t current = 0;  // sequential mode: the conversation running
    std::size_t cursor = 0;   // round-robin position over (conversation, side) slots
    // Interleaved mode: every conversation before this one has ended (Ended is final), so the
    // scheduler need not look at them again (`serve` opens one per supplicant, without end).
    std::size_t firstOpen = 0;
    std::uint32_t packetsOnWire = 0;
    std::uint64_t timerSeq = 0;
    std::uint64_t virtualNs = 0;    // time added by fired virtual timers
    std::uint64_t lastTimeNs = 0;   // trace times never go backwards
    std::uint8_t radiusNextId = 0;  // RADIUS Identifier of the next Access-Request (RFC 2865 §3)
    bool serving = true;            // RadiusClients: conversations may still arrive
    bool loadFailed = false;        // a side could not be loaded (CLI exit 2)
    HeapLedger heap;
};

}  // namespace eapscope
