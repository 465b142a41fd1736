// The one selection every view follows: the current event (a row of the trace). A click in the
// event table, the timeline, the findings list or the packet inspector sets it; every view
// shows it. DESIGN.md "The GUI": a finding click selects the event, the timeline item and the packet.
#pragma once

#include "common/strong_id.h"

#include <QObject>

namespace eapscope::ui {

class EventSelection : public QObject {
    Q_OBJECT
public:
    explicit EventSelection(QObject* parent = nullptr);

    [[nodiscard]] EventId current() const { return current_; }

public slots:
    void select(eapscope::EventId event);
    void clear();

signals:
    void currentChanged(eapscope::EventId event);

private:
    EventId current_;
};

}  // namespace eapscope::ui

