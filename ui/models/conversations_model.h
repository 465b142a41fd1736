// The conversations of an opened capture, one row each (issue 10 "Open a capture"): carrier,
// endpoints, identity, method proposed and negotiated, verdict with its colour, the main reason
// in the UI language, start, duration and round trips. Rows are formatted once when the capture
// is loaded; data() only hands them out.
#pragma once

#include "common/strong_id.h"
#include "diagnosis/capture_diagnosis.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <vector>

namespace eapscope::ui {

class SessionDocument;

class ConversationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        CarrierColumn,
        EndpointsColumn,
        IdentityColumn,
        MethodColumn,
        VerdictColumn,
        ReasonColumn,
        StartColumn,
        DurationColumn,
        RoundTripsColumn,
        ColumnCount
    };
    enum Role {
        ConversationRole = Qt::UserRole,  // int: index into CaptureImport::conversations
        ContextRole,                      // int: the conversation's context in the trace, -1 none
        VerdictRole,                      // QString: "success", "failure", "incomplete"
        ReasonEventRole,                  // uint: the event proving the main reason, or -1 as int
        ReasonIdRole,                     // QString: the main reason's catalogue id
    };

    explicit ConversationsModel(const SessionDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row showing the conversation of `context`, or -1.
    [[nodiscard]] int rowOfContext(ContextId context) const;

    /// The UI-language sentence of a reason, and its advice (the catalogue's texts, translated).
    static QString reasonText(const Reason& reason);
    static QString reasonAdvice(const Reason& reason);
    /// "success" → the translated word, and its colour.
    static QString verdictText(Verdict verdict);
    static QColor verdictColor(Verdict verdict);

private:
    struct Row {
        QString cells[ColumnCount];
        QString reasonAdvice;
        QString verdictId;
        QString reasonId;
        QColor verdictColor;
        int context = -1;
        int reasonEvent = -1;
    };

    void reload();

    const SessionDocument* document_;
    std::vector<Row> rows_;
};

}  // namespace eapscope::ui
