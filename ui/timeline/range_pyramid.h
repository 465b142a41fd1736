// RangePyramid: a per-lane summary pyramid (level k holds Op over 2^k consecutive values) so the
// level-of-detail pass answers "max / union over these N events" in O(log N) instead of
// scanning them — the reason a zoomed-out million-event lane paints as fast as a short one.
// Appends are O(log N), so the pyramid grows with the trace. Short series (under kScanBelow
// values) have no levels: a query scans them.
#pragma once

#include <cstddef>
#include <vector>

namespace eapscope::ui {

template <typename T, typename Op>
class RangePyramid {
public:
    /// Series shorter than this keep only their values and queries scan them: most lanes hold
    /// a few dozen calls or blocks, and the upper levels (a vector each) would cost more memory
    /// than the series itself (issue 13: bytes per event).
    static constexpr std::size_t kScanBelow = 64;

    void clear() { levels_.clear(); }
    [[nodiscard]] std::size_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
    /// The i-th appended value (level 0 holds them as they are).
    [[nodiscard]] T value(std::size_t i) const { return levels_[0][i]; }

    /// Room for `count` values in all, in every level (a series whose length is known).
    void reserve(std::size_t count)
    {
        const bool pyramid = count >= kScanBelow;
        for (std::size_t k = 0; count > 0; ++k, count = count > 1 && pyramid ? (count + 1) / 2 : 0) {
            if (levels_.size() == k) {
                levels_.emplace_back();
            }
            levels_[k].reserve(count);
        }
    }

    /// Gives back the room that growth left unused.
    void shrinkToFit()
    {
        while (!levels_.empty() && levels_.back().empty()) {
            levels_.pop_back();
        }
        for (auto& level : levels_) {
            level.shrink_to_fit();
        }
        levels_.shrink_to_fit();
    }

    void append(T value)
    {
        if (levels_.empty()) {
            levels_.emplace_back();
        }
        levels_[0].push_back(value);
        const std::size_t n = levels_[0].size();
        if (n < kScanBelow) {
            return;
        }
        if (n == kScanBelow) {  // long enough now: build the levels over what is there
            for (std::size_t i = 0; i < n; ++i) {
                propagate(i);
            }
            return;
        }
        propagate(n - 1);
    }

    /// Op over values [first, last); `identity` when the range is empty.
    [[nodiscard]] T query(std::size_t first, std::size_t last, T identity) const
    {
        T acc = identity;
        if (size() < kScanBelow) {
            for (; first < last; ++first) {
                acc = Op{}(acc, levels_[0][first]);
            }
            return acc;
        }
        for (std::size_t k = 0; first < last && k < levels_.size(); ++k) {
            if (first & 1u) {
                acc = Op{}(acc, levels_[k][first++]);
            }
            if (last & 1u) {
                acc = Op{}(acc, levels_[k][--last]);
            }
            first /= 2;
            last /= 2;
        }
        return acc;
    }

private:
    /// Updates the upper levels above value `index` of level 0.
    void propagate(std::size_t index)
    {
        for (std::size_t k = 1; levels_[k - 1].size() > 1; ++k) {
            if (levels_.size() == k) {
                levels_.emplace_back();
            }
            index /= 2;
            const auto& below = levels_[k - 1];
            T combined = below[2 * index];
            if (2 * index + 1 < below.size()) {
                combined = Op{}(combined, below[2 * index + 1]);
            }
            if (levels_[k].size() == index) {
                levels_[k].push_back(combined);
            } else {
                levels_[k][index] = combined;
            }
        }
    }

    std::vector<std::vector<T>> levels_;
};

struct MaxOp {
    template <typename T>
    T operator()(T a, T b) const
    {
        return a < b ? b : a;
    }
};

struct OrOp {
    template <typename T>
    T operator()(T a, T b) const
    {
        return static_cast<T>(a | b);
    }
};

}  // namespace eapscope::ui
