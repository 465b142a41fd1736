#include "engine/shard_merger.h"

#include <algorithm>
#include <vector>

namespace eapscope {

bool ShardMerger::repeatsRunFinding(const FindingRecord& finding)
{
    if (finding.context.valid()) {
        return false;
    }
    return !runFindings_.emplace(finding.rule, finding.side, finding.entry, finding.message).second;
}

void ShardMerger::addMethods(const Trace& shard)
{
    for (const MethodIdentity& method : shard.methods()) {
        const auto known = into_.methods();
        if (std::find(known.begin(), known.end(), method) == known.end()) {
            into_.addMethod(method);
        }
    }
}

void ShardMerger::append(const Trace& shard)
{
    contextBase_ = static_cast<std::uint32_t>(into_.contexts().size());
    const std::uint64_t timeBase = into_.empty() ? 0 : into_.times().back();
    const auto context = [this](ContextId id) {
        return id.valid() ? ContextId(id.value() + contextBase_) : id;
    };
    std::vector<EventId> events(shard.size());  // shard event → merged event (invalid: dropped)
    const auto event = [&events](EventId id) { return id.valid() ? events.at(id.value()) : id; };
    std::size_t nextContext = 0;
    const auto contexts = shard.contexts();
    into_.reserve(into_.size() + shard.size());
    for (std::size_t i = 0; i < shard.size(); ++i) {
        EventRow row = shard.row(EventId(static_cast<std::uint32_t>(i)));
        row.timeNs += timeBase;
        row.context = context(row.context);
        row.call = event(row.call);
        if (row.kind == EventKind::Finding) {
            FindingRecord finding = shard.finding(FindingId(row.aux));
            if (repeatsRunFinding(finding)) {
                continue;
            }
            finding.context = row.context;
            finding.call = row.call;
            events[i] = into_.finding(into_.addFinding(std::move(finding), row.timeNs)).event;
            continue;
        }
        if (row.packet.valid()) {
            row.packet = into_.addPacket(shard.packet(row.packet));
        }
        const StringId text = row.text;
        row.text = into_.intern(shard.string(text));
        if (const MessageText* sentence = shard.sentence(text)) {
            into_.setSentence(row.text, *sentence);
        }
        events[i] = into_.append(row);
        // A context comes to be with its Created event (SessionEngine::ensureContext).
        while (nextContext < contexts.size() && contexts[nextContext].created.value() == i) {
            ContextInfo info = contexts[nextContext++];
            info.created = events[i];
            info.label = into_.intern(shard.string(info.label));
            into_.addContext(info);
        }
    }
    for (; nextContext < contexts.size(); ++nextContext) {
        ContextInfo info = contexts[nextContext];
        info.created = event(info.created);
        info.label = into_.intern(shard.string(info.label));
        into_.addContext(info);
    }
    addMethods(shard);
}

}  // namespace eapscope
