#include "store/trace_batch.h"

#include <algorithm>

namespace eapscope {

namespace {

template <typename T>
std::vector<T> tail(std::span<const T> rows, std::size_t from)
{
    return from < rows.size() ? std::vector<T>(rows.begin() + static_cast<std::ptrdiff_t>(from), rows.end())
                              : std::vector<T>{};
}

Status outOfStep(const char* table, std::size_t expected, std::size_t got)
{
    return makeError("trace copy out of step: " + std::string(table) + " " + std::to_string(got) +
                     " instead of " + std::to_string(expected));
}

}  // namespace

TraceBatch::Marks TraceBatch::initialMarks()
{
    Marks marks;
    marks.strings = Trace().stringCount();
    return marks;
}

void TraceBatch::rewound(Marks& marks, const Trace& trace)
{
    if (trace.stringCount() < marks.strings || trace.methods().size() < marks.methods) {
        marks = initialMarks();  // a new trace: strings and methods never shrink otherwise
        marks.rewind = Rewind::Restart;
        return;
    }
    if (trace.size() >= marks.events) {
        return;  // only rows no batch carried yet went
    }
    // Rows the receiver holds went: it truncates to the same count, which drops the same
    // packets, contexts and findings (those the dropped rows created).
    marks.events = trace.size();
    marks.packets = std::min(marks.packets, trace.packetCount());
    marks.contexts = std::min(marks.contexts, trace.contexts().size());
    marks.findings = std::min(marks.findings, trace.findings().size());
    if (marks.rewind == Rewind::None) {
        marks.rewind = Rewind::Truncate;
    }
}

TraceBatch TraceBatch::take(const Trace& trace, Marks& marks)
{
    if (trace.size() < marks.events || trace.stringCount() < marks.strings ||
        trace.methods().size() < marks.methods) {
        marks = initialMarks();  // shrank without rewound(): the receiver starts over
        marks.rewind = Rewind::Restart;
    }
    TraceBatch batch;
    batch.rewind_ = marks.rewind;
    batch.firstEvent_ = marks.events;
    batch.firstString_ = marks.strings;
    batch.firstPacket_ = marks.packets;
    batch.firstContext_ = marks.contexts;
    batch.firstFinding_ = marks.findings;
    batch.firstMethod_ = marks.methods;
    for (std::size_t i = marks.strings; i < trace.stringCount(); ++i) {
        const StringId id(static_cast<std::uint32_t>(i));
        batch.strings_.emplace_back(trace.string(id));
        if (const MessageText* sentence = trace.sentence(id)) {
            batch.sentences_.emplace_back(id.value(), *sentence);
        }
    }
    batch.packetEnds_.reserve(trace.packetCount() - std::min(marks.packets, trace.packetCount()));
    for (std::size_t i = marks.packets; i < trace.packetCount(); ++i) {
        const auto bytes = trace.packet(PacketId(static_cast<std::uint32_t>(i)));
        batch.packetBytes_.insert(batch.packetBytes_.end(), bytes.begin(), bytes.end());
        batch.packetEnds_.push_back(batch.packetBytes_.size());
    }
    batch.contexts_ = tail(trace.contexts(), marks.contexts);
    batch.findings_ = tail(trace.findings(), marks.findings);
    batch.methods_ = tail(trace.methods(), marks.methods);
    batch.events_.reserve(trace.size() - marks.events);
    for (std::size_t i = marks.events; i < trace.size(); ++i) {
        batch.events_.push_back(trace.row(EventId(static_cast<std::uint32_t>(i))));
    }
    if (trace.options() != marks.options) {
        batch.options_ = marks.options = trace.options();
    }
    if (trace.lessonProgress() != marks.lessonProgress) {
        batch.lessonProgress_ = marks.lessonProgress = trace.lessonProgress();
    }
    marks.events = trace.size();
    marks.strings = trace.stringCount();
    marks.packets = trace.packetCount();
    marks.contexts = trace.contexts().size();
    marks.findings = trace.findings().size();
    marks.methods = trace.methods().size();
    marks.rewind = Rewind::None;
    return batch;
}

bool TraceBatch::empty() const
{
    return rewind_ == Rewind::None && strings_.empty() && packetEnds_.empty() && contexts_.empty() &&
           findings_.empty() && methods_.empty() && events_.empty() && !options_ && !lessonProgress_;
}

std::span<const std::uint8_t> TraceBatch::packet(std::size_t i) const
{
    const std::size_t begin = i == 0 ? 0 : packetEnds_[i - 1];
    return std::span<const std::uint8_t>(packetBytes_).subspan(begin, packetEnds_[i] - begin);
}

Status TraceBatch::applyTo(Trace& copy) const
{
    if (rewind_ == Rewind::Restart) {
        copy = Trace();
    } else if (rewind_ == Rewind::Truncate) {
        copy.truncate(firstEvent_);
    }
    const std::pair<const char*, std::pair<std::size_t, std::size_t>> tables[] = {
        {"events", {firstEvent_, copy.size()}},
        {"strings", {firstString_, copy.stringCount()}},
        {"packets", {firstPacket_, copy.packetCount()}},
        {"contexts", {firstContext_, copy.contexts().size()}},
        {"findings", {firstFinding_, copy.findings().size()}},
        {"methods", {firstMethod_, copy.methods().size()}},
    };
    for (const auto& [table, counts] : tables) {
        if (counts.first != counts.second) {
            return outOfStep(table, counts.first, counts.second);
        }
    }
    for (const std::string& text : strings_) {
        copy.intern(text);  // distinct in the owner's trace, so each gets the owner's id
    }
    for (const auto& [id, sentence] : sentences_) {
        copy.setSentence(StringId(id), sentence);
    }
    for (std::size_t i = 0; i < packetCount(); ++i) {
        copy.addPacket(packet(i));
    }
    for (const ContextInfo& context : contexts_) {
        copy.addContext(context);
    }
    for (const MethodIdentity& method : methods_) {
        copy.addMethod(method);
    }
    // A Finding row is what Trace::addFinding() appended for its record: replaying it through
    // addFinding() gives the copy both, with the same ids.
    for (const EventRow& row : events_) {
        if (row.kind != EventKind::Finding) {
            copy.append(row);
            continue;
        }
        const std::size_t index = row.aux - firstFinding_;
        if (row.aux < firstFinding_ || index >= findings_.size() || copy.findings().size() != row.aux) {
            return outOfStep("findings", row.aux, copy.findings().size());
        }
        copy.addFinding(findings_[index], row.timeNs);
    }
    if (options_) {
        for (const auto& [key, value] : *options_) {
            copy.setOption(key, value);
        }
    }
    if (lessonProgress_) {
        copy.setLessonProgress(*lessonProgress_);
    }
    return Ok{};
}

}  // namespace eapscope
