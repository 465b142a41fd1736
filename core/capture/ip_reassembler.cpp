#include "capture/ip_reassembler.h"

#include <algorithm>

namespace eapscope {

bool IpReassembler::complete(Pending& pending)
{
    if (!pending.total) {
        return false;
    }
    std::sort(pending.ranges.begin(), pending.ranges.end());
    std::uint32_t covered = 0;
    for (auto [begin, end] : pending.ranges) {
        if (begin > covered) {
            return false;
        }
        covered = std::max(covered, end);
    }
    return covered >= *pending.total;
}

std::optional<std::vector<std::uint8_t>> IpReassembler::add(const Fragment& fragment)
{
    auto end = fragment.offset + static_cast<std::uint32_t>(fragment.payload.size());
    if (end > kMaxDatagram) {
        return std::nullopt;
    }
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Pending& p) { return p.key == fragment.key; });
    if (it == pending_.end()) {
        if (pending_.size() == kMaxPending) {
            pending_.pop_front();
            ++evicted_;
        }
        pending_.push_back(Pending{fragment.key, {}, {}, std::nullopt});
        it = std::prev(pending_.end());
    }
    Pending& pending = *it;
    if (pending.data.size() < end) {
        pending.data.resize(end);
    }
    std::copy(fragment.payload.begin(), fragment.payload.end(), pending.data.begin() + fragment.offset);
    pending.ranges.emplace_back(fragment.offset, end);
    if (!fragment.more) {
        pending.total = end;
    }
    if (!complete(pending)) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> datagram = std::move(pending.data);
    datagram.resize(*pending.total);
    pending_.erase(it);
    return datagram;
}

}  // namespace eapscope
