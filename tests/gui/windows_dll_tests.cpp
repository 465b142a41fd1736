// The GUI with Windows x64 DLLs (DESIGN.md "Windows methods"), offscreen over real sessions in
// eapscope-host.exe under Wine: session setup takes a .dll, the timeline shows the DLL's work
// buffer and heap blocks per context, step back brings the same challenge back. Under Xvfb a
// screenshot of the heap-leak training DLL's session goes to <build>/screenshots/.
#include "controller/session_controller.h"
#include "models/findings_model.h"
#include "session/session_document.h"
#include "window/findings_dock.h"
#include "window/main_window.h"
#include "window/session_setup_dialog.h"
#include "window_driver.h"

#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPixmap>

#include <gtest/gtest.h>

#include <iostream>

namespace eapscope::ui {
namespace {

using test::press;

QString windowsMethod(const char* name)
{
    return QStringLiteral(EAPSCOPE_BINARY_DIR "/lib/eapscope/methods-windows/") + QLatin1String(name) +
           QStringLiteral(".dll");
}

bool hasFinding(const Trace& trace, std::string_view rule)
{
    return std::any_of(trace.findings().begin(), trace.findings().end(),
                       [&](const FindingRecord& f) { return f.rule == rule; });
}

std::vector<std::uint8_t> challengeBytes(const Trace& trace)
{
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet) {
            continue;
        }
        const auto bytes = trace.packet(trace.packets()[i]);
        if (bytes.size() >= 5 && bytes[0] == 1 && bytes[4] == 4) {
            return {bytes.begin(), bytes.end()};
        }
    }
    return {};
}

/// The authenticator's context lanes (not its instance lane).
std::vector<const TimelineLane*> authenticatorContexts(const MainWindow& window)
{
    std::vector<const TimelineLane*> lanes;
    for (const TimelineLane& lane : window.timeline()->index().lanes()) {
        if (lane.side == Side::Authenticator && !lane.instance()) {
            lanes.push_back(&lane);
        }
    }
    return lanes;
}

TEST(WindowsDllSetup, SessionSetupDialog_TakesADllAndKeepsItIsolated)
{
    SessionSetup initial;
    initial.authenticatorMethod = windowsMethod("training-heap-leak");
    initial.isolated = false;
    SessionSetupDialog dialog(initial);
    const auto* info = dialog.findChild<QLabel*>(QStringLiteral("authenticatorInfo"));
    auto* isolated = dialog.findChild<QCheckBox*>(QStringLiteral("isolated"));
    auto* authenticator = dialog.findChild<QComboBox*>(QStringLiteral("authenticatorMethod"));
    ASSERT_NE(info, nullptr);
    ASSERT_NE(isolated, nullptr);
    ASSERT_NE(authenticator, nullptr);
    EXPECT_TRUE(info->text().contains(QStringLiteral("Windows x64 DLL"))) << info->text().toStdString();
    EXPECT_TRUE(info->text().contains(QStringLiteral("SHA-256"))) << info->text().toStdString();
    EXPECT_TRUE(isolated->isChecked()) << "a DLL runs only in the Windows host";
    EXPECT_FALSE(isolated->isEnabled());
    EXPECT_EQ(dialog.setup().authenticatorMethod, windowsMethod("training-heap-leak"));
    EXPECT_TRUE(dialog.setup().isolated);

    authenticator->setCurrentIndex(authenticator->findData(QStringLiteral("md5")));
    EXPECT_FALSE(info->text().contains(QStringLiteral("Windows"))) << info->text().toStdString();
    EXPECT_TRUE(isolated->isEnabled()) << "a .so may run in-process again";
}

class WindowsDllWindowTest : public ::testing::Test {
protected:
    void SetUp() override { window.show(); }
    void start(SessionSetup setup)
    {
        window.startSession(setup);
        ASSERT_TRUE(test::waitStarted(window));
    }
    MainWindow window;
};

TEST_F(WindowsDllWindowTest, HeapLeakDll_TimelineShowsItsWorkBufferAndHeapBlocksPerContext)
{
    SessionSetup setup;
    setup.authenticatorMethod = windowsMethod("training-heap-leak");
    setup.contexts = 2;
    start(setup);
    ASSERT_TRUE(test::runToEnd(window)) << window.controller()->lastStatus().toStdString();
    const Trace& trace = window.document()->trace();
    EXPECT_TRUE(hasFinding(trace, "HEAP_LEAK"));
    EXPECT_FALSE(hasFinding(trace, "CRASH"));
    const auto lanes = authenticatorContexts(window);
    ASSERT_EQ(lanes.size(), 2u);
    for (const TimelineLane* lane : lanes) {
        EXPECT_NE(lane->workBuffer, 0u) << lane->label;
        ASSERT_GE(lane->workBufferBlock, 0)
            << lane->label << ": the work buffer is one of the DLL's heap blocks";
        EXPECT_TRUE(lane->blocks[static_cast<std::size_t>(lane->workBufferBlock)].workBuffer);
        int leaked = 0;
        for (const LaneBlock& block : lane->blocks) {
            leaked += block.block.leaked ? 1 : 0;
        }
        EXPECT_GT(lane->blocks.size(), 1u) << lane->label;
        EXPECT_GT(leaked, 0) << lane->label << ": the blocks the DLL lost";
        EXPECT_TRUE(lane->ended()) << lane->label;
    }
}

TEST_F(WindowsDllWindowTest, Md5Dll_StepBackTwiceBringsTheSameChallengeBack)
{
    SessionSetup setup;
    setup.authenticatorMethod = windowsMethod("md5");
    start(setup);
    const Trace& trace = window.document()->trace();
    for (int i = 0; i < 40 && challengeBytes(trace).empty(); ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));
    }
    const std::vector<std::uint8_t> challenge = challengeBytes(trace);
    ASSERT_FALSE(challenge.empty());
    ASSERT_TRUE(press(window, Qt::Key_F10));
    ASSERT_TRUE(window.controller()->canStepBack()) << window.controller()->stepBackReason().toStdString();
    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    EXPECT_TRUE(challengeBytes(trace).empty()) << "two steps back is before the challenge was sent";
    ASSERT_TRUE(press(window, Qt::Key_F10));
    EXPECT_EQ(challengeBytes(trace), challenge) << "the replayed Windows host draws the same random bytes";
    EXPECT_TRUE(test::runToEnd(window));
    EXPECT_EQ(window.controller()->state(), SessionController::State::Finished);
    EXPECT_FALSE(hasFinding(trace, "CRASH"));
}

// Run under Xvfb (ctest gui_windows_screenshot): the window as a person sees it.
TEST(WindowsDllScreenshot, HeapLeakTrainingDllAfterThreeContexts)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::setActiveWindow(&window);
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    SessionSetup setup;
    setup.authenticatorMethod = windowsMethod("training-heap-leak");
    setup.contexts = 3;
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window, 400)) << window.controller()->lastStatus().toStdString();
    const FindingsModel* findings = window.findings()->model();
    for (int r = 0; r < findings->rowCount(); ++r) {
        if (findings->data(findings->index(r, 0), FindingsModel::RuleRole).toString() ==
            QStringLiteral("HEAP_LEAK")) {
            window.findings()->activateRow(r);
            break;
        }
    }
    window.timeline()->fitAll();
    QTest::qWait(200);
    const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/main_window_windows_dll_heap_leak.png");
    ASSERT_TRUE(window.grab().save(path));
    EXPECT_GT(QFileInfo(path).size(), 10000);
    std::cout << "screenshot: " << path.toStdString() << "\n";
}

}  // namespace
}  // namespace eapscope::ui
