// Records a Trace into a session file as the run goes (DESIGN.md "Session file", issue 4).
//
// The file is one SQLite database (schema in session_schema.h) in WAL mode. flush() writes
// everything the trace gained since the previous flush in ONE transaction, so a controller
// killed with SIGKILL at any moment leaves a file that opens with everything up to the last
// commit; such a file has no complete mark (sessionIsIncomplete() is true after reading).
// finish() flushes and marks the session complete.
//
// Secrets are redacted on the way to disk unless keepSecrets (issue 4 part 3): see redactor.h.
//
// Not thread-safe: one writer per file, called from the thread that owns the trace.
#pragma once

#include "common/result.h"
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

    /// Tells the writer the trace was truncated to `events` (step back): the next flush deletes
    /// the rows past it (and the packets, contexts, findings they created) before appending.
    /// A shrink is also detected on its own; a truncate followed by regrowth past the previous
    /// flush point between two flushes is not, so a controller that steps back calls this.
    void rewind(std::size_t events);

    [[nodiscard]] const std::string& path() const;
    /// Events committed to the file so far.
    [[nodiscard]] std::size_t flushedEvents() const;

    class Impl;

private:
    explicit SessionWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace eapscope
