// The running lesson on the GUI side (DESIGN.md "Lessons"): starts the lesson's own session,
// evaluates its tasks over the live trace as it grows (the same LessonEvaluator that
// `eapscope-cli lesson check` runs on the session file), records the learner's actions —
// selections, breakpoints set and hit, answers, hints, tasks shown and completed — into the
// trace through the controller, and keeps the progress per user and in the session file.
//
// A task completes only when its condition holds over the session, never by Next: Next moves
// the dock on once the current task is done. Restore brings a learner who wandered off back to
// the state where the current task started: the earliest step-back checkpoint at or after it,
// or, after a restart or another file, a fresh lesson session re-run to that point.
// Stop and resume: the lesson's session is saved beside the settings after each completed task
// and re-run when the lesson is opened again; reset() forgets one lesson.
#pragma once

#include "lesson/lesson.h"
#include "lesson/lesson_evaluator.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace eapscope {
class Trace;
}

namespace eapscope::ui {

class AppSettings;
class EventSelection;
class LessonTaskModel;
class SessionController;
class SessionDocument;
struct LessonRun;
struct SessionSetup;

class LessonSession : public QObject {
    Q_OBJECT
public:
    LessonSession(SessionDocument* document, SessionController* controller, EventSelection* selection,
                  QObject* parent = nullptr);
    ~LessonSession() override;

    /// The language lesson texts are shown in: the UI's (QLocale's default).
    [[nodiscard]] static Language uiLanguage();

    /// Loads the bundled lesson `id` (or a lesson file path) and asks for its session
    /// (sessionRequested); resumes the learner's saved progress when there is any. Returns the
    /// error text, empty on success.
    QString open(const QString& id);
    /// Leaves the lesson (the session stays).
    void close();
    [[nodiscard]] bool active() const { return run_ != nullptr; }
    [[nodiscard]] const Lesson* lesson() const;
    [[nodiscard]] Language language() const { return language_; }
    /// The learner's name the lesson was opened with (its values follow from it; may be empty).
    [[nodiscard]] QString learner() const { return learner_; }
    [[nodiscard]] const LessonProgress& progress() const;
    [[nodiscard]] LessonTaskModel* taskModel() const { return tasks_; }

    /// The task the dock shows: the current one, or a done one the learner has not moved past.
    [[nodiscard]] std::size_t shownTask() const { return shown_; }
    [[nodiscard]] bool shownTaskDone() const;
    /// True when the session is not where the current task can be done: another file opened,
    /// another session started, or stepped back or restarted before the task's start.
    [[nodiscard]] bool wanderedOff() const;
    /// The text of the last wrong answer's feedback for the shown task (empty: none).
    [[nodiscard]] QString feedback() const { return feedback_; }

public slots:
    /// Shows the shown task's hint (free, but counted in the session).
    void hint();
    /// Checks `answer` (Answer tasks; packet questions use the selected event) and records it.
    /// Returns true when accepted.
    bool check(const QString& answer);
    /// Moves to the next task once the shown one is done.
    void next();
    /// Presenter: shows the previous / next task without changing what is done.
    void showTask(std::size_t task);
    void restore();
    /// Forgets this learner's progress in lesson `id` (settings and saved session).
    void reset(const QString& id);
    void evaluate();

signals:
    void sessionRequested(const eapscope::ui::SessionSetup& setup);
    void changed();
    void hintShown(const QString& text);
    void lessonOpened();
    void lessonClosed();

private:
    void connectSession();
    void onSelected(EventId event);
    void onStopped(EventId event);
    void onBreakpointsChanged();
    void onTasksCompleted();
    void keepProgress();
    void startRun(std::shared_ptr<const Trace> rerunTo);
    [[nodiscard]] bool onLessonSession() const;
    [[nodiscard]] QString savedSessionPath(const QString& id) const;

    SessionDocument* document_;
    SessionController* controller_;
    EventSelection* selection_;
    std::unique_ptr<AppSettings> settings_;
    LessonTaskModel* tasks_;
    std::shared_ptr<const LessonRun> run_;
    std::optional<LessonEvaluator> evaluator_;
    Language language_ = Language::En;
    std::size_t shown_ = 0;
    std::size_t doneSeen_ = 0;
    std::size_t bestTask_ = 0;                // the furthest task reached in this lesson's sessions
    std::shared_ptr<const Trace> bestStart_;  // the trace when that task started: Restore's target
    EventId lastSelected_;
    QStringList breakpointsSeen_;
    QString feedback_;
    QString learner_;
};

}  // namespace eapscope::ui
