// The lesson models under QAbstractItemModelTester: the task list of the running lesson (done,
// current, hints, in the UI language) and the chooser's list of lessons; and the learner's rows
// as the event table shows them.
#include "lesson/learner_actions.h"
#include "lesson/lesson_list_model.h"
#include "lesson/lesson_parser.h"
#include "lesson/lesson_task_model.h"
#include "models/event_table_model.h"
#include "session/session_document.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

constexpr std::string_view kLesson = R"(format: 1
id: two-tasks
title: {en: "Two tasks", fr: "Deux tâches"}
summary: {en: "A test lesson.", fr: "Une leçon de test."}
scenario: {counterpart: loopback, authenticator: md5, peer: md5}
tasks:
  - id: first
    text: {en: "Step to the challenge.", fr: "Avancez jusqu'au défi."}
    hint: {en: "F10.", fr: "F10."}
    explanation: {en: "Done.", fr: "Fait."}
    done-when:
      packet: {code: Request, type: MD5-Challenge, from: authenticator}
  - id: second
    text: {en: "Which identity?", fr: "Quelle identité ?"}
    hint: {en: "Look.", fr: "Regardez."}
    explanation: {en: "Yes.", fr: "Oui."}
    feedback: {en: "No.", fr: "Non."}
    done-when:
      answer: {question: identity}
solution:
  - run
  - answer: {task: second, value: "{identity}"}
)";

Lesson parsed()
{
    auto lesson = parseLesson(kLesson, "two-tasks.lesson");
    EXPECT_TRUE(lesson.ok()) << (lesson.ok() ? std::string() : lesson.error());
    return lesson.ok() ? std::move(lesson).value() : Lesson();
}

LessonProgress progress(bool firstDone, std::uint32_t hints)
{
    LessonProgress p;
    p.tasks.resize(2);
    p.tasks[0].id = "first";
    p.tasks[0].done = firstDone;
    p.tasks[0].hints = hints;
    p.tasks[1].id = "second";
    p.current = firstDone ? 1 : 0;
    p.doneCount = firstDone ? 1 : 0;
    return p;
}

TEST(LessonTaskModel, ShowsTasksInTheLanguageCheckedByTheEvaluator)
{
    LessonTaskModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    model.setLesson(parsed(), Language::Fr);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data().toString(), QStringLiteral("1. Avancez jusqu'au défi."));
    EXPECT_EQ(model.index(1).data(LessonTaskModel::TaskIdRole).toString(), QStringLiteral("second"));
    model.setProgress(progress(false, 0));
    EXPECT_EQ(model.index(0).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_TRUE(model.index(0).data(LessonTaskModel::CurrentRole).toBool());

    int changed = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] { ++changed; });
    model.setProgress(progress(true, 2));
    EXPECT_EQ(changed, 2);  // the first is done, the second becomes current
    EXPECT_EQ(model.index(0).data(Qt::CheckStateRole).toInt(), Qt::Checked);
    EXPECT_EQ(model.index(0).data(LessonTaskModel::HintsRole).toUInt(), 2u);
    EXPECT_TRUE(model.index(1).data(LessonTaskModel::CurrentRole).toBool());
    EXPECT_FALSE(model.flags(model.index(0)) & Qt::ItemIsUserCheckable);  // never ticked by hand
    model.setProgress(progress(true, 2));
    EXPECT_EQ(changed, 2);  // nothing changed, nothing announced

    model.setLesson(parsed(), Language::En);
    EXPECT_EQ(model.index(1).data().toString(), QStringLiteral("2. Which identity?"));
    model.setLesson(std::nullopt, Language::En);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(LessonListModel, ListsTitleAndTaskCountAndKeepsBrokenFilesVisible)
{
    LessonListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    std::vector<LessonEntry> entries(2);
    entries[0].id = "two-tasks";
    entries[0].lesson = parsed();
    entries[1].id = "broken";
    entries[1].error = "broken.lesson:3:1: title: missing the French text (fr)";
    model.setLessons(entries, Language::Fr);
    ASSERT_EQ(model.rowCount(), 2);
    ASSERT_EQ(model.columnCount(), LessonListModel::ColumnCount);
    EXPECT_EQ(model.index(0, LessonListModel::TitleColumn).data().toString(), QStringLiteral("Deux tâches"));
    EXPECT_EQ(model.index(0, LessonListModel::TasksColumn).data().toInt(), 2);
    EXPECT_EQ(model.index(0, 0).data(LessonListModel::LessonIdRole).toString(), QStringLiteral("two-tasks"));
    EXPECT_FALSE(model.index(1, 0).data(LessonListModel::ReadableRole).toBool());
    EXPECT_TRUE(model.index(1, 0).data().toString().contains(QStringLiteral("broken")));
    EXPECT_EQ(model.index(1, 0).data(Qt::ToolTipRole).toString(), QString::fromStdString(entries[1].error));
    model.setDoneTasks(QStringLiteral("two-tasks"), 1);
    EXPECT_EQ(model.index(0, LessonListModel::ProgressColumn).data().toString(),
              LessonListModel::tr("%1 of %2 done").arg(1).arg(2));
}

TEST(LessonEventRows, TheEventTableSaysWhatTheLearnerDidInTheInterfaceLanguage)
{
    Trace trace;
    recordLessonStarted(trace, "eap-conversation", 1);
    recordAnswer(trace, "which-identity", "mallory", EventId(), 2);
    recordTaskCompleted(trace, "which-identity", 3);
    SessionDocument document;
    EventTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    document.setTrace(std::move(trace));
    ASSERT_EQ(model.rowCount(), 3);
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    EXPECT_EQ(cell(0, EventTableModel::KindColumn), QStringLiteral("learner"));
    EXPECT_EQ(cell(0, EventTableModel::DetailColumn), QStringLiteral("lesson eap-conversation started"));
    EXPECT_EQ(cell(1, EventTableModel::DetailColumn), QStringLiteral("answered which-identity: mallory"));
    EXPECT_EQ(cell(2, EventTableModel::DetailColumn), QStringLiteral("task which-identity completed"));
}

}  // namespace
}  // namespace eapscope::ui
