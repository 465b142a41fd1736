// `eapscope-cli serve --auth md5` with the real eapol_test as supplicant (and NAS): the right
// password gives exit 0 and SUCCESS, a wrong one an Access-Reject (253); many supplicants at
// once interleave as contexts; SIGTERM ends the recording cleanly.
#include "eapol_test_runner.h"
#include "eapscope_cli.h"
#include "radeapclient_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <fstream>

using namespace eapscope::interop;

namespace {

nlohmann::json lastJson(const std::string& output)
{
    const auto at = output.find("\n{\n");
    return at == std::string::npos ? nlohmann::json()
                                   : nlohmann::json::parse(output.substr(at + 1), nullptr, false);
}

EapolTestRun md5Run(std::uint16_t port)
{
    EapolTestRun run;
    run.port = port;
    run.secret = "s3cret";
    run.expectKeys = false;  // EAP-MD5 derives no keys
    return run;
}

}  // namespace

TEST(InteropServe, EapolTestMd5_RightPasswordSucceedsWrongPasswordIsRejected)
{
    ScopedTempDir dir("serve");
    std::ofstream(dir.path() / "users") << "# test users\nalice secret\nbob  builder  # a comment\n";
    const std::uint16_t port = freeUdpPort();
    auto serve = startServe(
        {"--auth", "md5", "--secret", "s3cret", "--users", (dir.path() / "users").string(), "--json"}, port,
        dir.path());
    ASSERT_TRUE(serve) << serve.error();
    EapolTestConfig config;
    const EapolTestResult good = EapolTestRunner::run(config, md5Run(port), dir.path(), "good");
    EXPECT_EQ(good.exitCode, 0) << good.output << serve->output();
    EXPECT_TRUE(good.success);
    config.identity = "bob";
    config.password = "builder";
    EXPECT_EQ(EapolTestRunner::run(config, md5Run(port), dir.path(), "bob").exitCode, 0);
    config.password = "wrong";
    const EapolTestResult bad = EapolTestRunner::run(config, md5Run(port), dir.path(), "bad");
    EXPECT_EQ(bad.exitCode, 253) << bad.output;
    EXPECT_TRUE(bad.accessReject);
    EXPECT_EQ(serve->stop(SIGTERM), 0) << serve->output();
    const auto j = lastJson(serve->output());
    ASSERT_TRUE(j.is_object()) << serve->output();
    EXPECT_EQ(j["conversations"], 3);
    int successes = 0, failures = 0;
    for (const auto& s : j["sessions"]) {
        if (s["side"] == "authenticator") {
            successes += s["outcome"] == "success";
            failures += s["outcome"] == "failure";
        }
    }
    EXPECT_EQ(successes, 2);
    EXPECT_EQ(failures, 1);
    EXPECT_TRUE(j["findings"].empty()) << j["findings"].dump(2);
}

TEST(InteropServe, ManySupplicantsAtOnce_InterleaveAsContexts)
{
    ScopedTempDir dir("serve");
    const std::uint16_t port = freeUdpPort();
    constexpr int kSupplicants = 8;
    auto serve = startServe({"--auth", "md5", "--secret", "s3cret", "--identity", "alice", "--password",
                             "secret", "--max-conversations", std::to_string(kSupplicants), "--json"},
                            port, dir.path());
    ASSERT_TRUE(serve) << serve.error();
    std::vector<ChildProcess> supplicants;
    for (int i = 0; i < kSupplicants; ++i) {
        EapolTestRun run = md5Run(port);
        char mac[32];
        std::snprintf(mac, sizeof mac, "02:00:00:00:01:%02x", i);
        run.callingStationId = mac;
        auto child =
            EapolTestRunner::start(EapolTestConfig{}, run, dir.path(), "supplicant" + std::to_string(i));
        ASSERT_TRUE(child) << child.error();
        supplicants.push_back(std::move(*child));
    }
    for (auto& s : supplicants) {
        auto code = s.wait(std::chrono::seconds(60));
        ASSERT_TRUE(code);
        EXPECT_EQ(*code, 0) << s.output();
    }
    auto code = serve->wait(std::chrono::seconds(30));  // --max-conversations ends it
    ASSERT_TRUE(code) << serve->output();
    EXPECT_EQ(*code, 0) << serve->output();
    const auto j = lastJson(serve->output());
    EXPECT_EQ(j["conversations"], kSupplicants);
    int authenticatorContexts = 0;
    for (const auto& s : j["sessions"]) {
        if (s["side"] == "authenticator") {
            ++authenticatorContexts;
            EXPECT_EQ(s["outcome"], "success");
        }
    }
    EXPECT_EQ(authenticatorContexts, kSupplicants);
}

TEST(InteropServe, Sigterm_FinishesTheRecordingCleanly)
{
    ScopedTempDir dir("serve");
    const std::uint16_t port = freeUdpPort();
    const auto file = (dir.path() / "serve.eapscope").string();
    auto serve = startServe({"--auth", "md5", "--secret", "s3cret", "--record", file}, port, dir.path());
    ASSERT_TRUE(serve) << serve.error();
    EXPECT_EQ(EapolTestRunner::run(EapolTestConfig{}, md5Run(port), dir.path()).exitCode, 0);
    EXPECT_EQ(serve->stop(SIGTERM), 0) << serve->output();
    const CliRun inspect = runCli({"inspect", file, "--json"}, dir.path(), "inspect");
    ASSERT_EQ(inspect.exitCode, 0) << inspect.output;
    const auto at = inspect.output.find("{\n");
    const auto j = nlohmann::json::parse(inspect.output.substr(at), nullptr, false);
    EXPECT_EQ(j["file"]["complete"], true) << inspect.output;
    EXPECT_EQ(inspect.output.find("s3cret"), std::string::npos) << "the shared secret must be redacted";
}

TEST(InteropServe, BadUsersFile_NamesTheFileAndLine)
{
    ScopedTempDir dir("serve");
    std::ofstream(dir.path() / "users") << "alice secret\nbob\n";
    const CliRun r = runCli({"serve", "--auth", "md5", "--listen", "127.0.0.1:0", "--secret", "x", "--users",
                             (dir.path() / "users").string()},
                            dir.path());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("users:2: expected 'identity password'"), std::string::npos) << r.output;
}

// radeapclient sends every conversation from one socket without Calling-Station-Id, ten at a
// time: a NAS that cannot say whose a new conversation is gets them served in parallel (a new
// State-less request does not end the others as "started over").
TEST(InteropServe, RadeapclientTenInFlight_AllConversationsAuthenticate)
{
    ScopedTempDir dir("serve");
    const std::uint16_t port = freeUdpPort();
    auto serve = startServe({"--auth", "md5", "--secret", "s3cret", "--identity", "alice", "--password",
                             "secret", "--in-process", "--json"},
                            port, dir.path());
    ASSERT_TRUE(serve) << serve.error();
    RadeapclientRun run;
    run.port = port;
    run.secret = "s3cret";
    run.authentications = 50;
    run.inFlight = 10;
    const RadeapclientResult good = RadeapclientRunner::run(run, dir.path(), "good");
    EXPECT_EQ(good.approved, 50) << good.output;
    EXPECT_EQ(good.denied, 0);
    run.password = "wrong";
    run.authentications = 5;
    const RadeapclientResult bad = RadeapclientRunner::run(run, dir.path(), "bad");
    EXPECT_EQ(bad.approved, 0) << bad.output;
    EXPECT_EQ(bad.denied, 5);
    EXPECT_EQ(serve->stop(SIGTERM), 0) << serve->output();
    const auto j = lastJson(serve->output());
    ASSERT_TRUE(j.is_object()) << serve->output();
    EXPECT_EQ(j["conversations"], 55);
}
