#include "models/packet_field_model.h"

#include "models/event_format.h"

#include <QBrush>
#include <QColor>

namespace eapscope::ui {

PacketFieldModel::PacketFieldModel(QObject* parent) : QAbstractItemModel(parent), children_(1) {}

void PacketFieldModel::setDecode(DecodedEap decode)
{
    beginResetModel();
    decode_ = std::move(decode);
    children_.assign(decode_.fields.size() + 1, {});
    rowInParent_.assign(decode_.fields.size(), 0);
    for (std::size_t i = 0; i < decode_.fields.size(); ++i) {
        int parent = decode_.fields[i].parent;
        if (parent < -1 || parent >= static_cast<int>(i)) {
            parent = -1;  // a decoder bug must not make a cycle
            decode_.fields[i].parent = -1;
        }
        auto& siblings = children_[static_cast<std::size_t>(parent + 1)];
        rowInParent_[i] = static_cast<int>(siblings.size());
        siblings.push_back(static_cast<int>(i));
    }
    endResetModel();
}

QModelIndex PacketFieldModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    const int parentField = parent.isValid() ? static_cast<int>(parent.internalId()) : -1;
    const auto& siblings = children_[static_cast<std::size_t>(parentField + 1)];
    return createIndex(row, column, static_cast<quintptr>(siblings[static_cast<std::size_t>(row)]));
}

QModelIndex PacketFieldModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) {
        return {};
    }
    const int parentField = decode_.fields[child.internalId()].parent;
    return parentField < 0 ? QModelIndex() : indexOfField(parentField);
}

QModelIndex PacketFieldModel::indexOfField(int field, int column) const
{
    return createIndex(rowInParent_[static_cast<std::size_t>(field)], column, static_cast<quintptr>(field));
}

int PacketFieldModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    const int field = parent.isValid() ? static_cast<int>(parent.internalId()) : -1;
    return static_cast<int>(children_[static_cast<std::size_t>(field + 1)].size());
}

int PacketFieldModel::columnCount(const QModelIndex& /*parent*/) const
{
    return ColumnCount;
}

QVariant PacketFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == FieldColumn ? tr("Field") : section == ValueColumn ? tr("Value") : QVariant();
}

QVariant PacketFieldModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const EapField& f = decode_.fields[index.internalId()];
    switch (role) {
    case Qt::DisplayRole: return index.column() == FieldColumn ? fromStd(f.label) : fromStd(f.value);
    case Qt::ToolTipRole:
        return f.anomaly.empty() ? tr("%1 — bytes %2..%3").arg(fromStd(f.key)).arg(f.offset).arg(f.offset + f.length)
                                 : fromStd(f.anomaly);
    case Qt::BackgroundRole: return f.anomaly.empty() ? QVariant() : QVariant(QBrush(QColor(230, 60, 60, 70)));
    case OffsetRole: return f.offset;
    case LengthRole: return f.length;
    case KeyRole: return fromStd(f.key);
    case AnomalyRole: return fromStd(f.anomaly);
    default: return {};
    }
}

QModelIndex PacketFieldModel::indexAtOffset(std::uint32_t offset) const
{
    int best = -1;
    std::uint32_t bestLength = 0;
    for (std::size_t i = 0; i < decode_.fields.size(); ++i) {
        const auto& f = decode_.fields[i];
        if (offset >= f.offset && offset < f.offset + f.length && (best < 0 || f.length <= bestLength)) {
            best = static_cast<int>(i);
            bestLength = f.length;
        }
    }
    return best < 0 ? QModelIndex() : indexOfField(best);
}

QModelIndex PacketFieldModel::indexOfKey(const QString& key) const
{
    for (std::size_t i = 0; i < decode_.fields.size(); ++i) {
        if (fromStd(decode_.fields[i].key) == key) {
            return indexOfField(static_cast<int>(i));
        }
    }
    return {};
}

}  // namespace eapscope::ui
