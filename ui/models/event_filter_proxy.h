// The event table's filter: by side, context, kind and free text (issue 5 "Event table").
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <cstdint>

namespace eapscope::ui {

class EventFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject* parent = nullptr);

    /// -1 = every side; otherwise a Side value.
    void setSide(int side);
    /// -1 = every context; otherwise a context id.
    void setContext(int context);
    /// Bit i set = EventKind i shown. All bits = no kind filter.
    void setKindMask(std::uint32_t mask);
    /// Case-insensitive substring of the kind, entry, action, result or detail text.
    void setText(const QString& text);

    [[nodiscard]] std::uint32_t kindMask() const { return kindMask_; }
    static constexpr std::uint32_t kAllKinds = 0xFFFFFFFFu;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    int side_ = -1;
    int context_ = -1;
    std::uint32_t kindMask_ = kAllKinds;
    QString text_;
};

}  // namespace eapscope::ui
