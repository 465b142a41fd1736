#include "session/session_document.h"

#include "session/capture_session.h"

#include <QTimer>

namespace eapscope::ui {

SessionDocument::SessionDocument(QObject* parent) : QObject(parent), trace_(std::make_unique<Trace>())
{
}

void SessionDocument::setTrace(Trace trace, std::shared_ptr<const CaptureSession> capture)
{
    emit aboutToReset();
    *trace_ = std::move(trace);
    capture_ = std::move(capture);
    announced_ = trace_->size();
    flushQueued_ = false;
    stepFirst_ = stepEnd_ = 0;
    emit resetDone();
    emit currentStepChanged(0, 0);
}

bool SessionDocument::appendBatch(const TraceBatch& batch)
{
    // The views let go of the rows first; applyTo()'s own rewind then finds nothing to do.
    if (batch.rewind() == TraceBatch::Rewind::Truncate) {
        truncate(batch.firstEvent());
    } else if (batch.rewind() == TraceBatch::Rewind::Restart) {
        setTrace(Trace());
    }
    if (!batch.applyTo(*trace_)) {
        return false;
    }
    if (!flushQueued_ && trace_->size() > announced_) {
        flushQueued_ = true;
        QTimer::singleShot(0, this, &SessionDocument::flush);
    }
    return true;
}

void SessionDocument::flush()
{
    flushQueued_ = false;
    if (trace_->size() <= announced_) {
        return;
    }
    const std::size_t first = announced_;
    announced_ = trace_->size();
    emit eventsAppended(first, announced_);
}

void SessionDocument::truncate(std::size_t events)
{
    flush();
    if (events >= trace_->size()) {
        return;
    }
    emit aboutToTruncate(events);
    trace_->truncate(events);
    announced_ = trace_->size();
    emit truncated(events);
    setCurrentStep(std::min(stepFirst_, events), std::min(stepEnd_, events));
}

void SessionDocument::setCurrentStep(std::size_t first, std::size_t end)
{
    if (first == stepFirst_ && end == stepEnd_) {
        return;
    }
    stepFirst_ = first;
    stepEnd_ = end;
    emit currentStepChanged(first, end);
}

void SessionDocument::setFilePath(const QString& path)
{
    if (path != filePath_) {
        filePath_ = path;
        emit filePathChanged(path);
    }
}

}  // namespace eapscope::ui
