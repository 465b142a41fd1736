#include "lesson/lesson_list_model.h"

namespace eapscope::ui {

LessonListModel::LessonListModel(QObject* parent) : QAbstractTableModel(parent) {}

void LessonListModel::setLessons(std::vector<LessonEntry> lessons, Language language)
{
    beginResetModel();
    lessons_ = std::move(lessons);
    done_.assign(lessons_.size(), 0);
    language_ = language;
    endResetModel();
}

void LessonListModel::setDoneTasks(const QString& lessonId, int done)
{
    for (std::size_t i = 0; i < lessons_.size(); ++i) {
        if (QString::fromStdString(lessons_[i].id) == lessonId && done_[i] != done) {
            done_[i] = done;
            const int row = static_cast<int>(i);
            emit dataChanged(index(row, ProgressColumn), index(row, ProgressColumn));
        }
    }
}

int LessonListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(lessons_.size());
}

int LessonListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LessonListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const LessonEntry& entry = lessons_[row];
    if (role == LessonIdRole) {
        return QString::fromStdString(entry.id);
    }
    if (role == ReadableRole) {
        return entry.lesson.has_value();
    }
    if (role == Qt::ToolTipRole) {
        return entry.lesson ? QString::fromStdString(entry.lesson->summary.in(language_))
                            : QString::fromStdString(entry.error);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const int tasks = entry.lesson ? static_cast<int>(entry.lesson->tasks.size()) : 0;
    switch (index.column()) {
        case TitleColumn:
            return entry.lesson ? QString::fromStdString(entry.lesson->title.in(language_))
                                : tr("%1 (cannot be read)").arg(QString::fromStdString(entry.id));
        case TasksColumn:
            return entry.lesson ? QVariant(tasks) : QVariant();
        case ProgressColumn:
            return entry.lesson && done_[row] > 0 ? tr("%1 of %2 done").arg(done_[row]).arg(tasks) : QString();
        default:
            return {};
    }
}

QVariant LessonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case TitleColumn:
            return tr("Lesson");
        case TasksColumn:
            return tr("Tasks");
        case ProgressColumn:
            return tr("Your progress");
        default:
            return {};
    }
}

}  // namespace eapscope::ui
