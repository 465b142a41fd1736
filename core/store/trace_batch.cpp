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
    return makeError("recording copy out of step: " + std::string(table) + " " + std::to_string(got) +
                     " instead of " + std::to_string(expected));
}

}  // namespace

TraceBatch::Marks TraceBatch::initialMarks()
{
    Marks marks;
    marks.strings = Trace().stringCount();
    return marks;
}

TraceBatch TraceBatch::take(const Trace& trace, Marks& marks, std::optional<std::size_t> rewindTo)
{
    TraceBatch batch;
    if (trace.size() < marks.events || (rewindTo && *rewindTo < marks.events)) {
        batch.rewoundTo_ = std::min(rewindTo.value_or(trace.size()), trace.size());
        marks = initialMarks();
    }
    batch.firstString_ = marks.strings;
    for (std::size_t i = marks.strings; i < trace.stringCount(); ++i) {
        const StringId id(static_cast<std::uint32_t>(i));
        batch.strings_.emplace_back(trace.string(id));
        if (const MessageText* sentence = trace.sentence(id)) {
            batch.sentences_.emplace_back(id.value(), *sentence);
        }
    }
    batch.firstPacket_ = marks.packets;
    for (std::size_t i = marks.packets; i < trace.packetCount(); ++i) {
        const auto bytes = trace.packet(PacketId(static_cast<std::uint32_t>(i)));
        batch.packetBytes_.insert(batch.packetBytes_.end(), bytes.begin(), bytes.end());
        batch.packetLengths_.push_back(static_cast<std::uint32_t>(bytes.size()));
    }
    batch.contexts_ = tail(trace.contexts(), marks.contexts);
    batch.firstFinding_ = marks.findings;
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
    return batch;
}

bool TraceBatch::empty() const
{
    return !rewoundTo_ && strings_.empty() && packetLengths_.empty() && contexts_.empty() &&
           findings_.empty() && methods_.empty() && events_.empty() && !options_ && !lessonProgress_;
}

Status TraceBatch::applyTo(Trace& copy) const
{
    if (rewoundTo_) {
        copy = Trace();
    }
    if (copy.stringCount() != firstString_) {
        return outOfStep("strings", firstString_, copy.stringCount());
    }
    for (const std::string& text : strings_) {
        copy.intern(text);  // distinct in the owner's trace, so each gets the owner's id
    }
    for (const auto& [id, sentence] : sentences_) {
        copy.setSentence(StringId(id), sentence);
    }
    if (copy.packetCount() != firstPacket_) {
        return outOfStep("packets", firstPacket_, copy.packetCount());
    }
    std::size_t offset = 0;
    for (std::uint32_t length : packetLengths_) {
        copy.addPacket(std::span<const std::uint8_t>(packetBytes_).subspan(offset, length));
        offset += length;
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
