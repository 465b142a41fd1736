#include "inspector/packet_inspector.h"

#include "eap/eap_decoder.h"
#include "inspector/hex_view.h"
#include "models/event_format.h"
#include "models/packet_field_model.h"
#include "radius/radius_fields.h"
#include "session/capture_session.h"
#include "session/session_document.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace eapscope::ui {

PacketInspector::PacketInspector(const SessionDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      fields_(new PacketFieldModel(this)),
      tree_(new QTreeView),
      hex_(new HexView),
      headline_(new QLabel),
      anomalies_(new QLabel)
{
    tree_->setModel(fields_);
    tree_->setUniformRowHeights(true);
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->setObjectName(QStringLiteral("packetTree"));
    hex_->setObjectName(QStringLiteral("packetHex"));
    headline_->setWordWrap(true);
    headline_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    anomalies_->setWordWrap(true);
    anomalies_->setStyleSheet(QStringLiteral("color: #c62828"));
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(tree_);
    splitter->addWidget(hex_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(headline_);
    layout->addWidget(splitter, 1);
    layout->addWidget(anomalies_);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PacketInspector::onTreeSelection);
    connect(hex_, &HexView::byteClicked, this, &PacketInspector::onByteClicked);
    connect(headline_, &QLabel::linkActivated, this,
            [this](const QString& link) { emit callActivated(EventId(link.mid(1).toUInt())); });
    connect(document, &SessionDocument::resetDone, this, &PacketInspector::clear);
    connect(document, &SessionDocument::truncated, this, [this] {
        if (packet_.valid() && packet_.value() >= document_->trace().packetCount()) {
            clear();
        }
    });
    clear();
}

void PacketInspector::clear()
{
    packet_ = PacketId();
    sentBy_ = receivedBy_ = EventId();
    fields_->setDecode({});
    hex_->setBytes({});
    anomalies_->clear();
    headline_->setText(tr("No packet selected. Select a call or a packet event."));
}

void PacketInspector::inspectEvent(EventId event)
{
    const Trace& trace = document_->trace();
    if (!event.valid() || event.value() >= trace.size()) {
        return;
    }
    const PacketId packet = trace.packets()[event.value()];
    if (packet.valid()) {
        showPacket(packet);
    }
}

void PacketInspector::showPacket(PacketId packet)
{
    const Trace& trace = document_->trace();
    if (!packet.valid() || packet.value() >= trace.packetCount()) {
        clear();
        return;
    }
    packet_ = packet;
    const auto bytes = trace.packet(packet);
    findCalls();
    // A RADIUS packet (live RADIUS counterparts) is decoded by the one RADIUS codec, its
    // EAP-Message by the EAP decoder below it.
    DecodedEap decode = radiusRow_.valid() ? radius::decodeRadiusFields(bytes) : decodeEap(bytes);
    QStringList anomalies;
    for (const EapAnomaly& a : decode.anomalies) {
        anomalies << QStringLiteral("%1 (%2)").arg(anomalyText(a.id, a.message), fromStd(a.id));
    }
    anomalies_->setText(anomalies.isEmpty() ? QString()
                                            : tr("Anomalies: %1").arg(anomalies.join(QStringLiteral("; "))));
    fields_->setDecode(std::move(decode));
    tree_->expandAll();
    hex_->setBytes(bytes);
    updateHeadline();
}

void PacketInspector::findCalls()
{
    // The sender is the CallEnd (or Packet row) that carries the packet; the receiver is the
    // MakeMessage CallStart given it (trace.h column use per kind).
    const Trace& trace = document_->trace();
    sentBy_ = receivedBy_ = packetRow_ = radiusRow_ = EventId();
    const auto packets = trace.packets();
    const auto kinds = trace.kinds();
    const auto calls = trace.calls();
    for (std::size_t i = 0; i < packets.size(); ++i) {
        if (packets[i] != packet_) {
            continue;
        }
        const EventId id(static_cast<std::uint32_t>(i));
        if (kinds[i] == EventKind::Radius && !radiusRow_.valid()) {
            radiusRow_ = id;
        }
        if (kinds[i] == EventKind::Packet && !packetRow_.valid()) {
            packetRow_ = id;
        }
        if (kinds[i] == EventKind::CallEnd && !sentBy_.valid()) {
            sentBy_ = calls[i].valid() ? calls[i] : id;
        } else if (kinds[i] == EventKind::Packet && !sentBy_.valid() && calls[i].valid()) {
            sentBy_ = trace.calls()[calls[i].value()].valid() ? trace.calls()[calls[i].value()] : calls[i];
        } else if (kinds[i] == EventKind::CallStart && !receivedBy_.valid()) {
            receivedBy_ = id;
        }
    }
}

QString PacketInspector::headline() const
{
    return headline_->text();
}

void PacketInspector::updateHeadline()
{
    const Trace& trace = document_->trace();
    auto callLink = [&](EventId call) {
        if (!call.valid()) {
            return tr("—");
        }
        const EventRow row = trace.row(call);
        return QStringLiteral("<a href=\"#%1\">#%1 %2 %3 %4</a>")
            .arg(call.value())
            .arg(sideText(row.side), contextText(trace, row.context), entryText(row.entry));
    };
    const QString summary = fromStd(fields_->decode().summary).toHtmlEscaped();
    if (radiusRow_.valid()) {
        headline_->setText(radiusHeadline(summary));
        return;
    }
    if (!sentBy_.valid() && !receivedBy_.valid() && packetRow_.valid() &&
        trace.option("source") == std::optional<std::string>("capture")) {
        headline_->setText(captureHeadline(summary));
        return;
    }
    headline_->setText(tr("<b>%1</b> (%2 bytes) — sent by %3, received by %4")
                           .arg(summary)
                           .arg(trace.packet(packet_).size())
                           .arg(callLink(sentBy_), callLink(receivedBy_)));
}

QString PacketInspector::radiusHeadline(const QString& summary) const
{
    // trace.h: a Radius row's aux is 0 for NAS → server, 1 for server → NAS; result is the
    // transmission number.
    const Trace& trace = document_->trace();
    const EventRow row = trace.row(radiusRow_);
    const QString lane = contextText(trace, row.context).toHtmlEscaped();
    const QString direction =
        row.aux == 1 ? tr("from %1 to the NAS").arg(lane) : tr("from the NAS to %1").arg(lane);
    QString text =
        tr("<b>%1</b> (%2 bytes) — RADIUS, %3").arg(summary).arg(trace.packet(packet_).size()).arg(direction);
    if (row.result > 1) {
        text += tr(", retransmission %1").arg(row.result - 1);
    }
    return text;
}

QString PacketInspector::captureHeadline(const QString& summary) const
{
    // A captured packet has no calls: name the two ends of its conversation instead.
    const Trace& trace = document_->trace();
    const EventRow row = trace.row(packetRow_);
    QString authenticator = tr("the authenticator");
    QString peer = tr("the peer");
    const CaptureSession* capture = document_->capture();
    const int conversation = capture != nullptr ? capture->conversationOf(row.context) : -1;
    if (conversation >= 0) {
        const CaptureConversation& c = capture->capture.conversations[static_cast<std::size_t>(conversation)];
        authenticator = tr("the authenticator %1").arg(fromStd(c.authenticator).toHtmlEscaped());
        peer = tr("the peer %1").arg(fromStd(c.peer).toHtmlEscaped());
    }
    const bool fromPeer = row.side == Side::Peer;
    return tr("<b>%1</b> (%2 bytes) — frame %3, sent by %4, received by %5")
        .arg(summary)
        .arg(trace.packet(packet_).size())
        .arg(row.aux)
        .arg(fromPeer ? peer : authenticator, fromPeer ? authenticator : peer);
}

void PacketInspector::onTreeSelection()
{
    const QModelIndex current = tree_->currentIndex();
    if (!current.isValid()) {
        hex_->highlight(0, 0);
        return;
    }
    hex_->highlight(fields_->data(current, PacketFieldModel::OffsetRole).toUInt(),
                    fields_->data(current, PacketFieldModel::LengthRole).toUInt());
}

void PacketInspector::onByteClicked(std::uint32_t offset)
{
    const QModelIndex field = fields_->indexAtOffset(offset);
    if (field.isValid()) {
        tree_->setCurrentIndex(field);
    }
}

}  // namespace eapscope::ui
