// Opens a session file off the GUI thread (CONVENTIONS.md "Qt": long work with progress and
// cancel; the result comes back as one immutable value). Opening never loads a method.
#pragma once

#include "session/capture_session.h"
#include "trace/trace.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace eapscope::ui {

class SessionFileLoader : public QObject {
    Q_OBJECT
public:
    explicit SessionFileLoader(QObject* parent = nullptr);
    ~SessionFileLoader() override;

    /// Starts reading `path`; progress() and finished() follow on the GUI thread.
    void start(const QString& path);
    void cancel();
    [[nodiscard]] bool running() const;
    /// Reads on the calling thread (command line, tests); a capture also fills `*capture` (its
    /// conversations and diagnosis) when `capture` is given.
    static std::shared_ptr<Trace> readNow(const QString& path, QString* error,
                                          std::shared_ptr<const CaptureSession>* capture = nullptr);

signals:
    void progress(int percent);
    /// `trace` is null on error (then `error` says why, naming the file); `capture` is set for a
    /// capture file.
    void finished(const QString& path, std::shared_ptr<eapscope::Trace> trace,
                  std::shared_ptr<const eapscope::ui::CaptureSession> capture, const QString& error);

private:
    QThread* thread_ = nullptr;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

}  // namespace eapscope::ui
