// The tasks of the running lesson, one row each, for the lesson dock's list: the task's text in
// the UI language, checked when done, with the hints used (lesson_evaluator.h decides "done";
// this model only formats). Under QAbstractItemModelTester in tests/gui/lesson_model_tests.cpp.
#pragma once

#include "lesson/lesson.h"
#include "lesson/lesson_evaluator.h"

#include <QAbstractListModel>

#include <optional>

namespace eapscope::ui {

class LessonTaskModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { TaskIdRole = Qt::UserRole, DoneRole, CurrentRole, HintsRole, WrongAnswersRole };

    explicit LessonTaskModel(QObject* parent = nullptr);

    /// A new lesson (or none) in `language`: the model resets.
    void setLesson(const std::optional<Lesson>& lesson, Language language);
    /// The evaluator's latest progress: rows whose state changed emit dataChanged.
    void setProgress(const LessonProgress& progress);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::optional<Lesson> lesson_;
    Language language_ = Language::En;
    LessonProgress progress_;
};

}  // namespace eapscope::ui
