// What a Trace gained since the previous batch, copied out of it so that another thread can
// write it (SessionRecorder's writer thread). take() runs on the thread that owns the trace and
// only copies rows; applyTo() replays the batch onto the writer's own copy of the trace, which
// then holds exactly what the owner's trace held when the batch was taken.
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

class TraceBatch {
public:
    /// How much of the owner's trace earlier batches carried.
    struct Marks {
        std::size_t events = 0, strings = 0, packets = 0, contexts = 0, findings = 0, methods = 0;
        std::vector<std::pair<std::string, std::string>> options;
        std::vector<LessonTaskRecord> lessonProgress;
    };

    /// The marks of a trace nothing was taken from yet (a new Trace holds the empty string).
    static Marks initialMarks();
    /// Copies what `trace` gained past `marks` and advances them. A trace that shrank (step
    /// back) or a `rewindTo` below the marks makes a restarting batch: the whole trace, which
    /// replaces the copy (step back is rare and interactive; regrowth after it can reuse packet,
    /// context and finding numbers, so a partial batch could not say which ones changed).
    static TraceBatch take(const Trace& trace, Marks& marks, std::optional<std::size_t> rewindTo = {});

    /// Replays the batch onto `copy`, the trace earlier batches were applied to. The error says
    /// which table went out of step (a bug, not an input problem).
    Status applyTo(Trace& copy) const;

    /// A restarting batch: the event count the trace was rewound to, for SessionWriter::rewind().
    [[nodiscard]] std::optional<std::size_t> rewoundTo() const { return rewoundTo_; }
    [[nodiscard]] std::size_t events() const { return events_.size(); }
    [[nodiscard]] bool empty() const;

private:
    std::optional<std::size_t> rewoundTo_;
    std::size_t firstString_ = 0;
    std::vector<std::string> strings_;
    std::vector<std::pair<std::uint32_t, MessageText>> sentences_;  // of the new strings (Trace::sentence)
    std::size_t firstPacket_ = 0;
    std::vector<std::uint8_t> packetBytes_;
    std::vector<std::uint32_t> packetLengths_;
    std::vector<ContextInfo> contexts_;
    std::size_t firstFinding_ = 0;
    std::vector<FindingRecord> findings_;
    std::vector<MethodIdentity> methods_;
    std::vector<EventRow> events_;
    std::optional<std::vector<std::pair<std::string, std::string>>> options_;
    std::optional<std::vector<LessonTaskRecord>> lessonProgress_;
};

}  // namespace eapscope
