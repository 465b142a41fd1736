// Opens a session file into a Trace (issue 4 part 4).
//
// A session file is untrusted input: truncated, corrupt or hostile files (wrong column types,
// huge blobs, dangling ids, out-of-range enums) give an error naming the file, or — when the
// recording was cut short — a trace without the complete mark. Never a crash, and opening
// never loads a method library (methods are identities only).
//
// readSession() has no shared state: call it from a worker thread (the GUI does) and report
// progress from there; `cancel` is polled between batches of rows.
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

/// Reads the whole session. progress gets values in [0, 1], non-decreasing, called from the
/// calling thread. A cancelled read returns an error "… cancelled".
/// The trace's options hold the run's options plus "complete" = "true" when the recording was
/// finished (absent otherwise).
Result<Trace> readSession(const std::string& path, std::function<void(double)> progress = {},
                          const std::atomic<bool>* cancel = nullptr);

/// The same, from the bytes of a session file held in memory (fuzzing, drag and drop of
/// data). `name` is used in error messages.
Result<Trace> readSessionBytes(std::span<const std::uint8_t> bytes, const std::string& name,
                               std::function<void(double)> progress = {},
                               const std::atomic<bool>* cancel = nullptr);

/// True when the trace came from a recording that was not finished (option "complete" is
/// absent or not "true").
bool sessionIsIncomplete(const Trace& trace);

/// True when `head` starts with the SQLite header ("SQLite format 3\0"), as every session file
/// does (input/input_kind.h dispatches on it).
bool isSessionFileHeader(std::span<const std::uint8_t> head);

/// isSessionFileHeader() of the file's first bytes.
bool looksLikeSessionFile(const std::string& path);

}  // namespace eapscope
