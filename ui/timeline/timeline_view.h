// TimelineView: the centre of the window (issue 5 "Timeline"; DESIGN.md "The GUI").
//
// One lane per context, grouped by side (authenticator lanes, then peer lanes, then capture
// conversations); a method instance's own calls and blocks get an "instance" lane per side.
// In a lane: the work-buffer bar from RasEapBegin to RasEapEnd (size in the label), a tick per
// call coloured by entry point, nested bars for heap blocks (leaked ones red up to the end of the
// session), packets as arrows to the receiving side's lane, finding markers, and the context's
// live bytes as a small area chart under it.
//
// Painting cost follows pixels, not events: the view indexes a trace once (incrementally as it
// grows, TimelineIndex), then every paint runs the level-of-detail pass (timeline_lod.h) over the
// visible lanes only and paints its short list (TimelinePainter).
//
// Feeding it, either way:
//   - immutable snapshots: setTrace(std::shared_ptr<const Trace>) each time; a snapshot that
//     extends the previous one is indexed incrementally, anything else is re-indexed;
//   - one live trace owned elsewhere (SessionDocument): setTrace(const Trace*) once, then
//     traceGrew(events) after appends, traceTruncated(events) after step back; after the
//     whole trace was replaced, setTrace(live, events) again (traceReset() re-indexes the same
//     number of rows). Only the first `events` rows are ever read.
// With core/analysis present, timeline/ledger_blocks.h converts HeapLedger blocks for
// setHeapBlocks().
// Heap blocks come from the trace's HeapAlloc/HeapFree rows unless setHeapBlocks() gives the
// ledger's authoritative list (with its leak verdicts).
#pragma once

// moc of Qt 6.4 cannot parse <compare> (pulled in by strong_id.h); it needs only the names.
#ifndef Q_MOC_RUN
#include "common/strong_id.h"
#include "timeline/axis_mapping.h"
#include "timeline/timeline_block.h"
#include "trace/event_types.h"
#endif

#include <QPointF>
#include <QWidget>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

class QScrollBar;

namespace eapscope {
class Trace;
}

namespace eapscope::ui {

class TimelineIndex;
class TimelineZoom;
struct TimelineLayout;
struct TimelineLod;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // --- data -------------------------------------------------------------------------------
    void setTrace(std::shared_ptr<const Trace> snapshot);
    /// A trace that outlives the view and grows in place (re-indexed from scratch); nullptr
    /// clears the view.
    void setTrace(const Trace* live, std::size_t events);
    /// The same with the ledger's block list already known (an opened session): the trace is
    /// indexed once, with these blocks, instead of pairing its heap rows and then replacing them.
    void setTrace(const Trace* live, std::size_t events, std::vector<TimelineBlock> heapBlocks);
    /// The authoritative block list (HeapLedger::blocks() of every context, converted); replaces
    /// the blocks paired from the trace. useTraceHeapBlocks() goes back to pairing.
    void setHeapBlocks(std::vector<TimelineBlock> blocks);
    void useTraceHeapBlocks();

    // --- state ------------------------------------------------------------------------------
    /// Shares a zoom object with other views (not owned); nullptr goes back to a private one.
    void setZoom(TimelineZoom* zoom);
    [[nodiscard]] TimelineZoom* zoom() const { return zoom_; }
    /// Time ↔ pixels on the current axis (the zoom's range is in that axis's units).
    [[nodiscard]] AxisMapping mapping() const;
    [[nodiscard]] TimelineAxis axis() const { return axis_; }
    /// Sides whose (still empty) lanes show before the first event of a live session.
    void setDeclaredSides(const std::vector<Side>& sides);
    /// Shows only the lanes of one context (a capture conversation's ladder) and fits its time
    /// span; invalid shows every lane again.
    void setContextFilter(ContextId context);
    [[nodiscard]] ContextId contextFilter() const;
    [[nodiscard]] EventId selectedEvent() const { return selected_; }
    [[nodiscard]] EventId currentStep() const { return current_; }
    /// Width of the lane labels' column: wide enough for the labels at the view's font.
    [[nodiscard]] double labelGutter() const;
    [[nodiscard]] const TimelineIndex& index() const { return *index_; }
    /// Lanes in display order; the first lane shown at the top.
    [[nodiscard]] std::size_t laneCount() const;
    [[nodiscard]] int firstVisibleLane() const;
    /// Widget position of the item drawn for `event` (call tick, packet, finding, block start,
    /// work-buffer bar), if it is in the visible time range and lanes.
    [[nodiscard]] std::optional<QPointF> eventPosition(EventId event) const;
    /// The event under a widget position (what a click there selects), or invalid.
    [[nodiscard]] EventId eventAt(QPointF position) const;

public slots:
    /// Highlights `event` and scrolls its lane and time into view; does not emit eventSelected.
    void selectEvent(eapscope::EventId event);
    void setSelectedEvent(eapscope::EventId event) { selectEvent(event); }
    /// The controller's current step: a marker line across all lanes at its time.
    void setCurrentStep(eapscope::EventId event);
    /// The step axis (every call the same width, in order) or the time axis; fits the session.
    void setAxis(eapscope::ui::TimelineAxis axis);
    void fitAll();
    void traceGrew(std::size_t events);
    void traceTruncated(std::size_t events);
    void traceReset();
    void scrollToLane(int displayIndex);

signals:
    /// The person clicked an item (call, packet, block, finding, work-buffer bar).
    void eventSelected(eapscope::EventId event);
    void axisChanged(eapscope::ui::TimelineAxis axis);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;
    [[nodiscard]] QSize sizeHint() const override;

private:
    enum class Drag { None, Pan, Select };

    void reindex(std::size_t events);
    void afterDataChange(bool wasEmpty);
    [[nodiscard]] TimelineLayout timelineLayout() const;
    /// Measures the lane labels again when lanes came or the font changed.
    void updateGutter();
    [[nodiscard]] double plotWidth() const;
    [[nodiscard]] TimelineLod visibleLod() const;
    void updateScrollBar();
    void setMapping(const AxisMapping& mapping);
    void bringIntoView(EventId event);
    [[nodiscard]] QString toolTipAt(QPointF position) const;

    std::shared_ptr<const Trace> snapshot_;
    const Trace* trace_ = nullptr;
    std::size_t events_ = 0;
    std::unique_ptr<TimelineIndex> index_;
    TimelineZoom* ownZoom_ = nullptr;
    TimelineZoom* zoom_ = nullptr;
    QScrollBar* scrollBar_ = nullptr;
    EventId selected_;
    EventId current_;
    Drag drag_ = Drag::None;
    QPointF pressPos_;
    QPointF lastPos_;
    bool moved_ = false;
    double labelWidth_ = 0;          // what the labels need (TimelinePainter::labelWidth)
    std::size_t labelledLanes_ = 0;  // lanes measured for labelWidth_
    bool freshIndex_ = false;        // indexed from scratch by setTrace(live) and unchanged since
    bool followEnd_ = true;          // fitted: keep fitting as a live session grows
    TimelineAxis axis_ = TimelineAxis::Time;
};

}  // namespace eapscope::ui
