// The findings of the session (issue 5 "Findings"): rule, severity, side, context, call, message.
#pragma once

#include "trace/trace.h"

#include <QAbstractTableModel>

#include <cstddef>

namespace eapscope::ui {

class SessionDocument;

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RuleColumn, SeverityColumn, SideColumn, ContextColumn, CallColumn, MessageColumn, ColumnCount };
    enum Role {
        FindingIdRole = Qt::UserRole,  // uint
        EventRole,                     // uint: the Finding row
        CallRole,                      // uint: the CallStart of the call that broke the rule, or -1
        RuleRole,                      // QString: catalogue id
        SeverityRole,                  // int: Severity
    };

    explicit FindingsModel(const SessionDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of the finding recorded at trace row `event`, or invalid.
    [[nodiscard]] QModelIndex indexOfEvent(EventId event) const;

private:
    void onAppended();
    void onAboutToTruncate(std::size_t events);
    void onTruncated();
    [[nodiscard]] int findingsBefore(std::size_t events) const;
    QVariant display(const FindingRecord& finding, int column) const;

    const SessionDocument* document_;
    int rows_ = 0;
    bool removing_ = false;
};

}  // namespace eapscope::ui
