// The sentences the engine makes (a finding's message, the status line of each step) read in
// the window's language, while the record keeps them in English for the CLI and its JSON:
// training-heap-leak against md5, stepped and run offscreen, in French and in English. The event
// table's State and Note rows read in that language too, and its short columns show their whole
// text at the size of the guide's screenshots.
#include "models/event_filter_proxy.h"
#include "models/event_table_model.h"
#include "models/findings_model.h"
#include "session/session_document.h"
#include "window/event_table_dock.h"
#include "window/findings_dock.h"
#include "window/language.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QApplication>
#include <QHeaderView>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

struct Expected {
    QString language;
    QString leak;            // the HEAP_LEAK finding's message
    QString initialized;     // the status line after RasEapInitialize(TRUE)
    QString madeMessage;     // the start of the status line after a RasEapMakeMessage
    QString uninitialized;   // the status line after RasEapInitialize(FALSE)
    QString loadPhase;       // the State row of the engine loading the peer
    QString completed;       // the start of a context's State row when its outcome is decided
    QString backEndVerdict;  // the Note row of the built-in back end accepting alice
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

// The Detail cell of the first State row whose English text starts with `english`, with that text.
std::pair<QString, std::string> rowOfKind(const MainWindow& window, EventKind kind, std::string_view english)
{
    const Trace& trace = window.document()->trace();
    const EventTableModel* model = window.eventTable()->model();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const std::string_view text = trace.string(trace.texts()[i]);
        if (trace.kinds()[i] == kind && text.starts_with(english)) {
            return {model->data(model->index(static_cast<int>(i), EventTableModel::DetailColumn)).toString(),
                    std::string(text)};
        }
    }
    return {};
}

std::pair<QString, std::string> stateRow(const MainWindow& window, std::string_view english)
{
    return rowOfKind(window, EventKind::State, english);
}

// Every shown column but Detail (which stretches) is at least as wide as its header and its widest
// cell as the view draws it (its font, the current step's bold included, and the style's text
// margins), and Detail keeps room to read.
void expectWholeCells(const QTableView& view, const QString& language)
{
    const QAbstractItemModel* model = view.model();
    const QHeaderView* header = view.horizontalHeader();
    const int margin = 2 * (view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &view) + 1);
    ASSERT_GT(model->rowCount(), 50);
    for (int column = 0; column < model->columnCount(); ++column) {
        if (view.isColumnHidden(column) || column == EventTableModel::DetailColumn) {
            continue;
        }
        const std::string name = language.toStdString() + " column " +
                                 model->headerData(column, Qt::Horizontal).toString().toStdString();
        EXPECT_GE(header->sectionSize(column), header->sectionSizeHint(column)) << name;
        // Qt's own measure of the column (public through QAbstractItemView; QTableView's runs).
        EXPECT_GE(header->sectionSize(column),
                  static_cast<const QAbstractItemView&>(view).sizeHintForColumn(column))
            << name;
        QString widest;
        int widestWidth = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            const QVariant font = index.data(Qt::FontRole);
            const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : view.font());
            const QString text = index.data().toString();
            if (metrics.horizontalAdvance(text) > widestWidth) {
                widestWidth = metrics.horizontalAdvance(text);
                widest = text;
            }
        }
        EXPECT_GE(header->sectionSize(column), widestWidth + margin) << name << ": " << widest.toStdString();
    }
    EXPECT_GE(header->sectionSize(EventTableModel::DetailColumn), view.fontMetrics().averageCharWidth() * 30)
        << language.toStdString();
}

TEST_P(EngineText, TheFindingAndTheStatusLineReadInTheWindowsLanguage)
{
    const Expected& expected = GetParam();
    MainWindow window;
    window.resize(1600, 1000);  // the guide's screenshots (tests/gui/screenshot_test.cpp)
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

    // The engine's State rows: translated in the table, English in the record.
    const auto [load, loadEnglish] = stateRow(window, "engine: load-peer");
    EXPECT_EQ(load, expected.loadPhase);
    EXPECT_EQ(loadEnglish, "engine: load-peer");
    const auto [completed, completedEnglish] = stateRow(window, "completed: ");
    EXPECT_TRUE(completed.startsWith(expected.completed)) << completed.toStdString();
    EXPECT_TRUE(completedEnglish.starts_with("completed: success - ")) << completedEnglish;
    // The back end's verdict (a Note row): its sentence in the window, English in the record.
    const auto [verdict, verdictEnglish] = rowOfKind(window, EventKind::Note, "back end: ");
    EXPECT_EQ(verdict, expected.backEndVerdict);
    EXPECT_EQ(verdictEnglish, "back end: MD5-CHAP: 'alice' accepted");

    // Every row shown (no filter) and laid out: no short column cuts its text.
    window.eventTable()->proxy()->setKindMask(EventFilterProxy::kAllKinds);
    QCoreApplication::processEvents();
    expectWholeCells(*window.eventTable()->view(), expected.language);
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
                 QStringLiteral("RasEapInitialize(FALSE) a renvoyé 0"),
                 QStringLiteral("moteur : chargement du pair"), QStringLiteral("terminé : succès - "),
                 QStringLiteral("serveur d’authentification : MD5-CHAP : « alice » accepté")},
        Expected{
            QStringLiteral("en"),
            QStringLiteral(
                "64 bytes in 1 block allocated by context 1's calls still live after RasEapEnd returned"),
            QStringLiteral("RasEapInitialize(TRUE) returned 0"),
            QStringLiteral("RasEapMakeMessage returned 0, "),
            QStringLiteral("RasEapInitialize(FALSE) returned 0"), QStringLiteral("engine: load-peer"),
            QStringLiteral("completed: success - "), QStringLiteral("back end: MD5-CHAP: 'alice' accepted")}),
    [](const ::testing::TestParamInfo<Expected>& param) { return param.param.language.toStdString(); });

}  // namespace
}  // namespace eapscope::ui
