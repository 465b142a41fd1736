// The sentences the engine makes (a finding's message, the status line of each step) read in
// the window's language, while the record keeps them in English for the CLI and its JSON:
// training-heap-leak against md5, stepped and run offscreen, in French and in English.
#include "models/findings_model.h"
#include "session/session_document.h"
#include "window/findings_dock.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QApplication>
#include <QStatusBar>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

struct Expected {
    QString language;
    QString leak;           // the HEAP_LEAK finding's message
    QString initialized;    // the status line after RasEapInitialize(TRUE)
    QString madeMessage;    // the start of the status line after a RasEapMakeMessage
    QString uninitialized;  // the status line after RasEapInitialize(FALSE)
};

class EngineText : public ::testing::TestWithParam<Expected> {
protected:
    void SetUp() override { installTranslations(*QCoreApplication::instance(), GetParam().language); }
    void TearDown() override { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }
};

QString findingMessage(const MainWindow& window, const QString& rule)
{
    const FindingsModel* findings = window.findings()->model();
    for (int r = 0; r < findings->rowCount(); ++r) {
        if (findings->data(findings->index(r, 0), FindingsModel::RuleRole).toString() == rule) {
            return findings->data(findings->index(r, FindingsModel::MessageColumn)).toString();
        }
    }
    return {};
}

TEST_P(EngineText, TheFindingAndTheStatusLineReadInTheWindowsLanguage)
{
    const Expected& expected = GetParam();
    MainWindow window;
    window.show();
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    QStringList statusLines;
    for (int i = 0; i < 400 && !test::finished(window); ++i) {
        const bool waiting = window.controller()->state() == SessionController::State::Waiting;
        ASSERT_TRUE(waiting ? test::press(window, Qt::Key_T, Qt::ControlModifier)
                            : test::press(window, Qt::Key_F10));
        statusLines << window.statusBar()->currentMessage();
    }
    ASSERT_TRUE(test::finished(window));
    EXPECT_TRUE(statusLines.contains(expected.initialized)) << statusLines.join(u'\n').toStdString();
    EXPECT_TRUE(statusLines.contains(expected.uninitialized)) << statusLines.join(u'\n').toStdString();
    EXPECT_TRUE(std::any_of(statusLines.begin(), statusLines.end(), [&](const QString& line) {
        return line.startsWith(expected.madeMessage);
    })) << statusLines.join(u'\n').toStdString();
    EXPECT_EQ(findingMessage(window, QStringLiteral("HEAP_LEAK")), expected.leak);
    // The record stays English whatever the window shows: the CLI, its JSON and session files.
    const auto& findings = window.document()->trace().findings();
    const auto leak = std::find_if(findings.begin(), findings.end(),
                                   [](const FindingRecord& f) { return f.rule == "HEAP_LEAK"; });
    ASSERT_NE(leak, findings.end());
    EXPECT_EQ(leak->message,
              "64 bytes in 1 block allocated by context 1's calls still live after RasEapEnd returned");
}

INSTANTIATE_TEST_SUITE_P(
    Languages, EngineText,
    ::testing::Values(
        Expected{QStringLiteral("fr"),
                 QStringLiteral(
                     "64 octets en 1 bloc alloués par les appels du contexte 1, encore vivants après le "
                     "retour de RasEapEnd"),
                 QStringLiteral("RasEapInitialize(TRUE) a renvoyé 0"),
                 QStringLiteral("RasEapMakeMessage a renvoyé 0, "),
                 QStringLiteral("RasEapInitialize(FALSE) a renvoyé 0")},
        Expected{
            QStringLiteral("en"),
            QStringLiteral(
                "64 bytes in 1 block allocated by context 1's calls still live after RasEapEnd returned"),
            QStringLiteral("RasEapInitialize(TRUE) returned 0"),
            QStringLiteral("RasEapMakeMessage returned 0, "),
            QStringLiteral("RasEapInitialize(FALSE) returned 0")}),
    [](const ::testing::TestParamInfo<Expected>& param) { return param.param.language.toStdString(); });

}  // namespace
}  // namespace eapscope::ui
