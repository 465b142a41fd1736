// The session engine over isolated hosts (issue 3 part 2): after one side's host crashes or
// hangs, the run ends cleanly, the other side's open contexts still get their RasEapEnd, and
// the CRASH / HANG finding names the side, context and entry point.
#include "host_test_support.h"

#include "engine/session_runner.h"

namespace eapscope {
namespace {

using namespace eapscope::testing;

struct Run {
    Trace trace;
    RunSummary summary;
};

std::unique_ptr<Run> runHostFaults(std::uint32_t watchdogMs = 5000)
{
    RunOptions options;
    options.authSpec = hostFaultsMethod();
    options.peerSpec = hostFaultsMethod();
    options.type = 200;
    options.watchdogMs = watchdogMs;
    auto run = std::make_unique<Run>();
    const HostOptions host = hostOptions(watchdogMs);
    Result<RunSummary> summary = runSession(
        options, run->trace,
        [host](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<HostExecutor>(host); });
    EXPECT_TRUE(summary.ok()) << summary.error();
    if (summary) {
        run->summary = *summary;
    }
    return run;
}

std::size_t callsOf(const Trace& trace, Side side, EntryPoint entry)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const EventRow row = trace.row(EventId(static_cast<std::uint32_t>(i)));
        n += row.kind == EventKind::CallStart && row.side == side && row.entry == entry ? 1 : 0;
    }
    return n;
}

const FindingRecord* findingOf(const Trace& trace, const std::string& rule)
{
    for (const FindingRecord& f : trace.findings()) {
        if (f.rule == rule) {
            return &f;
        }
    }
    return nullptr;
}

TEST(HostSession, CleanRun_SucceedsWithoutFindings)
{
    FaultEnv env(nullptr);
    auto run = runHostFaults();
    EXPECT_EQ(run->summary.overall, "success");
    EXPECT_EQ(findingOf(run->trace, "CRASH"), nullptr);
    EXPECT_EQ(callsOf(run->trace, Side::Peer, EntryPoint::End), 1u);
}

TEST(HostSession, Md5OverManyContexts_NoFindingsWithHeapTracking)
{
    RunOptions options;
    options.contexts = 20;
    Trace trace;
    const HostOptions host = hostOptions();
    Result<RunSummary> summary = runSession(options, trace, [host](Side) -> std::unique_ptr<MethodExecutor> {
        return std::make_unique<HostExecutor>(host);
    });
    ASSERT_TRUE(summary.ok()) << summary.error();
    EXPECT_EQ(summary->overall, "success");
    for (const FindingRecord& f : trace.findings()) {
        ADD_FAILURE() << f.rule << ": " << f.message;
    }
    std::size_t heapRows = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const EventKind kind = trace.row(EventId(static_cast<std::uint32_t>(i))).kind;
        heapRows += kind == EventKind::HeapAlloc || kind == EventKind::HeapFree ? 1 : 0;
    }
    EXPECT_GE(heapRows, 2u * 2u * 20u);  // at least each side's work buffer alloc + free per context
}

TEST(HostSession, AuthenticatorCrash_PeerStillGetsEnd)
{
    // The authenticator crashes in its second MakeMessage, after the peer has begun.
    FaultEnv env("segv@make-auth#2");
    auto run = runHostFaults();
    const FindingRecord* crash = findingOf(run->trace, "CRASH");
    ASSERT_NE(crash, nullptr);
    EXPECT_EQ(crash->side, Side::Authenticator);
    EXPECT_EQ(crash->entry, EntryPoint::MakeMessage);
    EXPECT_TRUE(crash->context.valid());
    EXPECT_EQ(crash->signal, std::optional<int>(SIGSEGV));
    EXPECT_EQ(callsOf(run->trace, Side::Peer, EntryPoint::Begin), 1u);
    EXPECT_EQ(callsOf(run->trace, Side::Peer, EntryPoint::End), 1u);
    EXPECT_EQ(callsOf(run->trace, Side::Authenticator, EntryPoint::End), 0u);  // its host is gone
}

TEST(HostSession, PeerHang_IsHangAndAuthenticatorStillGetsEnd)
{
    FaultEnv env("hang@make-peer");
    auto run = runHostFaults(300);
    const FindingRecord* hang = findingOf(run->trace, "HANG");
    ASSERT_NE(hang, nullptr);
    EXPECT_EQ(hang->side, Side::Peer);
    EXPECT_EQ(hang->entry, EntryPoint::MakeMessage);
    EXPECT_EQ(callsOf(run->trace, Side::Authenticator, EntryPoint::End), 1u);
}

TEST(HostSession, PeerExit_IsCrashWithExitStatus)
{
    FaultEnv env("exit@end-peer");
    auto run = runHostFaults();
    const FindingRecord* crash = findingOf(run->trace, "CRASH");
    ASSERT_NE(crash, nullptr);
    EXPECT_EQ(crash->side, Side::Peer);
    EXPECT_EQ(crash->entry, EntryPoint::End);
    EXPECT_EQ(crash->exitStatus, std::optional<int>(3));
    EXPECT_FALSE(crash->signal.has_value());
}

TEST(HostSession, CrashInTheCallKeepsItsHeapEventsInTheTrace)
{
    FaultEnv env("segv@make-auth#2");
    auto run = runHostFaults();
    bool breadcrumb = false;
    for (std::size_t i = 0; i < run->trace.size(); ++i) {
        const EventRow row = run->trace.row(EventId(static_cast<std::uint32_t>(i)));
        breadcrumb = breadcrumb ||
                     (row.kind == EventKind::HeapAlloc && row.side == Side::Authenticator && row.b == 32);
    }
    EXPECT_TRUE(breadcrumb);
}

}  // namespace
}  // namespace eapscope
