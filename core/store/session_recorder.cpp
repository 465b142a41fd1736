#include "store/session_recorder.h"

#include "common/log.h"

namespace eapscope {

SessionRecorder::SessionRecorder(std::unique_ptr<SessionWriter> writer, std::chrono::milliseconds interval)
    : writer_(std::move(writer)), interval_(interval), lastFlush_(Clock::now())
{
}

Result<std::unique_ptr<SessionRecorder>> SessionRecorder::start(const std::string& path, bool keepSecrets,
                                                                std::chrono::milliseconds interval)
{
    auto writer = SessionWriter::create(path, keepSecrets);
    if (!writer) {
        return makeError(writer.error());
    }
    return std::unique_ptr<SessionRecorder>(new SessionRecorder(std::move(writer.value()), interval));
}

Status SessionRecorder::onStep(const Trace& trace)
{
    if (!failure_.empty()) {
        return makeError(failure_);
    }
    if (Clock::now() - lastFlush_ < interval_) {
        return Ok{};
    }
    auto flushed = writer_->flush(trace);
    lastFlush_ = Clock::now();
    ++flushes_;
    if (!flushed) {
        failure_ = flushed.error();
        moduleLogger("core.store")->error("{}", failure_);
    }
    return flushed;
}

Status SessionRecorder::finish(const Trace& trace)
{
    if (!failure_.empty()) {
        return makeError(failure_);
    }
    ++flushes_;
    return writer_->finish(trace);
}

}  // namespace eapscope
