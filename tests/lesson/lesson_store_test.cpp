// Learner events and lesson progress in the session file (format 1.2), and 1.1 files.
#include "lesson/learner_actions.h"

#include "store/session_reader.h"
#include "store/session_writer.h"
#include "store/sqlite_db.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

class LessonStore : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = (fs::temp_directory_path() /
                 ("eapscope-lesson-store-" + std::to_string(::getpid()) + "-" + info->name() + ".eapscope"))
                    .string();
        const ContextId ctx = trace_.addContext({Side::Authenticator, 1, EventId(), StringId()});
        EventRow packet;
        packet.timeNs = 10;
        packet.kind = EventKind::Packet;
        packet.side = Side::Authenticator;
        packet.context = ctx;
        packet.packet = trace_.addPacket(std::vector<std::uint8_t>{3, 2, 0, 4});
        const EventId success = trace_.append(packet);
        trace_.setOption("lesson", "eap-conversation");
        recordLessonStarted(trace_, "eap-conversation", 5);
        recordHint(trace_, "select-success", 20);
        recordSelection(trace_, success, 30);
        recordBreakpointSet(trace_, "packet-code:Success", 31);
        recordBreakpointHit(trace_, "packet-code:Success", success, 32);
        recordAnswer(trace_, "outcome", "success = yes", EventId(), 40);
        trace_.setLessonProgress({{"select-success", true, EventId(1), EventId(3), 1, 25},
                                  {"outcome", false, EventId(3), EventId(), 0, 17}});
    }
    void TearDown() override
    {
        fs::remove(path_);
        fs::remove(path_ + "-wal");
        fs::remove(path_ + "-shm");
    }

    void write()
    {
        auto writer = SessionWriter::create(path_, false);
        ASSERT_TRUE(writer) << writer.error();
        ASSERT_TRUE((*writer)->finish(trace_));
    }

    std::string path_;
    Trace trace_;
};

TEST_F(LessonStore, LearnerEventsAndProgress_SurviveTheFile)
{
    write();
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    Trace expected = trace_;
    expected.setOption("complete", "true");
    EXPECT_TRUE(read.value() == expected);
    const auto answer = learnerEvent(*read, EventId(static_cast<std::uint32_t>(read->size() - 1)));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->action, LearnerAction::Answer);
    EXPECT_EQ(answer->task, "outcome");
    EXPECT_EQ(answer->answer, "success = yes") << "an '=' in the answer stays in the answer";
    const auto hit = learnerEvent(*read, EventId(5));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->action, LearnerAction::BreakpointHit);
    EXPECT_EQ(hit->target, EventId(0));
    EXPECT_EQ(read->row(EventId(5)).packet, trace_.row(EventId(0)).packet)
        << "the hit row carries its packet";
    ASSERT_EQ(read->lessonProgress().size(), 2u);
    EXPECT_EQ(read->lessonProgress()[0].hints, 1u);
    EXPECT_EQ(read->lessonProgress()[0].completed, EventId(3));
}

TEST_F(LessonStore, Format11File_OpensWithEmptyLessonProgressAndIsNotChanged)
{
    trace_ = Trace();
    trace_.setOption("auth", "md5");
    EventRow note;
    note.kind = EventKind::Note;
    note.text = trace_.intern("hello");
    trace_.append(note);
    write();
    {
        auto db = SqliteDb::open(path_, SqliteDb::Mode::Create);
        ASSERT_TRUE(db) << db.error();
        // What a 1.1 writer left: no lesson_progress table, minor version 1.
        ASSERT_TRUE(
            db->exec("DROP TABLE lesson_progress; UPDATE meta SET value = 1 WHERE key = 'format_minor'"));
    }
    std::ifstream before(path_, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(before)), std::istreambuf_iterator<char>());
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(read->lessonProgress().empty());
    EXPECT_EQ(read->size(), 1u);
    EXPECT_EQ(read->option("auth"), "md5");
    std::ifstream after(path_, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(after)), std::istreambuf_iterator<char>()), bytes)
        << "migration runs on a private copy";
}

TEST_F(LessonStore, RewrittenProgress_ReplacesTheOldRows)
{
    auto writer = SessionWriter::create(path_, false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace_));
    trace_.setLessonProgress({{"only", true, EventId(0), EventId(1), 3, 9}});
    ASSERT_TRUE((*writer)->finish(trace_));
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    ASSERT_EQ(read->lessonProgress().size(), 1u);
    EXPECT_EQ(read->lessonProgress()[0].task, "only");
    EXPECT_EQ(read->lessonProgress()[0].hints, 3u);
}

}  // namespace
}  // namespace eapscope
