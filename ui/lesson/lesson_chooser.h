// Help → Lessons…: the bundled lessons with their title and number of tasks in the UI language,
// the learner's progress in each, the learner's name (it seeds the values that vary per
// learner), and a way to reset one lesson's progress.
#pragma once

#include <QDialog>

class QLineEdit;
class QTableView;

namespace eapscope::ui {

class AppSettings;
class LessonListModel;

class LessonChooser : public QDialog {
    Q_OBJECT
public:
    explicit LessonChooser(QWidget* parent = nullptr);
    ~LessonChooser() override;

    /// The chosen lesson's id (after Accepted).
    [[nodiscard]] QString lessonId() const;
    [[nodiscard]] LessonListModel* model() const { return model_; }
    [[nodiscard]] QTableView* view() const { return view_; }

signals:
    /// The learner asked to forget their progress in lesson `id`.
    void resetRequested(const QString& id);

private:
    void load();

    std::unique_ptr<AppSettings> settings_;
    LessonListModel* model_;
    QTableView* view_;
    QLineEdit* learner_;
};

}  // namespace eapscope::ui
