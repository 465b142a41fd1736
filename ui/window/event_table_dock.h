// The event table with its filter bar (side, context, kind, text); follows the shared selection.
#pragma once

#include "common/strong_id.h"

#include <QWidget>

#include <array>
#include <bitset>
#include <cstdint>

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
    // A live session's short columns (index, time, side, context, kind, entry point, action,
    // result, bytes) as wide as the widest text they hold, so none is elided and Detail gets the
    // rest. Only rows not seen yet are looked at, and each distinct value is measured once.
    void fitColumns(bool exact = false);

    // What fitColumns() has seen of the trace so far.
    struct Seen {
        std::size_t rows = 0;
        std::size_t contexts = 0;
        std::uint32_t kinds = 0;    // bit per EventKind
        std::uint32_t sides = 0;    // bit per Side
        std::uint32_t entries = 0;  // bit per EntryPoint
        std::bitset<256> actions;   // PPP_EAP_ACTION values
        bool results = false;       // any CallEnd
        std::uint32_t maxResult = 0;
        std::uint64_t maxBytes = 0;  // packet and heap block sizes
        int contextWidth = 0;
    };
    Seen seen_;

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
