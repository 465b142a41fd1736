// The controller's half on the worker thread: owns the executors, the engine, the engine's
// Trace and the recording, and runs commands one at a time. Everything it tells the GUI goes
// back as values posted to the SessionController (never a pointer into its trace).
#pragma once

#include "controller/breakpoint.h"
#include "controller/session_setup.h"
#include "lesson/learner_actions.h"
#include "store/trace_batch.h"

#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {
class CompletionRecorder;
class MethodExecutor;
class SessionEngine;
struct EngineConfig;
class SessionWriter;
class ReplayTracker;
class RadiusServe;
struct EngineState;
struct EngineSide;
struct StepResult;
namespace radius {
class UdpSocket;
}
}  // namespace eapscope

namespace eapscope::ui {

class SessionController;

// A QObject only to live on the worker thread and receive queued commands; no signals.
class EngineWorker : public QObject {
public:
    EngineWorker(SessionController* controller, quint64 generation, std::shared_ptr<std::atomic<bool>> stop);
    ~EngineWorker() override;

    void start(const SessionSetup& setup);
    void step();
    void continueRun(const QList<Breakpoint>& breakpoints);
    void stepBack();
    void fireTimeout();
    void inject(const std::vector<std::uint8_t>& packet);
    /// Serve counterpart: stops serving and ends the session (SessionController::finishServing).
    void finishServing();
    /// Writes the trace so far to `path` as a finished session file; returns the error or "".
    QString saveAs(const QString& path);
    void recordLearner(const LearnerEvent& event);
    void setLessonProgress(const std::vector<LessonTaskRecord>& records);
    void rewindTo(std::size_t events);
    void rerun(const Trace& prefix);

private:
    struct Undo;

    bool ready() const;
    StepResult oneCall();
    void pushUndo();
    void finishStart();
    void previewMethods(const EngineConfig& config);
    void startReplay(const SessionSetup& setup);
    void startLesson(const SessionSetup& setup);
    /// Creates the executor of side `index` (0 authenticator, 1 peer) for `spec` and fills `side`;
    /// false (and setupError_) when the spec names no method.
    bool setupSide(std::size_t index, const QString& spec, EngineSide& side);
    // Live RADIUS counterparts (issue 11), with the engine code `run --radius` and `serve` use.
    void startRadius(const SessionSetup& setup);
    bool buildRadiusEngine(const SessionSetup& setup);
    void startServe(const SessionSetup& setup);
    [[nodiscard]] bool liveRadius() const;
    void serveFor(std::chrono::milliseconds wait);
    void continueServe(const QList<Breakpoint>& breakpoints);
    /// Step back with a live RADIUS server: a fresh conversation with the server re-run until
    /// as many method calls as the first `events` rows held (the server cannot be stepped back).
    void rerunLive(std::size_t events);
    /// Where continue stops among rows [first, end): a breakpoint or the first finding.
    std::optional<BreakpointHit> stopHere(std::size_t first, const QList<Breakpoint>& breakpoints) const;
    /// Restores undo_[index] (hosts, engine, trace) and drops it and every later one.
    void restoreUndo(std::size_t index);
    void postCheckpoints();
    void publish(bool force);
    /// Posts what the trace gained (or lost: step back) since the last batch to the document.
    void postBatch();
    /// A lesson session: appends the TaskCompleted rows the trace lacks (completion_recorder.h).
    void noteCompletions();
    void afterCommand(const StepResult& result);
    void reportFailures(std::size_t first);
    void record(bool force);
    std::uint64_t liveBytes(ContextId context) const;
    void post(std::function<void(SessionController&)> fn);
    void setStepBack(bool available, const QString& reason);
    std::string checkpointProblem() const;

    QPointer<SessionController> controller_;
    quint64 generation_;
    std::shared_ptr<std::atomic<bool>> stop_;
    SessionSetup setup_;
    std::unique_ptr<Trace> trace_;
    std::array<std::unique_ptr<MethodExecutor>, 2> executors_;
    std::unique_ptr<SessionEngine> ownedEngine_;
    SessionEngine* engine_ = nullptr;                  // ownedEngine_, or serve_'s
    std::unique_ptr<radius::UdpSocket> radiusSocket_;  // the NAS's socket (RadiusServer)
    std::unique_ptr<RadiusServe> serve_;               // Serve
    bool serveStarted_ = false;
    std::unique_ptr<SessionWriter> writer_;
    std::unique_ptr<ReplayTracker> replay_;            // compares the method's packets with the capture
    std::unique_ptr<CompletionRecorder> completions_;  // a lesson session's TaskCompleted rows
    bool rerunning_ = false;  // rerun() copies the prefix row by row: add nothing in between
    std::vector<Undo> undo_;
    TraceBatch::Marks marks_ = TraceBatch::initialMarks();  // what the GUI's trace holds
    std::size_t stepFirst_ = 0;
    std::chrono::steady_clock::time_point lastPublish_;
    std::chrono::steady_clock::time_point lastFlush_;
    QString recordingPath_;
    std::unique_ptr<QLockFile> recordingLock_;  // released after the recording is removed
    QString setupError_;
    bool finishedRecorded_ = false;
};

}  // namespace eapscope::ui
