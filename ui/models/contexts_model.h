// Live contexts (issue 5 "Methods and contexts dock"): state, work buffer address and size,
// live heap. Per-context figures are folded in as rows arrive (never in data()); a truncate
// refolds from the start.
#pragma once

#include "trace/trace.h"

#include <QAbstractTableModel>

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace eapscope::ui {

class SessionDocument;

/// What the dock shows for one context, folded from the trace.
struct ContextFigures {
    ContextState state = ContextState::Created;
    std::uint64_t workBuffer = 0;
    std::uint64_t workBufferSize = 0;
    std::uint64_t liveBytes = 0;
    std::uint64_t liveBlocks = 0;
    std::uint64_t leakedBytes = 0;  // HEAP_LEAK / WORKBUFFER_NOT_FREED findings
    std::uint32_t calls = 0;
};

class ContextsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ContextColumn, SideColumn, StateColumn, CallsColumn, WorkBufferColumn, WorkBufferSizeColumn,
                  LiveHeapColumn, LeakedColumn, ColumnCount };
    enum Role {
        ContextIdRole = Qt::UserRole,  // uint
        StateRole,                     // int: ContextState
        LiveBytesRole,                 // qulonglong
        WorkBufferRole,                // qulonglong
    };

    explicit ContextsModel(const SessionDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const ContextFigures* figures(ContextId context) const;

private:
    void fold(std::size_t first, std::size_t end);
    void foldHeap(const EventRow& row);
    void onAppended(std::size_t first, std::size_t end);
    void refoldAll();
    QVariant display(std::size_t row, int column) const;

    struct Block {
        ContextId context;
        std::uint64_t size = 0;
    };

    const SessionDocument* document_;
    std::vector<ContextFigures> figures_;
    std::unordered_map<std::uint64_t, Block> live_;  // address → block
    int rows_ = 0;
};

}  // namespace eapscope::ui
