// Unsaved recordings (issue 14 "Files a desktop program leaves behind"): a live session records
// into the cache (RecordingStore), a normal close deletes it — after asking when the run found
// something — and a recording a killed EapScope left behind is offered at the next start.
#include "controller/session_controller.h"
#include "session/recording_store.h"
#include "session/session_document.h"
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "window/main_window.h"
#include "window/session_setup_dialog.h"
#include "window_driver.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>
#include <functional>
#include <iostream>
#include <memory>

namespace eapscope::ui {
namespace {

using test::Answered;
using test::BoxAnswerer;

QAbstractButton* buttonWithText(QMessageBox& box, const QString& text)
{
    for (QAbstractButton* button : box.buttons()) {
        if (button->text() == text) {
            return button;
        }
    }
    return box.buttons().first();
}

/// The English plural the window uses ("1 finding", "2 findings").
QString findingsText(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 finding") : QStringLiteral("%1 findings").arg(n);
}

QStringList cacheFiles()
{
    return QDir(RecordingStore::directory()).entryList(QDir::Files);
}

bool recordingGone(const QString& path)
{
    return !QFileInfo::exists(path) && !QFileInfo::exists(path + QStringLiteral("-wal")) &&
           !QFileInfo::exists(path + QStringLiteral("-shm")) &&
           !QFileInfo::exists(path + QStringLiteral(".lock"));
}

SessionSetup leakingSession()
{
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    return setup;
}

TEST(Recordings, ALiveSessionRecordsIntoTheCacheFolderAndANormalCloseDeletesIt)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->startSession(SessionSetup{});
    ASSERT_TRUE(test::waitStarted(*window));
    ASSERT_TRUE(test::runToEnd(*window));
    ASSERT_TRUE(window->document()->trace().findings().empty()) << "md5 against md5 finds nothing";
    const QString path = window->controller()->recordingPath();
    ASSERT_FALSE(path.isEmpty());
    EXPECT_EQ(QFileInfo(path).absolutePath(), RecordingStore::directory());
    EXPECT_TRUE(QFileInfo::exists(path));
    EXPECT_TRUE(QFileInfo::exists(path + QStringLiteral(".lock")));
    EXPECT_FALSE(QDir::temp().exists(QFileInfo(path).fileName()));

    BoxAnswerer unexpected(QStringLiteral("unsavedFindingsQuestion"),
                           [](QMessageBox& box) { return box.button(QMessageBox::Cancel); });
    EXPECT_TRUE(window->close());
    EXPECT_FALSE(unexpected.answered().seen) << "nothing found: closing asks nothing";
    window.reset();
    EXPECT_TRUE(recordingGone(path));
    EXPECT_TRUE(cacheFiles().isEmpty()) << cacheFiles().join(QLatin1Char(' ')).toStdString();
}

TEST(Recordings, ClosingAfterARunWithFindingsAsksFirstAndCancelKeepsTheWindow)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->startSession(leakingSession());
    ASSERT_TRUE(test::waitStarted(*window));
    ASSERT_TRUE(test::runToEnd(*window));
    const auto findings = window->document()->trace().findings().size();
    ASSERT_GT(findings, 0u);
    const QString path = window->controller()->recordingPath();
    {
        BoxAnswerer cancel(QStringLiteral("unsavedFindingsQuestion"),
                           [](QMessageBox& box) { return box.button(QMessageBox::Cancel); });
        EXPECT_FALSE(window->close());
        ASSERT_TRUE(cancel.answered().seen);
        EXPECT_EQ(cancel.answered().text,
                  QStringLiteral("This session produced %1 and is not saved.").arg(findingsText(findings)));
        EXPECT_TRUE(window->isVisible());
        EXPECT_TRUE(QFileInfo::exists(path));
    }
    BoxAnswerer discard(QStringLiteral("unsavedFindingsQuestion"),
                        [](QMessageBox& box) { return box.button(QMessageBox::Discard); });
    EXPECT_TRUE(window->close());
    EXPECT_TRUE(discard.answered().seen);
    window.reset();
    EXPECT_TRUE(recordingGone(path));
    EXPECT_TRUE(cacheFiles().isEmpty());
}

TEST(Recordings, ASavedSessionClosesWithoutAQuestion)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->startSession(leakingSession());
    ASSERT_TRUE(test::waitStarted(*window));
    ASSERT_TRUE(test::runToEnd(*window));
    ASSERT_FALSE(window->document()->trace().findings().empty());
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("kept.eapscope"));
    // Save As through its dialog, answered with a path typed in.
    QTimer typePath;
    QObject::connect(&typePath, &QTimer::timeout, [&] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            // Typed into the name field as a person would (selectFile() waits for the folder
            // to load when the path is elsewhere, and the next tick would start that over).
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            ASSERT_NE(name, nullptr);
            name->setText(saved);
            QMetaObject::invokeMethod(dialog, "accept");  // protected in QFileDialog, a slot
        }
    });
    typePath.start(10);
    window->action(QStringLiteral("actionSaveAs"))->trigger();
    typePath.stop();
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(saved); }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->controller()->idle(); }, 30000));
    QTest::qWait(50);  // the save's answer comes back queued

    BoxAnswerer unexpected(QStringLiteral("unsavedFindingsQuestion"),
                           [](QMessageBox& box) { return box.button(QMessageBox::Cancel); });
    EXPECT_TRUE(window->close());
    EXPECT_FALSE(unexpected.answered().seen);
    window.reset();
    EXPECT_TRUE(cacheFiles().isEmpty());
    EXPECT_TRUE(readSession(saved.toStdString()).ok());
}

// Restart, New session and Open end the live session as closing does: after a run with
// findings each asks the same question first. Cancel keeps the session and its recording,
// Discard lets the recording go, Save writes the chosen file and then does what was asked.
enum class Ending { Restart, NewSession, Open };
enum class Answer { Cancel, Discard, Save };

struct EndingCase {
    Ending ending;
    Answer answer;
    const char* title;  // the question's title names what ends the session
    const char* name;
};

class SessionEnding : public ::testing::TestWithParam<EndingCase> {};

/// Accepts the modal dialog of type T (the New session dialog) as it comes up.
template <typename T>
class DialogAccepter {
public:
    DialogAccepter()
    {
        QObject::connect(&poll_, &QTimer::timeout, [this] {
            if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
                seen_ = true;
                dialog->accept();
            }
        });
        poll_.start(10);
    }
    [[nodiscard]] bool seen() const { return seen_; }

private:
    QTimer poll_;
    bool seen_ = false;
};

/// Types `path` into the next Save dialog and accepts it.
class SavePathTyper {
public:
    explicit SavePathTyper(const QString& path)
    {
        QObject::connect(&poll_, &QTimer::timeout, [path] {
            if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
                if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))) {
                    name->setText(path);
                    QMetaObject::invokeMethod(dialog, "accept");  // protected in QFileDialog, a slot
                }
            }
        });
        poll_.start(10);
    }

private:
    QTimer poll_;
};

void endSession(MainWindow& window, Ending ending)
{
    switch (ending) {
        case Ending::Restart:
            window.action(QStringLiteral("actionRestart"))->trigger();
            return;
        case Ending::NewSession: {
            DialogAccepter<SessionSetupDialog> accept;
            window.action(QStringLiteral("actionSetup"))->trigger();
            EXPECT_TRUE(accept.seen());
            return;
        }
        case Ending::Open:
            window.openFile(QStringLiteral(EAPSCOPE_SOURCE_DIR
                                           "/tests/data/captures/diagnosis/eapol-md5-wrong-password.pcapng"));
            return;
    }
}

TEST_P(SessionEnding, AsksBeforeDiscardingAnUnsavedRunWithFindings)
{
    const EndingCase c = GetParam();
    MainWindow window;
    window.show();
    window.startSession(leakingSession());
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window));
    const auto events = window.document()->trace().size();
    const auto findings = window.document()->trace().findings().size();
    ASSERT_GT(findings, 0u);
    const QString recording = window.controller()->recordingPath();
    ASSERT_TRUE(QFileInfo::exists(recording));
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("before.eapscope"));
    const QMessageBox::StandardButton button = c.answer == Answer::Cancel    ? QMessageBox::Cancel
                                               : c.answer == Answer::Discard ? QMessageBox::Discard
                                                                             : QMessageBox::Save;
    SavePathTyper typer(saved);
    BoxAnswerer answerer(QStringLiteral("unsavedFindingsQuestion"),
                         [button](QMessageBox& box) { return box.button(button); });
    endSession(window, c.ending);
    ASSERT_TRUE(answerer.answered().seen);
    EXPECT_EQ(answerer.answered().title, QString::fromUtf8(c.title));
    EXPECT_EQ(answerer.answered().text,
              QStringLiteral("This session produced %1 and is not saved.").arg(findingsText(findings)));
    if (c.answer == Answer::Cancel) {
        QTest::qWait(100);
        EXPECT_EQ(window.controller()->state(), SessionController::State::Finished);
        EXPECT_EQ(window.document()->trace().size(), events);
        EXPECT_EQ(window.controller()->recordingPath(), recording);
        EXPECT_TRUE(QFileInfo::exists(recording));
        return;
    }
    if (c.answer == Answer::Save) {
        ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(saved); }, 30000));
        // Saved first, then what was asked for: a new recording, or the opened file.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return window.controller()->state() == SessionController::State::Viewing ||
                       window.controller()->recordingPath() != recording;
            },
            30000));
        auto trace = readSession(saved.toStdString());
        ASSERT_TRUE(trace.ok()) << trace.error();
        EXPECT_EQ(trace->size(), events);
        EXPECT_EQ(trace->findings().size(), findings);
    }
    // Discarded or saved, the old recording goes and what was asked for happened.
    EXPECT_TRUE(QTest::qWaitFor([&] { return recordingGone(recording); }, 30000)) << recording.toStdString();
    if (c.ending == Ending::Open) {
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return window.controller()->state() == SessionController::State::Viewing; }, 30000));
    } else {
        ASSERT_TRUE(test::waitStarted(window));
        EXPECT_EQ(window.document()->trace().size(), 0u);  // a new run, not yet stepped
    }
}

INSTANTIATE_TEST_SUITE_P(
    Recordings, SessionEnding,
    ::testing::Values(EndingCase{Ending::Restart, Answer::Cancel, "Restart session", "RestartCancel"},
                      EndingCase{Ending::Restart, Answer::Discard, "Restart session", "RestartDiscard"},
                      EndingCase{Ending::Restart, Answer::Save, "Restart session", "RestartSave"},
                      EndingCase{Ending::NewSession, Answer::Cancel, "New session", "NewSessionCancel"},
                      EndingCase{Ending::NewSession, Answer::Discard, "New session", "NewSessionDiscard"},
                      EndingCase{Ending::NewSession, Answer::Save, "New session", "NewSessionSave"},
                      EndingCase{Ending::Open, Answer::Cancel, "Open session or capture", "OpenCancel"},
                      EndingCase{Ending::Open, Answer::Discard, "Open session or capture", "OpenDiscard"},
                      EndingCase{Ending::Open, Answer::Save, "Open session or capture", "OpenSave"}),
    [](const ::testing::TestParamInfo<EndingCase>& param) { return std::string(param.param.name); });

// The child half of the kill test below: a window that ran a leaking method and then waits,
// recording, until its parent kills it. Disabled: it runs only when the parent starts it.
TEST(RecordingChild, DISABLED_RunsALeakThenWaitsToBeKilled)
{
    MainWindow window;
    window.show();
    window.startSession(leakingSession());
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window));
    std::cout << "RECORDING " << window.controller()->recordingPath().toStdString() << " FINDINGS "
              << window.document()->trace().findings().size() << std::endl;
    QTest::qWait(120000);
    FAIL() << "the parent test did not kill this process";
}

TEST(Recordings, AKilledWindowLeavesARecordingThatTheNextStartOffers)
{
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments(
        {QStringLiteral("--gtest_also_run_disabled_tests"),
         QStringLiteral("--gtest_filter=RecordingChild.DISABLED_RunsALeakThenWaitsToBeKilled")});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    ASSERT_TRUE(child.waitForStarted());
    QString path;
    int findings = 0;
    QByteArray output;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            output += child.readAllStandardOutput();
            const qsizetype at = output.indexOf("RECORDING ");
            if (at < 0 || output.indexOf('\n', at) < 0) {
                return false;
            }
            const QList<QByteArray> words = output.mid(at, output.indexOf('\n', at) - at).split(' ');
            path = QString::fromLocal8Bit(words.value(1));
            findings = words.value(3).toInt();
            return true;
        },
        120000))
        << output.toStdString();
    ASSERT_EQ(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
    ASSERT_TRUE(child.waitForFinished());
    ASSERT_GT(findings, 0);
    ASSERT_TRUE(QFileInfo::exists(path)) << "the kill leaves the recording";
    ASSERT_TRUE(QFileInfo::exists(path + QStringLiteral(".lock"))) << "with the dead process's lock";

    // The next start: the recording is offered; "ask again" keeps it for the start after.
    MainWindow window;
    window.show();
    {
        BoxAnswerer later(QStringLiteral("recoveryOffer"), [](QMessageBox& box) {
            return buttonWithText(box, QStringLiteral("Ask again next time"));
        });
        window.offerRecovery();
        ASSERT_TRUE(later.answered().seen);
        EXPECT_TRUE(
            later.answered().text.startsWith(QStringLiteral("EapScope ended without closing a session")))
            << later.answered().text.toStdString();
        EXPECT_TRUE(later.answered().informative.contains(QStringLiteral("training-heap-leak")))
            << later.answered().informative.toStdString();
        EXPECT_TRUE(later.answered().informative.contains(findingsText(findings)))
            << later.answered().informative.toStdString();
        EXPECT_TRUE(QFileInfo::exists(path));
    }
    const QList<OrphanedRecording> orphans = RecordingStore::orphaned();
    ASSERT_EQ(orphans.size(), 1);
    EXPECT_EQ(orphans.first().findings, findings);

    // Saved: an ordinary session file holding what the killed window had recorded.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("recovered.eapscope"));
    ASSERT_EQ(RecordingStore::recover(path, saved), QString());
    auto trace = readSession(saved.toStdString());
    ASSERT_TRUE(trace.ok()) << trace.error();
    EXPECT_EQ(static_cast<qsizetype>(trace->size()), orphans.first().events);
    EXPECT_EQ(static_cast<int>(trace->findings().size()), findings);
    EXPECT_TRUE(recordingGone(path));
    EXPECT_EQ(window.openFileNow(saved), QString());

    // Nothing left to offer.
    BoxAnswerer none(QStringLiteral("recoveryOffer"), [](QMessageBox& box) { return box.buttons().first(); });
    window.offerRecovery();
    EXPECT_FALSE(none.answered().seen);
}

TEST(Recordings, DeleteInTheRecoveryOfferRemovesTheRecording)
{
    // A leftover as a kill leaves it: a recording with rows and no live lock.
    QString path;
    {
        auto window = std::make_unique<MainWindow>();
        window->show();
        window->startSession(leakingSession());
        ASSERT_TRUE(test::waitStarted(*window));
        ASSERT_TRUE(test::runToEnd(*window));
        path = window->controller()->recordingPath();
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.eapscope"));
        bool done = false;
        window->controller()->saveAs(copy, [&](const QString&) { done = true; });
        ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 30000));
        window.reset();
        ASSERT_TRUE(recordingGone(path));
        ASSERT_TRUE(QFile::copy(copy, path));
    }
    // The next start's own session would have the leftover's name (same pid, first session, as
    // after a reboot): it records elsewhere and the leftover stays to be offered.
    MainWindow window;
    window.show();
    window.startSession(SessionSetup{});
    ASSERT_TRUE(test::waitStarted(window));
    const QString live = window.controller()->recordingPath();
    EXPECT_NE(live, path);
    EXPECT_TRUE(QFileInfo::exists(path));
    BoxAnswerer remove(QStringLiteral("recoveryOffer"),
                       [](QMessageBox& box) { return buttonWithText(box, QStringLiteral("Delete")); });
    window.offerRecovery();
    EXPECT_TRUE(remove.answered().seen);
    EXPECT_TRUE(recordingGone(path));
    for (const QString& file : cacheFiles()) {
        EXPECT_TRUE(file.startsWith(QFileInfo(live).fileName()))
            << "left in the cache: " << file.toStdString();
    }
}

TEST(Recordings, AnEmptyLeftoverIsRemovedWithoutAnOffer)
{
    QDir().mkpath(RecordingStore::directory());
    const QString path = QDir(RecordingStore::directory()).filePath(QStringLiteral("session-1-1.eapscope"));
    {
        // What a window killed before its first step leaves: a recording without rows.
        auto writer = SessionWriter::create(path.toStdString(), false);
        ASSERT_TRUE(writer.ok()) << writer.error();
        ASSERT_TRUE((*writer)->flush(Trace{}).ok());
    }
    MainWindow window;
    window.show();
    BoxAnswerer none(QStringLiteral("recoveryOffer"), [](QMessageBox& box) { return box.buttons().first(); });
    window.offerRecovery();
    EXPECT_FALSE(none.answered().seen);
    EXPECT_TRUE(recordingGone(path));
    EXPECT_TRUE(cacheFiles().isEmpty());
}

}  // namespace
}  // namespace eapscope::ui
