// Replay in the window (issue 6 part 5, GUI half): a captured EAP-MD5 conversation replayed
// with the bundled md5 as the peer, stepped with F10 as a person would; the method's packets
// are compared with the captured ones as they are sent.
#include "controller/session_controller.h"
#include "models/findings_model.h"
#include "replay/replay_dialog.h"
#include "session/session_document.h"
#include "window/findings_dock.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QAction>
#include <QApplication>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

const QString kCapture = QStringLiteral(EAPSCOPE_SHARED_DIR "/captures/public/eapmd5pass-brad.eaptest2.cap");

int divergences(const MainWindow& window)
{
    const FindingsModel* model = window.findings()->model();
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(FindingsModel::RuleRole).toString() ==
            QStringLiteral("REPLAY_DIVERGENCE")) {
            ++count;
        }
    }
    return count;
}

// F10 until the session ends (Ctrl+T when only a timer can move it on); false if it never ends.
bool stepToEnd(MainWindow& window, int presses = 100)
{
    for (int i = 0; i < presses && !test::finished(window); ++i) {
        const bool waiting = window.controller()->state() == SessionController::State::Waiting;
        if (!(waiting ? test::press(window, Qt::Key_T, Qt::ControlModifier)
                      : test::press(window, Qt::Key_F10))) {
            return false;
        }
    }
    return test::finished(window);
}

class ReplayWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window_.show();
        installReplayAction(window_);
    }

    void replay(const QString& password)
    {
        SessionSetup setup;
        const QString error =
            makeReplaySetup(kCapture, 1, Side::Peer, QStringLiteral("md5"), password, setup);
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        window_.startSession(setup);
        ASSERT_TRUE(test::waitStarted(window_));
        ASSERT_TRUE(stepToEnd(window_));
        window_.document()->flush();
    }

    MainWindow window_;
};

TEST_F(ReplayWindowTest, ReplayActionIsInTheSessionMenu)
{
    EXPECT_NE(window_.findChild<QAction*>(QStringLiteral("actionReplay")), nullptr);
}

TEST_F(ReplayWindowTest, RightPasswordReplaysWithoutDivergence)
{
    replay(QStringLiteral("bradtest"));
    EXPECT_EQ(window_.controller()->state(), SessionController::State::Finished);
    EXPECT_EQ(divergences(window_), 0);
    // The method really ran: it sent its Identity and MD5 responses.
    EXPECT_GT(window_.document()->trace().size(), 10U);
}

TEST_F(ReplayWindowTest, WrongPasswordShowsReplayDivergence)
{
    replay(QStringLiteral("not-the-password"));
    EXPECT_GE(divergences(window_), 1);
}

TEST(ReplaySetup, UnknownConversationIsAnError)
{
    SessionSetup setup;
    const QString error = makeReplaySetup(kCapture, 7, Side::Peer, QStringLiteral("md5"), {}, setup);
    EXPECT_TRUE(error.contains(QStringLiteral("no conversation 7"))) << error.toStdString();
    EXPECT_EQ(setup.replay, nullptr);
}

}  // namespace
}  // namespace eapscope::ui
