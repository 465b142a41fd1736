// Lessons in the main window: Help → Lessons… (the chooser), the lesson dock beside the timeline,
// and View → Presenter (F11): large fonts and icons, the chrome hidden, the lesson text big, the
// answers hidden until revealed, Page Down / Page Up through the tasks — for a projector at
// 1280×720. Installed on a MainWindow from outside (like the replay action), so the window's
// own code only gains the menus' object names.
#pragma once

#include <QObject>
#include <QByteArray>
#include <QFont>

class QAction;
class QDockWidget;

namespace eapscope::ui {

class LessonDock;
class LessonSession;
class MainWindow;

class LessonUi : public QObject {
    Q_OBJECT
public:
    explicit LessonUi(MainWindow& window);

    [[nodiscard]] LessonSession* session() const { return session_; }
    [[nodiscard]] LessonDock* dock() const { return dock_; }
    [[nodiscard]] QDockWidget* dockWidget() const { return dockWidget_; }
    [[nodiscard]] bool presenter() const { return presenter_; }

    /// Opens lesson `id` (bundled id or file) with its dock; returns the error, empty = fine.
    QString openLesson(const QString& id);
    void chooseLesson();
    void setPresenter(bool on);

private:
    void createActions();

    MainWindow& window_;
    LessonSession* session_;
    LessonDock* dock_;
    QDockWidget* dockWidget_;
    QAction* presenterAction_ = nullptr;
    bool presenter_ = false;
    QByteArray savedState_;
    QFont savedFont_;
};

/// Adds the lesson actions and dock to `window` (owned by it).
LessonUi* installLessonUi(MainWindow& window);

}  // namespace eapscope::ui
