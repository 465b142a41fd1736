#include "window/column_fit.h"

#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace eapscope::ui {
namespace {

QFont boldFont(const QTableView* view)
{
    QFont bold = view->font();
    bold.setBold(true);
    return bold;
}

}  // namespace

CellWidth::CellWidth(const QTableView* view)
    : metrics_(boldFont(view)),
      margin_(2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) + 3)
{
}

int CellWidth::operator()(const QString& text) const
{
    return metrics_.horizontalAdvance(text) + margin_;
}

void fitColumnWidths(QTableView* view, std::span<const int> needed, int skip, bool exact)
{
    QHeaderView* header = view->horizontalHeader();
    const int columns = std::min(header->count(), static_cast<int>(needed.size()));
    for (int column = 0; column < columns; ++column) {
        if (column == skip || view->isColumnHidden(column)) {
            continue;
        }
        const int wanted =
            std::max(needed[static_cast<std::size_t>(column)], header->sectionSizeHint(column));
        if (exact ? header->sectionSize(column) != wanted : header->sectionSize(column) < wanted) {
            header->resizeSection(column, wanted);
        }
    }
}

}  // namespace eapscope::ui
