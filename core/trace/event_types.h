// Vocabulary of the session trace: sides, entry points, event kinds, severities.
#pragma once

#include <cstdint>
#include <string_view>

namespace eapscope {

enum class Side : std::uint8_t { Authenticator = 0, Peer = 1, None = 2 };

enum class EntryPoint : std::uint8_t {
    None = 0,
    GetInfo,
    Initialize,    // RasEapInitialize(TRUE)
    Uninitialize,  // RasEapInitialize(FALSE)
    Begin,
    MakeMessage,
    End,
};

/// What one row of the trace records. Column use per kind is documented in trace.h.
enum class EventKind : std::uint8_t {
    CallStart = 0,
    CallEnd,
    Packet,
    State,
    TimerArmed,
    TimerFired,
    HeapAlloc,
    HeapFree,
    Finding,
    Note,
    // Added in session format 1.2. A learner's action during a lesson (select, breakpoint,
    // answer, hint, task shown/completed): recorded in the trace like engine events so that
    // `lesson check` re-derives every task from the file alone (core/lesson/learner_actions.h).
    Learner,
    Radius,  // appended: a RADIUS packet between the NAS and the server (live RADIUS counterparts)
};

enum class Severity : std::uint8_t { Info = 0, Warning = 1, Error = 2 };

/// Engine state of a context (RASEAP.md §3): what the lanes and the contexts dock show.
enum class ContextState : std::uint8_t { Created = 0, Begun, Exchanging, Done, Ended, Failed };

/// Sentinel for EventRow::action when no PPP_EAP_ACTION applies.
inline constexpr std::uint8_t kNoAction = 0xFF;

std::string_view toString(Side side);
std::string_view toString(EntryPoint entry);
std::string_view toString(EventKind kind);
std::string_view toString(Severity severity);
std::string_view toString(ContextState state);
/// "NoAction", "Authenticate", … "IndicateIdentity", or "Invalid(N)" — never empty.
std::string_view actionName(std::uint8_t action);

/// The RASEAP.md entry point name, e.g. "RasEapMakeMessage"; "RasEapInitialize" for both init kinds.
std::string_view entryPointName(EntryPoint entry);

}  // namespace eapscope
