// The capture result's allocator (core/capture/huge_page_allocator.h): blocks from 2 MB are
// mapped on their own and aligned to 2 MB, smaller ones come from operator new, and a vector
// keeps its bytes when it grows from one kind of block to the other.
#include "capture/huge_page_allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace eapscope {
namespace {

using Arena = std::vector<std::uint8_t, HugePageAllocator<std::uint8_t>>;

std::vector<std::uint8_t> pattern(std::size_t size, std::uint8_t seed)
{
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<std::uint8_t>(seed + i * 7);
    return bytes;
}

TEST(HugePageAllocator, LargeBlocksAreAlignedToTwoMegabytes)
{
    constexpr std::size_t kSize = (5u << 20) + 123;
    Arena arena;
    arena.reserve(kSize);
#if defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer every block comes from operator new, so red zones guard it.
    EXPECT_FALSE(huge_pages::mapped(kSize));
#else
    ASSERT_TRUE(huge_pages::mapped(kSize));
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(arena.data()) % (2u << 20), 0u);
#endif
    EXPECT_FALSE(huge_pages::mapped((2u << 20) - 1));
}

TEST(HugePageAllocator, AppendedBytesSurviveGrowingPastTheMappedSize)
{
    Arena arena;
    std::vector<std::uint8_t> expected;
    for (std::uint8_t round = 0; arena.size() < (7u << 20); ++round) {  // 64 KB → 7 MB, by doubling
        const std::vector<std::uint8_t> part = pattern(65536 + round, round);
        EXPECT_EQ(appendBytes(arena, part), expected.size());
        expected.insert(expected.end(), part.begin(), part.end());
    }
    ASSERT_EQ(arena.size(), expected.size());
    EXPECT_TRUE(std::equal(arena.begin(), arena.end(), expected.begin()));
    EXPECT_EQ(appendBytes(arena, {}), expected.size());  // nothing appended, nothing moved

    Arena copy = arena;  // a copy is a block of its own, freed on its own
    arena.clear();
    arena.shrink_to_fit();
    EXPECT_TRUE(std::equal(copy.begin(), copy.end(), expected.begin(), expected.end()));
}

struct Wide {
    std::uint64_t a = 1, b = 2, c = 3;
};

TEST(HugePageAllocator, ObjectsAreConstructedAsWithTheDefaultAllocator)
{
    std::vector<Wide, HugePageAllocator<Wide>> many(200'000);  // 4.8 MB: a mapped block
    EXPECT_EQ(many.front().b, 2u);
    EXPECT_EQ(many.back().c, 3u);
    many.push_back({7, 8, 9});
    EXPECT_EQ(many.back().a, 7u);
    EXPECT_EQ(many[100'000].a, 1u);
}

}  // namespace
}  // namespace eapscope
