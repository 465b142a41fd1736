// The main window driven by key presses, offscreen, over real sessions: the bundled EAP-MD5
// in loopback and the heap engineer's training methods, in isolated hosts.
#include "controller/session_controller.h"
#include "inspector/packet_inspector.h"
#include "models/contexts_model.h"
#include "models/event_table_model.h"
#include "models/findings_model.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "window/contexts_dock.h"
#include "window/event_table_dock.h"
#include "window/findings_dock.h"
#include "window/main_window.h"
#include "window_driver.h"

#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

#include "window/app_settings.h"

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

using test::press;

std::optional<EventId> firstPacket(const Trace& trace, std::uint8_t code, std::uint8_t type)
{
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet) {
            continue;
        }
        const auto bytes = trace.packet(trace.packets()[i]);
        if (bytes.size() >= 5 && bytes[0] == code && bytes[4] == type) {
            return EventId(static_cast<std::uint32_t>(i));
        }
    }
    return std::nullopt;
}

std::vector<std::uint8_t> challengeBytes(const Trace& trace)
{
    const auto event = firstPacket(trace, 1, 4);
    if (!event) {
        return {};
    }
    const auto bytes = trace.packet(trace.packets()[event->value()]);
    return {bytes.begin(), bytes.end()};
}

bool hasFinding(const Trace& trace, std::string_view rule)
{
    return std::any_of(trace.findings().begin(), trace.findings().end(),
                       [&](const FindingRecord& f) { return f.rule == rule; });
}

class WindowTest : public ::testing::Test {
protected:
    void SetUp() override { window.show(); }
    void start(SessionSetup setup)
    {
        window.startSession(setup);
        ASSERT_TRUE(test::waitStarted(window));
    }
    MainWindow window;
};

TEST_F(WindowTest, DefaultSession_ShowsBothMethodsAndAnEmptyLanePerSideBeforeTheFirstStep)
{
    start(SessionSetup{});
    EXPECT_EQ(window.document()->trace().size(), 0u);  // nothing run yet
    // One (empty) lane per side, in display order: the authenticator's, then the peer's.
    const TimelineIndex& index = window.timeline()->index();
    ASSERT_EQ(window.timeline()->laneCount(), 2u);
    EXPECT_EQ(index.lanes()[static_cast<std::size_t>(index.displayOrder()[0])].side, Side::Authenticator);
    EXPECT_EQ(index.lanes()[static_cast<std::size_t>(index.displayOrder()[1])].side, Side::Peer);
    EXPECT_EQ(index.lanes()[0].calls.size(), 0u);
    // The methods dock names both methods, their EAP type and roles, probed in a host.
    QTreeWidget* methods = window.contexts()->methods();
    ASSERT_TRUE(QTest::qWaitFor([&] { return methods->topLevelItemCount() == 2; }, 30000));
    for (int i = 0; i < 2; ++i) {
        QTreeWidgetItem* item = methods->topLevelItem(i);
        EXPECT_TRUE(item->text(0).endsWith(QStringLiteral(": md5"))) << item->text(0).toStdString();
        EXPECT_EQ(item->text(1), ContextsDock::tr("EAP type %1").arg(4));
        ASSERT_GE(item->childCount(), 1);
        EXPECT_EQ(item->child(0)->text(1), ContextsDock::tr("authenticator and peer"));
    }
    // The first step fills the same lanes: the instance lanes get the load calls.
    ASSERT_TRUE(press(window, Qt::Key_F10));
    EXPECT_GT(window.document()->trace().size(), 0u);
    EXPECT_GE(window.timeline()->laneCount(), 2u);
    EXPECT_EQ(methods->topLevelItemCount(), 2);
}

TEST_F(WindowTest, StepAxisIsTheDefaultAndTheTimeAxisOneClickAway)
{
    start(SessionSetup{});
    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));
    }
    QAction* stepAxis = window.action(QStringLiteral("actionStepAxis"));
    ASSERT_NE(stepAxis, nullptr);
    stepAxis->setChecked(true);
    EXPECT_EQ(window.timeline()->axis(), TimelineAxis::Steps);
    stepAxis->trigger();
    EXPECT_EQ(window.timeline()->axis(), TimelineAxis::Time);
    EXPECT_FALSE(AppSettings().stepAxis());  // remembered
    stepAxis->trigger();
    EXPECT_EQ(window.timeline()->axis(), TimelineAxis::Steps);
    EXPECT_TRUE(AppSettings().stepAxis());
    // On the step axis the first and the last call sit whole steps apart, however long the
    // person waited between them.
    const Trace& trace = window.document()->trace();
    const AxisMapping mapping = window.timeline()->mapping();
    const StepAxis& steps = window.timeline()->index().stepAxis();
    EXPECT_GE(steps.count(), 6u);
    const double first = mapping.toPixel(steps.stepStart(0));
    const double second = mapping.toPixel(steps.stepStart(1));
    const double last = mapping.toPixel(steps.stepStart(steps.count() - 1));
    EXPECT_NEAR(last - first, (second - first) * static_cast<double>(steps.count() - 1), 0.5);
    EXPECT_GT(trace.size(), 0u);
}

TEST_F(WindowTest, DefaultSession_F10StepsAWholeMd5LoopbackCallByCall)
{
    start(SessionSetup{});
    const Trace& trace = window.document()->trace();
    EXPECT_EQ(trace.size(), 0u);  // nothing run yet
    bool sawChallenge = false;
    for (int presses = 0; presses < 80 && !test::finished(window); ++presses) {
        const std::size_t before = trace.size();
        ASSERT_TRUE(press(window, Qt::Key_F10));
        ASSERT_GT(trace.size(), before) << "F10 did nothing at press " << presses;
        EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(trace.size()));
        const auto challenge = firstPacket(trace, 1, 4);
        if (challenge && !sawChallenge) {
            sawChallenge = true;
            // Selecting the packet row shows it in the inspector and on the timeline.
            window.selection()->select(*challenge);
            EXPECT_EQ(window.eventTable()->currentEvent(), *challenge);
            EXPECT_TRUE(window.inspector()->headline().contains(QStringLiteral("MD5-Challenge")))
                << window.inspector()->headline().toStdString();
            EXPECT_EQ(window.inspector()->currentPacket(), trace.packets()[challenge->value()]);
            EXPECT_EQ(window.timeline()->selectedEvent(), *challenge);
        }
    }
    ASSERT_EQ(window.controller()->state(), SessionController::State::Finished);
    EXPECT_TRUE(sawChallenge);
    EXPECT_TRUE(firstPacket(trace, 2, 4).has_value());  // the peer answered
    EXPECT_FALSE(hasFinding(trace, "CRASH"));
    const ContextsModel* contexts = window.contexts()->model();
    ASSERT_EQ(contexts->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        EXPECT_EQ(contexts->data(contexts->index(r, ContextsModel::StateColumn)).toString(),
                  QStringLiteral("ended"));
    }
}

TEST_F(WindowTest, StepBack_RestoresThePreviousStepWithTheSameChallenge)
{
    start(SessionSetup{});
    const Trace& trace = window.document()->trace();
    for (int i = 0; i < 40 && challengeBytes(trace).empty(); ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));
    }
    const std::vector<std::uint8_t> challenge = challengeBytes(trace);
    ASSERT_FALSE(challenge.empty());
    ASSERT_TRUE(press(window, Qt::Key_F10));
    const std::size_t afterNext = trace.size();
    ASSERT_TRUE(window.controller()->canStepBack()) << window.controller()->stepBackReason().toStdString();
    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    EXPECT_LT(trace.size(), afterNext);
    EXPECT_TRUE(challengeBytes(trace).empty()) << "two steps back is before the challenge was sent";
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(trace.size()));
    ASSERT_TRUE(press(window, Qt::Key_F10));
    EXPECT_EQ(challengeBytes(trace), challenge)
        << "the host checkpoint brings the same random challenge back";
    EXPECT_TRUE(test::runToEnd(window));
    EXPECT_EQ(window.controller()->state(), SessionController::State::Finished);
}

TEST_F(WindowTest, Breakpoint_ContinueStopsAtRasEapEnd)
{
    start(SessionSetup{});
    window.controller()->setBreakpoints(
        {Breakpoint{Breakpoint::Kind::EntryPoint, static_cast<std::uint32_t>(EntryPoint::End), {}, true}});
    ASSERT_TRUE(press(window, Qt::Key_F5));
    const Trace& trace = window.document()->trace();
    ASSERT_FALSE(test::finished(window));
    const EventId current = window.selection()->current();
    ASSERT_TRUE(current.valid());
    EXPECT_EQ(trace.kinds()[current.value()], EventKind::CallStart);
    EXPECT_EQ(trace.entries()[current.value()], EntryPoint::End);
    // Nothing after the stop point but the rest of that one call.
    for (std::size_t i = 0; i < current.value(); ++i) {
        EXPECT_FALSE(trace.kinds()[i] == EventKind::CallStart && trace.entries()[i] == EntryPoint::End);
    }
}

TEST_F(WindowTest, TrainingLeak_FindingAppearsAndSelectsItsCall)
{
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    start(setup);
    ASSERT_TRUE(test::runToEnd(window));
    const Trace& trace = window.document()->trace();
    ASSERT_TRUE(hasFinding(trace, "HEAP_LEAK"));
    const FindingsModel* findings = window.findings()->model();
    int row = -1;
    for (int r = 0; r < findings->rowCount(); ++r) {
        if (findings->data(findings->index(r, 0), FindingsModel::RuleRole).toString() ==
            QStringLiteral("HEAP_LEAK")) {
            row = r;
        }
    }
    ASSERT_GE(row, 0);
    window.findings()->activateRow(row);
    const EventId call(findings->data(findings->index(row, 0), FindingsModel::CallRole).toUInt());
    EXPECT_EQ(window.selection()->current(), call);
    EXPECT_EQ(window.eventTable()->currentEvent(), call);
    EXPECT_EQ(trace.kinds()[call.value()], EventKind::CallStart);
    EXPECT_TRUE(window.findings()->detailsText().contains(QStringLiteral("RASEAP.md")))
        << window.findings()->detailsText().toStdString();
    EXPECT_EQ(window.timeline()->selectedEvent(), call);
}

TEST_F(WindowTest, CrashingMethod_LeavesTheWindowAliveWithABannerAndRestartWorks)
{
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-crash-in-end");
    start(setup);
    ASSERT_TRUE(test::runToEnd(window));
    const Trace& trace = window.document()->trace();
    EXPECT_TRUE(hasFinding(trace, "CRASH"));
    EXPECT_TRUE(window.bannerVisible());
    EXPECT_TRUE(window.bannerText().contains(QStringLiteral("crashed"))) << window.bannerText().toStdString();
    EXPECT_TRUE(window.isVisible());
    // The crash is a finding of an unsaved run: Restart asks first (recording_tests.cpp).
    test::BoxAnswerer discard(QStringLiteral("unsavedFindingsQuestion"),
                              [](QMessageBox& box) { return box.button(QMessageBox::Discard); });
    ASSERT_TRUE(press(window, Qt::Key_R, Qt::ControlModifier));
    EXPECT_TRUE(discard.answered().seen);
    EXPECT_EQ(window.document()->trace().size(), 0u);
    EXPECT_FALSE(window.bannerVisible());
    // Offscreen there is no window manager to give the window back its focus after the box.
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(press(window, Qt::Key_F10));
    EXPECT_GT(window.document()->trace().size(), 0u);
}

int leakedBlocks(const MainWindow& window)
{
    int leaked = 0;
    for (const TimelineLane& lane : window.timeline()->index().lanes()) {
        for (const LaneBlock& block : lane.blocks) {
            leaked += block.block.leaked ? 1 : 0;
        }
    }
    return leaked;
}

int blockCount(const MainWindow& window)
{
    int count = 0;
    for (const TimelineLane& lane : window.timeline()->index().lanes()) {
        count += static_cast<int>(lane.blocks.size());
    }
    return count;
}

TEST_F(WindowTest, Md5Loopback_TimelineShowsNoLeakOnceTheLedgerExcusesRetainedBlocks)
{
    start(SessionSetup{});
    ASSERT_TRUE(test::runToEnd(window));
    ASSERT_EQ(window.controller()->state(), SessionController::State::Finished);
    const Trace& trace = window.document()->trace();
    EXPECT_FALSE(hasFinding(trace, "HEAP_LEAK"));
    EXPECT_GT(blockCount(window), 0) << "the tracer reported md5's blocks";
    EXPECT_EQ(leakedBlocks(window), 0) << "RETAINED blocks (OpenSSL's) are not leaks";
    // Step back keeps following the ledger.
    ASSERT_TRUE(window.controller()->canStepBack()) << window.controller()->stepBackReason().toStdString();
    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    EXPECT_EQ(leakedBlocks(window), 0);
}

TEST_F(WindowTest, TrainingLeak_TimelineStillShowsTheLeakedBlocks)
{
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    start(setup);
    ASSERT_TRUE(test::runToEnd(window));
    ASSERT_TRUE(hasFinding(window.document()->trace(), "HEAP_LEAK"));
    EXPECT_GT(leakedBlocks(window), 0);
}

TEST_F(WindowTest, OpenCapture_ShowsPacketRowsAndOneLanePerConversation)
{
    const QString path = QStringLiteral(EAPSCOPE_SHARED_DIR "/captures/public/eapmd5pass-brad.eaptest2.cap");
    ASSERT_EQ(window.openFileNow(path), QString());
    const Trace& trace = window.document()->trace();
    ASSERT_GT(trace.size(), 0u);
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(trace.size()));
    const auto challenge = firstPacket(trace, 1, 4);
    ASSERT_TRUE(challenge.has_value()) << "no MD5-Challenge Packet row";
    EXPECT_GE(window.contexts()->model()->rowCount(), 1);
    window.selection()->select(*challenge);
    EXPECT_TRUE(window.inspector()->headline().contains(QStringLiteral("MD5-Challenge")))
        << window.inspector()->headline().toStdString();
    EXPECT_GE(window.timeline()->laneCount(), 1u);
}

TEST_F(WindowTest, OpenNonCapture_NamesTheFileAndKeepsTheSession)
{
    start(SessionSetup{});
    ASSERT_TRUE(press(window, Qt::Key_F10));
    const std::size_t before = window.document()->trace().size();
    ASSERT_GT(before, 0u);
    const QString path = QStringLiteral(EAPSCOPE_SOURCE_DIR "/README.md");
    const QString error = window.openFileNow(path);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_EQ(window.document()->trace().size(), before);
    EXPECT_NE(window.controller()->state(), SessionController::State::Viewing);
}

TEST_F(WindowTest, FailedOpen_ClosesItsProgressBeforeTheErrorBox)
{
    // An unreadable file: the error box must be the only dialog on screen, also once the
    // progress dialog's own show delay (300 ms) has passed while the box is open.
    const QString path = QDir::temp().filePath(QStringLiteral("eapscope-garbage.eapscope"));
    QFile garbage(path);
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write("garbage, neither a session file nor a capture\n");
    garbage.close();
    bool boxSeen = false;
    QString boxText;
    int progressVisibleWithBox = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &window, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr) {
            return;
        }
        if (!boxSeen) {
            boxSeen = true;
            boxText = box->text();
            QTimer::singleShot(700, box, [&, box] {
                for (QProgressDialog* progress : window.findChildren<QProgressDialog*>()) {
                    progressVisibleWithBox += progress->isVisible() ? 1 : 0;
                }
                box->accept();
            });
        }
    });
    poll.start(10);
    window.openFile(path);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return boxSeen && QApplication::activeModalWidget() == nullptr; }, 30000));
    EXPECT_TRUE(boxText.contains(path)) << boxText.toStdString();
    EXPECT_EQ(progressVisibleWithBox, 0);
    EXPECT_TRUE(window.findChildren<QProgressDialog*>().isEmpty());
    // The failed load's thread deletes itself when it finishes (deleteLater): let that happen
    // before the window goes, or LeakSanitizer reports the QThread.
    QTest::qWait(300);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QFile::remove(path);  // the suite leaves nothing in /tmp
}

}  // namespace
}  // namespace eapscope::ui
