// The decoded fields of one packet as a tree (Wireshark's proto tree): field, value, and the
// byte range each one covers, which is what links the tree to the hex view.
#pragma once

#include "eap/eap_decoder.h"

#include <QAbstractItemModel>

#include <cstdint>
#include <vector>

namespace eapscope::ui {

class PacketFieldModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, ColumnCount };
    enum Role {
        OffsetRole = Qt::UserRole,  // uint
        LengthRole,                 // uint
        KeyRole,                    // QString, e.g. "eap.code"
        AnomalyRole,                // QString, empty when fine
    };

    explicit PacketFieldModel(QObject* parent = nullptr);

    void setDecode(DecodedEap decode);
    [[nodiscard]] const DecodedEap& decode() const { return decode_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The innermost field covering byte `offset` (the hex view's click), or invalid.
    [[nodiscard]] QModelIndex indexAtOffset(std::uint32_t offset) const;
    /// The field with stable key `key` (first one), or invalid.
    [[nodiscard]] QModelIndex indexOfKey(const QString& key) const;

private:
    [[nodiscard]] QModelIndex indexOfField(int field, int column = 0) const;

    DecodedEap decode_;
    std::vector<std::vector<int>> children_;  // [field + 1] → child field indices; [0] = top level
    std::vector<int> rowInParent_;
};

}  // namespace eapscope::ui
