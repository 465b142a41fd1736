#include "host/checkpoint_store.h"

#include <algorithm>

namespace eapscope {

std::size_t CheckpointStore::victim(const std::vector<std::uint64_t>& positions)
{
    // Score = the gap its removal would leave, divided by its age: dropping where neighbours
    // are close relative to how old they are keeps spacing roughly proportional to age.
    const std::uint64_t newest = positions.back();
    std::size_t best = 1;
    double bestScore = -1.0;
    for (std::size_t i = 1; i + 1 < positions.size(); ++i) {
        const auto gap = static_cast<double>(positions[i + 1] - positions[i - 1]);
        const auto age = static_cast<double>(newest - positions[i]) + 1.0;
        const double score = gap / age;
        if (bestScore < 0 || score < bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

std::vector<CheckpointStore::Entry> CheckpointStore::add(Entry entry)
{
    std::vector<Entry> dropped;
    const auto at = std::upper_bound(entries_.begin(), entries_.end(), entry.position,
                                     [](std::uint64_t p, const Entry& e) { return p < e.position; });
    entries_.insert(at, std::move(entry));
    while (entries_.size() > capacity_ && entries_.size() > 2) {
        std::vector<std::uint64_t> positions;
        positions.reserve(entries_.size());
        for (const Entry& e : entries_) {
            positions.push_back(e.position);
        }
        const auto gone = entries_.begin() + static_cast<std::ptrdiff_t>(victim(positions));
        dropped.push_back(std::move(*gone));
        entries_.erase(gone);
    }
    return dropped;
}

std::optional<CheckpointStore::Entry> CheckpointStore::take(std::uint32_t id)
{
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries_.end()) {
        return std::nullopt;
    }
    Entry entry = std::move(*it);
    entries_.erase(it);
    return entry;
}

std::vector<CheckpointStore::Entry> CheckpointStore::dropAfter(std::uint64_t position)
{
    const auto first =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.position > position; });
    std::vector<Entry> dropped(std::make_move_iterator(first), std::make_move_iterator(entries_.end()));
    entries_.erase(first, entries_.end());
    return dropped;
}

std::vector<std::uint32_t> CheckpointStore::ids() const
{
    std::vector<std::uint32_t> out;
    out.reserve(entries_.size());
    for (const Entry& e : entries_) {
        out.push_back(e.id);
    }
    return out;
}

}  // namespace eapscope
