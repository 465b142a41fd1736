// Which tasks of a lesson a session has completed (DESIGN.md "Lessons"): the one evaluator the
// GUI runs live and `eapscope-cli lesson check` runs on a learner's session file.
//
// Tasks complete in order. Task k becomes current at the event that completed task k-1 (task 0
// at the session's first event); that is the task's start, where the GUI's Restore goes back to.
// It completes at the first event, at or after its start, where its condition holds:
//   - Finding / Call / Packet (reached) / Outcome: a matching engine event anywhere in the session
//     so far — reached earlier counts, and completes the task as soon as it becomes current;
//   - Call / Packet with `selected`: a Select learner event after the start, on a matching event;
//   - Breakpoint: a BreakpointHit learner event after the start, of the kind/value, on a matching event;
//   - Answer: an Answer learner event for this task after the start whose answer matches the
//     value computed from the session (lesson_answers.h). A wrong answer is counted and makes
//     `lastAnswerWrong` true until the next answer; clicking Next completes nothing.
// Hints are HintShown events for the task; time spent is trace time from start to completion
// (to the last event while not done).
//
// Live use: feed update() the trace as it grows (it scans only new rows); after a step back or
// any truncate call rewind() (or just update(): a shorter trace is detected and re-evaluated).
#pragma once

#include "lesson/learner_actions.h"
#include "lesson/lesson.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

struct TaskState {
    std::string id;
    bool done = false;
    std::size_t startEvents = 0;  // the trace had this many events when the task started:
                                  // Restore truncates (steps back) to this count
    EventId started;    // the event at which it started (invalid for the first task of an empty trace)
    EventId completed;  // the event that completed it
    std::uint32_t hints = 0;
    std::uint32_t wrongAnswers = 0;
    bool lastAnswerWrong =
        false;  // the latest answer (or selection, for selected conditions) was wrong: show feedback
    std::uint64_t timeNs = 0;
};

struct LessonProgress {
    std::vector<TaskState> tasks;
    std::optional<std::size_t> current;  // the first task not done; nullopt when all are done
    std::size_t doneCount = 0;
    /// Set when the session was not made for this lesson (scenarioMismatch): nothing counts.
    std::string mismatch;

    [[nodiscard]] bool complete() const { return !tasks.empty() && doneCount == tasks.size(); }
    /// The records for Trace::setLessonProgress (the session file's lesson progress).
    [[nodiscard]] std::vector<LessonTaskRecord> records() const;
};

class LessonEvaluator {
public:
    explicit LessonEvaluator(Lesson lesson);

    /// Scans the rows added since the last update (all rows after a rewind or when the trace
    /// got shorter) and returns the progress. Cheap when nothing was added.
    const LessonProgress& update(const Trace& trace);
    /// The trace was truncated to `events` rows (step back, restart): forget what came after.
    void rewind(std::size_t events);
    /// Forget everything (a new session).
    void reset() { rewind(0); }

    /// When set, every task is reported not done with this reason (see scenarioMismatch()).
    void setMismatch(std::string reason);

    [[nodiscard]] const LessonProgress& progress() const { return progress_; }
    [[nodiscard]] const Lesson& lesson() const { return lesson_; }

    /// Would `answer` (or the selected event) be accepted for `taskIndex` in `trace` as it is?
    /// For the GUI's Check button before it records the answer; the recorded Answer event is
    /// still what counts.
    [[nodiscard]] bool answerAccepted(const Trace& trace, std::size_t taskIndex, std::string_view answer,
                                      EventId selected = EventId()) const;

private:
    void startFirstTask(const Trace& trace);
    void startTask(const Trace& trace, std::size_t index, std::size_t startRow, std::size_t startEvents);
    void evaluateFrom(const Trace& trace);
    /// The row that completes task `index` among rows not yet looked at, if any.
    std::optional<std::size_t> tryComplete(const Trace& trace, std::size_t index, std::size_t end);
    bool learnerCompletes(const Trace& trace, std::size_t index, const LearnerEvent& event);

    Lesson lesson_;
    LessonProgress progress_;
    std::size_t scanned_ = 0;      // rows of the trace already evaluated
    std::size_t searchFrom_ = 0;   // current task, reached conditions: rows before this were checked
    std::size_t learnerFrom_ = 0;  // current task: learner rows before this were counted
    bool started_ = false;         // the first task's start is known
};

/// One-shot evaluation (lesson check, tests): scenarioMismatch() first, then every task.
LessonProgress evaluateLesson(const Lesson& lesson, const Trace& trace);

}  // namespace eapscope
