// GoogleTest main for GUI tests: one QApplication for the whole run, settings isolated in
// QStandardPaths' test locations. Without a platform chosen by the caller the tests run
// offscreen: ctest's test discovery (--gtest_list_tests) starts this binary without the tests'
// ENVIRONMENT, and on a machine without a display xcb would abort before listing anything.
#include "window/language.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EapScopeTests"));
    // The English texts the tests expect, plural forms included, whatever the machine's locale.
    eapscope::ui::installTranslations(app, QStringLiteral("en"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
