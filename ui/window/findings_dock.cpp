#include "window/findings_dock.h"

#include "models/event_format.h"
#include "models/findings_model.h"
#include "session/event_selection.h"
#include "session/session_document.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "checker/rule_catalogue.h"

namespace eapscope::ui {

FindingsDock::FindingsDock(SessionDocument* document, EventSelection* selection, QWidget* parent)
    : QWidget(parent), document_(document), selection_(selection), model_(new FindingsModel(document, this)),
      view_(new QTableView), details_(new QTextBrowser)
{
    view_->setObjectName(QStringLiteral("findingsTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    details_->setObjectName(QStringLiteral("findingDetails"));
    details_->setOpenLinks(false);
    details_->setPlaceholderText(tr("Select a finding to see what the rule means."));
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(view_);
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsDock::onCurrentChanged);
    connect(view_, &QTableView::clicked, this, &FindingsDock::onCurrentChanged);
    connect(selection_, &EventSelection::currentChanged, this, &FindingsDock::followSelection);
    connect(document_, &SessionDocument::resetDone, details_, &QTextBrowser::clear);
}

QString FindingsDock::detailsText() const
{
    return details_->toPlainText();
}

void FindingsDock::activateRow(int row)
{
    view_->setCurrentIndex(model_->index(row, 0));
    onCurrentChanged();
}

void FindingsDock::onCurrentChanged()
{
    if (updating_) {
        return;
    }
    const QModelIndex current = view_->currentIndex();
    if (!current.isValid()) {
        return;
    }
    showDetails(current.row());
    // The call that broke the rule is what the person wants to see; the Finding row otherwise.
    const QVariant call = model_->data(current, FindingsModel::CallRole);
    const EventId target = call.metaType().id() == QMetaType::UInt
                               ? EventId(call.toUInt())
                               : EventId(model_->data(current, FindingsModel::EventRole).toUInt());
    updating_ = true;
    selection_->select(target);
    updating_ = false;
}

void FindingsDock::showDetails(int row)
{
    const auto findings = document_->trace().findings();
    if (row < 0 || static_cast<std::size_t>(row) >= findings.size()) {
        details_->clear();
        return;
    }
    const FindingRecord& f = findings[static_cast<std::size_t>(row)];
    QString html = QStringLiteral("<h3>") + fromStd(f.rule).toHtmlEscaped() + QStringLiteral("</h3>");
    html += QStringLiteral("<p>") + findingMessageText(f).toHtmlEscaped() + QStringLiteral("</p>");
    const RuleInfo info = ruleInfo(f.rule);
    html += tr("<p><b>Rule:</b> %1</p><p><b>Severity:</b> %2</p><p><b>Reference:</b> %3</p>")
                .arg(ruleText(f.rule).toHtmlEscaped(), severityText(info.severity),
                     fromStd(info.section).toHtmlEscaped());
    if (f.bytes) {
        html += tr("<p><b>Bytes:</b> %1").arg(*f.bytes);
        if (f.blocks) {
            html += tr(" in %n block(s)", nullptr, static_cast<int>(*f.blocks));
        }
        html += QStringLiteral("</p>");
    }
    for (const auto& site : f.sites) {
        html += QStringLiteral("<pre>") + fromStd(site).toHtmlEscaped() + QStringLiteral("</pre>");
    }
    if (f.signal) {
        html += tr("<p><b>Signal:</b> %1</p>").arg(*f.signal);
    }
    details_->setHtml(html);
}

void FindingsDock::followSelection(EventId event)
{
    if (updating_) {
        return;
    }
    const QModelIndex row = model_->indexOfEvent(event);
    if (row.isValid()) {
        updating_ = true;
        view_->setCurrentIndex(row);
        showDetails(row.row());
        updating_ = false;
    }
}

}  // namespace eapscope::ui
