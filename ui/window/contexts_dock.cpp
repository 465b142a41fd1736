#include "window/contexts_dock.h"

#include "models/contexts_model.h"
#include "models/event_format.h"
#include "session/event_selection.h"
#include "session/session_document.h"

#include "window/column_fit.h"

#include <QHeaderView>
#include <QTimer>

#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

namespace eapscope::ui {

ContextsDock::ContextsDock(SessionDocument* document, EventSelection* selection, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new ContextsModel(document, this)),
      view_(new QTableView),
      methods_(new QTreeWidget)
{
    methods_->setObjectName(QStringLiteral("methodsTree"));
    methods_->setHeaderLabels({tr("Method"), tr("Detail")});
    methods_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->setObjectName(QStringLiteral("contextsTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->hide();
    // Fitted by fitColumns() after each change, once per pass of the event loop.
    auto* fit = new QTimer(this);
    fit->setSingleShot(true);
    fit->setInterval(0);
    connect(fit, &QTimer::timeout, this, &ContextsDock::fitColumns);
    connect(model_, &QAbstractItemModel::modelReset, fit, qOverload<>(&QTimer::start));
    connect(model_, &QAbstractItemModel::rowsInserted, fit, qOverload<>(&QTimer::start));
    connect(model_, &QAbstractItemModel::dataChanged, fit, qOverload<>(&QTimer::start));
    connect(model_, &QAbstractItemModel::headerDataChanged, fit, qOverload<>(&QTimer::start));
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

void ContextsDock::fitColumns()
{
    const CellWidth width(view_);
    std::array<int, ContextsModel::ColumnCount> needed{};
    for (int row = 0; row < model_->rowCount(); ++row) {
        for (int column = 0; column < ContextsModel::ColumnCount; ++column) {
            const QString text = model_->index(row, column).data().toString();
            if (!text.isEmpty()) {
                auto& wanted = needed[static_cast<std::size_t>(column)];
                wanted = std::max(wanted, width(text));
            }
        }
    }
    fitColumnWidths(view_, needed, -1, true);
}

void ContextsDock::setMethodDetails(const QStringList& lines)
{
    details_ = lines;
    methods_->clear();
    refreshMethods();
}

void ContextsDock::setMethodPreview(const QList<MethodPreview>& methods)
{
    preview_ = methods;
    methods_->clear();
    refreshMethods();
}

QString ContextsDock::rolesText(quint32 roles)
{
    const bool auth = (roles & 1u) != 0;  // RAS_EAP_ROLE_AUTHENTICATOR (raseap.h)
    const bool peer = (roles & 2u) != 0;  // RAS_EAP_ROLE_AUTHENTICATEE
    if (auth && peer) {
        return tr("authenticator and peer");
    }
    return auth ? tr("authenticator") : peer ? tr("peer") : tr("none");
}

void ContextsDock::showPreview(const QList<MethodPreview>& previews)
{
    for (const MethodPreview& m : previews) {
        auto* item = new QTreeWidgetItem(
            methods_, {tr("%1: %2").arg(sideText(m.side), m.name),
                       m.error.isEmpty() ? tr("EAP type %1").arg(m.eapType) : tr("cannot be loaded")});
        if (m.error.isEmpty()) {
            new QTreeWidgetItem(item, {tr("Roles"), rolesText(m.roles)});
            new QTreeWidgetItem(item, {tr("State"), tr("loaded on its first call (F10)")});
        } else {
            new QTreeWidgetItem(item, {tr("Error"), m.error});
        }
        item->setExpanded(true);
    }
}

void ContextsDock::refreshMethods()
{
    // The session's own method identities, then the preview of those not loaded yet (the
    // engine loads each side on its first call).
    const auto methods = document_->trace().methods();
    QList<MethodPreview> pending;
    for (const MethodPreview& m : std::as_const(preview_)) {
        if (std::none_of(methods.begin(), methods.end(),
                         [&](const MethodIdentity& id) { return id.side == m.side; })) {
            pending.append(m);
        }
    }
    const auto shown = static_cast<int>(methods.size()) + static_cast<int>(pending.size());
    if (methods_->topLevelItemCount() == shown && shown > 0 && shownLoaded_ == methods.size()) {
        return;
    }
    methods_->clear();
    shownLoaded_ = methods.size();
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const MethodIdentity& m = methods[i];
        auto* item = new QTreeWidgetItem(methods_, {tr("%1: %2").arg(sideText(m.side), fromStd(m.name)),
                                                    tr("EAP type %1").arg(m.eapType)});
        new QTreeWidgetItem(item, {tr("Path"), fromStd(m.path)});
        new QTreeWidgetItem(item, {tr("SHA-256"), fromStd(m.sha256)});
        new QTreeWidgetItem(item, {tr("Roles"), rolesText(m.roles)});
        if (static_cast<int>(i) < details_.size()) {
            new QTreeWidgetItem(item, {tr("Exports"), details_[static_cast<int>(i)]});
        }
        item->setExpanded(true);
    }
    showPreview(pending);
}

}  // namespace eapscope::ui
