#include "controller/engine_worker.h"

#include "controller/session_controller.h"
#include "models/event_format.h"
#include "session/session_document.h"

#include "engine/radius_serve.h"
#include "engine/session_engine.h"
#include "engine/session_runner.h"
#include "method/in_process_executor.h"
#include "method/method_resolver.h"

#include "host/host_executor.h"
#include "lesson/completion_recorder.h"
#include "lesson/lesson_run.h"
#include "lesson/lesson_setup.h"
#include "replay/replay_live.h"
#include "session/recording_store.h"
#include "session/session_file_loader.h"
#include "store/session_writer.h"

#include <QCoreApplication>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <limits>

namespace eapscope::ui {
namespace {

// The texts of this file, in the context lupdate files them under.
struct ControllerText {
    Q_DECLARE_TR_FUNCTIONS(eapscope::ui::SessionController)
};

// A person steps between calls; the engine's own actions (Identity exchange, back end,
// counterpart packets) run within the step that leads to the next call. The bound is far
// above any engine-action run between two calls (a few per EAP round) so a broken state
// machine cannot spin the worker forever.
constexpr int kMaxEngineActionsPerStep = 10000;
// Engine states kept for step back; the hosts thin their own checkpoints further.
constexpr std::size_t kMaxUndo = 256;
constexpr auto kPublishInterval = std::chrono::milliseconds(40);
constexpr auto kFlushInterval = std::chrono::milliseconds(250);  // DESIGN.md "Session file"

}  // namespace

std::vector<Side> SessionSetup::sides() const
{
    if (lesson) {
        const LessonSetup& s = lesson->setup;
        if (s.counterpart == LessonCounterpart::Replay && s.replay) {
            return {s.replay->request.role};
        }
        std::vector<Side> result;
        if (!s.engine.authenticator.load.path.empty()) {
            result.push_back(Side::Authenticator);
        }
        if (!s.engine.peer.load.path.empty()) {
            result.push_back(Side::Peer);
        }
        return result;
    }
    if (replay) {
        return {replay->request.role};
    }
    // The live counterparts play one side whatever the other method field still says.
    if (counterpart == Counterpart::RadiusServer) {
        return peerMethod.isEmpty() ? std::vector<Side>{} : std::vector<Side>{Side::Peer};
    }
    if (counterpart == Counterpart::Serve) {
        return authenticatorMethod.isEmpty() ? std::vector<Side>{} : std::vector<Side>{Side::Authenticator};
    }
    std::vector<Side> result;
    if (!authenticatorMethod.isEmpty()) {
        result.push_back(Side::Authenticator);
    }
    if (!peerMethod.isEmpty() && !(counterpart == Counterpart::Manual && !authenticatorMethod.isEmpty())) {
        result.push_back(Side::Peer);
    }
    return result;
}

struct EngineWorker::Undo {
    EngineState state;
    std::size_t events = 0;
    std::size_t stepFirst = 0;
    std::array<std::optional<std::uint32_t>, 2> checkpoints;
};

EngineWorker::EngineWorker(SessionController* controller, quint64 generation,
                           std::shared_ptr<std::atomic<bool>> stop)
    : controller_(controller), generation_(generation), stop_(std::move(stop))
{
}

EngineWorker::~EngineWorker()
{
    if (serve_ && !engine_->finished()) {
        serve_->stop();  // open conversations abandoned, the method ended and unloaded
        if (writer_) {
            (void)writer_->finish(*trace_);
        }
    }
    engine_ = nullptr;
    ownedEngine_.reset();
    serve_.reset();
    for (auto& executor : executors_) {
        if (executor) {
            executor->unload();
        }
    }
    // The session ends normally (restart, another file, the window closed after the person
    // saved or declined to): its cache recording goes. Only a crash or a kill leaves one.
    writer_.reset();
    if (!recordingPath_.isEmpty()) {
        RecordingStore::remove(recordingPath_);
    }
    recordingLock_.reset();  // unlock() removes the lock file
}

void EngineWorker::post(std::function<void(SessionController&)> fn)
{
    SessionController* controller = controller_.data();
    if (controller == nullptr) {
        return;
    }
    const quint64 generation = generation_;
    QMetaObject::invokeMethod(
        controller,
        [controller, generation, fn = std::move(fn)] {
            if (controller->generation_ == generation) {
                fn(*controller);
            }
        },
        Qt::QueuedConnection);
}

void EngineWorker::start(const SessionSetup& setup)
{
    setup_ = setup;
    trace_ = std::make_unique<Trace>();
    EngineConfig config;
    if (setup.lesson) {
        startLesson(setup);
        return;
    }
    if (setup.replay) {
        startReplay(setup);
        return;
    }
    if (setup.counterpart == SessionSetup::Counterpart::RadiusServer) {
        startRadius(setup);
        return;
    }
    if (setup.counterpart == SessionSetup::Counterpart::Serve) {
        startServe(setup);
        return;
    }
    const std::array<QString, 2> specs{setup.authenticatorMethod, setup.peerMethod};
    std::array<EngineSide*, 2> sides{&config.authenticator, &config.peer};
    const bool manual = setup.counterpart == SessionSetup::Counterpart::Manual;
    for (std::size_t i = 0; i < 2; ++i) {
        // Manual: the person plays the peer when both sides name a method.
        if (specs[i].isEmpty() || (manual && i == 1 && !specs[0].isEmpty())) {
            continue;
        }
        if (!setupSide(i, specs[i], *sides[i])) {
            break;
        }
    }
    config.counterpart = manual ? Counterpart::Manual : Counterpart::Loopback;
    config.identity = setup.identity.toStdString();
    config.peerPassword = setup.password.toStdString();
    for (const auto& [user, password] : setup.users) {
        config.users.emplace_back(user.toStdString(), password.toStdString());
    }
    config.contexts = static_cast<std::uint32_t>(std::max(1, setup.contexts));
    config.interleave = setup.interleave;
    config.autoFireTimeouts = false;  // the person fires timeouts (virtual timers, DESIGN.md)
    previewMethods(config);
    ownedEngine_ = std::make_unique<SessionEngine>(std::move(config), *trace_);
    engine_ = ownedEngine_.get();
    finishStart();
}

bool EngineWorker::setupSide(std::size_t index, const QString& spec, EngineSide& side)
{
    const auto path = resolveMethodSpec(spec.toStdString());
    if (!path) {
        setupError_ = errorText(path);
        return false;
    }
    if (setup_.isolated) {
        HostOptions options;
        options.hostPath = setup_.hostPath.toStdString();
        options.heapTracking = setup_.heapTracking;
        executors_[index] = std::make_unique<HostExecutor>(options);
    } else {
        executors_[index] = std::make_unique<InProcessExecutor>();
    }
    side.executor = executors_[index].get();
    side.load.path = *path;
    side.load.displayName =
        spec.contains(QLatin1Char('/')) ? QFileInfo(spec).fileName().toStdString() : spec.toStdString();
    return true;
}

bool EngineWorker::liveRadius() const
{
    return !setup_.lesson && !setup_.replay && setup_.counterpart == SessionSetup::Counterpart::RadiusServer;
}

// "Counterpart: RADIUS server": the peer method meets a real server, EapScope is the NAS; the
// same engine configuration as `run --peer B --radius HOST:PORT --secret S` (session_runner.h).
void EngineWorker::startRadius(const SessionSetup& setup)
{
    if (buildRadiusEngine(setup)) {
        previewMethods(engine_->config());
    }
    finishStart();
}

bool EngineWorker::buildRadiusEngine(const SessionSetup& setup)
{
    EngineConfig config;
    if (setup.peerMethod.isEmpty()) {
        setupError_ =
            ControllerText::tr("A RADIUS server plays the authenticator: choose the peer method to test.");
        return false;
    }
    if (setup.secret.isEmpty()) {
        setupError_ = ControllerText::tr(
            "Give the shared secret this NAS has with the RADIUS server: a server drops "
            "requests it cannot authenticate without a word.");
        return false;
    }
    if (!setupSide(1, setup.peerMethod, config.peer)) {
        return false;
    }
    auto socket = connectRadiusServer(setup.radiusServer.toStdString(), setup.secret.toStdString());
    if (!socket) {
        setupError_ = errorText(socket);
        return false;
    }
    radiusSocket_ = std::move(*socket);
    config.identity = setup.identity.toStdString();
    config.peerPassword = setup.password.toStdString();
    config.contexts = static_cast<std::uint32_t>(std::max(1, setup.contexts));
    config.interleave = setup.interleave;
    config.autoFireTimeouts = false;
    applyRadiusServer(config, radiusSocket_.get(), setup.radiusServer.toStdString(),
                      setup.secret.toStdString(),
                      static_cast<std::uint32_t>(std::max(1, setup.radiusTimeoutMs)),
                      static_cast<std::uint32_t>(std::max(0, setup.radiusRetries)), *trace_);
    trace_->setOption("peer", setup.peerMethod.toStdString());
    trace_->setOption("identity", config.identity);
    trace_->setOption("contexts", std::to_string(config.contexts));
    ownedEngine_ = std::make_unique<SessionEngine>(std::move(config), *trace_);
    engine_ = ownedEngine_.get();
    return true;
}

// "Counterpart: real supplicants": the authenticator method behind a RADIUS server, the same
// RadiusServe as `serve --auth A --listen HOST:PORT --secret S`; each conversation is a lane.
void EngineWorker::startServe(const SessionSetup& setup)
{
    ServeConfig config;
    if (setup.authenticatorMethod.isEmpty()) {
        setupError_ =
            ControllerText::tr("Real supplicants play the peer: choose the authenticator method to test.");
    } else if (setup.secret.isEmpty()) {
        setupError_ = ControllerText::tr(
            "Give the shared secret of the NASes that will connect: requests signed with "
            "another secret are dropped.");
    } else if (setupSide(0, setup.authenticatorMethod, config.authenticator)) {
        config.listen = setup.listen.toStdString();
        config.secret = setup.secret.toStdString();
        for (const auto& [user, password] : setup.users) {
            config.users.emplace_back(user.toStdString(), password.toStdString());
        }
        trace_->setOption("auth", setup.authenticatorMethod.toStdString());
        EngineConfig preview;
        preview.authenticator = config.authenticator;
        auto serve = RadiusServe::create(std::move(config), *trace_);
        if (serve) {
            serve_ = std::move(*serve);
            engine_ = &serve_->engine();
            previewMethods(preview);
            const QString address = fromStd(serve_->local().text());
            post([address](SessionController& c) {
                c.setServing(address, false);
                c.onStatus(
                    ControllerText::tr("RADIUS server listening on %1: Continue (F5) answers supplicants "
                                       "until Stop.")
                        .arg(address));
            });
        } else {
            setupError_ = errorText(serve);
        }
    }
    finishStart();
}

void EngineWorker::serveFor(std::chrono::milliseconds wait)
{
    if (!serveStarted_) {
        serveStarted_ = true;
        serve_->start();  // load and initialize the method; then wait for supplicants
        return;
    }
    serve_->poll(wait);
}

void EngineWorker::continueServe(const QList<Breakpoint>& breakpoints)
{
    // Serving runs until Stop (or a breakpoint, or a finding): the supplicants' requests are
    // answered as they come, each conversation's rows published as they are made.
    while (!engine_->finished() && !stop_->load()) {
        const std::size_t first = trace_->size();
        serveFor(std::chrono::milliseconds(100));
        if (const auto hit = stopHere(first, breakpoints)) {
            StepResult result;
            result.kind = StepKind::Waiting;
            afterCommand(result);
            const BreakpointHit h = *hit;
            post([h](SessionController& c) { emit c.stoppedAt(h.event, h.reason); });
            return;
        }
        publish(false);
        record(false);
    }
    StepResult result;
    result.kind = engine_->finished() ? StepKind::Finished : StepKind::Waiting;
    result.description = verbatim(
        ControllerText::tr("Serving paused: requests wait in the socket until Continue.").toStdString());
    afterCommand(result);
}

void EngineWorker::finishServing()
{
    if (!serve_ || engine_->finished()) {
        return;
    }
    stepFirst_ = trace_->size();
    const std::size_t open = serve_->engine().state().conversations.size() - serve_->conversationsEnded();
    serve_->stop();  // as SIGTERM for `serve`: RasEapEnd for the open ones, the method unloaded
    StepResult result;
    result.kind = StepKind::Finished;
    // Already in the window's language: the status bar shows a verbatim text as it is.
    result.description =
        verbatim(ControllerText::tr("Finished serving on %1: %2 conversations, %3 of them ended "
                                    "in progress (RasEapEnd). Save keeps the session.")
                     .arg(fromStd(serve_->local().text()))
                     .arg(serve_->engine().state().conversations.size())
                     .arg(open)
                     .toStdString());
    afterCommand(result);
    const QString address = fromStd(serve_->local().text());
    post([address](SessionController& c) { c.setServing(address, true); });
}

void EngineWorker::previewMethods(const EngineConfig& config)
{
    // The engine loads the methods on the first step; a newcomer should see what is loaded
    // before it. Each library is probed in a throw-away executor of the same kind (an isolated
    // host for isolated sessions: the method never runs in the GUI process).
    QList<MethodPreview> previews;
    const std::array<const EngineSide*, 2> sides{&config.authenticator, &config.peer};
    for (std::size_t i = 0; i < 2; ++i) {
        if (sides[i]->executor == nullptr || stop_->load()) {
            continue;
        }
        std::unique_ptr<MethodExecutor> probe;
        if (setup_.isolated) {
            HostOptions options;
            options.hostPath = setup_.hostPath.toStdString();
            options.heapTracking = false;
            probe = std::make_unique<HostExecutor>(options);
        } else {
            probe = std::make_unique<InProcessExecutor>();
        }
        const LoadReport report = probe->load(sides[i]->load);
        probe->unload();
        MethodPreview preview;
        preview.side = i == 0 ? Side::Authenticator : Side::Peer;
        preview.name = fromStd(sides[i]->load.displayName);
        preview.eapType = report.eapType;
        preview.roles = report.roles;
        if (!report.ok) {
            // The load finding that says why, as a sentence when it has one (its message is the error).
            const auto why = std::find_if(report.findings.begin(), report.findings.end(), [&](const auto& f) {
                return f.message == report.error && !f.text.empty();
            });
            preview.error = why != report.findings.end() ? messageText(why->text) : fromStd(report.error);
        }
        previews.append(preview);
    }
    post([previews](SessionController& c) { emit c.methodsPreviewed(previews); });
}

void EngineWorker::finishStart()
{
    RecordingStore::Claim claim = RecordingStore::create(generation_);
    recordingPath_ = claim.path;
    recordingLock_ = std::move(claim.lock);
    QString problem = ControllerText::tr("the folder cannot be written");
    if (!recordingPath_.isEmpty()) {
        auto writer = SessionWriter::create(recordingPath_.toStdString(), setup_.keepSecrets);
        if (writer) {
            writer_ = std::move(writer).value();
        } else {
            problem = errorText(writer);
        }
    }
    if (!writer_) {
        const QString message = ControllerText::tr("This session is not recorded in %1: %2")
                                    .arg(RecordingStore::directory(), problem);
        post([message](SessionController& c) { c.onStatus(message); });
        recordingPath_.clear();
    }
    const QString recording = recordingPath_;
    const QString error = setupError_;
    const bool canCheckpoint = checkpointProblem().empty();
    const QString reason =
        canCheckpoint ? ControllerText::tr("nothing to step back to yet") : fromStd(checkpointProblem());
    post([recording, error, reason](SessionController& c) {
        c.recordingPath_ = recording;
        c.onStepBackChanged(false, reason);
        if (!error.isEmpty()) {
            emit c.bannerRaised(error);
            c.setState(SessionController::State::Failed);
        }
    });
}

// Replay (issue 6 part 5): the method plays the chosen role, the captured other side is the
// scripted counterpart; each packet the method sends is compared as it is sent (oneCall()).
void EngineWorker::startReplay(const SessionSetup& setup)
{
    const ReplayPlan& plan = *setup.replay;
    const std::size_t side = plan.request.role == Side::Authenticator ? 0 : 1;
    if (setup.isolated) {
        HostOptions options;
        options.hostPath = setup.hostPath.toStdString();
        options.heapTracking = setup.heapTracking;
        executors_[side] = std::make_unique<HostExecutor>(options);
    }
    if (!executors_[side]) {
        executors_[side] = std::make_unique<InProcessExecutor>();
    }
    EngineConfig config = replayConfig(plan.script, plan.request, *executors_[side], plan.methodPath);
    trace_->setOption("replay.capture", plan.capture.path);
    trace_->setOption("replay.conversation", std::to_string(plan.request.conversation));
    replay_ = std::make_unique<ReplayTracker>(setup.replay);
    ownedEngine_ = std::make_unique<SessionEngine>(std::move(config), *trace_);
    engine_ = ownedEngine_.get();
    finishStart();
}

// A lesson sets its own session up (core/lesson/lesson_setup.h): bundled methods in isolated
// hosts with the scenario's host options, a replay, or a bundled capture read as it is.
void EngineWorker::startLesson(const SessionSetup& setup)
{
    const LessonRun& run = *setup.lesson;
    const LessonSetup& lesson = run.setup;
    HostOptions host = lesson.host;
    if (!setup.hostPath.isEmpty()) {
        host.hostPath = setup.hostPath.toStdString();
    }
    if (lesson.counterpart == LessonCounterpart::Capture) {
        QString error;
        if (auto imported = SessionFileLoader::readNow(fromStd(lesson.capturePath), &error)) {
            *trace_ = std::move(*imported);
        } else {
            setupError_ = error;
        }
    } else if (lesson.counterpart == LessonCounterpart::Replay) {
        SessionSetup replay = setup;
        replay.replay = lesson.replay;
        replay.lesson.reset();
        setup_ = replay;
        startReplay(replay);
    } else {
        EngineConfig config = lesson.engine;
        const std::array<EngineSide*, 2> sides{&config.authenticator, &config.peer};
        for (std::size_t i = 0; i < 2; ++i) {
            if (!sides[i]->load.path.empty()) {
                executors_[i] = std::make_unique<HostExecutor>(host);
                sides[i]->executor = executors_[i].get();
            }
        }
        config.autoFireTimeouts = false;  // the learner fires timeouts (virtual timers)
        previewMethods(config);
        ownedEngine_ = std::make_unique<SessionEngine>(std::move(config), *trace_);
        engine_ = ownedEngine_.get();
        finishStart();
    }
    if (lesson.counterpart == LessonCounterpart::Capture) {
        finishStart();
    }
    const std::uint64_t at = trace_->size() > 0 ? trace_->times().back() : 0;
    beginLessonTrace(*trace_, run.lesson, lesson, at);
    completions_ = std::make_unique<CompletionRecorder>(run.lesson);
    publish(true);
    record(true);
}

bool EngineWorker::ready() const
{
    return engine_ && setupError_.isEmpty();
}

std::string EngineWorker::checkpointProblem() const
{
    if (serve_) {
        return "the supplicants are real programs outside EapScope: a served conversation cannot be stepped "
               "back, and they cannot be asked to start it over";
    }
    if (liveRadius()) {
        return {};  // step back restarts the conversation with the server (rerunLive)
    }
    for (const auto& executor : executors_) {
        if (!executor) {
            continue;
        }
        if (const auto* host = dynamic_cast<const HostExecutor*>(executor.get())) {
            if (!host->alive() && host->failure()) {
                return "the method's host process ended";
            }
            continue;  // a fresh host supports checkpoints until the method starts threads
        }
        if (!executor->supportsCheckpoints()) {
            return "methods run inside this process (in-process executor), which keeps no checkpoints";
        }
    }
    return {};
}

void EngineWorker::pushUndo()
{
    Undo undo{engine_->state(), trace_->size(), stepFirst_, {}};
    if (liveRadius()) {
        // The server cannot be stepped back: a step back re-runs a fresh conversation with it
        // to this point, so the hosts need no checkpoints.
        undo_.push_back(std::move(undo));
        if (undo_.size() > kMaxUndo) {
            undo_.erase(undo_.begin());
        }
        postCheckpoints();
        return;
    }
    std::string problem;
    for (std::size_t i = 0; i < 2; ++i) {
        MethodExecutor* executor = executors_[i].get();
        if (executor == nullptr || !executor->alive()) {
            continue;  // nothing loaded yet (or the counterpart): nothing to restore
        }
        if (!executor->supportsCheckpoints()) {
            if (const auto* host = dynamic_cast<const HostExecutor*>(executor)) {
                problem = host->checkpointsUnavailableReason();
            }
            if (problem.empty()) {
                problem = "this executor keeps no checkpoints";
            }
            break;
        }
        auto id = executor->checkpoint();
        if (!id) {
            problem = id.error();
            break;
        }
        undo.checkpoints[i] = *id;
    }
    if (!problem.empty()) {
        undo_.clear();
        setStepBack(false, fromStd(problem));
        return;
    }
    undo_.push_back(std::move(undo));
    if (undo_.size() > kMaxUndo) {
        undo_.erase(undo_.begin());
    }
    postCheckpoints();
}

void EngineWorker::setStepBack(bool available, const QString& reason)
{
    post([available, reason](SessionController& c) { c.onStepBackChanged(available, reason); });
}

StepResult EngineWorker::oneCall()
{
    StepResult result;
    for (int i = 0; i < kMaxEngineActionsPerStep; ++i) {
        result = engine_->step();
        if (result.kind != StepKind::EngineAction && result.kind != StepKind::TimerFired) {
            break;
        }
    }
    if (replay_) {
        replay_->update(*trace_, engine_->finished());
    }
    return result;
}

void EngineWorker::step()
{
    if (!ready() || engine_->finished()) {
        return;
    }
    if (serve_) {
        // One step: load the method, then at most one supplicant's request and its answer.
        stepFirst_ = trace_->size();
        serveFor(std::chrono::milliseconds(200));
        StepResult result;
        result.kind = engine_->finished() ? StepKind::Finished : StepKind::Waiting;
        afterCommand(result);
        return;
    }
    pushUndo();
    stepFirst_ = trace_->size();
    afterCommand(oneCall());
}

std::optional<BreakpointHit> EngineWorker::stopHere(std::size_t first,
                                                    const QList<Breakpoint>& breakpoints) const
{
    if (auto hit = findBreakpointHit(*trace_, first, trace_->size(), breakpoints,
                                     [this](ContextId c) { return liveBytes(c); })) {
        return hit;
    }
    // Continue also stops at a finding (issue 5 "Step").
    for (std::size_t i = first; i < trace_->size(); ++i) {
        if (trace_->kinds()[i] == EventKind::Finding) {
            return BreakpointHit{
                EventId(static_cast<std::uint32_t>(i)),
                ControllerText::tr("finding %1").arg(fromStd(trace_->string(trace_->texts()[i])))};
        }
    }
    return std::nullopt;
}

void EngineWorker::continueRun(const QList<Breakpoint>& breakpoints)
{
    if (!ready()) {
        return;
    }
    if (serve_) {
        continueServe(breakpoints);
        return;
    }
    StepResult result;
    while (!engine_->finished() && !stop_->load()) {
        pushUndo();
        const std::size_t first = trace_->size();
        stepFirst_ = first;
        result = oneCall();
        const std::optional<BreakpointHit> stopAt = stopHere(first, breakpoints);
        if (stopAt) {
            afterCommand(result);
            const BreakpointHit h = *stopAt;
            post([h](SessionController& c) { emit c.stoppedAt(h.event, h.reason); });
            return;
        }
        if (result.kind == StepKind::Waiting || result.kind == StepKind::Finished) {
            break;
        }
        publish(false);
        record(false);
    }
    afterCommand(result);
}

void EngineWorker::stepBack()
{
    if (!ready() || undo_.empty()) {
        return;
    }
    restoreUndo(undo_.size() - 1);
}

void EngineWorker::restoreUndo(std::size_t index)
{
    if (liveRadius()) {
        rerunLive(undo_[index].events);
        return;
    }
    Undo undo = std::move(undo_[index]);
    undo_.resize(index);
    for (std::size_t i = 0; i < 2; ++i) {
        if (undo.checkpoints[i] && executors_[i]) {
            const Status restored = executors_[i]->restore(*undo.checkpoints[i]);
            if (!restored) {
                undo_.clear();
                setStepBack(false, errorText(restored));
                postCheckpoints();
                return;
            }
        }
    }
    engine_->restoreState(undo.state);
    trace_->truncate(undo.events);
    if (completions_) {
        completions_->truncated();
    }
    if (writer_) {
        writer_->rewind(*trace_);
    }
    // The batch tells the document to truncate too, then carries anything newer.
    TraceBatch::rewound(marks_, *trace_);
    postBatch();
    stepFirst_ = undo.stepFirst;
    const std::size_t events = undo.events;
    const std::size_t first = stepFirst_;
    const bool more = !undo_.empty();
    post([events, first, more](SessionController& c) {
        c.document_->setCurrentStep(first, events);
        c.onStepBackChanged(more, more ? QString() : ControllerText::tr("nothing to step back to"));
        c.setState(SessionController::State::Ready);
        emit c.bannerCleared();
    });
    postCheckpoints();
    finishedRecorded_ = false;
    record(true);
}

void EngineWorker::rerunLive(std::size_t events)
{
    const auto callsIn = [](const Trace& trace, std::size_t end) {
        const auto kinds = trace.kinds();
        return static_cast<std::size_t>(std::count(
            kinds.begin(), kinds.begin() + static_cast<std::ptrdiff_t>(end), EventKind::CallStart));
    };
    const std::size_t target = callsIn(*trace_, events);
    // A fresh start: new hosts (the method starts from RasEapGetInfo again), a new socket and a
    // new conversation with the server; the recording and the view start over with them.
    engine_ = nullptr;
    ownedEngine_.reset();
    for (auto& executor : executors_) {
        if (executor) {
            executor->unload();
        }
        executor.reset();
    }
    radiusSocket_.reset();
    undo_.clear();
    trace_ = std::make_unique<Trace>();
    marks_ = TraceBatch::initialMarks();  // the document starts over below
    finishedRecorded_ = false;
    if (writer_) {
        writer_->rewind(*trace_);  // a new trace: the file starts over
    }
    post([](SessionController& c) {
        c.document_->setTrace(Trace());
        emit c.bannerCleared();
    });
    if (!buildRadiusEngine(setup_)) {
        const QString error = setupError_;
        post([error](SessionController& c) {
            emit c.bannerRaised(error);
            c.setState(SessionController::State::Failed);
        });
        return;
    }
    StepResult result;
    result.kind = StepKind::Call;
    while (callsIn(*trace_, trace_->size()) < target && !engine_->finished() && !stop_->load()) {
        pushUndo();
        stepFirst_ = trace_->size();
        result = oneCall();
        if (result.kind == StepKind::Waiting || result.kind == StepKind::Finished) {
            break;
        }
        publish(false);
    }
    const std::size_t reached = callsIn(*trace_, trace_->size());
    afterCommand(result);
    QString status;
    if (reached >= target) {
        status = ControllerText::tr(
                     "Stepped back: a RADIUS server cannot be stepped back, so the conversation with "
                     "%1 was restarted and re-run to call %2.")
                     .arg(setup_.radiusServer)
                     .arg(target);
    } else {
        status = ControllerText::tr(
                     "Could not step back to call %1: the conversation with %2 was restarted, but "
                     "the re-run ended after %3 calls (the server answered differently this time).")
                     .arg(target)
                     .arg(setup_.radiusServer)
                     .arg(reached);
    }
    const bool more = !undo_.empty();
    post([status, more](SessionController& c) {
        c.onStatus(status);
        c.onStepBackChanged(more, more ? QString() : ControllerText::tr("nothing to step back to"));
    });
}

void EngineWorker::postCheckpoints()
{
    const std::size_t oldest = undo_.empty() ? std::numeric_limits<std::size_t>::max() : undo_.front().events;
    post([oldest](SessionController& c) { c.oldestCheckpoint_ = oldest; });
}

void EngineWorker::rewindTo(std::size_t events)
{
    // The earliest checkpoint at or after the task's start: everything that made the task
    // current (the event that completed the previous one) stays in the trace.
    const auto found =
        std::find_if(undo_.begin(), undo_.end(), [&](const Undo& u) { return u.events >= events; });
    if (!ready() || found == undo_.end()) {
        post([](SessionController& c) { c.setState(SessionController::State::Ready); });
        return;
    }
    restoreUndo(static_cast<std::size_t>(found - undo_.begin()));
}

void EngineWorker::recordLearner(const LearnerEvent& event)
{
    if (!trace_) {
        return;
    }
    recordLearnerEvent(*trace_, event, engine_ ? engine_->timestampNs() : 0);
    publish(true);
    record(false);
}

void EngineWorker::setLessonProgress(const std::vector<LessonTaskRecord>& records)
{
    if (trace_) {
        trace_->setLessonProgress(records);
        record(true);
    }
}

void EngineWorker::rerun(const Trace& prefix)
{
    // Re-run to the task's start (after a restart or another file): engine rows come back by
    // stepping (virtual timers make the run deterministic), learner rows are re-recorded where
    // they were. Bounded by the prefix: each turn adds at least one row or stops. The prefix
    // holds the completion rows it had; the ones it lacks are noted once it is copied.
    rerunning_ = true;
    while (trace_ && trace_->size() < prefix.size() && !stop_->load()) {
        const std::size_t before = trace_->size();
        const EventId row(static_cast<std::uint32_t>(before));
        if (prefix.kinds()[before] == EventKind::Learner) {
            if (const auto event = learnerEvent(prefix, row)) {
                recordLearnerEvent(*trace_, *event, engine_ ? engine_->timestampNs() : 0);
            }
        } else if (ready() && !engine_->finished()) {
            pushUndo();
            stepFirst_ = before;
            if (oneCall().kind == StepKind::Waiting) {
                (void)engine_->fireTimeout();
            }
        }
        if (trace_->size() == before) {
            break;
        }
        publish(false);
    }
    rerunning_ = false;
    publish(true);
    record(true);
    if (!engine_) {  // a capture lesson: nothing steps
        post([](SessionController& c) { c.setState(SessionController::State::Ready); });
        return;
    }
    StepResult idle;
    idle.kind = engine_->finished() ? StepKind::Finished : StepKind::Call;
    afterCommand(idle);
}

void EngineWorker::fireTimeout()
{
    if (!ready()) {
        return;
    }
    const std::size_t undoDepth = undo_.size();
    pushUndo();
    stepFirst_ = trace_->size();
    const Status fired = engine_->fireTimeout();
    if (!fired) {
        undo_.resize(std::min(undo_.size(), undoDepth));
        // The engine's fixed refusals are marked for translation (context "EngineText").
        const QString message = messageText(phrase(fired.error()));
        post([message](SessionController& c) { c.onStatus(message); });
        return;
    }
    afterCommand(oneCall());
}

void EngineWorker::inject(const std::vector<std::uint8_t>& packet)
{
    if (!ready()) {
        return;
    }
    pushUndo();
    stepFirst_ = trace_->size();
    const Status injected = engine_->injectPacket(packet);
    if (!injected) {
        const QString message = messageText(phrase(injected.error()));
        post([message](SessionController& c) { c.onStatus(message); });
        return;
    }
    afterCommand(oneCall());
}

std::uint64_t EngineWorker::liveBytes(ContextId context) const
{
    return engine_ ? engine_->state().heap.summary(context).liveBytes : 0;
}

void EngineWorker::noteCompletions()
{
    if (completions_ && !rerunning_) {
        completions_->note(*trace_, engine_ ? engine_->timestampNs() : 0);
    }
}

void EngineWorker::publish(bool force)
{
    // Before the rate limit: a completion row follows the event that completed the task.
    noteCompletions();
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastPublish_ < kPublishInterval) {
        return;
    }
    lastPublish_ = now;
    postBatch();
}

void EngineWorker::postBatch()
{
    auto batch = std::make_shared<TraceBatch>(TraceBatch::take(*trace_, marks_));
    if (batch->empty()) {
        return;
    }
    reportFailures(batch->firstEvent());
    post([batch](SessionController& c) {
        if (!c.document_->appendBatch(*batch)) {
            c.onStatus(ControllerText::tr("The view lost track of the session; restart it."));
        }
    });
}

void EngineWorker::reportFailures(std::size_t first)
{
    // A crash or hang ends only the host (DESIGN.md "Processes"): tell the person loudly.
    for (std::size_t i = first; i < trace_->size(); ++i) {
        if (trace_->kinds()[i] != EventKind::Finding) {
            continue;
        }
        const FindingRecord& f = trace_->finding(FindingId(trace_->auxes()[i]));
        if (f.rule != "CRASH" && f.rule != "HANG") {
            continue;
        }
        const QString text =
            ControllerText::tr(
                "The %1 method %2 in %3: %4. The session cannot go on; Restart (Ctrl+R) starts over.")
                .arg(sideText(f.side).toLower(),
                     f.rule == "CRASH" ? ControllerText::tr("crashed") : ControllerText::tr("hung"),
                     entryText(f.entry), findingMessageText(f));
        post([text](SessionController& c) { emit c.bannerRaised(text); });
    }
}

void EngineWorker::record(bool force)
{
    if (!writer_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastFlush_ < kFlushInterval) {
        return;
    }
    lastFlush_ = now;
    const Status status = engine_->finished() ? writer_->finish(*trace_) : writer_->flush(*trace_);
    if (!status) {
        const QString message = ControllerText::tr("Recording failed: %1").arg(errorText(status));
        post([message](SessionController& c) { c.onStatus(message); });
    }
}

void EngineWorker::afterCommand(const StepResult& result)
{
    publish(true);
    record(true);
    using State = SessionController::State;
    State state = State::Ready;
    if (result.kind == StepKind::Finished || engine_->finished()) {
        state = engine_->loadFailed() ? State::Failed : State::Finished;
    } else if (result.kind == StepKind::Waiting) {
        state = State::Waiting;
    }
    const std::size_t first = stepFirst_;
    const std::size_t end = trace_->size();
    const QString description = messageText(result.description.text());
    const bool back = !undo_.empty();
    post([state, first, end, description, back](SessionController& c) {
        c.document_->flush();
        c.document_->setCurrentStep(first, end);
        c.onStatus(description);
        c.setState(state);
        if (back) {
            c.onStepBackChanged(true, QString());
        }
    });
}

QString EngineWorker::saveAs(const QString& path)
{
    if (!trace_) {
        return ControllerText::tr("Nothing has run yet.");
    }
    auto writer = SessionWriter::create(path.toStdString(), setup_.keepSecrets);
    if (!writer) {
        return errorText(writer);
    }
    const Status status =
        engine_ && engine_->finished() ? (*writer)->finish(*trace_) : (*writer)->flush(*trace_);
    return status ? QString() : errorText(status);
}

}  // namespace eapscope::ui
