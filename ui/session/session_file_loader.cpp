#include "session/session_file_loader.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "input/input_kind.h"
#include "store/session_reader.h"
#include "text/core_text.h"

namespace eapscope::ui {
namespace {

/// A pcap/pcapng capture (optionally gzip'd; the importer recognises the format) as a session:
/// one context per conversation, one Packet row per EAP packet (capture_trace.h).
std::shared_ptr<Trace> readCapture(const QString& path, QString* error,
                                   const std::function<void(double)>& progress,
                                   const std::atomic<bool>* cancel,
                                   std::shared_ptr<const CaptureSession>* session)
{
    ImportOptions options;
    options.progress = progress;
    options.cancel = cancel;
    auto result = importCapture(path.toStdString(), options);
    if (!result) {
        const QString text = errorText(result);
        *error = result.error().find(path.toStdString()) != std::string::npos
                     ? text
                     : SessionFileLoader::tr("%1: %2", "a file, what is wrong with it").arg(path, text);
        return nullptr;
    }
    auto trace = std::make_shared<Trace>(captureToTrace(result.value()));
    *session = makeCaptureSession(std::move(result).value(), *trace);
    return trace;
}

std::shared_ptr<Trace> read(const QString& path, QString* error, const std::function<void(double)>& progress,
                            const std::atomic<bool>* cancel, std::shared_ptr<const CaptureSession>* capture)
{
    auto kind = sniffInputKind(path.toStdString());
    if (!kind) {
        *error = errorText(kind);
        return nullptr;
    }
    if (*kind == InputKind::Capture) {
        return readCapture(path, error, progress, cancel, capture);
    }
    auto result = readSession(path.toStdString(), progress, cancel);
    if (!result) {
        *error = errorText(result);
        return nullptr;
    }
    return std::make_shared<Trace>(std::move(result).value());
}

}  // namespace

SessionFileLoader::SessionFileLoader(QObject* parent) : QObject(parent)
{
}

SessionFileLoader::~SessionFileLoader()
{
    cancel();
    if (thread_ != nullptr) {
        thread_->wait();
        delete thread_;  // QThread::create gives no parent: the loader owns it
    }
}

bool SessionFileLoader::running() const
{
    return thread_ != nullptr && thread_->isRunning();
}

void SessionFileLoader::cancel()
{
    if (cancel_) {
        cancel_->store(true);
    }
}

std::shared_ptr<Trace> SessionFileLoader::readNow(const QString& path, QString* error,
                                                  std::shared_ptr<const CaptureSession>* capture)
{
    std::shared_ptr<const CaptureSession> unused;
    return read(path, error, {}, nullptr, capture != nullptr ? capture : &unused);
}

void SessionFileLoader::start(const QString& path)
{
    cancel();
    if (thread_ != nullptr) {
        thread_->wait();
        delete thread_;
    }
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    QPointer<SessionFileLoader> self(this);
    auto flag = cancel_;
    thread_ = QThread::create([self, path, flag] {
        int lastPercent = -1;
        auto onProgress = [&](double value) {
            const int percent = static_cast<int>(value * 100);
            if (percent != lastPercent && self) {
                lastPercent = percent;
                QMetaObject::invokeMethod(
                    self,
                    [self, percent] {
                        if (self)
                            emit self->progress(percent);
                    },
                    Qt::QueuedConnection);
            }
        };
        QString error;
        std::shared_ptr<const CaptureSession> capture;
        std::shared_ptr<Trace> trace = read(path, &error, onProgress, flag.get(), &capture);
        if (self) {
            QMetaObject::invokeMethod(
                self,
                [self, path, trace, capture, error] {
                    if (self) {
                        emit self->finished(path, trace, capture, error);
                    }
                },
                Qt::QueuedConnection);
        }
    });
    thread_->start();
}

}  // namespace eapscope::ui
