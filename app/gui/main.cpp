// eapscope [SESSION_FILE] [--lesson NAME [--learner NAME]]: opens the main window on the default live session
// (bundled EAP-MD5 on both sides in loopback, alice/secret, nothing run yet), on a recorded
// session file, or on a bundled lesson with its dock and its own session.
#include "controller/session_setup.h"
#include "lesson/lesson_ui.h"
#include "replay/replay_dialog.h"
#include "window/app_settings.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("eapscope"));
    QApplication::setOrganizationName(QStringLiteral("EapScope"));
    QApplication::setApplicationVersion(QStringLiteral(EAPSCOPE_VERSION));
    eapscope::ui::installTranslations(app, eapscope::ui::AppSettings().language());
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A debugger for RAS EAP methods"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main", "Session file or capture (pcap, pcapng, optionally .gz) to open"));
    const QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QApplication::translate("main", "Open the bundled lesson NAME (see eapscope-cli lesson list)"),
        QStringLiteral("NAME"));
    parser.addOption(lesson);
    const QCommandLineOption learner(
        QStringLiteral("learner"),
        QApplication::translate("main", "Your name in lessons: it chooses your values (kept for next time)"),
        QStringLiteral("NAME"));
    parser.addOption(learner);
    parser.process(app);
    if (parser.isSet(learner)) {
        eapscope::ui::AppSettings().setLearnerName(parser.value(learner).trimmed());
    }

    eapscope::ui::applyTheme(app, eapscope::ui::themeFromString(eapscope::ui::AppSettings().theme()));
    eapscope::ui::MainWindow window;
    eapscope::ui::installReplayAction(window);
    eapscope::ui::LessonUi* lessons = eapscope::ui::installLessonUi(window);
    window.show();
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(lesson)) {
        const QString error = lessons->openLesson(parser.value(lesson));
        if (!error.isEmpty()) {
            QMessageBox::critical(&window, QApplication::translate("main", "Lesson"), error);
            return 2;
        }
    } else if (files.isEmpty()) {
        window.startSession(eapscope::ui::SessionSetup{});
    } else {
        window.openFile(files.first());
    }
    // Once the window is on screen: what a crashed or killed EapScope recorded is offered back.
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return QApplication::exec();
}
