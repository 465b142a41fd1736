// The interface language (issue 14 "French"): the embedded translations load, the language
// follows the settings, plural forms read right in English, and the window speaks French.
#include "models/event_format.h"
#include "window/app_settings.h"
#include "window/language.h"
#include "window/main_window.h"

#include "checker/contract_checker.h"
#include "checker/rule_catalogue.h"
#include "host/host_executor.h"
#include "replay/replay_comparator.h"
#include "replay/replay_live.h"
#include "text/core_text.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

/// Installs `language` for one test and puts English back afterwards (the other tests of
/// this executable expect the English texts).
class LanguageScope {
public:
    explicit LanguageScope(const QString& language)
    {
        installTranslations(*QCoreApplication::instance(), language);
    }
    ~LanguageScope() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;
};

QStringList menuTitles(const MainWindow& window)
{
    QStringList titles;
    for (QAction* a : window.menuBar()->actions()) {
        titles << a->text();
    }
    return titles;
}

TEST(Language, ShippedLanguagesResolveAndOthersFallBackToEnglish)
{
    EXPECT_EQ(resolveInterfaceLanguage(QStringLiteral("fr")), QStringLiteral("fr"));
    EXPECT_EQ(resolveInterfaceLanguage(QStringLiteral("en")), QStringLiteral("en"));
    EXPECT_EQ(resolveInterfaceLanguage(QStringLiteral("de")), QStringLiteral("en"));
    const QString system = resolveInterfaceLanguage(QString());
    EXPECT_TRUE(system == QStringLiteral("en") || system == QStringLiteral("fr")) << system.toStdString();
}

TEST(Language, EnglishPluralFormsComeFromTheEmbeddedTranslation)
{
    EXPECT_EQ(bytesText(1), QStringLiteral("1 byte"));
    EXPECT_EQ(bytesText(64), QStringLiteral("64 bytes"));
}

TEST(Language, FrenchTranslatesTheWindowAndItsPluralForms)
{
    LanguageScope french(QStringLiteral("fr"));
    EXPECT_EQ(bytesText(1), QStringLiteral("1 octet"));
    EXPECT_EQ(bytesText(64), QStringLiteral("64 octets"));
    MainWindow window;
    EXPECT_EQ(menuTitles(window), (QStringList{QStringLiteral("&Fichier"), QStringLiteral("&Session"),
                                               QStringLiteral("&Affichage"), QStringLiteral("Aid&e")}));
    EXPECT_EQ(window.action(QStringLiteral("actionStep"))->text(), QStringLiteral("Pas &suivant"));
    // Qt's own texts follow: the standard buttons of a message box.
    QMessageBox box(QMessageBox::Question, QString(), QString(), QMessageBox::Cancel);
    EXPECT_EQ(box.button(QMessageBox::Cancel)->text(), QStringLiteral("Annuler"));
}

TEST(Language, FrenchNamesTheLiveRadiusRulesAndTheRadiusAndLearnerEventKinds)
{
    EXPECT_EQ(kindText(EventKind::Learner), QStringLiteral("learner"));
    EXPECT_EQ(kindText(EventKind::Radius), QStringLiteral("radius"));
    LanguageScope french(QStringLiteral("fr"));
    EXPECT_EQ(kindText(EventKind::Learner), QStringLiteral("apprenant"));
    EXPECT_EQ(kindText(EventKind::Radius), QStringLiteral("radius"));
    EXPECT_TRUE(
        ruleText("RADIUS_NO_RESPONSE").startsWith(QStringLiteral("le serveur RADIUS n’a pas répondu")))
        << ruleText("RADIUS_NO_RESPONSE").toStdString();
    EXPECT_TRUE(ruleText("MPPE_KEY_MISMATCH").startsWith(QStringLiteral("les clés MPPE que la méthode")))
        << ruleText("MPPE_KEY_MISMATCH").toStdString();
}

// Findings core words with details (a load finding, MPPE_KEY_MISMATCH, REPLAY_DIVERGENCE) read in
// French in the window and stay English in the record; what a program wrote (the system loader's
// error, a path, a packet summary) stays as written. The load finding comes from an isolated host
// (the window's default): its sentence crossed the host wire.
TEST(Language, LoadMppeAndReplayFindingsReadInFrenchAndStayEnglishInTheRecord)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("not-a-method.so")).toStdString();
    {
        std::FILE* file = std::fopen(path.c_str(), "w");
        ASSERT_NE(file, nullptr);
        std::fputs("not a library\n", file);
        std::fclose(file);
    }
    HostOptions options;
    options.heapTracking = false;  // the load fails before any heap matters
    HostExecutor host(options);
    const LoadReport report = host.load(LoadRequest{path, "not-a-method", std::nullopt});
    ASSERT_FALSE(report.ok);
    ASSERT_EQ(report.findings.size(), 1u) << report.error;
    ASSERT_FALSE(report.findings[0].text.empty()) << "the host wire dropped the load finding's sentence";
    const auto load = ContractChecker().checkLoad(report, Side::Authenticator, EventId());
    ASSERT_EQ(load.size(), 1u);
    EXPECT_EQ(load[0].rule, "LOAD_LIBRARY_FAILED");
    EXPECT_TRUE(
        load[0].message.starts_with(path + ": not a loadable shared library: the system loader says "))
        << load[0].message;
    EXPECT_EQ(load[0].message, report.error);

    // The engine's words for it (tests/engine/radius_counterpart_test.cpp: the engine makes this one).
    const FindingRecord mppe =
        makeFinding("MPPE_KEY_MISMATCH", Side::Peer, ContextId(), EventId(), EntryPoint::MakeMessage,
                    phrase("the method's MPPE keys differ from the server's: its Recv-Key is not the "
                           "server's MS-MPPE-Send-Key"));

    ReplayComparison differs;
    differs.frame = 7;
    differs.sent = "Response/MD5-Challenge id=2 len=22";
    differs.captured = "Response/MD5-Challenge id=2 len=22";
    differs.rule = comparisonRule(2, 4);
    differs.differences = {ReplayDifference{6, 16, "eap.md5.value"}};
    const FindingRecord replay = divergence(Trace(), differs, Side::Peer, std::nullopt);
    EXPECT_EQ(replay.message,
              "frame 7: the method sent Response/MD5-Challenge id=2 len=22, the capture has "
              "Response/MD5-Challenge id=2 len=22; bytes 6–21 (eap.md5.value) differ (compared: Code, "
              "Identifier, Type, Value-Size, Value (Name is optional))");

    LanguageScope french(QStringLiteral("fr"));
    const QString loadText = findingMessageText(load[0]);
    EXPECT_TRUE(
        loadText.startsWith(QString::fromStdString(path) +
                            QStringLiteral(" : pas une bibliothèque partagée chargeable : le chargeur "
                                           "du système dit ")))
        << loadText.toStdString();
    EXPECT_TRUE(loadText.endsWith(
        QStringLiteral("(installez ce qu'il nomme, ou ajoutez son dossier à LD_LIBRARY_PATH)")))
        << loadText.toStdString();
    EXPECT_EQ(findingMessageText(mppe),
              QStringLiteral("les clés MPPE de la méthode diffèrent de celles du "
                             "serveur : sa Recv-Key n'est pas la MS-MPPE-Send-Key du "
                             "serveur"));
    EXPECT_EQ(findingMessageText(replay),
              QStringLiteral("trame 7 : la méthode a envoyé Response/MD5-Challenge id=2 len=22, la capture a "
                             "Response/MD5-Challenge id=2 len=22 ; octets 6–21 (eap.md5.value) diffèrent "
                             "(comparé : Code, Identifier, Type, Value-Size, Value (Name est facultatif))"));
    EXPECT_EQ(
        mppe.message,
        "the method's MPPE keys differ from the server's: its Recv-Key is not the server's MS-MPPE-Send-Key");
}

TEST(Language, AFindingShowsItsRuleTextUnlessTheCheckerWroteDetails)
{
    FindingRecord plain;
    plain.rule = "OUTPUT_OVERRUN";
    plain.message = std::string(ruleInfo("OUTPUT_OVERRUN").text);
    EXPECT_EQ(findingMessageText(plain), ruleText("OUTPUT_OVERRUN"));
    FindingRecord detailed = plain;
    detailed.message = "wrote 12 bytes past cbSendPacket";
    EXPECT_EQ(findingMessageText(detailed), QStringLiteral("wrote 12 bytes past cbSendPacket"));
}

// Every toolbar button, Finish serving included, fits at 1600×900 in each shipped language: none
// is pushed into the overflow menu (the extension button stays hidden) and each shows its whole label.
void expectWholeToolBarAt1600(const QString& language)
{
    LanguageScope scope(language);
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    auto* bar = window.findChild<QToolBar*>(QStringLiteral("sessionToolBar"));
    ASSERT_NE(bar, nullptr);
    ASSERT_EQ(window.width(), 1600);
    // The widest toolbar is a serve session's, where Finish serving shows too.
    auto* finish = window.findChild<QAction*>(QStringLiteral("actionFinishServing"));
    ASSERT_NE(finish, nullptr);
    finish->setVisible(true);
    QCoreApplication::processEvents();
    auto* extension = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
    ASSERT_NE(extension, nullptr);
    EXPECT_FALSE(extension->isVisible()) << language.toStdString() << ": the toolbar overflows";
    int buttons = 0;
    for (QAction* a : bar->actions()) {
        if (a->isSeparator()) {
            continue;
        }
        auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(a));
        ASSERT_NE(button, nullptr) << a->objectName().toStdString();
        EXPECT_TRUE(button->isVisible()) << language.toStdString() << ": " << a->iconText().toStdString();
        EXPECT_GE(button->width(), button->sizeHint().width()) << a->iconText().toStdString();
        EXPECT_FALSE(a->iconText().isEmpty());
        ++buttons;
    }
    EXPECT_EQ(buttons, 13);
}

TEST(Language, EveryToolBarButtonFitsAt1600PixelsInEnglish)
{
    expectWholeToolBarAt1600(QStringLiteral("en"));
}

TEST(Language, EveryToolBarButtonFitsAt1600PixelsInFrench)
{
    expectWholeToolBarAt1600(QStringLiteral("fr"));
    LanguageScope french(QStringLiteral("fr"));
    MainWindow window;
    // Short on the button, whole in the tooltip (with its key).
    EXPECT_EQ(window.action(QStringLiteral("actionStepAxis"))->iconText(), QStringLiteral("Axe des pas"));
    EXPECT_TRUE(window.action(QStringLiteral("actionStepAxis"))
                    ->toolTip()
                    .startsWith(QStringLiteral("Axe des pas (chaque appel")))
        << window.action(QStringLiteral("actionStepAxis"))->toolTip().toStdString();
}

TEST(Language, TheViewMenuRemembersTheChosenLanguage)
{
    AppSettings settings;
    settings.setLanguage(QString());
    MainWindow window;
    auto* menu = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
    ASSERT_NE(menu, nullptr);
    QAction* french = menu->findChild<QAction*>(QStringLiteral("actionLanguage_fr"));
    QAction* system = menu->findChild<QAction*>(QStringLiteral("actionLanguage_system"));
    ASSERT_NE(french, nullptr);
    ASSERT_NE(system, nullptr);
    EXPECT_TRUE(system->isChecked());
    french->trigger();
    EXPECT_EQ(AppSettings().language(), QStringLiteral("fr"));
    EXPECT_NE(window.findChild<QMessageBox*>(QStringLiteral("languageNotice")), nullptr);
    system->trigger();
    EXPECT_EQ(AppSettings().language(), QString());
}

}  // namespace
}  // namespace eapscope::ui
