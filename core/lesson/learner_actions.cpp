#include "lesson/learner_actions.h"

#include <algorithm>

namespace eapscope {

namespace {

constexpr LearnerAction kLastAction = LearnerAction::Answer;

}  // namespace

std::string_view toString(LearnerAction action)
{
    switch (action) {
        case LearnerAction::LessonStarted:
            return "lesson-started";
        case LearnerAction::TaskShown:
            return "task-shown";
        case LearnerAction::TaskCompleted:
            return "task-completed";
        case LearnerAction::HintShown:
            return "hint";
        case LearnerAction::Select:
            return "select";
        case LearnerAction::BreakpointSet:
            return "breakpoint-set";
        case LearnerAction::BreakpointHit:
            return "breakpoint-hit";
        case LearnerAction::Answer:
            return "answer";
    }
    return "select";
}

EventId recordLearnerEvent(Trace& trace, const LearnerEvent& event, std::uint64_t timeNs)
{
    EventRow row;
    row.timeNs = trace.empty() ? timeNs : std::max(timeNs, trace.times().back());
    row.kind = EventKind::Learner;
    row.aux = static_cast<std::uint32_t>(event.action);
    if (event.target.valid() && event.target.value() < trace.size()) {
        const EventRow target = trace.row(event.target);
        row.side = target.side;
        row.context = target.context;
        row.entry = target.entry;
        row.action = target.action;
        row.packet = target.packet;
        row.a = std::uint64_t{event.target.value()} + 1;
    }
    std::string text;
    switch (event.action) {
        case LearnerAction::LessonStarted:
            text = event.lessonId;
            break;
        case LearnerAction::TaskShown:
        case LearnerAction::TaskCompleted:
        case LearnerAction::HintShown:
            text = event.task;
            break;
        case LearnerAction::Select:
            break;
        case LearnerAction::BreakpointSet:
        case LearnerAction::BreakpointHit:
            text = event.breakpoint;
            break;
        case LearnerAction::Answer:
            text = event.task + "=" + event.answer;
            break;
    }
    row.text = trace.intern(text);
    return trace.append(row);
}

EventId recordLessonStarted(Trace& trace, std::string_view lessonId, std::uint64_t timeNs)
{
    return recordLearnerEvent(
        trace, {.action = LearnerAction::LessonStarted, .lessonId = std::string(lessonId)}, timeNs);
}

EventId recordTaskShown(Trace& trace, std::string_view taskId, std::uint64_t timeNs)
{
    return recordLearnerEvent(trace, {.action = LearnerAction::TaskShown, .task = std::string(taskId)},
                              timeNs);
}

EventId recordTaskCompleted(Trace& trace, std::string_view taskId, std::uint64_t timeNs)
{
    return recordLearnerEvent(trace, {.action = LearnerAction::TaskCompleted, .task = std::string(taskId)},
                              timeNs);
}

EventId recordHint(Trace& trace, std::string_view taskId, std::uint64_t timeNs)
{
    return recordLearnerEvent(trace, {.action = LearnerAction::HintShown, .task = std::string(taskId)},
                              timeNs);
}

EventId recordSelection(Trace& trace, EventId target, std::uint64_t timeNs)
{
    return recordLearnerEvent(trace, {.action = LearnerAction::Select, .target = target}, timeNs);
}

EventId recordBreakpointSet(Trace& trace, std::string_view spec, std::uint64_t timeNs)
{
    return recordLearnerEvent(
        trace, {.action = LearnerAction::BreakpointSet, .breakpoint = std::string(spec)}, timeNs);
}

EventId recordBreakpointHit(Trace& trace, std::string_view spec, EventId hit, std::uint64_t timeNs)
{
    return recordLearnerEvent(
        trace, {.action = LearnerAction::BreakpointHit, .breakpoint = std::string(spec), .target = hit},
        timeNs);
}

EventId recordAnswer(Trace& trace, std::string_view taskId, std::string_view answer, EventId selected,
                     std::uint64_t timeNs)
{
    return recordLearnerEvent(trace,
                              {.action = LearnerAction::Answer,
                               .task = std::string(taskId),
                               .answer = std::string(answer),
                               .target = selected},
                              timeNs);
}

std::optional<LearnerEvent> learnerEvent(const Trace& trace, EventId id)
{
    if (!id.valid() || id.value() >= trace.size() || trace.kinds()[id.value()] != EventKind::Learner) {
        return std::nullopt;
    }
    const EventRow row = trace.row(id);
    if (row.aux > static_cast<std::uint32_t>(kLastAction)) {
        return std::nullopt;
    }
    LearnerEvent e;
    e.action = static_cast<LearnerAction>(row.aux);
    // The referenced event must come before the learner row (a file could say otherwise).
    if (row.a != 0) {
        if (row.a > id.value()) {
            return std::nullopt;
        }
        e.target = EventId(static_cast<std::uint32_t>(row.a - 1));
    }
    const std::string text(trace.string(row.text));
    switch (e.action) {
        case LearnerAction::LessonStarted:
            e.lessonId = text;
            break;
        case LearnerAction::TaskShown:
        case LearnerAction::TaskCompleted:
        case LearnerAction::HintShown:
            e.task = text;
            break;
        case LearnerAction::Select:
            if (!e.target.valid()) {
                return std::nullopt;
            }
            break;
        case LearnerAction::BreakpointSet:
        case LearnerAction::BreakpointHit:
            e.breakpoint = text;
            break;
        case LearnerAction::Answer: {
            const auto eq = text.find('=');
            if (eq == std::string::npos) {
                return std::nullopt;
            }
            e.task = text.substr(0, eq);
            e.answer = text.substr(eq + 1);
            break;
        }
    }
    return e;
}

std::string describeLearnerEvent(const LearnerEvent& e)
{
    const auto ref = [&e] {
        return e.target.valid() ? " #" + std::to_string(e.target.value()) : std::string();
    };
    switch (e.action) {
        case LearnerAction::LessonStarted:
            return "lesson '" + e.lessonId + "' started";
        case LearnerAction::TaskShown:
            return "task '" + e.task + "' shown";
        case LearnerAction::TaskCompleted:
            return "task '" + e.task + "' completed";
        case LearnerAction::HintShown:
            return "hint of task '" + e.task + "' shown";
        case LearnerAction::Select:
            return "selected" + ref();
        case LearnerAction::BreakpointSet:
            return "breakpoint " + e.breakpoint + " set";
        case LearnerAction::BreakpointHit:
            return "breakpoint " + e.breakpoint + " hit at" + ref();
        case LearnerAction::Answer:
            return "answered '" + e.task +
                   "': " + (e.answer.empty() && e.target.valid() ? "event" + ref() : e.answer);
    }
    return "";
}

}  // namespace eapscope
