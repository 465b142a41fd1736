// The event table with its filter bar (side, context, kind, text); follows the shared selection.
#pragma once

#include "common/strong_id.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace eapscope::ui {

class EventFilterProxy;
class EventSelection;
class EventTableModel;
class SessionDocument;

class EventTableDock : public QWidget {
    Q_OBJECT
public:
    EventTableDock(SessionDocument* document, EventSelection* selection, QWidget* parent = nullptr);

    [[nodiscard]] EventTableModel* model() const { return model_; }
    [[nodiscard]] EventFilterProxy* proxy() const { return proxy_; }
    [[nodiscard]] QTableView* view() const { return view_; }
    [[nodiscard]] QComboBox* sideFilter() const { return side_; }
    [[nodiscard]] QComboBox* contextFilter() const { return context_; }
    [[nodiscard]] QComboBox* kindFilter() const { return kind_; }
    [[nodiscard]] QLineEdit* textFilter() const { return text_; }
    /// The event of the table's current row, or invalid.
    [[nodiscard]] EventId currentEvent() const;
    /// Shows only the events of `context` (invalid: every context), as the context filter does.
    void setContextFilter(ContextId context);

private:
    void showSelection(EventId event);
    void onCurrentRowChanged();
    void refreshContexts();
    void showColumnsForMode();
    void followTail();

    SessionDocument* document_;
    EventSelection* selection_;
    EventTableModel* model_;
    EventFilterProxy* proxy_;
    QTableView* view_;
    QComboBox* side_;
    QComboBox* context_;
    QComboBox* kind_;
    QLineEdit* text_;
    bool updating_ = false;
};

}  // namespace eapscope::ui
