#include "models/contexts_model.h"

#include "models/event_format.h"
#include "session/session_document.h"

namespace eapscope::ui {

ContextsModel::ContextsModel(const SessionDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    connect(document, &SessionDocument::eventsAppended, this, &ContextsModel::onAppended);
    connect(document, &SessionDocument::truncated, this, &ContextsModel::refoldAll);
    connect(document, &SessionDocument::resetDone, this, &ContextsModel::refoldAll);
    refoldAll();
}

int ContextsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : rows_;
}

int ContextsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContextsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case ContextColumn:
            return tr("Context");
        case SideColumn:
            return tr("Side");
        case StateColumn:
            return tr("State");
        case CallsColumn:
            return tr("Calls");
        case WorkBufferColumn:
            return tr("Work buffer");
        case WorkBufferSizeColumn:
            return tr("Size");
        case LiveHeapColumn:
            return tr("Live heap");
        case LeakedColumn:
            return tr("Leaked");
        default:
            return {};
    }
}

QVariant ContextsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const ContextFigures& f = figures_[row];
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case Qt::ToolTipRole:  // the side's full name; the cell has the short one, as the event table
            return index.column() == SideColumn && row < document_->trace().contexts().size()
                       ? sideText(document_->trace().context(ContextId(static_cast<std::uint32_t>(row))).side)
                       : QVariant();
        case ContextIdRole:
            return static_cast<uint>(row);
        case StateRole:
            return static_cast<int>(f.state);
        case LiveBytesRole:
            return static_cast<qulonglong>(f.liveBytes);
        case WorkBufferRole:
            return static_cast<qulonglong>(f.workBuffer);
        default:
            return {};
    }
}

QVariant ContextsModel::display(std::size_t row, int column) const
{
    const Trace& trace = document_->trace();
    const ContextFigures& f = figures_[row];
    const ContextId id(static_cast<std::uint32_t>(row));
    switch (column) {
        case ContextColumn:
            return contextText(trace, id);
        case SideColumn:
            return row < trace.contexts().size() ? sideShortText(trace.context(id).side) : QString();
        case StateColumn:
            return stateText(f.state);
        case CallsColumn:
            return f.calls;
        case WorkBufferColumn:
            return f.workBuffer != 0 ? addressText(f.workBuffer) : QString();
        case WorkBufferSizeColumn:
            return f.workBufferSize != 0 ? bytesText(f.workBufferSize) : QString();
        case LiveHeapColumn:
            return tr("%1 in %n block(s)", nullptr, static_cast<int>(f.liveBlocks)).arg(f.liveBytes);
        case LeakedColumn:
            return f.leakedBytes != 0 ? bytesText(f.leakedBytes) : QString();
        default:
            return {};
    }
}

const ContextFigures* ContextsModel::figures(ContextId context) const
{
    return context.valid() && context.value() < static_cast<std::uint32_t>(rows_) ? &figures_[context.value()]
                                                                                  : nullptr;
}

void ContextsModel::foldHeap(const EventRow& row)
{
    if (row.kind == EventKind::HeapAlloc) {
        live_[row.a] = Block{row.context, row.b};
        if (row.context.valid() && row.context.value() < figures_.size()) {
            figures_[row.context.value()].liveBytes += row.b;
            figures_[row.context.value()].liveBlocks += 1;
        }
        return;
    }
    const auto it = live_.find(row.a);
    if (it == live_.end()) {
        return;
    }
    // A free is charged to the context that owned the block, whoever freed it.
    const ContextId owner = it->second.context;
    if (owner.valid() && owner.value() < figures_.size()) {
        auto& f = figures_[owner.value()];
        f.liveBytes -= std::min(f.liveBytes, it->second.size);
        f.liveBlocks -= std::min<std::uint64_t>(f.liveBlocks, 1);
    }
    live_.erase(it);
}

void ContextsModel::fold(std::size_t first, std::size_t end)
{
    const Trace& trace = document_->trace();
    figures_.resize(trace.contexts().size());
    for (std::size_t i = first; i < end; ++i) {
        const EventRow row = trace.row(EventId(static_cast<std::uint32_t>(i)));
        if (row.kind == EventKind::HeapAlloc || row.kind == EventKind::HeapFree) {
            foldHeap(row);
            continue;
        }
        if (!row.context.valid() || row.context.value() >= figures_.size()) {
            continue;
        }
        ContextFigures& f = figures_[row.context.value()];
        if (row.kind == EventKind::State) {
            f.state = static_cast<ContextState>(row.aux);
        } else if (row.kind == EventKind::CallStart) {
            ++f.calls;
        } else if (row.kind == EventKind::CallEnd && row.entry == EntryPoint::Begin && row.result == 0) {
            f.workBuffer = row.a;
            const auto it = live_.find(row.a);
            f.workBufferSize = it != live_.end() ? it->second.size : 0;
        } else if (row.kind == EventKind::Finding && row.aux < trace.findings().size()) {
            const FindingRecord& finding = trace.finding(FindingId(row.aux));
            if ((finding.rule == "HEAP_LEAK" || finding.rule == "WORKBUFFER_NOT_FREED") && finding.bytes) {
                f.leakedBytes += *finding.bytes;
            }
        }
    }
}

void ContextsModel::onAppended(std::size_t first, std::size_t end)
{
    const int before = rows_;
    fold(first, end);
    const int now = static_cast<int>(figures_.size());
    if (now > before) {
        beginInsertRows({}, before, now - 1);
        rows_ = now;
        endInsertRows();
    }
    if (before > 0) {
        emit dataChanged(index(0, 0), index(before - 1, ColumnCount - 1));
    }
}

void ContextsModel::refoldAll()
{
    beginResetModel();
    figures_.clear();
    live_.clear();
    fold(0, document_->announcedEvents());
    rows_ = static_cast<int>(figures_.size());
    endResetModel();
}

}  // namespace eapscope::ui
