// Scenario → session (DESIGN.md "Lessons"): the one place that turns a lesson's scenario and a
// learner's values into what runs, so the GUI and `eapscope-cli lesson verify` set a lesson's
// session up the same way. The learner never types a path: methods are bundled names resolved
// by MethodResolver, captures bundled file names resolved by lesson_library.h.
#pragma once

#include "common/result.h"
#include "engine/engine_config.h"
#include "host/host_executor.h"
#include "lesson/lesson.h"
#include "lesson/lesson_values.h"
#include "trace/trace.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eapscope {

struct ReplayPlan;

/// Everything a controller needs to start a lesson's session.
struct LessonSetup {
    LessonCounterpart counterpart = LessonCounterpart::Loopback;
    /// Loopback: both sides' LoadRequests, identity, passwords, users, contexts, interleave,
    /// drop-packet filled in; the executors are left null for the caller (one HostExecutor per
    /// side, made with `host`).
    EngineConfig engine;
    HostOptions host;  // watchdog, stacks, guard from the scenario; heap tracking on
    /// Replay: the resolved plan (capture, conversation, method, role, password) — the GUI's
    /// SessionSetup::replay takes it as is; the executor for the method's side uses `host`.
    std::shared_ptr<const ReplayPlan> replay;
    /// Capture: the bundled capture to open (absolute path); no method runs.
    std::string capturePath;
    /// The options the session records (auth, peer, identity, contexts, interleave, executor,
    /// watchdog-ms, drop-packet, capture, lesson, lesson-seed, learner, lesson-language), so
    /// `lesson check` can tell the session was made for this lesson and these values.
    std::vector<std::pair<std::string, std::string>> traceOptions;
};

/// Resolves methods and captures and builds the setup. Errors name the lesson file and what is
/// missing ("… training-heap-leak is not a bundled method …").
Result<LessonSetup> buildLessonSetup(const Lesson& lesson, const LessonValues& values,
                                     const std::string& learner = {}, Language language = Language::En);

/// Starts the lesson in `trace`: sets setup.traceOptions and appends the LessonStarted learner
/// event (text = lesson id). Call it once, before the first engine step (Loopback/Replay) or
/// right after the capture was imported into `trace` (Capture).
void beginLessonTrace(Trace& trace, const Lesson& lesson, const LessonSetup& setup, std::uint64_t timeNs = 0);

/// The lesson facts a session recorded (read back from its options), for `lesson check`.
struct RecordedLesson {
    std::string lessonId;  // "" when the session was not made for a lesson
    std::optional<std::uint64_t> seed;
    std::string learner;
    std::optional<Language> language;
};
RecordedLesson recordedLesson(const Trace& trace);

/// Why `trace` was not made for `lesson` with the values of its recorded seed (another lesson,
/// other methods, another identity or number of contexts, no seed), or nullopt when it was.
/// `lesson check` marks every task not done when this says something.
std::optional<std::string> scenarioMismatch(const Trace& trace, const Lesson& lesson);

}  // namespace eapscope
