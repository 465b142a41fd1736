// A Windows x64 DLL against the real counterparts, exactly as a .so (INTEROP.md): the MD5 DLL
// as peer through `run --radius` against FreeRADIUS 3.2, and as authenticator behind `serve`
// with eapol_test as supplicant. Both counterparts on 127.0.0.1 at free ports, stopped by pid.
#include "eapol_test_runner.h"
#include "eapscope_cli.h"
#include "free_radius_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>

using namespace eapscope::interop;

namespace {

std::string md5Dll()
{
    return std::string(EAPSCOPE_BINARY_DIR) + "/lib/eapscope/methods-windows/md5.dll";
}

/// The last JSON document in a command's output (serve prints "listening on …" first).
nlohmann::json lastJson(const std::string& output)
{
    const auto at = output.rfind("\n{\n");
    const std::string text = at == std::string::npos ? output : output.substr(at + 1);
    return nlohmann::json::parse(text, nullptr, false);
}

std::string outcomeOf(const nlohmann::json& j, const std::string& side)
{
    for (const auto& s : j["sessions"]) {
        if (s["side"] == side) {
            return s["outcome"];
        }
    }
    return "absent";
}

/// The run loaded the DLL itself on `side` (the "methods" list names the file it loaded).
bool loadedTheDll(const nlohmann::json& j, const std::string& side)
{
    for (const auto& m : j["methods"]) {
        if (m.value("side", "") == side && m.value("path", "") == md5Dll()) {
            return true;
        }
    }
    return false;
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

TEST(WindowsInterop, Md5DllAsPeerAgainstFreeRadius_RightPasswordSucceedsWrongIsRejected)
{
    ScopedTempDir dir("windows-interop");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun good = runCli(
        {"run", "--peer", md5Dll(), "--type", "4", "--radius", server->address(), "--secret",
         server->secret(), "--identity", "alice", "--password", "secret", "--json", "--expect", "success"},
        dir.path(), "good");
    ASSERT_EQ(good.exitCode, 0) << good.output << server->log();
    const auto j = lastJson(good.output);
    EXPECT_EQ(outcomeOf(j, "peer"), "success");
    EXPECT_EQ(outcomeOf(j, "authenticator"), "success");  // FreeRADIUS's Access-Accept
    EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
    EXPECT_TRUE(loadedTheDll(j, "peer")) << j["methods"].dump(2);

    const CliRun bad = runCli(
        {"run", "--peer", md5Dll(), "--type", "4", "--radius", server->address(), "--secret",
         server->secret(), "--identity", "alice", "--password", "wrong", "--json", "--expect", "failure"},
        dir.path(), "bad");
    ASSERT_EQ(bad.exitCode, 0) << bad.output << server->log();
    const auto k = lastJson(bad.output);
    EXPECT_EQ(outcomeOf(k, "peer"), "failure");
    EXPECT_TRUE(k["findings"].empty()) << k.dump(2);
}

TEST(WindowsInterop, Md5DllBehindServeWithEapolTest_RightPasswordSucceedsWrongIsRejected)
{
    ScopedTempDir dir("windows-interop");
    const std::uint16_t port = freeUdpPort();
    auto serve = startServe({"--auth", md5Dll(), "--type", "4", "--secret", "s3cret", "--identity", "alice",
                             "--password", "secret", "--json"},
                            port, dir.path());
    ASSERT_TRUE(serve) << serve.error();
    EapolTestConfig config;
    const EapolTestResult good = EapolTestRunner::run(config, md5Run(port), dir.path(), "good");
    EXPECT_EQ(good.exitCode, 0) << good.output << serve->output();
    EXPECT_TRUE(good.success);
    config.password = "wrong";
    const EapolTestResult bad = EapolTestRunner::run(config, md5Run(port), dir.path(), "bad");
    EXPECT_EQ(bad.exitCode, 253) << bad.output;
    EXPECT_TRUE(bad.accessReject);
    EXPECT_EQ(serve->stop(SIGTERM), 0) << serve->output();
    const auto j = lastJson(serve->output());
    ASSERT_TRUE(j.is_object()) << serve->output();
    EXPECT_EQ(j["conversations"], 2);
    int successes = 0;
    int failures = 0;
    for (const auto& s : j["sessions"]) {
        if (s["side"] == "authenticator") {
            successes += s["outcome"] == "success";
            failures += s["outcome"] == "failure";
        }
    }
    EXPECT_EQ(successes, 1);
    EXPECT_EQ(failures, 1);
    EXPECT_TRUE(j["findings"].empty()) << j["findings"].dump(2);
    EXPECT_TRUE(loadedTheDll(j, "authenticator")) << j["methods"].dump(2);
}
