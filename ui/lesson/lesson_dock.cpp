#include "lesson/lesson_dock.h"

#include "lesson/lesson_session.h"
#include "lesson/lesson_task_model.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace eapscope::ui {
namespace {

// Presenter text sizes, largest first, relative to the (already enlarged) application font: a
// short task is read from the back of the room, a long one still fits its box at 1280×720.
constexpr double kPresenterTextScales[] = {1.6, 1.45, 1.3, 1.15, 1.0};

QLabel* wrapped(const QString& name)
{
    auto* label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void colour(QLabel* label, const QColor& text, const QColor& background = QColor())
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, text);
    if (background.isValid()) {
        palette.setColor(QPalette::Window, background);
        label->setAutoFillBackground(true);
    }
    label->setPalette(palette);
}

QPushButton* button(const QString& name, const QString& text)
{
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    return b;
}

}  // namespace

LessonDock::LessonDock(LessonSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      title_(wrapped(QStringLiteral("lessonTitle"))),
      learner_(wrapped(QStringLiteral("lessonLearner"))),
      progress_(new QProgressBar),
      tasks_(new QListView),
      banner_(wrapped(QStringLiteral("lessonBanner"))),
      area_(new QScrollArea),
      text_(wrapped(QStringLiteral("lessonTaskText"))),
      hint_(wrapped(QStringLiteral("lessonHint"))),
      answer_(new QLineEdit),
      feedback_(wrapped(QStringLiteral("lessonFeedback"))),
      explanation_(wrapped(QStringLiteral("lessonExplanation"))),
      revealButton_(button(QStringLiteral("lessonReveal"), tr("&Reveal the answer"))),
      hintButton_(button(QStringLiteral("lessonHintButton"), tr("&Hint"))),
      check_(button(QStringLiteral("lessonCheck"), tr("&Check"))),
      restore_(button(QStringLiteral("lessonRestore"), tr("Re&store"))),
      next_(button(QStringLiteral("lessonNext"), tr("&Next")))
{
    setTitleFont();
    progress_->setObjectName(QStringLiteral("lessonProgress"));
    tasks_->setObjectName(QStringLiteral("lessonTasks"));
    tasks_->setModel(session_->taskModel());
    tasks_->setWordWrap(true);
    tasks_->setMaximumHeight(180);
    tasks_->setSelectionMode(QAbstractItemView::NoSelection);
    // Colours through the palette, not style sheets: a style sheet pins the font it was polished
    // with, and presenter mode enlarges the application's font.
    colour(banner_, QColor(0x5c, 0x44, 0x00), QColor(0xff, 0xf3, 0xcd));
    banner_->setMargin(4);
    colour(hint_, palette().color(QPalette::PlaceholderText));
    colour(feedback_, QColor(0xc6, 0x28, 0x28));
    answer_->setObjectName(QStringLiteral("lessonAnswer"));
    answer_->setPlaceholderText(tr("Your answer"));
    check_->setToolTip(tr("Check the answer, or whether the session already shows what the task asks"));
    restore_->setToolTip(tr("Go back to the state where this task starts"));
    next_->setToolTip(tr("Move on once this task is done"));

    auto* buttons = new QGridLayout;
    buttons->addWidget(hintButton_, 0, 0);
    buttons->addWidget(check_, 0, 1);
    buttons->addWidget(restore_, 1, 0);
    buttons->addWidget(next_, 1, 1);
    // The task's text and what the learner reads about it scroll together, so a long text is
    // never cut; the answer field and the buttons stay in place below it.
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("lessonTaskPage"));
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(text_);
    pageLayout->addWidget(hint_);
    pageLayout->addWidget(feedback_);
    pageLayout->addWidget(revealButton_);
    pageLayout->addWidget(explanation_);
    pageLayout->addStretch(1);
    area_->setObjectName(QStringLiteral("lessonTaskArea"));
    area_->setWidget(page);
    area_->setWidgetResizable(true);
    area_->setFrameShape(QFrame::NoFrame);
    area_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area_->viewport()->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(learner_);
    layout->addWidget(progress_);
    layout->addWidget(tasks_);
    layout->addWidget(banner_);
    layout->addWidget(area_, 1);
    layout->addWidget(answer_);
    layout->addLayout(buttons);

    connect(hintButton_, &QPushButton::clicked, session_, &LessonSession::hint);
    connect(check_, &QPushButton::clicked, this, &LessonDock::onCheck);
    connect(answer_, &QLineEdit::returnPressed, this, &LessonDock::onCheck);
    connect(restore_, &QPushButton::clicked, session_, &LessonSession::restore);
    connect(next_, &QPushButton::clicked, session_, &LessonSession::next);
    connect(revealButton_, &QPushButton::clicked, this, &LessonDock::reveal);
    connect(session_, &LessonSession::changed, this, &LessonDock::refresh);
    connect(session_, &LessonSession::hintShown, this, [this](const QString& text) {
        hintFor_ = session_->shownTask();
        hint_->setText(tr("Hint: %1").arg(text));
        hint_->show();
    });
    refresh();
}

void LessonDock::onCheck()
{
    if (session_->check(answer_->text())) {
        answer_->clear();
    }
    refresh();
}

void LessonDock::setPresenter(bool on)
{
    presenter_ = on;
    revealed_ = false;
    // The room reads the task; the list of tasks is the learner's (the progress bar stays).
    tasks_->setVisible(!on);
    if (!on) {
        text_->setFont(QFont());  // back to the dock's font
    }
    refresh();
}

void LessonDock::setTitleFont()
{
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title_->setFont(bold);
}

void LessonDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {  // presenter mode enlarges the application font
        setTitleFont();
    }
    QWidget::changeEvent(event);
}

bool LessonDock::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == area_->viewport() && event->type() == QEvent::Resize && presenter_) {
        fitText();
    }
    return QWidget::eventFilter(watched, event);
}

void LessonDock::fitText()
{
    if (!presenter_) {
        return;
    }
    QWidget* page = area_->widget();
    const int room = area_->viewport()->height();
    const int width = area_->viewport()->width();
    const double base = font().pointSizeF();
    for (const double scale : kPresenterTextScales) {
        QFont big = font();
        big.setPointSizeF(base * scale);
        text_->setFont(big);
        page->layout()->activate();
        if (page->layout()->hasHeightForWidth() ? page->layout()->heightForWidth(width) <= room
                                                : page->sizeHint().height() <= room) {
            return;
        }
    }
}

void LessonDock::reveal()
{
    revealed_ = true;
    refresh();
}

void LessonDock::refresh()
{
    const Lesson* lesson = session_->lesson();
    setEnabled(lesson != nullptr);
    if (lesson == nullptr) {
        title_->setText(tr("No lesson: choose one in Help → Lessons…"));
        progress_->setRange(0, 1);
        progress_->setValue(0);
        progress_->setFormat(QString());
        for (QWidget* w : std::initializer_list<QWidget*>{learner_, banner_, text_, hint_, answer_, feedback_,
                                                          revealButton_, explanation_}) {
            w->hide();
        }
        return;
    }
    const Language language = session_->language();
    const LessonProgress& progress = session_->progress();
    const std::size_t shown = std::min(session_->shownTask(), lesson->tasks.size() - 1);
    const LessonTask& task = lesson->tasks[shown];
    const bool done = session_->shownTaskDone();
    if (shown != shownBefore_) {
        shownBefore_ = shown;
        revealed_ = false;
    }
    title_->setText(QString::fromStdString(lesson->title.in(language)));
    // The values (identity, contexts, …) follow the name: say whose they are.
    learner_->setText(session_->learner().isEmpty()
                          ? tr("No learner name: you have the values of every unnamed learner. Give your "
                               "name in Help → Lessons… to get your own.")
                          : tr("Learner: %1").arg(session_->learner()));
    learner_->setVisible(!presenter_);
    progress_->setRange(0, static_cast<int>(lesson->tasks.size()));
    progress_->setValue(static_cast<int>(progress.doneCount));
    progress_->setFormat(
        tr("%n of %1 tasks done", nullptr, static_cast<int>(progress.doneCount)).arg(lesson->tasks.size()));
    text_->setText(tr("Task %1 of %2: %3")
                       .arg(shown + 1)
                       .arg(lesson->tasks.size())
                       .arg(QString::fromStdString(task.text.in(language))));
    text_->show();
    hint_->setVisible(hintFor_ == shown && !hint_->text().isEmpty());
    const bool question = task.condition.kind == ConditionKind::Answer;
    answer_->setVisible(question && !done);
    answer_->setPlaceholderText(question && task.condition.question == QuestionKind::Packet
                                    ? tr("Select the packet in the events or the timeline, then Check")
                                    : tr("Your answer"));
    feedback_->setText(done ? QString() : session_->feedback());
    feedback_->setVisible(!feedback_->text().isEmpty());
    const QString explanation = QString::fromStdString(task.explanation.in(language));
    const bool showExplanation = done && !explanation.isEmpty() && (!presenter_ || revealed_);
    explanation_->setText(done ? tr("Done. %1").arg(explanation) : QString());
    explanation_->setVisible(showExplanation);
    revealButton_->setVisible(presenter_ && done && !revealed_ && !explanation.isEmpty());
    const bool off = session_->wanderedOff();
    banner_->setText(
        off ? tr("You have left the point where this task starts. Restore brings you back there.")
            : QString());
    banner_->setVisible(off);
    restore_->setDefault(off);
    check_->setEnabled(!done);
    next_->setEnabled(done && shown + 1 < lesson->tasks.size());
    if (progress.complete() && shown + 1 == lesson->tasks.size()) {
        explanation_->setText(tr("Done. %1\nLesson complete: every task is done.").arg(explanation));
        explanation_->setVisible(!presenter_ || revealed_);
    }
    fitText();
}

}  // namespace eapscope::ui
