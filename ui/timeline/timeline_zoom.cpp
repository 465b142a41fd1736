#include "timeline/timeline_zoom.h"

namespace eapscope::ui {

TimelineZoom::TimelineZoom(QObject* parent) : QObject(parent)
{
}

void TimelineZoom::setRange(TimeRange range)
{
    if (set_ && range == range_) {
        return;
    }
    range_ = range;
    set_ = true;
    emit rangeChanged(range_);
}

}  // namespace eapscope::ui
