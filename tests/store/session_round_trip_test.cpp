// Round trip: a trace recorded through SessionWriter and read back is the same trace
// (Trace::operator==), however the flushes were spread (issue 4 parts 1, 2, 4).
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "store_test_util.h"
#include "synthetic_trace.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <atomic>

namespace eapscope {
namespace {

using testing::makeSyntheticTrace;
using testing::TempDir;

Trace expectedAfterFinish(Trace trace)
{
    trace.setOption("complete", "true");
    return trace;
}

void addCrashFinding(Trace& trace)
{
    const EventId call = trace.append({.timeNs = 99'000'000,
                                       .kind = EventKind::CallStart,
                                       .side = Side::Peer,
                                       .entry = EntryPoint::MakeMessage});
    trace.addFinding({.rule = "CRASH",
                      .severity = Severity::Error,
                      .side = Side::Peer,
                      .call = call,
                      .entry = EntryPoint::MakeMessage,
                      .message = "the method was killed by signal 11 in RasEapMakeMessage",
                      .text = phrase("the method was killed by signal %1 in %2",
                                     {verbatim("11"), verbatim("RasEapMakeMessage")}),
                      .signal = 11,
                      .exitStatus = -1,
                      .offset = -4},
                     99'000'001);
}

TEST(SessionRoundTrip, FinishedRecording_ReopensAsTheSameTrace)
{
    TempDir dir;
    Trace trace = makeSyntheticTrace(2000);
    addCrashFinding(trace);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_FALSE(sessionIsIncomplete(read.value()));
    EXPECT_TRUE(read.value() == expectedAfterFinish(trace));
    EXPECT_EQ(read->findings().size(), trace.findings().size());
    EXPECT_EQ(read->findings().back().signal, 11);
    EXPECT_EQ(read->findings().back().offset, -4);
    // The message's template and arguments come back too (format 1.3): the GUI translates them.
    EXPECT_EQ(read->findings().back().text, trace.findings().back().text);
    EXPECT_EQ(read->findings().back().text.english(), read->findings().back().message);
}

TEST(SessionRoundTrip, FlushesAfterEveryFewEvents_WriteEachRowOnce)
{
    TempDir dir;
    auto writer = SessionWriter::create(dir.file("s.eapscope"), true);
    ASSERT_TRUE(writer) << writer.error();
    // Grow the trace one context (about 20 events) at a time, flushing after each, as a live run would.
    Trace partial = makeSyntheticTrace(0);
    std::size_t flushes = 0;
    for (std::uint32_t n = 1; partial.size() < 600; ++n) {
        testing::addSyntheticContext(partial, n, partial.empty() ? 1000 : partial.times().back() + 10, false);
        ASSERT_TRUE((*writer)->flush(partial));
        ++flushes;
        EXPECT_EQ((*writer)->flushedEvents(), partial.size());
    }
    partial.setOption("late", "set after the first flush");
    ASSERT_TRUE((*writer)->finish(partial));
    EXPECT_GT(flushes, 10u);

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == expectedAfterFinish(partial));
    EXPECT_EQ(read->option("late"), "set after the first flush");
}

TEST(SessionRoundTrip, FlushWithoutFinish_OpensIncomplete)
{
    TempDir dir;
    const Trace trace = makeSyntheticTrace(300);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(sessionIsIncomplete(read.value()));
    EXPECT_TRUE(read.value() == trace);
}

TEST(SessionRoundTrip, StepBackBetweenFlushes_FileFollowsTheTruncatedTrace)
{
    TempDir dir;
    Trace trace = makeSyntheticTrace(400);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), true);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));

    // Step back to the middle, then run on past the old end before the next flush.
    const std::size_t cut = 150;
    trace.truncate(cut);
    (*writer)->rewind(trace);
    for (std::uint32_t n = 500; trace.size() < 700; ++n) {
        testing::addSyntheticContext(trace, n, trace.times().back() + 10, false);
    }
    ASSERT_TRUE((*writer)->finish(trace));

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == expectedAfterFinish(trace));
}

// A live RADIUS step back starts a new trace (the GUI worker's rerunLive): the file holds only
// the new trace, whose string ids start over and mean other texts than the old ones.
TEST(SessionRoundTrip, RewoundToANewTrace_FileHoldsOnlyTheNewTrace)
{
    TempDir dir;
    Trace trace = makeSyntheticTrace(400, true);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), true);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));

    trace = Trace();
    (*writer)->rewind(trace);
    trace.intern("a text the first trace did not have");
    testing::addSyntheticHeader(trace, false);
    for (std::uint32_t n = 700; trace.size() < 150; ++n) {
        testing::addSyntheticContext(trace, n, 10'000 + 100 * n, false);
    }
    ASSERT_TRUE((*writer)->finish(trace));

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == expectedAfterFinish(trace));
    EXPECT_EQ(read->stringCount(), trace.stringCount());
    EXPECT_EQ(read->string(StringId(1)), "a text the first trace did not have");
}

TEST(SessionRoundTrip, ShrunkTraceWithoutRewind_IsDetected)
{
    TempDir dir;
    Trace trace = makeSyntheticTrace(400);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), true);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));
    trace.truncate(100);
    ASSERT_TRUE((*writer)->finish(trace));

    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == expectedAfterFinish(trace));
}

TEST(SessionRoundTrip, FinishedFile_IsOneSelfContainedFile)
{
    TempDir dir;
    const Trace trace = makeSyntheticTrace(100);
    {
        auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
        ASSERT_TRUE(writer) << writer.error();
        ASSERT_TRUE((*writer)->finish(trace));
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("s.eapscope-wal")));
    EXPECT_TRUE(looksLikeSessionFile(dir.file("s.eapscope")));
}

TEST(SessionRoundTrip, ExistingFile_IsReplaced)
{
    TempDir dir;
    testing::writeBytes(dir.file("s.eapscope"), {'j', 'u', 'n', 'k'});
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    const Trace trace = makeSyntheticTrace(50);
    ASSERT_TRUE((*writer)->finish(trace));
    auto read = readSession(dir.file("s.eapscope"));
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == expectedAfterFinish(trace));
}

TEST(SessionRoundTrip, UnwritablePath_ErrorNamesTheFile)
{
    auto writer = SessionWriter::create("/nonexistent-dir/x.eapscope", false);
    ASSERT_FALSE(writer);
    EXPECT_NE(writer.error().find("/nonexistent-dir/x.eapscope"), std::string::npos) << writer.error();
}

TEST(SessionReader, Progress_IsMonotonicAndEndsAtOne)
{
    TempDir dir;
    const Trace trace = makeSyntheticTrace(100'000);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));

    std::vector<double> seen;
    auto read = readSession(dir.file("s.eapscope"), [&](double p) { seen.push_back(p); });
    ASSERT_TRUE(read) << read.error();
    ASSERT_GT(seen.size(), 3u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_GE(seen.front(), 0.0);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(SessionReader, Cancel_StopsWithAnError)
{
    TempDir dir;
    const Trace trace = makeSyntheticTrace(100'000);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));

    std::atomic<bool> cancel{false};
    auto read = readSession(
        dir.file("s.eapscope"),
        [&](double p) {
            if (p > 0.2) {
                cancel = true;
            }
        },
        &cancel);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().find("cancelled"), std::string::npos) << read.error();
}

TEST(SessionReader, FromMemory_MatchesFromFile)
{
    TempDir dir;
    const Trace trace = makeSyntheticTrace(500);
    auto writer = SessionWriter::create(dir.file("s.eapscope"), false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));  // still in WAL mode: the bytes are the main file only
    writer->reset();
    const auto bytes = testing::readBytes(dir.file("s.eapscope"));
    auto read = readSessionBytes(bytes, "memory");
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read.value() == trace);
}

}  // namespace
}  // namespace eapscope
