// Fault isolation (issue 3 part 2): a method that segfaults, aborts, exits, overflows its
// stack, runs out of memory or hangs in any entry point ends only its host; the call comes back
// as a CallOutcome with the failure, and the executor stays usable (failing at once).
#include "host_test_support.h"

#include <signal.h>

namespace eapscope {
namespace {

using namespace eapscope::testing;

struct FaultCase {
    const char* fault;  // EAPSCOPE_TEST_FAULT
    EntryPoint entry;   // where it strikes
    HostFailure::Kind kind;
    int signalOrStatus;  // expected signal (Crash) or exit status (Exit); 0 = Hang
};

std::string caseName(const ::testing::TestParamInfo<FaultCase>& info)
{
    std::string name = info.param.fault;
    for (char& c : name) {
        if (c == '@') {
            c = '_';
        }
    }
    return name;
}

/// Runs Initialize, Begin, MakeMessage, End, stopping at the first failed call.
CallOutcome runUntilFailure(HostExecutor& executor, EntryPoint& failedAt)
{
    CallOutcome outcome = executor.initialize(true);
    failedAt = EntryPoint::Initialize;
    if (outcome.failure) {
        return outcome;
    }
    outcome = executor.begin(beginRequest(1));
    failedAt = EntryPoint::Begin;
    if (outcome.failure) {
        return outcome;
    }
    const std::uint64_t workBuffer = outcome.workBuffer;
    outcome = executor.makeMessage(makeRequest(1, workBuffer));
    failedAt = EntryPoint::MakeMessage;
    if (outcome.failure) {
        return outcome;
    }
    outcome = executor.end(1, workBuffer);
    failedAt = EntryPoint::End;
    return outcome;
}

class HostFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(HostFault, EndsOnlyTheHostAndReportsHow)
{
    const FaultCase& c = GetParam();
    FaultEnv env(c.fault);
    HostOptions options = hostOptions(c.kind == HostFailure::Kind::Hang ? 300 : 5000);
    options.addressSpaceLimit = std::string(c.fault).starts_with("oom") ? (1ull << 30) : 0;
    auto executor = loadFaultMethod(options);
    const pid_t pid = executor->hostPid();

    EntryPoint failedAt = EntryPoint::None;
    const CallOutcome outcome = runUntilFailure(*executor, failedAt);

    ASSERT_TRUE(outcome.failure.has_value()) << "no failure reported";
    EXPECT_EQ(failedAt, c.entry);
    EXPECT_EQ(outcome.entry, c.entry);
    EXPECT_EQ(outcome.failure->kind, c.kind) << outcome.failure->detail;
    if (c.kind == HostFailure::Kind::Crash) {
        EXPECT_EQ(outcome.failure->signal, std::optional<int>(c.signalOrStatus)) << outcome.failure->detail;
    } else if (c.kind == HostFailure::Kind::Exit) {
        EXPECT_EQ(outcome.failure->exitStatus, std::optional<int>(c.signalOrStatus))
            << outcome.failure->detail;
    }
    EXPECT_FALSE(outcome.failure->detail.empty());
    EXPECT_FALSE(executor->alive());
    EXPECT_TRUE(processGone(pid)) << "the dead host was not reaped";

    // Later calls fail at once, with the same failure.
    const CallOutcome later = executor->end(1, 0x1234);
    ASSERT_TRUE(later.failure.has_value());
    EXPECT_EQ(later.failure->kind, c.kind);
    EXPECT_EQ(later.entry, EntryPoint::End);
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, HostFault,
    ::testing::Values(FaultCase{"segv@init", EntryPoint::Initialize, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"segv@begin", EntryPoint::Begin, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"segv@make", EntryPoint::MakeMessage, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"segv@end", EntryPoint::End, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"abort@begin", EntryPoint::Begin, HostFailure::Kind::Crash, SIGABRT},
                      FaultCase{"abort@make", EntryPoint::MakeMessage, HostFailure::Kind::Crash, SIGABRT},
                      FaultCase{"abort@end", EntryPoint::End, HostFailure::Kind::Crash, SIGABRT},
                      FaultCase{"exit@init", EntryPoint::Initialize, HostFailure::Kind::Exit, 3},
                      FaultCase{"exit@make", EntryPoint::MakeMessage, HostFailure::Kind::Exit, 3},
                      FaultCase{"exit@end", EntryPoint::End, HostFailure::Kind::Exit, 3},
                      FaultCase{"stack@begin", EntryPoint::Begin, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"stack@make", EntryPoint::MakeMessage, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"oom@begin", EntryPoint::Begin, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"oom@make", EntryPoint::MakeMessage, HostFailure::Kind::Crash, SIGSEGV},
                      FaultCase{"hang@begin", EntryPoint::Begin, HostFailure::Kind::Hang, 0},
                      FaultCase{"hang@make", EntryPoint::MakeMessage, HostFailure::Kind::Hang, 0},
                      FaultCase{"hang@end", EntryPoint::End, HostFailure::Kind::Hang, 0}),
    caseName);

TEST(HostFaults, EventsOfTheCrashingCallAreKept)
{
    // The method allocates a 32-byte breadcrumb right before it faults: that event only
    // reaches the controller through the dying host's last frames.
    FaultEnv env("segv@make");
    auto executor = loadFaultMethod(hostOptions());
    ASSERT_TRUE(executor->tracerActive());
    const CallOutcome begun = executor->begin(beginRequest(4));
    ASSERT_FALSE(begun.failure.has_value());
    const CallOutcome crashed = executor->makeMessage(makeRequest(4, begun.workBuffer));
    ASSERT_TRUE(crashed.failure.has_value());
    const auto breadcrumb = std::find_if(crashed.heap.begin(), crashed.heap.end(),
                                         [](const HeapEvent& e) { return e.alloc && e.size == 32; });
    ASSERT_NE(breadcrumb, crashed.heap.end());
    EXPECT_EQ(breadcrumb->contextTag, 4u);
}

TEST(HostFaults, HungCallKeepsItsEventsToo)
{
    FaultEnv env("hang@make");
    auto executor = loadFaultMethod(hostOptions(300));
    const CallOutcome begun = executor->begin(beginRequest(2));
    const CallOutcome hung = executor->makeMessage(makeRequest(2, begun.workBuffer));
    ASSERT_TRUE(hung.failure.has_value());
    EXPECT_EQ(hung.failure->kind, HostFailure::Kind::Hang);
    EXPECT_NE(std::find_if(hung.heap.begin(), hung.heap.end(),
                           [](const HeapEvent& e) { return e.alloc && e.size == 32 && e.contextTag == 2; }),
              hung.heap.end());
}

TEST(HostFaults, MethodPrintingToStdoutDoesNotDisturbTheProtocol)
{
    FaultEnv env("print@make");
    auto executor = loadFaultMethod(hostOptions());
    EntryPoint failedAt = EntryPoint::None;
    const CallOutcome last = runUntilFailure(*executor, failedAt);
    EXPECT_FALSE(last.failure.has_value());
    EXPECT_EQ(failedAt, EntryPoint::End);
    EXPECT_TRUE(executor->alive());
}

TEST(HostFaults, DestroyingTheExecutorLeavesNoProcessBehind)
{
    pid_t pid = 0;
    {
        FaultEnv env(nullptr);
        auto executor = loadFaultMethod(hostOptions());
        pid = executor->hostPid();
        ASSERT_GT(pid, 0);
        EXPECT_FALSE(processGone(pid));
    }
    EXPECT_TRUE(processGone(pid));
}

TEST(HostFaults, LoadAfterACrashStartsAFreshHost)
{
    FaultEnv env("segv@begin");
    auto executor = loadFaultMethod(hostOptions());
    ASSERT_TRUE(executor->begin(beginRequest(1)).failure.has_value());
    ASSERT_FALSE(executor->alive());
    ::unsetenv("EAPSCOPE_TEST_FAULT");
    const LoadReport again = executor->load(LoadRequest{hostFaultsMethod(), "host-faults", 200});
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_TRUE(executor->alive());
    EXPECT_FALSE(executor->begin(beginRequest(1)).failure.has_value());
}

TEST(HostFaults, MissingHostExecutable_IsALoadError)
{
    HostOptions options = hostOptions();
    options.hostPath = "/nonexistent/eapscope-host";
    HostExecutor executor(options);
    const LoadReport report = executor.load(LoadRequest{hostFaultsMethod(), "host-faults", 200});
    EXPECT_FALSE(report.ok);
    EXPECT_NE(report.error.find("/nonexistent/eapscope-host"), std::string::npos) << report.error;
    EXPECT_FALSE(executor.alive());
}

}  // namespace
}  // namespace eapscope
