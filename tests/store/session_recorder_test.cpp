// SessionRecorder writes on its own thread (issue 13): what it writes is what the trace held,
// however the batches fell; a step back rewrites the file; a recorder dropped without finish()
// leaves everything it was handed; a write error stops it and names the file.
#include "store/session_recorder.h"
#include "store/session_reader.h"
#include "store_test_util.h"
#include "synthetic_trace.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <csignal>

namespace eapscope {
namespace {

using testing::TempDir;

void addFinding(Trace& trace, std::uint64_t time)
{
    const EventId call = trace.append(
        {.timeNs = time, .kind = EventKind::CallStart, .side = Side::Peer, .entry = EntryPoint::End});
    trace.addFinding({.rule = "HEAP_LEAK",
                      .severity = Severity::Error,
                      .side = Side::Peer,
                      .call = call,
                      .entry = EntryPoint::End,
                      .message = "48 bytes in 1 block leaked",
                      .text = phrase("%1 bytes in %2 block leaked", {verbatim("48"), verbatim("1")}),
                      .bytes = 48,
                      .blocks = 1,
                      .sites = {"md5_begin (eap_md5.c:41)"}},
                     time + 1);
}

/// Grows `trace` by `contexts` synthetic contexts with a finding each, handing it to the
/// recorder after every context; returns the next time.
std::uint64_t grow(Trace& trace, SessionRecorder& recorder, std::uint32_t first, std::uint32_t contexts,
                   std::uint64_t time)
{
    for (std::uint32_t n = first; n < first + contexts; ++n) {
        time = testing::addSyntheticContext(trace, n, time, true);
        addFinding(trace, time);
        time += 10;
        EXPECT_TRUE(recorder.onStep(trace));
    }
    return time;
}

Trace readBack(const std::string& path)
{
    auto read = readSession(path);
    EXPECT_TRUE(read) << read.error();
    return read ? std::move(read.value()) : Trace();
}

TEST(SessionRecorder, BatchesOnTheWriterThread_ReopenAsTheSameTrace)
{
    TempDir dir;
    const std::string path = dir.file("r.eapscope");
    // Interval 0 and a queue of one: a batch per step whenever the writer has caught up, the
    // rows of the steps it was busy for in the next one.
    auto recorder = SessionRecorder::start(path, true, std::chrono::milliseconds(0), 1);
    ASSERT_TRUE(recorder) << recorder.error();
    Trace trace;
    testing::addSyntheticHeader(trace, true);
    grow(trace, **recorder, 1, 300, 1000);
    ASSERT_TRUE((*recorder)->finish(trace));
    EXPECT_GT((*recorder)->flushes(), 1u);

    const Trace read = readBack(path);
    EXPECT_FALSE(sessionIsIncomplete(read));
    trace.setOption("complete", "true");
    EXPECT_TRUE(read == trace);
    EXPECT_GT(read.findings().size(), 300u);
}

TEST(SessionRecorder, StepBackThenRegrowth_FileHoldsTheRewrittenTrace)
{
    TempDir dir;
    const std::string path = dir.file("back.eapscope");
    auto recorder = SessionRecorder::start(path, true, std::chrono::milliseconds(0));
    ASSERT_TRUE(recorder) << recorder.error();
    Trace trace;
    testing::addSyntheticHeader(trace, true);
    std::uint64_t time = grow(trace, **recorder, 1, 20, 1000);
    const std::size_t back = trace.size() / 2;
    trace.truncate(back);
    (*recorder)->rewind(trace);
    // Regrowth past the old end before the next batch: packet, context and finding numbers are
    // reused with other contents.
    time = grow(trace, **recorder, 100, 30, time);
    ASSERT_TRUE((*recorder)->finish(trace));

    const Trace read = readBack(path);
    trace.setOption("complete", "true");
    EXPECT_TRUE(read == trace);
}

TEST(SessionRecorder, DroppedWithoutFinish_FileHoldsEveryBatchHandedOver)
{
    TempDir dir;
    const std::string path = dir.file("dropped.eapscope");
    Trace trace;
    {
        auto recorder = SessionRecorder::start(path, true, std::chrono::milliseconds(0));
        ASSERT_TRUE(recorder) << recorder.error();
        testing::addSyntheticHeader(trace, true);
        grow(trace, **recorder, 1, 50, 1000);
    }
    // What was handed over is written; the steps the writer was busy for were not handed over
    // (their rows waited in the trace for a batch that never came).
    const Trace read = readBack(path);
    EXPECT_TRUE(sessionIsIncomplete(read));
    EXPECT_GT(read.size(), 0u);
    Trace handedOver = trace;
    handedOver.truncate(read.size());
    EXPECT_TRUE(read == handedOver);
}

// RLIMIT_FSIZE makes the file system refuse to grow the file, as a full disk would.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previous_ = std::signal(SIGXFSZ, SIG_IGN);  // the write fails with EFBIG instead
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*previous_)(int) = nullptr;
};

TEST(SessionRecorder, WriteFails_ErrorNamesTheFileAndEarlierBatchesStay)
{
    TempDir dir;
    const std::string path = dir.file("full.eapscope");
    auto recorder = SessionRecorder::start(path, true, std::chrono::milliseconds(0));
    ASSERT_TRUE(recorder) << recorder.error();
    Trace trace;
    testing::addSyntheticHeader(trace, true);
    std::uint64_t time = grow(trace, **recorder, 1, 10, 1000);
    ASSERT_TRUE((*recorder)->finish(trace)) << "the first batches are written";
    const std::size_t written = trace.size();
    Status status = Ok{};
    {
        FileSizeLimit limit(256 * 1024);
        for (std::uint32_t n = 11; n < 20000 && status; n += 50) {
            for (std::uint32_t k = n; k < n + 50; ++k) {
                time = testing::addSyntheticContext(trace, k, time, true);
            }
            status = (*recorder)->onStep(trace);
        }
        if (status) {
            status = (*recorder)->finish(trace);
        }
    }
    ASSERT_FALSE(status) << "20000 contexts do not fit in 256 KiB";
    EXPECT_NE(status.error().find(path), std::string::npos) << status.error();
    EXPECT_FALSE((*recorder)->onStep(trace)) << "the failure is kept";
    EXPECT_FALSE((*recorder)->finish(trace));

    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    EXPECT_GE(read->size(), written);
}

}  // namespace
}  // namespace eapscope
