// A real md5 loopback run (the engine with the in-process executor), recorded as it runs by
// SessionRecorder, reopens as exactly the trace the run filled (issue 4 part 6).
#include "engine/session_runner.h"
#include "host/host_executor.h"
#include "method/in_process_executor.h"
#include "store/session_reader.h"
#include "store/session_recorder.h"
#include "store_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

TEST(StoreEngineRoundTrip, Md5LoopbackRun_RecordedAndReopened_IsTheSameTrace)
{
    testing::TempDir dir;
    const std::string path = dir.file("md5.eapscope");
    // Interval 0 and a queue that never fills: a batch after every engine step, the most
    // demanding cadence for the writer.
    auto recorder = SessionRecorder::start(path, false, std::chrono::milliseconds(0), 100000);
    ASSERT_TRUE(recorder) << recorder.error();
    RunOptions options;
    options.contexts = 3;
    options.interleave = true;
    Trace trace;
    RunHooks hooks{.afterStep = [&](const Trace& t) { ASSERT_TRUE((*recorder)->onStep(t)); }};
    auto summary = runSession(
        options, trace,
        [](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<InProcessExecutor>(); }, hooks);
    ASSERT_TRUE(summary) << summary.error();
    EXPECT_EQ(summary->overall, "success");
    ASSERT_TRUE((*recorder)->finish(trace));
    EXPECT_GT((*recorder)->flushes(), 10u);

    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    trace.setOption("complete", "true");
    EXPECT_TRUE(read.value() == trace);
    EXPECT_EQ(read->contexts().size(), 6u);
    EXPECT_GT(read->packetCount(), 0u);
}

TEST(StoreEngineRoundTrip, IsolatedHostRunWithHeapStacks_RecordedAndReopened_IsTheSameTrace)
{
    testing::TempDir dir;
    const std::string path = dir.file("host.eapscope");
    auto recorder = SessionRecorder::start(path, false, std::chrono::milliseconds(0));
    ASSERT_TRUE(recorder) << recorder.error();
    RunOptions options;
    options.contexts = 2;
    Trace trace;
    RunHooks hooks{.afterStep = [&](const Trace& t) { ASSERT_TRUE((*recorder)->onStep(t)); }};
    HostOptions host;
    host.stacks = true;
    auto summary = runSession(
        options, trace,
        [&](Side) -> std::unique_ptr<MethodExecutor> { return std::make_unique<HostExecutor>(host); }, hooks);
    ASSERT_TRUE(summary) << summary.error();
    ASSERT_TRUE((*recorder)->finish(trace));

    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    trace.setOption("complete", "true");
    EXPECT_TRUE(read.value() == trace);
    const auto kinds = read->kinds();
    EXPECT_GT(std::count(kinds.begin(), kinds.end(), EventKind::HeapAlloc), 0) << "heap events recorded";
}

}  // namespace
}  // namespace eapscope
