#include "engine/session_engine.h"

#include "eapscope/raseap.h"
#include "fake_executor.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

using test::FakeExecutor;

struct Loopback {
    FakeExecutor auth{4};
    FakeExecutor peer{4};
    Trace trace;
    EngineConfig config;

    Loopback()
    {
        config.authenticator = {&auth, LoadRequest{"/fake/auth.so", "auth", std::nullopt}};
        config.peer = {&peer, LoadRequest{"/fake/peer.so", "peer", std::nullopt}};
        config.identity = "alice";
        config.peerPassword = "secret";
        config.users = {{"alice", "secret"}};
    }

    std::vector<SideOutcome> run()
    {
        SessionEngine engine(config, trace);
        const StepResult last = engine.run();
        EXPECT_EQ(last.kind, StepKind::Finished);
        return engine.outcomes();
    }

    std::size_t count(EventKind kind, EntryPoint entry = EntryPoint::None, Side side = Side::None) const
    {
        std::size_t n = 0;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const EventRow r = trace.row(EventId(static_cast<std::uint32_t>(i)));
            if (r.kind == kind && (entry == EntryPoint::None || r.entry == entry) &&
                (side == Side::None || r.side == side)) {
                ++n;
            }
        }
        return n;
    }

    std::vector<std::string> rules() const
    {
        std::vector<std::string> out;
        for (const auto& f : trace.findings()) {
            out.push_back(f.rule);
        }
        return out;
    }
};

TEST(SessionEngine, LoopbackSucceedsOnBothSidesWithoutFindings)
{
    Loopback lb;
    const auto outcomes = lb.run();
    ASSERT_EQ(outcomes.size(), 2u);
    for (const auto& o : outcomes) {
        EXPECT_EQ(o.outcome, Outcome::Success) << toString(o.side) << ": " << o.message;
        EXPECT_EQ(o.number, 1u);
    }
    EXPECT_TRUE(lb.trace.findings().empty());
    EXPECT_EQ(lb.auth.initCalls, 1);
    EXPECT_EQ(lb.auth.uninitCalls, 1);
    EXPECT_EQ(lb.peer.beginCalls, 1);
    EXPECT_EQ(lb.peer.endCalls, 1);
    EXPECT_EQ(lb.auth.endCalls, 1);
    EXPECT_EQ(lb.auth.unloads, 1);
}

TEST(SessionEngine, IdentityExchangeIsDoneByTheEngineAndIdsContinueFromIt)
{
    Loopback lb;
    lb.config.identityRequestId = 7;
    lb.run();
    // Packet rows: Request/Identity (engine), Response/Identity (engine), Request (method) ...
    std::vector<Bytes> packets;
    for (std::size_t i = 0; i < lb.trace.size(); ++i) {
        const EventRow r = lb.trace.row(EventId(static_cast<std::uint32_t>(i)));
        if (r.kind == EventKind::Packet) {
            const auto p = lb.trace.packet(r.packet);
            packets.emplace_back(p.begin(), p.end());
        }
    }
    ASSERT_GE(packets.size(), 5u);
    EXPECT_EQ(packets[0], (Bytes{1, 7, 0, 5, 1}));
    EXPECT_EQ(packets[1], (Bytes{2, 7, 0, 10, 1, 'a', 'l', 'i', 'c', 'e'}));
    EXPECT_EQ(packets[2][0], 1);
    EXPECT_EQ(packets[2][1], 8);  // the method's first Request uses bInitialId = 7 + 1
    EXPECT_EQ(packets.back(), (Bytes{3, 8, 0, 4}));
}

TEST(SessionEngine, WrongBackEndPasswordFailsBothSidesWithoutFindings)
{
    Loopback lb;
    lb.config.users = {{"alice", "not-the-password"}};
    for (const auto& o : lb.run()) {
        EXPECT_EQ(o.outcome, Outcome::Failure) << toString(o.side);
        EXPECT_NE(o.resultCode, 0u);
    }
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, SeveralContextsRunOneAfterAnotherOnTheSameInstances)
{
    Loopback lb;
    lb.config.contexts = 3;
    const auto outcomes = lb.run();
    ASSERT_EQ(outcomes.size(), 6u);
    for (const auto& o : outcomes) {
        EXPECT_EQ(o.outcome, Outcome::Success);
    }
    EXPECT_EQ(lb.auth.initCalls, 1);
    EXPECT_EQ(lb.auth.beginCalls, 3);
    EXPECT_EQ(lb.auth.endCalls, 3);
    EXPECT_EQ(lb.trace.findContext(Side::Peer, 3).valid(), true);
    EXPECT_EQ(lb.auth.endTags,
              (std::vector<std::uint32_t>{1, 3, 5}));  // End of each context before the next Begin
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, InterleavedContextsAreLiveAtTheSameTime)
{
    Loopback lb;
    lb.config.contexts = 3;
    lb.config.interleave = true;
    const auto outcomes = lb.run();
    for (const auto& o : outcomes) {
        EXPECT_EQ(o.outcome, Outcome::Success);
    }
    // Every authenticator Begin happens before the first authenticator End.
    std::vector<EntryPoint> authCalls;
    for (std::size_t i = 0; i < lb.trace.size(); ++i) {
        const EventRow r = lb.trace.row(EventId(static_cast<std::uint32_t>(i)));
        if (r.kind == EventKind::CallStart && r.side == Side::Authenticator &&
            (r.entry == EntryPoint::Begin || r.entry == EntryPoint::End)) {
            authCalls.push_back(r.entry);
        }
    }
    ASSERT_EQ(authCalls.size(), 6u);
    EXPECT_EQ(std::count(authCalls.begin(), authCalls.begin() + 3, EntryPoint::Begin), 3);
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, DroppedRequestIsRecoveredByRetransmission)
{
    Loopback lb;
    lb.config.dropPacket = 3;  // 1 Request/Identity, 2 Response/Identity, 3 the method's Request
    for (const auto& o : lb.run()) {
        EXPECT_EQ(o.outcome, Outcome::Success) << o.message;
    }
    EXPECT_EQ(lb.count(EventKind::TimerFired), 1u);
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, DroppedResponseIsRecoveredByRetransmission)
{
    Loopback lb;
    lb.config.dropPacket = 4;
    for (const auto& o : lb.run()) {
        EXPECT_EQ(o.outcome, Outcome::Success) << o.message;
    }
    EXPECT_EQ(lb.count(EventKind::TimerFired), 1u);
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, DroppedIdentityRequestIsResentByTheEngine)
{
    Loopback lb;
    lb.config.dropPacket = 1;
    for (const auto& o : lb.run()) {
        EXPECT_EQ(o.outcome, Outcome::Success) << o.message;
    }
    EXPECT_EQ(lb.count(EventKind::TimerFired), 1u);
}

TEST(SessionEngine, SilentPeerExhaustsTheRetryLimitAndBothSidesStillEnd)
{
    Loopback lb;
    lb.peer.onMakeMessage = [](const MakeMessageRequest&, CallOutcome& o, bool) {
        o.action = EAPACTION_NoAction;
        o.sendPacket.clear();
    };
    const auto outcomes = lb.run();
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomes[0].outcome, Outcome::Error);
    EXPECT_EQ(outcomes[0].resultCode, static_cast<std::uint32_t>(ERROR_PPP_TIMEOUT));
    EXPECT_EQ(lb.count(EventKind::TimerFired, EntryPoint::None, Side::Authenticator),
              lb.config.retryLimit + 1);
    EXPECT_EQ(lb.auth.endCalls, 1);
    EXPECT_EQ(lb.peer.endCalls, 1);
}

TEST(SessionEngine, InvalidPacketIsDroppedAndTheSessionGoesOn)
{
    Loopback lb;
    int first = 1;
    lb.peer.onMakeMessage = [&first](const MakeMessageRequest&, CallOutcome& o, bool) {
        if (first-- > 0) {
            o = CallOutcome{};
            o.entry = EntryPoint::MakeMessage;
            o.result = ERROR_PPP_INVALID_PACKET;
        }
    };
    for (const auto& o : lb.run()) {
        EXPECT_EQ(o.outcome, Outcome::Success) << o.message;
    }
    EXPECT_EQ(lb.count(EventKind::TimerFired), 1u);
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, OtherErrorEndsTheSessionWithCallFailedAndEndIsStillCalled)
{
    Loopback lb;
    lb.peer.onMakeMessage = [](const MakeMessageRequest&, CallOutcome& o, bool) {
        o.result = ERROR_ACCESS_DENIED;
    };
    const auto outcomes = lb.run();
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomes[1].outcome, Outcome::Error);
    ASSERT_EQ(lb.trace.findings().size(), 1u);
    EXPECT_EQ(lb.trace.findings()[0].rule, "CALL_FAILED");
    EXPECT_EQ(lb.trace.findings()[0].severity, Severity::Info);
    EXPECT_EQ(lb.trace.findings()[0].side, Side::Peer);
    EXPECT_EQ(lb.peer.endCalls, 1);
    EXPECT_EQ(lb.auth.endCalls, 1);
}

TEST(SessionEngine, NakFromAPeerOfAnotherTypeEndsTheContextWithAClearMessage)
{
    Loopback lb;
    FakeExecutor gtc(6);
    lb.config.peer.executor = &gtc;
    const auto outcomes = lb.run();
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomes[0].outcome, Outcome::Failure);
    EXPECT_NE(outcomes[0].message.find("Nak proposes type 6"), std::string::npos) << outcomes[0].message;
    EXPECT_EQ(outcomes[1].outcome, Outcome::Failure);
    EXPECT_EQ(gtc.beginCalls, 0);
    EXPECT_EQ(gtc.endCalls, 0);
    EXPECT_EQ(lb.auth.endCalls, 1);
    EXPECT_TRUE(lb.trace.findings().empty());
}

TEST(SessionEngine, CrashedPeerIsNotCalledAgainAndTheAuthenticatorStillEnds)
{
    Loopback lb;
    lb.config.contexts = 2;
    lb.peer.onMakeMessage = [](const MakeMessageRequest&, CallOutcome& o, bool) {
        o.failure = HostFailure{HostFailure::Kind::Crash, 11, std::nullopt, "SIGSEGV"};
    };
    const auto outcomes = lb.run();
    const int peerCallsAtCrash = lb.peer.calls;
    ASSERT_EQ(lb.trace.findings().size(), 1u);
    const auto& crash = lb.trace.findings()[0];
    EXPECT_EQ(crash.rule, "CRASH");
    EXPECT_EQ(crash.side, Side::Peer);
    EXPECT_EQ(crash.entry, EntryPoint::MakeMessage);
    EXPECT_EQ(crash.signal, 11);
    EXPECT_EQ(lb.trace.context(crash.context).number, 1u);
    EXPECT_EQ(lb.peer.endCalls, 0);
    EXPECT_EQ(lb.peer.uninitCalls, 0);
    EXPECT_EQ(lb.peer.calls, peerCallsAtCrash);
    EXPECT_EQ(lb.auth.endCalls, 1);    // the open authenticator context still gets its End
    EXPECT_EQ(lb.auth.beginCalls, 1);  // the second conversation never starts
    EXPECT_EQ(lb.auth.uninitCalls, 1);
}

TEST(SessionEngine, HangBecomesAHangFinding)
{
    Loopback lb;
    lb.auth.onEnd = [](std::uint32_t, CallOutcome& o) {
        o.failure = HostFailure{HostFailure::Kind::Hang, std::nullopt, std::nullopt, "watchdog 5000 ms"};
    };
    lb.run();
    ASSERT_EQ(lb.trace.findings().size(), 1u);
    EXPECT_EQ(lb.trace.findings()[0].rule, "HANG");
    EXPECT_EQ(lb.trace.findings()[0].entry, EntryPoint::End);
    EXPECT_EQ(lb.auth.uninitCalls, 0);
    EXPECT_EQ(lb.peer.endCalls, 1);
}

TEST(SessionEngine, SlowCallIsAWarning)
{
    Loopback lb;
    lb.config.slowCallMs = 100;
    lb.peer.onBegin = [](const BeginRequest&, CallOutcome& o) { o.durationNs = 250'000'000; };
    lb.run();
    ASSERT_EQ(lb.trace.findings().size(), 1u);
    EXPECT_EQ(lb.trace.findings()[0].rule, "SLOW_CALL");
    EXPECT_EQ(lb.trace.findings()[0].severity, Severity::Warning);
    EXPECT_EQ(lb.trace.findings()[0].entry, EntryPoint::Begin);
}

TEST(SessionEngine, LoadFailureRecordsTheLoadFindingAndCallsNothing)
{
    Loopback lb;
    lb.peer.loadOk = false;
    SessionEngine engine(lb.config, lb.trace);
    engine.run();
    EXPECT_TRUE(engine.loadFailed());
    ASSERT_EQ(lb.trace.findings().size(), 1u);
    EXPECT_EQ(lb.trace.findings()[0].rule, "LOAD_NO_GETINFO");
    EXPECT_EQ(lb.trace.findings()[0].side, Side::Peer);
    EXPECT_EQ(lb.auth.initCalls, 0);
    EXPECT_EQ(lb.peer.beginCalls, 0);
}

TEST(SessionEngine, StepDoesOneUnitOfWorkAtATime)
{
    Loopback lb;
    SessionEngine engine(lb.config, lb.trace);
    int steps = 0;
    for (StepResult r = engine.step(); r.kind != StepKind::Finished; r = engine.step()) {
        ++steps;
        EXPECT_LE(lb.auth.calls + lb.peer.calls, steps);
    }
    EXPECT_EQ(lb.auth.calls + lb.peer.calls,
              lb.count(EventKind::CallStart) - 2);    // GetInfo rows are not calls
    EXPECT_GT(steps, lb.auth.calls + lb.peer.calls);  // engine actions are steps too
}

TEST(SessionEngine, StepDescriptionsAreSentencesBuiltWhenRead)
{
    Loopback lb;
    SessionEngine engine(lb.config, lb.trace);
    std::vector<MessageText> texts;
    for (StepResult r = engine.step(); r.kind != StepKind::Finished; r = engine.step()) {
        texts.push_back(r.description.text());
        EXPECT_FALSE(texts.back().empty()) << "step " << texts.size() << " has no description";
    }
    const auto find = [&](std::string_view english) {
        return std::find_if(texts.begin(), texts.end(),
                            [&](const MessageText& t) { return t.english() == english; });
    };
    // A template with its arguments as separate verbatim texts, as an eager phrase() made them.
    const auto identity = find("received identity 'alice'");
    ASSERT_NE(identity, texts.end());
    EXPECT_EQ(*identity, phrase("received identity '%1'", {verbatim("alice")}));
    const auto begin = find("RasEapBegin returned 0");
    ASSERT_NE(begin, texts.end());
    EXPECT_EQ(*begin, phrase("RasEapBegin returned %1", {verbatim(std::uint64_t{0})}));
    const auto made = std::find_if(texts.begin(), texts.end(), [](const MessageText& t) {
        return t.source == "RasEapMakeMessage returned %1, %2";
    });
    ASSERT_NE(made, texts.end());
    ASSERT_EQ(made->args.size(), 2u);
    EXPECT_TRUE(made->args[0].verbatim && made->args[1].verbatim);
    EXPECT_NE(find("RasEapEnd returned 0"), texts.end());
    EXPECT_NE(find("sent Request/Identity"), texts.end());
    EXPECT_EQ(engine.step().description.text(), phrase("session finished"));
}

TEST(SessionEngine, RestoringAStateReplaysTheSameEvents)
{
    Loopback lb;
    SessionEngine engine(lb.config, lb.trace);
    for (int i = 0; i < 8; ++i) {
        engine.step();
    }
    const EngineState snapshot = engine.state();
    const std::uint32_t authCheckpoint = lb.auth.checkpoint().value();
    const std::uint32_t peerCheckpoint = lb.peer.checkpoint().value();
    const std::size_t events = lb.trace.size();
    engine.run();
    std::vector<EventKind> first(lb.trace.kinds().begin() + static_cast<long>(events),
                                 lb.trace.kinds().end());
    lb.trace.truncate(events);
    engine.restoreState(snapshot);
    ASSERT_TRUE(lb.auth.restore(authCheckpoint).ok());
    ASSERT_TRUE(lb.peer.restore(peerCheckpoint).ok());
    engine.run();
    std::vector<EventKind> second(lb.trace.kinds().begin() + static_cast<long>(events),
                                  lb.trace.kinds().end());
    EXPECT_EQ(first, second);
}

TEST(SessionEngine, ScriptedCounterpartFeedsAPeerMethod)
{
    FakeExecutor peer(4);
    Trace trace;
    EngineConfig config;
    config.peer = {&peer, LoadRequest{"/fake/peer.so", "peer", std::nullopt}};
    config.counterpart = Counterpart::Scripted;
    config.peerPassword = "secret";
    config.script = {Bytes{1, 1, 0, 5, 1}, Bytes{1, 2, 0, 6, 4, 'x'}, Bytes{3, 2, 0, 4}};
    SessionEngine engine(config, trace);
    engine.run();
    const auto outcomes = engine.outcomes();
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].side, Side::Peer);
    EXPECT_EQ(outcomes[0].outcome, Outcome::Success) << outcomes[0].message;
    EXPECT_EQ(peer.beginCalls, 1);
    EXPECT_EQ(peer.endCalls, 1);
}

TEST(SessionEngine, ScriptedCounterpartFeedsAnAuthenticatorMethod)
{
    FakeExecutor auth(4);
    Trace trace;
    EngineConfig config;
    config.authenticator = {&auth, LoadRequest{"/fake/auth.so", "auth", std::nullopt}};
    config.counterpart = Counterpart::Scripted;
    config.users = {{"bob", "pw"}};
    config.script = {Bytes{2, 1, 0, 8, 1, 'b', 'o', 'b'}, Bytes{2, 2, 0, 7, 4, 'p', 'w'}};
    SessionEngine engine(config, trace);
    engine.run();
    const auto outcomes = engine.outcomes();
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].outcome, Outcome::Success) << outcomes[0].message;
}

TEST(SessionEngine, ManualCounterpartWaitsForInjectedPackets)
{
    FakeExecutor peer(4);
    Trace trace;
    EngineConfig config;
    config.peer = {&peer, LoadRequest{"/fake/peer.so", "peer", std::nullopt}};
    config.counterpart = Counterpart::Manual;
    config.peerPassword = "pw";
    SessionEngine engine(config, trace);
    EXPECT_EQ(engine.run().kind, StepKind::Waiting);
    ASSERT_TRUE(engine.injectPacket(Bytes{1, 5, 0, 6, 4, 'c'}).ok());
    EXPECT_EQ(engine.run().kind, StepKind::Waiting);
    EXPECT_EQ(peer.beginCalls, 1);
    ASSERT_TRUE(engine.injectPacket(Bytes{4, 5, 0, 4}).ok());
    EXPECT_EQ(engine.run().kind, StepKind::Finished);
    EXPECT_EQ(engine.outcomes().at(0).outcome, Outcome::Failure);
}

TEST(SessionEngine, TimeoutsWaitForFireTimeoutWhenAutoFireIsOff)
{
    Loopback lb;
    lb.config.autoFireTimeouts = false;
    lb.config.dropPacket = 3;
    SessionEngine engine(lb.config, lb.trace);
    EXPECT_EQ(engine.run().kind, StepKind::Waiting);
    EXPECT_TRUE(engine.timerArmed());
    ASSERT_TRUE(engine.fireTimeout().ok());
    EXPECT_EQ(engine.run().kind, StepKind::Finished);
    for (const auto& o : engine.outcomes()) {
        EXPECT_EQ(o.outcome, Outcome::Success);
    }
}

TEST(SessionEngine, HeapEventsAreRecordedWithTheirContext)
{
    Loopback lb;
    lb.peer.onBegin = [](const BeginRequest& r, CallOutcome& o) {
        o.heap.push_back(HeapEvent{true, o.workBuffer, 64, r.contextTag, 0, "", ""});
        o.heap.push_back(HeapEvent{true, 0x999000, 16, r.contextTag, 0, "leaky.c:12", ""});
    };
    lb.peer.onEnd = [](std::uint32_t tag, CallOutcome& o) {
        o.heap.push_back(HeapEvent{false, 0x10000, 64, tag, 0, "", ""});
    };
    lb.run();
    EXPECT_EQ(lb.count(EventKind::HeapAlloc, EntryPoint::None, Side::Peer), 2u);
    EXPECT_EQ(lb.count(EventKind::HeapFree, EntryPoint::None, Side::Peer), 1u);
    const auto rules = lb.rules();
    EXPECT_NE(std::find(rules.begin(), rules.end(), "HEAP_LEAK"), rules.end());
}

}  // namespace
}  // namespace eapscope
