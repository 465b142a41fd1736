// Screenshots under Xvfb of a lesson in progress (lesson 01, the EAP conversation, at its
// identity question with a wrong answer refused): normal and presenter mode (1280×720, the
// projector size), in English and in French. Written to <build>/screenshots/.
#include "lesson/lesson_dock.h"
#include "lesson/lesson_session.h"
#include "lesson/lesson_ui.h"
#include "session/session_document.h"
#include "window/main_window.h"
#include "window_driver.h"

#include "timeline/timeline_view.h"
#include "window/app_settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTranslator>

#include <gtest/gtest.h>

#include <iostream>

namespace eapscope::ui {
namespace {

void shoot(QLocale::Language language, bool presenter, const char* name)
{
    QLocale::setDefault(QLocale(language));
    QTranslator translator;
    if (language == QLocale::French && translator.load(QLocale(language), QStringLiteral("eapscope"),
                                                       QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }
    AppSettings settings;
    const QString learner = settings.learnerName();
    settings.setLearnerName(QStringLiteral("Ana"));  // the dock says whose values these are
    {
        MainWindow window;
        LessonUi* ui = installLessonUi(window);
        window.resize(presenter ? QSize(1280, 720) : QSize(1600, 1000));
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ui->session()->reset(QStringLiteral("eap-conversation"));  // not resumed from another shot
        ASSERT_EQ(ui->openLesson(QStringLiteral("eap-conversation")), QString());
        ASSERT_TRUE(test::waitStarted(window));
        LessonSession* session = ui->session();
        for (int i = 0; i < 12 && session->progress().doneCount == 0; ++i) {
            ASSERT_TRUE(test::press(window, Qt::Key_F10));
            session->evaluate();
        }
        for (int i = 0; i < 4; ++i) {
            ASSERT_TRUE(test::press(window, Qt::Key_F10));
        }
        ui->dock()->nextButton()->click();
        ui->dock()->answer()->setText(QStringLiteral("mallory"));
        ui->dock()->findChild<QPushButton*>(QStringLiteral("lessonCheck"))->click();
        ASSERT_TRUE(test::waitStarted(window));
        QTest::qWait(50);
        window.document()->flush();
        session->evaluate();
        if (presenter) {
            window.findChild<QAction*>(QStringLiteral("actionPresenter"))->trigger();
        }
        window.timeline()->fitAll();
        QTest::qWait(300);
        const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString path = dir + QLatin1Char('/') + QString::fromLatin1(name);
        ASSERT_TRUE(window.grab().save(path));
        EXPECT_GT(QFileInfo(path).size(), 10000);
        std::cout << "screenshot: " << path.toStdString() << "\n";
        if (presenter) {
            window.findChild<QAction*>(QStringLiteral("actionPresenter"))->trigger();
        }
    }
    settings.setLearnerName(learner);
    QApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::English));
}

TEST(Screenshot, LessonInProgressEnglish)
{
    shoot(QLocale::English, false, "lesson_en.png");
}

TEST(Screenshot, LessonInProgressEnglishPresenter)
{
    shoot(QLocale::English, true, "lesson_en_presenter_1280x720.png");
}

TEST(Screenshot, LessonInProgressFrench)
{
    shoot(QLocale::French, false, "lesson_fr.png");
}

TEST(Screenshot, LessonInProgressFrenchPresenter)
{
    shoot(QLocale::French, true, "lesson_fr_presenter_1280x720.png");
}

}  // namespace
}  // namespace eapscope::ui
