#include "window/event_table_dock.h"

#include "models/event_filter_proxy.h"
#include "models/event_format.h"
#include "models/event_table_model.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "window/column_fit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace eapscope::ui {

EventTableDock::EventTableDock(SessionDocument* document, EventSelection* selection, QWidget* parent)
    : QWidget(parent),
      document_(document),
      selection_(selection),
      model_(new EventTableModel(document, this)),
      proxy_(new EventFilterProxy(this)),
      view_(new QTableView),
      side_(new QComboBox),
      context_(new QComboBox),
      kind_(new QComboBox),
      text_(new QLineEdit)
{
    proxy_->setSourceModel(model_);
    view_->setObjectName(QStringLiteral("eventTable"));
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->horizontalHeader()->setSectionResizeMode(EventTableModel::DetailColumn, QHeaderView::Stretch);
    view_->setAlternatingRowColors(true);

    side_->addItem(tr("All sides"), -1);
    side_->addItem(sideText(Side::Authenticator), static_cast<int>(Side::Authenticator));
    side_->addItem(sideText(Side::Peer), static_cast<int>(Side::Peer));
    side_->addItem(sideText(Side::None), static_cast<int>(Side::None));
    kind_->addItem(tr("All kinds"), static_cast<uint>(EventFilterProxy::kAllKinds));
    kind_->addItem(tr("Calls"), static_cast<uint>((1u << static_cast<int>(EventKind::CallStart)) |
                                                  (1u << static_cast<int>(EventKind::CallEnd))));
    kind_->addItem(tr("Packets"), static_cast<uint>(1u << static_cast<int>(EventKind::Packet)));
    kind_->addItem(tr("Heap"), static_cast<uint>((1u << static_cast<int>(EventKind::HeapAlloc)) |
                                                 (1u << static_cast<int>(EventKind::HeapFree))));
    kind_->addItem(tr("Findings"), static_cast<uint>(1u << static_cast<int>(EventKind::Finding)));
    kind_->addItem(tr("RADIUS packets"), static_cast<uint>(1u << static_cast<int>(EventKind::Radius)));
    kind_->addItem(tr("States and timers"),
                   static_cast<uint>((1u << static_cast<int>(EventKind::State)) |
                                     (1u << static_cast<int>(EventKind::TimerArmed)) |
                                     (1u << static_cast<int>(EventKind::TimerFired))));
    text_->setPlaceholderText(tr("Filter text…"));
    text_->setClearButtonEnabled(true);
    refreshContexts();
    showColumnsForMode();

    auto* bar = new QHBoxLayout;
    bar->addWidget(side_);
    bar->addWidget(context_);
    bar->addWidget(kind_);
    bar->addWidget(text_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    connect(side_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setSide(side_->currentData().toInt()); });
    connect(context_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setContext(context_->currentData().toInt()); });
    connect(kind_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setKindMask(kind_->currentData().toUInt()); });
    connect(text_, &QLineEdit::textChanged, proxy_, &EventFilterProxy::setText);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventTableDock::onCurrentRowChanged);
    connect(selection_, &EventSelection::currentChanged, this, &EventTableDock::showSelection);
    connect(document_, &SessionDocument::eventsAppended, this, [this] {
        refreshContexts();
        fitColumns();
        followTail();
    });
    connect(document_, &SessionDocument::resetDone, this, [this] {
        refreshContexts();
        showColumnsForMode();
    });
    connect(document_, &SessionDocument::truncated, this, &EventTableDock::refreshContexts);
}

EventId EventTableDock::currentEvent() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? EventId(current.data(EventTableModel::EventIdRole).toUInt()) : EventId();
}

void EventTableDock::setContextFilter(ContextId context)
{
    const int index = context_->findData(context.valid() ? static_cast<int>(context.value()) : -1);
    context_->setCurrentIndex(index < 0 ? 0 : index);
}

void EventTableDock::refreshContexts()
{
    const Trace& trace = document_->trace();
    if (context_->count() == static_cast<int>(trace.contexts().size()) + 1) {
        return;
    }
    const int current = context_->currentData().toInt();
    const QSignalBlocker blocker(context_);
    context_->clear();
    context_->addItem(tr("All contexts"), -1);
    for (std::size_t i = 0; i < trace.contexts().size(); ++i) {
        context_->addItem(contextText(trace, ContextId(static_cast<std::uint32_t>(i))), static_cast<int>(i));
    }
    const int index = context_->findData(current);
    context_->setCurrentIndex(index < 0 ? 0 : index);
    proxy_->setContext(context_->currentData().toInt());
}

void EventTableDock::showColumnsForMode()
{
    // A capture reads like a packet listing; the method-call columns mean nothing there.
    const bool capture = model_->captureMode();
    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        view_->setColumnHidden(column, !EventTableModel::columnShown(column, capture));
    }
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionResizeMode(EventTableModel::DetailColumn,
                                 capture ? QHeaderView::Interactive : QHeaderView::Stretch);
    header->setSectionResizeMode(EventTableModel::InfoColumn,
                                 capture ? QHeaderView::Stretch : QHeaderView::Interactive);
    if (capture) {
        // The listing's short columns as narrow as their contents, the conversation's name cut to
        // a readable width, so the Info column (what an analyst reads) gets the rest of the dock.
        for (const int column :
             {EventTableModel::TimeColumn, EventTableModel::FrameColumn, EventTableModel::DirectionColumn,
              EventTableModel::CodeColumn, EventTableModel::IdentifierColumn, EventTableModel::TypeColumn,
              EventTableModel::LengthColumn}) {
            view_->resizeColumnToContents(column);
        }
        view_->resizeColumnToContents(EventTableModel::ContextColumn);
        header->resizeSection(EventTableModel::ContextColumn,
                              std::min(header->sectionSize(EventTableModel::ContextColumn),
                                       view_->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 12));
    }
    seen_ = Seen{};
    fitColumns(true);
}

void EventTableDock::fitColumns(bool exact)
{
    if (model_->captureMode()) {
        return;
    }
    const Trace& trace = document_->trace();
    if (seen_.rows > trace.size() || seen_.contexts > trace.contexts().size()) {
        seen_ = Seen{};
    }
    const auto kinds = trace.kinds();
    for (std::size_t i = seen_.rows; i < trace.size(); ++i) {
        const EventKind kind = kinds[i];
        seen_.kinds |= 1u << static_cast<unsigned>(kind);
        seen_.sides |= 1u << static_cast<unsigned>(trace.sides()[i]);
        seen_.entries |= 1u << static_cast<unsigned>(trace.entries()[i]);
        seen_.actions.set(trace.actions()[i]);
        if (kind == EventKind::CallEnd) {
            seen_.results = true;
            seen_.maxResult = std::max(seen_.maxResult, trace.results()[i]);
        }
        if (kind == EventKind::HeapAlloc || kind == EventKind::HeapFree) {
            seen_.maxBytes = std::max(seen_.maxBytes, trace.bs()[i]);
        } else if (trace.packets()[i].valid()) {
            seen_.maxBytes = std::max<std::uint64_t>(seen_.maxBytes, trace.packet(trace.packets()[i]).size());
        }
    }
    seen_.rows = trace.size();

    const CellWidth width(view_);
    for (std::size_t c = seen_.contexts; c < trace.contexts().size(); ++c) {
        seen_.contextWidth =
            std::max(seen_.contextWidth, width(contextText(trace, ContextId(static_cast<std::uint32_t>(c)))));
    }
    seen_.contexts = trace.contexts().size();

    std::array<int, EventTableModel::ColumnCount> needed{};
    if (!trace.empty()) {
        needed[EventTableModel::IndexColumn] = width(QString::number(trace.size() - 1));
        needed[EventTableModel::TimeColumn] = width(timeText(trace.times().back()));
    }
    for (const Side side : {Side::Authenticator, Side::Peer, Side::None}) {
        if ((seen_.sides & (1u << static_cast<unsigned>(side))) != 0) {
            needed[EventTableModel::SideColumn] =
                std::max(needed[EventTableModel::SideColumn], width(sideShortText(side)));
        }
    }
    needed[EventTableModel::ContextColumn] = seen_.contextWidth;
    for (unsigned k = 0; k < 32; ++k) {
        if ((seen_.kinds & (1u << k)) != 0) {
            needed[EventTableModel::KindColumn] =
                std::max(needed[EventTableModel::KindColumn], width(kindText(static_cast<EventKind>(k))));
        }
        if ((seen_.entries & (1u << k)) != 0) {
            needed[EventTableModel::EntryColumn] =
                std::max(needed[EventTableModel::EntryColumn], width(entryText(static_cast<EntryPoint>(k))));
        }
    }
    for (std::size_t a = 0; a < seen_.actions.size(); ++a) {
        if (seen_.actions.test(a)) {
            needed[EventTableModel::ActionColumn] = std::max(needed[EventTableModel::ActionColumn],
                                                             width(actionText(static_cast<std::uint8_t>(a))));
        }
    }
    if (seen_.results) {
        // Every figure of a digit is as wide in the fonts a table uses: the largest code is the widest.
        needed[EventTableModel::ResultColumn] =
            std::max(width(resultText(0)), width(resultText(seen_.maxResult)));
    }
    needed[EventTableModel::BytesColumn] = width(QString::number(seen_.maxBytes));

    fitColumnWidths(view_, needed, EventTableModel::DetailColumn, exact);
}

void EventTableDock::followTail()
{
    // Keep the newest step in view while the session runs, unless the person scrolled away.
    QScrollBar* bar = view_->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 2 || !view_->currentIndex().isValid()) {
        QTimer::singleShot(0, view_, [view = view_] { view->scrollToBottom(); });
    }
}

void EventTableDock::onCurrentRowChanged()
{
    if (updating_) {
        return;
    }
    const EventId event = currentEvent();
    if (event.valid()) {
        selection_->select(event);
    }
}

void EventTableDock::showSelection(EventId event)
{
    const QModelIndex source = model_->indexOfEvent(event);
    QModelIndex row = proxy_->mapFromSource(source);
    if (!row.isValid() && source.isValid()) {
        // The filter hides the selected event: clear the filter rather than lose the selection.
        text_->clear();
        kind_->setCurrentIndex(0);
        side_->setCurrentIndex(0);
        context_->setCurrentIndex(0);
        row = proxy_->mapFromSource(source);
    }
    updating_ = true;
    if (row.isValid()) {
        view_->setCurrentIndex(row);
        view_->scrollTo(row, QAbstractItemView::PositionAtCenter);
    } else {
        view_->clearSelection();
    }
    updating_ = false;
}

}  // namespace eapscope::ui
