// TimeMapping as tables: inputs → expected pixels and times (hotspot's data-driven style).
#include "timeline/time_mapping.h"

#include <gtest/gtest.h>

#include <vector>

namespace eapscope::ui {
namespace {

const TimeMapping kBase({0, 1000}, 100);  // 10 ns per pixel

TEST(TimeMapping, ToPixelAndBack)
{
    struct Row {
        std::int64_t ns;
        double x;
        std::int64_t back;  // toTime(x)
    };
    const std::vector<Row> rows = {
        {0, 0, 0}, {500, 50, 500}, {1000, 100, 1000}, {-100, -10, -100}, {1234, 123.4, 1234}, {5, 0.5, 5},
    };
    for (const Row& row : rows) {
        EXPECT_DOUBLE_EQ(kBase.toPixel(row.ns), row.x) << row.ns;
        EXPECT_EQ(kBase.toTime(row.x), row.back) << row.x;
    }
    EXPECT_EQ(kBase.toTime(33.33), 333);  // rounded down to whole ns
    EXPECT_DOUBLE_EQ(kBase.nsPerPixel(), 10.0);
}

TEST(TimeMapping, ZoomKeepsTheTimeUnderTheCursor)
{
    struct Row {
        double x;
        double factor;
        TimeRange expected;
    };
    const std::vector<Row> rows = {
        {50, 2.0, {250, 750}},     // about the centre
        {0, 2.0, {0, 500}},        // about the left edge
        {100, 2.0, {500, 1000}},   // about the right edge
        {25, 4.0, {188, 438}},     // 250 stays at x = 25: 250 - 25 * 2.5 = 187.5 → 188
        {50, 0.5, {-500, 1500}},   // zoom out
        {50, 1000.0, {495, 505}},  // stops at kMinSpanNs = 10
        {50, 0.0, {0, 1000}},      // a zero factor changes nothing
    };
    for (const Row& row : rows) {
        const TimeMapping zoomed = kBase.zoomedAbout(row.x, row.factor);
        EXPECT_EQ(zoomed.visible(), row.expected) << row.x << " ×" << row.factor;
        EXPECT_EQ(zoomed.width(), 100);
    }
}

TEST(TimeMapping, ZoomAboutAPointKeepsThatPointsTime)
{
    for (const double x : {0.0, 13.0, 50.0, 77.0, 100.0}) {
        const std::int64_t before = kBase.toTime(x);
        const TimeMapping zoomed = kBase.zoomedAbout(x, 1.25);
        EXPECT_NEAR(zoomed.toPixel(before), x, 0.5) << x;
    }
}

TEST(TimeMapping, PanMovesTheContent)
{
    struct Row {
        double dx;
        TimeRange expected;
    };
    const std::vector<Row> rows = {
        {10, {-100, 900}}, {-25, {250, 1250}}, {0, {0, 1000}}, {0.04, {0, 1000}}, {0.06, {-1, 999}},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(kBase.panned(row.dx).visible(), row.expected) << row.dx;
    }
}

TEST(TimeMapping, RangeSelect)
{
    struct Row {
        double x0, x1;
        TimeRange expected;
    };
    const std::vector<Row> rows = {
        {20, 60, {200, 600}},  {60, 20, {200, 600}},  // either direction
        {20, 22, {0, 1000}},                          // narrower than kMinSelectPx: a click
        {10, 10.5, {0, 1000}}, {-10, 110, {-100, 1100}},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(kBase.selected(row.x0, row.x1).visible(), row.expected) << row.x0 << ".." << row.x1;
    }
    // Selecting inside a tiny range still keeps at least kMinSpanNs.
    const TimeMapping tiny({0, 20}, 200);
    EXPECT_EQ(tiny.selected(0, 4).visible(), (TimeRange{0, 10}));
}

TEST(TimeMapping, FitAddsAMargin)
{
    struct Row {
        TimeRange content;
        double width;
        TimeRange expected;
    };
    const std::vector<Row> rows = {
        {{0, 5000}, 100, {-100, 5100}},
        {{1000, 2000}, 400, {980, 2020}},
        {{7, 7}, 100, {6, 18}},  // one instant: kMinSpanNs wide, 1 ns margin
        {{0, 0}, 100, {-1, 11}},
    };
    for (const Row& row : rows) {
        const TimeMapping fitted = TimeMapping::fit(row.content, row.width);
        EXPECT_EQ(fitted.visible(), row.expected);
        EXPECT_EQ(fitted.width(), row.width);
    }
}

TEST(TimeMapping, DegenerateInputsAreWidened)
{
    EXPECT_EQ(TimeMapping({5, 5}, 100).visible(), (TimeRange{5, 15}));
    EXPECT_EQ(TimeMapping({9, 3}, 100).visible(), (TimeRange{9, 19}));
    EXPECT_EQ(TimeMapping({0, 100}, 0).width(), 1.0);
    EXPECT_EQ(TimeMapping({0, 100}, 50).resized(200), TimeMapping({0, 100}, 200));
}

}  // namespace
}  // namespace eapscope::ui
