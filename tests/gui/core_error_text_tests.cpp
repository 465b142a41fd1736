// Issue 14 "French": what core says when something goes wrong reads in French in a French window,
// while the record, the CLI and its JSON keep the same English, byte for byte. Each path a person
// meets is driven as the window drives it: the load findings the controller itself makes (no
// host can run the library, the library crashes its host while loading), a file that is not a
// session or a capture (the Open dialog's text), a lesson file with an error, a session that
// cannot be saved, a RADIUS server that cannot be addressed, and a weak certificate in the
// certificate dialog and the diagnosis. What a program wrote (a path, libpcap's or yaml-cpp's
// words) stays as written.
#include "../host/host_test_support.h"
#include "models/contexts_model.h"
#include "models/conversations_model.h"
#include "session/capture_session.h"
#include "window/certificate_dialog.h"
#include "window/contexts_dock.h"
#include "window/conversations_dock.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window_driver.h"

#include "checker/contract_checker.h"
#include "diagnosis/capture_diagnosis.h"
#include "engine/session_runner.h"
#include "host/host_executor.h"
#include "lesson/lesson_library.h"
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "text/core_text.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QListWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <fstream>

namespace eapscope::ui {
namespace {

class CoreErrorText : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir_.isValid());
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    }
    void TearDown() override { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }

    /// A file of the temporary folder with `bytes` in it; its path.
    std::string file(const char* name, std::string_view bytes) const
    {
        const std::string path = dir_.filePath(QString::fromUtf8(name)).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    static QString q(const std::string& text) { return QString::fromStdString(text); }

    QTemporaryDir dir_;
};

/// The one load finding of `report`, as the checker records it.
FindingRecord loadFinding(const LoadReport& report)
{
    EXPECT_FALSE(report.ok);
    const auto findings = ContractChecker().checkLoad(report, Side::Authenticator, EventId());
    EXPECT_EQ(findings.size(), 1u) << report.error;
    return findings.empty() ? FindingRecord{} : findings.front();
}

TEST_F(CoreErrorText, LoadFindingsTheControllerMakesReadInFrenchAndStayEnglishInTheRecord)
{
    HostOptions options;
    options.heapTracking = false;

    // A 32-bit DLL: refused before any host starts.
    std::string pe(0x60, '\0');
    pe.replace(0, 2, "MZ");
    pe[0x3C] = 0x40;
    pe.replace(0x40, 4, std::string("PE\0\0", 4));
    pe[0x44] = 0x4C;
    pe[0x45] = 0x01;  // IMAGE_FILE_MACHINE_I386
    pe[0x58] = 0x0B;
    pe[0x59] = 0x01;  // PE32
    const std::string dll = file("old32.dll", pe);
    const FindingRecord old32 =
        loadFinding(HostExecutor(options).load(LoadRequest{dll, "old32", std::nullopt}));
    EXPECT_EQ(old32.rule, "LOAD_LIBRARY_FAILED");
    EXPECT_EQ(old32.message, dll +
                                 " is a 32-bit Windows DLL (PE32, machine i386); EapScope loads 64-bit "
                                 "methods: build it for x64 (PE32+)");
    EXPECT_EQ(
        findingMessageText(old32),
        q(dll) + QStringLiteral(" est une DLL Windows 32 bits (PE32, machine i386) ; EapScope charge des "
                                "méthodes 64 bits : compilez-la pour x64 (PE32+)"));

    // No host can be started.
    HostOptions noHost = options;
    noHost.hostPath = dir_.filePath(QStringLiteral("no-eapscope-host")).toStdString();
    const std::string so = file("any.so", "not read\n");
    const FindingRecord unstarted =
        loadFinding(HostExecutor(noHost).load(LoadRequest{so, "any", std::nullopt}));
    EXPECT_EQ(unstarted.rule, "LOAD_LIBRARY_FAILED");
    EXPECT_EQ(unstarted.message, "cannot start the method host " + noHost.hostPath +
                                     ": No such file or directory (is eapscope-host built next to this "
                                     "program?)");
    EXPECT_EQ(findingMessageText(unstarted),
              QStringLiteral("impossible de démarrer l’hôte de méthodes ") + q(noHost.hostPath) +
                  QStringLiteral(" : Aucun fichier ou dossier de ce nom (eapscope-host est-il compilé à côté "
                                 "de ce programme ?)"));

    // The library crashes its host in RasEapGetInfo.
    const testing::FaultEnv fault("segv@getinfo");
    const std::string faults = testing::hostFaultsMethod();
    const FindingRecord crash =
        loadFinding(HostExecutor(options).load(LoadRequest{faults, "host-faults", std::nullopt}));
    EXPECT_EQ(crash.rule, "CRASH");
    EXPECT_EQ(crash.message, "loading " + faults +
                                 " failed in the method host: RasEapGetInfo crashed the method host: SIGSEGV "
                                 "(Segmentation fault)");
    EXPECT_EQ(findingMessageText(crash),
              QStringLiteral("le chargement de ") + q(faults) +
                  QStringLiteral(" a échoué dans l’hôte de méthodes : RasEapGetInfo a planté l’hôte de "
                                 "méthodes : SIGSEGV (Erreur de segmentation)"));
}

// The text MainWindow's Open box shows (openFileNow returns it), for a file that is not a session
// and for one that is damaged; the CLI's message for the same file is unchanged.
TEST_F(CoreErrorText, OpenErrorsReadInFrenchAndTheCoreMessageStaysEnglish)
{
    MainWindow window;
    const std::string corrupt =
        file("corrupt.eapscope", std::string("SQLite format 3\0", 16) + std::string(4080, '\0'));
    EXPECT_EQ(readSession(corrupt).error(),
              corrupt + ": not an EapScope session file (not an SQLite database, or damaged)");
    EXPECT_EQ(window.openFileNow(q(corrupt)),
              q(corrupt) + QStringLiteral(" : pas un fichier de session EapScope (pas une base de données "
                                          "SQLite, ou endommagé)"));

    const std::string garbage = file("garbage.eapscope", "garbage, neither a session file nor a capture\n");
    EXPECT_EQ(
        window.openFileNow(q(garbage)),
        q(garbage) + QStringLiteral(" : ni un fichier de session EapScope ni une capture qu’EapScope sait "
                                    "lire (attendu : un fichier de session enregistré par EapScope, ou "
                                    "pcap ou pcapng, éventuellement compressé par gzip)"));
    const std::string missing = dir_.filePath(QStringLiteral("missing.eapscope")).toStdString();
    EXPECT_EQ(window.openFileNow(q(missing)),
              q(missing) + QStringLiteral(" : impossible d’ouvrir : Aucun fichier ou dossier de ce nom"));

    // A capture libpcap refuses: its words stay as libpcap wrote them, the sentence around them is French.
    const std::string capture =
        file("bad.pcap", std::string("\xd4\xc3\xb2\xa1", 4) + std::string(40, '\xff'));
    EXPECT_EQ(window.openFileNow(q(capture)),
              QStringLiteral("« ") + q(capture) +
                  QStringLiteral(" » n’est pas un fichier de capture qu’EapScope sait lire (libpcap : "
                                 "unsupported pcap savefile version 65535.65535) ; attendu : pcap ou pcapng, "
                                 "éventuellement compressé par gzip"));
}

TEST_F(CoreErrorText, LessonSaveAndRadiusErrorsReadInFrench)
{
    // A lesson file with an error (LessonUi shows errorText(findLesson(…))).
    const std::string lesson = file("missing-fr.lesson", "format: 1\nid: x\ntitle: {en: a}\ntasks: []\n");
    const auto parsed = findLesson(lesson);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error(), lesson + ":3:8: title: missing the French text (fr)");
    EXPECT_EQ(errorText(parsed), q(lesson) + QStringLiteral(":3:8 : title : le texte français manque (fr)"));

    // A session that cannot be saved where asked.
    const auto writer = SessionWriter::create("/nonexistent/dir/x.eapscope", false);
    ASSERT_FALSE(writer);
    EXPECT_EQ(writer.error(), "/nonexistent/dir/x.eapscope: cannot open: unable to open database file");
    EXPECT_EQ(errorText(writer),
              QStringLiteral("/nonexistent/dir/x.eapscope : impossible d’ouvrir : impossible "
                             "d’ouvrir le fichier de base de données"));

    // A RADIUS server that cannot be addressed (the CLI's message names its option; the window says
    // what the option is).
    const auto server = connectRadiusServer("nosuchhost.invalid:1812", "s");
    ASSERT_FALSE(server);
    EXPECT_EQ(server.error(),
              "--radius: 'nosuchhost.invalid:1812': 'nosuchhost.invalid' is not an IPv4 address or known "
              "host name");
    EXPECT_EQ(errorText(server),
              QStringLiteral("serveur RADIUS : « nosuchhost.invalid:1812 » : « nosuchhost.invalid » "
                             "n’est ni une adresse IPv4 ni un nom d’hôte connu"));
}

// A failed EAP-TLS capture whose server certificate is weak: the dialog's key line and the
// CERTIFICATE_WEAK reason read in French; the diagnosis (the CLI's text) keeps its English.
TEST_F(CoreErrorText, CertificateWeaknessesReadInFrenchInTheDialogAndTheReason)
{
    MainWindow window;
    ASSERT_EQ(window.openFileNow(QStringLiteral(
                  EAPSCOPE_SOURCE_DIR "/tests/data/captures/diagnosis/tls-weak-server-cert.pcapng")),
              QString());
    ConversationsDock* dock = window.conversations();
    const CaptureSession* capture = window.document()->capture();
    ASSERT_NE(capture, nullptr);
    const Reason* weak = nullptr;
    for (const Reason& reason : capture->diagnosis.conversations.front().reasons) {
        weak = reason.id == reason::kCertificateWeak ? &reason : weak;
    }
    ASSERT_NE(weak, nullptr);
    EXPECT_EQ(weak->text(),
              "The server's certificate \"O=EapScope Tests,CN=radius.example.test\" is weak: SHA-1 "
              "signature (sha1WithRSAEncryption), RSA key of 1024 bits.");
    EXPECT_EQ(
        ConversationsModel::reasonText(*weak),
        QStringLiteral("Le certificat du serveur « O=EapScope Tests,CN=radius.example.test » est faible : "
                       "signature SHA-1 (sha1WithRSAEncryption), clé RSA de 1024 bits."));

    // The packet row of the reassembled TLS message: its note in French, the record's text English.
    const Trace& trace = window.document()->trace();
    bool reassembled = false;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const std::string english(trace.string(trace.texts()[i]));
        if (english.find(" — TLS message reassembled from ") != std::string::npos) {
            reassembled = true;
            const QString shown = eventText(trace, trace.texts()[i]);
            EXPECT_TRUE(shown.contains(QStringLiteral(" — message TLS réassemblé à partir de ")))
                << shown.toStdString();
            EXPECT_FALSE(shown.contains(QStringLiteral("reassembled"))) << shown.toStdString();
        }
    }
    EXPECT_TRUE(reassembled);

    dock->selectConversation(0);
    ASSERT_GE(dock->certificates()->count(), 1);
    dock->openCertificate(0);
    auto* dialog = dock->findChild<CertificateDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(
        dialog->field(QStringLiteral("key")),
        QStringLiteral("RSA 1024 — faible : signature SHA-1 (sha1WithRSAEncryption), clé RSA de 1024 bits"));
    dialog->close();
}

// The contexts table in French: every column as wide as its header and its widest cell (nothing
// elided), the side short, and the table no wider than its columns need.
TEST_F(CoreErrorText, ContextsTableColumnsFitTheirTextInFrench)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    setup.contexts = 2;
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window, 400));
    QTest::qWait(50);  // the fit runs once per pass of the event loop
    const QTableView* view = window.contexts()->view();
    const QAbstractItemModel* model = view->model();
    ASSERT_GE(model->rowCount(), 4);
    EXPECT_EQ(model->index(0, ContextsModel::SideColumn).data().toString(), QStringLiteral("Auth."));
    EXPECT_EQ(model->index(0, ContextsModel::SideColumn).data(Qt::ToolTipRole).toString(),
              QStringLiteral("Authentificateur"));
    const QHeaderView* header = view->horizontalHeader();
    const QFontMetrics metrics(view->font());
    for (int column = 0; column < model->columnCount(); ++column) {
        const int width = header->sectionSize(column);
        EXPECT_GE(width, header->sectionSizeHint(column)) << column;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, column).data().toString();
            EXPECT_GE(width, metrics.horizontalAdvance(text)) << column << " " << text.toStdString();
        }
    }
    EXPECT_GE(header->sectionSize(ContextsModel::WorkBufferSizeColumn),
              metrics.horizontalAdvance(QStringLiteral("Taille")));
}

}  // namespace
}  // namespace eapscope::ui
