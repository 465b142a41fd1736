// The findings list and its details pane (issue 5 "Findings"): a click selects the call that
// broke the rule in every view; the pane explains the rule and cites its RASEAP.md section.
#pragma once

#include "common/strong_id.h"

#include <QWidget>

class QTableView;
class QTextBrowser;

namespace eapscope::ui {

class EventSelection;
class FindingsModel;
class SessionDocument;

class FindingsDock : public QWidget {
    Q_OBJECT
public:
    FindingsDock(SessionDocument* document, EventSelection* selection, QWidget* parent = nullptr);

    [[nodiscard]] FindingsModel* model() const { return model_; }
    [[nodiscard]] QTableView* view() const { return view_; }
    [[nodiscard]] QString detailsText() const;
    /// Selects the finding row `row` as a click would.
    void activateRow(int row);

private:
    void onCurrentChanged();
    void showDetails(int row);
    void followSelection(EventId event);

    SessionDocument* document_;
    EventSelection* selection_;
    FindingsModel* model_;
    QTableView* view_;
    QTextBrowser* details_;
    bool updating_ = false;
};

}  // namespace eapscope::ui
