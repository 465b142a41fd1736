// Secrets never reach the file unless asked (issue 4 part 3): the password bytes appear
// nowhere in the file, in any encoding.
#include "store/redactor.h"
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "store_test_util.h"
#include "synthetic_trace.h"

#include "common/hex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace eapscope {
namespace {

using testing::kSyntheticPassword;
using testing::TempDir;

std::vector<std::string> encodings(const std::string& secret)
{
    std::string le;
    std::string be;
    for (char c : secret) {  // ASCII password: UTF-16 is the byte and a zero
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    auto hex = [](const std::string& s) {
        return toHex({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
    };
    auto upper = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return s;
    };
    return {secret, le, be, hex(secret), upper(hex(secret)), hex(le), upper(hex(le)), hex(be)};
}

bool contains(const std::vector<std::uint8_t>& haystack, const std::string& needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// Every byte the session left on disk: the file and, while recording, its WAL.
std::vector<std::uint8_t> allBytes(const std::string& path)
{
    auto bytes = testing::readBytes(path);
    if (std::filesystem::exists(path + "-wal")) {
        const auto wal = testing::readBytes(path + "-wal");
        bytes.insert(bytes.end(), wal.begin(), wal.end());
    }
    return bytes;
}

Trace secretTrace()
{
    Trace trace = testing::makeSyntheticTrace(400, true);
    trace.setOption("backend.users", std::string("alice:") + kSyntheticPassword);
    trace.setOption("peer.msk", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    // A hostile method that echoes the password in its packet, as UTF-16LE.
    std::vector<std::uint8_t> packet = {2, 9, 0, 0, 4};
    for (const char* c = kSyntheticPassword; *c != 0; ++c) {
        packet.push_back(static_cast<std::uint8_t>(*c));
        packet.push_back(0);
    }
    trace.append(
        {.timeNs = 1, .kind = EventKind::Packet, .side = Side::Peer, .packet = trace.addPacket(packet)});
    trace.append({.timeNs = 2,
                  .kind = EventKind::Note,
                  .text = trace.intern(std::string("EMSK: ") + "a1b2c3d4e5f60718293a4b5c6d7e8f90")});
    trace.addFinding({.rule = "INPUT_MODIFIED",
                      .message = std::string("pwszPassword \"") + kSyntheticPassword + "\" was overwritten",
                      .sites = {std::string("strcpy(password=") + kSyntheticPassword + ")"}},
                     3);
    return trace;
}

TEST(SessionRedaction, PasswordAbsentInEveryEncoding_WhileRecordingAndAfterFinish)
{
    TempDir dir;
    const std::string path = dir.file("s.eapscope");
    const Trace trace = secretTrace();
    auto writer = SessionWriter::create(path, false);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->flush(trace));
    for (const std::string& needle : encodings(kSyntheticPassword)) {
        EXPECT_FALSE(contains(allBytes(path), needle)) << "while recording: " << needle.size() << " bytes";
    }
    ASSERT_TRUE((*writer)->finish(trace));
    writer->reset();
    const auto bytes = allBytes(path);
    for (const std::string& needle : encodings(kSyntheticPassword)) {
        EXPECT_FALSE(contains(bytes, needle)) << "finished: " << needle;
    }
    for (const char* key : {"00112233445566778899aabbccddeeff", "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                            "a1b2c3d4e5f60718293a4b5c6d7e8f90"}) {
        EXPECT_FALSE(contains(bytes, key)) << key;
    }

    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->option("password"), "[REDACTED, 25 bytes]");
    EXPECT_EQ(read->option("identity"), "alice");
    EXPECT_EQ(read->option("peer.msk"), "[REDACTED, 32 bytes]");
    EXPECT_EQ(read->option("backend.users"), "alice:[REDACTED, 25 bytes]");
    EXPECT_EQ(read->packetCount(), trace.packetCount());
    EXPECT_EQ(read->packet(PacketId(0)).size(), trace.packet(PacketId(0)).size()) << "packets are kept";
    bool noteRedacted = false;
    for (std::size_t i = 0; i < read->stringCount(); ++i) {
        const auto text = read->string(StringId(static_cast<std::uint32_t>(i)));
        noteRedacted |=
            text == "back end: raatUserPassword=[REDACTED, 25 bytes] MS-MPPE-Send-Key: [REDACTED, 16 bytes]";
    }
    EXPECT_TRUE(noteRedacted);
}

TEST(SessionRedaction, KeepSecrets_StoresThemVerbatim)
{
    TempDir dir;
    const std::string path = dir.file("s.eapscope");
    const Trace trace = secretTrace();
    auto writer = SessionWriter::create(path, true);
    ASSERT_TRUE(writer) << writer.error();
    ASSERT_TRUE((*writer)->finish(trace));
    EXPECT_TRUE(contains(testing::readBytes(path), kSyntheticPassword));
    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    Trace expected = trace;
    expected.setOption("complete", "true");
    EXPECT_TRUE(read.value() == expected);
}

TEST(Redactor, KeyValueForms)
{
    Redactor r(false);
    EXPECT_EQ(r.text("raatUserPassword=hunter2, next"), "raatUserPassword=[REDACTED, 7 bytes], next");
    EXPECT_EQ(r.text("\"password\": \"x y\""), "\"password\": \"[REDACTED, 1 bytes] y\"");
    EXPECT_EQ(r.text("MSK = 00ff00ff"), "MSK = [REDACTED, 4 bytes]");
    EXPECT_EQ(r.text("identity alice, no secrets here"), "identity alice, no secrets here");
    EXPECT_EQ(r.text("password accepted"), "password accepted");
    EXPECT_EQ(r.option("keep-secrets", "false"), "false");
    EXPECT_EQ(r.option("Peer.Password", "abc"), "[REDACTED, 3 bytes]");
}

TEST(Redactor, KnownSecretsInFreeText_AllForms)
{
    Redactor r(false);
    r.learn({{"password", "s3cret!"}});
    EXPECT_EQ(r.text("user typed s3cret! twice: s3cret!"),
              "user typed [REDACTED, 7 bytes] twice: [REDACTED, 7 bytes]");
    EXPECT_EQ(r.text("hex 7333637265742100"), "hex [REDACTED, 7 bytes]00");
    EXPECT_EQ(r.text("utf16 730033006300720065007400210000"), "utf16 [REDACTED, 7 bytes]00");
    std::vector<std::uint8_t> packet = {1, 's', '3', 'c', 'r', 'e', 't', '!', 2};
    EXPECT_TRUE(r.maskPacket(packet));
    EXPECT_EQ(packet, (std::vector<std::uint8_t>{1, '*', '*', '*', '*', '*', '*', '*', 2}));
}

}  // namespace
}  // namespace eapscope
