// eapscope-cli as a user runs it: the real binary, its exit codes and its JSON (issue 2 part 7).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

struct CliResult {
    int exitCode = -1;
    std::string out;
};

/// Runs eapscope-cli; its standard error is dropped unless `withStderr` (then mixed into out).
CliResult cli(const std::string& args, bool withStderr = false)
{
    const std::string command =
        std::string(EAPSCOPE_BIN_DIR) + "/eapscope-cli " + args + (withStderr ? " 2>&1" : " 2>/dev/null");
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string testMethod(const std::string& name)
{
    return std::string(EAPSCOPE_TEST_METHODS_DIR) + "/" + name + ".so";
}

nlohmann::json parse(const CliResult& r)
{
    return nlohmann::json::parse(r.out);
}

TEST(CliRun, Md5LoopbackSucceedsWithNoFindingsAndExitsZero)
{
    const CliResult r = cli("run --auth md5 --peer md5 --identity alice --password secret --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto j = parse(r);
    ASSERT_EQ(j["sessions"].size(), 2u);
    for (const auto& s : j["sessions"]) {
        EXPECT_EQ(s["outcome"], "success");
        EXPECT_EQ(s["context"], 1);
        EXPECT_EQ(s["result_code"], 0);
        EXPECT_GT(s["calls"].get<int>(), 0);
        EXPECT_TRUE(s["work_buffer"].contains("address"));
    }
    EXPECT_EQ(j["sessions"][0]["side"], "authenticator");
    EXPECT_EQ(j["sessions"][1]["side"], "peer");
    EXPECT_TRUE(j["findings"].empty());
    EXPECT_GT(j["events"].get<int>(), 10);
    EXPECT_EQ(j["methods"].size(), 2u);
}

TEST(CliRun, WrongAuthPasswordFailsBothSidesWithNoFindings)
{
    const CliResult r = cli("run --auth md5 --peer md5 --password secret --auth-password wrong --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto j = parse(r);
    for (const auto& s : j["sessions"]) {
        EXPECT_EQ(s["outcome"], "failure");
        EXPECT_NE(s["result_code"], 0);
    }
    EXPECT_TRUE(j["findings"].empty());
}

TEST(CliRun, ExpectMismatchExitsFour)
{
    EXPECT_EQ(cli("run --auth-password wrong --expect success --json").exitCode, 4);
    EXPECT_EQ(cli("run --auth-password wrong --expect failure --json").exitCode, 0);
    EXPECT_EQ(cli("run --expect failure --json").exitCode, 4);
}

TEST(CliRun, SeveralContextsAreNumberedPerSide)
{
    const auto j = parse(cli("run --contexts 3 --interleave --json"));
    ASSERT_EQ(j["sessions"].size(), 6u);
    std::array<int, 2> next{1, 1};
    for (const auto& s : j["sessions"]) {
        const int side = s["side"] == "authenticator" ? 0 : 1;
        EXPECT_EQ(s["context"], next[side]++);
        EXPECT_EQ(s["outcome"], "success");
    }
}

TEST(CliRun, ErrorFindingExitsOneWithTheFindingInTheJson)
{
    const CliResult r = cli("run --auth md5 --peer " + testMethod("broken-packet-bad-id") + " --json");
    const CliResult a = cli("run --auth " + testMethod("broken-packet-bad-id") + " --peer md5 --json");
    EXPECT_EQ(r.exitCode, 0) << "the fault is in the authenticator role only";
    ASSERT_EQ(a.exitCode, 1) << a.out;
    const auto j = parse(a);
    ASSERT_FALSE(j["findings"].empty());
    const auto& f = j["findings"][0];
    EXPECT_EQ(f["rule"], "PACKET_BAD_ID");
    EXPECT_EQ(f["severity"], "error");
    EXPECT_EQ(f["side"], "authenticator");
    EXPECT_EQ(f["context"], 1);
    EXPECT_EQ(f["call"], "RasEapMakeMessage");
    EXPECT_FALSE(f["message"].get<std::string>().empty());
}

TEST(CliRun, LoadErrorExitsTwoWithTheLoadFinding)
{
    const CliResult r = cli("run --auth md5 --peer " + testMethod("broken-load-no-getinfo") + " --json");
    ASSERT_EQ(r.exitCode, 2) << r.out;
    const auto j = parse(r);
    ASSERT_FALSE(j["findings"].empty());
    EXPECT_EQ(j["findings"][0]["rule"], "LOAD_NO_GETINFO");
    EXPECT_EQ(j["findings"][0]["side"], "peer");
}

TEST(CliRun, UsageErrorsExitTwo)
{
    EXPECT_EQ(cli("run --contexts zero").exitCode, 2);
    EXPECT_EQ(cli("run --no-such-option").exitCode, 2);
    EXPECT_EQ(cli("run --auth /no/such/method.so --json").exitCode, 2);
}

TEST(CliRun, TextReportShowsEveryCallAndTheOutcome)
{
    const CliResult r = cli("run --auth md5 --peer md5");
    ASSERT_EQ(r.exitCode, 0);
    for (const char* text : {"RasEapBegin", "RasEapMakeMessage", "RasEapEnd", "Request/Identity", "Success",
                             "authenticator #1: success", "peer #1: success", "Findings: 0"}) {
        EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
    }
}

TEST(CliMethods, ListsTheBundledMd5WithItsTypeAndRoles)
{
    const CliResult r = cli("methods --json");
    ASSERT_EQ(r.exitCode, 0);
    const auto j = parse(r);
    bool found = false;
    for (const auto& m : j["methods"]) {
        if (m["name"] == "md5") {
            found = true;
            EXPECT_EQ(m["types"], nlohmann::json::array({4}));
            EXPECT_EQ(m["roles"], nlohmann::json::array({"authenticator", "peer"}));
        }
    }
    EXPECT_TRUE(found) << r.out;
}

TEST(CliMethods, ListsTheBundledGtcMsChapV2TlsAndPeapWithTheirTypesAndBothRoles)
{
    const CliResult r = cli("methods --json");
    ASSERT_EQ(r.exitCode, 0);
    const auto j = parse(r);
    std::map<std::string, int> expected = {{"gtc", 6}, {"mschapv2", 26}, {"tls", 13}, {"peap", 25}};
    for (const auto& m : j["methods"]) {
        const auto it = expected.find(m["name"].get<std::string>());
        if (it == expected.end()) {
            continue;
        }
        EXPECT_EQ(m["types"], nlohmann::json::array({it->second})) << it->first;
        EXPECT_EQ(m["roles"], nlohmann::json::array({"authenticator", "peer"})) << it->first;
        expected.erase(it);
    }
    EXPECT_TRUE(expected.empty()) << r.out;
}

// RasEapRolesSupported (RASEAP.md §2.5) reads the same in-process (the bundled listing) and
// through the isolated host (`methods LIBRARY`): training-keeps-password-pointer serves the peer only.
TEST(CliMethods, APeerOnlyMethodListsThePeerRoleAloneInProcessAndThroughTheHost)
{
    const CliResult bundled = cli("methods --json");
    ASSERT_EQ(bundled.exitCode, 0) << bundled.out;
    const auto listing = parse(bundled);
    nlohmann::json inProcess;
    for (const auto& m : listing["methods"]) {
        if (m["name"] == "training-keeps-password-pointer") {
            inProcess = m;
        }
    }
    ASSERT_FALSE(inProcess.is_null()) << bundled.out;
    EXPECT_EQ(inProcess["roles"], nlohmann::json::array({"peer"}));

    const CliResult hosted = cli("methods --json " + inProcess["path"].get<std::string>());
    ASSERT_EQ(hosted.exitCode, 0) << hosted.out;
    const auto isolated = parse(hosted)["methods"].at(0);  // a copy: parse() returns a temporary
    EXPECT_EQ(isolated["roles"], nlohmann::json::array({"peer"})) << hosted.out;
    EXPECT_EQ(isolated["types"], inProcess["types"]) << hosted.out;
}

// A method asked to play a role its RasEapRolesSupported leaves out ends the same way whether it
// runs in the isolated host or in-process: same exit code, outcome and findings.
TEST(CliRun, AnUnsupportedRoleEndsTheSameInProcessAndIsolated)
{
    const std::string args =
        "run --auth training-keeps-password-pointer --peer md5 --identity alice --password secret --json";
    const CliResult isolated = cli(args);
    const CliResult inProcess = cli(args + " --in-process");
    EXPECT_EQ(isolated.exitCode, inProcess.exitCode) << isolated.out << "\n" << inProcess.out;
    const auto a = parse(isolated);
    const auto b = parse(inProcess);
    EXPECT_EQ(a["outcome"], b["outcome"]);
    const auto rules = [](const nlohmann::json& j) {
        std::vector<std::string> out;
        for (const auto& f : j["findings"]) {
            out.push_back(f["rule"].get<std::string>() + " " + f["side"].get<std::string>());
        }
        return out;
    };
    EXPECT_EQ(rules(a), rules(b)) << isolated.out << "\n" << inProcess.out;
}

TEST(CliRun, MsChapV2LoopbackSucceedsWithNoFindings)
{
    const CliResult r = cli("run --auth mschapv2 --peer mschapv2 --identity alice --password secret --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_EQ(parse(r)["outcome"], "success");
}

TEST(CliRun, ConnectionDataThatIsNeitherAFileNorTextExitsTwoNamingTheOption)
{
    const CliResult r = cli("run --auth tls --peer tls --peer-user-data /nonexistent/alice.conf", true);
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("--peer-user-data: '/nonexistent/alice.conf'"), std::string::npos) << r.out;
}

TEST(CliRun, TlsWithoutCertificatesEndsInErrorAndSaysWhatIsMissing)
{
    const CliResult r = cli("run --auth tls --peer tls --auth-connection-data ca=x.pem", true);
    EXPECT_NE(r.out.find("EAP-TLS authenticator: the authenticator needs ca, cert and key"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Overall: error"), std::string::npos) << r.out;
}

}  // namespace

// Issue 14: a missing heap tracer (or host, or method folder) is an error naming the path, never
// a run that silently loses its heap events.
TEST(CliRun, AMissingHeapTracerFailsTheRunNamingThePath)
{
    const CliResult r =
        cli("run --auth training-heap-leak --peer md5 --identity alice --password secret", true);
    ASSERT_EQ(r.exitCode, 1) << r.out;  // the leak is found: the installed tracer is used
    EXPECT_NE(r.out.find("HEAP_LEAK"), std::string::npos) << r.out;
    const CliResult missing = cli("run --auth md5 --peer md5 --identity alice --password secret", true);
    ASSERT_EQ(missing.exitCode, 0) << missing.out;
    const std::string env = "EAPSCOPE_TRACER=/nonexistent/libeapscope-heaptracer.so ";
    const std::string command =
        env + std::string(EAPSCOPE_BIN_DIR) +
        "/eapscope-cli run --auth md5 --peer md5 --identity alice --password secret 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2) << out;
    EXPECT_NE(out.find("the heap tracer /nonexistent/libeapscope-heaptracer.so is missing"),
              std::string::npos)
        << out;
}

TEST(CliRun, AMissingMethodFolderIsNamed)
{
    const std::string command = "EAPSCOPE_METHODS_DIR=/nonexistent/methods " + std::string(EAPSCOPE_BIN_DIR) +
                                "/eapscope-cli run --auth nosuchmethod --peer md5 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2) << out;
    EXPECT_NE(out.find("the method folder /nonexistent/methods does not exist"), std::string::npos) << out;
}
