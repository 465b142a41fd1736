#include "trace/event_types.h"

#include "common/translate.h"

#include <array>
#include <string>

namespace eapscope {

std::string_view toString(Side side)
{
    switch (side) {
        case Side::Authenticator:
            return "authenticator";
        case Side::Peer:
            return "peer";
        case Side::None:
            return "none";
    }
    return "none";
}

std::string_view toString(EntryPoint entry)
{
    switch (entry) {
        case EntryPoint::None:
            return "none";
        case EntryPoint::GetInfo:
            return "GetInfo";
        case EntryPoint::Initialize:
            return "Initialize";
        case EntryPoint::Uninitialize:
            return "Uninitialize";
        case EntryPoint::Begin:
            return "Begin";
        case EntryPoint::MakeMessage:
            return "MakeMessage";
        case EntryPoint::End:
            return "End";
    }
    return "none";
}

std::string_view entryPointName(EntryPoint entry)
{
    switch (entry) {
        case EntryPoint::None:
            return "";
        case EntryPoint::GetInfo:
            return "RasEapGetInfo";
        case EntryPoint::Initialize:
        case EntryPoint::Uninitialize:
            return "RasEapInitialize";
        case EntryPoint::Begin:
            return "RasEapBegin";
        case EntryPoint::MakeMessage:
            return "RasEapMakeMessage";
        case EntryPoint::End:
            return "RasEapEnd";
    }
    return "";
}

std::string_view toString(EventKind kind)
{
    switch (kind) {
        case EventKind::CallStart:
            return "call";
        case EventKind::CallEnd:
            return "return";
        case EventKind::Packet:
            return "packet";
        case EventKind::State:
            return "state";
        case EventKind::TimerArmed:
            return "timer-armed";
        case EventKind::TimerFired:
            return "timer-fired";
        case EventKind::HeapAlloc:
            return "alloc";
        case EventKind::HeapFree:
            return "free";
        case EventKind::Finding:
            return "finding";
        case EventKind::Note:
            return "note";
        case EventKind::Learner:
            return "learner";
        case EventKind::Radius:
            return "radius";
    }
    return "note";
}

std::string_view toString(Severity severity)
{
    switch (severity) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "error";
}

std::string_view toString(ContextState state)
{
    switch (state) {
        case ContextState::Created:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "created");  // a context's first State row
        case ContextState::Begun:
            return "begun";
        case ContextState::Exchanging:
            return "exchanging";
        case ContextState::Done:
            return "done";
        case ContextState::Ended:
            return "ended";
        case ContextState::Failed:
            return "failed";
    }
    return "created";
}

std::string_view actionName(std::uint8_t action)
{
    static constexpr std::array<std::string_view, 9> kNames = {"NoAction",
                                                               "Authenticate",
                                                               "Done",
                                                               "SendAndDone",
                                                               "Send",
                                                               "SendWithTimeout",
                                                               "SendWithTimeoutInteractive",
                                                               "IndicateTLV",
                                                               "IndicateIdentity"};
    if (action < kNames.size()) {
        return kNames[action];
    }
    if (action == kNoAction) {
        return "-";
    }
    static const std::array<std::string, 256> kInvalid = [] {
        std::array<std::string, 256> names;
        for (std::size_t i = 0; i < names.size(); ++i) {
            names[i] = "Invalid(" + std::to_string(i) + ")";
        }
        return names;
    }();
    return kInvalid[action];
}

}  // namespace eapscope
