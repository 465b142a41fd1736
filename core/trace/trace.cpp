#include "trace/trace.h"

#include <algorithm>

namespace eapscope {

Trace::Trace()
{
    intern("");
}

EventId Trace::append(const EventRow& row)
{
    const EventId id(static_cast<std::uint32_t>(time_.size()));
    time_.push_back(row.timeNs);
    kind_.push_back(row.kind);
    side_.push_back(row.side);
    entry_.push_back(row.entry);
    action_.push_back(row.action);
    context_.push_back(row.context);
    call_.push_back(row.call);
    result_.push_back(row.result);
    aux_.push_back(row.aux);
    packet_.push_back(row.packet);
    text_.push_back(row.text);
    a_.push_back(row.a);
    b_.push_back(row.b);
    return id;
}

EventRow Trace::row(EventId id) const
{
    const std::size_t i = id.value();
    EventRow r;
    r.timeNs = time_.at(i);
    r.kind = kind_[i];
    r.side = side_[i];
    r.entry = entry_[i];
    r.action = action_[i];
    r.context = context_[i];
    r.call = call_[i];
    r.result = result_[i];
    r.aux = aux_[i];
    r.packet = packet_[i];
    r.text = text_[i];
    r.a = a_[i];
    r.b = b_[i];
    return r;
}

void Trace::reserve(std::size_t events)
{
    time_.reserve(events);
    kind_.reserve(events);
    side_.reserve(events);
    entry_.reserve(events);
    action_.reserve(events);
    context_.reserve(events);
    call_.reserve(events);
    result_.reserve(events);
    aux_.reserve(events);
    packet_.reserve(events);
    text_.reserve(events);
    a_.reserve(events);
    b_.reserve(events);
}

EventId Trace::lowerBound(std::uint64_t timeNs) const
{
    const auto it = std::lower_bound(time_.begin(), time_.end(), timeNs);
    return EventId(static_cast<std::uint32_t>(it - time_.begin()));
}

PacketId Trace::addPacket(std::span<const std::uint8_t> bytes)
{
    const PacketId id(static_cast<std::uint32_t>(packetOffset_.size()));
    packetOffset_.push_back(arena_.size());
    packetLength_.push_back(static_cast<std::uint32_t>(bytes.size()));
    arena_.insert(arena_.end(), bytes.begin(), bytes.end());
    return id;
}

void Trace::reservePackets(std::size_t count, std::size_t bytes)
{
    packetOffset_.reserve(packetOffset_.size() + count);
    packetLength_.reserve(packetLength_.size() + count);
    arena_.reserve(arena_.size() + bytes);
}

std::span<const std::uint8_t> Trace::packet(PacketId id) const
{
    if (!id.valid() || id.value() >= packetOffset_.size()) {
        return {};
    }
    return std::span<const std::uint8_t>(arena_).subspan(packetOffset_[id.value()],
                                                         packetLength_[id.value()]);
}

StringId Trace::intern(std::string_view text)
{
    if (auto it = stringIndex_.find(text); it != stringIndex_.end()) {
        return it->second;
    }
    const StringId id(static_cast<std::uint32_t>(strings_.size()));
    strings_.emplace_back(text);
    stringIndex_.emplace(strings_.back(), id);
    return id;
}

StringId Trace::intern(const MessageText& text)
{
    thread_local std::string english;  // reused: interning a known sentence allocates nothing
    english.clear();
    text.appendEnglish(english);
    return internSentence(english, [&text] { return text; });
}

void Trace::setSentence(StringId id, MessageText text)
{
    if (id.valid() && id.value() < strings_.size() && !text.empty()) {
        sentences_.try_emplace(id.value(), std::move(text));
    }
}

const MessageText* Trace::sentence(StringId id) const
{
    const auto it = sentences_.find(id.value());
    return it == sentences_.end() ? nullptr : &it->second;
}

std::string_view Trace::string(StringId id) const
{
    if (!id.valid() || id.value() >= strings_.size()) {
        return {};
    }
    return strings_[id.value()];
}

ContextId Trace::addContext(const ContextInfo& info)
{
    contexts_.push_back(info);
    return ContextId(static_cast<std::uint32_t>(contexts_.size() - 1));
}

ContextId Trace::findContext(Side side, std::uint32_t number) const
{
    for (std::size_t i = 0; i < contexts_.size(); ++i) {
        if (contexts_[i].side == side && contexts_[i].number == number) {
            return ContextId(static_cast<std::uint32_t>(i));
        }
    }
    return {};
}

FindingId Trace::addFinding(FindingRecord record, std::uint64_t timeNs)
{
    const FindingId id(static_cast<std::uint32_t>(findings_.size()));
    EventRow row;
    row.timeNs = timeNs;
    row.kind = EventKind::Finding;
    row.side = record.side;
    row.context = record.context;
    row.call = record.call;
    row.entry = record.entry;
    row.aux = id.value();
    row.text = intern(record.rule);
    record.event = append(row);
    findings_.push_back(std::move(record));
    return id;
}

void Trace::setOption(std::string key, std::string value)
{
    for (auto& [k, v] : options_) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    options_.emplace_back(std::move(key), std::move(value));
}

std::optional<std::string> Trace::option(std::string_view key) const
{
    for (const auto& [k, v] : options_) {
        if (k == key) {
            return v;
        }
    }
    return std::nullopt;
}

void Trace::truncate(std::size_t events)
{
    if (events >= time_.size()) {
        return;
    }
    std::uint32_t firstDroppedPacket = PacketId::kInvalid;
    for (std::size_t i = events; i < packet_.size(); ++i) {
        if (packet_[i].valid()) {
            firstDroppedPacket = std::min(firstDroppedPacket, packet_[i].value());
        }
    }
    time_.resize(events);
    kind_.resize(events);
    side_.resize(events);
    entry_.resize(events);
    action_.resize(events);
    context_.resize(events);
    call_.resize(events);
    result_.resize(events);
    aux_.resize(events);
    packet_.resize(events);
    text_.resize(events);
    a_.resize(events);
    b_.resize(events);
    if (firstDroppedPacket != PacketId::kInvalid && firstDroppedPacket < packetOffset_.size()) {
        arena_.resize(packetOffset_[firstDroppedPacket]);
        packetOffset_.resize(firstDroppedPacket);
        packetLength_.resize(firstDroppedPacket);
    }
    const auto limit = static_cast<std::uint32_t>(events);
    while (!contexts_.empty() && contexts_.back().created.valid() &&
           contexts_.back().created.value() >= limit) {
        contexts_.pop_back();
    }
    while (!findings_.empty() && findings_.back().event.value() >= limit) {
        findings_.pop_back();
    }
}

std::size_t Trace::memoryBytes() const
{
    std::size_t bytes = 0;
    bytes += time_.capacity() * sizeof(std::uint64_t) + kind_.capacity() + side_.capacity() +
             entry_.capacity() + action_.capacity();
    bytes += (context_.capacity() + call_.capacity() + packet_.capacity() + text_.capacity()) * 4;
    bytes += (result_.capacity() + aux_.capacity()) * 4;
    bytes += (a_.capacity() + b_.capacity()) * 8;
    bytes += arena_.capacity() + packetOffset_.capacity() * 8 + packetLength_.capacity() * 4;
    for (const auto& s : strings_) {
        bytes += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
    }
    bytes += stringIndex_.size() * (sizeof(std::string) + sizeof(StringId) + 2 * sizeof(void*));
    bytes += sentences_.size() * (sizeof(std::uint32_t) + sizeof(MessageText) + 2 * sizeof(void*));
    bytes += contexts_.capacity() * sizeof(ContextInfo) + findings_.capacity() * sizeof(FindingRecord);
    return bytes;
}

bool Trace::operator==(const Trace& other) const
{
    if (size() != other.size() || contexts_.size() != other.contexts_.size() ||
        findings_ != other.findings_ || methods_ != other.methods_ || options_ != other.options_ ||
        lessonProgress_ != other.lessonProgress_) {
        return false;
    }
    for (std::size_t i = 0; i < contexts_.size(); ++i) {
        const auto& x = contexts_[i];
        const auto& y = other.contexts_[i];
        if (x.side != y.side || x.number != y.number || x.created != y.created ||
            string(x.label) != other.string(y.label)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < size(); ++i) {
        EventRow x = row(EventId(static_cast<std::uint32_t>(i)));
        EventRow y = other.row(EventId(static_cast<std::uint32_t>(i)));
        if (string(x.text) != other.string(y.text)) {
            return false;
        }
        const MessageText* sx = sentence(x.text);
        const MessageText* sy = other.sentence(y.text);
        if ((sx == nullptr) != (sy == nullptr) || (sx != nullptr && !(*sx == *sy))) {
            return false;
        }
        const auto px = packet(x.packet);
        const auto py = other.packet(y.packet);
        if (x.packet.valid() != y.packet.valid() || !std::equal(px.begin(), px.end(), py.begin(), py.end())) {
            return false;
        }
        x.text = y.text = StringId();
        x.packet = y.packet = PacketId();
        if (!(x == y)) {
            return false;
        }
    }
    return true;
}

}  // namespace eapscope
