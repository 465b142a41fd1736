// The Conversations dock (issue 10): every conversation of an opened capture with its verdict
// and main reason; below it, the selected conversation's diagnosis — the verdict, every reason in
// the UI language (clicking one selects the frame that proves it, so the table, the timeline and
// the inspector follow), what to do next, and the certificates sent in clear, each opening the
// certificate viewer.
#pragma once

#include "common/strong_id.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace eapscope::ui {

class ConversationsModel;
class EventSelection;
class SessionDocument;

class ConversationsDock : public QWidget {
    Q_OBJECT
public:
    ConversationsDock(const SessionDocument* document, EventSelection* selection, QWidget* parent = nullptr);

    [[nodiscard]] ConversationsModel* model() const { return model_; }
    [[nodiscard]] QTableView* view() const { return view_; }
    [[nodiscard]] QTreeWidget* reasons() const { return reasons_; }
    [[nodiscard]] QListWidget* certificates() const { return certificates_; }
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] QString adviceText() const;
    /// The conversation shown below the list (index into the capture's conversations), or -1.
    [[nodiscard]] int currentConversation() const { return conversation_; }

    void selectConversation(int row);
    /// Selects the event proving reason `index` of the current conversation.
    void activateReason(int index);
    /// Opens the certificate viewer on certificate `index` of the current conversation.
    void openCertificate(int index);
    /// Shows every conversation again (no filter).
    void showAll();
    /// File → Export report…: enabled while a capture is open.
    [[nodiscard]] QAction* exportReportAction() const { return exportReport_; }
    /// Writes the capture's self-contained HTML report (what `inspect --report html` writes);
    /// returns the error text, empty on success.
    QString exportReport(const QString& path) const;

signals:
    /// A conversation was chosen (its context in the trace; invalid: all of them).
    void conversationSelected(eapscope::ContextId context);

private:
    void onConversationChanged();
    void showDiagnosis(int conversation);
    void showReasonAdvice();
    void onReset();
    void onExportReport();

    const SessionDocument* document_;
    EventSelection* selection_;
    ConversationsModel* model_;
    QTableView* view_;
    QLabel* verdict_;
    QTreeWidget* reasons_;
    QLabel* advice_;
    QListWidget* certificates_;
    QPushButton* viewCertificate_;
    QPushButton* showAll_;
    QAction* exportReport_;
    int conversation_ = -1;
};

}  // namespace eapscope::ui
