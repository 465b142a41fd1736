#include "session/event_selection.h"

namespace eapscope::ui {

EventSelection::EventSelection(QObject* parent) : QObject(parent)
{

}

void EventSelection::select(EventId event)
{
    if (event == current_) {
        return;
    }
    current_ = event;
    emit currentChanged(event);
}

void EventSelection::clear()
{
    select(EventId());
}

}  // namespace eapscope::ui
