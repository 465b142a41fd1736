// The checkpoint thinning policy: bounded, first and newest kept, recent boundaries dense,
// older ones sparse.
#include "host/checkpoint_store.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

std::vector<std::uint64_t> keptAfter(std::size_t capacity, std::uint64_t boundaries)
{
    CheckpointStore store(capacity);
    for (std::uint64_t p = 0; p < boundaries; ++p) {
        store.add(CheckpointStore::Entry{static_cast<std::uint32_t>(p + 1), p, HostProcess()});
    }
    std::vector<std::uint64_t> positions;
    for (const std::uint32_t id : store.ids()) {
        positions.push_back(id - 1);
    }
    return positions;
}

TEST(CheckpointStore, StaysWithinCapacityAndKeepsFirstAndNewest)
{
    const auto kept = keptAfter(64, 1000);
    ASSERT_EQ(kept.size(), 64u);
    EXPECT_EQ(kept.front(), 0u);
    EXPECT_EQ(kept.back(), 999u);
    EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
}

TEST(CheckpointStore, RecentBoundariesDenseOlderSparse)
{
    const auto kept = keptAfter(64, 1000);
    // The last few call boundaries are all kept, so single steps back stay exact.
    for (std::uint64_t p = 995; p < 1000; ++p) {
        EXPECT_NE(std::find(kept.begin(), kept.end(), p), kept.end()) << p;
    }
    // Gaps grow with age: the oldest half is much sparser than the newest quarter.
    const auto gap = [&](std::size_t i) { return kept[i + 1] - kept[i]; };
    EXPECT_GT(gap(1), gap(kept.size() - 3) * 4);
}

TEST(CheckpointStore, UnderCapacityKeepsEverything)
{
    EXPECT_EQ(keptAfter(64, 10).size(), 10u);
}

TEST(CheckpointStore, TakeAndDropAfter)
{
    CheckpointStore store(8);
    for (std::uint32_t i = 1; i <= 5; ++i) {
        store.add(CheckpointStore::Entry{i, i * 10, HostProcess()});
    }
    auto taken = store.take(3);
    ASSERT_TRUE(taken.has_value());
    EXPECT_EQ(taken->position, 30u);
    EXPECT_FALSE(store.take(3).has_value());
    const auto dropped = store.dropAfter(30);
    EXPECT_EQ(dropped.size(), 2u);
    EXPECT_EQ(store.ids(), (std::vector<std::uint32_t>{1, 2}));
}

}  // namespace
}  // namespace eapscope
