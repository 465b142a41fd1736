#include "models/event_format.h"

#include <QCoreApplication>

#include <limits>

namespace eapscope::ui {

QString sideText(Side side)
{
    switch (side) {
        case Side::Authenticator:
            return QCoreApplication::translate("eapscope", "Authenticator");
        case Side::Peer:
            return QCoreApplication::translate("eapscope", "Peer");
        case Side::None:
            break;
    }
    return QCoreApplication::translate("eapscope", "Engine");
}

QString sideShortText(Side side)
{
    switch (side) {
        case Side::Authenticator:
            return QCoreApplication::translate("eapscope", "Auth.",
                                               "short for Authenticator in a table column");
        case Side::Peer:
            return QCoreApplication::translate("eapscope", "Peer", "short for Peer in a table column");
        case Side::None:
            break;
    }
    return QCoreApplication::translate("eapscope", "Engine", "short for Engine in a table column");
}

QString contextText(const Trace& trace, ContextId context)
{
    if (!context.valid() || context.value() >= trace.contexts().size()) {
        return {};
    }
    const ContextInfo& info = trace.context(context);
    if (info.label.valid() && !trace.string(info.label).empty()) {
        return fromStd(trace.string(info.label));
    }
    const QChar letter = info.side == Side::Peer ? QLatin1Char('P') : QLatin1Char('A');
    return letter + QString::number(info.number);
}

QString kindText(EventKind kind)
{
    switch (kind) {
        case EventKind::CallStart:
            return QCoreApplication::translate("eapscope", "call");
        case EventKind::CallEnd:
            return QCoreApplication::translate("eapscope", "return");
        case EventKind::Packet:
            return QCoreApplication::translate("eapscope", "packet");
        case EventKind::State:
            return QCoreApplication::translate("eapscope", "state");
        case EventKind::TimerArmed:
            return QCoreApplication::translate("eapscope", "timer-armed");
        case EventKind::TimerFired:
            return QCoreApplication::translate("eapscope", "timer-fired");
        case EventKind::HeapAlloc:
            return QCoreApplication::translate("eapscope", "alloc");
        case EventKind::HeapFree:
            return QCoreApplication::translate("eapscope", "free");
        case EventKind::Finding:
            return QCoreApplication::translate("eapscope", "finding");
        case EventKind::Note:
            return QCoreApplication::translate("eapscope", "note");
        case EventKind::Learner:
            return QCoreApplication::translate("eapscope", "learner");
        case EventKind::Radius:
            return QCoreApplication::translate("eapscope", "radius");
    }
    return fromStd(toString(kind));
}

QString learnerText(const LearnerEvent& e)
{
    const QString task = fromStd(e.task);
    const QString target = e.target.valid() ? QStringLiteral("#%1").arg(e.target.value()) : QString();
    switch (e.action) {
        case LearnerAction::LessonStarted:
            return QCoreApplication::translate("eapscope", "lesson %1 started").arg(fromStd(e.lessonId));
        case LearnerAction::TaskShown:
            return QCoreApplication::translate("eapscope", "task %1 shown").arg(task);
        case LearnerAction::TaskCompleted:
            return QCoreApplication::translate("eapscope", "task %1 completed").arg(task);
        case LearnerAction::HintShown:
            return QCoreApplication::translate("eapscope", "hint of task %1 shown").arg(task);
        case LearnerAction::Select:
            return QCoreApplication::translate("eapscope", "selected %1").arg(target);
        case LearnerAction::BreakpointSet:
            return QCoreApplication::translate("eapscope", "breakpoint %1 set").arg(fromStd(e.breakpoint));
        case LearnerAction::BreakpointHit:
            return QCoreApplication::translate("eapscope", "breakpoint %1 hit at %2")
                .arg(fromStd(e.breakpoint), target);
        case LearnerAction::Answer:
            return QCoreApplication::translate("eapscope", "answered %1: %2")
                .arg(task, e.answer.empty() && e.target.valid() ? target : fromStd(e.answer));
    }
    return {};
}

QString entryText(EntryPoint entry)
{
    if (entry == EntryPoint::None) {
        return {};
    }
    if (entry == EntryPoint::Uninitialize) {
        return QStringLiteral("RasEapInitialize(FALSE)");
    }
    return fromStd(entryPointName(entry));
}

QString actionText(std::uint8_t action)
{
    return action == kNoAction ? QString() : fromStd(actionName(action));
}

QString resultText(std::uint32_t result)
{
    if (result == 0) {
        return QStringLiteral("NO_ERROR");
    }
    return QStringLiteral("0x%1 (%2)").arg(result, 8, 16, QLatin1Char('0')).arg(result);
}

QString timeText(std::uint64_t timeNs)
{
    const std::uint64_t us = timeNs / 1000;
    return QStringLiteral("%1.%2").arg(us / 1000000).arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

QString stateText(ContextState state)
{
    switch (state) {
        case ContextState::Created:
            return QCoreApplication::translate("eapscope", "created");
        case ContextState::Begun:
            return QCoreApplication::translate("eapscope", "begun");
        case ContextState::Exchanging:
            return QCoreApplication::translate("eapscope", "exchanging");
        case ContextState::Done:
            return QCoreApplication::translate("eapscope", "done");
        case ContextState::Ended:
            return QCoreApplication::translate("eapscope", "ended");
        case ContextState::Failed:
            return QCoreApplication::translate("eapscope", "failed");
    }
    return fromStd(toString(state));
}

QString addressText(std::uint64_t address)
{
    return QStringLiteral("0x%1").arg(address, 0, 16);
}

QString bytesText(std::uint64_t bytes)
{
    constexpr auto kMaxCount = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    if (bytes > kMaxCount) {
        return QCoreApplication::translate("eapscope", "%1 bytes").arg(bytes);
    }
    const int count = static_cast<int>(bytes);
    return QCoreApplication::translate("eapscope", "%n byte(s)", nullptr, count);
}

}  // namespace eapscope::ui
