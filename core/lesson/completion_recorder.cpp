#include "lesson/completion_recorder.h"

#include "lesson/learner_actions.h"

namespace eapscope {

namespace {

bool hasCompletionRow(const Trace& trace, const std::string& task)
{
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Learner) {
            continue;
        }
        const auto row = learnerEvent(trace, EventId(static_cast<std::uint32_t>(i)));
        if (row && row->action == LearnerAction::TaskCompleted && row->task == task) {
            return true;
        }
    }
    return false;
}

}  // namespace

CompletionRecorder::CompletionRecorder(Lesson lesson) : evaluator_(std::move(lesson))
{
}

void CompletionRecorder::truncated()
{
    evaluator_.reset();
    checked_ = 0;
}

std::size_t CompletionRecorder::note(Trace& trace, std::uint64_t timeNs)
{
    const LessonProgress& progress = evaluator_.update(trace);
    // Tasks complete in order, so the done ones are the first doneCount; only those not yet
    // checked cost a scan (a lesson has a handful of tasks and a few thousand rows).
    const std::size_t done = progress.doneCount;
    std::size_t appended = 0;
    for (; checked_ < done; ++checked_) {
        const std::string& task = progress.tasks[checked_].id;
        if (!hasCompletionRow(trace, task)) {
            recordTaskCompleted(trace, task, timeNs);
            ++appended;
        }
    }
    if (appended > 0) {
        evaluator_.update(trace);  // the new rows are learner rows: they complete nothing
    }
    return appended;
}

}  // namespace eapscope
