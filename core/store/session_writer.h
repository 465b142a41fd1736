// Records a Trace into a session file as the run goes (DESIGN.md "Session file", issue 4).
//
// The file is one SQLite database (schema in session_schema.h) in WAL mode. write() commits one
// TraceBatch (what a trace gained since the previous batch, trace_batch.h) in ONE transaction:
// SessionRecorder's writer thread feeds it batches, so no second copy of the trace is kept.
// flush() does the same for a caller that owns the trace: it writes everything the trace gained
// since the previous flush in ONE transaction, so a controller
// killed with SIGKILL at any moment leaves a file that opens with everything up to the last
// commit; such a file has no complete mark (sessionIsIncomplete() is true after reading).
// finish() flushes and marks the session complete.
//
// Secrets are redacted on the way to disk unless keepSecrets (issue 4 part 3): see redactor.h.
//
// Not thread-safe: one writer per file, called from the thread that owns the trace.
#pragma once

#include "common/result.h"
#include "store/trace_batch.h"
#include "trace/trace.h"

#include <cstddef>
#include <memory>
#include <string>

namespace eapscope {

class SessionWriter {
public:
    /// Creates (replacing any existing file at path) an empty session file of the current
    /// format. The error names the file.
    static Result<std::unique_ptr<SessionWriter>> create(const std::string& path, bool keepSecrets);

    ~SessionWriter();
    SessionWriter(const SessionWriter&) = delete;
    SessionWriter& operator=(const SessionWriter&) = delete;

    /// Writes what is new in `trace` since the last flush (events, packets, strings, contexts,
    /// findings, methods, changed options, summary) in one transaction. Call it whenever
    /// >= 250 ms passed since the last one, and at the end. Always the same trace object.
    Status flush(const Trace& trace);

    /// Flushes, then marks the session complete (summary "complete" = 1) in the same
    /// transaction. Further flushes are still allowed (and keep it complete).
    Status finish(const Trace& trace);

    /// Call right after truncating the trace (step back) or replacing it with a new one: the
    /// next flush deletes the rows past the rewind point (and the packets, contexts, findings
    /// they created) before appending (TraceBatch::rewound). A shrink is also detected on its
    /// own, and rewrites the whole file; a truncate followed by regrowth past the previous flush
    /// point between two flushes is not, so a controller that steps back calls this.
    void rewind(const Trace& trace);

    /// Writes one batch in one transaction (and with `finish`, marks the session complete and
    /// folds the WAL in); `batch` continues what the earlier batches wrote (TraceBatch::take with
    /// one Marks for this file). Not to be mixed with flush()/finish() on the same writer.
    Status write(const TraceBatch& batch, bool finish);

    [[nodiscard]] const std::string& path() const;
    /// Events committed to the file so far.
    [[nodiscard]] std::size_t flushedEvents() const;

    class Impl;

private:
    explicit SessionWriter(std::unique_ptr<Impl> impl);
    Status writeTrace(const Trace& trace, bool finish);
    std::unique_ptr<Impl> impl_;
};

}  // namespace eapscope
