// A lesson as data (DESIGN.md "Lessons"): a scenario (methods, counterpart or capture, options,
// the values that vary per learner), an ordered list of tasks with their completion conditions,
// and the lesson's own solution. Parsed from a hand-written YAML file by lesson_parser.h; the
// file format is documented in docs/lessons.md. Every learner-facing string exists in English
// and French.
#pragma once

#include "trace/event_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

enum class Language : std::uint8_t { En, Fr };

/// "en" / "fr".
std::string_view toString(Language language);
/// Parses "en" / "fr" (also "en_GB", "fr_FR.UTF-8", … as a locale name gives it); nullopt otherwise.
std::optional<Language> parseLanguage(std::string_view text);

/// A learner-facing string in every language the product ships.
struct LocalizedText {
    std::string en;
    std::string fr;

    [[nodiscard]] const std::string& in(Language language) const
    {
        return language == Language::Fr ? fr : en;
    }
    bool operator==(const LocalizedText&) const = default;
};

/// Where something was written in the lesson file (1-based), for messages that name it.
struct SourcePos {
    int line = 0;
    int column = 0;
    bool operator==(const SourcePos&) const = default;
};

// --- scenario -----------------------------------------------------------------------------

/// Who plays the other side of the method(s) under study.
enum class LessonCounterpart : std::uint8_t {
    Loopback,  // both sides are bundled methods (authenticator + peer), run in isolated hosts
    Capture,   // a bundled capture is opened and read: no method runs (support staff's view)
    Replay,    // one bundled method plays `replayRole` against a captured conversation
};

/// A list of alternatives one of which each learner gets (chosen from the learner's seed).
template <typename T>
struct Varying {
    std::vector<T> choices;  // empty = does not vary
    [[nodiscard]] bool varies() const { return !choices.empty(); }
    bool operator==(const Varying&) const = default;
};

struct LessonScenario {
    LessonCounterpart counterpart = LessonCounterpart::Loopback;
    std::string authenticator = "md5";  // bundled method name (never a path)
    std::string peer = "md5";           // bundled method name; Replay runs only the `replayRole` side's
    std::string capture;                // Capture/Replay: file name in the bundled captures folder
    std::uint32_t conversation = 1;     // Capture/Replay: 1-based conversation of the capture
    Side replayRole = Side::Peer;       // Replay: the side the method plays

    std::string identity = "alice";
    std::string password = "secret";          // the peer's password
    std::optional<std::string> authPassword;  // the back end's; default: the peer's password
    std::vector<std::string>
        contextPasswords;  // per context (1-based order) for the peer; overrides `password`
    std::uint32_t contexts = 1;
    bool interleave = false;
    std::optional<std::uint32_t> dropPacket;  // lose the Nth packet put on the wire (retransmission)
    std::uint32_t watchdogMs = 5000;          // HANG limit of the isolated hosts
    bool stacks = false;                      // allocation call stacks in HEAP_LEAK findings
    bool guard = false;                       // tracer quarantine (USE_AFTER_END)

    // Values that vary per learner (lesson_values.h): when set, they replace the fixed ones.
    Varying<std::string> varyIdentity;
    Varying<std::string> varyPassword;
    Varying<std::uint32_t> varyDropPacket;
    Varying<std::uint32_t> varyContexts;

    bool operator==(const LessonScenario&) const = default;
};

// --- completion conditions ----------------------------------------------------------------

/// Which events a condition or a question is about. Every field is optional: absent = any.
struct EventFilter {
    std::optional<std::string> rule;       // findings: catalogue id
    std::optional<Side> side;              // findings/calls: the side; packets: the sender
    std::optional<std::uint32_t> context;  // 1-based context number on its side
    std::optional<EntryPoint> entry;       // the call (findings: the call that broke the rule)
    std::optional<std::uint8_t> action;    // calls: PPP_EAP_ACTION returned (MakeMessage)
    std::optional<std::uint8_t> code;      // packets: EAP Code
    std::optional<std::uint8_t> type;      // packets: EAP Type (Request/Response)
    std::optional<bool> failed;            // calls: result != NO_ERROR
    std::optional<std::string> outcome;    // outcome condition: "success" | "failure" | "error"
    std::optional<bool> lost;              // packets: lost on the wire (drop-packet fault injection)

    bool operator==(const EventFilter&) const = default;
};

/// What a question asks; the expected value is always computed from the session itself.
enum class QuestionKind : std::uint8_t {
    Packet,      // which packet … ?  answered by selecting a Packet event that matches `where`
    Rule,        // which rule did … break?  rule ids of the findings matching `where`
    Context,     // which context … ?  context numbers of the findings matching `where`
    ByteCount,   // how many bytes … ?  `bytes` of the findings matching `where`
    BlockCount,  // how many blocks … ?  `blocks` of the findings matching `where`
    Call,        // which call … ?  entry points of the findings matching `where`
    Identity,    // which identity … ?  identities carried by Response/Identity packets
    Method,      // which method was negotiated … ?  the EAP type the peer answered (not Identity/Nak)
    Outcome,     // how did it end?  success/failure from the last Success/Failure packet
    Count,       // how many … ?  number of events matching `where` (packets, else findings, else calls)
    ResultCode,  // which code … ?  dwAuthResultCode the side's engine decided (State Done rows)
};

std::string_view toString(QuestionKind kind);

enum class ConditionKind : std::uint8_t {
    Finding,     // a finding matching `where` exists in the session
    Call,        // a call (its return) matching `where` happened — or was selected, with `selected`
    Packet,      // a packet matching `where` was sent — or selected, with `selected`
    Outcome,     // a context's outcome matching `where` (side, context, outcome) was decided
    Breakpoint,  // a breakpoint of `breakpointKind` (and value) was hit on an event matching `where`
    Answer,      // the learner's answer to `question` matches the session's own data
    Timer,       // a retransmission timer matching `where` (side, context) fired
};

std::string_view toString(ConditionKind kind);

struct TaskCondition {
    ConditionKind kind = ConditionKind::Finding;
    EventFilter where;
    bool selected = false;       // Call/Packet: the learner must select the event, not merely reach it
    std::string breakpointKind;  // Breakpoint: "entry", "action", "packet-code", "packet-type", "finding",
                                 // "live-heap"
    std::optional<std::string>
        breakpointValue;  // Breakpoint: e.g. "RasEapEnd", "3", "HEAP_LEAK"; absent = any
    QuestionKind question = QuestionKind::Rule;  // Answer

    bool operator==(const TaskCondition&) const = default;
};

struct LessonTask {
    std::string id;  // [a-z0-9-]+, unique in the lesson
    LocalizedText text;
    LocalizedText hint;
    LocalizedText explanation;  // shown once the task is done
    LocalizedText feedback;     // Answer/selection tasks: shown for a wrong answer (may be empty)
    TaskCondition condition;
    SourcePos pos;

    bool operator==(const LessonTask&) const = default;
};

// --- solution ------------------------------------------------------------------------------

/// One thing the lesson's own solution does, as a learner would (lesson_player.h).
struct SolutionStep {
    enum class Kind : std::uint8_t {
        Step,         // `count` calls (F10 each)
        Continue,     // until `breakpoint` is hit (F9 + F5), or to the end when it is empty
        Run,          // to the end of the session
        FireTimeout,  // fire the armed retransmission timer
        Select,       // select the `nth` (1-based) event matching `where` of `selectKind`
        Answer,       // answer `task` with `value` ({identity}, {contexts}, … are expanded), or
                      // by selecting the nth event matching `where` (packet questions)
        Hint,         // show the hint of `task`
    };
    Kind kind = Kind::Step;
    std::uint32_t count = 1;
    std::string breakpoint;                            // Continue: "kind:value" (breakpoint_spec.h)
    ConditionKind selectKind = ConditionKind::Packet;  // Select/Answer-by-selection: Packet, Call or Finding
    EventFilter where;
    std::uint32_t nth = 1;
    std::string task;
    std::optional<std::string> value;
    SourcePos pos;

    bool operator==(const SolutionStep&) const = default;
};

// --- the lesson ----------------------------------------------------------------------------

struct Lesson {
    int format = 1;
    std::string id;  // [a-z0-9-]+; by convention the file name without ".lesson"
    LocalizedText title;
    LocalizedText summary;
    LessonScenario scenario;
    std::vector<LessonTask> tasks;
    std::vector<SolutionStep> solution;
    std::string path;  // the file it was read from ("" when parsed from text)

    /// The index of the task with this id, or nullopt.
    [[nodiscard]] std::optional<std::size_t> taskIndex(std::string_view taskId) const;
    bool operator==(const Lesson&) const = default;
};

}  // namespace eapscope
