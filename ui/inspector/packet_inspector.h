// The packet inspector (issue 5): the selected event's packet as a decoded field tree beside a
// hex view, linked both ways through byte ranges; names the call that sent the packet and the
// call that received it.
#pragma once

#include "common/strong_id.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace eapscope::ui {

class HexView;
class PacketFieldModel;
class SessionDocument;

class PacketInspector : public QWidget {
    Q_OBJECT
public:
    explicit PacketInspector(const SessionDocument* document, QWidget* parent = nullptr);

    [[nodiscard]] PacketId currentPacket() const { return packet_; }
    [[nodiscard]] EventId sentBy() const { return sentBy_; }
    [[nodiscard]] EventId receivedBy() const { return receivedBy_; }
    [[nodiscard]] PacketFieldModel* fieldModel() const { return fields_; }
    [[nodiscard]] QTreeView* tree() const { return tree_; }
    [[nodiscard]] HexView* hexView() const { return hex_; }
    [[nodiscard]] QString headline() const;

public slots:
    /// Shows the packet of `event` (a Packet row, a MakeMessage CallStart's received packet or
    /// its CallEnd's sent packet); keeps the current packet when the event has none.
    void inspectEvent(eapscope::EventId event);
    void showPacket(eapscope::PacketId packet);
    void clear();

signals:
    /// The user asked to go to the call that sent or received the packet.
    void callActivated(eapscope::EventId call);

private:
    void onTreeSelection();
    void onByteClicked(std::uint32_t offset);
    void findCalls();
    void updateHeadline();
    [[nodiscard]] QString captureHeadline(const QString& summary) const;
    [[nodiscard]] QString radiusHeadline(const QString& summary) const;

    const SessionDocument* document_;
    PacketFieldModel* fields_;
    QTreeView* tree_;
    HexView* hex_;
    QLabel* headline_;
    QLabel* anomalies_;
    PacketId packet_;
    EventId sentBy_;
    EventId receivedBy_;
    EventId packetRow_;  // the Packet row carrying the packet (captures: who sent it to whom)
    EventId radiusRow_;  // the Radius row carrying it: a RADIUS packet, not an EAP one
};

}  // namespace eapscope::ui
