// `eapscope-cli run` over isolated hosts (issue 3 part 6): the CLI never dies with the method;
// a crash is a finding (exit 1) with its signal or exit status in valid JSON.
#include "host_test_support.h"

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>

namespace eapscope {
namespace {

using namespace eapscope::testing;

struct CliRun {
    int exitCode = -1;
    std::string out;
};

CliRun runCli(const std::string& arguments)
{
    const std::string command =
        std::string(EAPSCOPE_BIN_DIR) + "/eapscope-cli run " + arguments + " 2>/dev/null";
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string faultsArgs()
{
    return "--auth " + hostFaultsMethod() + " --peer " + hostFaultsMethod() + " --type 200 --json";
}

TEST(HostCli, CrashingMethod_ExitOneWithValidJsonAndSignal)
{
    FaultEnv env("segv@make-auth#2");
    const CliRun run = runCli(faultsArgs());
    EXPECT_EQ(run.exitCode, 1) << run.out;
    const nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << run.out;
    bool crash = false;
    for (const auto& finding : report["findings"]) {
        if (finding["rule"] == "CRASH") {
            crash = true;
            EXPECT_EQ(finding["side"], "authenticator");
            EXPECT_EQ(finding["signal"], SIGSEGV);
            EXPECT_EQ(finding["call"], "RasEapMakeMessage");
        }
    }
    EXPECT_TRUE(crash) << run.out;
}

TEST(HostCli, ExitingMethod_CarriesExitStatus)
{
    FaultEnv env("exit@begin-peer");
    const CliRun run = runCli(faultsArgs());
    EXPECT_EQ(run.exitCode, 1) << run.out;
    const nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << run.out;
    bool crash = false;
    for (const auto& finding : report["findings"]) {
        if (finding["rule"] == "CRASH") {
            crash = true;
            EXPECT_EQ(finding["exit_status"], 3);
            EXPECT_FALSE(finding.contains("signal"));
        }
    }
    EXPECT_TRUE(crash) << run.out;
}

TEST(HostCli, HangingMethod_IsHangWithinTheWatchdog)
{
    FaultEnv env("hang@make-peer");
    const CliRun run = runCli(faultsArgs() + " --watchdog-ms 300");
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_NE(run.out.find("\"HANG\""), std::string::npos) << run.out;
}

/// The findings of one rule in a CLI JSON report.
std::vector<nlohmann::json> findingsOf(const CliRun& run, const std::string& rule)
{
    std::vector<nlohmann::json> out;
    const nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
    if (report.is_discarded() || !report.contains("findings")) {
        return out;
    }
    for (const auto& finding : report["findings"]) {
        if (finding["rule"] == rule) {
            out.push_back(finding);
        }
    }
    return out;
}

TEST(HostCli, MethodExitingInGetInfo_IsCrashOnGetInfoWithItsStatus)
{
    FaultEnv env("exit@getinfo");
    const CliRun run = runCli(faultsArgs());
    EXPECT_EQ(run.exitCode, 2) << run.out;
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << run.out;
    EXPECT_EQ(crashes[0]["call"], "RasEapGetInfo");
    EXPECT_EQ(crashes[0]["side"], "authenticator");
    const std::string message = crashes[0]["message"];
    EXPECT_NE(message.find("exit status 3"), std::string::npos) << message;
    EXPECT_NE(message.find("host-faults.so"), std::string::npos) << message;
}

TEST(HostCli, MethodCrashingInGetInfo_IsCrashOnGetInfoWithItsSignal)
{
    FaultEnv env("segv@getinfo");
    const CliRun run = runCli(faultsArgs());
    EXPECT_EQ(run.exitCode, 2) << run.out;
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << run.out;
    EXPECT_EQ(crashes[0]["call"], "RasEapGetInfo");
    const std::string message = crashes[0]["message"];
    EXPECT_NE(message.find("SIGSEGV"), std::string::npos) << message;
}

TEST(HostCli, MissingDependency_IsLoadLibraryFailedInTheLoadersWords)
{
    FaultEnv env(nullptr);
    const std::string broken = std::string(EAPSCOPE_TEST_METHODS_DIR) + "/broken-load-library-failed.so";
    for (const char* mode : {"", " --in-process"}) {
        const CliRun run = runCli("--auth md5 --peer " + broken + " --json" + mode);
        EXPECT_EQ(run.exitCode, 2) << mode << run.out;
        const auto failed = findingsOf(run, "LOAD_LIBRARY_FAILED");
        ASSERT_EQ(failed.size(), 1u) << mode << run.out;
        EXPECT_EQ(failed[0]["side"], "peer");
        const std::string message = failed[0]["message"];
        EXPECT_NE(message.find("libeapscope-missing-dep.so: cannot open shared object file"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("broken-load-library-failed.so"), std::string::npos) << message;
    }
}

TEST(HostCli, CleanMethodInHostsAndInProcess_ExitZero)
{
    FaultEnv env(nullptr);
    EXPECT_EQ(runCli(faultsArgs()).exitCode, 0);
    EXPECT_EQ(runCli(faultsArgs() + " --in-process").exitCode, 0);
    EXPECT_EQ(runCli(faultsArgs() + " --guard --stacks").exitCode, 0);
}

}  // namespace
}  // namespace eapscope
