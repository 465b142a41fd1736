// Models, the packet inspector and breakpoints over synthetic traces; every model under
// QAbstractItemModelTester (CONVENTIONS.md "Qt").
#include "controller/breakpoint.h"
#include "eap/eap_decoder.h"
#include "inspector/hex_view.h"
#include "inspector/packet_inspector.h"
#include "models/contexts_model.h"
#include "models/event_filter_proxy.h"
#include "models/event_table_model.h"
#include "models/findings_model.h"
#include "models/packet_field_model.h"
#include "session/session_document.h"
#include "store/trace_batch.h"
#include "synthetic_trace.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTreeView>

#include <gtest/gtest.h>

namespace eapscope::ui {
namespace {

using Tester = QAbstractItemModelTester;
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

EventId firstOf(const Trace& trace, EventKind kind, EntryPoint entry, Side side, std::size_t nth = 0)
{
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] == kind && trace.entries()[i] == entry && trace.sides()[i] == side &&
            nth-- == 0) {
            return EventId(static_cast<std::uint32_t>(i));
        }
    }
    return {};
}

// Feeds `source` to a document in batches cut at `cuts`, one event-loop turn each.
void feed(SessionDocument& document, const Trace& source, std::initializer_list<std::size_t> cuts)
{
    TraceBatch::Marks marks = TraceBatch::initialMarks();
    for (std::size_t cut : cuts) {
        Trace prefix = source;
        prefix.truncate(cut);
        ASSERT_TRUE(document.appendBatch(TraceBatch::take(prefix, marks)));
        QCoreApplication::processEvents();
    }
    ASSERT_TRUE(document.appendBatch(TraceBatch::take(source, marks)));
    QCoreApplication::processEvents();
}

/// The marks of a receiver that holds all of `trace` (what the worker's marks are after a batch).
TraceBatch::Marks marksOf(const Trace& trace)
{
    TraceBatch::Marks marks = TraceBatch::initialMarks();
    (void)TraceBatch::take(trace, marks);
    return marks;
}

TEST(TraceBatch, BatchesRebuildTheEngineTraceExactly)
{
    const Trace source = test::md5Session();
    Trace target;
    TraceBatch::Marks marks = TraceBatch::initialMarks();
    for (std::size_t cut : {3u, 9u, 17u, 30u}) {
        Trace prefix = source;
        prefix.truncate(cut);
        ASSERT_TRUE(TraceBatch::take(prefix, marks).applyTo(target));
    }
    ASSERT_TRUE(TraceBatch::take(source, marks).applyTo(target));
    EXPECT_TRUE(target == source);
}

TEST(TraceBatch, BatchThatDoesNotContinueTheTargetIsRefused)
{
    const Trace source = test::md5Session();
    Trace target;
    TraceBatch::Marks wrong = TraceBatch::initialMarks();
    wrong.events = 5;
    const Status applied = TraceBatch::take(source, wrong).applyTo(target);
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().find("events"), std::string::npos) << applied.error();
    EXPECT_EQ(target.size(), 0u);
}

TEST(TraceBatch, StepBackThenRegrowKeepsIdsEqual)
{
    const Trace source = test::md5Session();
    Trace engine = source;
    Trace view = source;
    TraceBatch::Marks marks = marksOf(engine);
    engine.truncate(12);
    TraceBatch::rewound(marks, engine);
    engine = source;  // the engine grows again along the same path
    const TraceBatch batch = TraceBatch::take(engine, marks);
    EXPECT_EQ(batch.rewind(), TraceBatch::Rewind::Truncate);
    EXPECT_EQ(batch.firstEvent(), 12u);
    ASSERT_TRUE(batch.applyTo(view));
    EXPECT_TRUE(view == engine);
}

TEST(EventTableModel, ShowsEveryRowWithPacketSummaries)
{
    SessionDocument document;
    EventTableModel model(&document);
    Tester tester(&model, kFatal);
    document.setTrace(test::md5Session());
    const Trace& trace = document.trace();
    ASSERT_EQ(model.rowCount(), static_cast<int>(trace.size()));
    const EventId request = firstOf(trace, EventKind::CallEnd, EntryPoint::MakeMessage, Side::Authenticator);
    const int row = static_cast<int>(request.value());
    // Short in its narrow column, whole in the tooltip.
    EXPECT_EQ(cell(model, row, EventTableModel::SideColumn), QStringLiteral("Auth."));
    EXPECT_EQ(model.data(model.index(row, EventTableModel::SideColumn), Qt::ToolTipRole).toString(),
              QStringLiteral("Authenticator"));
    EXPECT_EQ(cell(model, row, EventTableModel::ContextColumn), QStringLiteral("A1"));
    EXPECT_EQ(cell(model, row, EventTableModel::EntryColumn), QStringLiteral("RasEapMakeMessage"));
    EXPECT_EQ(cell(model, row, EventTableModel::ActionColumn), QStringLiteral("SendWithTimeout"));
    EXPECT_EQ(cell(model, row, EventTableModel::DetailColumn),
              QStringLiteral("Request/MD5-Challenge id=2 len=25"));
    EXPECT_EQ(cell(model, row, EventTableModel::BytesColumn), QStringLiteral("25"));
    EXPECT_EQ(model.data(model.index(row, 0), EventTableModel::PacketRole).toInt(), 0);
}

// The Detail column decodes packets for the rows shown (issue 13: no summary kept per packet):
// after a step back past a packet and the regrowth, the row shows the packet now at that id.
TEST(EventTableModel, PacketSummariesFollowStepBackAndRegrowth)
{
    SessionDocument document;
    EventTableModel model(&document);
    Tester tester(&model, kFatal);
    const Trace source = test::md5Session();
    document.setTrace(Trace(source));
    const EventId request = firstOf(source, EventKind::CallEnd, EntryPoint::MakeMessage, Side::Authenticator);
    const int row = static_cast<int>(request.value());
    // What the worker posts: a batch that truncates to the step back point, then the regrowth.
    TraceBatch::Marks marks = marksOf(source);
    Trace engine = source;
    engine.truncate(request.value());
    TraceBatch::rewound(marks, engine);
    ASSERT_TRUE(document.appendBatch(TraceBatch::take(engine, marks)));
    ASSERT_EQ(model.rowCount(), row);
    ASSERT_TRUE(document.appendBatch(TraceBatch::take(source, marks)));
    document.flush();
    ASSERT_EQ(model.rowCount(), static_cast<int>(source.size()));
    EXPECT_EQ(cell(model, row, EventTableModel::DetailColumn),
              QStringLiteral("Request/MD5-Challenge id=2 len=25"));
    EXPECT_EQ(model.packetSummary(source.packets()[request.value()]),
              QStringLiteral("Request/MD5-Challenge id=2 len=25"));
    EXPECT_EQ(model.packetSummary(PacketId()), QString());
}

TEST(EventTableModel, LiveAppendsArriveAsOneInsertPerEventLoopTurn)
{
    SessionDocument document;
    EventTableModel model(&document);
    Tester tester(&model, kFatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const Trace source = test::md5Session();
    Trace a = source;
    a.truncate(10);
    Trace b = source;
    b.truncate(20);
    TraceBatch::Marks marks = TraceBatch::initialMarks();
    ASSERT_TRUE(document.appendBatch(TraceBatch::take(a, marks)));
    ASSERT_TRUE(document.appendBatch(TraceBatch::take(b, marks)));
    EXPECT_EQ(model.rowCount(), 0);  // not announced before the event loop turns
    QCoreApplication::processEvents();
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 0);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 19);
    EXPECT_EQ(model.rowCount(), 20);
}

TEST(EventTableModel, StepBackRemovesTheRowsOfLaterSteps)
{
    SessionDocument document;
    EventTableModel model(&document);
    Tester tester(&model, kFatal);
    feed(document, test::md5Session(), {8, 16});
    document.truncate(11);
    EXPECT_EQ(model.rowCount(), 11);
    EXPECT_EQ(document.trace().size(), 11u);
}

TEST(EventTableModel, CurrentStepRowsAreMarked)
{
    SessionDocument document;
    EventTableModel model(&document);
    document.setTrace(test::md5Session());
    document.setCurrentStep(4, 7);
    EXPECT_TRUE(model.data(model.index(5, 0), EventTableModel::CurrentStepRole).toBool());
    EXPECT_FALSE(model.data(model.index(7, 0), EventTableModel::CurrentStepRole).toBool());
}

TEST(EventFilterProxy, FiltersBySideKindContextAndText)
{
    SessionDocument document;
    EventTableModel model(&document);
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, kFatal);
    document.setTrace(test::md5Session());
    const Trace& trace = document.trace();

    proxy.setSide(static_cast<int>(Side::Peer));
    const auto peerRows = std::count(trace.sides().begin(), trace.sides().end(), Side::Peer);
    EXPECT_EQ(proxy.rowCount(), static_cast<int>(peerRows));
    proxy.setSide(-1);

    proxy.setKindMask(1u << static_cast<int>(EventKind::Finding));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(cell(proxy, 0, EventTableModel::DetailColumn).left(9), QStringLiteral("HEAP_LEAK"));
    proxy.setKindMask(EventFilterProxy::kAllKinds);

    proxy.setContext(1);  // P1
    EXPECT_EQ(proxy.rowCount(), static_cast<int>(std::count(trace.contextsColumn().begin(),
                                                            trace.contextsColumn().end(), ContextId(1))));
    proxy.setContext(-1);

    proxy.setKindMask(1u << static_cast<int>(EventKind::Packet));
    proxy.setText(QStringLiteral("md5-challenge"));
    EXPECT_EQ(proxy.rowCount(), 2);  // the request and the response, case-insensitive
}

TEST(EventFilterProxy, AppendedRowsAreFilteredAsTheyArrive)
{
    SessionDocument document;
    EventTableModel model(&document);
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, kFatal);
    proxy.setKindMask(1u << static_cast<int>(EventKind::HeapAlloc));
    feed(document, test::md5Session(), {10});
    EXPECT_EQ(proxy.rowCount(), 3);
}

TEST(FindingsModel, ListsFindingsWithTheirCallAndFollowsStepBack)
{
    SessionDocument document;
    FindingsModel model(&document);
    Tester tester(&model, kFatal);
    feed(document, test::md5Session(), {12});
    const Trace& trace = document.trace();
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(cell(model, 0, FindingsModel::RuleColumn), QStringLiteral("HEAP_LEAK"));
    EXPECT_EQ(cell(model, 0, FindingsModel::SeverityColumn), QStringLiteral("error"));
    EXPECT_EQ(cell(model, 0, FindingsModel::ContextColumn), QStringLiteral("A1"));
    const EventId endCall = firstOf(trace, EventKind::CallStart, EntryPoint::End, Side::Authenticator);
    EXPECT_EQ(model.data(model.index(0, 0), FindingsModel::CallRole).toUInt(), endCall.value());
    EXPECT_EQ(model.indexOfEvent(trace.findings()[0].event).row(), 0);
    document.truncate(endCall.value());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ContextsModel, FoldsStateWorkBufferAndLiveHeapPerContext)
{
    SessionDocument document;
    ContextsModel model(&document);
    Tester tester(&model, kFatal);
    feed(document, test::md5Session(), {5, 14});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 0, ContextsModel::ContextColumn), QStringLiteral("A1"));
    EXPECT_EQ(cell(model, 0, ContextsModel::StateColumn), QStringLiteral("ended"));
    EXPECT_EQ(cell(model, 0, ContextsModel::WorkBufferColumn), QStringLiteral("0x1000"));
    EXPECT_EQ(cell(model, 0, ContextsModel::WorkBufferSizeColumn), QStringLiteral("64 bytes"));
    EXPECT_EQ(model.data(model.index(0, 0), ContextsModel::LiveBytesRole).toULongLong(), 24u);
    EXPECT_EQ(cell(model, 0, ContextsModel::LeakedColumn), QStringLiteral("24 bytes"));
    EXPECT_EQ(model.data(model.index(1, 0), ContextsModel::LiveBytesRole).toULongLong(), 0u);
    EXPECT_EQ(cell(model, 1, ContextsModel::CallsColumn), QStringLiteral("3"));
}

TEST(ContextsModel, StepBackRefoldsFromTheStart)
{
    SessionDocument document;
    ContextsModel model(&document);
    Tester tester(&model, kFatal);
    document.setTrace(test::md5Session());
    const EventId secondBegin =
        firstOf(document.trace(), EventKind::CallStart, EntryPoint::Begin, Side::Peer);
    document.truncate(secondBegin.value());
    EXPECT_EQ(model.data(model.index(0, 0), ContextsModel::LiveBytesRole).toULongLong(), 64u);
    EXPECT_EQ(cell(model, 0, ContextsModel::StateColumn), QStringLiteral("begun"));
    EXPECT_EQ(model.data(model.index(1, 0), ContextsModel::WorkBufferRole).toULongLong(), 0u);
}

TEST(PacketFieldModel, TreeFollowsParentsAndFindsTheFieldUnderAByte)
{
    PacketFieldModel model;
    Tester tester(&model, kFatal);
    model.setDecode(decodeEap(test::md5Request()));
    ASSERT_EQ(model.rowCount(), 1);  // the EAP root
    const QModelIndex root = model.index(0, 0);
    EXPECT_GE(model.rowCount(root), 6);
    const QModelIndex value = model.indexAtOffset(10);
    EXPECT_EQ(value.data(PacketFieldModel::KeyRole).toString(), QStringLiteral("eap.md5.value"));
    EXPECT_EQ(value.parent(), root);
    EXPECT_EQ(model.indexAtOffset(0).data(PacketFieldModel::KeyRole).toString(), QStringLiteral("eap.code"));
    model.setDecode({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(HexView, EveryByteMapsToItsTextPositionAndBack)
{
    HexView view;
    std::vector<std::uint8_t> bytes(40);
    view.setBytes(bytes);
    for (std::uint32_t i = 0; i < bytes.size(); ++i) {
        EXPECT_EQ(view.byteAtPosition(HexView::hexPosition(i)), static_cast<int>(i));
        EXPECT_EQ(view.byteAtPosition(HexView::hexPosition(i) + 1), static_cast<int>(i));
        EXPECT_EQ(view.byteAtPosition(HexView::asciiPosition(i)), static_cast<int>(i));
    }
    EXPECT_EQ(view.byteAtPosition(0), -1);  // the offset column
    EXPECT_EQ(view.toPlainText().section(QLatin1Char('\n'), 1, 1).left(4), QStringLiteral("0010"));
}

TEST(PacketInspector, TreeAndHexStayLinkedThroughByteRanges)
{
    SessionDocument document;
    document.setTrace(test::md5Session());
    PacketInspector inspector(&document);
    const Trace& trace = document.trace();
    const EventId peerCall = firstOf(trace, EventKind::CallStart, EntryPoint::MakeMessage, Side::Peer);
    inspector.inspectEvent(peerCall);
    EXPECT_EQ(inspector.currentPacket(), PacketId(0));
    EXPECT_EQ(inspector.receivedBy(), peerCall);
    EXPECT_EQ(inspector.sentBy(),
              firstOf(trace, EventKind::CallStart, EntryPoint::MakeMessage, Side::Authenticator));
    EXPECT_TRUE(inspector.headline().contains(QStringLiteral("Request/MD5-Challenge")));

    // tree → hex
    inspector.tree()->setCurrentIndex(inspector.fieldModel()->indexOfKey(QStringLiteral("eap.md5.value")));
    EXPECT_EQ(inspector.hexView()->highlightOffset(), 6u);
    EXPECT_EQ(inspector.hexView()->highlightLength(), 16u);
    // hex → tree
    emit inspector.hexView()->byteClicked(3);
    EXPECT_EQ(inspector.tree()->currentIndex().data(PacketFieldModel::KeyRole).toString(),
              QStringLiteral("eap.len"));
    EXPECT_EQ(inspector.hexView()->highlightOffset(), 2u);
    EXPECT_EQ(inspector.hexView()->highlightLength(), 2u);
}

TEST(Breakpoints, EachKindStopsAtTheFirstMatchingRow)
{
    const Trace trace = test::md5Session();
    auto hit = [&](Breakpoint b) {
        const auto h = findBreakpointHit(trace, 0, trace.size(), {b},
                                         [](ContextId c) { return c == ContextId(0) ? 88u : 0u; });
        return h ? h->event : EventId();
    };
    const EventId endA = firstOf(trace, EventKind::CallStart, EntryPoint::End, Side::Authenticator);
    EXPECT_EQ(hit({Breakpoint::Kind::EntryPoint, static_cast<std::uint32_t>(EntryPoint::End), {}, true}),
              endA);
    EXPECT_FALSE(
        hit({Breakpoint::Kind::EntryPoint, static_cast<std::uint32_t>(EntryPoint::End), {}, false}).valid());
    EXPECT_EQ(hit({Breakpoint::Kind::Action, 3, {}, true}),
              firstOf(trace, EventKind::CallEnd, EntryPoint::MakeMessage, Side::Authenticator, 1));
    const EventId packetRow = hit({Breakpoint::Kind::PacketCode, 3, {}, true});
    ASSERT_TRUE(packetRow.valid());
    EXPECT_EQ(trace.packet(trace.row(packetRow).packet)[0], 3);
    EXPECT_EQ(trace.row(hit({Breakpoint::Kind::PacketType, 4, {}, true})).side, Side::Authenticator);
    EXPECT_EQ(hit({Breakpoint::Kind::FindingRule, 0, QStringLiteral("HEAP_LEAK"), true}),
              trace.findings()[0].event);
    EXPECT_FALSE(hit({Breakpoint::Kind::FindingRule, 0, QStringLiteral("CRASH"), true}).valid());
    // live heap: A1 reports 88 bytes live; the first allocation in A1 is where it stops
    EXPECT_EQ(trace.row(hit({Breakpoint::Kind::LiveHeapAbove, 80, {}, true})).kind, EventKind::HeapAlloc);
    EXPECT_FALSE(hit({Breakpoint::Kind::LiveHeapAbove, 100, {}, true}).valid());
}

}  // namespace
}  // namespace eapscope::ui
