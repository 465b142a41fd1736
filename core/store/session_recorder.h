// Records a live run as it goes (issue 4 part 2) without slowing it (issue 13): the controller
// calls onStep() after every engine step; whenever at least `interval` passed since the last
// batch, the recorder copies what the trace gained (TraceBatch, only row copies) and hands it
// to its writer thread, which commits it with SessionWriter::write() in one transaction and
// drops it (no second copy of the trace is kept). finish() hands over the rest and waits for
// everything to be written. The CLI's `run --record`, `run --jobs --record` and the lesson
// player share it. The interval is 100 ms: the last batch, which finish() writes while the run
// waits, is then small (at 250 ms it was up to 45,000 rows, 80-180 ms of finish()).
//
// Nothing already recorded is lost: every batch is one commit, so a killed process leaves a file
// that opens with everything up to the last completed batch. The queue is bounded: when the
// writer is `queueLimit` batches behind, onStep() takes no new batch, so the rows wait in the
// trace and go with the next one (the run never waits for the disk, the memory stays bounded).
// A write error stops the recording; onStep() and finish() return it (it names the file).
#pragma once

#include "common/result.h"
#include "store/session_writer.h"
#include "store/trace_batch.h"
#include "trace/trace.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace eapscope {

class SessionRecorder {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kDefaultInterval{100};  // see above
    static constexpr std::size_t kDefaultQueueLimit = 4;

    static Result<std::unique_ptr<SessionRecorder>> start(
        const std::string& path, bool keepSecrets, std::chrono::milliseconds interval = kDefaultInterval,
        std::size_t queueLimit = kDefaultQueueLimit);

    /// Writes what is queued (not marked complete) and stops the writer thread.
    ~SessionRecorder();
    SessionRecorder(const SessionRecorder&) = delete;
    SessionRecorder& operator=(const SessionRecorder&) = delete;

    /// Hands a batch to the writer when the interval has passed and the queue has room;
    /// otherwise does nothing. Returns the writer's first failure (and keeps returning it).
    Status onStep(const Trace& trace);
    /// Hands over the rest, waits until everything is written, marks the session complete.
    Status finish(const Trace& trace);
    /// Step back: call right after truncating `trace`; the next batch rewrites the file from
    /// the rewind point on (TraceBatch::rewound).
    void rewind(const Trace& trace) { TraceBatch::rewound(marks_, trace); }

    [[nodiscard]] const std::string& path() const { return path_; }
    /// Batches handed to the writer so far (the last one by finish()).
    [[nodiscard]] std::size_t flushes() const { return flushes_; }

private:
    struct Job {
        TraceBatch batch;
        bool finish = false;
    };

    SessionRecorder(std::unique_ptr<SessionWriter> writer, std::chrono::milliseconds interval,
                    std::size_t queueLimit);
    void writerLoop();
    Status write(const Job& job);
    Status failure();

    // The run's thread only.
    std::string path_;
    std::chrono::milliseconds interval_;
    std::size_t queueLimit_;
    Clock::time_point lastBatch_;
    TraceBatch::Marks marks_ = TraceBatch::initialMarks();
    std::size_t flushes_ = 0;

    // The writer thread only (after start()).
    std::unique_ptr<SessionWriter> writer_;

    std::mutex mutex_;
    std::condition_variable wake_;  // the writer: a job or stop
    std::condition_variable idle_;  // finish(): the queue ran empty
    std::deque<Job> queue_;
    bool busy_ = false;
    bool stop_ = false;
    std::string failure_;
    std::thread thread_;
};

}  // namespace eapscope
