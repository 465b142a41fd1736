// eapscope [SESSION_FILE]: opens the main window on the default live session (bundled EAP-MD5
// on both sides in loopback, alice/secret, nothing run yet), or on a recorded session file.
#include "controller/session_setup.h"
#include "replay/replay_dialog.h"
#include "window/app_settings.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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
    parser.process(app);

    eapscope::ui::applyTheme(app, eapscope::ui::themeFromString(eapscope::ui::AppSettings().theme()));
    eapscope::ui::MainWindow window;
    eapscope::ui::installReplayAction(window);
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        window.startSession(eapscope::ui::SessionSetup{});
    } else {
        window.openFile(files.first());
    }
    return QApplication::exec();
}
