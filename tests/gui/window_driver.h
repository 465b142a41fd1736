// Drives a MainWindow the way a person does (key presses) and waits for the controller.
#pragma once

#include "controller/session_controller.h"
#include "session/session_document.h"
#include "window/main_window.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

#include <functional>

namespace eapscope::ui::test {

/// Presses `key` and waits until the worker finished the command and the rows are shown.
inline bool press(MainWindow& window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(&window, key, modifiers);
    if (!QTest::qWaitFor([&] { return window.controller()->idle(); }, 30000)) {
        return false;
    }
    QTest::qWait(1);
    window.document()->flush();
    return true;
}

inline bool finished(const MainWindow& window)
{
    const auto state = window.controller()->state();
    return state == SessionController::State::Finished || state == SessionController::State::Failed;
}

/// F5 until the session ends (continue stops at every finding), at most `presses` times.
inline bool runToEnd(MainWindow& window, int presses = 200)
{
    for (int i = 0; i < presses && !finished(window); ++i) {
        // Waiting = nothing can happen until a virtual timer fires: fire it as a person would.
        const bool waiting = window.controller()->state() == SessionController::State::Waiting;
        if (!(waiting ? press(window, Qt::Key_T, Qt::ControlModifier) : press(window, Qt::Key_F5))) {
            return false;
        }
    }
    return finished(window);
}

inline bool waitStarted(MainWindow& window)
{
    return QTest::qWaitFor([&] { return window.controller()->idle(); }, 30000);
}

/// What a message box said when it came up, and which button the test pressed.
struct Answered {
    bool seen = false;
    QString text;
    QString informative;
    QString title;
};

/// Answers the next modal QMessageBox named `name` with the button `choose` picks.
class BoxAnswerer {
public:
    BoxAnswerer(const QString& name, std::function<QAbstractButton*(QMessageBox&)> choose)
    {
        QObject::connect(&poll_, &QTimer::timeout, [this, name, choose] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box == nullptr || box->objectName() != name || answered_.seen) {
                return;
            }
            answered_ = {true, box->text(), box->informativeText(), box->windowTitle()};
            choose(*box)->click();
        });
        poll_.start(10);
    }
    [[nodiscard]] const Answered& answered() const { return answered_; }

private:
    QTimer poll_;
    Answered answered_;
};

}  // namespace eapscope::ui::test
