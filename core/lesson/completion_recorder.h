// Keeps exactly one TaskCompleted learner row per completed task in a live lesson's trace.
//
// The row is written where the trace is authoritative (the controller's worker), after the
// event that completed the task, never on a copy that lags behind it: a copy could miss a row
// the worker already has (and write a second one during a re-run that replays it) or miss that
// a step back cut one. A step back or a Restore can cut the row while keeping the event that
// completed the task (the row came after it); the next note() writes it again. The row is
// informational — `lesson check` re-derives every completion from the engine and learner
// events — but a session file should say once, and only once, when each task was done.
#pragma once

#include "lesson/lesson.h"
#include "lesson/lesson_evaluator.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>

namespace eapscope {

class CompletionRecorder {
public:
    explicit CompletionRecorder(Lesson lesson);

    /// Evaluates the rows added since the last call and appends a TaskCompleted row (at
    /// `timeNs`, learner_actions.h) for each done task that has none yet. Returns how many rows
    /// it appended.
    std::size_t note(Trace& trace, std::uint64_t timeNs);
    /// The trace was truncated (step back, Restore): look at every done task again.
    void truncated();

private:
    LessonEvaluator evaluator_;
    std::size_t checked_ = 0;  // done tasks whose row is known to be in the trace
};

}  // namespace eapscope
