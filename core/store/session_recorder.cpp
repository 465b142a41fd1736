#include "store/session_recorder.h"

#include "common/log.h"

#include <pthread.h>

namespace eapscope {

SessionRecorder::SessionRecorder(std::unique_ptr<SessionWriter> writer, std::chrono::milliseconds interval,
                                 std::size_t queueLimit)
    : path_(writer->path()),
      interval_(interval),
      queueLimit_(std::max<std::size_t>(1, queueLimit)),
      lastBatch_(Clock::now()),
      writer_(std::move(writer))
{
    thread_ = std::thread([this] { writerLoop(); });
}

Result<std::unique_ptr<SessionRecorder>> SessionRecorder::start(const std::string& path, bool keepSecrets,
                                                                std::chrono::milliseconds interval,
                                                                std::size_t queueLimit)
{
    auto writer = SessionWriter::create(path, keepSecrets);
    if (!writer) {
        return writer.failure();
    }
    return std::unique_ptr<SessionRecorder>(
        new SessionRecorder(std::move(writer.value()), interval, queueLimit));
}

SessionRecorder::~SessionRecorder()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

Status SessionRecorder::failure()
{
    std::lock_guard lock(mutex_);
    return failure_.empty() ? Status(Ok{}) : Status(makeError(failure_));
}

Status SessionRecorder::onStep(const Trace& trace)
{
    if (Clock::now() - lastBatch_ < interval_) {
        return failure();
    }
    std::unique_lock lock(mutex_);
    if (!failure_.empty()) {
        return makeError(failure_);
    }
    if (queue_.size() >= queueLimit_) {
        return Ok{};  // the rows wait in the trace for the next batch
    }
    lock.unlock();
    TraceBatch batch = TraceBatch::take(trace, marks_);
    lastBatch_ = Clock::now();
    if (batch.empty()) {
        return Ok{};
    }
    lock.lock();
    queue_.push_back(Job{std::move(batch), false});
    ++flushes_;
    lock.unlock();
    wake_.notify_one();
    return Ok{};
}

Status SessionRecorder::finish(const Trace& trace)
{
    TraceBatch batch = TraceBatch::take(trace, marks_);
    std::unique_lock lock(mutex_);
    queue_.push_back(Job{std::move(batch), true});
    ++flushes_;
    wake_.notify_one();
    idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
    return failure_.empty() ? Status(Ok{}) : Status(makeError(failure_));
}

Status SessionRecorder::write(const Job& job)
{
    return writer_->write(job.batch, job.finish);  // its errors name the file
}

void SessionRecorder::writerLoop()
{
    ::pthread_setname_np(::pthread_self(), "eapscope-record");  // for top, perf and gdb
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) {
            return;  // stop_ with nothing left: everything handed over is written
        }
        Job job = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        const bool write = failure_.empty();
        lock.unlock();
        Status written = write ? this->write(job) : Status(Ok{});
        lock.lock();
        busy_ = false;
        if (!written && failure_.empty()) {
            failure_ = written.error();
            moduleLogger("core.store")->error("{}", failure_);
        }
        if (queue_.empty()) {
            idle_.notify_all();
        }
    }
}

}  // namespace eapscope
