// What `replay` prints, from core: the JSON document and the text listing of a replay with a
// wrong password (loopback/radius-md5.pcapng, password "password" per the MANIFEST).
#include "replay/replay_report.h"
#include "capture/capture_importer.h"
#include "method/in_process_executor.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace eapscope {
namespace {

const std::string kCapture =
    (std::filesystem::path(EAPSCOPE_SHARED_DIR) / "captures" / "loopback" / "radius-md5.pcapng").string();

class ReplayReport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ::setenv("EAPSCOPE_METHODS_DIR", EAPSCOPE_METHODS_DIR, 1);
        auto capture = importCapture(kCapture);
        ASSERT_TRUE(capture.ok()) << capture.error();
        InProcessExecutor executor;
        auto replayed = replayConversation(*capture, request_, executor, trace_);
        ASSERT_TRUE(replayed.ok()) << replayed.error();
        result_ = std::move(replayed.value());
    }

    ReplayRequest request_{1, Side::Peer, "md5", std::string("wrong"), std::nullopt};
    Trace trace_;
    ReplayResult result_;
};

TEST_F(ReplayReport, Json_CarriesRequestComparisonsAndTheDivergenceOffset)
{
    const nlohmann::json doc = replayReportJson(kCapture, request_, result_, trace_);
    EXPECT_EQ(doc["capture"], kCapture);
    EXPECT_EQ(doc["conversation"], 1);
    EXPECT_EQ(doc["role"], "peer");
    EXPECT_EQ(doc["method"], "md5");
    EXPECT_EQ(doc["divergences"], result_.divergences);
    ASSERT_EQ(doc["comparisons"].size(), result_.comparisons.size());
    bool mismatch = false;
    for (const auto& c : doc["comparisons"]) {
        mismatch = mismatch || !c["match"].get<bool>();
    }
    EXPECT_TRUE(mismatch);
    bool atValue = false;
    for (const auto& f : doc["findings"]) {
        atValue = atValue || (f["rule"] == "REPLAY_DIVERGENCE" && f.value("offset", -1) == 6);
    }
    EXPECT_TRUE(atValue) << doc.dump(2);
}

TEST_F(ReplayReport, Text_MarksTheDifferenceAndEndsWithTheOutcome)
{
    const std::string text = replayReportText(result_, trace_);
    EXPECT_NE(text.find("  DIFF  frame "), std::string::npos) << text;
    EXPECT_NE(text.find("REPLAY_DIVERGENCE @6: "), std::string::npos) << text;
    EXPECT_NE(
        text.find("Outcome: " + result_.outcome + ", divergences: " + std::to_string(result_.divergences)),
        std::string::npos)
        << text;
}

}  // namespace
}  // namespace eapscope
