// TimelinePainter: paints a computed TimelineLod — the short, pixel-bounded list — and nothing
// else; it never walks the trace except to place the selection and the current step. Colours
// follow the palette (light or dark) so the view fits the desktop theme.
#pragma once

#include "common/strong_id.h"
#include "trace/event_types.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>

#include <optional>
#include <utility>

class QPainter;
class QRectF;

namespace eapscope {
class Trace;
}

namespace eapscope::ui {

class TimelineIndex;
struct TimelineLayout;
struct TimelineLod;
struct LodLane;

struct TimelinePaintState {
    EventId selected;
    EventId current;
    std::optional<std::pair<double, double>> rubberBand;  // plot x range being selected
};

class TimelinePainter {
    Q_DECLARE_TR_FUNCTIONS(eapscope::ui::TimelinePainter)

public:
    explicit TimelinePainter(const QPalette& palette);

    void paint(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index, const Trace* trace,
               const TimelineLayout& layout, const TimelinePaintState& state) const;

    /// The gutter width the lane labels need at `font` (TimelineLayout::gutter): the widest lane
    /// title in bold and the details line with a four-digit size, plus the margins.
    [[nodiscard]] static double labelWidth(const QFont& font, const TimelineIndex& index);

    [[nodiscard]] QColor entryColor(EntryPoint entry) const;
    [[nodiscard]] QColor severityColor(Severity severity) const;
    [[nodiscard]] QColor leakColor() const;
    [[nodiscard]] QColor freedColor() const;
    [[nodiscard]] QColor liveColor() const;
    [[nodiscard]] QColor workBufferColor() const;

private:
    void paintRuler(QPainter& painter, const TimelineLod& lod, const TimelineLayout& layout) const;
    /// The ruler's ticks and labels on each axis; they return the ruler's title for the gutter.
    QString paintTimeTicks(QPainter& painter, const TimelineLod& lod, const QRectF& ruler) const;
    QString paintStepTicks(QPainter& painter, const TimelineLod& lod, const QRectF& ruler) const;
    void paintLane(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintWorkBuffer(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintCalls(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintBlocks(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintLive(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintMarkers(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const;
    void paintArrows(QPainter& painter, const TimelineLod& lod, const TimelineLayout& layout) const;
    void paintLabels(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index,
                     const TimelineLayout& layout) const;
    void paintState(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index, const Trace* trace,
                    const TimelineLayout& layout, const TimelinePaintState& state) const;

    QPalette palette_;
    bool dark_ = false;
};

}  // namespace eapscope::ui
