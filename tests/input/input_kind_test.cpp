// One rule decides whether a file is a session file or a capture, by content: the CLI's inspect
// and the GUI's File → Open both ask it, so a renamed file opens the same way in both.
#include "input/input_kind.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

const fs::path kCaptures = fs::path(EAPSCOPE_SHARED_DIR) / "captures";

Result<InputKind> kindOf(std::vector<std::uint8_t> bytes)
{
    return inputKindOf(bytes, "x.bin");
}

/// A file under $TMPDIR holding `content`, named after this process (test runs share /tmp) and
/// removed when the test is done with it, whatever its assertions did.
class ScratchFile {
public:
    ScratchFile(const std::string& name, const std::string& content)
        : path_(fs::temp_directory_path() /
                ("eapscope-input-kind-" + std::to_string(::getpid()) + "-" + name))
    {
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~ScratchFile()
    {
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    [[nodiscard]] std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

TEST(InputKind, SqliteHeader_IsASessionFile)
{
    const std::string header("SQLite format 3\0\x10\x00", 18);
    auto kind = kindOf({header.begin(), header.end()});
    ASSERT_TRUE(kind.ok());
    EXPECT_EQ(*kind, InputKind::SessionFile);
}

TEST(InputKind, PcapMagicsInBothByteOrders_AreCaptures)
{
    const std::vector<std::vector<std::uint8_t>> heads = {
        {0xd4, 0xc3, 0xb2, 0xa1},
        {0xa1, 0xb2, 0xc3, 0xd4},  // µs
        {0x4d, 0x3c, 0xb2, 0xa1},
        {0xa1, 0xb2, 0x3c, 0x4d},                 // ns
        {0x34, 0xcd, 0xb2, 0xa1},                 // modified pcap
        {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0},  // pcapng section header block
        {0x1f, 0x8b, 0x08},                       // gzip
    };
    for (const auto& head : heads) {
        auto kind = kindOf(head);
        ASSERT_TRUE(kind.ok()) << kind.error();
        EXPECT_EQ(*kind, InputKind::Capture);
    }
}

TEST(InputKind, Text_IsNeitherAndTheMessageNamesFileAndExpectedFormats)
{
    const std::string text = "hello, not a capture";
    auto kind = kindOf({text.begin(), text.end()});
    ASSERT_FALSE(kind.ok());
    EXPECT_NE(kind.error().find("x.bin"), std::string::npos);
    EXPECT_NE(kind.error().find("session file"), std::string::npos);
    EXPECT_NE(kind.error().find("pcap or pcapng"), std::string::npos);
}

TEST(InputKind, TruncatedSqliteHeader_IsNotASessionFile)
{
    const std::string header = "SQLite for";
    EXPECT_FALSE(kindOf({header.begin(), header.end()}).ok());
}

TEST(InputKind, EmptyFile_SaysItIsEmpty)
{
    const ScratchFile empty("empty.eapscope", "");
    auto kind = sniffInputKind(empty.path());
    ASSERT_FALSE(kind.ok());
    EXPECT_NE(kind.error().find("empty.eapscope"), std::string::npos);
    EXPECT_NE(kind.error().find("empty"), std::string::npos);
}

TEST(InputKind, MissingFileAndDirectory_AreRefusedByName)
{
    auto missing = sniffInputKind("/nonexistent/session.eapscope");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("/nonexistent/session.eapscope"), std::string::npos);
    auto directory = sniffInputKind(fs::temp_directory_path().string());
    ASSERT_FALSE(directory.ok());
    EXPECT_NE(directory.error().find("directory"), std::string::npos);
}

TEST(InputKind, RealCapturesWhateverTheirName_AreCaptures)
{
    for (const char* file : {"loopback/radius-md5.pcapng", "public/tcpdump-RADIUS.pcap",
                             "public/eapmd5pass-eapmd5-sample.dump"}) {
        auto kind = sniffInputKind((kCaptures / file).string());
        ASSERT_TRUE(kind.ok()) << file << ": " << kind.error();
        EXPECT_EQ(*kind, InputKind::Capture) << file;
    }
}

TEST(InputKind, CaptureRenamedToEapscope_IsStillACapture)
{
    std::ifstream in(kCaptures / "loopback/radius-md5.pcapng", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const ScratchFile renamed("renamed.eapscope", bytes);
    auto kind = sniffInputKind(renamed.path());
    ASSERT_TRUE(kind.ok()) << kind.error();
    EXPECT_EQ(*kind, InputKind::Capture);
}

}  // namespace
}  // namespace eapscope
