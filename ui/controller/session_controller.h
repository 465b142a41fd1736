// The one controller every state change goes through (issue 5 "How it is built"): it owns the
// session engine on a worker thread — the engine never runs on the GUI thread — and turns
// commands (step, continue, stop, restart, step back, fire timeout, inject packet) into work
// there. New trace rows come back as batches the GUI applies to its own SessionDocument.
#pragma once

#include "common/strong_id.h"
#include "controller/breakpoint.h"
#include "controller/session_setup.h"
#include "lesson/learner_actions.h"
#include "trace/event_types.h"
#include "trace/trace.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace eapscope::ui {

class EngineWorker;
class SessionDocument;

/// What a live session will load, known before the first step (the engine loads on it).
struct MethodPreview {
    Side side = Side::None;
    QString name;
    quint32 eapType = 0;
    quint32 roles = 0;  // RAS_EAP_ROLE_* bits
    QString error;      // why the library could not be loaded; empty = fine
};

class SessionController : public QObject {
    Q_OBJECT
public:
    enum class State { Ready, Busy, Waiting, Finished, Failed, Viewing };
    Q_ENUM(State)

    explicit SessionController(SessionDocument* document, QObject* parent = nullptr);
    ~SessionController() override;

    /// Starts a fresh session with `setup`: methods loaded on the first step, nothing run yet.
    void start(const SessionSetup& setup);
    /// Leaves live mode: the document shows an opened session file (no engine).
    void enterViewing();
    [[nodiscard]] const SessionSetup& setup() const { return setup_; }
    [[nodiscard]] State state() const { return state_; }
    /// True when no command is queued or running on the worker.
    [[nodiscard]] bool idle() const { return pending_ == 0; }
    [[nodiscard]] bool canStepBack() const { return canStepBack_; }
    [[nodiscard]] QString stepBackReason() const { return stepBackReason_; }
    [[nodiscard]] QString lastStatus() const { return lastStatus_; }
    [[nodiscard]] QString recordingPath() const { return recordingPath_; }
    /// Serve counterpart: the address the RADIUS server listens on once started ("" before).
    [[nodiscard]] QString servingAddress() const { return servingAt_; }
    /// Serve counterpart: the RADIUS server is up and has not been finished (finishServing()).
    [[nodiscard]] bool serving() const { return !servingAt_.isEmpty() && !servingFinished_; }

    [[nodiscard]] const QList<Breakpoint>& breakpoints() const { return breakpoints_; }
    void setBreakpoints(const QList<Breakpoint>& breakpoints);
    void addBreakpoint(const Breakpoint& breakpoint);

    /// Writes the recording of what ran so far to `path` (on the worker); `done` gets the error
    /// text, empty on success, on the GUI thread.
    void saveAs(const QString& path, std::function<void(QString)> done);

    // --- lessons (ui/lesson) -------------------------------------------------------------------
    /// Appends a learner action (core/lesson/learner_actions.h) to the session's trace, so it is
    /// recorded in the session file with everything else.
    void recordLearner(const LearnerEvent& event);
    /// The lesson progress the session file keeps (a cache; `lesson check` re-derives it).
    void setLessonProgress(const std::vector<LessonTaskRecord>& records);
    /// Goes back to the earliest step-back checkpoint holding at least `events` rows (a lesson
    /// task's start); false when no checkpoint can (then restart and rerun()).
    bool rewindTo(std::size_t events);
    /// On a freshly started session: steps and re-records learner actions until the trace is
    /// as long as `prefix` (a lesson's state when the current task started). The engine and
    /// its virtual timers are deterministic, so the same calls come out again.
    void rerun(std::shared_ptr<const Trace> prefix);
    /// True when the last step-back checkpoint holds at most `events` rows.
    [[nodiscard]] std::size_t oldestCheckpointEvents() const { return oldestCheckpoint_; }

public slots:
    void step();
    void continueRun();
    void stop();
    void restart();
    void stepBack();
    void fireTimeout();
    void injectPacket(const QByteArray& packet);
    /// Serve counterpart: no more supplicants. As SIGTERM does for `eapscope-cli serve`, the
    /// conversations in progress end with RasEapEnd, the method is uninitialized and unloaded,
    /// and the recording is finished; the session stays in the window to inspect and save.
    void finishServing();

signals:
    void stateChanged(eapscope::ui::SessionController::State state);
    void statusMessage(const QString& text);
    /// A crash or hang of a method (or a load failure): shown as a banner over the timeline.
    void bannerRaised(const QString& text);
    void bannerCleared();
    void stepBackChanged(bool available, const QString& reason);
    /// Continue stopped at a breakpoint or a finding at `event`.
    void stoppedAt(eapscope::EventId event, const QString& reason);
    void methodDetails(const QStringList& lines);
    /// The methods of a live session that has not stepped yet (its start probes them).
    void methodsPreviewed(const QList<eapscope::ui::MethodPreview>& methods);
    void idleChanged(bool idle);
    /// The Serve counterpart's server came up or was finished (serving(), servingAddress()).
    void servingChanged(bool serving);
    /// The F9 breakpoints changed (a lesson records the ones set).
    void breakpointsChanged();

private:
    friend class EngineWorker;
    void post(std::function<void(EngineWorker&)> command);
    void commandDone();
    void setState(State state);
    void onStepBackChanged(bool available, const QString& reason);
    void onStatus(const QString& text);
    void setServing(const QString& address, bool finished);

    SessionDocument* document_;
    QThread* thread_;
    EngineWorker* worker_ = nullptr;
    std::shared_ptr<std::atomic<bool>> stopFlag_;
    SessionSetup setup_;
    QList<Breakpoint> breakpoints_;
    State state_ = State::Ready;
    int pending_ = 0;
    bool canStepBack_ = false;
    QString stepBackReason_;
    QString lastStatus_;
    QString recordingPath_;
    QString servingAt_;
    bool servingFinished_ = false;
    std::size_t oldestCheckpoint_ = 0;
    quint64 generation_ = 0;  // results of an older session are dropped
};

}  // namespace eapscope::ui
