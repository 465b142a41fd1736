// Every event of the session as a virtual table over the columnar trace (issue 5 "Event
// table"). Rows are trace rows; data() formats columns, packet summaries included (decoded for
// the rows shown only): the model holds nothing per event, so opening a session costs nothing
// per row here (issue 13).
#pragma once

#include "trace/trace.h"

#include <QAbstractTableModel>
#include <QString>

#include <cstddef>

namespace eapscope::ui {

class SessionDocument;

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The last seven columns are a capture's (frame, direction, EAP header fields and the
    // listing's Info text); the dock shows them instead of the method-call columns there.
    enum Column {
        IndexColumn,
        TimeColumn,
        SideColumn,
        ContextColumn,
        KindColumn,
        EntryColumn,
        ActionColumn,
        ResultColumn,
        DetailColumn,
        BytesColumn,
        FrameColumn,
        DirectionColumn,
        CodeColumn,
        IdentifierColumn,
        TypeColumn,
        LengthColumn,
        InfoColumn,
        ColumnCount
    };
    enum Role {
        EventIdRole = Qt::UserRole,  // uint: the trace row
        KindRole,                    // int: EventKind
        SideRole,                    // int: Side
        ContextRole,                 // int: context id, -1 none
        PacketRole,                  // int: packet id, -1 none
        CurrentStepRole,             // bool: row belongs to the last step
    };

    explicit EventTableModel(const SessionDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] QModelIndex indexOfEvent(EventId event, int column = 0) const;
    /// The packet summary shown in the Detail column ("Request/MD5-Challenge id=1 len=22").
    [[nodiscard]] QString packetSummary(PacketId packet) const;
    /// True when the session is an imported capture (trace option source=capture).
    [[nodiscard]] bool captureMode() const { return captureMode_; }
    /// The columns that mean something in this mode (capture or method calls).
    [[nodiscard]] static bool columnShown(int column, bool captureMode);

private:
    void onAppended(std::size_t first, std::size_t end);
    void onAboutToTruncate(std::size_t events);
    void onTruncated(std::size_t events);
    void onAboutToReset();
    void onReset();
    void onStepChanged(std::size_t first, std::size_t end);
    void reload();
    QVariant display(const EventRow& row, std::size_t index, int column) const;
    QString detail(const EventRow& row) const;
    QVariant captureCell(const EventRow& row, int column) const;

    const SessionDocument* document_;
    int rows_ = 0;
    std::size_t stepFirst_ = 0;
    std::size_t stepEnd_ = 0;
    bool captureMode_ = false;
};

}  // namespace eapscope::ui
