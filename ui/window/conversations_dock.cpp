#include "window/conversations_dock.h"

#include "models/conversations_model.h"
#include "models/event_format.h"
#include "session/capture_session.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "window/certificate_dialog.h"

#include "report/capture_report.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace eapscope::ui {
namespace {

constexpr int kEventRole = Qt::UserRole;
constexpr int kIndexRole = Qt::UserRole + 1;

QString certificateLine(const CapturedCertificate& c)
{
    QString line = (c.sender == Sender::Server ? ConversationsDock::tr("server: %1")
                                               : ConversationsDock::tr("device: %1"))
                       .arg(fromStd(c.details->subject));
    if (c.expired) {
        line += ConversationsDock::tr(" — expired");
    } else if (c.notYetValid) {
        line += ConversationsDock::tr(" — not yet valid");
    }
    return line;
}

// A reason is a sentence a support engineer pastes into a ticket: its row is as tall as the
// sentence wrapped at the column's width, never elided (QTreeView sizes rows without the wrap).
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const int width = view_->header()->sectionSize(index.column());
        if (width <= 0) {
            return QStyledItemDelegate::sizeHint(option, index);
        }
        item.rect = QRect(0, 0, width, 0);
        const QStyle* style = view_->style();
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &item, view_);
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view_) + 1;
        const int textWidth = std::max(20, text.width() - 2 * margin);
        const QRect bounds = item.fontMetrics.boundingRect(QRect(0, 0, textWidth, 1 << 20),
                                                           Qt::TextWordWrap | Qt::AlignLeft, item.text);
        const QSize base = QStyledItemDelegate::sizeHint(option, index);
        return {width, std::max(base.height(), bounds.height() + 2 * margin + 2)};
    }

private:
    QTreeView* view_;
};

}  // namespace

ConversationsDock::ConversationsDock(const SessionDocument* document, EventSelection* selection,
                                     QWidget* parent)
    : QWidget(parent),
      document_(document),
      selection_(selection),
      model_(new ConversationsModel(document, this)),
      view_(new QTableView),
      verdict_(new QLabel),
      reasons_(new QTreeWidget),
      advice_(new QLabel),
      certificates_(new QListWidget),
      viewCertificate_(new QPushButton(tr("View certificate…"))),
      showAll_(new QPushButton(tr("All conversations"))),
      exportReport_(new QAction(tr("&Export report…"), this))
{
    exportReport_->setObjectName(QStringLiteral("actionExportReport"));
    exportReport_->setToolTip(
        tr("Write a self-contained HTML report of the capture's diagnosis for a ticket"));
    connect(exportReport_, &QAction::triggered, this, &ConversationsDock::onExportReport);
    showAll_->setObjectName(QStringLiteral("showAllConversations"));
    connect(showAll_, &QPushButton::clicked, this, &ConversationsDock::showAll);
    view_->setObjectName(QStringLiteral("conversationTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    // What a support engineer reads first comes first: the verdict and the reason in words, whole
    // (a dock is narrow: the other columns follow, reached by scrolling).
    QHeaderView* columns = view_->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->moveSection(columns->visualIndex(ConversationsModel::VerdictColumn), 1);
    columns->moveSection(columns->visualIndex(ConversationsModel::ReasonColumn), 2);
    verdict_->setObjectName(QStringLiteral("verdictLabel"));
    verdict_->setTextFormat(Qt::RichText);
    reasons_->setObjectName(QStringLiteral("reasonList"));
    reasons_->setHeaderLabels({tr("Why"), tr("Frame")});
    reasons_->setRootIsDecorated(false);
    reasons_->setWordWrap(true);  // a reason is a sentence: wrapped in full, never elided
    reasons_->setTextElideMode(Qt::ElideNone);
    reasons_->setUniformRowHeights(false);
    reasons_->setItemDelegate(new WrappingDelegate(reasons_));
    connect(reasons_->header(), &QHeaderView::sectionResized, reasons_,
            [this] { reasons_->doItemsLayout(); });
    reasons_->header()->setStretchLastSection(false);
    reasons_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    reasons_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    advice_->setObjectName(QStringLiteral("adviceLabel"));
    advice_->setWordWrap(true);
    advice_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    certificates_->setObjectName(QStringLiteral("certificateList"));
    certificates_->setMaximumHeight(90);
    viewCertificate_->setObjectName(QStringLiteral("viewCertificate"));

    auto* diagnosis = new QWidget;
    auto* lower = new QVBoxLayout(diagnosis);
    lower->setContentsMargins(0, 0, 0, 0);
    lower->addWidget(verdict_);
    lower->addWidget(reasons_, 1);
    lower->addWidget(advice_);
    lower->addWidget(new QLabel(tr("Certificates sent in clear:")));
    lower->addWidget(certificates_);
    lower->addWidget(viewCertificate_, 0, Qt::AlignRight);
    auto* list = new QWidget;
    auto* upper = new QVBoxLayout(list);
    upper->setContentsMargins(0, 0, 0, 0);
    upper->addWidget(view_, 1);
    upper->addWidget(showAll_, 0, Qt::AlignRight);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(list);
    splitter->addWidget(diagnosis);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConversationsDock::onConversationChanged);
    connect(reasons_, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { activateReason(item->data(0, kIndexRole).toInt()); });
    connect(reasons_, &QTreeWidget::currentItemChanged, this, &ConversationsDock::showReasonAdvice);
    connect(certificates_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openCertificate(item->data(kIndexRole).toInt()); });
    connect(viewCertificate_, &QPushButton::clicked, this,
            [this] { openCertificate(std::max(0, certificates_->currentRow())); });
    connect(document_, &SessionDocument::resetDone, this, &ConversationsDock::onReset);
    onReset();
}

QString ConversationsDock::verdictText() const
{
    return verdict_->text();
}

QString ConversationsDock::adviceText() const
{
    return advice_->text();
}

void ConversationsDock::onReset()
{
    exportReport_->setEnabled(document_->capture() != nullptr);
    showAll_->setEnabled(document_->capture() != nullptr);
    // One conversation: show its diagnosis at once; several: the person picks one.
    if (model_->rowCount() == 1) {
        selectConversation(0);
        return;
    }
    showDiagnosis(-1);
    emit conversationSelected(ContextId());
}

void ConversationsDock::showAll()
{
    view_->selectionModel()->clearCurrentIndex();
    view_->clearSelection();
    showDiagnosis(-1);
    emit conversationSelected(ContextId());
}

QString ConversationsDock::exportReport(const QString& path) const
{
    const CaptureSession* session = document_->capture();
    if (session == nullptr) {
        return tr("Open a capture first: the report describes a capture's conversations.");
    }
    HtmlReportOptions options;
    options.generator = tr("EapScope %1").arg(QCoreApplication::applicationVersion()).toStdString();
    const Status written =
        writeCaptureReportHtml(path.toStdString(), session->capture, session->diagnosis, options);
    return written ? QString() : errorText(written);
}

void ConversationsDock::onExportReport()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export report"), QString(), tr("HTML pages (*.html)"));
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QStringLiteral(".html")) && !path.endsWith(QStringLiteral(".htm"))) {
        path += QStringLiteral(".html");
    }
    const QString error = exportReport(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export report"), error);
    }
}

void ConversationsDock::selectConversation(int row)
{
    if (row >= 0 && row < model_->rowCount()) {
        view_->setCurrentIndex(model_->index(row, 0));
    }
}

void ConversationsDock::onConversationChanged()
{
    const QModelIndex current = view_->currentIndex();
    const int conversation =
        current.isValid() ? current.data(ConversationsModel::ConversationRole).toInt() : -1;
    showDiagnosis(conversation);
    const int context = current.isValid() ? current.data(ConversationsModel::ContextRole).toInt() : -1;
    emit conversationSelected(context >= 0 ? ContextId(static_cast<std::uint32_t>(context)) : ContextId());
}

void ConversationsDock::showDiagnosis(int conversation)
{
    conversation_ = conversation;
    reasons_->clear();
    certificates_->clear();
    advice_->clear();
    const CaptureSession* session = document_->capture();
    const ConversationDiagnosis* diagnosis =
        session != nullptr && conversation >= 0 ? session->diagnosisOf(static_cast<std::size_t>(conversation))
                                                : nullptr;
    viewCertificate_->setEnabled(diagnosis != nullptr && !diagnosis->certificates.empty());
    if (diagnosis == nullptr) {
        verdict_->setText(session == nullptr
                              ? tr("Open a capture to see why its conversations succeeded or failed.")
                              : tr("%n conversation(s): select one to see why it ended as it did.", nullptr,
                                   static_cast<int>(session->capture.conversations.size())));
        return;
    }
    verdict_->setText(tr("Conversation %1: <b style=\"color:%2\">%3</b>")
                          .arg(conversation + 1)
                          .arg(ConversationsModel::verdictColor(diagnosis->verdict).name(),
                               ConversationsModel::verdictText(diagnosis->verdict)));
    for (std::size_t i = 0; i < diagnosis->reasons.size(); ++i) {
        const Reason& reason = diagnosis->reasons[i];
        auto* item =
            new QTreeWidgetItem(reasons_, {ConversationsModel::reasonText(reason),
                                           reason.frame > 0 ? QString::number(reason.frame) : QString()});
        item->setToolTip(0, fromStd(reason.id));
        item->setIcon(0, style()->standardIcon(
                             reason.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                             : reason.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                    : QStyle::SP_MessageBoxInformation));
        item->setData(0, kEventRole, reason.event.valid() ? static_cast<int>(reason.event.value()) : -1);
        item->setData(0, kIndexRole, static_cast<int>(i));
    }
    if (diagnosis->reasons.empty()) {
        new QTreeWidgetItem(reasons_, {tr("No reason to report.")});
    }
    for (std::size_t i = 0; i < diagnosis->certificates.size(); ++i) {
        auto* item = new QListWidgetItem(certificateLine(diagnosis->certificates[i]), certificates_);
        item->setData(kIndexRole, static_cast<int>(i));
    }
    if (diagnosis->tls && diagnosis->tls->certificatesEncrypted) {
        new QListWidgetItem(tr("TLS 1.3: the certificates travel encrypted and cannot be shown."),
                            certificates_);
    }
    reasons_->setCurrentItem(reasons_->topLevelItem(0));
    showReasonAdvice();
}

void ConversationsDock::showReasonAdvice()
{
    const CaptureSession* session = document_->capture();
    QTreeWidgetItem* item = reasons_->currentItem();
    if (session == nullptr || item == nullptr || conversation_ < 0) {
        advice_->clear();
        return;
    }
    const ConversationDiagnosis* diagnosis = session->diagnosisOf(static_cast<std::size_t>(conversation_));
    const int index = item->data(0, kIndexRole).toInt();
    if (diagnosis == nullptr || !item->data(0, kIndexRole).isValid() || index < 0 ||
        static_cast<std::size_t>(index) >= diagnosis->reasons.size()) {
        advice_->clear();
        return;
    }
    advice_->setText(tr("What to do: %1").arg(ConversationsModel::reasonAdvice(diagnosis->reasons[index])));
}

void ConversationsDock::activateReason(int index)
{
    QTreeWidgetItem* item = reasons_->topLevelItem(index);
    if (item == nullptr) {
        return;
    }
    reasons_->setCurrentItem(item);
    const int event = item->data(0, kEventRole).toInt();
    if (item->data(0, kEventRole).isValid() && event >= 0) {
        selection_->select(EventId(static_cast<std::uint32_t>(event)));
    }
}

void ConversationsDock::openCertificate(int index)
{
    const CaptureSession* session = document_->capture();
    const ConversationDiagnosis* diagnosis =
        session != nullptr && conversation_ >= 0
            ? session->diagnosisOf(static_cast<std::size_t>(conversation_))
            : nullptr;
    if (diagnosis == nullptr || index < 0 ||
        static_cast<std::size_t>(index) >= diagnosis->certificates.size()) {
        return;
    }
    // The chain as sent: the certificates of the same message (same sender and frame).
    const CapturedCertificate& chosen = diagnosis->certificates[static_cast<std::size_t>(index)];
    std::vector<CapturedCertificate> chain;
    int current = 0;
    for (std::size_t i = 0; i < diagnosis->certificates.size(); ++i) {
        const CapturedCertificate& c = diagnosis->certificates[i];
        if (c.sender == chosen.sender && c.frame == chosen.frame) {
            if (static_cast<int>(i) == index) {
                current = static_cast<int>(chain.size());
            }
            chain.push_back(c);
        }
    }
    auto* dialog = new CertificateDialog(std::move(chain), current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    selection_->select(chosen.event);
}

}  // namespace eapscope::ui
