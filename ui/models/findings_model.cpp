#include "models/findings_model.h"

#include "models/event_format.h"
#include "session/session_document.h"

#include <QBrush>
#include <QColor>

namespace eapscope::ui {

FindingsModel::FindingsModel(const SessionDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    connect(document, &SessionDocument::eventsAppended, this, &FindingsModel::onAppended);
    connect(document, &SessionDocument::aboutToTruncate, this, &FindingsModel::onAboutToTruncate);
    connect(document, &SessionDocument::truncated, this, &FindingsModel::onTruncated);
    connect(document, &SessionDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &SessionDocument::resetDone, this, [this] {
        rows_ = findingsBefore(document_->announcedEvents());
        endResetModel();
    });
    rows_ = findingsBefore(document->announcedEvents());
}

int FindingsModel::findingsBefore(std::size_t events) const
{
    const auto findings = document_->trace().findings();
    int n = 0;
    while (static_cast<std::size_t>(n) < findings.size() &&
           findings[static_cast<std::size_t>(n)].event.value() < events) {
        ++n;
    }
    return n;
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : rows_;
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case RuleColumn:
            return tr("Rule");
        case SeverityColumn:
            return tr("Severity");
        case SideColumn:
            return tr("Side");
        case ContextColumn:
            return tr("Context");
        case CallColumn:
            return tr("Call");
        case MessageColumn:
            return tr("Message");
        default:
            return {};
    }
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto findings = document_->trace().findings();
    const auto row = static_cast<std::size_t>(index.row());
    if (row >= findings.size()) {
        return {};
    }
    const FindingRecord& finding = findings[row];
    switch (role) {
        case Qt::DisplayRole:
            return display(finding, index.column());
        case Qt::ToolTipRole:
            return findingMessageText(finding);
        case Qt::ForegroundRole:
            if (index.column() == SeverityColumn) {
                return QBrush(finding.severity == Severity::Error     ? QColor(200, 30, 30)
                              : finding.severity == Severity::Warning ? QColor(200, 120, 0)
                                                                      : QColor(40, 110, 200));
            }
            return {};
        case FindingIdRole:
            return static_cast<uint>(row);
        case EventRole:
            return static_cast<uint>(finding.event.value());
        case CallRole:
            return finding.call.valid() ? QVariant(static_cast<uint>(finding.call.value())) : QVariant(-1);
        case RuleRole:
            return fromStd(finding.rule);
        case SeverityRole:
            return static_cast<int>(finding.severity);
        default:
            return {};
    }
}

QVariant FindingsModel::display(const FindingRecord& finding, int column) const
{
    switch (column) {
        case RuleColumn:
            return fromStd(finding.rule);
        case SeverityColumn:
            return severityText(finding.severity);
        case SideColumn:
            return sideShortText(finding.side);
        case ContextColumn:
            return contextText(document_->trace(), finding.context);
        case CallColumn:
            return finding.call.valid() ? tr("#%1 %2").arg(finding.call.value()).arg(entryText(finding.entry))
                                        : QString();
        case MessageColumn:
            return findingMessageText(finding);
        default:
            return {};
    }
}

QModelIndex FindingsModel::indexOfEvent(EventId event) const
{
    const auto findings = document_->trace().findings();
    for (int r = 0; r < rows_; ++r) {
        if (findings[static_cast<std::size_t>(r)].event == event) {
            return index(r, 0);
        }
    }
    return {};
}

void FindingsModel::onAppended()
{
    const int now = findingsBefore(document_->announcedEvents());
    if (now > rows_) {
        beginInsertRows({}, rows_, now - 1);
        rows_ = now;
        endInsertRows();
    }
}

void FindingsModel::onAboutToTruncate(std::size_t events)
{
    const int keep = findingsBefore(events);
    removing_ = keep < rows_;
    if (removing_) {
        beginRemoveRows({}, keep, rows_ - 1);
        rows_ = keep;
    }
}

void FindingsModel::onTruncated()
{
    if (removing_) {
        removing_ = false;
        endRemoveRows();
    }
}

}  // namespace eapscope::ui
