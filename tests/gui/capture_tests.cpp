// Support staff open a customer's capture (issue 10): the Conversations dock lists each
// conversation with its verdict and main reason, a reason leads to the frame proving it (table,
// timeline and inspector follow), certificates open in the viewer and save as PEM, the report
// exports. Real failure captures made with FreeRADIUS and eapol_test (tests/data/captures/
// diagnosis/truth.tsv gives their expected verdicts and reasons).
#include "inspector/packet_inspector.h"
#include "models/conversations_model.h"
#include "models/event_filter_proxy.h"
#include "models/event_table_model.h"
#include "session/capture_session.h"
#include "session/event_selection.h"
#include "session/session_document.h"
#include "session/session_file_loader.h"
#include "window/certificate_dialog.h"
#include "window/conversations_dock.h"
#include "window/event_table_dock.h"
#include "window/main_window.h"

#include "synthetic_trace.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

const QString kData = QStringLiteral(EAPSCOPE_SOURCE_DIR "/tests/data/captures/diagnosis/");
const QString kMd5BadPassword =
    QStringLiteral(EAPSCOPE_SHARED_DIR "/captures/loopback/radius-md5-badpw.pcapng");

/// Loads `path` as File → Open does, into `document`.
void load(SessionDocument& document, const QString& path)
{
    QString error;
    std::shared_ptr<const CaptureSession> capture;
    std::shared_ptr<Trace> trace = SessionFileLoader::readNow(path, &error, &capture);
    ASSERT_TRUE(trace) << error.toStdString();
    ASSERT_TRUE(capture);
    document.setTrace(std::move(*trace), std::move(capture));
}

QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

TEST(ConversationsModel, Md5WrongPassword_OneFailedConversationWithItsReasonInWords)
{
    SessionDocument document;
    ConversationsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    load(document, kMd5BadPassword);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), ConversationsModel::ColumnCount);
    EXPECT_EQ(cell(model, 0, ConversationsModel::CarrierColumn), QStringLiteral("RADIUS"));
    EXPECT_EQ(cell(model, 0, ConversationsModel::MethodColumn), QStringLiteral("MD5-Challenge"));
    EXPECT_EQ(cell(model, 0, ConversationsModel::VerdictColumn), QStringLiteral("failure"));
    EXPECT_EQ(model.data(model.index(0, 0), ConversationsModel::VerdictRole).toString(),
              QStringLiteral("failure"));
    EXPECT_EQ(model.data(model.index(0, 0), ConversationsModel::ReasonIdRole).toString(),
              QStringLiteral("CREDENTIALS_REJECTED"));
    EXPECT_FALSE(cell(model, 0, ConversationsModel::ReasonColumn).isEmpty());
    EXPECT_FALSE(cell(model, 0, ConversationsModel::IdentityColumn).isEmpty());
    EXPECT_GE(model.data(model.index(0, 0), ConversationsModel::ReasonEventRole).toInt(), 0);
    EXPECT_EQ(model.data(model.index(0, ConversationsModel::VerdictColumn), Qt::BackgroundRole)
                  .value<QBrush>()
                  .color(),
              ConversationsModel::verdictColor(Verdict::Failure));
    document.setTrace(test::md5Session());  // a live session has no conversations
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ConversationsModel, Reauthentication_TwoConversationsBothSucceedAfterANak)
{
    SessionDocument document;
    ConversationsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(document, kData + QStringLiteral("tls-reauthentication.pcapng"));
    ASSERT_EQ(model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        EXPECT_EQ(cell(model, row, ConversationsModel::NumberColumn), QString::number(row + 1));
        EXPECT_EQ(model.data(model.index(row, 0), ConversationsModel::VerdictRole).toString(),
                  QStringLiteral("success"));
        EXPECT_TRUE(cell(model, row, ConversationsModel::MethodColumn).contains(QStringLiteral("→ TLS")))
            << cell(model, row, ConversationsModel::MethodColumn).toStdString();
        EXPECT_NE(model.rowOfContext(ContextId(static_cast<std::uint32_t>(
                      model.data(model.index(row, 0), ConversationsModel::ContextRole).toInt()))),
                  -1);
    }
}

TEST(EventTableModel, Capture_ShowsFrameDirectionHeaderFieldsAndTheListingsInfo)
{
    SessionDocument document;
    EventTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(document, kMd5BadPassword);
    ASSERT_TRUE(model.captureMode());
    EXPECT_FALSE(EventTableModel::columnShown(EventTableModel::EntryColumn, true));
    EXPECT_FALSE(EventTableModel::columnShown(EventTableModel::ActionColumn, true));
    EXPECT_FALSE(EventTableModel::columnShown(EventTableModel::ResultColumn, true));
    EXPECT_TRUE(EventTableModel::columnShown(EventTableModel::InfoColumn, true));
    EXPECT_FALSE(EventTableModel::columnShown(EventTableModel::FrameColumn, false));
    int challenge = -1;
    for (int row = 0; row < model.rowCount() && challenge < 0; ++row) {
        if (cell(model, row, EventTableModel::TypeColumn) == QStringLiteral("MD5-Challenge") &&
            cell(model, row, EventTableModel::CodeColumn) == QStringLiteral("Request")) {
            challenge = row;
        }
    }
    ASSERT_GE(challenge, 0);
    EXPECT_EQ(cell(model, challenge, EventTableModel::DirectionColumn), QStringLiteral("→P"));
    EXPECT_GT(cell(model, challenge, EventTableModel::FrameColumn).toUInt(), 0u);
    EXPECT_TRUE(cell(model, challenge, EventTableModel::InfoColumn)
                    .startsWith(QStringLiteral("Request/MD5-Challenge id=")))
        << cell(model, challenge, EventTableModel::InfoColumn).toStdString();
    EXPECT_EQ(cell(model, challenge, EventTableModel::LengthColumn).toUInt(),
              document.trace().packet(document.trace().packets()[challenge]).size());
}

class CaptureWindowTest : public ::testing::Test {
protected:
    void SetUp() override { window.show(); }

    /// Opens `path` and shows conversation `row`'s diagnosis.
    ConversationsDock& open(const QString& path, int row = 0)
    {
        EXPECT_EQ(window.openFileNow(path), QString());
        window.conversations()->selectConversation(row);
        return *window.conversations();
    }

    MainWindow window;
};

TEST_F(CaptureWindowTest, Md5WrongPassword_ClickingTheReasonLandsOnTheProvingFrame)
{
    ConversationsDock& dock = open(kData + QStringLiteral("md5-wrong-password.pcapng"));
    EXPECT_TRUE(dock.verdictText().contains(QStringLiteral("failure"))) << dock.verdictText().toStdString();
    ASSERT_GE(dock.reasons()->topLevelItemCount(), 1);
    QTreeWidgetItem* reason = dock.reasons()->topLevelItem(0);
    EXPECT_EQ(reason->toolTip(0), QStringLiteral("CREDENTIALS_REJECTED"));
    EXPECT_EQ(reason->text(1), QStringLiteral("4"));  // truth.tsv: CREDENTIALS_REJECTED@4
    EXPECT_FALSE(dock.adviceText().isEmpty());

    // A person clicks the reason: one selection, followed by the table, timeline and inspector.
    const QRect rect = dock.reasons()->visualItemRect(reason);
    QTest::mouseClick(dock.reasons()->viewport(), Qt::LeftButton, {}, rect.center());
    const EventId event = window.selection()->current();
    ASSERT_TRUE(event.valid());
    EXPECT_EQ(window.document()->trace().auxes()[event.value()], 4u) << "the event is frame 4";
    EXPECT_EQ(window.eventTable()->currentEvent(), event);
    const QModelIndex row = window.eventTable()->view()->currentIndex();
    EXPECT_EQ(row.siblingAtColumn(EventTableModel::FrameColumn).data().toUInt(), 4u);
    EXPECT_EQ(window.timeline()->selectedEvent(), event);
    const QString headline = window.inspector()->headline();
    EXPECT_TRUE(headline.contains(QStringLiteral("frame 4"))) << headline.toStdString();
    EXPECT_TRUE(headline.contains(QStringLiteral("Failure"))) << headline.toStdString();
    EXPECT_TRUE(headline.contains(QStringLiteral("sent by the authenticator"))) << headline.toStdString();
    EXPECT_FALSE(headline.contains(QStringLiteral("—,"))) << "no more 'sent by —'";
}

TEST_F(CaptureWindowTest, ClickingAConversation_FiltersTheTableAndTheTimelineToItsLadder)
{
    ASSERT_EQ(window.openFileNow(kData + QStringLiteral("tls-reauthentication.pcapng")), QString());
    const Trace& trace = window.document()->trace();
    TimelineView& timeline = *window.timeline();
    const TimelineIndex& index = timeline.index();
    EXPECT_EQ(timeline.laneCount(), 4u) << "two conversations, each a ladder of two lanes";

    // A person clicks the second conversation's row.
    QTableView* list = window.conversations()->view();
    const QRect rect = list->visualRect(list->model()->index(1, ConversationsModel::VerdictColumn));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    const auto context = ContextId(
        static_cast<std::uint32_t>(list->currentIndex().data(ConversationsModel::ContextRole).toInt()));
    ASSERT_TRUE(context.valid());
    EXPECT_EQ(window.conversations()->currentConversation(), 1);

    // The table shows its rows only, the timeline its two lanes, fitted to its time span.
    QAbstractItemModel* rows = window.eventTable()->view()->model();
    ASSERT_GT(rows->rowCount(), 0);
    for (int row = 0; row < rows->rowCount(); ++row) {
        const auto event = rows->index(row, 0).data(EventTableModel::EventIdRole).toUInt();
        EXPECT_EQ(trace.contextsColumn()[event], context);
    }
    ASSERT_EQ(timeline.laneCount(), 2u);
    EXPECT_EQ(timeline.contextFilter(), context);
    for (const int lane : index.displayOrder()) {
        EXPECT_EQ(index.lanes()[static_cast<std::size_t>(lane)].context, context);
    }
    const auto range = index.contextRange(context);
    ASSERT_TRUE(range);
    const AxisMapping mapping = timeline.mapping();
    EXPECT_GE(mapping.toPixel(range->startNs), -1.0);
    EXPECT_LE(mapping.toPixel(range->endNs), mapping.width() + 1.0);
    EXPECT_LT(mapping.toPixel(range->startNs) + 0.5 * mapping.width(), mapping.toPixel(range->endNs))
        << "its span fills the view, not a sliver of the whole capture";

    // Show all: every lane again.
    window.conversations()->showAll();
    EXPECT_EQ(timeline.laneCount(), 4u);
    EXPECT_FALSE(timeline.contextFilter().valid());
    EXPECT_EQ(rows->rowCount(), static_cast<int>(trace.size()));
}

TEST_F(CaptureWindowTest, Timeline_DrawsEachConversationAsALadderBetweenAuthenticatorAndPeer)
{
    open(kData + QStringLiteral("md5-wrong-password.pcapng"));
    const Trace& trace = window.document()->trace();
    TimelineView& timeline = *window.timeline();
    const TimelineIndex& index = timeline.index();
    ASSERT_EQ(timeline.laneCount(), 2u);
    const TimelineLane& authenticator = index.lanes()[static_cast<std::size_t>(index.displayOrder()[0])];
    const TimelineLane& peer = index.lanes()[static_cast<std::size_t>(index.displayOrder()[1])];
    EXPECT_EQ(authenticator.side, Side::Authenticator);
    EXPECT_FALSE(authenticator.ladderPeer);
    EXPECT_EQ(peer.side, Side::Peer);
    EXPECT_TRUE(peer.ladderPeer);
    EXPECT_EQ(authenticator.context, peer.context);
    EXPECT_EQ(authenticator.partner, index.displayOrder()[1]);
    EXPECT_EQ(peer.partner, index.displayOrder()[0]);

    // Every packet sits in its sender's lane and is an arrow to the other lane; in trace order,
    // each rung below the one before it.
    std::size_t packets = 0;
    double lastX = -1e9;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet)
            continue;
        ++packets;
        const EventId event(static_cast<std::uint32_t>(i));
        const int lane = index.laneOfEvent(trace, event);
        const TimelineLane& sender = index.lanes()[static_cast<std::size_t>(lane)];
        EXPECT_EQ(sender.side, trace.sides()[i]) << "frame " << trace.auxes()[i];
        const auto slot = static_cast<std::size_t>(
            std::find(sender.packets.events.begin(), sender.packets.events.end(), event) -
            sender.packets.events.begin());
        ASSERT_LT(slot, sender.packets.size());
        EXPECT_EQ(index.packetTarget(sender, slot), sender.partner);
        const auto at = timeline.eventPosition(event);
        ASSERT_TRUE(at) << "frame " << trace.auxes()[i] << " is drawn";
        EXPECT_GE(at->x(), lastX);
        lastX = at->x();
    }
    EXPECT_EQ(authenticator.packets.size() + peer.packets.size(), packets);
    EXPECT_GT(authenticator.packets.size(), 0u);
    EXPECT_GT(peer.packets.size(), 0u);

    // The lane of a packet is what a click there selects.
    const EventId first = authenticator.packets.events.front();
    const auto at = timeline.eventPosition(first);
    ASSERT_TRUE(at);
    QTest::mouseClick(&timeline, Qt::LeftButton, {}, at->toPoint());
    EXPECT_EQ(window.selection()->current(), first);
}

TEST_F(CaptureWindowTest, ExpiredServerCertificate_ViewerFlagsItAndSavesPem)
{
    ConversationsDock& dock = open(kData + QStringLiteral("tls-server-cert-expired.pcapng"));
    ASSERT_GE(dock.reasons()->topLevelItemCount(), 1);
    EXPECT_EQ(dock.reasons()->topLevelItem(0)->toolTip(0), QStringLiteral("CERTIFICATE_EXPIRED"));
    ASSERT_GE(dock.certificates()->count(), 1);
    EXPECT_TRUE(dock.certificates()->item(0)->text().contains(QStringLiteral("expired")));
    dock.openCertificate(0);
    auto* dialog = dock.findChild<CertificateDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->field(QStringLiteral("validity")).contains(QStringLiteral("EXPIRED")));
    EXPECT_TRUE(dialog->field(QStringLiteral("sender")).contains(QStringLiteral("server")));
    EXPECT_FALSE(dialog->field(QStringLiteral("subject")).isEmpty());
    EXPECT_EQ(dialog->field(QStringLiteral("sha256")).count(QLatin1Char(':')), 31);
    QTemporaryDir dir;
    const QString pem = dir.filePath(QStringLiteral("server.pem"));
    EXPECT_EQ(dialog->savePem(pem), QString());
    QFile file(pem);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().startsWith("-----BEGIN CERTIFICATE-----\n"));
    dialog->close();
}

TEST_F(CaptureWindowTest, ExportReport_WritesTheSelfContainedPageOfTheDiagnosis)
{
    ConversationsDock& dock = open(kData + QStringLiteral("peap-wrong-password.pcapng"));
    EXPECT_TRUE(window.action(QStringLiteral("actionExportReport"))->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    EXPECT_EQ(dock.exportReport(path), QString());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    EXPECT_TRUE(html.contains("INNER_AUTH_FAILED"));
    EXPECT_FALSE(html.contains("src=\"http")) << "no external resource";
    window.document()->setTrace(test::md5Session());  // no capture: nothing to report
    EXPECT_FALSE(window.action(QStringLiteral("actionExportReport"))->isEnabled());
}

}  // namespace
}  // namespace eapscope::ui
