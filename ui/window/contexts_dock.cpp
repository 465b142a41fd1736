#include "window/contexts_dock.h"

#include "models/contexts_model.h"
#include "models/event_format.h"
#include "session/event_selection.h"
#include "session/session_document.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace eapscope::ui {

ContextsDock::ContextsDock(SessionDocument* document, EventSelection* selection, QWidget* parent)
    : QWidget(parent), document_(document), model_(new ContextsModel(document, this)), view_(new QTableView),
      methods_(new QTreeWidget)
{
    methods_->setObjectName(QStringLiteral("methodsTree"));
    methods_->setHeaderLabels({tr("Method"), tr("Detail")});
    methods_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->setObjectName(QStringLiteral("contextsTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(methods_);
    splitter->addWidget(view_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);
    connect(view_, &QTableView::clicked, this, [this, selection](const QModelIndex& index) {
        const auto contexts = document_->trace().contexts();
        const auto row = static_cast<std::size_t>(index.row());
        if (row < contexts.size() && contexts[row].created.valid()) {
            selection->select(contexts[row].created);
        }
    });
    connect(document_, &SessionDocument::eventsAppended, this, &ContextsDock::refreshMethods);
    connect(document_, &SessionDocument::resetDone, this, &ContextsDock::refreshMethods);
    refreshMethods();
}

void ContextsDock::setMethodDetails(const QStringList& lines)
{
    details_ = lines;
    methods_->clear();
    refreshMethods();
}

void ContextsDock::refreshMethods()
{
    const auto methods = document_->trace().methods();
    if (methods_->topLevelItemCount() == static_cast<int>(methods.size()) && !methods.empty()) {
        return;
    }
    methods_->clear();
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const MethodIdentity& m = methods[i];
        auto* item = new QTreeWidgetItem(methods_, {sideText(m.side) + QStringLiteral(": ") + fromStd(m.name),
                                                    tr("EAP type %1").arg(m.eapType)});
        new QTreeWidgetItem(item, {tr("Path"), fromStd(m.path)});
        new QTreeWidgetItem(item, {tr("SHA-256"), fromStd(m.sha256)});
        new QTreeWidgetItem(item, {tr("Roles"), tr("0x%1").arg(m.roles, 0, 16)});
        if (static_cast<int>(i) < details_.size()) {
            new QTreeWidgetItem(item, {tr("Exports"), details_[static_cast<int>(i)]});
        }
        item->setExpanded(true);
    }
}

}  // namespace eapscope::ui
