// The lesson dock beside the timeline: the lesson's tasks (checked when done), the shown task's
// text, a progress bar, the hint, an answer field for questions, the feedback of a wrong
// answer, the explanation once done, and Hint / Check / Restore / Next. It shows what
// LessonSession decides and sends it the learner's clicks; it decides nothing itself.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace eapscope::ui {

class LessonSession;

class LessonDock : public QWidget {
    Q_OBJECT
public:
    explicit LessonDock(LessonSession* session, QWidget* parent = nullptr);

    /// Presenter mode: big text, the explanation (the answer) hidden until revealed.
    void setPresenter(bool on);
    [[nodiscard]] bool presenter() const { return presenter_; }
    /// Presenter: shows the explanation of the shown task.
    void reveal();

    [[nodiscard]] QLabel* taskText() const { return text_; }
    [[nodiscard]] QLabel* feedback() const { return feedback_; }
    [[nodiscard]] QLabel* explanation() const { return explanation_; }
    [[nodiscard]] QLineEdit* answer() const { return answer_; }
    [[nodiscard]] QProgressBar* progress() const { return progress_; }
    [[nodiscard]] QPushButton* nextButton() const { return next_; }
    /// The scrolled part: the task's text, hint, feedback and explanation.
    [[nodiscard]] QScrollArea* taskArea() const { return area_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setTitleFont();
    void refresh();
    void onCheck();
    /// Presenter: the largest text size (up to kPresenterTextScale) at which the task's text and
    /// what follows it fit the task area without scrolling; the area scrolls below the smallest.
    void fitText();

    LessonSession* session_;
    QLabel* title_;
    QLabel* learner_;
    QProgressBar* progress_;
    QListView* tasks_;
    QLabel* banner_;
    QScrollArea* area_;
    QLabel* text_;
    QLabel* hint_;
    QLineEdit* answer_;
    QLabel* feedback_;
    QLabel* explanation_;
    QPushButton* revealButton_;
    QPushButton* hintButton_;
    QPushButton* check_;
    QPushButton* restore_;
    QPushButton* next_;
    bool presenter_ = false;
    bool revealed_ = false;
    std::size_t hintFor_ = static_cast<std::size_t>(-1);
    std::size_t shownBefore_ = static_cast<std::size_t>(-1);
};

}  // namespace eapscope::ui
