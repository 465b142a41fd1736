// Grading and drafting for `eapscope-cli lesson check|draft|list` (the CLI file only parses its
// options and prints these): a learner's session against a lesson as text, JSON or CSV rows,
// and a draft lesson made from a recorded session.
#pragma once

#include "common/result.h"
#include "lesson/lesson.h"
#include "lesson/lesson_evaluator.h"
#include "lesson/lesson_library.h"
#include "lesson/lesson_values.h"
#include "trace/trace.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

/// One graded session.
struct LessonGrade {
    std::string sessionPath;
    std::string learner;                // recorded learner name, else the file name without extension
    std::optional<std::uint64_t> seed;  // recorded seed: the values this session was graded with
    LessonProgress progress;
    /// The first task not done ("" when all are done), with the reason it is not done.
    std::string firstUnfinished;
    std::string reason;
};

/// Evaluates `trace` against `lesson`.
LessonGrade gradeSession(const Lesson& lesson, const Trace& trace, const std::string& sessionPath);

/// `lesson check --json`: {"lesson", "session", "learner", "seed", "complete", "first_unfinished",
/// "reason", "tasks": [{"id", "done", "completed_event", "started_event", "hints",
/// "wrong_answers", "time_s"}]}
nlohmann::json gradeJson(const Lesson& lesson, const LessonGrade& grade);
/// `lesson check`: one line per task, then "complete" or "not complete: first unfinished task …".
std::string gradeText(const Lesson& lesson, const LessonGrade& grade, Language language);
/// `lesson check --report csv`: the header line "learner,task,done,hints,time_s".
std::string gradeCsvHeader();
/// The rows of one grade (RFC 4180 quoting).
std::string gradeCsvRows(const LessonGrade& grade);

/// `lesson values`: what each learner's seed gives them in `lesson` (the trainer's answer key;
/// `lesson check` expects these values in that learner's session).
struct LearnerValues {
    std::string learner;
    LessonValues values;
};
std::vector<LearnerValues> learnerValues(const Lesson& lesson, const std::vector<std::string>& learners);
/// [{"learner", "seed", "identity", "password", "contexts", "drop_packet" (null: none),
///   "varies": [names of the values this lesson varies]}]
nlohmann::json learnerValuesJson(const Lesson& lesson, const std::vector<LearnerValues>& values);
/// One line per learner: "ana (seed 1234…): identity chloe, contexts 3" — the varying values only.
std::string learnerValuesText(const Lesson& lesson, const std::vector<LearnerValues>& values);

/// `lesson list --json`: [{"id", "title", "summary", "tasks", "path", "error"?}].
nlohmann::json lessonListJson(const std::vector<LessonEntry>& entries, Language language);
std::string lessonListText(const std::vector<LessonEntry>& entries, Language language);

/// `lesson draft`: a lesson file (YAML text) with the session's scenario, one task per finding
/// and per milestone (each context's outcome, the Success/Failure packet), and a solution that
/// runs to the end. Texts are filled with plain sentences in both languages for the trainer to
/// rewrite. `id` names the lesson.
Result<std::string> draftLesson(const Trace& trace, const std::string& id);

}  // namespace eapscope
