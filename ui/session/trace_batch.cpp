#include "session/trace_batch.h"

namespace eapscope::ui {

TraceMark markOf(const Trace& trace)
{
    return TraceMark{trace.size(), trace.stringCount(), trace.packetCount(), trace.contexts().size(),
                     trace.methods().size()};
}

TraceBatch collectBatch(const Trace& source, const TraceMark& from)
{
    TraceBatch batch;
    batch.from = from;
    for (std::size_t i = from.strings; i < source.stringCount(); ++i) {
        const StringId id(static_cast<std::uint32_t>(i));
        batch.strings.emplace_back(source.string(id));
        if (const MessageText* sentence = source.sentence(id)) {
            batch.sentences.emplace_back(id.value(), *sentence);
        }
    }
    for (std::size_t i = from.packets; i < source.packetCount(); ++i) {
        const auto bytes = source.packet(PacketId(static_cast<std::uint32_t>(i)));
        batch.packets.emplace_back(bytes.begin(), bytes.end());
    }
    const auto contexts = source.contexts();
    batch.contexts.assign(
        contexts.begin() + static_cast<std::ptrdiff_t>(std::min(from.contexts, contexts.size())),
        contexts.end());
    batch.rows.reserve(source.size() - std::min(from.events, source.size()));
    for (std::size_t i = from.events; i < source.size(); ++i) {
        const EventRow row = source.row(EventId(static_cast<std::uint32_t>(i)));
        if (row.kind == EventKind::Finding) {
            batch.findings.push_back(source.finding(FindingId(row.aux)));
        }
        batch.rows.push_back(row);
    }
    const auto methods = source.methods();
    batch.methods.assign(
        methods.begin() + static_cast<std::ptrdiff_t>(std::min(from.methods, methods.size())), methods.end());
    batch.options = source.options();
    return batch;
}

bool applyBatch(Trace& target, const TraceBatch& batch)
{
    if (target.size() != batch.from.events || target.packetCount() != batch.from.packets ||
        target.contexts().size() != batch.from.contexts || target.stringCount() < batch.from.strings) {
        return false;
    }
    // Strings survive truncate() on both sides, so interning them in id order keeps ids equal.
    for (const auto& text : batch.strings) {
        target.intern(text);
    }
    for (const auto& [id, sentence] : batch.sentences) {
        target.setSentence(StringId(id), sentence);
    }
    for (const auto& bytes : batch.packets) {
        target.addPacket(bytes);
    }
    for (const auto& context : batch.contexts) {
        target.addContext(context);
    }
    std::size_t nextFinding = 0;
    for (const auto& row : batch.rows) {
        if (row.kind == EventKind::Finding && nextFinding < batch.findings.size()) {
            target.addFinding(batch.findings[nextFinding++], row.timeNs);
        } else {
            target.append(row);
        }
    }
    for (std::size_t i = target.methods().size() - std::min(target.methods().size(), batch.from.methods);
         i < batch.methods.size(); ++i) {
        target.addMethod(batch.methods[i]);
    }
    for (const auto& [key, value] : batch.options) {
        target.setOption(key, value);
    }
    return true;
}

}  // namespace eapscope::ui
