// The main window (issue 5): the timeline in the centre, docks for the event table, packet
// inspector, findings and methods/contexts; menus, toolbar and debugger keys; open/save,
// recent files, drag and drop; layout remembered. Views never call the engine: commands go
// through the SessionController.
#pragma once

#include "common/strong_id.h"

#include <QMainWindow>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace eapscope::ui {

class AppSettings;
class ContextsDock;
class ConversationsDock;
class EventSelection;
class EventTableDock;
class FindingsDock;
class PacketInspector;
class SessionController;
class SessionDocument;
class TimelineView;
struct OrphanedRecording;
struct SessionSetup;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] SessionDocument* document() const { return document_; }
    [[nodiscard]] EventSelection* selection() const { return selection_; }
    [[nodiscard]] SessionController* controller() const { return controller_; }
    [[nodiscard]] EventTableDock* eventTable() const { return events_; }
    [[nodiscard]] PacketInspector* inspector() const { return inspector_; }
    [[nodiscard]] FindingsDock* findings() const { return findings_; }
    [[nodiscard]] ContextsDock* contexts() const { return contexts_; }
    [[nodiscard]] ConversationsDock* conversations() const { return conversations_; }
    /// The timeline widget, or nullptr in a build without it.
    [[nodiscard]] TimelineView* timeline() const { return timeline_; }
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] bool bannerVisible() const;
    [[nodiscard]] QAction* action(const QString& objectName) const;

    /// Starts a live session (the default on start: md5 both sides, loopback, nothing run).
    void startSession(const SessionSetup& setup);
    /// Opens a session file off the GUI thread; `wait` blocks until loaded (tests, command line).
    void openFile(const QString& path);
    /// Loads a session file synchronously into the window (returns the error text, empty = ok).
    QString openFileNow(const QString& path);
    /// On start: offers each recording a crashed or killed EapScope left in the cache
    /// (RecordingStore) — save it and open it, delete it, or keep it for the next start.
    void offerRecovery();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void connectViews();
    void connectController();
    void onSelection(EventId event);
    /// Feeds the timeline the heap ledger's blocks and leak verdicts for the document's trace.
    void refreshHeapBlocks();
    void showPacketOf(EventId event);
    /// A capture opened: its conversations and diagnosis come to the front.
    void raiseConversations();
    void onOpen();
    void onSave();
    void onSaveAs();
    /// Asks for a path and saves the live session there; `saved` runs after a successful save.
    void saveAs(std::function<void()> saved);
    /// What ends the live session (and deletes its unsaved recording); the question names it.
    enum class SessionEnd { Close, Restart, NewSession, Open };
    /// Before `end`: true when the live recording may go (nothing worth asking about, saved,
    /// or the person chose Discard); false keeps the session. Save saves first and then runs
    /// `again`, which repeats what the person asked for.
    bool mayDiscardRecording(SessionEnd end, std::function<void()> again);
    void onRestart();
    void offerRecovery(const OrphanedRecording& orphan);
    void onSetup();
    void onInject();
    void onToggleBreakpoint();
    void onAddBreakpoint();
    void updateRecentMenu();
    void updateActions();
    void updateTitle();
    void showBanner(const QString& text);
    void hideBanner();
    QDockWidget* addDock(const QString& title, const QString& name, QWidget* widget, Qt::DockWidgetArea area);

    std::unique_ptr<AppSettings> settings_;
    SessionDocument* document_;
    EventSelection* selection_;
    SessionController* controller_ = nullptr;
    EventTableDock* events_ = nullptr;
    PacketInspector* inspector_ = nullptr;
    FindingsDock* findings_ = nullptr;
    ContextsDock* contexts_ = nullptr;
    ConversationsDock* conversations_ = nullptr;
    TimelineView* timeline_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* stateLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    bool syncing_ = false;
    qint64 savedEvents_ = -1;  // rows of the live session when it was last saved; -1 = never
};

}  // namespace eapscope::ui
