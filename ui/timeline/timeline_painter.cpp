#include "timeline/timeline_painter.h"

#include "timeline/timeline_index.h"
#include "timeline/timeline_layout.h"
#include "timeline/timeline_lod.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QVector>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace eapscope::ui {
namespace {

constexpr qsizetype kMaxSmoothArrowLines = 600;

QString formatBytes(std::uint64_t bytes)
{
    if (bytes < 1024) {
        return TimelinePainter::tr("%1 B").arg(bytes);
    }
    if (bytes < 1024 * 1024) {
        return TimelinePainter::tr("%1 KiB").arg(QLocale().toString(static_cast<double>(bytes) / 1024.0, 'f', 1));
    }
    return TimelinePainter::tr("%1 MiB").arg(
        QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1));
}

/// 1, 2 or 5 × 10^k ns: the smallest such step at least `minimum` ns.
std::int64_t niceStep(double minimum)
{
    std::int64_t power = 1;
    while (power < static_cast<std::int64_t>(1e17)) {
        for (const std::int64_t m : {1, 2, 5}) {
            if (static_cast<double>(power * m) >= minimum) {
                return power * m;
            }
        }
        power *= 10;
    }
    return power;
}

/// `ns` in the largest unit the tick spacing `step` is a whole or tenth multiple of.
QString formatTime(std::int64_t ns, std::int64_t step)
{
    const auto in = [&](double unit) { return static_cast<double>(ns) / unit; };
    const auto decimals = [&](std::int64_t unit) { return step % unit == 0 ? 0 : (step * 10 % unit == 0 ? 1 : 2); };
    if (step >= 1'000'000'000) {
        return TimelinePainter::tr("%1 s").arg(in(1e9), 0, 'f', decimals(1'000'000'000));
    }
    if (step >= 1'000'000) {
        return TimelinePainter::tr("%1 ms").arg(in(1e6), 0, 'f', decimals(1'000'000));
    }
    if (step >= 1'000) {
        return TimelinePainter::tr("%1 µs").arg(in(1e3), 0, 'f', decimals(1'000));
    }
    return TimelinePainter::tr("%1 ns").arg(ns);
}

}  // namespace

TimelinePainter::TimelinePainter(const QPalette& palette)
    : palette_(palette), dark_(palette.color(QPalette::Base).lightness() < 128)
{
}

QColor TimelinePainter::entryColor(EntryPoint entry) const
{
    QColor color;
    switch (entry) {
        case EntryPoint::GetInfo:
            color = QColor(0x00, 0x89, 0x7b);
            break;
        case EntryPoint::Initialize:
        case EntryPoint::Uninitialize:
            color = QColor(0x7e, 0x57, 0xc2);
            break;
        case EntryPoint::Begin:
            color = QColor(0x2e, 0x7d, 0x32);
            break;
        case EntryPoint::MakeMessage:
            color = QColor(0x15, 0x65, 0xc0);
            break;
        case EntryPoint::End:
            color = QColor(0xef, 0x6c, 0x00);
            break;
        case EntryPoint::None:
            color = palette_.color(QPalette::Mid);
            break;
    }
    return dark_ ? color.lighter(150) : color;
}

QColor TimelinePainter::severityColor(Severity severity) const
{
    switch (severity) {
        case Severity::Info:
            return dark_ ? QColor(0x64, 0xb5, 0xf6) : QColor(0x19, 0x76, 0xd2);
        case Severity::Warning:
            return dark_ ? QColor(0xff, 0xb7, 0x4d) : QColor(0xf5, 0x7c, 0x00);
        case Severity::Error:
            break;
    }
    return leakColor();
}

QColor TimelinePainter::leakColor() const
{
    return dark_ ? QColor(0xff, 0x52, 0x52) : QColor(0xd3, 0x2f, 0x2f);
}

QColor TimelinePainter::freedColor() const
{
    return dark_ ? QColor(0x78, 0x90, 0x9c) : QColor(0x90, 0xa4, 0xae);
}

QColor TimelinePainter::liveColor() const
{
    return dark_ ? QColor(0xff, 0xd5, 0x4f) : QColor(0xff, 0xa0, 0x00);
}

QColor TimelinePainter::workBufferColor() const
{
    return dark_ ? QColor(0x4d, 0x8a, 0x52) : QColor(0xa5, 0xd6, 0xa7);
}

void TimelinePainter::paint(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index,
                            const Trace* trace, const TimelineLayout& layout,
                            const TimelinePaintState& state) const
{
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), palette_.color(QPalette::Base));
    painter.save();
    painter.setClipRect(QRectF(layout.plotLeft(), TimelineLayout::kRuler, layout.plotWidth(),
                               layout.height - TimelineLayout::kRuler));
    painter.translate(layout.plotLeft(), 0);
    for (const LodLane& lane : lod.lanes) {
        paintLane(painter, lane, layout);
    }
    paintArrows(painter, lod, layout);
    painter.restore();
    paintLabels(painter, lod, index, layout);
    paintRuler(painter, lod, layout);
    paintState(painter, lod, index, trace, layout, state);
}

void TimelinePainter::paintRuler(QPainter& painter, const TimelineLod& lod,
                                 const TimelineLayout& layout) const
{
    const QRectF ruler(0, 0, layout.width, TimelineLayout::kRuler);
    painter.fillRect(ruler, palette_.color(QPalette::Window));
    painter.setPen(palette_.color(QPalette::Mid));
    painter.drawLine(QPointF(0, ruler.bottom() - 0.5), QPointF(layout.width, ruler.bottom() - 0.5));
    painter.setPen(palette_.color(QPalette::WindowText));
    painter.save();
    painter.setClipRect(QRectF(layout.plotLeft(), 0, layout.plotWidth(), ruler.height()));
    painter.translate(layout.plotLeft(), 0);
    const QString title = lod.mapping.axis() == TimelineAxis::Steps ? paintStepTicks(painter, lod, ruler)
                                                                    : paintTimeTicks(painter, lod, ruler);
    painter.restore();
    painter.drawText(QRectF(4, 0, layout.gutter - 8, ruler.height()), Qt::AlignVCenter | Qt::AlignLeft,
                     QFontMetricsF(painter.font()).elidedText(title, Qt::ElideRight, layout.gutter - 8));
}

QString TimelinePainter::paintTimeTicks(QPainter& painter, const TimelineLod& lod, const QRectF& ruler) const
{
    const TimeMapping& mapping = lod.mapping.linear();
    const std::int64_t step = niceStep(90.0 * mapping.nsPerPixel());
    const std::int64_t first = std::max<std::int64_t>(0, mapping.visible().startNs / step * step);
    for (std::int64_t t = first; t <= mapping.visible().endNs; t += step) {
        const double x = mapping.toPixel(t);
        painter.drawLine(QPointF(x, ruler.bottom() - 7), QPointF(x, ruler.bottom()));
        painter.drawText(QPointF(x + 3, ruler.bottom() - 9), formatTime(t, step));
        for (int minor = 1; minor < 5; ++minor) {
            const double mx = mapping.toPixel(t + step * minor / 5);
            painter.drawLine(QPointF(mx, ruler.bottom() - 3), QPointF(mx, ruler.bottom()));
        }
    }
    return tr("Time (%1 shown)").arg(formatTime(mapping.visible().span(), niceStep(mapping.visible().span() / 10.0)));
}

QString TimelinePainter::paintStepTicks(QPainter& painter, const TimelineLod& lod, const QRectF& ruler) const
{
    // Step k spans [k, k + 1) and is labelled k + 1 in its middle: call numbers count from 1.
    const AxisMapping& mapping = lod.mapping;
    const double pxPerStep = AxisMapping::kUnitsPerStep / mapping.linear().nsPerPixel();
    const std::int64_t every = niceStep(48.0 / pxPerStep);  // a label at least every 48 px
    const auto firstStep = static_cast<std::int64_t>(std::floor(std::max(0.0, mapping.axisAt(0))));
    const auto lastStep = static_cast<std::int64_t>(
        std::min(std::ceil(mapping.axisAt(mapping.width())), static_cast<double>(mapping.steps()->count())));
    const auto xOf = [&](double step) {
        return (step * AxisMapping::kUnitsPerStep - static_cast<double>(mapping.visible().startNs)) /
               mapping.linear().nsPerPixel();
    };
    for (std::int64_t k = firstStep / every * every; k < lastStep; k += every) {
        const double x = xOf(static_cast<double>(k));
        painter.drawLine(QPointF(x, ruler.bottom() - 7), QPointF(x, ruler.bottom()));
        const QString label = QString::number(k + 1);
        const double centre = xOf(static_cast<double>(k) + 0.5);
        painter.drawText(QRectF(centre - 40, 0, 80, ruler.height() - 8), Qt::AlignCenter, label);
        for (std::int64_t minor = 1; minor < every && pxPerStep >= 4; ++minor) {
            const double mx = xOf(static_cast<double>(k + minor));
            painter.drawLine(QPointF(mx, ruler.bottom() - 3), QPointF(mx, ruler.bottom()));
        }
    }
    const qint64 shownFirst = std::max<std::int64_t>(1, firstStep + 1);
    const qint64 shownLast = std::max<qint64>(shownFirst, lastStep);
    return lod.callSteps ? tr("Calls %1–%2").arg(shownFirst).arg(shownLast)
                         : tr("Packets %1–%2").arg(shownFirst).arg(shownLast);
}

void TimelinePainter::paintLane(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const
{
    const double top = layout.laneTop(lane.display);
    if (lane.display % 2 == 1) {
        painter.fillRect(QRectF(0, top, layout.plotWidth(), TimelineLayout::kLaneHeight),
                         palette_.color(QPalette::AlternateBase));
    }
    painter.setPen(palette_.color(QPalette::Midlight));
    painter.drawLine(QPointF(0, top + TimelineLayout::kLaneHeight - 0.5),
                     QPointF(layout.plotWidth(), top + TimelineLayout::kLaneHeight - 0.5));
    paintWorkBuffer(painter, lane, layout);
    paintCalls(painter, lane, layout);
    paintBlocks(painter, lane, layout);
    paintLive(painter, lane, layout);
    paintMarkers(painter, lane, layout);
}

void TimelinePainter::paintWorkBuffer(QPainter& painter, const LodLane& lane,
                                      const TimelineLayout& layout) const
{
    const double y = layout.laneTop(lane.display) + TimelineLayout::kTrackTop + TimelineLayout::kBarInset;
    const double h = TimelineLayout::kTrackHeight - 2 * TimelineLayout::kBarInset;
    if (lane.workBuffer) {
        const LodSpan& bar = *lane.workBuffer;
        const QRectF rect(bar.x0, y, std::max(1.0, bar.x1 - bar.x0), h);
        painter.fillRect(rect,
                         (bar.flags & kBlockLeaked) && !lane.leakTail ? leakColor() : workBufferColor());
        if (rect.width() > 60) {
            painter.setPen(palette_.color(QPalette::Text));
            QFont font = painter.font();
            font.setPointSizeF(font.pointSizeF() * 0.8);
            painter.setFont(font);
            const QString label = bar.bytes > 0
                                      ? tr("work buffer · %1").arg(formatBytes(bar.bytes))
                                      : tr("work buffer");
            const double left = std::max(rect.left(), 0.0) + 4;
            painter.drawText(QRectF(left, y - 2, rect.right() - left, h + 4),
                             Qt::AlignVCenter | Qt::AlignLeft,
                             QFontMetricsF(font).elidedText(label, Qt::ElideRight, rect.right() - left));
            painter.setFont(QFont());
        }
    }
    if (lane.leakTail) {
        const LodSpan& tail = *lane.leakTail;
        painter.fillRect(QRectF(tail.x0, y, std::max(1.0, tail.x1 - tail.x0), h), leakColor());
    }
}

void TimelinePainter::paintCalls(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const
{
    const double y = layout.laneTop(lane.display) + TimelineLayout::kTrackTop;
    for (const LodMark& mark : lane.calls) {
        const bool single = std::popcount(mark.bits) == 1;
        const QColor color = single ? entryColor(static_cast<EntryPoint>(std::countr_zero(mark.bits)))
                                    : palette_.color(QPalette::Dark);
        if (mark.count == 1) {
            painter.fillRect(QRectF(mark.x - 1, y, 2, TimelineLayout::kTrackHeight), color);
        } else {
            // A folded bucket: a solid block as wide as the calls it stands for, at least 2 px.
            painter.fillRect(QRectF(mark.x - 1, y + 2, std::max(2.0, mark.x1 - mark.x + 2),
                                    TimelineLayout::kTrackHeight - 4),
                             color);
        }
    }
}

void TimelinePainter::paintBlocks(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const
{
    for (const LodSpan& span : lane.blocks) {
        const QColor color = (span.flags & kBlockLeaked) ? leakColor()
                             : (span.flags & kBlockLive) ? liveColor()
                                                         : freedColor();
        const QRectF rect(span.x0, layout.rowTop(lane.display, span.row), std::max(1.0, span.x1 - span.x0),
                          TimelineLayout::kRowHeight);
        if (span.count > 1) {
            QColor folded = color;  // a folded run: the same hue, lighter
            folded.setAlpha(150);
            painter.fillRect(rect, folded);
        } else {
            painter.fillRect(rect, color);
        }
    }
}

void TimelinePainter::paintLive(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const
{
    if (lane.live.empty()) {
        return;
    }
    const double base = layout.laneTop(lane.display) + TimelineLayout::kLiveTop + TimelineLayout::kLiveHeight;
    QPolygonF area;
    area.reserve(static_cast<qsizetype>(lane.live.size() * 2 + 2));
    bool open = false;
    const auto close = [&](double x) {
        area << QPointF(x, base);
        painter.drawPolygon(area);
        area.clear();
        open = false;
    };
    QColor fill = liveColor();
    fill.setAlpha(150);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    for (std::size_t c = 0; c < lane.live.size(); ++c) {
        const auto x = static_cast<double>(c);
        if (lane.live[c] < 0) {
            if (open) {
                close(x);
            }
            continue;
        }
        if (!open) {
            area << QPointF(x, base);
            open = true;
        }
        const double y = base - static_cast<double>(lane.live[c]) * TimelineLayout::kLiveHeight;
        area << QPointF(x, y) << QPointF(x + 1, y);
    }
    if (open) {
        close(static_cast<double>(lane.live.size()));
    }
    painter.setBrush(Qt::NoBrush);
}

void TimelinePainter::paintMarkers(QPainter& painter, const LodLane& lane, const TimelineLayout& layout) const
{
    const double y = layout.markerY(lane.display);
    const double r = TimelineLayout::kMarkerHeight / 2;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette_.color(QPalette::Text));
    for (const LodMark& mark : lane.packets) {
        const QPolygonF head{{mark.x - r, y - r}, {mark.x + r, y}, {mark.x - r, y + r}};
        painter.drawPolygon(head);
    }
    for (const LodMark& mark : lane.findings) {
        const Severity severity = (mark.bits & 4u)   ? Severity::Error
                                  : (mark.bits & 2u) ? Severity::Warning
                                                     : Severity::Info;
        painter.setBrush(severityColor(severity));
        const QPolygonF diamond{{mark.x, y - r}, {mark.x + r, y}, {mark.x, y + r}, {mark.x - r, y}};
        painter.drawPolygon(diamond);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelinePainter::paintArrows(QPainter& painter, const TimelineLod& lod,
                                  const TimelineLayout& layout) const
{
    // Lanes can be hundreds of thousands of pixels apart: clip each arrow to the view first, and
    // draw all of them in one call — the raster engine is slow on many or huge separate lines.
    const double top = TimelineLayout::kRuler - 8;
    const double bottom = layout.height + 8;
    QVector<QLineF> lines;
    for (const LodLane& lane : lod.lanes) {
        for (const LodMark& mark : lane.packets) {
            if (mark.targetDisplay < 0) {
                continue;
            }
            const QPointF from(mark.x, layout.markerY(lane.display));
            QPointF to(mark.targetX, layout.markerY(mark.targetDisplay));
            const bool targetShown = to.y() >= top && to.y() <= bottom;
            if (!targetShown) {
                const double edge = to.y() < top ? top : bottom;
                to = from + (to - from) * ((edge - from.y()) / (to.y() - from.y()));
            }
            lines.append(QLineF(from, to));
            if (targetShown) {
                const double dir = to.y() > from.y() ? -1.0 : 1.0;
                lines.append(QLineF(to, to + QPointF(-3, 5 * dir)));
                lines.append(QLineF(to, to + QPointF(3, 5 * dir)));
            }
        }
    }
    QColor color = palette_.color(QPalette::Text);
    color.setAlpha(130);
    painter.setPen(QPen(color, 1.0));
    // Antialiasing only while arrows are few enough to tell apart (LOD for the arrows).
    painter.setRenderHint(QPainter::Antialiasing, lines.size() < kMaxSmoothArrowLines);
    painter.drawLines(lines);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

double TimelinePainter::labelWidth(const QFont& font, const TimelineIndex& index)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF titles(bold);
    double widest = QFontMetricsF(font).horizontalAdvance(tr("work buffer %1").arg(formatBytes(1023 * 1024)));
    for (const TimelineLane& lane : index.lanes()) {
        widest = std::max(widest, titles.horizontalAdvance(QString::fromStdString(lane.label)));
    }
    return widest + 16;  // the box's 6 px inset, its 4 px right margin and the divider
}

void TimelinePainter::paintLabels(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index,
                                  const TimelineLayout& layout) const
{
    painter.fillRect(QRectF(0, TimelineLayout::kRuler, layout.gutter, layout.height),
                     palette_.color(QPalette::Window));
    painter.setPen(palette_.color(QPalette::Mid));
    painter.drawLine(QPointF(layout.gutter - 0.5, TimelineLayout::kRuler),
                     QPointF(layout.gutter - 0.5, layout.height));
    const QFont normal = painter.font();
    QFont bold = normal;
    bold.setBold(true);
    for (const LodLane& lane : lod.lanes) {
        const TimelineLane& source = index.lanes()[static_cast<std::size_t>(lane.lane)];
        const QRectF box(6, layout.laneTop(lane.display) + 4, layout.gutter - 10,
                         TimelineLayout::kLaneHeight - 8);
        painter.setFont(bold);
        painter.setPen(palette_.color(QPalette::WindowText));
        const QString title =
            QFontMetricsF(bold).elidedText(QString::fromStdString(source.label), Qt::ElideRight, box.width());
        painter.drawText(box, Qt::AlignTop | Qt::AlignLeft, title);
        painter.setFont(normal);
        QString details;
        if (source.partner >= 0 && !source.ladderPeer) {
            details += tr("authenticator") + QLatin1Char('\n');  // the top of a conversation's ladder
        }
        if (lane.workBuffer && lane.workBuffer->bytes > 0) {
            details += tr("work buffer %1").arg(formatBytes(lane.workBuffer->bytes)) + QLatin1Char('\n');
        }
        if (lane.livePeak > 0) {
            details += tr("peak live %1").arg(formatBytes(lane.livePeak)) + QLatin1Char('\n');
        }
        painter.setPen(palette_.color(QPalette::PlaceholderText));
        const double below = std::max(18.0, QFontMetricsF(bold).lineSpacing());  // under the title
        painter.drawText(box.adjusted(0, below, 0, 0), Qt::AlignTop | Qt::AlignLeft, details);
        const bool leaks =
            lane.leakTail || std::any_of(lane.blocks.begin(), lane.blocks.end(),
                                         [](const LodSpan& s) { return (s.flags & kBlockLeaked) != 0; });
        if (leaks) {
            const double lines = static_cast<double>(details.count(QLatin1Char('\n')));
            painter.setPen(leakColor());
            painter.drawText(box.adjusted(0, below + lines * QFontMetricsF(normal).lineSpacing(), 0, 0),
                             Qt::AlignTop | Qt::AlignLeft, tr("leak"));
        }
    }
}

void TimelinePainter::paintState(QPainter& painter, const TimelineLod& lod, const TimelineIndex& index,
                                 const Trace* trace, const TimelineLayout& layout,
                                 const TimelinePaintState& state) const
{
    const QColor highlight = palette_.color(QPalette::Highlight);
    painter.save();
    painter.setClipRect(QRectF(layout.plotLeft(), 0, layout.plotWidth(), layout.height));
    if (trace && state.current.valid() && state.current.value() < index.indexedEvents()) {
        const double x =
            layout.plotLeft() +
            lod.mapping.toPixel(static_cast<std::int64_t>(trace->times()[state.current.value()]));
        painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, TimelineLayout::kRuler), QPointF(x, layout.height));
        painter.setBrush(highlight);
        painter.drawPolygon(QPolygonF{{x - 5, 0}, {x + 5, 0}, {x, 8}});
        painter.setBrush(Qt::NoBrush);
    }
    const int lane = trace ? index.laneOfEvent(*trace, state.selected) : -1;
    if (lane >= 0) {
        const double x =
            layout.plotLeft() +
            lod.mapping.toPixel(static_cast<std::int64_t>(trace->times()[state.selected.value()]));
        const double top = layout.laneTop(index.displayPosition(lane));
        QColor band = highlight;
        band.setAlpha(60);
        painter.fillRect(QRectF(x - 4, top + 1, 8, TimelineLayout::kLaneHeight - 2), band);
        painter.setPen(QPen(highlight, 2));
        painter.drawRect(QRectF(x - 4, top + 1, 8, TimelineLayout::kLaneHeight - 2));
    }
    if (state.rubberBand) {
        QColor band = highlight;
        band.setAlpha(50);
        const double x0 = std::min(state.rubberBand->first, state.rubberBand->second);
        const double x1 = std::max(state.rubberBand->first, state.rubberBand->second);
        painter.fillRect(QRectF(layout.plotLeft() + x0, 0, x1 - x0, layout.height), band);
    }
    painter.restore();
}

}  // namespace eapscope::ui
