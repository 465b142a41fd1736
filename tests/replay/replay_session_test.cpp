// Issue 6 "Done when": every captured EAP-MD5 conversation whose password the MANIFEST gives,
// replayed as the peer through the bundled md5 with that password, shows no divergence; with a
// wrong one it shows where it diverges.
#include "replay/replay_session.h"
#include "capture/capture_importer.h"
#include "method/in_process_executor.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace eapscope {
namespace {

const std::filesystem::path kCaptures = std::filesystem::path(EAPSCOPE_SHARED_DIR) / "captures";

struct Md5Capture {
    const char* file;
    std::uint32_t conversation;
    const char* password;
};

// Passwords from the MANIFEST. radius_localhost: conversation 1 used a wrong password (rejected),
// conversation 2 user steve / testing.
const Md5Capture kMd5Captures[] = {
    {"public/eapmd5pass-EAPMD5-Challenge-01.cap", 1, "bradtest"},
    {"public/eapmd5pass-brad.eaptest2.cap", 1, "bradtest"},
    {"public/eapmd5pass-eapmd5-sample.dump", 1, "beaVIs"},
    {"public/tcpdump-RADIUS.pcap", 1, "S0cc3r"},
    {"public/wiresharkwiki-radius_localhost.pcapng", 2, "testing"},
    {"public/zeek-radius_localhost.pcap", 2, "testing"},
    {"loopback/radius-md5.pcapng", 1, "password"},
};

class ReplayMd5 : public ::testing::TestWithParam<Md5Capture> {
protected:
    void SetUp() override { ::setenv("EAPSCOPE_METHODS_DIR", EAPSCOPE_METHODS_DIR, 1); }

    ReplayResult replay(const char* password, Trace& trace)
    {
        auto capture = importCapture((kCaptures / GetParam().file).string());
        EXPECT_TRUE(capture.ok());
        InProcessExecutor executor;
        ReplayRequest request{GetParam().conversation, Side::Peer, "md5", std::string(password),
                              std::nullopt};
        auto result = replayConversation(*capture, request, executor, trace);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error());
        return result.ok() ? std::move(result.value()) : ReplayResult{};
    }
};

TEST_P(ReplayMd5, RightPassword_NoDivergence)
{
    Trace trace;
    ReplayResult result = replay(GetParam().password, trace);
    EXPECT_EQ(result.divergences, 0u);
    ASSERT_FALSE(result.comparisons.empty());
    for (const ReplayComparison& c : result.comparisons) {
        EXPECT_TRUE(c.matches()) << "frame " << c.frame << ": sent " << c.sent << " captured " << c.captured;
    }
    for (const FindingRecord& f : trace.findings()) {
        EXPECT_NE(f.rule, "REPLAY_DIVERGENCE") << f.message;
    }
}

TEST_P(ReplayMd5, WrongPassword_DivergesAtTheMd5Value)
{
    Trace trace;
    ReplayResult result = replay("not-the-password", trace);
    ASSERT_GE(result.divergences, 1u);
    bool atValue = false;
    for (const FindingRecord& f : trace.findings()) {
        if (f.rule == "REPLAY_DIVERGENCE" && f.offset == 6) {
            atValue = true;
            EXPECT_NE(f.message.find("eap.md5.value"), std::string::npos) << f.message;
        }
    }
    EXPECT_TRUE(atValue) << "no REPLAY_DIVERGENCE at offset 6 (the MD5 value)";
}

INSTANTIATE_TEST_SUITE_P(ManifestPasswords, ReplayMd5, ::testing::ValuesIn(kMd5Captures),
                         [](const auto& param) {
                             std::string name = param.param.file;
                             for (char& c : name)
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });

TEST(ReplayErrors, UnknownConversationNamesTheFile)
{
    auto capture = importCapture((kCaptures / "public/tcpdump-RADIUS.pcap").string());
    ASSERT_TRUE(capture.ok());
    InProcessExecutor executor;
    Trace trace;
    auto result =
        replayConversation(*capture, ReplayRequest{5, Side::Peer, "md5", "x", std::nullopt}, executor, trace);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().find("tcpdump-RADIUS.pcap"), std::string::npos);
}

}  // namespace
}  // namespace eapscope
