// The bundled lessons for Help → Lessons…: title and number of tasks in the UI language, in
// teaching order (lesson_library.h lists them by file name). A file that cannot be read stays
// in the list with its error, so a trainer sees which one is broken.
#pragma once

#include "lesson/lesson.h"
#include "lesson/lesson_library.h"

#include <QAbstractTableModel>

#include <vector>

namespace eapscope::ui {

class LessonListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, TasksColumn, ProgressColumn, ColumnCount };
    enum Role { LessonIdRole = Qt::UserRole, ReadableRole };

    explicit LessonListModel(QObject* parent = nullptr);

    /// Replaces the list; `doneTasks` gives the learner's progress per lesson id (may be empty).
    void setLessons(std::vector<LessonEntry> lessons, Language language);
    void setDoneTasks(const QString& lessonId, int done);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<LessonEntry> lessons_;
    std::vector<int> done_;
    Language language_ = Language::En;
};

}  // namespace eapscope::ui
