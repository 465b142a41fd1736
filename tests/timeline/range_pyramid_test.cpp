#include "timeline/range_pyramid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace eapscope::ui {
namespace {

TEST(RangePyramid, MaxMatchesAScanForEveryRange)
{
    std::mt19937 random(7);
    std::vector<std::uint64_t> values;
    RangePyramid<std::uint64_t, MaxOp> pyramid;
    for (int i = 0; i < 77; ++i) {
        values.push_back(random() % 1000);
        pyramid.append(values.back());
        for (std::size_t first = 0; first <= values.size(); ++first) {
            for (std::size_t last = first; last <= values.size(); ++last) {
                const std::uint64_t expected =
                    first == last ? 0 : *std::max_element(values.begin() + first, values.begin() + last);
                ASSERT_EQ(pyramid.query(first, last, 0), expected) << first << ".." << last;
            }
        }
    }
}

// Reserving and shrinking change only the room (issue 13), below and above the length where
// the levels are built, and value(i) gives back what was appended.
TEST(RangePyramid, ReservedAndShrunkSeriesMatchAScan)
{
    for (const std::size_t length :
         {std::size_t{5}, RangePyramid<std::uint64_t, MaxOp>::kScanBelow, std::size_t{150}}) {
        std::mt19937 random(11);
        std::vector<std::uint64_t> values;
        RangePyramid<std::uint64_t, MaxOp> pyramid;
        pyramid.reserve(length);
        for (std::size_t i = 0; i < length; ++i) {
            values.push_back(random() % 1000);
            pyramid.append(values.back());
        }
        pyramid.shrinkToFit();
        ASSERT_EQ(pyramid.size(), length);
        for (std::size_t first = 0; first <= length; ++first) {
            for (std::size_t last = first; last <= length; ++last) {
                const std::uint64_t expected =
                    first == last ? 0 : *std::max_element(values.begin() + first, values.begin() + last);
                ASSERT_EQ(pyramid.query(first, last, 0), expected) << length << ": " << first << ".." << last;
            }
            if (first < length) {
                ASSERT_EQ(pyramid.value(first), values[first]);
            }
        }
        pyramid.append(1001);  // still grows after shrinking
        EXPECT_EQ(pyramid.query(0, length + 1, 0), 1001u);
    }
}

TEST(RangePyramid, OrCombinesBits)
{
    RangePyramid<std::uint32_t, OrOp> pyramid;
    for (const std::uint32_t bit : {1u, 2u, 1u, 8u, 16u}) {
        pyramid.append(bit);
    }
    EXPECT_EQ(pyramid.query(0, 3, 0u), 3u);
    EXPECT_EQ(pyramid.query(2, 3, 0u), 1u);
    EXPECT_EQ(pyramid.query(3, 5, 0u), 24u);
    EXPECT_EQ(pyramid.query(0, 5, 0u), 27u);
    EXPECT_EQ(pyramid.size(), 5u);
}

}  // namespace
}  // namespace eapscope::ui
