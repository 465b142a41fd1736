#include "models/conversations_model.h"

#include "models/event_format.h"
#include "session/capture_session.h"
#include "session/session_document.h"

#include "diagnosis/reason_catalogue.h"
#include "eap/eap_types.h"

#include <QBrush>
#include <QCoreApplication>

namespace eapscope::ui {
namespace {

/// The reason's details in the interface language: the side names (marked in
/// capture_diagnosis.cpp) and the certificate's weaknesses translated, the rest (names, times,
/// frames) as they are.
ReasonDetails shownDetails(const Reason& reason)
{
    ReasonDetails details = reason.details();
    for (auto& [key, value] : details) {
        if (key == "sender_name" || key == "receiver_name") {
            value = QCoreApplication::translate(kReasonTextContext, value.c_str()).toStdString();
        } else if (key == "weakness" && reason.certificate) {
            QStringList weaknesses;
            for (const MessageText& weakness : certificateWeaknessTexts(*reason.certificate)) {
                weaknesses << messageText(weakness);
            }
            value = weaknesses.join(QStringLiteral(", ")).toStdString();
        }
    }
    return details;
}

QString catalogueText(const char* text, const Reason& reason)
{
    const QString translated = QCoreApplication::translate(kReasonTextContext, text);
    return fromStd(fillReasonTemplate(translated.toStdString(), shownDetails(reason)));
}

QString carrierText(Carrier carrier)
{
    switch (carrier) {
        case Carrier::Eapol:
            return ConversationsModel::tr("EAPOL");
        case Carrier::Radius:
            return ConversationsModel::tr("RADIUS");
        case Carrier::Ppp:
            return ConversationsModel::tr("PPP");
        case Carrier::Pana:
            return ConversationsModel::tr("PANA");
    }
    return {};
}

/// "PEAP", or "MD5 → PEAP" when a Nak moved the conversation off the first proposal.
QString methodText(const CaptureConversation& c)
{
    if (!c.negotiated && c.proposed.empty()) {
        return ConversationsModel::tr("—");
    }
    const std::uint8_t first = c.proposed.empty() ? *c.negotiated : c.proposed.front();
    const QString proposed = fromStd(eapTypeName(first));
    if (!c.negotiated) {
        return ConversationsModel::tr("%1 (not agreed)").arg(proposed);
    }
    if (*c.negotiated == first) {
        return proposed;
    }
    return ConversationsModel::tr("%1 → %2").arg(proposed, fromStd(eapTypeName(*c.negotiated)));
}

QString identityText(const CaptureConversation& c, const ConversationDiagnosis* diagnosis)
{
    QString outer = c.identity.empty() ? ConversationsModel::tr("(none)") : fromStd(c.identity);
    if (diagnosis != nullptr) {
        for (const Reason& reason : diagnosis->reasons) {
            for (const auto& [key, value] : reason.facts) {
                if (key == "inner_identity" && !value.empty()) {
                    return ConversationsModel::tr("%1 / %2").arg(outer, fromStd(value));
                }
            }
        }
    }
    return outer;
}

QString durationText(std::uint64_t ns)
{
    return ConversationsModel::tr("%1 s").arg(static_cast<double>(ns) / 1e9, 0, 'f', 3);
}

}  // namespace

ConversationsModel::ConversationsModel(const SessionDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    connect(document, &SessionDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &SessionDocument::resetDone, this, [this] {
        reload();
        endResetModel();
    });
    reload();
}

QString ConversationsModel::reasonText(const Reason& reason)
{
    const ReasonInfo* info = reasonInfo(reason.id);
    return info != nullptr ? catalogueText(info->text, reason) : fromStd(reason.text());
}

QString ConversationsModel::reasonAdvice(const Reason& reason)
{
    const ReasonInfo* info = reasonInfo(reason.id);
    return info != nullptr ? catalogueText(info->advice, reason) : fromStd(reason.advice());
}

QString ConversationsModel::verdictText(Verdict verdict)
{
    switch (verdict) {
        case Verdict::Success:
            return tr("success");
        case Verdict::Failure:
            return tr("failure");
        case Verdict::Incomplete:
            return tr("incomplete");
    }
    return {};
}

QColor ConversationsModel::verdictColor(Verdict verdict)
{
    switch (verdict) {
        case Verdict::Success:
            return QColor(0x2e, 0x7d, 0x32);
        case Verdict::Failure:
            return QColor(0xc6, 0x28, 0x28);
        case Verdict::Incomplete:
            return QColor(0xef, 0x6c, 0x00);
    }
    return {};
}

void ConversationsModel::reload()
{
    rows_.clear();
    const CaptureSession* session = document_->capture();
    if (session == nullptr) {
        return;
    }
    const auto& conversations = session->capture.conversations;
    rows_.reserve(conversations.size());
    for (std::size_t i = 0; i < conversations.size(); ++i) {
        const CaptureConversation& c = conversations[i];
        const ConversationDiagnosis* diagnosis = session->diagnosisOf(i);
        Row row;
        row.cells[NumberColumn] = QString::number(i + 1);
        row.cells[CarrierColumn] = carrierText(c.carrier);
        row.cells[EndpointsColumn] = tr("%1 ↔ %2").arg(fromStd(c.authenticator), fromStd(c.peer));
        row.cells[IdentityColumn] = identityText(c, diagnosis);
        row.cells[MethodColumn] = methodText(c);
        row.cells[StartColumn] = timeText(c.startNs);
        row.cells[DurationColumn] = durationText(c.endNs > c.startNs ? c.endNs - c.startNs : 0);
        row.cells[RoundTripsColumn] = QString::number(c.roundTrips);
        const ContextId context = session->contextOf(i);
        row.context = context.valid() ? static_cast<int>(context.value()) : -1;
        if (diagnosis != nullptr) {
            row.cells[VerdictColumn] = verdictText(diagnosis->verdict);
            row.verdictColor = verdictColor(diagnosis->verdict);
            row.verdictId = fromStd(toString(diagnosis->verdict));
            if (const Reason* reason = diagnosis->mainReason()) {
                row.cells[ReasonColumn] = reasonText(*reason);
                row.reasonAdvice = reasonAdvice(*reason);
                row.reasonId = fromStd(reason->id);
                row.reasonEvent = reason->event.valid() ? static_cast<int>(reason->event.value()) : -1;
            }
        }
        rows_.push_back(std::move(row));
    }
}

int ConversationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ConversationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case NumberColumn:
            return tr("#");
        case CarrierColumn:
            return tr("Carrier");
        case EndpointsColumn:
            return tr("Authenticator ↔ peer");
        case IdentityColumn:
            return tr("Identity");
        case MethodColumn:
            return tr("Method");
        case VerdictColumn:
            return tr("Verdict");
        case ReasonColumn:
            return tr("Reason");
        case StartColumn:
            return tr("Start (s)");
        case DurationColumn:
            return tr("Duration");
        case RoundTripsColumn:
            return tr("Round trips");
        default:
            return {};
    }
}

QVariant ConversationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return row.cells[index.column()];
        case Qt::ToolTipRole:
            return index.column() == ReasonColumn && !row.reasonAdvice.isEmpty() ? row.reasonAdvice
                                                                                 : row.cells[index.column()];
        case Qt::ForegroundRole:
            return index.column() == VerdictColumn && row.verdictColor.isValid() ? QVariant(QBrush(Qt::white))
                                                                                 : QVariant();
        case Qt::BackgroundRole:
            return index.column() == VerdictColumn && row.verdictColor.isValid()
                       ? QVariant(QBrush(row.verdictColor))
                       : QVariant();
        case Qt::TextAlignmentRole:
            return index.column() == NumberColumn || index.column() == StartColumn ||
                           index.column() == DurationColumn || index.column() == RoundTripsColumn
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant();
        case ConversationRole:
            return index.row();
        case ContextRole:
            return row.context;
        case VerdictRole:
            return row.verdictId;
        case ReasonEventRole:
            return row.reasonEvent;
        case ReasonIdRole:
            return row.reasonId;
        default:
            return {};
    }
}

int ConversationsModel::rowOfContext(ContextId context) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (context.valid() && rows_[i].context == static_cast<int>(context.value())) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace eapscope::ui
