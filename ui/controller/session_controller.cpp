#include "controller/session_controller.h"

#include "controller/engine_worker.h"
#include "session/recording_store.h"
#include "session/session_document.h"

#include <QThread>

namespace eapscope::ui {

SessionController::SessionController(SessionDocument* document, QObject* parent)
    : QObject(parent), document_(document), thread_(new QThread(this))
{
    thread_->setObjectName(QStringLiteral("eapscope-engine"));
    thread_->start();
}

SessionController::~SessionController()
{
    if (stopFlag_) {
        stopFlag_->store(true);
    }
    if (worker_ != nullptr) {
        // Blocking: quit() below may end the thread's loop before a queued delete runs (the
        // worker, its hosts and trace were then leaked, as were older workers queued before it:
        // events run in the order they were posted, so theirs run first).
        EngineWorker* worker = worker_;
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        worker_ = nullptr;
    }
    thread_->quit();
    thread_->wait();
    // The worker removes its recording when it goes; this covers a worker the stopped thread
    // never deleted, so a normal close leaves nothing in the cache.
    if (!recordingPath_.isEmpty()) {
        RecordingStore::remove(recordingPath_);
    }
}

void SessionController::post(std::function<void(EngineWorker&)> command)
{
    if (worker_ == nullptr) {
        return;
    }
    EngineWorker* worker = worker_;
    if (pending_++ == 0) {
        emit idleChanged(false);
    }
    const quint64 generation = generation_;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, generation, command = std::move(command)] {
            command(*worker);
            QMetaObject::invokeMethod(
                this,
                [this, generation] {
                    if (generation == generation_)
                        commandDone();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SessionController::commandDone()
{
    if (pending_ > 0 && --pending_ == 0) {
        if (state_ == State::Busy) {
            setState(State::Ready);  // a command that had nothing to do (e.g. load failed)
        }
        emit idleChanged(true);
    }
}

void SessionController::start(const SessionSetup& setup)
{
    if (stopFlag_) {
        stopFlag_->store(true);
    }
    if (worker_ != nullptr) {
        EngineWorker* old = worker_;
        QMetaObject::invokeMethod(
            old, [old] { delete old; }, Qt::QueuedConnection);
    }
    ++generation_;
    const bool wasBusy = pending_ > 0;
    pending_ = 0;
    if (wasBusy) {
        emit idleChanged(true);
    }
    setup_ = setup;
    canStepBack_ = false;
    recordingPath_.clear();
    setServing(QString(), false);
    stopFlag_ = std::make_shared<std::atomic<bool>>(false);
    worker_ = new EngineWorker(this, generation_, stopFlag_);
    worker_->moveToThread(thread_);
    document_->setTrace(Trace());
    emit methodsPreviewed({});
    emit bannerCleared();
    setState(State::Ready);
    post([setup](EngineWorker& w) { w.start(setup); });
}

void SessionController::enterViewing()
{
    if (stopFlag_) {
        stopFlag_->store(true);
    }
    if (worker_ != nullptr) {
        EngineWorker* old = worker_;
        QMetaObject::invokeMethod(
            old, [old] { delete old; }, Qt::QueuedConnection);
        worker_ = nullptr;
    }
    ++generation_;
    pending_ = 0;
    canStepBack_ = false;
    stepBackReason_ = tr("a recorded session cannot be stepped");
    emit methodsPreviewed({});
    setState(State::Viewing);
}

void SessionController::setState(State state)
{
    if (state != state_) {
        state_ = state;
        emit stateChanged(state);
    }
}

void SessionController::onStepBackChanged(bool available, const QString& reason)
{
    canStepBack_ = available;
    if (!available) {
        stepBackReason_ = reason;
    }
    emit stepBackChanged(available, reason);
}

void SessionController::onStatus(const QString& text)
{
    lastStatus_ = text;
    emit statusMessage(text);
}

void SessionController::setServing(const QString& address, bool finished)
{
    const bool was = serving();
    servingAt_ = address;
    servingFinished_ = finished;
    if (serving() != was || finished) {
        emit servingChanged(serving());
    }
}

void SessionController::setBreakpoints(const QList<Breakpoint>& breakpoints)
{
    breakpoints_ = breakpoints;
    emit breakpointsChanged();
}

void SessionController::addBreakpoint(const Breakpoint& breakpoint)
{
    if (!breakpoints_.contains(breakpoint)) {
        breakpoints_.append(breakpoint);
        emit breakpointsChanged();
    }
}

void SessionController::step()
{
    if (state_ == State::Finished || state_ == State::Failed || state_ == State::Viewing) {
        return;
    }
    setState(State::Busy);
    post([](EngineWorker& w) { w.step(); });
}

void SessionController::continueRun()
{
    if (state_ == State::Finished || state_ == State::Failed || state_ == State::Viewing) {
        return;
    }
    stopFlag_->store(false);
    setState(State::Busy);
    const QList<Breakpoint> breakpoints = breakpoints_;
    post([breakpoints](EngineWorker& w) { w.continueRun(breakpoints); });
}

void SessionController::stop()
{
    if (stopFlag_) {
        stopFlag_->store(true);
    }
}

void SessionController::restart()
{
    start(setup_);
}

void SessionController::stepBack()
{
    if (!canStepBack_ || state_ == State::Viewing) {
        return;
    }
    setState(State::Busy);
    post([](EngineWorker& w) { w.stepBack(); });
}

void SessionController::fireTimeout()
{
    if (state_ == State::Viewing) {
        return;
    }
    setState(State::Busy);
    post([](EngineWorker& w) { w.fireTimeout(); });
}

void SessionController::injectPacket(const QByteArray& packet)
{
    if (state_ == State::Viewing) {
        return;
    }
    setState(State::Busy);
    std::vector<std::uint8_t> bytes(packet.begin(), packet.end());
    post([bytes](EngineWorker& w) { w.inject(bytes); });
}

void SessionController::finishServing()
{
    if (!serving() || state_ == State::Viewing) {
        return;
    }
    stopFlag_->store(true);  // a Continue in progress returns first; commands run in order
    setState(State::Busy);
    post([](EngineWorker& w) { w.finishServing(); });
}

void SessionController::saveAs(const QString& path, std::function<void(QString)> done)
{
    if (worker_ == nullptr) {
        done(tr("Only a live session is saved; an opened file is already on disk."));
        return;
    }
    post([this, path, done = std::move(done)](EngineWorker& w) {
        const QString error = w.saveAs(path);
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
    });
}

void SessionController::recordLearner(const LearnerEvent& event)
{
    if (worker_ == nullptr) {
        return;
    }
    post([event](EngineWorker& w) { w.recordLearner(event); });
}

void SessionController::setLessonProgress(const std::vector<LessonTaskRecord>& records)
{
    post([records](EngineWorker& w) { w.setLessonProgress(records); });
}

bool SessionController::rewindTo(std::size_t events)
{
    if (worker_ == nullptr || !canStepBack_ || state_ == State::Viewing || events < oldestCheckpoint_) {
        return false;
    }
    setState(State::Busy);
    post([events](EngineWorker& w) { w.rewindTo(events); });
    return true;
}

void SessionController::rerun(std::shared_ptr<const Trace> prefix)
{
    if (worker_ == nullptr || !prefix) {
        return;
    }
    setState(State::Busy);
    post([prefix](EngineWorker& w) { w.rerun(*prefix); });
}

}  // namespace eapscope::ui
