#include "window/main_window.h"

#include "controller/session_controller.h"
#include "inspector/packet_inspector.h"
#include "models/event_format.h"
#include "session/event_selection.h"
#include "session/recording_store.h"
#include "session/session_document.h"
#include "session/session_file_loader.h"
#include "window/app_settings.h"
#include "window/breakpoint_dialog.h"
#include "window/contexts_dock.h"
#include "window/conversations_dock.h"
#include "window/event_table_dock.h"
#include "window/findings_dock.h"
#include "window/inject_packet_dialog.h"
#include "window/language.h"
#include "window/session_setup_dialog.h"

#include "analysis/heap_ledger.h"
#include "timeline/ledger_blocks.h"
#include "timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

static void initEapScopeResources()
{
    Q_INIT_RESOURCE(eapscope);
}

namespace eapscope::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      settings_(std::make_unique<AppSettings>()),
      document_(new SessionDocument(this)),
      selection_(new EventSelection(this))
{
    initEapScopeResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/eapscope/icons/eapscope.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    controller_ = new SessionController(document_, this);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    banner_ = new QLabel;
    banner_->setObjectName(QStringLiteral("banner"));
    banner_->setWordWrap(true);
    banner_->setStyleSheet(
        QStringLiteral("QLabel { background: #c62828; color: white; padding: 6px; font-weight: bold; }"));
    banner_->hide();
    layout->addWidget(banner_);
    timeline_ = new TimelineView;
    timeline_->setObjectName(QStringLiteral("timeline"));
    timeline_->setTrace(document_->tracePointer(), document_->announcedEvents());
    layout->addWidget(timeline_, 1);
    setCentralWidget(central);

    createDocks();
    createActions();
    createMenus();
    connectViews();
    connectController();
    stateLabel_ = new QLabel;
    statusBar()->addPermanentWidget(stateLabel_);
    resize(1400, 900);
    restoreGeometry(settings_->windowGeometry());
    restoreState(settings_->windowState());
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(const QString& title, const QString& name, QWidget* widget,
                                 Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    events_ = new EventTableDock(document_, selection_);
    inspector_ = new PacketInspector(document_);
    findings_ = new FindingsDock(document_, selection_);
    contexts_ = new ContextsDock(document_, selection_);
    QDockWidget* eventsDock =
        addDock(tr("Events"), QStringLiteral("eventsDock"), events_, Qt::BottomDockWidgetArea);
    QDockWidget* inspectorDock = addDock(tr("Packet inspector"), QStringLiteral("inspectorDock"), inspector_,
                                         Qt::BottomDockWidgetArea);
    splitDockWidget(eventsDock, inspectorDock, Qt::Horizontal);
    QDockWidget* contextsDock = addDock(tr("Methods and contexts"), QStringLiteral("contextsDock"), contexts_,
                                        Qt::LeftDockWidgetArea);
    QDockWidget* findingsDock =
        addDock(tr("Findings"), QStringLiteral("findingsDock"), findings_, Qt::LeftDockWidgetArea);
    splitDockWidget(contextsDock, findingsDock, Qt::Vertical);
    conversations_ = new ConversationsDock(document_, selection_);
    tabifyDockWidget(contextsDock, addDock(tr("Conversations"), QStringLiteral("conversationsDock"),
                                           conversations_, Qt::LeftDockWidgetArea));
    contextsDock->raise();
    // The event table's short columns take about 700 px at their widest content (EventTableDock::
    // fitColumns); this share leaves its Detail column room to read at 1600 px.
    resizeDocks({eventsDock, inspectorDock}, {1000, 600}, Qt::Horizontal);
    resizeDocks({eventsDock}, {330}, Qt::Vertical);
    resizeDocks({contextsDock}, {430}, Qt::Horizontal);
}

namespace {

QAction* makeAction(QObject* parent, const QString& name, const QString& text, const QString& icon,
                    const QKeySequence& key = {})
{
    auto* action = new QAction(text, parent);
    action->setObjectName(name);
    if (!icon.isEmpty()) {
        action->setIcon(QIcon(QStringLiteral(":/eapscope/icons/") + icon + QStringLiteral(".svg")));
    }
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setShortcutContext(Qt::ApplicationShortcut);
    }
    return action;
}

/// The ledger is the one judge of leaks (core/analysis/heap_ledger.h): blocks the tracer
/// reported RETAINED (kept by the library for the process) are not leaks, whatever pairing
/// HeapAlloc/HeapFree rows would say. Rebuilt from the trace after every append, step back
/// and reset: linear, cheap at the sizes a person steps through; skipped without heap rows.
std::vector<TimelineBlock> heapBlocksOf(const Trace& trace)
{
    const bool hasHeap = std::any_of(trace.kinds().begin(), trace.kinds().end(), [](EventKind kind) {
        return kind == EventKind::HeapAlloc || kind == EventKind::HeapFree;
    });
    return hasHeap ? timelineBlocks(HeapLedger::rebuild(trace), trace) : std::vector<TimelineBlock>();
}

}  // namespace

void MainWindow::createActions()
{
    auto add = [this](const QString& name, const QString& text, const QString& icon, const QKeySequence& key,
                      auto slot) {
        QAction* a = makeAction(this, name, text, icon, key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    add(QStringLiteral("actionOpen"), tr("&Open session or capture…"), QStringLiteral("open"),
        QKeySequence::Open, [this] { onOpen(); });
    add(QStringLiteral("actionSave"), tr("&Save session"), QStringLiteral("save"), QKeySequence::Save,
        [this] { onSave(); });
    add(QStringLiteral("actionSaveAs"), tr("Save session &as…"), QString(), QKeySequence::SaveAs,
        [this] { onSaveAs(); });
    add(QStringLiteral("actionQuit"), tr("&Quit"), QString(), QKeySequence::Quit, [this] { close(); });
    add(QStringLiteral("actionSetup"), tr("&New session…"), QStringLiteral("setup"), QKeySequence::New,
        [this] { onSetup(); });
    add(QStringLiteral("actionStep"), tr("&Step"), QStringLiteral("step"), QKeySequence(Qt::Key_F10),
        [this] { controller_->step(); });
    add(QStringLiteral("actionContinue"), tr("&Continue"), QStringLiteral("continue"),
        QKeySequence(Qt::Key_F5), [this] { controller_->continueRun(); });
    add(QStringLiteral("actionStop"), tr("S&top"), QStringLiteral("stop"),
        QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { controller_->stop(); });
    add(QStringLiteral("actionFinishServing"), tr("&Finish serving"), QStringLiteral("stop"), QKeySequence(),
        [this] { controller_->finishServing(); })
        ->setToolTip(tr("Stop serving supplicants: conversations in progress end with RasEapEnd, the session "
                        "stays to inspect and save"));
    add(QStringLiteral("actionRestart"), tr("&Restart"), QStringLiteral("restart"),
        QKeySequence(Qt::CTRL | Qt::Key_R), [this] { onRestart(); });
    add(QStringLiteral("actionStepBack"), tr("Step &back"), QStringLiteral("step-back"),
        QKeySequence(Qt::SHIFT | Qt::Key_F10), [this] { controller_->stepBack(); });
    add(QStringLiteral("actionFireTimeout"), tr("Fire &timeout"), QStringLiteral("timeout"),
        QKeySequence(Qt::CTRL | Qt::Key_T), [this] { controller_->fireTimeout(); });
    add(QStringLiteral("actionInject"), tr("&Inject packet…"), QStringLiteral("inject"),
        QKeySequence(Qt::CTRL | Qt::Key_I), [this] { onInject(); });
    add(QStringLiteral("actionToggleBreakpoint"), tr("Toggle &breakpoint"), QStringLiteral("breakpoint"),
        QKeySequence(Qt::Key_F9), [this] { onToggleBreakpoint(); });
    add(QStringLiteral("actionBreakpoints"), tr("Break&points…"), QString(),
        QKeySequence(Qt::CTRL | Qt::Key_F9), [this] { onAddBreakpoint(); });
    add(QStringLiteral("actionFitAll"), tr("&Fit timeline"), QString(), QKeySequence(Qt::CTRL | Qt::Key_0),
        [this] { timeline_->fitAll(); });
    QAction* stepAxis = add(QStringLiteral("actionStepAxis"), tr("&Step axis (every call the same width)"),
                            QString(), QKeySequence(Qt::CTRL | Qt::Key_K), [this](bool on) {
                                timeline_->setAxis(on ? TimelineAxis::Steps : TimelineAxis::Time);
                                settings_->setStepAxis(on);
                            });
    stepAxis->setCheckable(true);
    stepAxis->setChecked(settings_->stepAxis());
    timeline_->setAxis(settings_->stepAxis() ? TimelineAxis::Steps : TimelineAxis::Time);
    add(QStringLiteral("actionAbout"), tr("&About EapScope"), QString(), QKeySequence(), [this] {
        QMessageBox::about(
            this, tr("About EapScope"),
            tr("EapScope %1 — a debugger for RAS EAP methods.").arg(QApplication::applicationVersion()));
    });
}

QAction* MainWindow::action(const QString& objectName) const
{
    return findChild<QAction*>(objectName);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionSetup")));
    file->addAction(action(QStringLiteral("actionOpen")));
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAs")));
    file->addAction(conversations_->exportReportAction());
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    session->setObjectName(QStringLiteral("sessionMenu"));
    for (const char* name : {"actionStep", "actionContinue", "actionStop", "actionFinishServing",
                             "actionStepBack", "actionRestart"}) {
        session->addAction(action(QString::fromLatin1(name)));
    }
    session->addSeparator();
    session->addAction(action(QStringLiteral("actionFireTimeout")));
    session->addAction(action(QStringLiteral("actionInject")));
    session->addSeparator();
    session->addAction(action(QStringLiteral("actionToggleBreakpoint")));
    session->addAction(action(QStringLiteral("actionBreakpoints")));
    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->setObjectName(QStringLiteral("menuView"));
    viewMenu_->addAction(action(QStringLiteral("actionFitAll")));
    viewMenu_->addAction(action(QStringLiteral("actionStepAxis")));
    viewMenu_->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        viewMenu_->addAction(dock->toggleViewAction());
    }
    viewMenu_->addSeparator();
    viewMenu_->addMenu(new LanguageMenu(*settings_, this));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));  // found by name, never by its (translated) text
    help->addAction(action(QStringLiteral("actionAbout")));

    createToolBar();
    updateRecentMenu();
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Session"));
    bar->setObjectName(QStringLiteral("sessionToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The buttons carry short labels so that all of them fit beside their icons at 1600 px in
    // every language (the menus keep the full texts; the tooltip gives the full text and key).
    const std::pair<const char*, QString> buttons[] = {
        {"actionSetup", tr("New", "toolbar")},
        {"actionOpen", tr("Open", "toolbar")},
        {"actionSave", tr("Save", "toolbar")},
        {nullptr, {}},
        {"actionStep", tr("Step", "toolbar")},
        {"actionContinue", tr("Continue", "toolbar")},
        {"actionStop", tr("Stop", "toolbar")},
        {"actionFinishServing", tr("Finish serving", "toolbar")},
        {"actionStepBack", tr("Step back", "toolbar")},
        {"actionRestart", tr("Restart", "toolbar")},
        {"actionFireTimeout", tr("Timeout", "toolbar")},
        {"actionInject", tr("Inject", "toolbar")},
        {"actionToggleBreakpoint", tr("Breakpoint", "toolbar")},
        {"actionStepAxis", tr("Step axis", "toolbar")},
    };
    for (const auto& [name, label] : buttons) {
        if (name == nullptr) {
            bar->addSeparator();
            continue;
        }
        QAction* a = action(QString::fromLatin1(name));
        QString full = a->text();
        full.remove(u'&');
        if (a->toolTip() != full) {  // an action that explains itself keeps its own tooltip
            full = a->toolTip();
        } else if (!a->shortcut().isEmpty()) {
            full = tr("%1 (%2)", "tooltip: action and its key")
                       .arg(full, a->shortcut().toString(QKeySequence::NativeText));
        }
        a->setIconText(label);
        a->setToolTip(full);
        bar->addAction(a);
    }
}

void MainWindow::connectViews()
{
    connect(selection_, &EventSelection::currentChanged, this, &MainWindow::onSelection);
    connect(inspector_, &PacketInspector::callActivated, selection_, &EventSelection::select);
    connect(timeline_, &TimelineView::eventSelected, selection_, &EventSelection::select);
    connect(conversations_, &ConversationsDock::conversationSelected, this, [this](ContextId context) {
        events_->setContextFilter(context);
        timeline_->setContextFilter(context);
    });
    connect(document_, &SessionDocument::eventsAppended, timeline_, [this](std::size_t, std::size_t end) {
        timeline_->traceGrew(end);
        refreshHeapBlocks();
    });
    connect(document_, &SessionDocument::truncated, timeline_, [this](std::size_t events) {
        timeline_->traceTruncated(events);
        refreshHeapBlocks();
    });
    connect(document_, &SessionDocument::resetDone, timeline_, [this] {
        // Indexed once, with the ledger's blocks (issue 13: opening a session).
        timeline_->setTrace(document_->tracePointer(), document_->announcedEvents(),
                            heapBlocksOf(document_->trace()));
        timeline_->traceReset();
    });
    connect(
        document_, &SessionDocument::currentStepChanged, timeline_,
        [this](std::size_t first, std::size_t end) {
            timeline_->setCurrentStep(end > first ? EventId(static_cast<std::uint32_t>(first)) : EventId());
        });
}

void MainWindow::refreshHeapBlocks()
{
    timeline_->setHeapBlocks(heapBlocksOf(document_->trace()));
}

void MainWindow::onSelection(EventId event)
{
    timeline_->selectEvent(event);
    showPacketOf(event);
}

void MainWindow::showPacketOf(EventId event)
{
    // A call shows its packet: the one it received, else the one it sent (its CallEnd's).
    const Trace& trace = document_->trace();
    if (!event.valid() || event.value() >= trace.size()) {
        return;
    }
    if (trace.packets()[event.value()].valid()) {
        inspector_->inspectEvent(event);
        return;
    }
    const EventId call =
        trace.kinds()[event.value()] == EventKind::CallStart ? event : trace.calls()[event.value()];
    if (!call.valid()) {
        return;
    }
    const auto calls = trace.calls();
    const auto kinds = trace.kinds();
    for (std::size_t i = call.value(); i < trace.size(); ++i) {
        if (kinds[i] == EventKind::CallEnd && calls[i] == call) {
            inspector_->inspectEvent(EventId(static_cast<std::uint32_t>(i)));
            return;
        }
        if (i == call.value() && trace.packets()[i].valid()) {
            inspector_->inspectEvent(call);
            return;
        }
    }
}

void MainWindow::connectController()
{
    connect(controller_, &SessionController::stateChanged, this, &MainWindow::updateActions);
    connect(controller_, &SessionController::idleChanged, this, &MainWindow::updateActions);
    connect(controller_, &SessionController::stepBackChanged, this, &MainWindow::updateActions);
    connect(controller_, &SessionController::servingChanged, this, &MainWindow::updateActions);
    connect(controller_, &SessionController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    connect(controller_, &SessionController::bannerRaised, this, &MainWindow::showBanner);
    connect(controller_, &SessionController::bannerCleared, this, &MainWindow::hideBanner);
    connect(controller_, &SessionController::methodDetails, contexts_, &ContextsDock::setMethodDetails);
    connect(controller_, &SessionController::methodsPreviewed, contexts_, &ContextsDock::setMethodPreview);
    connect(controller_, &SessionController::stoppedAt, this, [this](EventId event, const QString& reason) {
        selection_->select(event);
        statusBar()->showMessage(tr("Stopped: %1").arg(reason));
    });
    connect(document_, &SessionDocument::filePathChanged, this, &MainWindow::updateTitle);
}

void MainWindow::updateActions()
{
    using State = SessionController::State;
    const State state = controller_->state();
    const bool live = state != State::Viewing;
    const bool canRun = live && state != State::Finished && state != State::Failed;
    action(QStringLiteral("actionStep"))->setEnabled(canRun);
    action(QStringLiteral("actionContinue"))->setEnabled(canRun);
    action(QStringLiteral("actionStop"))->setEnabled(live && state == State::Busy);
    action(QStringLiteral("actionRestart"))->setEnabled(true);
    QAction* back = action(QStringLiteral("actionStepBack"));
    back->setEnabled(live && controller_->canStepBack());
    back->setToolTip(controller_->canStepBack()
                         ? tr("Step back (Shift+F10)")
                         : tr("Step back is unavailable: %1").arg(controller_->stepBackReason()));
    action(QStringLiteral("actionFireTimeout"))->setEnabled(canRun);
    action(QStringLiteral("actionInject"))
        ->setEnabled(canRun && controller_->setup().counterpart == SessionSetup::Counterpart::Manual);
    // Shown for a "Real supplicants" session only; enabled while its server is up.
    const bool serve = live && controller_->setup().counterpart == SessionSetup::Counterpart::Serve;
    QAction* finishServing = action(QStringLiteral("actionFinishServing"));
    finishServing->setVisible(serve);
    finishServing->setEnabled(serve && controller_->serving());
    QString text;
    switch (state) {
        case State::Ready:
            text = tr("Ready");
            break;
        case State::Busy:
            text = tr("Running…");
            break;
        case State::Waiting:
            text = tr("Waiting for a packet or a timeout");
            break;
        case State::Finished:
            text = tr("Finished");
            break;
        case State::Failed:
            text = tr("Failed");
            break;
        case State::Viewing:
            text = tr("Viewing a recorded session");
            break;
    }
    if (serve && controller_->serving()) {
        text = state == State::Busy
                   ? tr("Serving RADIUS on %1: answering supplicants").arg(controller_->servingAddress())
                   : tr("Serving RADIUS on %1: paused, requests wait until Continue (F5)")
                         .arg(controller_->servingAddress());
    } else if (serve && state == State::Finished && !controller_->servingAddress().isEmpty()) {
        text = tr("Finished serving on %1").arg(controller_->servingAddress());
    } else if (live && !controller_->canStepBack() && !controller_->stepBackReason().isEmpty()) {
        text += tr(" — step back unavailable: %1").arg(controller_->stepBackReason());
    }
    stateLabel_->setText(text);
}

void MainWindow::updateTitle()
{
    const QString path = document_->filePath();
    setWindowTitle(path.isEmpty() ? tr("EapScope") : tr("%1 — EapScope").arg(QFileInfo(path).fileName()));
}

void MainWindow::showBanner(const QString& text)
{
    banner_->setText(text);
    banner_->show();
}

void MainWindow::hideBanner()
{
    banner_->clear();
    banner_->hide();
}

QString MainWindow::bannerText() const
{
    return banner_->text();
}

bool MainWindow::bannerVisible() const
{
    return !banner_->isHidden();
}

void MainWindow::startSession(const SessionSetup& setup)
{
    hideBanner();
    savedEvents_ = -1;
    document_->setFilePath({});
    if (!setup.lesson) {  // a lesson's methods are the lesson's, not the person's choice
        settings_->setLastMethod(QStringLiteral("authenticator"), setup.authenticatorMethod);
        settings_->setLastMethod(QStringLiteral("peer"), setup.peerMethod);
    }
    timeline_->setDeclaredSides(setup.sides());  // an empty lane per side before the first step
    controller_->start(setup);
    updateActions();
}

void MainWindow::onRestart()
{
    if (mayDiscardRecording(SessionEnd::Restart, [this] { onRestart(); })) {
        controller_->restart();
    }
}

void MainWindow::onSetup()
{
    SessionSetupDialog dialog(controller_->setup(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const SessionSetup setup = dialog.setup();
    if (mayDiscardRecording(SessionEnd::NewSession, [this, setup] { startSession(setup); })) {
        startSession(setup);
    }
}

void MainWindow::onInject()
{
    InjectPacketDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        controller_->injectPacket(dialog.packet());
    }
}

void MainWindow::onToggleBreakpoint()
{
    // F9 on the selected event: a call → its entry point, a CallEnd → its action, a packet →
    // its type (or code), a finding → its rule. Toggling an existing one removes it.
    const Trace& trace = document_->trace();
    const EventId event = selection_->current();
    if (!event.valid() || event.value() >= trace.size()) {
        onAddBreakpoint();
        return;
    }
    const EventRow row = trace.row(event);
    Breakpoint b;
    if (row.kind == EventKind::CallStart) {
        b = {Breakpoint::Kind::EntryPoint, static_cast<std::uint32_t>(row.entry), {}, true};
    } else if (row.kind == EventKind::CallEnd && row.action != kNoAction) {
        b = {Breakpoint::Kind::Action, row.action, {}, true};
    } else if (row.kind == EventKind::Packet && row.packet.valid()) {
        const auto bytes = trace.packet(row.packet);
        b = bytes.size() >= 5 && (bytes[0] == 1 || bytes[0] == 2)
                ? Breakpoint{Breakpoint::Kind::PacketType, bytes[4], {}, true}
                : Breakpoint{Breakpoint::Kind::PacketCode, bytes.empty() ? 0u : bytes[0], {}, true};
    } else if (row.kind == EventKind::Finding) {
        b = {Breakpoint::Kind::FindingRule, 0, fromStd(trace.string(row.text)), true};
    } else {
        onAddBreakpoint();
        return;
    }
    QList<Breakpoint> list = controller_->breakpoints();
    if (list.removeAll(b) == 0) {
        list.append(b);
        statusBar()->showMessage(tr("Breakpoint set on %1").arg(b.describe()));
    } else {
        statusBar()->showMessage(tr("Breakpoint removed from %1").arg(b.describe()));
    }
    controller_->setBreakpoints(list);
}

void MainWindow::onAddBreakpoint()
{
    BreakpointDialog dialog(controller_->breakpoints(), this);
    if (dialog.exec() == QDialog::Accepted) {
        controller_->setBreakpoints(dialog.breakpoints());
    }
}

void MainWindow::onOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open session or capture"), QString(),
        tr("Sessions and captures (*.eapscope *.pcap *.pcapng *.cap *.gz);;EapScope sessions (*.eapscope);;"
           "Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

void MainWindow::openFile(const QString& path)
{
    if (!mayDiscardRecording(SessionEnd::Open, [this, path] { openFile(path); })) {
        return;
    }
    auto* loader = new SessionFileLoader(this);
    auto* progress =
        new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(loader, &SessionFileLoader::progress, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, loader, &SessionFileLoader::cancel);
    connect(loader, &SessionFileLoader::finished, this,
            [this, loader, progress](const QString& file, std::shared_ptr<Trace> trace,
                                     std::shared_ptr<const CaptureSession> capture, const QString& error) {
                // Gone before any message box: deleteLater() would wait for the box's nested
                // event loop to end, and the dialog's own show timer could raise it on top.
                delete progress;
                loader->deleteLater();
                if (!trace) {
                    settings_->removeRecentFile(file);
                    updateRecentMenu();
                    QMessageBox::warning(this, tr("Open"), error);
                    return;
                }
                controller_->enterViewing();
                timeline_->setDeclaredSides({});
                hideBanner();
                document_->setTrace(std::move(*trace), std::move(capture));
                document_->setFilePath(file);
                raiseConversations();
                settings_->addRecentFile(file);
                updateRecentMenu();
                updateActions();
                timeline_->fitAll();
            });
    loader->start(path);
}

QString MainWindow::openFileNow(const QString& path)
{
    QString error;
    std::shared_ptr<const CaptureSession> capture;
    std::shared_ptr<Trace> trace = SessionFileLoader::readNow(path, &error, &capture);
    if (!trace) {
        return error;
    }
    controller_->enterViewing();
    timeline_->setDeclaredSides({});
    document_->setTrace(std::move(*trace), std::move(capture));
    document_->setFilePath(path);
    raiseConversations();
    settings_->addRecentFile(path);
    updateRecentMenu();
    updateActions();
    return {};
}

void MainWindow::raiseConversations()
{
    if (document_->capture() != nullptr) {
        conversations_->parentWidget()->raise();
    }
}

void MainWindow::onSave()
{
    if (document_->filePath().isEmpty() || controller_->state() != SessionController::State::Viewing) {
        onSaveAs();
    }
}

void MainWindow::onSaveAs()
{
    saveAs([] {});
}

void MainWindow::saveAs(std::function<void()> saved)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save session"), QString(),
                                                tr("EapScope sessions (*.eapscope)"));
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QStringLiteral(".eapscope"))) {
        path += QStringLiteral(".eapscope");
    }
    const auto events = static_cast<qint64>(document_->trace().size());
    controller_->saveAs(path, [this, path, events, saved = std::move(saved)](const QString& error) {
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Save session"), error);
            return;
        }
        savedEvents_ = events;
        settings_->addRecentFile(path);
        updateRecentMenu();
        statusBar()->showMessage(tr("Saved %1").arg(path));
        saved();
    });
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = settings_->recentFiles();
    for (const QString& file : files) {
        recentMenu_->addAction(QFileInfo(file).fileName(), this, [this, file] { openFile(file); })
            ->setToolTip(file);
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

bool MainWindow::mayDiscardRecording(SessionEnd end, std::function<void()> again)
{
    // A finished run without findings is one Restart away; findings are what a person would
    // miss, so only then is the close worth a question.
    const Trace& trace = document_->trace();
    const auto findings = static_cast<int>(trace.findings().size());
    if (controller_->state() == SessionController::State::Viewing || controller_->recordingPath().isEmpty() ||
        findings == 0 || savedEvents_ == static_cast<qint64>(trace.size())) {
        return true;
    }
    const std::pair<QString, QString> texts[] = {
        {tr("Close EapScope"), tr("Its recording is deleted when the window closes.")},
        {tr("Restart session"), tr("Its recording is deleted when the session restarts.")},
        {tr("New session"), tr("Its recording is deleted when the new session starts.")},
        {tr("Open session or capture"), tr("Its recording is deleted when the file opens.")},
    };
    const auto& [title, consequence] = texts[static_cast<int>(end)];
    QMessageBox box(QMessageBox::Question, title,
                    tr("This session produced %n finding(s) and is not saved.", nullptr, findings),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedFindingsQuestion"));
    box.setInformativeText(consequence);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
        case QMessageBox::Discard:
            return true;
        case QMessageBox::Save:
            saveAs(std::move(again));
            return false;
        default:
            return false;
    }
}

void MainWindow::offerRecovery()
{
    for (const OrphanedRecording& orphan : RecordingStore::orphaned()) {
        offerRecovery(orphan);
    }
}

void MainWindow::offerRecovery(const OrphanedRecording& orphan)
{
    QMessageBox box(QMessageBox::Warning, tr("Recover session"),
                    tr("EapScope ended without closing a session last recorded on %1.")
                        .arg(QLocale().toString(orphan.lastWritten, QLocale::ShortFormat)),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("recoveryOffer"));
    const QString methods = orphan.methods.isEmpty() ? tr("no method loaded") : orphan.methods;
    const QString events = tr("%n event(s)", nullptr, static_cast<int>(orphan.events));
    const QString findings = tr("%n finding(s)", nullptr, static_cast<int>(orphan.findings));
    box.setInformativeText(
        tr("%1: %2, %3.\nSave the recording to open it again?").arg(methods, events, findings));
    box.setDetailedText(orphan.path);
    QPushButton* save = box.addButton(tr("Save and open…"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(tr("Ask again next time"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == discard) {
        RecordingStore::remove(orphan.path);
        return;
    }
    if (box.clickedButton() != save) {
        return;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save recovered session"), QString(),
                                                tr("EapScope sessions (*.eapscope)"));
    if (path.isEmpty()) {
        return;  // kept in the cache: offered again next time
    }
    if (!path.endsWith(QStringLiteral(".eapscope"))) {
        path += QStringLiteral(".eapscope");
    }
    const QString error = RecordingStore::recover(orphan.path, path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Recover session"), tr("%1 could not be saved: %2").arg(path, error));
        return;
    }
    openFile(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!mayDiscardRecording(SessionEnd::Close, [this] { close(); })) {
        event->ignore();
        return;
    }
    settings_->setWindowLayout(saveGeometry(), saveState());
    controller_->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

}  // namespace eapscope::ui
