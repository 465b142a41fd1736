#include "lesson/lesson_session.h"

#include "controller/session_controller.h"
#include "lesson/breakpoint_spec.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_library.h"
#include "lesson/lesson_run.h"
#include "lesson/lesson_setup.h"
#include "lesson/lesson_task_model.h"
#include "lesson/lesson_values.h"
#include "models/event_format.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "session/session_file_loader.h"
#include "window/app_settings.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStandardPaths>

#include <algorithm>

namespace eapscope::ui {
namespace {

BreakpointSpec specOf(const Breakpoint& b)
{
    BreakpointSpec spec;
    spec.kind = static_cast<BreakpointSpec::Kind>(static_cast<int>(b.kind));  // same order
    spec.value = b.value;
    spec.rule = b.rule.toStdString();
    return spec;
}

}  // namespace

LessonSession::LessonSession(SessionDocument* document, SessionController* controller,
                             EventSelection* selection, QObject* parent)
    : QObject(parent),
      document_(document),
      controller_(controller),
      selection_(selection),
      settings_(std::make_unique<AppSettings>()),
      tasks_(new LessonTaskModel(this))
{
    connect(document_, &SessionDocument::eventsAppended, this, &LessonSession::evaluate);
    connect(document_, &SessionDocument::truncated, this, &LessonSession::evaluate);
    connect(document_, &SessionDocument::resetDone, this, &LessonSession::evaluate);
    connect(selection_, &EventSelection::currentChanged, this, &LessonSession::onSelected);
    connect(controller_, &SessionController::stoppedAt, this, [this](EventId event) { onStopped(event); });
    connect(controller_, &SessionController::breakpointsChanged, this, &LessonSession::onBreakpointsChanged);
    connect(controller_, &SessionController::stateChanged, this, &LessonSession::changed);
}

LessonSession::~LessonSession() = default;

Language LessonSession::uiLanguage()
{
    return QLocale().language() == QLocale::French ? Language::Fr : Language::En;
}

const Lesson* LessonSession::lesson() const
{
    return run_ ? &run_->lesson : nullptr;
}

const LessonProgress& LessonSession::progress() const
{
    static const LessonProgress kNone;
    return evaluator_ ? evaluator_->progress() : kNone;
}

QString LessonSession::savedSessionPath(const QString& id) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("lessons/%1.eapscope").arg(id));
}

QString LessonSession::open(const QString& id)
{
    auto found = findLesson(id.toStdString());
    if (!found) {
        return errorText(found);
    }
    Lesson lesson = std::move(found).value();
    language_ = uiLanguage();
    learner_ = settings_->learnerName();
    const std::string learner = learner_.toStdString();
    LessonValues values = resolveValues(lesson, seedForLearner(learner));
    auto setup = buildLessonSetup(lesson, values, learner, language_);
    if (!setup) {
        return errorText(setup);
    }
    run_ = std::make_shared<LessonRun>(
        LessonRun{std::move(lesson), std::move(values), std::move(setup).value()});
    evaluator_.emplace(run_->lesson);
    tasks_->setLesson(run_->lesson, language_);
    shown_ = 0;
    doneSeen_ = 0;
    bestTask_ = 0;
    bestStart_.reset();
    feedback_.clear();
    lastSelected_ = EventId();
    breakpointsSeen_.clear();
    // Resume: the lesson's session as it was saved after the last completed task, re-run.
    std::shared_ptr<Trace> saved;
    const QString path = savedSessionPath(QString::fromStdString(run_->lesson.id));
    if (QFile::exists(path)) {
        QString error;
        saved = SessionFileLoader::readNow(path, &error);
        if (saved &&
            (recordedLesson(*saved).lessonId != run_->lesson.id || scenarioMismatch(*saved, run_->lesson))) {
            saved.reset();
        }
    }
    startRun(saved);
    emit lessonOpened();
    emit changed();
    return {};
}

void LessonSession::close()
{
    run_.reset();
    evaluator_.reset();
    tasks_->setLesson(std::nullopt, language_);
    emit lessonClosed();
    emit changed();
}

void LessonSession::startRun(std::shared_ptr<const Trace> rerunTo)
{
    SessionSetup setup;
    setup.lesson = run_;
    emit sessionRequested(setup);
    if (rerunTo) {
        controller_->rerun(std::move(rerunTo));
        return;
    }
    LearnerEvent shown;
    shown.action = LearnerAction::TaskShown;
    shown.task = run_->lesson.tasks.empty() ? std::string() : run_->lesson.tasks.front().id;
    controller_->recordLearner(shown);
}

bool LessonSession::onLessonSession() const
{
    return run_ && controller_->setup().lesson == run_ &&
           controller_->state() != SessionController::State::Viewing;
}

bool LessonSession::shownTaskDone() const
{
    const auto& tasks = progress().tasks;
    return shown_ < tasks.size() && tasks[shown_].done;
}

bool LessonSession::wanderedOff() const
{
    if (!run_) {
        return false;
    }
    if (!onLessonSession()) {
        return true;
    }
    const LessonProgress& p = progress();
    const std::size_t reached = p.current.value_or(p.tasks.size());
    return reached < bestTask_;  // stepped back or restarted before a task already reached
}

void LessonSession::evaluate()
{
    if (!run_ || !onLessonSession()) {
        emit changed();
        return;
    }
    const Trace& trace = document_->trace();
    const LessonProgress& p = evaluator_->update(trace);
    tasks_->setProgress(p);
    if (p.doneCount > doneSeen_) {
        onTasksCompleted();
    }
    doneSeen_ = p.doneCount;
    const std::size_t reached = p.current.value_or(p.tasks.size());
    shown_ = std::min(shown_, reached);
    if (p.current && (reached > bestTask_ || !bestStart_) && trace.size() >= p.tasks[reached].startEvents) {
        // Where Restore comes back to: the trace when the furthest task reached started.
        bestTask_ = reached;
        auto start = std::make_shared<Trace>(trace);
        start->truncate(p.tasks[reached].startEvents);
        bestStart_ = std::move(start);
    } else if (!p.current) {
        bestTask_ = p.tasks.size();
    }
    const TaskState* current = p.current ? &p.tasks[*p.current] : nullptr;
    if (current != nullptr && current->lastAnswerWrong) {
        const std::string& text = run_->lesson.tasks[*p.current].feedback.in(language_);
        feedback_ = text.empty() ? tr("That is not what the session shows. Look again, or ask for a hint.")
                                 : QString::fromStdString(text);
    } else {
        feedback_.clear();
    }
    emit changed();
}

void LessonSession::onTasksCompleted()
{
    // The TaskCompleted rows are the worker's to write (completion_recorder.h): this copy of the
    // trace lags behind it. Here the progress is kept for the learner.
    keepProgress();
}

void LessonSession::keepProgress()
{
    const LessonProgress& p = progress();
    const QString id = QString::fromStdString(run_->lesson.id);
    AppSettings::LessonProgress kept;
    for (const TaskState& task : p.tasks) {
        if (task.done) {
            kept.done.append(QString::fromStdString(task.id));
        }
        if (task.hints > 0) {
            kept.hints.insert(QString::fromStdString(task.id), static_cast<int>(task.hints));
        }
    }
    settings_->setLessonProgress(id, kept);
    controller_->setLessonProgress(p.records());
    const QString path = savedSessionPath(id);
    QDir().mkpath(QFileInfo(path).absolutePath());
    controller_->saveAs(path, [](const QString&) {});
}

void LessonSession::hint()
{
    if (!run_ || shown_ >= run_->lesson.tasks.size()) {
        return;
    }
    const LessonTask& task = run_->lesson.tasks[shown_];
    LearnerEvent event;
    event.action = LearnerAction::HintShown;
    event.task = task.id;
    controller_->recordLearner(event);
    emit hintShown(QString::fromStdString(task.hint.in(language_)));
}

bool LessonSession::check(const QString& answer)
{
    const LessonProgress& p = progress();
    if (!run_ || !p.current || !onLessonSession()) {
        return false;
    }
    const std::size_t index = *p.current;
    const LessonTask& task = run_->lesson.tasks[index];
    if (task.condition.kind != ConditionKind::Answer) {
        evaluate();
        const bool done = progress().tasks[index].done;
        feedback_ =
            done ? QString() : tr("Not yet: the session does not show it. Keep going, or ask for a hint.");
        emit changed();
        return done;
    }
    const EventId selected =
        task.condition.question == QuestionKind::Packet ? selection_->current() : EventId();
    const bool accepted =
        evaluator_->answerAccepted(document_->trace(), index, answer.trimmed().toStdString(), selected);
    LearnerEvent event;
    event.action = LearnerAction::Answer;
    event.task = task.id;
    event.answer = answer.trimmed().toStdString();
    event.target = selected;
    controller_->recordLearner(event);
    if (!accepted) {
        const std::string& text = task.feedback.in(language_);
        feedback_ = text.empty() ? tr("That is not what the session shows. Look again, or ask for a hint.")
                                 : QString::fromStdString(text);
        emit changed();
    }
    return accepted;
}

void LessonSession::next()
{
    if (!run_ || !shownTaskDone() || shown_ + 1 >= run_->lesson.tasks.size()) {
        return;
    }
    ++shown_;
    feedback_.clear();
    if (progress().current == shown_) {
        LearnerEvent event;
        event.action = LearnerAction::TaskShown;
        event.task = run_->lesson.tasks[shown_].id;
        controller_->recordLearner(event);
    }
    emit changed();
}

void LessonSession::showTask(std::size_t task)
{
    if (!run_ || run_->lesson.tasks.empty()) {
        return;
    }
    const std::size_t reached = progress().current.value_or(run_->lesson.tasks.size() - 1);
    shown_ = std::min(task, reached);  // never past the task the learner has to do
    emit changed();
}

void LessonSession::restore()
{
    if (!run_) {
        return;
    }
    const LessonProgress& p = progress();
    const std::size_t reached = p.current.value_or(p.tasks.size());
    const std::size_t target = bestStart_ ? bestStart_->size() : 0;
    if (onLessonSession() && reached == bestTask_ && document_->trace().size() >= target) {
        // Stepped on past the task's start: the step-back checkpoints bring the hosts back.
        if (controller_->rewindTo(target) ||
            controller_->oldestCheckpointEvents() == std::numeric_limits<std::size_t>::max()) {
            return;
        }
    }
    // Restarted, stepped back too far or opened another file: a fresh lesson session re-run to
    // the task's start (the engine is deterministic; learner actions are re-recorded).
    startRun(bestStart_);
}

void LessonSession::reset(const QString& id)
{
    settings_->resetLessonProgress(id);
    QFile::remove(savedSessionPath(id));
    if (run_ && QString::fromStdString(run_->lesson.id) == id) {
        open(id);
    }
}

void LessonSession::onSelected(EventId event)
{
    const Trace& trace = document_->trace();
    if (!run_ || !onLessonSession() || !event.valid() || event.value() >= trace.size() ||
        event == lastSelected_ || trace.kinds()[event.value()] == EventKind::Learner) {
        return;
    }
    lastSelected_ = event;
    LearnerEvent selected;
    selected.action = LearnerAction::Select;
    selected.target = event;
    controller_->recordLearner(selected);
}

void LessonSession::onStopped(EventId event)
{
    const Trace& trace = document_->trace();
    if (!run_ || !onLessonSession() || !event.valid() || event.value() >= trace.size()) {
        return;
    }
    for (const Breakpoint& b : controller_->breakpoints()) {
        const BreakpointSpec spec = specOf(b);
        if (b.enabled && spec.matches(trace, event)) {
            LearnerEvent hit;
            hit.action = LearnerAction::BreakpointHit;
            hit.breakpoint = spec.toString();
            hit.target = event;
            controller_->recordLearner(hit);
            return;
        }
    }
}

void LessonSession::onBreakpointsChanged()
{
    if (!run_ || !onLessonSession()) {
        return;
    }
    QStringList now;
    for (const Breakpoint& b : controller_->breakpoints()) {
        const QString spec = QString::fromStdString(specOf(b).toString());
        now.append(spec);
        if (b.enabled && !breakpointsSeen_.contains(spec)) {
            LearnerEvent set;
            set.action = LearnerAction::BreakpointSet;
            set.breakpoint = spec.toStdString();
            controller_->recordLearner(set);
        }
    }
    breakpointsSeen_ = now;
}

}  // namespace eapscope::ui
