#include "lesson/lesson_ui.h"

#include "controller/session_controller.h"
#include "lesson/lesson_chooser.h"
#include "lesson/lesson_dock.h"
#include "lesson/lesson_session.h"
#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace eapscope::ui {
namespace {

constexpr double kPresenterFontScale = 1.5;
constexpr int kPresenterIconSize = 40;
// The lesson takes this share of the window's width on a projector (1280 px: about 540 px of
// task text beside a timeline that still shows both sides' lanes).
constexpr double kPresenterDockShare = 0.42;

}  // namespace

LessonUi::LessonUi(MainWindow& window)
    : QObject(&window),
      window_(window),
      session_(new LessonSession(window.document(), window.controller(), window.selection(), this)),
      dock_(new LessonDock(session_)),
      dockWidget_(new QDockWidget(tr("Lesson"), &window))
{
    setObjectName(QStringLiteral("lessonUi"));
    dockWidget_->setObjectName(QStringLiteral("lessonDock"));
    dockWidget_->setWidget(dock_);
    window.addDockWidget(Qt::RightDockWidgetArea, dockWidget_);
    dockWidget_->hide();
    connect(session_, &LessonSession::sessionRequested, &window, &MainWindow::startSession);
    createActions();
}

void LessonUi::createActions()
{
    auto* lessons = new QAction(tr("&Lessons…"), &window_);
    lessons->setObjectName(QStringLiteral("actionLessons"));
    connect(lessons, &QAction::triggered, this, &LessonUi::chooseLesson);
    presenterAction_ = new QAction(tr("&Presenter mode"), &window_);
    presenterAction_->setObjectName(QStringLiteral("actionPresenter"));
    presenterAction_->setCheckable(true);
    presenterAction_->setShortcut(QKeySequence(Qt::Key_F11));
    presenterAction_->setShortcutContext(Qt::ApplicationShortcut);
    connect(presenterAction_, &QAction::toggled, this, &LessonUi::setPresenter);
    // Presenter keys: through the tasks without touching the session.
    auto* nextTask = new QAction(tr("Next task"), &window_);
    nextTask->setObjectName(QStringLiteral("actionPresenterNext"));
    nextTask->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(nextTask, &QAction::triggered, this, [this] {
        if (presenter_) {
            session_->showTask(session_->shownTask() + 1);
        }
    });
    auto* previousTask = new QAction(tr("Previous task"), &window_);
    previousTask->setObjectName(QStringLiteral("actionPresenterPrevious"));
    previousTask->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(previousTask, &QAction::triggered, this, [this] {
        if (presenter_ && session_->shownTask() > 0) {
            session_->showTask(session_->shownTask() - 1);
        }
    });
    for (QAction* a : {lessons, presenterAction_, nextTask, previousTask}) {
        window_.addAction(a);
    }
    if (auto* help = window_.findChild<QMenu*>(QStringLiteral("menuHelp"))) {
        help->insertAction(help->actions().value(0), lessons);
    }
    if (auto* view = window_.findChild<QMenu*>(QStringLiteral("menuView"))) {
        view->addSeparator();
        view->addAction(presenterAction_);
        view->addAction(dockWidget_->toggleViewAction());
    }
}

QString LessonUi::openLesson(const QString& id)
{
    const QString error = session_->open(id);
    if (error.isEmpty()) {
        dockWidget_->show();
        dockWidget_->raise();
    }
    return error;
}

void LessonUi::chooseLesson()
{
    LessonChooser chooser(&window_);
    connect(&chooser, &LessonChooser::resetRequested, session_, &LessonSession::reset);
    if (chooser.exec() != QDialog::Accepted) {
        return;
    }
    const QString error = openLesson(chooser.lessonId());
    if (!error.isEmpty()) {
        QMessageBox::warning(&window_, tr("Lessons"), error);
    }
}

void LessonUi::setPresenter(bool on)
{
    if (on == presenter_) {
        return;
    }
    presenter_ = on;
    presenterAction_->setChecked(on);
    if (on) {
        savedState_ = window_.saveState();
        savedFont_ = QApplication::font();
        QFont big = savedFont_;
        big.setPointSizeF(savedFont_.pointSizeF() * kPresenterFontScale);
        QApplication::setFont(big);
        // The chrome goes: menus, status bar and every dock but the lesson's; the session
        // toolbar stays, with big icons, so the presenter can step in front of the room.
        window_.menuBar()->hide();
        window_.statusBar()->hide();
        for (QDockWidget* dock : window_.findChildren<QDockWidget*>()) {
            dock->setVisible(dock == dockWidget_ && session_->active());
        }
        for (QToolBar* bar : window_.findChildren<QToolBar*>()) {
            bar->setIconSize(QSize(kPresenterIconSize, kPresenterIconSize));
            bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
        window_.resizeDocks({dockWidget_}, {static_cast<int>(window_.width() * kPresenterDockShare)},
                            Qt::Horizontal);
    } else {
        QApplication::setFont(savedFont_);
        window_.menuBar()->show();
        window_.statusBar()->show();
        for (QToolBar* bar : window_.findChildren<QToolBar*>()) {
            bar->setIconSize(QSize());
            bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
        window_.restoreState(savedState_);
    }
    dock_->setPresenter(on);
}

LessonUi* installLessonUi(MainWindow& window)
{
    return new LessonUi(window);
}

}  // namespace eapscope::ui
