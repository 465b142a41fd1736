// A whole bundled lesson (01, the EAP conversation) played in the main window the way a learner
// does, offscreen, over the real engine and isolated hosts: the dock follows the progress, a
// wrong answer is refused with the lesson's feedback, Next waits for the task, Restore brings a
// learner who stepped back too far to the task's start, presenter mode toggles, and every
// learner action lands in the trace the session file is written from.
#include "controller/session_controller.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_dock.h"
#include "lesson/lesson_evaluator.h"
#include "lesson/lesson_list_model.h"
#include "lesson/lesson_run.h"
#include "lesson/lesson_session.h"
#include "lesson/lesson_task_model.h"
#include "lesson/lesson_ui.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"
#include "window/app_settings.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

using test::press;

/// The first Packet row with this code (and type, when given) sent by `side`.
std::optional<EventId> packetRow(const Trace& trace, std::uint8_t code, int type, Side side)
{
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet || trace.sides()[i] != side) {
            continue;
        }
        const auto bytes = trace.packet(trace.packets()[i]);
        if (!bytes.empty() && bytes[0] == code && (type < 0 || (bytes.size() >= 5 && bytes[4] == type))) {
            return EventId(static_cast<std::uint32_t>(i));
        }
    }
    return std::nullopt;
}

std::size_t learnerRows(const Trace& trace, LearnerAction action)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const auto event = learnerEvent(trace, EventId(static_cast<std::uint32_t>(i)));
        n += event && event->action == action ? 1 : 0;
    }
    return n;
}

class LessonTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ui = installLessonUi(window);
        window.show();
        session = ui->session();
        session->reset(QStringLiteral("eap-conversation"));  // start afresh, not resumed
        dock = ui->dock();
    }
    bool settle()
    {
        const bool idle = test::waitStarted(window);
        QTest::qWait(5);
        window.document()->flush();
        session->evaluate();
        return idle;
    }
    std::size_t done() const { return session->progress().doneCount; }
    /// F10 until `task` is done (at most `presses` times).
    bool stepUntilDone(std::size_t task, int presses = 40)
    {
        for (int i = 0; i < presses &&
                        !(session->progress().tasks.size() > task && session->progress().tasks[task].done);
             ++i) {
            if (!press(window, Qt::Key_F10) || !settle()) {
                return false;
            }
        }
        return session->progress().tasks[task].done;
    }
    void answer(const QString& text)
    {
        dock->answer()->setText(text);
        dock->findChild<QPushButton*>(QStringLiteral("lessonCheck"))->click();
        ASSERT_TRUE(settle());
    }

    MainWindow window;
    LessonUi* ui = nullptr;
    LessonSession* session = nullptr;
    LessonDock* dock = nullptr;
};

TEST_F(LessonTest, ALearnerPlaysTheWholeEapConversationLesson)
{
    ASSERT_EQ(ui->openLesson(QStringLiteral("eap-conversation")), QString());
    ASSERT_TRUE(settle());
    ASSERT_TRUE(ui->dockWidget()->isVisible());
    const Lesson& lesson = *session->lesson();
    ASSERT_EQ(lesson.tasks.size(), 5u);
    // The dock's task list follows the live session under the model tester.
    QAbstractItemModelTester tester(session->taskModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(dock->progress()->maximum(), 5);
    EXPECT_EQ(dock->progress()->value(), 0);
    EXPECT_EQ(window.controller()->setup().lesson != nullptr, true);  // the lesson set the session up
    QPushButton* next = dock->nextButton();
    EXPECT_FALSE(next->isEnabled());  // Next never completes a task

    // Task 1: step until the Request/Identity.
    ASSERT_TRUE(stepUntilDone(0));
    EXPECT_EQ(dock->progress()->value(), 1);
    EXPECT_TRUE(next->isEnabled());
    next->click();
    EXPECT_EQ(session->shownTask(), 1u);
    EXPECT_TRUE(dock->answer()->isVisible());

    // Task 2: a wrong identity is refused with the lesson's feedback; the right one passes.
    for (int i = 0; i < 20 && !packetRow(window.document()->trace(), 2, 1, Side::Peer); ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));  // to the peer's Response/Identity
    }
    answer(QStringLiteral("mallory"));
    EXPECT_EQ(done(), 1u);
    EXPECT_TRUE(dock->feedback()->isVisible());
    EXPECT_EQ(dock->feedback()->text(), QString::fromStdString(lesson.tasks[1].feedback.en));
    EXPECT_EQ(session->progress().tasks[1].wrongAnswers, 1u);
    EXPECT_FALSE(next->isEnabled());
    dock->findChild<QPushButton*>(QStringLiteral("lessonHintButton"))->click();
    ASSERT_TRUE(settle());
    EXPECT_EQ(session->progress().tasks[1].hints, 1u);  // free, but counted
    answer(QString::fromStdString(window.controller()->setup().lesson->values.identity));
    EXPECT_EQ(done(), 2u);
    EXPECT_EQ(dock->progress()->value(), 2);
    EXPECT_FALSE(dock->feedback()->isVisible());
    next->click();
    EXPECT_EQ(session->shownTask(), 2u);

    // Restore: stepping back before the task's start undoes the answer; Restore re-runs the
    // lesson's session to where task 3 starts, with task 2 done again.
    const std::size_t start = session->progress().tasks[2].startEvents;
    const Trace before = window.document()->trace();
    while (window.document()->trace().size() > start / 2 && window.controller()->canStepBack()) {
        ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
        ASSERT_TRUE(settle());
    }
    EXPECT_LT(done(), 2u);
    EXPECT_TRUE(session->wanderedOff());
    EXPECT_TRUE(dock->findChild<QLabel*>(QStringLiteral("lessonBanner"))->isVisible());
    dock->findChild<QPushButton*>(QStringLiteral("lessonRestore"))->click();
    ASSERT_TRUE(settle());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            settle();
            return done() == 2u;
        },
        30000));
    EXPECT_EQ(session->progress().current, std::optional<std::size_t>(2));
    EXPECT_GE(window.document()->trace().size(), start);
    EXPECT_FALSE(session->wanderedOff());
    // The task's start state: the same calls, packets and learner actions up to where it started.
    const Trace& restored = window.document()->trace();
    for (std::size_t i = 0; i < start; ++i) {
        ASSERT_EQ(restored.kinds()[i], before.kinds()[i]) << "row " << i;
        ASSERT_EQ(restored.sides()[i], before.sides()[i]) << "row " << i;
        ASSERT_EQ(restored.entries()[i], before.entries()[i]) << "row " << i;
    }

    // Task 3 (the challenge), then run to the end and select the answers.
    ASSERT_TRUE(stepUntilDone(2));
    next->click();
    ASSERT_TRUE(test::runToEnd(window));
    ASSERT_TRUE(settle());
    const Trace& trace = window.document()->trace();
    const auto wrong = packetRow(trace, 1, 4, Side::Authenticator);  // the challenge: not the answer
    const auto response = packetRow(trace, 2, 4, Side::Peer);
    ASSERT_TRUE(wrong && response);
    window.selection()->select(*wrong);
    ASSERT_TRUE(settle());
    EXPECT_EQ(done(), 3u);
    window.selection()->select(*response);
    ASSERT_TRUE(settle());
    EXPECT_EQ(done(), 4u);
    next->click();
    const auto success = packetRow(window.document()->trace(), 3, -1, Side::Authenticator);
    ASSERT_TRUE(success);
    window.selection()->select(*success);
    ASSERT_TRUE(settle());
    EXPECT_TRUE(session->progress().complete());
    EXPECT_EQ(dock->progress()->value(), 5);

    // What the learner did is in the trace the session file is written from, and grades there.
    const Trace& final = window.document()->trace();
    EXPECT_EQ(learnerRows(final, LearnerAction::LessonStarted), 1u);
    // Each task's completion once: not twice (the Restore's re-run replays task 1's row), and not
    // dropped (task 2's row came after the answer where the re-run stops).
    EXPECT_EQ(learnerRows(final, LearnerAction::TaskCompleted), 5u);
    EXPECT_GE(learnerRows(final, LearnerAction::Answer), 2u);
    EXPECT_EQ(learnerRows(final, LearnerAction::HintShown), 1u);
    EXPECT_TRUE(evaluateLesson(lesson, final).complete());
}

TEST_F(LessonTest, PresenterModeHidesTheChromeAndTheAnswerUntilRevealed)
{
    window.resize(1280, 720);  // a projector
    ASSERT_EQ(ui->openLesson(QStringLiteral("eap-conversation")), QString());
    ASSERT_TRUE(settle());
    ASSERT_TRUE(stepUntilDone(0));
    const qreal normalSize = QApplication::font().pointSizeF();
    QAction* presenter = window.findChild<QAction*>(QStringLiteral("actionPresenter"));
    ASSERT_NE(presenter, nullptr);
    EXPECT_EQ(presenter->shortcut(), QKeySequence(Qt::Key_F11));
    QTest::keyClick(&window, Qt::Key_F11);
    QTest::qWait(50);  // the docks are laid out again
    EXPECT_TRUE(ui->presenter());
    EXPECT_TRUE(window.menuBar()->isHidden());
    EXPECT_GT(QApplication::font().pointSizeF(), normalSize);
    EXPECT_TRUE(ui->dockWidget()->isVisible());
    EXPECT_GE(ui->dockWidget()->width(), 1280 / 3) << "the lesson text has room on a projector";
    // The done task's explanation (its answer) waits for Reveal.
    EXPECT_FALSE(dock->explanation()->isVisible());
    dock->findChild<QPushButton*>(QStringLiteral("lessonReveal"))->click();
    EXPECT_TRUE(dock->explanation()->isVisible());
    // Page Down / Page Up go through the tasks, never past the one to do.
    QTest::keyClick(&window, Qt::Key_PageDown);
    EXPECT_EQ(session->shownTask(), 1u);
    EXPECT_FALSE(dock->explanation()->isVisible()) << "another task: its answer is hidden again";
    QTest::keyClick(&window, Qt::Key_PageDown);
    EXPECT_EQ(session->shownTask(), 1u);
    // The question (task 2) is read whole, in a larger font than the rest of the dock, and every
    // lane's label is whole beside the timeline.
    QLabel* text = dock->taskText();
    EXPECT_GT(text->font().pointSizeF(), dock->font().pointSizeF());
    EXPECT_FALSE(dock->taskArea()->verticalScrollBar()->isVisible());
    EXPECT_LE(text->heightForWidth(text->width()), dock->taskArea()->viewport()->height());
    QFont bold = window.timeline()->font();
    bold.setBold(true);
    for (const TimelineLane& lane : window.timeline()->index().lanes()) {
        EXPECT_LE(QFontMetricsF(bold).horizontalAdvance(QString::fromStdString(lane.label)) + 10,
                  window.timeline()->labelGutter())
            << lane.label;
    }
    QTest::keyClick(&window, Qt::Key_PageUp);
    EXPECT_EQ(session->shownTask(), 0u);
    QTest::keyClick(&window, Qt::Key_F11);
    EXPECT_FALSE(ui->presenter());
    EXPECT_FALSE(window.menuBar()->isHidden());
    EXPECT_EQ(QApplication::font().pointSizeF(), normalSize);
    EXPECT_EQ(text->font().pointSizeF(), dock->font().pointSizeF());
}

TEST_F(LessonTest, RestoreAfterSteppingOnGoesBackThroughTheStepBackCheckpoints)
{
    ASSERT_EQ(ui->openLesson(QStringLiteral("eap-conversation")), QString());
    ASSERT_TRUE(settle());
    ASSERT_TRUE(stepUntilDone(0));
    dock->nextButton()->click();
    const std::size_t start = session->progress().tasks[1].startEvents;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));  // on past where the identity question starts
        ASSERT_TRUE(settle());
    }
    const std::size_t wandered = window.document()->trace().size();
    ASSERT_GT(wandered, start);
    const QString recording = window.controller()->recordingPath();
    ASSERT_FALSE(recording.isEmpty());
    dock->findChild<QPushButton*>(QStringLiteral("lessonRestore"))->click();
    ASSERT_TRUE(settle());
    EXPECT_EQ(window.controller()->recordingPath(), recording)
        << "the same session stepped back, not a re-run";
    const std::size_t back = window.document()->trace().size();
    EXPECT_GE(back, start) << "what made the task current stays";
    EXPECT_LT(back, wandered) << "the steps taken since are undone";
    EXPECT_EQ(done(), 1u);
    EXPECT_EQ(session->progress().current, std::optional<std::size_t>(1));
    EXPECT_FALSE(session->wanderedOff());
    EXPECT_EQ(learnerRows(window.document()->trace(), LearnerAction::TaskCompleted), 1u);
    // And the task can be done from there.
    answer(QString::fromStdString(window.controller()->setup().lesson->values.identity));
    EXPECT_EQ(done(), 2u);
}

TEST_F(LessonTest, ProgressIsResumedInANewWindowAndResetForgetsIt)
{
    ASSERT_EQ(ui->openLesson(QStringLiteral("eap-conversation")), QString());
    ASSERT_TRUE(settle());
    ASSERT_TRUE(stepUntilDone(0));
    ASSERT_TRUE(settle());  // the session is saved after each completed task
    {
        // The learner comes back tomorrow: another window opens the same lesson.
        MainWindow later;
        LessonUi* laterUi = installLessonUi(later);
        later.show();
        ASSERT_EQ(laterUi->openLesson(QStringLiteral("eap-conversation")), QString());
        LessonSession* resumed = laterUi->session();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                test::waitStarted(later);
                later.document()->flush();
                resumed->evaluate();
                return resumed->progress().doneCount == 1u;
            },
            30000));
        EXPECT_EQ(laterUi->dock()->progress()->value(), 1);
        EXPECT_EQ(learnerRows(later.document()->trace(), LearnerAction::TaskCompleted), 1u);
        // Reset: the lesson starts over, its progress forgotten.
        resumed->reset(QStringLiteral("eap-conversation"));
        ASSERT_TRUE(test::waitStarted(later));
        later.document()->flush();
        resumed->evaluate();
        EXPECT_EQ(resumed->progress().doneCount, 0u);
        EXPECT_TRUE(AppSettings().lessonProgress(QStringLiteral("eap-conversation")).done.isEmpty());
    }
}

TEST_F(LessonTest, TheLearnersNameChoosesTheValuesAndTheDockSaysWhose)
{
    AppSettings settings;
    const QString before = settings.learnerName();
    for (const QString& name : {QStringLiteral("Ana"), QStringLiteral("Bruno")}) {
        settings.setLearnerName(name);
        ASSERT_EQ(ui->openLesson(QStringLiteral("heap-leak")), QString());
        ASSERT_TRUE(settle());
        const auto& run = window.controller()->setup().lesson;
        ASSERT_TRUE(run);
        const LessonValues expected = resolveValues(run->lesson, seedForLearner(name.toStdString()));
        EXPECT_EQ(run->values, expected) << name.toStdString();
        EXPECT_EQ(session->learner(), name);
        EXPECT_TRUE(dock->findChild<QLabel*>(QStringLiteral("lessonLearner"))->text().contains(name));
        session->reset(QStringLiteral("heap-leak"));
        ASSERT_TRUE(settle());
    }
    settings.setLearnerName(before);
}

TEST_F(LessonTest, HelpLessonsPicksALessonAndTheLearnersName)
{
    AppSettings settings;
    const QString before = settings.learnerName();
    QTimer::singleShot(0, [] {
        auto* chooser = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(chooser, nullptr);
        auto* list = chooser->findChild<QTableView*>(QStringLiteral("lessonList"));
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->model()->index(row, 0).data(LessonListModel::LessonIdRole).toString() ==
                QStringLiteral("heap-leak")) {
                list->selectRow(row);
            }
        }
        chooser->findChild<QLineEdit*>(QStringLiteral("learnerName"))->setText(QStringLiteral("  Chloe "));
        chooser->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open)->click();
    });
    window.findChild<QAction*>(QStringLiteral("actionLessons"))->trigger();
    ASSERT_TRUE(settle());
    ASSERT_TRUE(session->active());
    EXPECT_EQ(session->lesson()->id, "heap-leak");
    EXPECT_EQ(session->learner(), QStringLiteral("Chloe"));
    EXPECT_TRUE(ui->dockWidget()->isVisible());
    session->reset(QStringLiteral("heap-leak"));
    ASSERT_TRUE(settle());
    settings.setLearnerName(before);
}

TEST_F(LessonTest, AnUnknownLessonNamesItself)
{
    const QString error = ui->openLesson(QStringLiteral("no-such-lesson"));
    EXPECT_TRUE(error.contains(QStringLiteral("no-such-lesson"))) << error.toStdString();
    EXPECT_FALSE(session->active());
    EXPECT_FALSE(ui->dockWidget()->isVisible());
}

}  // namespace
}  // namespace eapscope::ui
