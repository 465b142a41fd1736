// The GUI's copy of the session: one Trace owned by the GUI thread, and the signals every
// model and view follows (DESIGN.md: data flows recorder → models → views). Appends are
// applied at once but announced once per event-loop turn, so views insert rows in batches.
#pragma once

#include "store/trace_batch.h"
#include "trace/trace.h"

#include <QObject>
#include <QString>

#include <cstddef>
#include <memory>

namespace eapscope::ui {

struct CaptureSession;

class SessionDocument : public QObject {
    Q_OBJECT
public:
    explicit SessionDocument(QObject* parent = nullptr);

    [[nodiscard]] const Trace& trace() const { return *trace_; }
    /// Same trace as a pointer, for views that keep it (the timeline).
    [[nodiscard]] const Trace* tracePointer() const { return trace_.get(); }
    /// Events announced so far (views show exactly these).
    [[nodiscard]] std::size_t announcedEvents() const { return announced_; }

    /// Replaces the whole session (opened file, restart). `capture`: the conversations and
    /// diagnosis of an opened capture (capture_session.h), null for any other session.
    void setTrace(Trace trace, std::shared_ptr<const CaptureSession> capture = nullptr);
    /// The opened capture's conversations and diagnosis, or nullptr.
    [[nodiscard]] const CaptureSession* capture() const { return capture_.get(); }
    /// Applies a batch of the engine's trace (TraceBatch::take on the worker): a step back in it
    /// truncates first (truncate()), a restart resets; the new rows are announced on the next
    /// event-loop turn. False when the batch does not continue this trace (the view is then
    /// out of step with the engine).
    bool appendBatch(const TraceBatch& batch);
    /// Rewinds to `events` events (step back).
    void truncate(std::size_t events);
    /// Announces pending appends now (tests, and before truncate/reset).
    void flush();

    /// Events [first, end) are the last step's: the event table highlights them.
    void setCurrentStep(std::size_t first, std::size_t end);
    [[nodiscard]] std::size_t currentStepFirst() const { return stepFirst_; }
    [[nodiscard]] std::size_t currentStepEnd() const { return stepEnd_; }

    [[nodiscard]] QString filePath() const { return filePath_; }
    void setFilePath(const QString& path);

signals:
    void aboutToReset();
    void resetDone();
    void eventsAppended(std::size_t first, std::size_t end);
    void aboutToTruncate(std::size_t events);
    void truncated(std::size_t events);
    void currentStepChanged(std::size_t first, std::size_t end);
    void filePathChanged(const QString& path);

private:
    std::unique_ptr<Trace> trace_;
    std::shared_ptr<const CaptureSession> capture_;
    std::size_t announced_ = 0;
    bool flushQueued_ = false;
    std::size_t stepFirst_ = 0;
    std::size_t stepEnd_ = 0;
    QString filePath_;
};

}  // namespace eapscope::ui
