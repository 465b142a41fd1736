#include "lesson/lesson_task_model.h"

#include <QFont>

namespace eapscope::ui {

LessonTaskModel::LessonTaskModel(QObject* parent) : QAbstractListModel(parent) {}

void LessonTaskModel::setLesson(const std::optional<Lesson>& lesson, Language language)
{
    beginResetModel();
    lesson_ = lesson;
    language_ = language;
    progress_ = {};
    endResetModel();
}

void LessonTaskModel::setProgress(const LessonProgress& progress)
{
    const LessonProgress old = std::move(progress_);
    progress_ = progress;
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        const auto r = static_cast<std::size_t>(row);
        const bool wasCurrent = old.current == r;
        const bool isCurrent = progress_.current == r;
        const bool same = r < old.tasks.size() && r < progress_.tasks.size() &&
                          old.tasks[r].done == progress_.tasks[r].done &&
                          old.tasks[r].hints == progress_.tasks[r].hints &&
                          old.tasks[r].wrongAnswers == progress_.tasks[r].wrongAnswers && wasCurrent == isCurrent;
        if (!same) {
            emit dataChanged(index(row), index(row));
        }
    }
}

int LessonTaskModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !lesson_ ? 0 : static_cast<int>(lesson_->tasks.size());
}

Qt::ItemFlags LessonTaskModel::flags(const QModelIndex& index) const
{
    // Checked by the evaluator, never by the learner: not user-checkable.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren : Qt::NoItemFlags;
}

QVariant LessonTaskModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !lesson_ || index.row() >= rowCount()) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const LessonTask& task = lesson_->tasks[row];
    const TaskState* state = row < progress_.tasks.size() ? &progress_.tasks[row] : nullptr;
    const bool done = state != nullptr && state->done;
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1. %2").arg(index.row() + 1).arg(QString::fromStdString(task.text.in(language_)));
        case Qt::CheckStateRole:
            return done ? Qt::Checked : Qt::Unchecked;
        case Qt::FontRole: {
            if (progress_.current != row) {
                return {};
            }
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::ToolTipRole:
            return state != nullptr && state->hints > 0 ? tr("%n hint(s) used", nullptr, static_cast<int>(state->hints))
                                                        : QVariant();
        case TaskIdRole:
            return QString::fromStdString(task.id);
        case DoneRole:
            return done;
        case CurrentRole:
            return progress_.current == row;
        case HintsRole:
            return state != nullptr ? state->hints : 0u;
        case WrongAnswersRole:
            return state != nullptr ? state->wrongAnswers : 0u;
        default:
            return {};
    }
}

}  // namespace eapscope::ui
