#include "timeline/timeline_view.h"

#include "timeline/timeline_index.h"
#include "timeline/timeline_layout.h"
#include "timeline/timeline_lod.h"
#include "timeline/timeline_painter.h"
#include "timeline/timeline_tooltip.h"
#include "timeline/timeline_zoom.h"
#include "trace/trace.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace eapscope::ui {
namespace {

/// One wheel notch (120 units) zooms by 1.25.
constexpr double kWheelZoomPerUnit = 1.0018612;
constexpr double kClickSlopPx = 3.0;

}  // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent), index_(std::make_unique<TimelineIndex>()), ownZoom_(new TimelineZoom(this))
{
    zoom_ = ownZoom_;
    connect(zoom_, &TimelineZoom::rangeChanged, this, qOverload<>(&QWidget::update));
    scrollBar_ = new QScrollBar(Qt::Vertical, this);
    scrollBar_->setRange(0, 0);
    scrollBar_->hide();
    connect(scrollBar_, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 160);
}

TimelineView::~TimelineView() = default;

void TimelineView::setTrace(std::shared_ptr<const Trace> snapshot)
{
    const std::size_t events = snapshot ? snapshot->size() : 0;
    if (snapshot.get() != trace_ && snapshot_ == nullptr && trace_ != nullptr) {
        index_->clear();  // was following a live trace: this is another one
    }
    snapshot_ = std::move(snapshot);
    trace_ = snapshot_.get();
    reindex(events);
}

void TimelineView::setTrace(const Trace* live, std::size_t events)
{
    index_->clear();  // new content; growth comes through traceGrew()
    snapshot_.reset();
    trace_ = live;
    reindex(events);
    freshIndex_ = true;
}

void TimelineView::setTrace(const Trace* live, std::size_t events, std::vector<TimelineBlock> heapBlocks)
{
    index_->clear();
    snapshot_.reset();
    trace_ = live;
    if (live != nullptr) {
        index_->setBlocks(*live, std::move(heapBlocks));  // nothing indexed yet: only kept
    }
    reindex(events);
    freshIndex_ = true;
}

void TimelineView::setHeapBlocks(std::vector<TimelineBlock> blocks)
{
    static const Trace kEmpty;
    index_->setBlocks(trace_ ? *trace_ : kEmpty, std::move(blocks));
    update();
}

void TimelineView::useTraceHeapBlocks()
{
    static const Trace kEmpty;
    index_->useTraceBlocks(trace_ ? *trace_ : kEmpty);
    update();
}

void TimelineView::traceGrew(std::size_t events)
{
    reindex(events);
}

void TimelineView::traceTruncated(std::size_t events)
{
    reindex(events);
}

void TimelineView::traceReset()
{
    if (freshIndex_) {
        return;  // setTrace(live, events) just indexed this very content from scratch
    }
    index_->clear();
    reindex(events_);
}

void TimelineView::reindex(std::size_t events)
{
    freshIndex_ = false;
    const bool wasEmpty = index_->indexedEvents() == 0;
    if (trace_ == nullptr) {
        index_->clear();
        events = 0;
    } else {
        index_->update(*trace_, events);
    }
    events_ = std::min(events, trace_ ? trace_->size() : 0);
    afterDataChange(wasEmpty);
}

void TimelineView::afterDataChange(bool wasEmpty)
{
    if (index_->lanes().size() != labelledLanes_) {
        updateGutter();
    }
    updateScrollBar();
    if (!zoom_->isSet() || wasEmpty || followEnd_) {
        fitAll();
    }
    update();
}

void TimelineView::setZoom(TimelineZoom* zoom)
{
    disconnect(zoom_, nullptr, this, nullptr);
    zoom_ = zoom ? zoom : ownZoom_;
    connect(zoom_, &TimelineZoom::rangeChanged, this, qOverload<>(&QWidget::update));
    if (!zoom_->isSet()) {
        fitAll();
    }
    update();
}

TimelineLayout TimelineView::timelineLayout() const
{
    TimelineLayout layout;
    layout.width = width() - (scrollBar_->isVisible() ? scrollBar_->width() : 0);
    layout.height = height();
    layout.firstLane = scrollBar_->value();
    layout.gutter =
        std::clamp(labelWidth_, TimelineLayout::kGutter,
                   std::max(TimelineLayout::kGutter, layout.width * TimelineLayout::kMaxGutterShare));
    return layout;
}

double TimelineView::labelGutter() const
{
    return timelineLayout().gutter;
}

void TimelineView::updateGutter()
{
    labelledLanes_ = index_->lanes().size();
    labelWidth_ = TimelinePainter::labelWidth(font(), *index_);
}

double TimelineView::plotWidth() const
{
    return timelineLayout().plotWidth();
}

AxisMapping TimelineView::mapping() const
{
    const TimeMapping linear(zoom_->range(), plotWidth());
    return axis_ == TimelineAxis::Steps ? AxisMapping(linear, &index_->stepAxis()) : AxisMapping(linear);
}

void TimelineView::setAxis(TimelineAxis axis)
{
    if (axis == axis_) {
        return;
    }
    axis_ = axis;
    fitAll();  // the zoom's range was in the other axis's units
    emit axisChanged(axis);
}

void TimelineView::setDeclaredSides(const std::vector<Side>& sides)
{
    if (sides == index_->declaredSides()) {
        return;
    }
    index_->setDeclaredSides(sides);
    reindex(events_);
}

TimelineLod TimelineView::visibleLod() const
{
    const TimelineLayout layout = timelineLayout();
    return computeLod(*index_, mapping(), layout.firstLane, layout.visibleLanes() + 1);
}

std::size_t TimelineView::laneCount() const
{
    return index_->displayOrder().size();
}

int TimelineView::firstVisibleLane() const
{
    return scrollBar_->value();
}

void TimelineView::updateScrollBar()
{
    TimelineLayout layout = timelineLayout();
    const int lanes = static_cast<int>(laneCount());
    const int visible =
        std::max(1, static_cast<int>((layout.height - TimelineLayout::kRuler) / TimelineLayout::kLaneHeight));
    scrollBar_->setRange(0, std::max(0, lanes - visible));
    scrollBar_->setPageStep(visible);
    scrollBar_->setVisible(lanes > visible);
    const int barWidth = scrollBar_->sizeHint().width();
    scrollBar_->setGeometry(width() - barWidth, 0, barWidth, height());
}

void TimelineView::scrollToLane(int displayIndex)
{
    scrollBar_->setValue(displayIndex);
    update();
}

void TimelineView::setMapping(const AxisMapping& mapping)
{
    followEnd_ = false;
    zoom_->setRange(mapping.visible());
}

void TimelineView::setContextFilter(ContextId context)
{
    index_->setContextFilter(context);
    scrollBar_->setValue(0);
    updateScrollBar();
    fitAll();
}

ContextId TimelineView::contextFilter() const
{
    return index_->contextFilter();
}

void TimelineView::fitAll()
{
    followEnd_ = true;
    // Filtered to one conversation: fit its own time span, however long the capture around it.
    const ContextId filter = index_->contextFilter();
    const TimeRange content = filter.valid() ? index_->contextRange(filter).value_or(index_->contentRange())
                                             : index_->contentRange();
    zoom_->setRange(
        AxisMapping::fit(content, plotWidth(), axis_ == TimelineAxis::Steps ? &index_->stepAxis() : nullptr)
            .visible());
    update();
}

void TimelineView::selectEvent(EventId event)
{
    selected_ = event;
    bringIntoView(event);
    update();
}

void TimelineView::setCurrentStep(EventId event)
{
    current_ = event;
    update();
}

void TimelineView::bringIntoView(EventId event)
{
    if (trace_ == nullptr) {
        return;
    }
    const int lane = index_->laneOfEvent(*trace_, event);
    if (lane < 0) {
        return;
    }
    const TimelineLayout layout = timelineLayout();
    const int display = index_->displayPosition(lane);
    const int visible = std::max(1, layout.visibleLanes() - 1);
    if (display < layout.firstLane || display >= layout.firstLane + visible) {
        scrollBar_->setValue(std::max(0, display - visible / 2));
    }
    const AxisMapping current = mapping();
    const double x = current.toPixel(static_cast<std::int64_t>(trace_->times()[event.value()]));
    if (x < 0 || x > current.width()) {
        setMapping(current.panned(current.width() / 2 - x));
    }
}

std::optional<QPointF> TimelineView::eventPosition(EventId event) const
{
    const TimelineLayout layout = timelineLayout();
    const TimelineLod lod = visibleLod();
    const double left = layout.plotLeft();
    for (const LodLane& lane : lod.lanes) {
        const double top = layout.laneTop(lane.display);
        const auto mark = [&](const std::vector<LodMark>& marks, double y) -> std::optional<QPointF> {
            for (const LodMark& m : marks) {
                if (m.event == event) {
                    return QPointF(left + m.x, y);
                }
            }
            return std::nullopt;
        };
        if (auto p = mark(lane.findings, layout.markerY(lane.display))) {
            return p;
        }
        if (auto p = mark(lane.packets, layout.markerY(lane.display))) {
            return p;
        }
        if (auto p = mark(lane.calls, top + TimelineLayout::kTrackTop + TimelineLayout::kTrackHeight / 2)) {
            return p;
        }
        for (const LodSpan& span : lane.blocks) {
            if (span.event == event) {
                const double x = std::max(span.x0, 0.0) + std::min(2.0, (span.x1 - span.x0) / 2);
                return QPointF(left + x,
                               layout.rowTop(lane.display, span.row) + TimelineLayout::kRowHeight / 2);
            }
        }
    }
    return std::nullopt;
}

EventId TimelineView::eventAt(QPointF position) const
{
    return hitTest(visibleLod(), timelineLayout(), position.x(), position.y());
}

QSize TimelineView::sizeHint() const
{
    return {900, 420};
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const TimelineLayout layout = timelineLayout();
    const TimelineLod lod = visibleLod();
    TimelinePaintState state;
    state.selected = selected_;
    state.current = current_;
    if (drag_ == Drag::Select && moved_) {
        state.rubberBand =
            std::make_pair(pressPos_.x() - layout.plotLeft(), lastPos_.x() - layout.plotLeft());
    }
    TimelinePainter(palette()).paint(painter, lod, *index_, trace_, layout, state);
}

void TimelineView::resizeEvent(QResizeEvent*)
{
    updateScrollBar();
    if (followEnd_) {
        fitAll();
    }
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPointF pos = event->position();
    const TimelineLayout layout = timelineLayout();
    if (pos.x() < layout.plotLeft()) {
        scrollBar_->setValue(scrollBar_->value() - event->angleDelta().y() / 120);
    } else if (event->angleDelta().y() != 0) {
        const double factor = std::pow(kWheelZoomPerUnit, event->angleDelta().y());
        setMapping(mapping().zoomedAbout(pos.x() - layout.plotLeft(), factor));
    } else {
        setMapping(mapping().panned(event->angleDelta().x() / 4.0));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    pressPos_ = lastPos_ = event->position();
    moved_ = false;
    const bool onRuler = pressPos_.y() < TimelineLayout::kRuler;
    drag_ = (event->modifiers() & Qt::ShiftModifier) || onRuler ? Drag::Select : Drag::Pan;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (drag_ == Drag::None) {
        return;
    }
    moved_ = moved_ || (pos - pressPos_).manhattanLength() > kClickSlopPx;
    if (drag_ == Drag::Pan && moved_) {
        setMapping(mapping().panned(pos.x() - lastPos_.x()));
    }
    lastPos_ = pos;
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || drag_ == Drag::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = drag_;
    drag_ = Drag::None;
    if (!moved_) {
        const EventId hit = eventAt(event->position());
        if (hit.valid()) {
            selected_ = hit;
            emit eventSelected(hit);
        }
    } else if (drag == Drag::Select) {
        const double left = timelineLayout().plotLeft();
        setMapping(mapping().selected(pressPos_.x() - left, event->position().x() - left));
    }
    update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->position().y() < TimelineLayout::kRuler) {
        fitAll();
    }
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const double centre = plotWidth() / 2;
    switch (event->key()) {
        case Qt::Key_Home:
            fitAll();
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            setMapping(mapping().zoomedAbout(centre, 1.5));
            break;
        case Qt::Key_Minus:
            setMapping(mapping().zoomedAbout(centre, 1.0 / 1.5));
            break;
        case Qt::Key_Left:
            setMapping(mapping().panned(plotWidth() / 8));
            break;
        case Qt::Key_Right:
            setMapping(mapping().panned(-plotWidth() / 8));
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

bool TimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {  // presenter mode: labels grow with the font
        updateGutter();
        update();
    }
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString TimelineView::toolTipAt(QPointF position) const
{
    return trace_ ? timelineToolTip(*trace_, *index_, eventAt(position)) : QString();
}

}  // namespace eapscope::ui
