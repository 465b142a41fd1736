// Save As writes what ran: the file reopens (without loading a method) as the trace the window
// shows, and the window can open it again (issue 5 "Done when": save the session).
#include "controller/session_controller.h"
#include "session/session_document.h"
#include "store/session_reader.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

TEST(SaveSession, SaveAsAfterAFinishedRunReopensAsTheSameTrace)
{
    MainWindow window;
    window.show();
    window.startSession(SessionSetup{});
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window));
    const Trace& shown = window.document()->trace();
    ASSERT_GT(shown.size(), 10u);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("saved.eapscope"));
    bool done = false;
    QString error;
    window.controller()->saveAs(path, [&](const QString& message) {
        error = message;
        done = true;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 30000));
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();

    auto reopened = readSession(path.toStdString());
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    EXPECT_FALSE(sessionIsIncomplete(*reopened));
    ASSERT_EQ(reopened->size(), shown.size());
    EXPECT_EQ(reopened->findings().size(), shown.findings().size());
    EXPECT_EQ(reopened->contexts().size(), shown.contexts().size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const EventId id(static_cast<std::uint32_t>(i));
        ASSERT_EQ(reopened->kinds()[i], shown.kinds()[i]) << "event " << i;
        ASSERT_EQ(reopened->times()[i], shown.times()[i]) << "event " << i;
        const auto a = reopened->packet(reopened->packets()[i]);
        const auto b = shown.packet(shown.packets()[i]);
        ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << "packet of event " << i;
        (void)id;
    }
}

}  // namespace
}  // namespace eapscope::ui
