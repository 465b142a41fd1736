// The CLI end to end (issue 4 parts 2, 3, 5, 6): a real md5 loopback run recorded with
// `run --record`, reopened as the same trace, inspected and exported; a recording killed with
// SIGKILL mid-run, then inspected; the password absent from the file in every encoding.
#include "store/session_reader.h"
#include "store_test_util.h"

#include "common/hex.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>

namespace eapscope {
namespace {

const std::string kCli = std::string(EAPSCOPE_BIN_DIR) + "/eapscope-cli";
constexpr const char* kPassword = "Zebra-Quartz-77-secret";

struct Output {
    int exitCode = -1;
    std::string out;
};

pid_t spawn(std::vector<std::string> args, const std::string& stdoutPath)
{
    args.insert(args.begin(), kCli);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

Output runCli(const std::vector<std::string>& args, const testing::TempDir& dir)
{
    const std::string out = dir.file("stdout.txt");
    const pid_t pid = spawn(args, out);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const auto bytes = testing::readBytes(out);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
            std::string(bytes.begin(), bytes.end())};
}

std::vector<std::string> recordArgs(const std::string& file, const std::string& contexts)
{
    return {"run",        "--auth",  "md5",        "--peer", "md5",      "--identity", "alice",
            "--password", kPassword, "--contexts", contexts, "--record", file,         "--json"};
}

TEST(StoreCli, RecordedRun_ReopensWithTheSameCallsPacketsAndFindings)
{
    testing::TempDir dir;
    const std::string file = dir.file("run.eapscope");
    const Output run = runCli(recordArgs(file, "2"), dir);
    ASSERT_TRUE(run.exitCode == 0 || run.exitCode == 1) << run.out;
    const auto runJson = nlohmann::json::parse(run.out);

    auto trace = readSession(file);
    ASSERT_TRUE(trace) << trace.error();
    EXPECT_FALSE(sessionIsIncomplete(trace.value()));
    EXPECT_EQ(trace->size(), runJson["events"].get<std::size_t>());
    EXPECT_EQ(trace->methods().size(), 2u);
    EXPECT_GT(trace->packetCount(), 0u);

    const Output inspect = runCli({"inspect", file, "--json"}, dir);
    EXPECT_EQ(inspect.exitCode, run.exitCode) << "inspect exits as run did: 1 with error findings";
    const auto inspectJson = nlohmann::json::parse(inspect.out);
    EXPECT_EQ(inspectJson["sessions"], runJson["sessions"]);
    EXPECT_EQ(inspectJson["findings"], runJson["findings"]);
    EXPECT_EQ(inspectJson["events"], runJson["events"]);
    EXPECT_EQ(inspectJson["outcome"], runJson["outcome"]);
    EXPECT_EQ(inspectJson["file"]["complete"], true);

    const Output csv = runCli({"export", file, "--format", "csv"}, dir);
    ASSERT_EQ(csv.exitCode, 0);
    EXPECT_EQ(static_cast<std::size_t>(std::count(csv.out.begin(), csv.out.end(), '\n')), trace->size() + 1);
    const Output json = runCli({"export", file, "--format", "json"}, dir);
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(json.out).size(), trace->size());
}

TEST(StoreCli, RecordedRun_PasswordAbsentInEveryEncoding)
{
    testing::TempDir dir;
    const std::string file = dir.file("run.eapscope");
    const int exitCode = runCli(recordArgs(file, "1"), dir).exitCode;
    ASSERT_TRUE(exitCode == 0 || exitCode == 1);
    const auto bytes = testing::readBytes(file);
    const std::string pw = kPassword;
    std::string le;
    std::string be;
    for (char c : pw) {
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    auto hex = [](const std::string& s) {
        return toHex({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
    };
    for (const std::string& needle : {pw, le, be, hex(pw), hex(le), hex(be)}) {
        EXPECT_EQ(std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end()), bytes.end())
            << needle;
    }
}

TEST(StoreCli, RecordingKilledMidRun_InspectsAsIncomplete)
{
    testing::TempDir dir;
    const std::string file = dir.file("killed.eapscope");
    const pid_t pid = spawn(recordArgs(file, "100000"), dir.file("run.txt"));
    std::size_t seen = 0;
    for (int poll = 0; poll < 3000 && seen < 500; ++poll) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (std::filesystem::exists(file)) {
            if (auto read = readSession(file)) {
                seen = read->size();
            }
        }
    }
    ASSERT_GE(seen, 500u) << "the run never committed events";
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));

    const Output inspect = runCli({"inspect", file, "--json"}, dir);
    ASSERT_TRUE(inspect.exitCode == 0 || inspect.exitCode == 1) << inspect.out;
    const auto report = nlohmann::json::parse(inspect.out);
    EXPECT_EQ(report["file"]["complete"], false);
    EXPECT_GE(report["events"].get<std::size_t>(), seen);
}

TEST(StoreCli, Inspect_ExitCodes)
{
    testing::TempDir dir;
    EXPECT_EQ(runCli({"inspect", dir.file("missing.eapscope")}, dir).exitCode, 2);
    testing::writeBytes(dir.file("junk.eapscope"),
                        {'n', 'o', 't', ' ', 'a', ' ', 's', 'e', 's', 's', 'i', 'o', 'n'});
    EXPECT_EQ(runCli({"inspect", dir.file("junk.eapscope")}, dir).exitCode, 2);
    EXPECT_EQ(runCli({"export", dir.file("junk.eapscope"), "--format", "csv"}, dir).exitCode, 2);

    // A training method that leaks: error findings, so inspect exits 1 like run did.
    const std::string file = dir.file("leak.eapscope");
    const Output run = runCli(
        {"run", "--auth", "training-heap-leak", "--peer", "md5", "--password", "secret", "--record", file},
        dir);
    ASSERT_EQ(run.exitCode, 1) << run.out;
    EXPECT_EQ(runCli({"inspect", file}, dir).exitCode, 1);
    const std::string clean = dir.file("clean.eapscope");
    // In process there is no heap tracking, so a correct md5 loopback has no error findings.
    ASSERT_EQ(runCli({"run", "--in-process", "--record", clean}, dir).exitCode, 0);
    EXPECT_EQ(runCli({"inspect", clean}, dir).exitCode, 0);
}

}  // namespace
}  // namespace eapscope
