// TimelineView offscreen: clicks select the item under them, the wheel zooms about the cursor,
// drags pan or select a range, and the rendered pixels show leaks reaching the session's end.
#include "timeline/timeline_view.h"
#include "synthetic_session.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_layout.h"
#include "timeline/timeline_painter.h"
#include "timeline/timeline_tooltip.h"
#include "timeline/timeline_zoom.h"

#include <QApplication>
#include <QImage>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace eapscope::ui {
namespace {

/// The QApplication lives from before the first test to after the last, and is destroyed by
/// gtest before static destruction (a function-static one crashes at exit, after Qt's globals).
class QtEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        app_ = std::make_unique<QApplication>(argc_, argv_);
    }
    void TearDown() override { app_.reset(); }

private:
    int argc_ = 1;
    char name_[16] = "timeline_tests";
    char* argv_[2] = {name_, nullptr};
    std::unique_ptr<QApplication> app_;
};

// gtest owns registered environments.
[[maybe_unused]] ::testing::Environment* const kQtEnvironment =
    ::testing::AddGlobalTestEnvironment(new QtEnvironment);  // NOLINT(cppcoreguidelines-owning-memory)

class TimelineViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        trace_ = std::make_shared<const Trace>(testing::makeSmallSession());
        view_ = std::make_unique<TimelineView>();
        view_->resize(800, 400);
        view_->setTrace(trace_);
        view_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view_.get()));
        connect();
    }

    void connect()
    {
        QObject::connect(view_.get(), &TimelineView::eventSelected,
                         [this](EventId e) { selected_.push_back(e); });
    }

    [[nodiscard]] double plotX(std::uint64_t ns) const
    {
        return TimelineLayout::kGutter + view_->mapping().toPixel(static_cast<std::int64_t>(ns));
    }

    QImage render(qreal ratio = 1.0) const
    {
        QImage image(view_->size() * ratio, QImage::Format_ARGB32);
        image.setDevicePixelRatio(ratio);
        view_->render(&image);
        return image;
    }

    std::shared_ptr<const Trace> trace_;
    std::unique_ptr<TimelineView> view_;
    std::vector<EventId> selected_;
};

TEST_F(TimelineViewTest, ClickOnAnItemEmitsItsEvent)
{
    // Rows of makeSmallSession: call, block, packet, finding, the peer's Begin (its bar).
    for (const std::uint32_t row : {6u, 11u, 9u, 20u, 3u, 7u}) {
        const EventId event(row);
        const auto position = view_->eventPosition(event);
        ASSERT_TRUE(position.has_value()) << row;
        selected_.clear();
        QTest::mouseClick(view_.get(), Qt::LeftButton, {}, position->toPoint());
        ASSERT_EQ(selected_.size(), 1u) << row;
        EXPECT_EQ(selected_[0], event) << row;
        EXPECT_EQ(view_->selectedEvent(), event);
    }
}

TEST_F(TimelineViewTest, ClickOnEmptySpaceSelectsNothing)
{
    QTest::mouseClick(view_.get(), Qt::LeftButton, {}, QPoint(static_cast<int>(plotX(31)), 24 + 80 + 40));
    EXPECT_TRUE(selected_.empty());
}

TEST_F(TimelineViewTest, WheelZoomsAboutTheCursor)
{
    view_->zoom()->setRange({0, 66400});  // 100 ns per pixel: whole ns are exact enough
    const AxisMapping before = view_->mapping();
    const QPointF cursor(500, 120);
    const std::int64_t under = before.toTime(cursor.x() - TimelineLayout::kGutter);
    int changes = 0;
    QObject::connect(view_->zoom(), &TimelineZoom::rangeChanged, [&](TimeRange) { ++changes; });
    QWheelEvent wheel(cursor, view_->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view_.get(), &wheel);
    const AxisMapping after = view_->mapping();
    EXPECT_EQ(changes, 1);
    EXPECT_NEAR(static_cast<double>(before.visible().span()) / static_cast<double>(after.visible().span()),
                1.25, 0.1);
    EXPECT_NEAR(after.toPixel(under), cursor.x() - TimelineLayout::kGutter, 1.0);
    QWheelEvent back(cursor, view_->mapToGlobal(cursor), QPoint(), QPoint(0, -120), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view_.get(), &back);
    EXPECT_GT(view_->mapping().visible().span(), after.visible().span());
}

TEST_F(TimelineViewTest, ShiftDragSelectsARange)
{
    const AxisMapping before = view_->mapping();
    const QPoint from(300, 200);
    const QPoint to(600, 200);
    QTest::mousePress(view_.get(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(view_.get(), to);
    QTest::mouseRelease(view_.get(), Qt::LeftButton, Qt::ShiftModifier, to);
    const double left = TimelineLayout::kGutter;
    EXPECT_EQ(view_->mapping().visible(), before.selected(from.x() - left, to.x() - left).visible());
    EXPECT_TRUE(selected_.empty());
}

TEST_F(TimelineViewTest, DragPansAndFitAllRestores)
{
    const AxisMapping before = view_->mapping();
    QTest::mousePress(view_.get(), Qt::LeftButton, {}, QPoint(400, 300));
    QTest::mouseMove(view_.get(), QPoint(450, 300));
    QTest::mouseRelease(view_.get(), Qt::LeftButton, {}, QPoint(450, 300));
    EXPECT_EQ(view_->mapping().visible(), before.panned(50).visible());
    view_->fitAll();
    EXPECT_EQ(view_->mapping().visible(), before.visible());
}

TEST_F(TimelineViewTest, LeakedBlockIsRedToTheEndOfTheSessionAndFreedBlockStops)
{
    const QImage image = render();
    const TimelinePainter painter(view_->palette());
    const TimelineLayout layout{800, 400, 0};
    // P1 (display 2): its 32-byte block (13 ns) leaks; the session ends at 35 ns.
    const int peerRow = static_cast<int>(layout.rowTop(2, 0) + 3);
    EXPECT_EQ(image.pixelColor(static_cast<int>(plotX(35)) - 1, peerRow), painter.leakColor());
    EXPECT_EQ(image.pixelColor(static_cast<int>(plotX(20)), peerRow), painter.leakColor());
    EXPECT_NE(image.pixelColor(static_cast<int>(plotX(35)) + 3, peerRow), painter.leakColor());
    // A1 (display 0): its 64-byte block lives 9..21 ns, freed before End returns at 23 ns.
    const int aRow = static_cast<int>(layout.rowTop(0, 0) + 3);
    EXPECT_EQ(image.pixelColor(static_cast<int>(plotX(15)), aRow), painter.freedColor());
    EXPECT_NE(image.pixelColor(static_cast<int>(plotX(21)) + 2, aRow), painter.freedColor());
    EXPECT_NE(image.pixelColor(static_cast<int>(plotX(30)), aRow), painter.freedColor());
    // The work-buffer bar runs from Begin (0) to End's return (23 ns), then stops.
    const int bar =
        static_cast<int>(layout.laneTop(0) + TimelineLayout::kTrackTop + TimelineLayout::kTrackHeight / 2);
    EXPECT_EQ(image.pixelColor(static_cast<int>(plotX(4)), bar), painter.workBufferColor());
    EXPECT_NE(image.pixelColor(static_cast<int>(plotX(23)) + 3, bar), painter.workBufferColor());
}

TEST_F(TimelineViewTest, RendersAtTwiceTheDevicePixelRatio)
{
    const QImage image = render(2.0);
    const TimelinePainter painter(view_->palette());
    const TimelineLayout layout{800, 400, 0};
    const int peerRow = static_cast<int>(layout.rowTop(2, 0) + 3);
    EXPECT_EQ(image.pixelColor(2 * static_cast<int>(plotX(30)), 2 * peerRow), painter.leakColor());
    EXPECT_EQ(image.width(), 1600);
}

TEST_F(TimelineViewTest, DarkPaletteUsesItsOwnColours)
{
    QPalette dark = view_->palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, Qt::white);
    view_->setPalette(dark);
    const QImage image = render();
    const TimelinePainter painter(dark);
    EXPECT_NE(painter.leakColor(), TimelinePainter(QPalette(Qt::white)).leakColor());
    const TimelineLayout layout{800, 400, 0};
    EXPECT_EQ(image.pixelColor(static_cast<int>(plotX(30)), static_cast<int>(layout.rowTop(2, 0) + 3)),
              painter.leakColor());
}

TEST_F(TimelineViewTest, SelectEventScrollsItsLaneIntoViewWithoutEmitting)
{
    testing::SyntheticOptions options;
    options.pairs = 20;
    options.rounds = 3;
    auto trace = std::make_shared<const Trace>(testing::makeSyntheticSession(options));
    view_->setTrace(trace);
    ASSERT_EQ(view_->laneCount(), 42u);  // 40 contexts and the two instance lanes
    EXPECT_EQ(view_->firstVisibleLane(), 0);
    std::uint32_t row = static_cast<std::uint32_t>(trace->size());
    while (trace->entries()[--row] != EntryPoint::End || trace->kinds()[row] != EventKind::CallStart) {
    }
    const EventId last(row);  // the last peer's End call
    view_->zoom()->setRange({static_cast<std::int64_t>(trace->times()[last.value()]) - 20000,
                             static_cast<std::int64_t>(trace->times()[last.value()]) + 20000});
    view_->selectEvent(last);
    EXPECT_GT(view_->firstVisibleLane(), 30);
    EXPECT_TRUE(view_->eventPosition(last).has_value());
    EXPECT_EQ(view_->selectedEvent(), last);
    EXPECT_TRUE(selected_.empty());
}

TEST_F(TimelineViewTest, FollowsALiveTraceAsItGrowsAndRewinds)
{
    testing::SyntheticOptions options;
    options.pairs = 3;
    options.rounds = 2;
    const Trace live = testing::makeSyntheticSession(options);
    view_->setTrace(&live, 0);
    EXPECT_EQ(view_->laneCount(), 0u);
    view_->traceGrew(30);
    EXPECT_EQ(view_->laneCount(), 2u);
    EXPECT_EQ(view_->mapping().visible().endNs,
              TimeMapping::fit({0, 30000}, view_->mapping().width()).visible().endNs);
    view_->traceGrew(live.size());
    EXPECT_EQ(view_->laneCount(), 8u);  // 6 contexts and the two instance lanes
    view_->traceTruncated(30);
    EXPECT_EQ(view_->index().indexedEvents(), 30u);
    EXPECT_EQ(view_->laneCount(), 2u);
}

TEST_F(TimelineViewTest, ToolTipsDescribeTheItem)
{
    const TimelineIndex& index = view_->index();
    EXPECT_TRUE(timelineToolTip(*trace_, index, EventId(6)).startsWith(QStringLiteral("RasEapMakeMessage")));
    EXPECT_TRUE(
        timelineToolTip(*trace_, index, EventId(9)).contains(QStringLiteral("Packet from Authenticator #1")));
    EXPECT_TRUE(timelineToolTip(*trace_, index, EventId(11)).contains(QStringLiteral("leaked")));
    EXPECT_TRUE(timelineToolTip(*trace_, index, EventId(7)).contains(QStringLiteral("freed at")));
    EXPECT_TRUE(timelineToolTip(*trace_, index, EventId(20)).startsWith(QStringLiteral("HEAP_LEAK (")));
    EXPECT_TRUE(timelineToolTip(*trace_, index, EventId(2)).isEmpty());  // a CallEnd is not drawn
}

TEST_F(TimelineViewTest, ScreenshotOfAThreeContextSessionWithALeak)
{
    testing::SyntheticOptions options;
    options.pairs = 3;
    options.rounds = 4;
    options.leakEvery = 2;
    options.workBufferLeakEvery = 3;
    auto trace = std::make_shared<const Trace>(testing::makeSyntheticSession(options));
    view_->resize(1200, 680);  // all 8 lanes, no scroll bar
    view_->setTrace(trace);
    view_->setCurrentStep(EventId(static_cast<std::uint32_t>(trace->size() / 2)));
    view_->selectEvent(EventId(3));
    const QImage image = view_->grab().toImage();
    const QString path = QStringLiteral(EAPSCOPE_BINARY_DIR "/timeline_screenshot.png");
    ASSERT_TRUE(image.save(path));
    // The third pair's peer never frees its work buffer: its lane has red at the session end.
    const TimelineLayout layout{1200, 680, 0};
    const int lane = view_->index().displayPosition(view_->index().laneOfContext(ContextId(5)));
    ASSERT_GE(lane, 0);
    const int y =
        static_cast<int>(layout.laneTop(lane) + TimelineLayout::kTrackTop + TimelineLayout::kTrackHeight / 2);
    const int x = static_cast<int>(plotX(trace->times().back())) - 2;
    const qreal ratio = image.devicePixelRatio();
    EXPECT_EQ(image.pixelColor(static_cast<int>(x * ratio), static_cast<int>(y * ratio)),
              TimelinePainter(view_->palette()).leakColor());
}

}  // namespace
}  // namespace eapscope::ui
