// Plays a lesson's built-in solution through the real SessionEngine with isolated hosts, as a
// learner would in the GUI (DESIGN.md "Lessons": every lesson is a test). Steps, continues to
// breakpoints, selections, answers and hints become the same engine and Learner events the GUI
// records; the evaluator runs after every action and TaskShown/TaskCompleted are recorded as the
// GUI does. The result is a session that `lesson check` grades like a learner's.
#pragma once

#include "common/result.h"
#include "lesson/lesson.h"
#include "lesson/lesson_evaluator.h"
#include "trace/trace.h"

#include <functional>
#include <string>
#include <vector>

namespace eapscope {

struct PlayOptions {
    std::uint64_t seed = 0;
    std::string learner = "solution";
    /// Play the "wrong solution": the first task's condition is kept from holding — a
    /// selection, breakpoint or answer for it is replaced by a wrong one, and the engine stops
    /// (a half-stopped session) right before an engine event would satisfy it.
    bool negateFirstTask = false;
    /// When not empty, the session is recorded to this file as it is played.
    std::string recordPath;
    /// Instead of isolated hosts (tests that only exercise the player's logic); the CLI never sets it.
    bool inProcess = false;
};

struct PlayResult {
    Trace trace;
    LessonProgress progress;
    /// Tasks in the order they completed (the player checks it is the lesson's order).
    std::vector<std::string> completionOrder;
    /// Problems of the solution itself ("step 3: no packet matches …"); empty when it played.
    std::vector<std::string> problems;
};

/// Sets the lesson up (buildLessonSetup), plays the solution, returns the session. An error
/// means the session could not even start (method or capture missing, recording impossible).
Result<PlayResult> playSolution(const Lesson& lesson, const PlayOptions& options);

/// What `lesson verify` asserts for one lesson: the solution completes every task, in order,
/// and the wrong solution does not pass. `problems` empty = verified.
struct VerifyReport {
    std::string lessonId;
    std::size_t tasks = 0;
    std::size_t tasksDoneBySolution = 0;
    bool wrongSolutionRefused = false;
    std::string wrongSolutionFirstUnfinished;
    std::vector<std::string> problems;
    std::string recordedSolution;  // paths when recorded
    std::string recordedWrong;
};

/// Plays the solution and the wrong solution with `learner`'s values (seedForLearner); with
/// `recordDir`, records both as <dir>/<id>.eapscope and <dir>/<id>-wrong.eapscope.
VerifyReport verifyLesson(const Lesson& lesson, const std::string& recordDir = {},
                          const std::string& learner = "solution");

}  // namespace eapscope
