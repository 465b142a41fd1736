// Records a live run as it goes (issue 4 part 2): the controller calls onStep() after every
// engine step; the recorder flushes whenever at least `interval` passed since its last commit,
// and finish() at the end. The CLI's `run --record` and the GUI's controller share it.
#pragma once

#include "common/result.h"
#include "store/session_writer.h"
#include "trace/trace.h"

#include <chrono>
#include <memory>
#include <string>

namespace eapscope {

class SessionRecorder {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kDefaultInterval{250};

    static Result<std::unique_ptr<SessionRecorder>> start(
        const std::string& path, bool keepSecrets, std::chrono::milliseconds interval = kDefaultInterval);

    /// Flushes when the interval has passed; otherwise does nothing. The first failure is
    /// returned (and kept: later calls return it again without writing).
    Status onStep(const Trace& trace);
    /// Flushes everything and marks the session complete.
    Status finish(const Trace& trace);
    /// Step back: see SessionWriter::rewind().
    void rewind(std::size_t events) { writer_->rewind(events); }

    [[nodiscard]] const std::string& path() const { return writer_->path(); }
    [[nodiscard]] std::size_t flushes() const { return flushes_; }

private:
    SessionRecorder(std::unique_ptr<SessionWriter> writer, std::chrono::milliseconds interval);

    std::unique_ptr<SessionWriter> writer_;
    std::chrono::milliseconds interval_;
    Clock::time_point lastFlush_;
    std::size_t flushes_ = 0;
    std::string failure_;
};

}  // namespace eapscope
