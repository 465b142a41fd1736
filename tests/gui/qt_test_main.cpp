// GoogleTest main for GUI tests: one QApplication for the whole run, settings isolated in
// QStandardPaths' test locations. Without a platform chosen by the caller the tests run
// offscreen: ctest's test discovery (--gtest_list_tests) starts this binary without the tests'
// ENVIRONMENT, and on a machine without a display xcb would abort before listing anything.
// Those test locations live under $HOME (~/.qttest): each run gets its own home in a temporary
// folder removed at exit, so the cache recordings and settings of the tests leave nothing behind.
// A child process a test starts (EAPSCOPE_TEST_HOME set) shares its parent's home.
#include "window/language.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    std::optional<QTemporaryDir> home;
    if (qEnvironmentVariableIsEmpty("EAPSCOPE_TEST_HOME")) {
        home.emplace();
        if (!home->isValid()) {
            return 2;
        }
        qputenv("HOME", home->path().toLocal8Bit());
        qputenv("EAPSCOPE_TEST_HOME", home->path().toLocal8Bit());
    }
    QStandardPaths::setTestModeEnabled(true);
    int status = 0;
    {
        QApplication app(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("EapScopeTests"));
        // The English texts the tests expect, plural forms included, whatever the machine's locale.
        eapscope::ui::installTranslations(app, QStringLiteral("en"));
        ::testing::InitGoogleTest(&argc, argv);
        status = RUN_ALL_TESTS();
    }
    return status;
}
