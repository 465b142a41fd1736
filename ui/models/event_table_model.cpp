#include "models/event_table_model.h"

#include "eap/eap_decoder.h"
#include "eap/eap_types.h"
#include "models/event_format.h"
#include "session/session_document.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>

namespace eapscope::ui {

EventTableModel::EventTableModel(const SessionDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    connect(document, &SessionDocument::eventsAppended, this, &EventTableModel::onAppended);
    connect(document, &SessionDocument::aboutToTruncate, this, &EventTableModel::onAboutToTruncate);
    connect(document, &SessionDocument::truncated, this, &EventTableModel::onTruncated);
    connect(document, &SessionDocument::aboutToReset, this, &EventTableModel::onAboutToReset);
    connect(document, &SessionDocument::resetDone, this, &EventTableModel::onReset);
    connect(document, &SessionDocument::currentStepChanged, this, &EventTableModel::onStepChanged);
    reload();
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : rows_;
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case IndexColumn:
            return tr("#");
        case TimeColumn:
            return tr("Time (s)");
        case SideColumn:
            return tr("Side");
        case ContextColumn:
            return tr("Context");
        case KindColumn:
            return tr("Kind");
        case EntryColumn:
            return tr("Entry point");
        case ActionColumn:
            return tr("Action");
        case ResultColumn:
            return tr("Result");
        case DetailColumn:
            return tr("Packet / detail");
        case BytesColumn:
            return tr("Bytes");
        case FrameColumn:
            return tr("Frame");
        case DirectionColumn:
            return tr("Dir.");
        case CodeColumn:
            return tr("Code");
        case IdentifierColumn:
            return tr("Id");
        case TypeColumn:
            return tr("Type");
        case LengthColumn:
            return tr("Length");
        case InfoColumn:
            return tr("Info");
        default:
            return {};
    }
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto i = static_cast<std::size_t>(index.row());
    const Trace& trace = document_->trace();
    if (i >= trace.size()) {
        return {};
    }
    const EventRow row = trace.row(EventId(static_cast<std::uint32_t>(i)));
    const bool inStep = i >= stepFirst_ && i < stepEnd_;
    switch (role) {
        case Qt::DisplayRole:
            return display(row, i, index.column());
        case Qt::ToolTipRole:
            if (index.column() == SideColumn) {
                return sideText(row.side);
            }
            return index.column() == DetailColumn || index.column() == InfoColumn
                       ? display(row, i, index.column())
                       : QVariant();
        case Qt::FontRole: {
            if (!inStep) {
                return {};
            }
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::BackgroundRole:
            if (inStep) {
                return QBrush(QColor(255, 200, 0, 60));
            }
            if (row.kind == EventKind::Finding) {
                return QBrush(QColor(220, 40, 40, 50));
            }
            return {};
        case Qt::TextAlignmentRole:
            return (index.column() == IndexColumn || index.column() == TimeColumn ||
                    index.column() == BytesColumn || index.column() == FrameColumn ||
                    index.column() == IdentifierColumn || index.column() == LengthColumn)
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant();
        case EventIdRole:
            return static_cast<uint>(i);
        case KindRole:
            return static_cast<int>(row.kind);
        case SideRole:
            return static_cast<int>(row.side);
        case ContextRole:
            return row.context.valid() ? static_cast<int>(row.context.value()) : -1;
        case PacketRole:
            return row.packet.valid() ? static_cast<int>(row.packet.value()) : -1;
        case CurrentStepRole:
            return inStep;
        default:
            return {};
    }
}

QVariant EventTableModel::display(const EventRow& row, std::size_t index, int column) const
{
    const Trace& trace = document_->trace();
    switch (column) {
        case IndexColumn:
            return static_cast<qulonglong>(index);
        case TimeColumn:
            return timeText(row.timeNs);
        case SideColumn:
            return sideShortText(row.side);
        case ContextColumn:
            return contextText(trace, row.context);
        case KindColumn:
            return kindText(row.kind);
        case EntryColumn:
            return entryText(row.entry);
        case ActionColumn:
            return actionText(row.action);
        case ResultColumn:
            return row.kind == EventKind::CallEnd ? resultText(row.result) : QString();
        case DetailColumn:
            if (row.kind == EventKind::Learner) {  // what the learner did, in the interface language
                const auto event = learnerEvent(trace, EventId(static_cast<std::uint32_t>(index)));
                return event ? learnerText(*event) : QString();
            }
            return detail(row);
        case BytesColumn:
            if (row.packet.valid()) {
                return static_cast<qulonglong>(trace.packet(row.packet).size());
            }
            if (row.kind == EventKind::HeapAlloc || row.kind == EventKind::HeapFree) {
                return static_cast<qulonglong>(row.b);
            }
            return {};
        default:
            return captureCell(row, column);
    }
}

QVariant EventTableModel::captureCell(const EventRow& row, int column) const
{
    // A capture's Packet row: side = sender, aux = frame, text = core/eap's summary at import
    // (capture_trace.h); Note rows are EAPOL-Start/Logoff/Key of the conversation.
    const Trace& trace = document_->trace();
    const bool packet = row.kind == EventKind::Packet && row.packet.valid();
    if (!packet && row.kind != EventKind::Note) {
        return {};
    }
    const auto bytes = packet ? trace.packet(row.packet) : std::span<const std::uint8_t>();
    switch (column) {
        case FrameColumn:
            return captureMode_ ? QVariant(static_cast<uint>(row.aux)) : QVariant();
        case DirectionColumn:
            return row.side == Side::Peer ? tr("→A") : row.side == Side::Authenticator ? tr("→P") : QString();
        case CodeColumn:
            return bytes.empty() ? QString() : fromStd(eapCodeName(bytes[0]));
        case IdentifierColumn:
            return bytes.size() < 2 ? QVariant() : QVariant(static_cast<uint>(bytes[1]));
        case TypeColumn:
            return bytes.size() >= 5 && (bytes[0] == eap_code::kRequest || bytes[0] == eap_code::kResponse)
                       ? fromStd(eapTypeName(bytes[4]))
                       : QString();
        case LengthColumn:
            return bytes.size() < 4 ? QVariant() : QVariant(static_cast<uint>((bytes[2] << 8) | bytes[3]));
        case InfoColumn:
            return eventText(trace, row.text);
        default:
            return {};
    }
}

bool EventTableModel::columnShown(int column, bool captureMode)
{
    switch (column) {
        case TimeColumn:
        case ContextColumn:
            return true;
        case FrameColumn:
        case DirectionColumn:
        case CodeColumn:
        case IdentifierColumn:
        case TypeColumn:
        case LengthColumn:
        case InfoColumn:
            return captureMode;
        default:
            return !captureMode;
    }
}

QString EventTableModel::detail(const EventRow& row) const
{
    const Trace& trace = document_->trace();
    const QString text = eventText(trace, row.text);
    switch (row.kind) {
        case EventKind::HeapAlloc:
        case EventKind::HeapFree:
            return addressText(row.a) + (text.isEmpty() ? QString() : QStringLiteral("  ") + text);
        case EventKind::CallEnd:
            if (row.entry == EntryPoint::Begin) {
                return tr("work buffer %1").arg(addressText(row.a));
            }
            break;
        case EventKind::Finding:
            if (row.aux < trace.findings().size()) {
                return text + QStringLiteral(": ") + findingMessageText(trace.finding(FindingId(row.aux)));
            }
            break;
        case EventKind::TimerArmed:
        case EventKind::TimerFired:
            return tr("retry %1").arg(row.aux);
        case EventKind::Radius:
            return text;  // a RADIUS packet: its summary, not an EAP decoding
        default:
            break;
    }
    if (row.packet.valid()) {
        return packetSummary(row.packet);
    }
    return text;
}

QString EventTableModel::packetSummary(PacketId packet) const
{
    // A capture's rows carry their summary already (the Info column): nothing decoded there.
    const Trace& trace = document_->trace();
    if (captureMode_ || !packet.valid() || packet.value() >= trace.packetCount()) {
        return {};
    }
    return fromStd(decodeEap(trace.packet(packet)).summary);
}

QModelIndex EventTableModel::indexOfEvent(EventId event, int column) const
{
    if (!event.valid() || event.value() >= static_cast<std::uint32_t>(rows_)) {
        return {};
    }
    return index(static_cast<int>(event.value()), column);
}

void EventTableModel::onAppended(std::size_t first, std::size_t end)
{
    if (end <= first) {
        return;
    }
    beginInsertRows({}, static_cast<int>(first), static_cast<int>(end - 1));
    rows_ = static_cast<int>(end);
    endInsertRows();
}

void EventTableModel::onAboutToTruncate(std::size_t events)
{
    if (static_cast<int>(events) < rows_) {
        beginRemoveRows({}, static_cast<int>(events), rows_ - 1);
    }
}

void EventTableModel::onTruncated(std::size_t events)
{
    if (static_cast<int>(events) < rows_) {
        rows_ = static_cast<int>(events);
        endRemoveRows();
    }
}

void EventTableModel::onAboutToReset()
{
    beginResetModel();
}

void EventTableModel::onReset()
{
    reload();
    endResetModel();
}

void EventTableModel::reload()
{
    captureMode_ = document_->trace().option("source") == std::optional<std::string>("capture");
    rows_ = static_cast<int>(document_->announcedEvents());
    stepFirst_ = document_->currentStepFirst();
    stepEnd_ = document_->currentStepEnd();
}

void EventTableModel::onStepChanged(std::size_t first, std::size_t end)
{
    const std::size_t lo = std::min(first, stepFirst_);
    const std::size_t hi = std::max(end, stepEnd_);
    stepFirst_ = first;
    stepEnd_ = end;
    const int last = std::min(static_cast<int>(hi), rows_) - 1;
    if (static_cast<int>(lo) <= last) {
        emit dataChanged(index(static_cast<int>(lo), 0), index(last, ColumnCount - 1),
                         {Qt::FontRole, Qt::BackgroundRole, CurrentStepRole});
    }
}

}  // namespace eapscope::ui
