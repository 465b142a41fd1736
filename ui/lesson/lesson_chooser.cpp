#include "lesson/lesson_chooser.h"

#include "lesson/lesson_list_model.h"
#include "lesson/lesson_session.h"
#include "window/app_settings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace eapscope::ui {

LessonChooser::LessonChooser(QWidget* parent)
    : QDialog(parent), settings_(std::make_unique<AppSettings>()), model_(new LessonListModel(this)),
      view_(new QTableView), learner_(new QLineEdit)
{
    setObjectName(QStringLiteral("lessonChooser"));
    setWindowTitle(tr("Lessons"));
    view_->setObjectName(QStringLiteral("lessonList"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(LessonListModel::TitleColumn, QHeaderView::Stretch);
    learner_->setObjectName(QStringLiteral("learnerName"));
    learner_->setText(settings_->learnerName());
    learner_->setPlaceholderText(tr("Your name (your values differ from your neighbours')"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    QPushButton* reset = buttons->addButton(tr("&Reset progress"), QDialogButtonBox::ResetRole);
    reset->setObjectName(QStringLiteral("lessonReset"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Learner:"), learner_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        settings_->setLearnerName(learner_->text().trimmed());
        if (!lessonId().isEmpty()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(view_, &QTableView::doubleClicked, this, [this] {
        settings_->setLearnerName(learner_->text().trimmed());
        accept();
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        const QString id = lessonId();
        if (id.isEmpty() || QMessageBox::question(this, tr("Reset progress"),
                                                  tr("Forget your progress in this lesson?")) != QMessageBox::Yes) {
            return;
        }
        settings_->resetLessonProgress(id);
        model_->setDoneTasks(id, 0);
        emit resetRequested(id);
    });
    load();
    resize(720, 480);
}

LessonChooser::~LessonChooser() = default;

void LessonChooser::load()
{
    model_->setLessons(listLessons(), LessonSession::uiLanguage());
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QString id = model_->index(row, 0).data(LessonListModel::LessonIdRole).toString();
        model_->setDoneTasks(id, static_cast<int>(settings_->lessonProgress(id).done.size()));
    }
    view_->resizeColumnsToContents();
    if (model_->rowCount() > 0) {
        view_->selectRow(0);
    }
}

QString LessonChooser::lessonId() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(LessonListModel::LessonIdRole).toString();
}

}  // namespace eapscope::ui
