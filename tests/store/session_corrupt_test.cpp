// A session file is untrusted input (issue 4 part 4): truncated, corrupt or hostile files give
// an error naming the file, or open as incomplete — never a crash.
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "store_test_util.h"
#include "synthetic_trace.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace eapscope {
namespace {

using testing::makeSyntheticTrace;
using testing::TempDir;

class SessionCorrupt : public ::testing::Test {
protected:
    void SetUp() override
    {
        path_ = dir_.file("s.eapscope");
        trace_ = makeSyntheticTrace(3000);
        auto writer = SessionWriter::create(path_, false);
        ASSERT_TRUE(writer) << writer.error();
        ASSERT_TRUE((*writer)->finish(trace_));
    }

    // Runs SQL on the recorded file, as a hostile editor would.
    void tamper(const std::string& sql)
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
        char* message = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
        const std::string text = message ? message : "";
        sqlite3_free(message);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << text;
    }

    void expectErrorNamingFile(const std::string& what)
    {
        auto read = readSession(path_);
        ASSERT_FALSE(read) << what << ": opened";
        EXPECT_NE(read.error().find(path_), std::string::npos) << what << ": " << read.error();
    }

    void expectCutReadOk(const Result<Trace>& read, const std::string& name, std::size_t size)
    {
        if (!read) {
            EXPECT_NE(read.error().find(name), std::string::npos) << read.error();
        } else if (sessionIsIncomplete(read.value())) {
            EXPECT_LE(read->size(), trace_.size()) << "cut at " << size;
        } else {
            Trace expected = trace_;
            expected.setOption("complete", "true");
            EXPECT_TRUE(read.value() == expected) << "cut at " << size << " read as complete but differs";
        }
    }

    TempDir dir_;
    std::string path_;
    Trace trace_;
};

TEST_F(SessionCorrupt, TruncatedAtSeveralOffsets_ErrorOrIncompleteNeverCrash)
{
    const auto bytes = testing::readBytes(path_);
    ASSERT_GT(bytes.size(), 65536u);
    const std::string cut = dir_.file("cut.eapscope");
    for (std::size_t size :
         {std::size_t{0}, std::size_t{10}, std::size_t{100}, std::size_t{4096}, std::size_t{8192},
          std::size_t{20000}, bytes.size() / 2, bytes.size() - 8192, bytes.size() - 1}) {
        testing::writeBytes(
            cut, std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + static_cast<long>(size)));
        // Either an error naming the file, or a trace that is marked incomplete, or — when the
        // cut only took pages the reader does not need — the whole session, unchanged.
        expectCutReadOk(readSession(cut), cut, size);
        expectCutReadOk(readSessionBytes(std::span(bytes).first(size), "cut"), "cut", size);
    }
}

TEST_F(SessionCorrupt, NewerMajorVersion_IsRefusedNamingBothVersions)
{
    tamper(
        "UPDATE meta SET value = 2 WHERE key = 'format_major'; UPDATE meta SET value = 3 WHERE key = "
        "'format_minor'");
    auto read = readSession(path_);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().find(path_), std::string::npos) << read.error();
    EXPECT_NE(read.error().find("2.3"), std::string::npos) << read.error();
    EXPECT_NE(read.error().find("1.4"), std::string::npos) << read.error();
}

TEST_F(SessionCorrupt, NewerMinorVersion_StillOpens)
{
    tamper("UPDATE meta SET value = 9 WHERE key = 'format_minor'; CREATE TABLE future(x)");
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->size(), trace_.size());
}

TEST_F(SessionCorrupt, OlderMinorVersion_IsMigratedWithoutTouchingTheFile)
{
    // Format 1.0 kept the summary in meta.
    tamper(
        "INSERT INTO meta SELECT key, value FROM summary; DROP TABLE summary;"
        "UPDATE meta SET value = 0 WHERE key = 'format_minor'");
    const auto before = testing::readBytes(path_);
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_FALSE(sessionIsIncomplete(read.value()));
    Trace expected = trace_;
    expected.setOption("complete", "true");
    EXPECT_TRUE(read.value() == expected);
    EXPECT_EQ(testing::readBytes(path_), before);
}

TEST_F(SessionCorrupt, Format12File_KeepsItsEnglishMessagesWithoutTemplates)
{
    // Format 1.2 had no findings.text: its findings read with their stored English message
    // and an empty template (the GUI then shows the message as stored).
    tamper("ALTER TABLE findings DROP COLUMN text; UPDATE meta SET value = 2 WHERE key = 'format_minor'");
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    ASSERT_FALSE(read->findings().empty());
    for (std::size_t i = 0; i < read->findings().size(); ++i) {
        EXPECT_TRUE(read->findings()[i].text.empty());
        EXPECT_EQ(read->findings()[i].message, trace_.findings()[i].message);
    }
}

// A trace whose last event is a Note the engine wrote as a sentence (format 1.4 keeps its
// template in strings.sentence).
Trace withSentenceNote(Trace trace, StringId* id)
{
    EventRow row;
    row.timeNs = trace.empty() ? 0 : trace.times().back();
    row.kind = EventKind::Note;
    row.text = trace.intern(phrase("NAS dropped the answer: %1", {verbatim("bad Message-Authenticator")}));
    *id = row.text;
    trace.append(row);
    return trace;
}

TEST_F(SessionCorrupt, SentenceOfAnEventText_IsKeptByTheFile)
{
    StringId id;
    const Trace trace = withSentenceNote(trace_, &id);
    const std::string path = dir_.file("sentence.eapscope");
    auto writer = SessionWriter::create(path, false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));
    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    const EventRow last = read->row(EventId(static_cast<std::uint32_t>(read->size() - 1)));
    EXPECT_EQ(read->string(last.text), "NAS dropped the answer: bad Message-Authenticator");
    const MessageText* sentence = read->sentence(last.text);
    ASSERT_NE(sentence, nullptr);
    EXPECT_EQ(*sentence, *trace.sentence(id));
}

TEST_F(SessionCorrupt, Format13File_KeepsItsEnglishEventTextsWithoutSentences)
{
    // Format 1.3 had no strings.sentence: its event texts read as stored, with no sentence.
    StringId id;
    const Trace trace = withSentenceNote(trace_, &id);
    path_ = dir_.file("old.eapscope");
    auto writer = SessionWriter::create(path_, false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));
    tamper("ALTER TABLE strings DROP COLUMN sentence; UPDATE meta SET value = 3 WHERE key = 'format_minor'");
    auto read = readSession(path_);
    ASSERT_TRUE(read) << read.error();
    const EventRow last = read->row(EventId(static_cast<std::uint32_t>(read->size() - 1)));
    EXPECT_EQ(read->string(last.text), "NAS dropped the answer: bad Message-Authenticator");
    EXPECT_EQ(read->sentence(last.text), nullptr);
    EXPECT_TRUE(read->sentences().empty());
}

TEST_F(SessionCorrupt, DamagedSentence_IsRefusedNamingTheString)
{
    tamper("UPDATE strings SET sentence = '{\"a\": 3}' WHERE id = 1");
    auto read = readSession(path_);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().find("string 1"), std::string::npos) << read.error();
    EXPECT_NE(read.error().find(path_), std::string::npos) << read.error();
}

TEST_F(SessionCorrupt, DamagedMessageTemplate_IsRefusedNamingTheFinding)
{
    tamper("UPDATE findings SET text = '{\"a\": 3}' WHERE id = 0");
    auto read = readSession(path_);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().find("finding 0"), std::string::npos) << read.error();
    EXPECT_NE(read.error().find(path_), std::string::npos) << read.error();
}

TEST_F(SessionCorrupt, NotSqlite_IsRefused)
{
    testing::writeBytes(path_,
                        {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0});
    expectErrorNamingFile("pcap magic");
    EXPECT_FALSE(looksLikeSessionFile(path_));
}

TEST_F(SessionCorrupt, SqliteButNotASession_IsRefused)
{
    tamper("DROP TABLE meta");
    expectErrorNamingFile("no meta");
}

TEST_F(SessionCorrupt, Directory_IsRefused)
{
    auto read = readSession(dir_.file(""));
    EXPECT_FALSE(read);
}

TEST_F(SessionCorrupt, MissingFile_ErrorNamesIt)
{
    path_ = dir_.file("missing.eapscope");
    expectErrorNamingFile("missing");
}

TEST_F(SessionCorrupt, GarbageInColumns_GiveAClearError)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"kind out of range", "UPDATE events SET kind = 99 WHERE id = 10"},
        {"negative side", "UPDATE events SET side = -1 WHERE id = 11"},
        {"entry out of range", "UPDATE events SET entry = 7 WHERE id = 12"},
        {"action out of range", "UPDATE events SET action = 256 WHERE id = 13"},
        {"text in a number column", "UPDATE events SET time = 'yesterday' WHERE id = 14"},
        {"blob in a number column", "UPDATE events SET a = x'0102' WHERE id = 15"},
        {"real in a number column", "UPDATE events SET b = 1.5 WHERE id = 16"},
        {"dangling context", "UPDATE events SET context = 1000000 WHERE id = 17"},
        {"dangling packet", "UPDATE events SET packet = 1000000 WHERE id = 18"},
        {"dangling string", "UPDATE events SET text = 1000000 WHERE id = 19"},
        {"dangling call", "UPDATE events SET call = 4000000000 WHERE id = 20"},
        {"negative id reference", "UPDATE events SET call = -5 WHERE id = 21"},
        {"result beyond DWORD", "UPDATE events SET result = 4294967296 WHERE id = 22"},
        {"gap in event ids", "DELETE FROM events WHERE id = 23"},
        {"huge packet", "UPDATE packets SET bytes = zeroblob(10000000) WHERE id = 1"},
        {"packet as text", "UPDATE packets SET bytes = 'abc' WHERE id = 2"},
        {"string as blob", "UPDATE strings SET text = x'00ff' WHERE id = 3"},
        {"context with bad side", "UPDATE contexts SET side = 3 WHERE id = 0"},
        {"context created by a missing event", "UPDATE contexts SET created = 99999999 WHERE id = 1"},
        {"context label dangling", "UPDATE contexts SET label = 99999999 WHERE id = 2"},
        {"finding severity", "UPDATE findings SET severity = 7 WHERE id = 0"},
        {"finding sites not JSON", "UPDATE findings SET sites = '[\"a\", 3' WHERE id = 0"},
        {"finding sites not strings", "UPDATE findings SET sites = '[1, 2]' WHERE id = 0"},
        {"finding signal too big", "UPDATE findings SET signal = 9999999999 WHERE id = 0"},
        {"finding without event", "UPDATE events SET kind = 9 WHERE kind = 8"},
        {"event naming a missing finding", "UPDATE events SET aux = 77777 WHERE kind = 8"},
        {"method with negative type", "UPDATE methods SET eap_type = -4"},
        {"version is text", "UPDATE meta SET value = 'one' WHERE key = 'format_major'"},
        {"events table missing", "DROP TABLE events"},
        {"events column missing", "ALTER TABLE events DROP COLUMN b"},
    };
    const auto pristine = testing::readBytes(path_);
    for (const auto& [what, sql] : cases) {
        testing::writeBytes(path_, pristine);
        tamper(sql);
        expectErrorNamingFile(what);
    }
}

TEST_F(SessionCorrupt, OverwrittenPagesInTheMiddle_ErrorOrIncomplete)
{
    auto bytes = testing::readBytes(path_);
    for (std::size_t offset : {std::size_t{8192 * 3}, bytes.size() / 2, bytes.size() - 9000}) {
        auto damaged = bytes;
        for (std::size_t i = 0; i < 4000 && offset + i < damaged.size(); ++i) {
            damaged[offset + i] = static_cast<std::uint8_t>(i * 131 + 7);
        }
        testing::writeBytes(path_, damaged);
        auto read = readSession(path_);
        if (read) {
            EXPECT_LE(read->size(), trace_.size());
        } else {
            EXPECT_NE(read.error().find(path_), std::string::npos) << read.error();
        }
    }
}

}  // namespace
}  // namespace eapscope
