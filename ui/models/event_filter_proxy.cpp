#include "models/event_filter_proxy.h"

#include "models/event_table_model.h"

namespace eapscope::ui {

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    // Appended rows are filtered as they arrive; sorting stays in trace order.
    setDynamicSortFilter(true);
}

void EventFilterProxy::setSide(int side)
{
    if (side != side_) {
        side_ = side;
        refilter();
    }
}

void EventFilterProxy::setContext(int context)
{
    if (context != context_) {
        context_ = context;
        refilter();
    }
}

void EventFilterProxy::setKindMask(std::uint32_t mask)
{
    if (mask != kindMask_) {
        kindMask_ = mask;
        refilter();
    }
}

void EventFilterProxy::setText(const QString& text)
{
    if (text != text_) {
        text_ = text;
        refilter();
    }
}

void EventFilterProxy::refilter()
{
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (side_ < 0 && context_ < 0 && kindMask_ == kAllKinds && text_.isEmpty()) {
        return true;  // no filter: a million rows are mapped without asking the model about each
    }
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (side_ >= 0 && model->data(first, EventTableModel::SideRole).toInt() != side_) {
        return false;
    }
    if (context_ >= 0 && model->data(first, EventTableModel::ContextRole).toInt() != context_) {
        return false;
    }
    const int kind = model->data(first, EventTableModel::KindRole).toInt();
    if ((kindMask_ & (1u << kind)) == 0) {
        return false;
    }
    if (text_.isEmpty()) {
        return true;
    }
    for (const int column :
         {EventTableModel::KindColumn, EventTableModel::EntryColumn, EventTableModel::ActionColumn,
          EventTableModel::ResultColumn, EventTableModel::DetailColumn, EventTableModel::InfoColumn}) {
        if (model->data(model->index(sourceRow, column, sourceParent))
                .toString()
                .contains(text_, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

}  // namespace eapscope::ui
