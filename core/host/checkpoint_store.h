// The paused host copies kept for step back (issue 5), at most `capacity`. When full, the
// entry whose removal leaves the smallest gap relative to its age goes, so recent call
// boundaries stay dense and older ones thin out to every 2nd, 4th, … boundary. The first
// checkpoint (the session's start) and the newest are always kept.
#pragma once

#include "host/host_process.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace eapscope {

class CheckpointStore {
public:
    explicit CheckpointStore(std::size_t capacity = 64) : capacity_(capacity) {}

    struct Entry {
        std::uint32_t id = 0;
        std::uint64_t position = 0;  // call boundary: calls made before it
        HostProcess process;
    };

    /// Keeps `entry`; returns the thinned entries dropped to stay within capacity.
    std::vector<Entry> add(Entry entry);
    /// Removes and returns the entry with `id`, or nullopt when it is not kept.
    std::optional<Entry> take(std::uint32_t id);
    /// Removes and returns every entry made after `position`.
    std::vector<Entry> dropAfter(std::uint64_t position);
    /// Removes and returns every entry.
    std::vector<Entry> takeAll() { return std::exchange(entries_, {}); }

    [[nodiscard]] std::vector<std::uint32_t> ids() const;
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] std::size_t capacity() const { return capacity_; }

    /// Which of `positions` (ascending) to drop to make room: never the first or the last.
    static std::size_t victim(const std::vector<std::uint64_t>& positions);

private:
    std::size_t capacity_;
    std::vector<Entry> entries_;  // ascending position
};

}  // namespace eapscope
