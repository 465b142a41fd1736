#include "lesson/lesson_evaluator.h"

#include "lesson/breakpoint_spec.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_answers.h"
#include "lesson/lesson_setup.h"

#include <algorithm>

namespace eapscope {

namespace {

// Conditions that hold once an engine event happened, whenever it happened.
bool isReached(const TaskCondition& c)
{
    switch (c.kind) {
        case ConditionKind::Finding:
        case ConditionKind::Outcome:
        case ConditionKind::Timer:
            return true;
        case ConditionKind::Call:
        case ConditionKind::Packet:
            return !c.selected;
        case ConditionKind::Breakpoint:
        case ConditionKind::Answer:
            return false;
    }
    return false;
}

bool breakpointMatches(const Trace& trace, const TaskCondition& c, const LearnerEvent& hit)
{
    const auto spec = parseBreakpointSpec(hit.breakpoint);
    if (!spec || spec->kindName() != c.breakpointKind) {
        return false;
    }
    if (c.breakpointValue) {
        const auto wanted = parseBreakpointSpec(c.breakpointKind + ":" + *c.breakpointValue);
        if (!wanted || !(*wanted == *spec)) {
            return false;
        }
    }
    // The recorded hit must really be an event of that breakpoint (a file could claim any).
    return spec->kind == BreakpointSpec::Kind::LiveHeapAbove
               ? hit.target.valid()
               : spec->matches(trace, hit.target) && eventMatches(trace, hit.target, c.kind, c.where);
}

}  // namespace

std::vector<LessonTaskRecord> LessonProgress::records() const
{
    std::vector<LessonTaskRecord> out;
    out.reserve(tasks.size());
    for (const TaskState& t : tasks) {
        out.push_back({t.id, t.done, t.started, t.completed, t.hints, t.timeNs});
    }
    return out;
}

LessonEvaluator::LessonEvaluator(Lesson lesson) : lesson_(std::move(lesson))
{
    rewind(0);
}

void LessonEvaluator::setMismatch(std::string reason)
{
    progress_.mismatch = std::move(reason);
    rewind(0);
}

void LessonEvaluator::rewind(std::size_t events)
{
    // Tasks completed before the cut stay completed; re-evaluating from scratch keeps one code
    // path (a lesson session has thousands of rows at most, a rescan costs microseconds).
    (void)events;
    std::string mismatch = std::move(progress_.mismatch);
    progress_ = {};
    progress_.mismatch = std::move(mismatch);
    for (const LessonTask& task : lesson_.tasks) {
        TaskState state;
        state.id = task.id;
        progress_.tasks.push_back(std::move(state));
    }
    progress_.current = lesson_.tasks.empty() ? std::nullopt : std::optional<std::size_t>(0);
    scanned_ = 0;
    searchFrom_ = 0;
    learnerFrom_ = 0;
    started_ = false;
}

const LessonProgress& LessonEvaluator::update(const Trace& trace)
{
    if (trace.size() < scanned_) {
        rewind(trace.size());
    }
    if (!progress_.mismatch.empty() || !progress_.current) {
        scanned_ = trace.size();
        return progress_;
    }
    if (!started_) {
        startFirstTask(trace);
    }
    if (started_) {
        evaluateFrom(trace);
    }
    scanned_ = trace.size();
    return progress_;
}

void LessonEvaluator::startFirstTask(const Trace& trace)
{
    if (trace.empty()) {
        return;  // nothing yet: the first task starts on the first update with rows
    }
    // The first task starts where the lesson started (its LessonStarted row), else at row 0.
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Learner) {
            continue;
        }
        const auto e = learnerEvent(trace, EventId(static_cast<std::uint32_t>(i)));
        if (e && e->action == LearnerAction::LessonStarted) {
            startTask(trace, 0, i, i + 1);
            started_ = true;
            return;
        }
    }
    startTask(trace, 0, 0, 0);
    started_ = true;
}

void LessonEvaluator::startTask(const Trace& trace, std::size_t index, std::size_t startRow,
                                std::size_t startEvents)
{
    TaskState& t = progress_.tasks[index];
    t.started = startRow < trace.size() ? EventId(static_cast<std::uint32_t>(startRow)) : EventId();
    t.startEvents = startEvents;
    progress_.current = index;
    searchFrom_ = isReached(lesson_.tasks[index].condition) ? 0 : startRow;
    learnerFrom_ = startEvents;
}

void LessonEvaluator::evaluateFrom(const Trace& trace)
{
    while (progress_.current) {
        const std::size_t index = *progress_.current;
        const auto completed = tryComplete(trace, index, trace.size());
        TaskState& t = progress_.tasks[index];
        const std::uint64_t startTime = t.started.valid() ? trace.times()[t.started.value()] : 0;
        if (!completed) {
            t.timeNs = trace.empty() ? 0 : trace.times().back() - std::min(trace.times().back(), startTime);
            return;
        }
        t.done = true;
        t.completed = EventId(static_cast<std::uint32_t>(*completed));
        t.timeNs = trace.times()[*completed] - std::min(trace.times()[*completed], startTime);
        ++progress_.doneCount;
        if (index + 1 >= progress_.tasks.size()) {
            progress_.current.reset();
            return;
        }
        startTask(trace, index + 1, *completed, *completed + 1);
    }
}

std::optional<std::size_t> LessonEvaluator::tryComplete(const Trace& trace, std::size_t index,
                                                        std::size_t end)
{
    const LessonTask& task = lesson_.tasks[index];
    const TaskCondition& c = task.condition;
    TaskState& state = progress_.tasks[index];
    std::size_t limit = end;
    std::optional<std::size_t> reachedAt;
    if (isReached(c)) {
        for (; searchFrom_ < end; ++searchFrom_) {
            if (eventMatches(trace, EventId(static_cast<std::uint32_t>(searchFrom_)), c.kind, c.where)) {
                reachedAt =
                    std::max(searchFrom_, state.started.valid() ? std::size_t{state.started.value()} : 0);
                limit = std::min(end, *reachedAt + 1);
                break;
            }
        }
    }
    for (; learnerFrom_ < limit; ++learnerFrom_) {
        if (trace.kinds()[learnerFrom_] != EventKind::Learner) {
            continue;
        }
        const auto e = learnerEvent(trace, EventId(static_cast<std::uint32_t>(learnerFrom_)));
        if (!e) {
            continue;
        }
        if (e->action == LearnerAction::HintShown && e->task == task.id) {
            ++state.hints;
        }
        if (!reachedAt && learnerCompletes(trace, index, *e)) {
            return learnerFrom_++;
        }
    }
    return reachedAt;
}

bool LessonEvaluator::learnerCompletes(const Trace& trace, std::size_t index, const LearnerEvent& e)
{
    const LessonTask& task = lesson_.tasks[index];
    const TaskCondition& c = task.condition;
    TaskState& state = progress_.tasks[index];
    switch (c.kind) {
        case ConditionKind::Call:
        case ConditionKind::Packet:
            return e.action == LearnerAction::Select && eventMatches(trace, e.target, c.kind, c.where);
        case ConditionKind::Breakpoint:
            return e.action == LearnerAction::BreakpointHit && breakpointMatches(trace, c, e);
        case ConditionKind::Answer: {
            if (e.action != LearnerAction::Answer || e.task != task.id) {
                return false;
            }
            // Judged on what had happened when the answer was given (this row).
            if (answerMatches(trace, c.question, c.where, e.answer, e.target, learnerFrom_)) {
                state.lastAnswerWrong = false;
                return true;
            }
            ++state.wrongAnswers;
            state.lastAnswerWrong = true;
            return false;
        }
        case ConditionKind::Finding:
        case ConditionKind::Outcome:
        case ConditionKind::Timer:
            return false;
    }
    return false;
}

bool LessonEvaluator::answerAccepted(const Trace& trace, std::size_t taskIndex, std::string_view answer,
                                     EventId selected) const
{
    if (taskIndex >= lesson_.tasks.size()) {
        return false;
    }
    const TaskCondition& c = lesson_.tasks[taskIndex].condition;
    if (c.kind == ConditionKind::Answer) {
        return answerMatches(trace, c.question, c.where, answer, selected);
    }
    if ((c.kind == ConditionKind::Call || c.kind == ConditionKind::Packet) && c.selected) {
        return eventMatches(trace, selected, c.kind, c.where);
    }
    return false;
}

LessonProgress evaluateLesson(const Lesson& lesson, const Trace& trace)
{
    LessonEvaluator evaluator(lesson);
    if (auto mismatch = scenarioMismatch(trace, lesson)) {
        evaluator.setMismatch(*mismatch);
    }
    return evaluator.update(trace);
}

}  // namespace eapscope
