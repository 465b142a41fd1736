// Save As writes what ran: the file reopens (without loading a method) as the trace the window
// shows, and the window can open it again (issue 5 "Done when": save the session).
#include "controller/session_controller.h"
#include "models/event_table_model.h"
#include "session/session_document.h"
#include "store/session_reader.h"
#include "window/event_table_dock.h"
#include "window/main_window.h"
#include "window_driver.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

TEST(SaveSession, SaveAsAfterAFinishedRunReopensAsTheSameTrace)
{
    MainWindow window;
    window.show();
    window.startSession(SessionSetup{});
    ASSERT_TRUE(test::waitStarted(window));
    ASSERT_TRUE(test::runToEnd(window));
    const Trace& shown = window.document()->trace();
    ASSERT_GT(shown.size(), 10u);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("saved.eapscope"));
    bool done = false;
    QString error;
    window.controller()->saveAs(path, [&](const QString& message) {
        error = message;
        done = true;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 30000));
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();

    auto reopened = readSession(path.toStdString());
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    EXPECT_FALSE(sessionIsIncomplete(*reopened));
    ASSERT_EQ(reopened->size(), shown.size());
    EXPECT_EQ(reopened->findings().size(), shown.findings().size());
    EXPECT_EQ(reopened->contexts().size(), shown.contexts().size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const EventId id(static_cast<std::uint32_t>(i));
        ASSERT_EQ(reopened->kinds()[i], shown.kinds()[i]) << "event " << i;
        ASSERT_EQ(reopened->times()[i], shown.times()[i]) << "event " << i;
        const auto a = reopened->packet(reopened->packets()[i]);
        const auto b = shown.packet(shown.packets()[i]);
        ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << "packet of event " << i;
        (void)id;
    }
}

/// The engine's trace as the worker holds it: Save As writes exactly that trace.
Trace engineTrace(MainWindow& window, const QString& path)
{
    bool done = false;
    QString error;
    window.controller()->saveAs(path, [&](const QString& message) {
        error = message;
        done = true;
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 30000));
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    auto read = readSession(path.toStdString());
    EXPECT_TRUE(read.ok()) << read.error();
    return read.ok() ? std::move(read.value()) : Trace();
}

/// Same events, packets, contexts, findings, methods and options (Trace::operator==), and the
/// same string table id by id with the same sentences: the batches kept every id equal.
void expectSameTrace(const Trace& shown, const Trace& engine)
{
    EXPECT_TRUE(shown == engine);
    ASSERT_EQ(shown.stringCount(), engine.stringCount());
    for (std::size_t i = 0; i < shown.stringCount(); ++i) {
        const StringId id(static_cast<std::uint32_t>(i));
        ASSERT_EQ(shown.string(id), engine.string(id)) << "string " << i;
        const MessageText* a = shown.sentence(id);
        const MessageText* b = engine.sentence(id);
        ASSERT_EQ(a == nullptr, b == nullptr) << "sentence of string " << i;
        if (a != nullptr) {
            EXPECT_TRUE(*a == *b) << "sentence of string " << i;
        }
    }
    EXPECT_EQ(shown.packetCount(), engine.packetCount());
    EXPECT_EQ(shown.findings().size(), engine.findings().size());
    EXPECT_EQ(shown.contexts().size(), engine.contexts().size());
}

// Step back goes to the window as a batch that truncates the GUI's trace (the same
// TraceBatch the recorder writes): after stepping back over the leak finding and stepping on
// to the end, the window holds exactly the engine's trace.
TEST(SaveSession, StepBackThenFurtherSteps_TheWindowHoldsTheEnginesTrace)
{
    MainWindow window;
    window.show();
    SessionSetup setup;
    setup.authenticatorMethod = QStringLiteral("training-heap-leak");
    setup.keepSecrets = true;  // the saved file holds the trace as it is
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    const Trace& shown = window.document()->trace();
    const auto leaks = [&] {
        return std::count_if(shown.findings().begin(), shown.findings().end(),
                             [](const FindingRecord& f) { return f.rule == "HEAP_LEAK"; });
    };
    for (int i = 0; i < 80 && leaks() == 0 && !test::finished(window); ++i) {
        ASSERT_TRUE(test::press(window, Qt::Key_F10));
    }
    ASSERT_GT(leaks(), 0) << "the training method leaks in RasEapEnd";
    const std::size_t findings = shown.findings().size();
    const std::size_t contexts = shown.contexts().size();
    const std::size_t events = shown.size();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // Back over the finding: the window drops the rows, the finding and what they created.
    for (int back = 0; back < 3 && shown.findings().size() == findings; ++back) {
        ASSERT_TRUE(window.controller()->canStepBack())
            << window.controller()->stepBackReason().toStdString();
        ASSERT_TRUE(test::press(window, Qt::Key_F10, Qt::ShiftModifier));
    }
    ASSERT_LT(shown.size(), events);
    ASSERT_LT(shown.findings().size(), findings);
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(shown.size()));
    expectSameTrace(shown, engineTrace(window, dir.filePath(QStringLiteral("back.eapscope"))));

    // On again, step by step, to the end: the same rows come back under the same ids.
    for (int i = 0; i < 200 && !test::finished(window); ++i) {
        ASSERT_TRUE(test::press(window, Qt::Key_F10));
    }
    ASSERT_TRUE(test::finished(window));
    EXPECT_GE(shown.findings().size(), findings);
    EXPECT_GE(shown.contexts().size(), contexts);
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(shown.size()));
    Trace engine = engineTrace(window, dir.filePath(QStringLiteral("end.eapscope")));
    Trace expected = shown;
    expected.setOption("complete", "true");  // the finished file's mark
    expectSameTrace(expected, engine);
}

}  // namespace
}  // namespace eapscope::ui
