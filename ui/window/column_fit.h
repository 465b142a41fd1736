// Sizing a table's columns to the text they hold, as the view draws it, so no cell is elided and
// no column is wider than it needs (the event table, the contexts table).
#pragma once

#include <QFontMetrics>
#include <QString>

#include <span>

class QTableView;

namespace eapscope::ui {

/// The width a cell of `view` needs to show a text whole: measured in bold (the current step's
/// rows are bold), with the style's text margins on both sides and a grid line.
class CellWidth {
public:
    explicit CellWidth(const QTableView* view);
    int operator()(const QString& text) const;

private:
    QFontMetrics metrics_;
    int margin_ = 0;
};

/// Sets each visible column but `skip` (the one that takes the rest, or -1) to the larger of
/// `needed[column]` and its header's own size hint. `exact` for a new content; else a column only
/// ever grows, so one the person widened stays so and a growing table's columns do not jump.
void fitColumnWidths(QTableView* view, std::span<const int> needed, int skip, bool exact);

}  // namespace eapscope::ui
