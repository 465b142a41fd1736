// TimelineZoom: the one visible time range that every time-based view follows (hotspot's shared
// filter/zoom object). The timeline writes it on wheel, drag, range select and fit; another view
// (a second timeline, a histogram) connects to rangeChanged and shows the same window.
#pragma once

#include "timeline/time_range.h"

#include <QObject>

namespace eapscope::ui {

class TimelineZoom : public QObject {
    Q_OBJECT
public:
    explicit TimelineZoom(QObject* parent = nullptr);

    [[nodiscard]] TimeRange range() const { return range_; }
    /// False until someone set a range (a view then fits the session on its first trace).
    [[nodiscard]] bool isSet() const { return set_; }

public slots:
    /// Emits rangeChanged only when the range really changes.
    void setRange(eapscope::ui::TimeRange range);

signals:
    void rangeChanged(eapscope::ui::TimeRange range);

private:
    TimeRange range_;
    bool set_ = false;
};

}  // namespace eapscope::ui
