// RangePyramid: a per-lane summary pyramid (level k holds Op over 2^k consecutive values) so the
// level-of-detail pass answers "max / union over these N events" in O(log N) instead of
// scanning them — the reason a zoomed-out million-event lane paints as fast as a short one.
// Appends are O(log N), so the pyramid grows with the trace.
#pragma once

#include <cstddef>
#include <vector>

namespace eapscope::ui {

template <typename T, typename Op>
class RangePyramid {
public:
    void clear() { levels_.clear(); }
    [[nodiscard]] std::size_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }

    void append(T value)
    {
        if (levels_.empty()) {
            levels_.emplace_back();
        }
        levels_[0].push_back(value);
        std::size_t index = levels_[0].size() - 1;
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

    /// Op over values [first, last); `identity` when the range is empty.
    [[nodiscard]] T query(std::size_t first, std::size_t last, T identity) const
    {
        T acc = identity;
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
