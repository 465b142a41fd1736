// Copying new trace rows from the engine's trace (worker thread) into the GUI's own trace.
// The engine writes its Trace on the worker thread; the GUI never reads it. After every step
// the worker collects what is new since the last batch into a plain value, which is posted to
// the GUI thread and applied there, so both traces hold the same ids (events, packets,
// strings, contexts, findings). No Qt here: it is tested like core code.
#pragma once

#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace eapscope::ui {

/// How much of a trace a receiver already holds.
struct TraceMark {
    std::size_t events = 0;
    std::size_t strings = 0;
    std::size_t packets = 0;
    std::size_t contexts = 0;
    std::size_t methods = 0;
};

struct TraceBatch {
    TraceMark from;
    std::vector<std::string> strings;
    std::vector<std::pair<std::uint32_t, MessageText>> sentences;  // of the new strings (Trace::sentence)
    std::vector<std::vector<std::uint8_t>> packets;
    std::vector<ContextInfo> contexts;
    std::vector<EventRow> rows;
    std::vector<FindingRecord> findings;  // one per Finding row, in row order
    std::vector<MethodIdentity> methods;
    std::vector<std::pair<std::string, std::string>> options;  // all of them

    [[nodiscard]] bool empty() const { return rows.empty() && contexts.empty() && methods.empty(); }
};

[[nodiscard]] TraceMark markOf(const Trace& trace);

/// Everything `source` holds beyond `from`.
[[nodiscard]] TraceBatch collectBatch(const Trace& source, const TraceMark& from);

/// Appends a batch to `target`, which must hold exactly what the batch continues from.
/// Returns false (and leaves the target untouched) when the target does not match.
bool applyBatch(Trace& target, const TraceBatch& batch);

}  // namespace eapscope::ui
