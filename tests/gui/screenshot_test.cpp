// Screenshot under Xvfb (issue 5 "Tests and evidence"): the main window after a finished
// 3-context run with a leaking training method, written to <build>/screenshots/.
#include "models/findings_model.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "window/certificate_dialog.h"
#include "window/conversations_dock.h"
#include "window/findings_dock.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window_driver.h"

#include "timeline/timeline_view.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QScreen>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

TEST(Screenshot, MainWindowAfterThreeContextRunWithLeakingMethod)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    // No window manager under Xvfb: activate by hand so the debugger keys reach the window.
    QApplication::setActiveWindow(&window);
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    setup.contexts = 3;
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    EXPECT_TRUE(test::runToEnd(window, 400)) << "state " << static_cast<int>(window.controller()->state())
                                             << ": " << window.controller()->lastStatus().toStdString();
    const FindingsModel* findings = window.findings()->model();
    ASSERT_GT(findings->rowCount(), 0);
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
    const QString path = dir + QStringLiteral("/main_window_3ctx_heap_leak.png");
    const QPixmap shot = window.grab();
    ASSERT_TRUE(shot.save(path));
    EXPECT_GT(QFileInfo(path).size(), 10000);
    std::cout << "screenshot: " << path.toStdString() << "\n";
}

TEST(Screenshot, MainWindowWithAnOpenedCapture)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openFileNow(
                  QStringLiteral(EAPSCOPE_SHARED_DIR "/captures/public/eapmd5pass-brad.eaptest2.cap")),
              QString());
    const Trace& trace = window.document()->trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {  // show the first MD5-Challenge in the inspector
        const auto bytes = trace.kinds()[i] == EventKind::Packet ? trace.packet(trace.packets()[i])
                                                                 : std::span<const std::uint8_t>{};
        if (bytes.size() >= 5 && bytes[0] == 1 && bytes[4] == 4) {
            window.selection()->select(EventId(static_cast<std::uint32_t>(i)));
            break;
        }
    }
    window.timeline()->fitAll();
    QTest::qWait(200);
    const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/main_window_capture_md5.png");
    ASSERT_TRUE(window.grab().save(path));
    EXPECT_GT(QFileInfo(path).size(), 10000);
    std::cout << "screenshot: " << path.toStdString() << "\n";
}

// Issue 14 "French": the same run with the interface in French, to look at (nothing truncated,
// no English left).
TEST(Screenshot, MainWindowInFrenchAfterARunWithFindings)
{
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QApplication::setActiveWindow(&window);
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        SessionSetup setup;
        setup.authenticatorMethod = QStringLiteral("training-heap-leak");
        setup.contexts = 2;
        window.startSession(setup);
        ASSERT_TRUE(test::waitStarted(window));
        EXPECT_TRUE(test::runToEnd(window, 400));
        const FindingsModel* findings = window.findings()->model();
        ASSERT_GT(findings->rowCount(), 0);
        window.findings()->activateRow(0);
        window.timeline()->fitAll();
        QTest::qWait(200);
        const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/main_window_fr.png");
        ASSERT_TRUE(window.grab().save(path));
        EXPECT_GT(QFileInfo(path).size(), 10000);
        std::cout << "screenshot: " << path.toStdString() << "\n";
    }
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
}

// Issue 10: a failed PEAP conversation selected: the table and the timeline show it alone, the
// timeline as a ladder of arrows between the authenticator and the peer.
TEST(Screenshot, CaptureConversationSelectedAsALadder)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openFileNow(QStringLiteral(EAPSCOPE_SOURCE_DIR
                                                "/tests/data/captures/diagnosis/peap-wrong-password.pcapng")),
              QString());
    ConversationsDock* dock = window.conversations();
    dock->selectConversation(0);
    dock->activateReason(0);
    QTest::qWait(300);
    const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/capture_conversation_ladder.png");
    ASSERT_TRUE(window.grab().save(path));
    EXPECT_GT(QFileInfo(path).size(), 10000);
    std::cout << "screenshot: " << path.toStdString() << "\n";
}

// Shows `window` at 1600x1000 with `capture` open, lands on its first conversation's first
// reason and opens the first certificate sent in the clear over the window; `dialog` is the viewer.
void openFirstCertificate(MainWindow& window, const QString& capture, CertificateDialog*& dialog)
{
    window.resize(1600, 1000);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openFileNow(capture), QString());
    ConversationsDock* dock = window.conversations();
    dock->selectConversation(0);
    dock->activateReason(0);
    ASSERT_GE(dock->certificates()->count(), 1);
    dock->openCertificate(0);
    dialog = dock->findChild<CertificateDialog*>();
    ASSERT_NE(dialog, nullptr);
    dialog->move(window.geometry().center() - QPoint(dialog->width() / 2, dialog->height() / 2 - 150));
    QTest::qWait(300);
}

TEST(Screenshot, FailedEapTlsConversationWithItsExpiredCertificateOpen)
{
    MainWindow window;
    CertificateDialog* dialog = nullptr;
    // Its first reason is CERTIFICATE_EXPIRED: it lands on the Certificate frame.
    ASSERT_NO_FATAL_FAILURE(openFirstCertificate(
        window,
        QStringLiteral(EAPSCOPE_SOURCE_DIR "/tests/data/captures/diagnosis/tls-server-cert-expired.pcapng"),
        dialog));
    const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // The whole screen, so the viewer shows over the window as a person sees it.
    const QString path = dir + QStringLiteral("/capture_tls_expired_certificate.png");
    ASSERT_TRUE(window.screen()->grabWindow(0).save(path));
    EXPECT_GT(QFileInfo(path).size(), 10000);
    const QString viewer = dir + QStringLiteral("/certificate_viewer.png");
    ASSERT_TRUE(dialog->grab().save(viewer));
    std::cout << "screenshot: " << path.toStdString() << "\nscreenshot: " << viewer.toStdString() << "\n";
}

// Issue 14 "French": the certificate viewer of a failed EAP-TLS capture (the server's certificate
// is weak) and the Open box of a damaged session file, with the interface in French.
TEST(Screenshot, FrenchCertificateViewerOfAWeakServerCertificate)
{
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    {
        MainWindow window;
        CertificateDialog* dialog = nullptr;
        ASSERT_NO_FATAL_FAILURE(openFirstCertificate(
            window,
            QStringLiteral(EAPSCOPE_SOURCE_DIR "/tests/data/captures/diagnosis/tls-weak-server-cert.pcapng"),
            dialog));
        const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/capture_tls_weak_certificate_fr.png");
        ASSERT_TRUE(window.screen()->grabWindow(0).save(path));
        EXPECT_GT(QFileInfo(path).size(), 10000);
        std::cout << "screenshot: " << path.toStdString() << "\n";
        dialog->close();
    }
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
}

TEST(Screenshot, FrenchOpenBoxOfADamagedSessionFile)
{
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("cut-short.eapscope"));
        {
            // A session file cut in transfer: the SQLite header says 32 pages of 4096 bytes.
            QByteArray bytes("SQLite format 3", 16);
            bytes.append(QByteArray(4096 - 16, '\0'));
            bytes[16] = 0x10;  // page size 4096
            bytes[17] = 0x00;
            bytes[24] = bytes[92] = 0;
            bytes[27] = bytes[95] = 1;  // change counter == version valid for
            bytes[31] = 32;             // 32 pages
            QFile file(path);
            ASSERT_TRUE(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        const QString dir = QStringLiteral(EAPSCOPE_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString shot = dir + QStringLiteral("/open_error_fr.png");
        bool saved = false;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &window, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box == nullptr || saved) {
                return;
            }
            saved = true;
            QTimer::singleShot(300, box, [&, box] {
                box->move(window.geometry().center() - QPoint(box->width() / 2, box->height() / 2));
                QTest::qWait(100);
                EXPECT_TRUE(window.screen()->grabWindow(0).save(shot));
                box->accept();
            });
        });
        poll.start(10);
        window.openFile(path);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return saved && QApplication::activeModalWidget() == nullptr; }, 30000));
        EXPECT_GT(QFileInfo(shot).size(), 10000);
        std::cout << "screenshot: " << shot.toStdString() << "\n";
        QTest::qWait(300);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
}

}  // namespace
}  // namespace eapscope::ui
