// The GUI's live RADIUS counterparts (issue 11) against the real programs, started by the
// interop fixture on 127.0.0.1 at free ports and stopped by pid: "Counterpart: RADIUS server"
// (the bundled EAP-MD5 as peer against FreeRADIUS 3.2, EapScope the NAS), step back with that
// live server, and "Real supplicants" (EAP-MD5 as authenticator serving eapol_test). With
// EAPSCOPE_SCREENSHOT_DIR set (the gui_radius_screenshot test runs this under Xvfb) each test
// also saves the window as a PNG there.
#include "controller/session_controller.h"
#include "inspector/packet_inspector.h"
#include "models/event_table_model.h"
#include "models/packet_field_model.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"
#include "window/event_table_dock.h"
#include "window/main_window.h"
#include "window/session_setup_dialog.h"
#include "window_driver.h"

#include "eapol_test_runner.h"
#include "free_radius_server.h"
#include "radius/radius_authenticator.h"
#include "radius/udp_socket.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTreeView>

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope::ui {
namespace {

using test::press;

std::vector<EventId> radiusRows(const Trace& trace)
{
    std::vector<EventId> rows;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] == EventKind::Radius) {
            rows.emplace_back(static_cast<std::uint32_t>(i));
        }
    }
    return rows;
}

std::size_t callCount(const Trace& trace)
{
    return static_cast<std::size_t>(
        std::count(trace.kinds().begin(), trace.kinds().end(), EventKind::CallStart));
}

std::string peerOutcome(const Trace& trace)
{
    // The peer's Outcome state rows say how its conversation ended (engine_state.h).
    for (std::size_t i = trace.size(); i-- > 0;) {
        if (trace.kinds()[i] == EventKind::State && trace.sides()[i] == Side::Peer) {
            const std::string text(trace.string(trace.texts()[i]));
            if (text.find("success") != std::string::npos || text.find("failure") != std::string::npos) {
                return text;
            }
        }
    }
    return {};
}

bool hasFinding(const Trace& trace, std::string_view rule)
{
    return std::any_of(trace.findings().begin(), trace.findings().end(),
                       [&](const FindingRecord& f) { return f.rule == rule; });
}

void screenshot(MainWindow& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("EAPSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    window.timeline()->fitAll();
    QTest::qWait(200);
    const QString path = QDir(dir).filePath(name);
    ASSERT_TRUE(window.grab().save(path)) << path.toStdString();
}

QLineEdit* editShowing(QWidget& parent, const QString& text)
{
    for (QLineEdit* edit : parent.findChildren<QLineEdit*>()) {
        if (edit->text() == text) {
            return edit;
        }
    }
    return nullptr;
}

TEST(RadiusSetupDialog, OffersTheLiveCounterpartsAndTheirAddressesAndSecret)
{
    SessionSetup initial;
    initial.radiusServer = QStringLiteral("192.0.2.1:1812");
    initial.listen = QStringLiteral("127.0.0.1:18120");
    initial.secret = QStringLiteral("s3cret");
    SessionSetupDialog dialog(initial);
    dialog.resize(760, 640);
    dialog.show();
    auto* counterpart = dialog.findChildren<QComboBox*>().at(2);  // authenticator, peer, counterpart
    ASSERT_EQ(counterpart->count(), 4);
    QLineEdit* server = editShowing(dialog, initial.radiusServer);
    QLineEdit* listen = editShowing(dialog, initial.listen);
    ASSERT_NE(server, nullptr);
    ASSERT_NE(listen, nullptr);
    EXPECT_FALSE(server->isEnabled());  // loopback: no addresses
    EXPECT_FALSE(listen->isEnabled());

    counterpart->setCurrentIndex(
        counterpart->findData(static_cast<int>(SessionSetup::Counterpart::RadiusServer)));
    EXPECT_TRUE(server->isEnabled());
    EXPECT_FALSE(listen->isEnabled());
    QTest::keyClicks(server, QStringLiteral("0"));  // 192.0.2.1:18120
    SessionSetup chosen = dialog.setup();
    EXPECT_EQ(chosen.counterpart, SessionSetup::Counterpart::RadiusServer);
    EXPECT_EQ(chosen.radiusServer, QStringLiteral("192.0.2.1:18120"));
    EXPECT_EQ(chosen.secret, QStringLiteral("s3cret"));
    EXPECT_EQ(chosen.sides(), std::vector<Side>{Side::Peer});
    const QString dir = qEnvironmentVariable("EAPSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QTest::qWait(100);
        EXPECT_TRUE(dialog.grab().save(QDir(dir).filePath(QStringLiteral("radius-setup.png"))));
    }

    counterpart->setCurrentIndex(counterpart->findData(static_cast<int>(SessionSetup::Counterpart::Serve)));
    EXPECT_FALSE(server->isEnabled());
    EXPECT_TRUE(listen->isEnabled());
    chosen = dialog.setup();
    EXPECT_EQ(chosen.counterpart, SessionSetup::Counterpart::Serve);
    EXPECT_EQ(chosen.listen, QStringLiteral("127.0.0.1:18120"));
    EXPECT_EQ(chosen.sides(), std::vector<Side>{Side::Authenticator});
}

TEST(RadiusSetupDialog, ServeWithoutAnAuthenticatorMethodSaysWhatIsMissing)
{
    MainWindow window;
    SessionSetup setup;
    setup.counterpart = SessionSetup::Counterpart::Serve;
    setup.authenticatorMethod.clear();
    setup.secret = QStringLiteral("s3cret");
    QString banner;
    QObject::connect(window.controller(), &SessionController::bannerRaised,
                     [&](const QString& text) { banner = text; });
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    QTest::qWait(10);
    EXPECT_EQ(window.controller()->state(), SessionController::State::Failed);
    EXPECT_TRUE(banner.contains(QStringLiteral("choose the authenticator method"))) << banner.toStdString();
}

TEST(RadiusSetupDialog, RadiusServerWithoutASecretSaysSo)
{
    MainWindow window;
    SessionSetup setup;
    setup.counterpart = SessionSetup::Counterpart::RadiusServer;
    setup.radiusServer = QStringLiteral("127.0.0.1:1812");
    QString banner;
    QObject::connect(window.controller(), &SessionController::bannerRaised,
                     [&](const QString& text) { banner = text; });
    window.startSession(setup);
    ASSERT_TRUE(test::waitStarted(window));
    QTest::qWait(10);
    EXPECT_EQ(window.controller()->state(), SessionController::State::Failed);
    EXPECT_TRUE(banner.contains(QStringLiteral("shared secret"))) << banner.toStdString();
}

class RadiusWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1280, 800);
        window.show();
        // Under a real X server (the screenshot run) shortcuts reach only the active window.
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }
    void start(SessionSetup setup)
    {
        window.startSession(setup);
        ASSERT_TRUE(test::waitStarted(window));
    }
    static SessionSetup againstServer(const interop::FreeRadiusServer& server, const QString& password)
    {
        SessionSetup setup;
        setup.counterpart = SessionSetup::Counterpart::RadiusServer;
        setup.authenticatorMethod.clear();
        setup.peerMethod = QStringLiteral("md5");
        setup.radiusServer = QString::fromStdString(server.address());
        setup.secret = QString::fromStdString(server.secret());
        setup.identity = QStringLiteral("alice");
        setup.password = password;
        return setup;
    }
    /// "Real supplicants": the bundled EAP-MD5 as authenticator serving alice/secret (RADIUS
    /// secret testing123) on a free port of 127.0.0.1, loaded and initialized by one step, so the
    /// server is up at servedAddress.
    void startServing()
    {
        SessionSetup setup;
        setup.counterpart = SessionSetup::Counterpart::Serve;
        setup.authenticatorMethod = QStringLiteral("md5");
        setup.peerMethod.clear();
        setup.listen = QStringLiteral("127.0.0.1:0");
        setup.secret = QStringLiteral("testing123");
        setup.users = {{QStringLiteral("alice"), QStringLiteral("secret")}};
        ASSERT_NO_FATAL_FAILURE(start(setup));
        ASSERT_TRUE(press(window, Qt::Key_F10));  // loads and initializes the method
        servedAddress = window.controller()->servingAddress();
        ASSERT_TRUE(servedAddress.startsWith(QStringLiteral("127.0.0.1:"))) << servedAddress.toStdString();
    }
    /// eapol_test as a supplicant of the served address (EAP-MD5, alice/secret unless `config`
    /// says otherwise), calling from `station`, its files in `dir`; returns once it started.
    Result<interop::ChildProcess> startSupplicant(const std::filesystem::path& dir, const std::string& name,
                                                  const std::string& station,
                                                  const interop::EapolTestConfig& config = {}) const
    {
        interop::EapolTestRun run;
        run.port = static_cast<std::uint16_t>(servedAddress.section(QLatin1Char(':'), 1).toUInt());
        run.expectKeys = false;  // MD5 derives no keys
        run.callingStationId = station;
        return interop::EapolTestRunner::start(config, run, dir, name);
    }
    MainWindow window;
    QString servedAddress;
};

TEST_F(RadiusWindowTest, RadiusServerCounterpart_Md5PeerAuthenticatesAgainstFreeRadius)
{
    auto server = interop::FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    start(againstServer(*server, QStringLiteral("secret")));
    ASSERT_EQ(window.controller()->setup().sides(), std::vector<Side>{Side::Peer});
    ASSERT_TRUE(test::runToEnd(window)) << window.controller()->lastStatus().toStdString() << server->log();
    const Trace& trace = window.document()->trace();
    EXPECT_EQ(window.controller()->state(), SessionController::State::Finished);
    EXPECT_FALSE(hasFinding(trace, "RADIUS_NO_RESPONSE"));
    EXPECT_NE(peerOutcome(trace).find("success"), std::string::npos) << peerOutcome(trace);
    EXPECT_EQ(trace.option("secret"), std::optional<std::string>(server->secret()));
    EXPECT_EQ(trace.option("radius"), std::optional<std::string>(server->address()));

    // RADIUS packets: rows of the event table, on the server's own lane of the timeline.
    const auto rows = radiusRows(trace);
    ASSERT_GE(rows.size(), 4u);  // Identity, MD5 response: each Access-Request and its answer
    EventTableModel* model = window.eventTable()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model->rowCount(), static_cast<int>(trace.size()));
    const QModelIndex kind =
        model->index(static_cast<int>(rows.front().value()), EventTableModel::KindColumn);
    EXPECT_EQ(model->data(kind).toString(), QStringLiteral("radius"));
    const QString server0 = QStringLiteral("RADIUS server %1").arg(QString::fromStdString(server->address()));
    const QModelIndex context =
        model->index(static_cast<int>(rows.front().value()), EventTableModel::ContextColumn);
    EXPECT_EQ(model->data(context).toString(), server0);
    const TimelineIndex& index = window.timeline()->index();
    const int lane = index.laneOfEvent(trace, rows.front());
    ASSERT_GE(lane, 0);
    const TimelineLane& serverLane = index.lanes()[static_cast<std::size_t>(lane)];
    EXPECT_EQ(serverLane.label, server0.toStdString());
    // Its marks: every RADIUS packet (no arrow: it goes to the NAS, outside the session) and the
    // EAP packets the server sent the peer through the NAS (arrows to the peer's lane).
    std::size_t radiusMarks = 0;
    for (std::size_t slot = 0; slot < serverLane.packets.size(); ++slot) {
        const EventId event = serverLane.packets.events[slot];
        if (trace.kinds()[event.value()] == EventKind::Radius) {
            ++radiusMarks;
            EXPECT_EQ(index.packetTarget(serverLane, slot), -1)
                << "a RADIUS packet has no arrow to a method's lane";
        } else {
            EXPECT_EQ(trace.kinds()[event.value()], EventKind::Packet);
            EXPECT_GE(index.packetTarget(serverLane, slot), 0) << "an EAP packet to the peer has its arrow";
        }
    }
    EXPECT_EQ(radiusMarks, rows.size());

    // The inspector decodes the attributes with the RADIUS codec, the EAP packet inside below.
    EventId challenge;
    for (EventId row : rows) {
        if (trace.string(trace.texts()[row.value()]).find("Access-Challenge") != std::string_view::npos) {
            challenge = row;
            break;
        }
    }
    ASSERT_TRUE(challenge.valid());
    window.selection()->select(challenge);
    PacketFieldModel* fields = window.inspector()->fieldModel();
    QAbstractItemModelTester fieldTester(fields, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_TRUE(window.inspector()->headline().contains(QStringLiteral("Access-Challenge")))
        << window.inspector()->headline().toStdString();
    EXPECT_TRUE(window.inspector()->headline().contains(server0))
        << window.inspector()->headline().toStdString();
    EXPECT_EQ(fields->data(fields->indexOfKey(QStringLiteral("radius.code")).siblingAtColumn(1)).toString(),
              QStringLiteral("Access-Challenge (11)"));
    EXPECT_TRUE(fields->indexOfKey(QStringLiteral("radius.attr.State")).isValid());
    EXPECT_TRUE(fields->indexOfKey(QStringLiteral("radius.attr.Message-Authenticator")).isValid());
    const QModelIndex eapMessage = fields->indexOfKey(QStringLiteral("radius.attr.EAP-Message"));
    ASSERT_TRUE(eapMessage.isValid());
    const QModelIndex eapCode = fields->indexOfKey(QStringLiteral("eap.code"));
    ASSERT_TRUE(eapCode.isValid());
    QModelIndex ancestor = eapCode.parent();
    while (ancestor.isValid() &&
           fields->data(ancestor, PacketFieldModel::KeyRole).toString().startsWith(QStringLiteral("eap"))) {
        ancestor = ancestor.parent();
    }
    EXPECT_EQ(fields->data(ancestor, PacketFieldModel::KeyRole).toString(),
              QStringLiteral("radius.attr.EAP-Message"))
        << "the EAP packet is decoded under its attribute";
    // Its byte range is the EAP packet's first byte inside the RADIUS packet (after the
    // attribute's type and length).
    EXPECT_EQ(fields->data(eapCode, PacketFieldModel::OffsetRole).toUInt(),
              fields->data(eapMessage, PacketFieldModel::OffsetRole).toUInt() + 2);
    screenshot(window, QStringLiteral("radius-server-counterpart.png"));
    EXPECT_TRUE(server->stop());
}

TEST_F(RadiusWindowTest, RadiusServerCounterpart_WrongPasswordIsRejectedByTheServer)
{
    auto server = interop::FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    start(againstServer(*server, QStringLiteral("wrong")));
    ASSERT_TRUE(test::runToEnd(window)) << window.controller()->lastStatus().toStdString();
    const Trace& trace = window.document()->trace();
    EXPECT_NE(peerOutcome(trace).find("failure"), std::string::npos) << peerOutcome(trace);
    bool reject = false;
    for (EventId row : radiusRows(trace)) {
        reject = reject ||
                 trace.string(trace.texts()[row.value()]).find("Access-Reject") != std::string_view::npos;
    }
    EXPECT_TRUE(reject);
    EXPECT_TRUE(server->stop());
}

TEST_F(RadiusWindowTest, StepBackWithALiveServer_RestartsTheConversationAndReRunsToTheCall)
{
    auto server = interop::FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    start(againstServer(*server, QStringLiteral("secret")));
    const Trace& trace = window.document()->trace();
    // Step until the peer has answered the server's MD5 challenge (the server's Access-Challenge
    // went to the method), then one more call.
    for (int i = 0; i < 40 && radiusRows(trace).size() < 4; ++i) {
        ASSERT_TRUE(press(window, Qt::Key_F10));
    }
    ASSERT_GE(radiusRows(trace).size(), 4u);
    ASSERT_TRUE(press(window, Qt::Key_F10));
    const std::size_t callsBefore = callCount(trace);
    ASSERT_TRUE(window.controller()->canStepBack()) << window.controller()->stepBackReason().toStdString();
    ASSERT_TRUE(press(window, Qt::Key_F10));
    ASSERT_GT(callCount(trace), callsBefore);

    ASSERT_TRUE(press(window, Qt::Key_F10, Qt::ShiftModifier));
    QTest::qWait(50);
    window.document()->flush();
    EXPECT_TRUE(window.controller()->lastStatus().contains(QStringLiteral("restarted")))
        << window.controller()->lastStatus().toStdString();
    EXPECT_EQ(callCount(trace), callsBefore) << "re-run to the call before the last step";
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(trace.size()));
    EXPECT_GE(radiusRows(trace).size(), 2u) << "a fresh conversation with the server";
    // The server's log shows two conversations: the abandoned one and the re-run.
    EXPECT_TRUE(window.controller()->canStepBack());
    ASSERT_TRUE(test::runToEnd(window)) << window.controller()->lastStatus().toStdString();
    EXPECT_NE(peerOutcome(trace).find("success"), std::string::npos) << peerOutcome(trace);
    EXPECT_TRUE(server->stop());
}

TEST_F(RadiusWindowTest, Serve_EapolTestConversationsArriveAsLanes)
{
    ASSERT_NO_FATAL_FAILURE(startServing());
    ASSERT_EQ(window.controller()->setup().sides(), std::vector<Side>{Side::Authenticator});
    EXPECT_FALSE(window.controller()->canStepBack());
    EXPECT_TRUE(window.controller()->stepBackReason().contains(QStringLiteral("real programs")))
        << window.controller()->stepBackReason().toStdString();

    const interop::ScopedTempDir scratch("gui-serve");  // removed even when an assertion returns early
    auto good = startSupplicant(scratch.path(), "good", "02:00:00:00:00:07");
    ASSERT_TRUE(good) << good.error();
    interop::EapolTestConfig wrong;
    wrong.password = "wrong";
    auto bad = startSupplicant(scratch.path(), "bad", "02:00:00:00:00:08", wrong);
    ASSERT_TRUE(bad) << bad.error();

    QTest::keyClick(&window, Qt::Key_F5);  // serve until Stop
    ASSERT_TRUE(QTest::qWaitFor([&] { return !good->running() && !bad->running(); }, 30000));
    QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);  // Stop
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.controller()->idle(); }, 30000));
    window.document()->flush();
    const auto goodResult = interop::EapolTestRunner::result(good->stop(SIGTERM), good->output());
    const auto badResult = interop::EapolTestRunner::result(bad->stop(SIGTERM), bad->output());
    EXPECT_EQ(goodResult.exitCode, 0) << goodResult.output;
    EXPECT_TRUE(goodResult.success);
    EXPECT_TRUE(badResult.accessReject) << badResult.output;

    // Each conversation arrived as a lane of its own (the supplicant's NAS), beside the method's.
    const Trace& trace = window.document()->trace();
    const TimelineIndex& index = window.timeline()->index();
    int conversations = 0;
    for (const TimelineLane& lane : index.lanes()) {
        if (lane.label.find("02-00-00-00-00-07") != std::string::npos ||
            lane.label.find("02-00-00-00-00-08") != std::string::npos) {
            ++conversations;
            EXPECT_GT(lane.packets.size() + lane.calls.size(), 0u) << lane.label;
        }
    }
    EXPECT_GE(conversations, 2);
    EXPECT_FALSE(radiusRows(trace).empty());
    EXPECT_EQ(window.eventTable()->model()->rowCount(), static_cast<int>(trace.size()));
    screenshot(window, QStringLiteral("radius-serve.png"));
}

std::size_t authenticatorCalls(const Trace& trace, EntryPoint entry)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        n += trace.kinds()[i] == EventKind::CallStart && trace.sides()[i] == Side::Authenticator &&
             trace.entries()[i] == entry;
    }
    return n;
}

QString stateText(MainWindow& window)
{
    QStringList texts;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>()) {
        texts << label->text();
    }
    return texts.join(QLatin1Char('|'));
}

TEST_F(RadiusWindowTest, Serve_FinishServingEndsConversationsInProgressAndKeepsTheSessionToSave)
{
    ASSERT_NO_FATAL_FAILURE(startServing());
    const QString& address = servedAddress;
    QAction* finish = window.action(QStringLiteral("actionFinishServing"));
    ASSERT_NE(finish, nullptr);
    EXPECT_TRUE(finish->isVisible());
    EXPECT_TRUE(window.controller()->serving());
    EXPECT_TRUE(finish->isEnabled());
    EXPECT_TRUE(stateText(window).contains(QStringLiteral("Serving RADIUS on ") + address))
        << stateText(window).toStdString();

    // One supplicant authenticates to the end (eapol_test)...
    const interop::ScopedTempDir scratch("gui-serve-finish");  // removed even when an assertion returns early
    const std::filesystem::path& dir = scratch.path();
    auto good = startSupplicant(dir, "good", "02:00:00:00:00:07");
    ASSERT_TRUE(good) << good.error();
    QTest::keyClick(&window, Qt::Key_F5);  // serve until Stop or Finish
    ASSERT_TRUE(QTest::qWaitFor([&] { return !good->running(); }, 30000));
    EXPECT_TRUE(stateText(window).contains(QStringLiteral("answering supplicants")))
        << stateText(window).toStdString();

    // ...and another gave its identity and went silent: its conversation is in progress, the
    // method's context begun and waiting for the MD5 response, when serving is finished.
    auto nas = radius::UdpSocket::bind(*radius::parseEndpoint("127.0.0.1:0"));
    ASSERT_TRUE(nas) << nas.error();
    radius::RadiusPacket request;
    request.code = radius::AccessRequest;
    request.identifier = 9;
    request.authenticator = radius::randomAuthenticator();
    request.addText(radius::UserName, "alice");
    request.addText(radius::CallingStationId, "02-00-00-00-00-09");
    const std::array<std::uint8_t, 10> identity{2,   0,   0,   10,  1,
                                                'a', 'l', 'i', 'c', 'e'};  // Response/Identity
    request.setEapMessage(identity);
    auto bytes = radius::signRequest(request, "testing123");
    ASSERT_TRUE(bytes) << bytes.error();
    ASSERT_TRUE(nas->sendTo(*bytes, *radius::parseEndpoint(address.toStdString())));
    std::optional<radius::Datagram> challenge;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (challenge = nas->receiveFrom(std::chrono::milliseconds(0))).has_value(); }, 10000));
    auto answer = radius::decodePacket(challenge->bytes);
    ASSERT_TRUE(answer) << answer.error();
    EXPECT_EQ(answer->code, radius::AccessChallenge);
    // Both conversations' RasEapBegin are in the window (rows are published as they are made).
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            window.document()->flush();
            return authenticatorCalls(window.document()->trace(), EntryPoint::Begin) == 2;
        },
        10000));
    const std::size_t begunBefore = authenticatorCalls(window.document()->trace(), EntryPoint::Begin);
    const std::size_t endedBefore = authenticatorCalls(window.document()->trace(), EntryPoint::End);
    EXPECT_EQ(endedBefore + 1, begunBefore);  // the silent one is still open
    screenshot(window, QStringLiteral("radius-serving.png"));

    finish->trigger();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return window.controller()->idle() &&
                   window.controller()->state() == SessionController::State::Finished;
        },
        30000));
    window.document()->flush();
    const Trace& trace = window.document()->trace();
    // As SIGTERM for `eapscope-cli serve`: the open context got its RasEapEnd, the method was
    // uninitialized; nothing serves any more and the window says so.
    EXPECT_EQ(authenticatorCalls(trace, EntryPoint::End), begunBefore);
    EXPECT_EQ(authenticatorCalls(trace, EntryPoint::Uninitialize), 1u);
    EXPECT_FALSE(window.controller()->serving());
    EXPECT_FALSE(finish->isEnabled());
    EXPECT_TRUE(stateText(window).contains(QStringLiteral("Finished serving on ") + address))
        << stateText(window).toStdString();
    EXPECT_TRUE(window.controller()->lastStatus().contains(QStringLiteral("1 of them ended in progress")))
        << window.controller()->lastStatus().toStdString();
    EXPECT_FALSE(window.action(QStringLiteral("actionStep"))->isEnabled());
    const auto goodResult = interop::EapolTestRunner::result(good->stop(SIGTERM), good->output());
    EXPECT_TRUE(goodResult.success) << goodResult.output;
    // The server's socket is closed to new conversations: a request now gets no answer.
    ASSERT_TRUE(nas->sendTo(*bytes, *radius::parseEndpoint(address.toStdString())));
    QTest::qWait(300);
    EXPECT_FALSE(nas->receiveFrom(std::chrono::milliseconds(0)).has_value());
    screenshot(window, QStringLiteral("radius-serve-finished.png"));

    // The session stays: it is saved, and the file opens with every row.
    const QString saved = QString::fromStdString((dir / "served.eapscope").string());
    QString error = QStringLiteral("not saved");
    bool done = false;
    window.controller()->saveAs(saved, [&](const QString& e) {
        error = e;
        done = true;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 30000));
    EXPECT_EQ(error, QString()) << error.toStdString();
    const std::size_t rows = trace.size();
    MainWindow reopened;
    ASSERT_EQ(reopened.openFileNow(saved), QString());
    EXPECT_EQ(reopened.document()->trace().size(), rows);
    EXPECT_EQ(authenticatorCalls(reopened.document()->trace(), EntryPoint::End), begunBefore);
}

}  // namespace
}  // namespace eapscope::ui
