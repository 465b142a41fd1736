// The columnar in-memory session trace (DESIGN.md "Session file", CONVENTIONS.md "Code").
//
// One vector per event column, one byte arena for packets, interned strings, strong ids.
// The live engine, the session-file reader and the capture importer all fill a Trace through
// this one API; views and analyses read it. Rows are append-only; truncate() exists for
// step back, which rewinds to an earlier event count.
//
// Column use per kind (unused columns hold their defaults):
//   CallStart  side, context, entry; packet = received packet (MakeMessage) or invalid;
//              aux = event flags given to the call (kCallFlag*); text = free detail.
//   CallEnd    side, context, entry, call = its CallStart; result = DWORD returned;
//              action = PPP_EAP_ACTION (MakeMessage) or kNoAction; packet = sent packet;
//              a = work buffer (Begin) ; b = duration in ns; aux = dwAuthResultCode.
//   Packet     side = the sender; context; packet; aux = capture frame number (0 when live);
//              text = carrier/summary.  call = the CallEnd that produced it (live).
//   State      side, context; text = new state name (toString(ContextState) or engine text);
//              aux = static_cast<uint32_t>(ContextState). When aux is Done or Failed (the
//              engine decided the context's outcome): result = dwAuthResultCode or the error
//              code (Done + 0 = success, Done + other = failure, Failed = error).
//   TimerArmed / TimerFired  side, context; aux = retry count.
//   HeapAlloc  side, context (invalid = instance-owned), call = CallStart in flight;
//              a = address, b = size; text = allocation site (interned, may be empty).
//   HeapFree   side, context of the call that freed, call; a = address, b = size freed (0 if unknown).
//   Finding    side, context, call; aux = FindingId value.
//   Note       side, context; text.
// An event's text is English (the CLI, JSON and logs read it as it is). When the engine wrote a
// sentence (a State or Note row), the trace also keeps that sentence's template and arguments for
// the string (sentence()), so the GUI shows it in its own language; session format 1.4 stores it.
//   Learner    aux = LearnerAction (core/lesson/learner_actions.h); text = task id, "task=answer",
//              breakpoint spec or lesson id; a = referenced EventId value + 1 (0 = none);
//              side, context, entry, action, packet copied from the referenced event.
//   Radius     side = the side the RADIUS server or the supplicants' NAS stands for; context =
//              its lane; packet = the whole RADIUS packet; aux = 0 NAS → server, 1 server → NAS;
//              result = transmission number (1 = first, 2+ = retransmission); text = summary.
#pragma once

#include "common/message_text.h"
#include "common/strong_id.h"
#include "trace/event_types.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eapscope {

inline constexpr std::uint32_t kCallFlagAuthComplete = 1u << 0;     // fAuthenticationComplete
inline constexpr std::uint32_t kCallFlagTimeout = 1u << 1;          // retransmission timer fired
inline constexpr std::uint32_t kCallFlagSuccessReceived = 1u << 2;  // fSuccessPacketReceived
inline constexpr std::uint32_t kCallFlagUiData = 1u << 3;           // fDataReceivedFromInteractiveUI

/// One event as a plain value: what append() takes and row() returns.
struct EventRow {
    std::uint64_t timeNs = 0;  // ns since the session started (captures: since the first frame)
    EventKind kind = EventKind::Note;
    Side side = Side::None;
    EntryPoint entry = EntryPoint::None;
    std::uint8_t action = kNoAction;
    ContextId context;
    EventId call;
    std::uint32_t result = 0;
    std::uint32_t aux = 0;
    PacketId packet;
    StringId text;
    std::uint64_t a = 0;
    std::uint64_t b = 0;

    bool operator==(const EventRow&) const = default;
};

/// One authentication context (or, for captures, one conversation): a timeline lane.
struct ContextInfo {
    Side side = Side::None;
    std::uint32_t number = 0;  // 1-based, per side, in Begin order
    EventId created;           // the event at which it came to be (truncate() drops it after)
    StringId label;            // captures: "EAPOL 00:11:… ↔ …"; live: empty

    bool operator==(const ContextInfo&) const = default;
};

struct FindingRecord {
    std::string rule;  // catalogue id, e.g. "HEAP_LEAK"
    Severity severity = Severity::Error;
    Side side = Side::None;
    ContextId context;
    EventId call;  // the CallStart of the call that broke the rule, if any
    EntryPoint entry = EntryPoint::None;
    std::string message;  // in English (CLI, JSON, logs): text.english(), or the rule's text
    MessageText text;     // the same sentence for a translator; empty when it is the rule's text
                          // or the finding came from a file written before format 1.3
    // Rule-specific details; absent when they do not apply.
    std::optional<std::uint64_t> bytes;
    std::optional<std::uint64_t> blocks;
    std::vector<std::string> sites;
    std::optional<int> signal;
    std::optional<int> exitStatus;
    std::optional<std::uint32_t> exceptionCode;  // CRASH in a Windows host (HostFailure::exceptionCode)
    std::optional<std::int64_t> offset;
    EventId event;  // the Finding row (set by Trace::addFinding)

    bool operator==(const FindingRecord&) const = default;
};

/// One task's progress as last evaluated (DESIGN.md "Session file": lesson progress). A cache
/// for readers that do not evaluate lessons: `lesson check` never trusts it and re-derives
/// everything from the Learner and engine events.
struct LessonTaskRecord {
    std::string task;  // the task's id in its lesson
    bool done = false;
    EventId started;           // the event at which the task became current
    EventId completed;         // the event that completed it (invalid while not done)
    std::uint32_t hints = 0;   // hints shown for this task
    std::uint64_t timeNs = 0;  // trace time from start to completion (or to now)

    bool operator==(const LessonTaskRecord&) const = default;
};

struct MethodIdentity {
    Side side = Side::None;
    std::string name;  // bundled name, or the library's file name
    std::string path;  // as recorded
    std::uint32_t eapType = 0;
    std::uint32_t roles = 0;  // RAS_EAP_ROLE_* bits the method served in this session
    std::string sha256;       // hex of the library file

    bool operator==(const MethodIdentity&) const = default;
};

class Trace {
public:
    Trace();

    // --- events -------------------------------------------------------------------------
    EventId append(const EventRow& row);
    [[nodiscard]] EventRow row(EventId id) const;
    [[nodiscard]] std::size_t size() const { return time_.size(); }
    [[nodiscard]] bool empty() const { return time_.empty(); }
    void reserve(std::size_t events);

    // Column views, for analyses and views that scan one field.
    [[nodiscard]] std::span<const std::uint64_t> times() const { return time_; }
    [[nodiscard]] std::span<const EventKind> kinds() const { return kind_; }
    [[nodiscard]] std::span<const Side> sides() const { return side_; }
    [[nodiscard]] std::span<const EntryPoint> entries() const { return entry_; }
    [[nodiscard]] std::span<const std::uint8_t> actions() const { return action_; }
    [[nodiscard]] std::span<const ContextId> contextsColumn() const { return context_; }
    [[nodiscard]] std::span<const EventId> calls() const { return call_; }
    [[nodiscard]] std::span<const std::uint32_t> results() const { return result_; }
    [[nodiscard]] std::span<const std::uint32_t> auxes() const { return aux_; }
    [[nodiscard]] std::span<const PacketId> packets() const { return packet_; }
    [[nodiscard]] std::span<const StringId> texts() const { return text_; }
    [[nodiscard]] std::span<const std::uint64_t> as() const { return a_; }
    [[nodiscard]] std::span<const std::uint64_t> bs() const { return b_; }

    /// First event with time >= t (binary search; times are non-decreasing).
    [[nodiscard]] EventId lowerBound(std::uint64_t timeNs) const;

    // --- packets ------------------------------------------------------------------------
    PacketId addPacket(std::span<const std::uint8_t> bytes);
    [[nodiscard]] std::span<const std::uint8_t> packet(PacketId id) const;
    [[nodiscard]] std::size_t packetCount() const { return packetOffset_.size(); }
    /// Reserves room for `count` more packets of `bytes` bytes in all (readers that know the sizes).
    void reservePackets(std::size_t count, std::size_t bytes);

    // --- strings ------------------------------------------------------------------------
    /// Interns text; StringId(0) is always the empty string.
    StringId intern(std::string_view text);
    [[nodiscard]] std::string_view string(StringId id) const;
    [[nodiscard]] std::size_t stringCount() const { return strings_.size(); }
    /// Interns a sentence's English (text.english()) and keeps its template for that string,
    /// unless the string already has one.
    StringId intern(const MessageText& text);
    /// Keeps `text` as the template of the interned string `id` (its english() is that string),
    /// unless it already has one: for writers that interned the English already.
    void setSentence(StringId id, MessageText text);
    /// Interns `english` and, the first time that string is seen, keeps make() as its sentence
    /// (make().english() must be `english`): a writer that repeats a sentence builds it once.
    template <typename MakeSentence>
    StringId internSentence(std::string_view english, MakeSentence&& make)
    {
        const StringId id = intern(english);
        if (!sentences_.contains(id.value())) {
            setSentence(id, std::forward<MakeSentence>(make)());
        }
        return id;
    }
    /// The template of string `id` when it was interned as a sentence, else nullptr (a plain
    /// text, or a session file written before format 1.4).
    [[nodiscard]] const MessageText* sentence(StringId id) const;
    /// Every string that has a template, with it (the session writer and the shard merger).
    [[nodiscard]] const std::unordered_map<std::uint32_t, MessageText>& sentences() const
    {
        return sentences_;
    }

    // --- contexts, findings, methods, options -------------------------------------------
    ContextId addContext(const ContextInfo& info);
    [[nodiscard]] const ContextInfo& context(ContextId id) const { return contexts_.at(id.value()); }
    [[nodiscard]] std::span<const ContextInfo> contexts() const { return contexts_; }
    /// The context of a side with its 1-based number, or invalid.
    [[nodiscard]] ContextId findContext(Side side, std::uint32_t number) const;

    /// Stores the finding and appends its Finding event (at timeNs, with the finding's side,
    /// context and call); sets record.event.
    FindingId addFinding(FindingRecord record, std::uint64_t timeNs);
    [[nodiscard]] const FindingRecord& finding(FindingId id) const { return findings_.at(id.value()); }
    [[nodiscard]] std::span<const FindingRecord> findings() const { return findings_; }

    void addMethod(const MethodIdentity& method) { methods_.push_back(method); }
    [[nodiscard]] std::span<const MethodIdentity> methods() const { return methods_; }

    void setOption(std::string key, std::string value);
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& options() const { return options_; }
    [[nodiscard]] std::optional<std::string> option(std::string_view key) const;

    /// Lesson progress (format 1.2): replaced as a whole by whoever evaluates the lesson (the
    /// GUI's worker, the lesson player); written to and read from the session file.
    void setLessonProgress(std::vector<LessonTaskRecord> records) { lessonProgress_ = std::move(records); }
    [[nodiscard]] const std::vector<LessonTaskRecord>& lessonProgress() const { return lessonProgress_; }

    /// Rewinds to the first `events` events: drops later rows, and the contexts, findings and
    /// packets created by them. Methods, options and lesson progress stay.
    void truncate(std::size_t events);

    /// Bytes held by the trace (columns, arena, strings, tables) — for the bytes/event figure.
    [[nodiscard]] std::size_t memoryBytes() const;

    /// True when every event, packet, string, context, finding, method and option is equal.
    bool operator==(const Trace& other) const;

private:
    std::vector<std::uint64_t> time_;
    std::vector<EventKind> kind_;
    std::vector<Side> side_;
    std::vector<EntryPoint> entry_;
    std::vector<std::uint8_t> action_;
    std::vector<ContextId> context_;
    std::vector<EventId> call_;
    std::vector<std::uint32_t> result_;
    std::vector<std::uint32_t> aux_;
    std::vector<PacketId> packet_;
    std::vector<StringId> text_;
    std::vector<std::uint64_t> a_;
    std::vector<std::uint64_t> b_;

    std::vector<std::uint8_t> arena_;
    std::vector<std::uint64_t> packetOffset_;
    std::vector<std::uint32_t> packetLength_;

    // Looked up by string_view without building a std::string (every event interns its text).
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::vector<std::string> strings_;
    std::unordered_map<std::string, StringId, StringHash, std::equal_to<>> stringIndex_;
    std::unordered_map<std::uint32_t, MessageText> sentences_;  // by StringId value

    std::vector<ContextInfo> contexts_;
    std::vector<FindingRecord> findings_;
    std::vector<MethodIdentity> methods_;
    std::vector<std::pair<std::string, std::string>> options_;
    std::vector<LessonTaskRecord> lessonProgress_;
};

}  // namespace eapscope
