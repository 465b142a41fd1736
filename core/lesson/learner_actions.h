// Learner actions as trace events (EventKind::Learner, session format 1.2). What a learner does
// that is not an engine event — selecting an event, setting a breakpoint and hitting it,
// answering, asking for a hint, a task shown or completed — is appended to the same Trace the
// engine writes, so it is recorded in the session file with everything else and `lesson check`
// re-derives every task's completion from the file alone. Step back truncates learner events
// with the engine's: the session always says what the learner did on the path that is kept.
//
// Row layout (trace.h "Learner"): aux = LearnerAction; text = the payload below; a = the
// referenced event's id + 1 (0 = none); side, context, entry, action and packet are copied from
// the referenced event so that the event table and timeline can show them without a lookup.
//
//   LessonStarted   text = lesson id
//   TaskShown       text = task id          (the GUI shows the task; informational)
//   TaskCompleted   text = task id          (the evaluator said done; informational)
//   HintShown       text = task id          (counted per task)
//   Select          a = selected event      (a row in the event table, timeline, findings, packet)
//   BreakpointSet   text = breakpoint spec  ("entry:RasEapEnd", breakpoint_spec.h)
//   BreakpointHit   text = breakpoint spec, a = the event that hit it
//   Answer          text = "task-id=answer text"; a = the selected event for packet answers
//
// Times: the caller passes the engine's clock (SessionEngine::timestampNs()) or any clock
// since the session started; the row gets max(that, the last row's time) so times never go
// backwards.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eapscope {

enum class LearnerAction : std::uint8_t {
    LessonStarted = 0,
    TaskShown,
    TaskCompleted,
    HintShown,
    Select,
    BreakpointSet,
    BreakpointHit,
    Answer,
};

std::string_view toString(LearnerAction action);

/// A Learner row decoded.
struct LearnerEvent {
    LearnerAction action = LearnerAction::Select;
    std::string task;        // task-related actions
    std::string answer;      // Answer
    std::string breakpoint;  // BreakpointSet / BreakpointHit
    std::string lessonId;    // LessonStarted
    EventId target;          // Select / BreakpointHit / Answer (packet): the referenced event
};

/// Appends one Learner row. Prefer the helpers below.
EventId recordLearnerEvent(Trace& trace, const LearnerEvent& event, std::uint64_t timeNs);

EventId recordLessonStarted(Trace& trace, std::string_view lessonId, std::uint64_t timeNs);
EventId recordTaskShown(Trace& trace, std::string_view taskId, std::uint64_t timeNs);
EventId recordTaskCompleted(Trace& trace, std::string_view taskId, std::uint64_t timeNs);
EventId recordHint(Trace& trace, std::string_view taskId, std::uint64_t timeNs);
/// The learner selected `target` (any event: a packet, a call, a finding's row).
EventId recordSelection(Trace& trace, EventId target, std::uint64_t timeNs);
EventId recordBreakpointSet(Trace& trace, std::string_view spec, std::uint64_t timeNs);
EventId recordBreakpointHit(Trace& trace, std::string_view spec, EventId hit, std::uint64_t timeNs);
/// The learner answered `taskId` with `answer`; for "which packet" questions pass the selected
/// event as `selected` (the answer text may then be empty).
EventId recordAnswer(Trace& trace, std::string_view taskId, std::string_view answer, EventId selected,
                     std::uint64_t timeNs);

/// Decodes row `id` (nullopt when it is not a Learner row or its payload is malformed: a
/// session file is untrusted input, and a malformed row simply counts for nothing).
std::optional<LearnerEvent> learnerEvent(const Trace& trace, EventId id);

/// A one-line description for the event table: "answered which-context: 2", "selected #41", …
std::string describeLearnerEvent(const LearnerEvent& event);

}  // namespace eapscope
