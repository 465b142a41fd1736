// The step axis as tables (hotspot's data-driven style): times → step positions and back, and the
// LOD picture of a session whose calls last very differently, where every call gets equal width.
#include "timeline/step_axis.h"

#include "synthetic_session.h"
#include "timeline/axis_mapping.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_lod.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eapscope::ui {
namespace {

/// Call 0 lasts 100 ns from 100, call 1 lasts 400 ns from 1000 after a long wait; the session
/// ends at 1500. Knots: (0, 0) (100, 0.1) (200, 0.9) (1000, 1.1) (1400, 1.9) (1500, 2).
StepAxis twoCalls()
{
    StepAxis axis;
    axis.beginStep(100);
    axis.endStep(200);
    axis.beginStep(1000);
    axis.endStep(1400);
    axis.setSessionEnd(1500);
    return axis;
}

TEST(StepAxis, EveryCallGetsTheSameWidth)
{
    struct Row {
        std::int64_t ns;
        double step;
    };
    const std::vector<Row> rows = {
        {0, 0.0},     {50, 0.05},   {100, 0.1},  {150, 0.5},  {200, 0.9},  // lead-in, call 1
        {600, 1.0},   {1000, 1.1},                                          // the wait between
        {1200, 1.5},  {1400, 1.9},  {1450, 1.95}, {1500, 2.0},              // call 2, tail
        {2500, 2.001}, {-1'000'000, -1.0},                                  // outside: 1 ms per step
    };
    const StepAxis axis = twoCalls();
    for (const Row& row : rows) {
        EXPECT_NEAR(axis.stepAt(row.ns), row.step, 1e-12) << row.ns;
    }
    EXPECT_EQ(axis.count(), 2u);
    EXPECT_EQ(axis.stepStart(1), 1000);
}

TEST(StepAxis, InverseRoundsDownAndUp)
{
    struct Row {
        double step;
        std::int64_t floor;
        std::int64_t ceil;
    };
    const std::vector<Row> rows = {
        {0.5, 150, 150}, {1.0, 600, 600}, {1.5, 1200, 1200}, {0.503, 150, 151},  // 0.008 step per ns
        {2.0, 1500, 1500}, {-1.0, -1'000'000, -1'000'000}, {3.0, 1'001'500, 1'001'500},
    };
    const StepAxis axis = twoCalls();
    for (const Row& row : rows) {
        EXPECT_EQ(axis.timeAt(row.step), row.floor) << row.step;
        EXPECT_EQ(axis.timeAtCeil(row.step), row.ceil) << row.step;
    }
    for (std::int64_t t = -50; t < 1600; t += 7) {
        EXPECT_EQ(axis.timeAt(axis.stepAt(t)), t) << t;  // strictly increasing: exact round trip
    }
}

TEST(StepAxis, OpenCallsZeroLengthCallsAndInstants)
{
    StepAxis inFlight;  // a call still running (a hang) runs to the session end
    inFlight.beginStep(0);
    inFlight.setSessionEnd(800);
    EXPECT_NEAR(inFlight.stepAt(0), 0.1, 1e-12);
    EXPECT_NEAR(inFlight.stepAt(400), 0.5, 1e-12);
    EXPECT_NEAR(inFlight.stepAt(800), 0.9, 1e-12);

    StepAxis zero;  // CallStart and CallEnd at the same ns: shown at the call's start
    zero.beginStep(10);
    zero.endStep(10);
    zero.setSessionEnd(10);
    EXPECT_NEAR(zero.stepAt(10), 0.1, 1e-12);
    EXPECT_EQ(zero.timeAt(0.5), 10);

    StepAxis packets;  // a capture: one step per packet, each in the middle of its step
    packets.addInstant(1000);
    packets.addInstant(5000);
    packets.setSessionEnd(5000);
    EXPECT_NEAR(packets.stepAt(1000), 0.5, 1e-12);
    EXPECT_NEAR(packets.stepAt(3000), 1.0, 1e-12);
    EXPECT_NEAR(packets.stepAt(5000), 1.5, 1e-12);

    StepAxis late;  // steps given out of order never overlap
    late.beginStep(100);
    late.endStep(300);
    late.beginStep(200);
    EXPECT_EQ(late.stepStart(1), 300);
}

TEST(AxisMapping, StepFitShowsEveryStepWithAMargin)
{
    const StepAxis axis = twoCalls();
    const AxisMapping fitted = AxisMapping::fit({0, 1500}, 200, &axis);
    EXPECT_EQ(fitted.axis(), TimelineAxis::Steps);
    // Steps 0..2 are 2,000,000 units; the fit margin is 1/50 of that on each side.
    EXPECT_EQ(fitted.visible(), (TimeRange{-40'000, 2'040'000}));
    EXPECT_NEAR(fitted.toPixel(1200), (1.5e6 + 40'000) / (2'080'000.0 / 200), 1e-9);
    EXPECT_EQ(fitted.toTime(fitted.toPixel(1200)), 1200);
    EXPECT_EQ(fitted.toTimeCeil(fitted.toPixel(1200) + 0.01), 1201);
    EXPECT_NEAR(fitted.axisAt(fitted.toPixel(600)), 1.0, 1e-9);
    // Zoom and pan are TimeMapping's on the step units.
    EXPECT_EQ(fitted.zoomedAbout(100, 2).visible(), fitted.linear().zoomedAbout(100, 2).visible());
    EXPECT_EQ(fitted.panned(10).axis(), TimelineAxis::Steps);
    // Without a step axis it is the time axis.
    EXPECT_EQ(AxisMapping::fit({0, 1500}, 200).visible(), TimeMapping::fit({0, 1500}, 200).visible());
}

/// A short call, a long wait, a call 100 times longer, then End: on the time axis Begin and
/// MakeMessage fold into one column; on the step axis the three calls sit 10 columns apart.
Trace unevenCalls()
{
    Trace trace;
    testing::SessionBuilder b(trace);
    const ContextId a1 = b.context(Side::Authenticator, 1);
    b.callEnd(10, b.callStart(0, a1, EntryPoint::Begin), 0x1000);
    b.callEnd(1'000'000, b.callStart(10'000, a1, EntryPoint::MakeMessage));
    b.callEnd(1'000'100, b.callStart(1'000'010, a1, EntryPoint::End));
    return trace;
}

TEST(AxisMapping, StepAxisLodGivesEachCallItsColumns)
{
    const Trace trace = unevenCalls();
    TimelineIndex index;
    index.update(trace, trace.size());
    const auto picture = [&](TimelineAxis axis) {
        const StepAxis* steps = axis == TimelineAxis::Steps ? &index.stepAxis() : nullptr;
        return lodToText(computeLod(index, AxisMapping::fit(index.contentRange(), 30, steps), 0, 10), index);
    };
    EXPECT_EQ(picture(TimelineAxis::Time),
              "A1 calls   |*............................E|\n"
              "A1 wb      |##############################|\n");
    EXPECT_EQ(picture(TimelineAxis::Steps),
              "A1 calls   |B.........M..........E........|\n"
              "A1 wb      |##############################|\n");
}

}  // namespace
}  // namespace eapscope::ui
