// What a Trace gained since the previous batch, copied out of it so that another thread can use
// it: the GUI's engine worker posts batches to the GUI thread, which applies them to its own
// trace (SessionDocument); SessionRecorder's writer thread writes them to the session file
// (SessionWriter::write). take() runs on the thread that owns the trace and only copies rows;
// applyTo() replays a batch onto the trace the earlier batches were applied to, which then
// holds exactly what the owner's trace held when the batch was taken, with the same ids.
//
// Step back: the owner calls rewound() right after Trace::truncate() (or after replacing its
// trace with a new one), before the trace grows again. The next batch then first rewinds the
// receiver (Rewind::Truncate: to the same event count, which drops the same packets, contexts
// and findings; Rewind::Restart: to an empty trace) and carries the rows from there.
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace eapscope {

class TraceBatch {
public:
    enum class Rewind : std::uint8_t {
        None,      // the batch continues the receiver
        Truncate,  // the receiver first truncates to firstEvent() (Trace::truncate)
        Restart,   // the receiver first starts over from an empty trace
    };

    /// How much of the owner's trace the earlier batches carried.
    struct Marks {
        std::size_t events = 0, strings = 0, packets = 0, contexts = 0, findings = 0, methods = 0;
        std::vector<std::pair<std::string, std::string>> options;
        std::vector<LessonTaskRecord> lessonProgress;
        Rewind rewind = Rewind::None;  // what the next batch tells the receiver first
    };

    /// The marks of a trace nothing was taken from yet (a new Trace holds the empty string).
    static Marks initialMarks();
    /// The owner truncated its trace (step back), or replaced it with a new one (fewer strings
    /// or methods than were carried): the next batch rewinds the receiver first.
    static void rewound(Marks& marks, const Trace& trace);
    /// Copies what `trace` gained past `marks` and advances them. A trace that shrank without
    /// rewound() makes a restarting batch carrying the whole trace.
    static TraceBatch take(const Trace& trace, Marks& marks);

    /// Replays the batch onto `copy`, the trace earlier batches were applied to. The error says
    /// which table went out of step (a bug, not an input problem).
    Status applyTo(Trace& copy) const;

    [[nodiscard]] bool empty() const;
    [[nodiscard]] Rewind rewind() const { return rewind_; }

    // What the batch carries, for a receiver that is not a Trace (SessionWriter). Each table's
    // rows continue at the first id given (after the rewind).
    [[nodiscard]] std::size_t firstEvent() const { return firstEvent_; }
    [[nodiscard]] std::size_t firstString() const { return firstString_; }
    [[nodiscard]] std::size_t firstPacket() const { return firstPacket_; }
    [[nodiscard]] std::size_t firstContext() const { return firstContext_; }
    [[nodiscard]] std::size_t firstFinding() const { return firstFinding_; }
    [[nodiscard]] std::size_t firstMethod() const { return firstMethod_; }
    [[nodiscard]] std::span<const EventRow> rows() const { return events_; }
    [[nodiscard]] std::span<const std::string> strings() const { return strings_; }
    /// The sentences of the new strings, by string id (Trace::sentence).
    [[nodiscard]] std::span<const std::pair<std::uint32_t, MessageText>> sentences() const
    {
        return sentences_;
    }
    [[nodiscard]] std::size_t packetCount() const { return packetEnds_.size(); }
    /// The batch's i-th packet (id firstPacket() + i).
    [[nodiscard]] std::span<const std::uint8_t> packet(std::size_t i) const;
    [[nodiscard]] std::span<const ContextInfo> contexts() const { return contexts_; }
    [[nodiscard]] std::span<const FindingRecord> findings() const { return findings_; }
    [[nodiscard]] std::span<const MethodIdentity> methods() const { return methods_; }
    /// Every option, when they changed since the previous batch (or the receiver starts over).
    [[nodiscard]] const std::optional<std::vector<std::pair<std::string, std::string>>>& options() const
    {
        return options_;
    }
    /// The lesson progress, when it changed since the previous batch.
    [[nodiscard]] const std::optional<std::vector<LessonTaskRecord>>& lessonProgress() const
    {
        return lessonProgress_;
    }

private:
    Rewind rewind_ = Rewind::None;
    std::size_t firstEvent_ = 0, firstString_ = 0, firstPacket_ = 0, firstContext_ = 0, firstFinding_ = 0,
                firstMethod_ = 0;
    std::vector<std::string> strings_;
    std::vector<std::pair<std::uint32_t, MessageText>> sentences_;
    std::vector<std::uint8_t> packetBytes_;
    std::vector<std::size_t> packetEnds_;  // where each packet's bytes end in packetBytes_
    std::vector<ContextInfo> contexts_;
    std::vector<FindingRecord> findings_;
    std::vector<MethodIdentity> methods_;
    std::vector<EventRow> events_;
    std::optional<std::vector<std::pair<std::string, std::string>>> options_;
    std::optional<std::vector<LessonTaskRecord>> lessonProgress_;
};

}  // namespace eapscope
