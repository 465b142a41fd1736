// Every training method through the real CLI (`eapscope-cli run … --json`, isolated hosts with
// heap tracking): its one rule fires on the right side, context and call, and nothing else at
// error severity; the bundled md5 over many contexts produces no finding at all.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using nlohmann::json;

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
    json doc;
};

std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs `eapscope-cli run <args> --json` under `timeout` so a stuck run fails instead of hanging.
CliRun runCli(const std::string& args)
{
    const auto errFile =
        std::filesystem::temp_directory_path() / ("eapscope-training-" + std::to_string(::getpid()) + ".err");
    const char* binDir = std::getenv("EAPSCOPE_CLI_DIR");  // another tree's bin/ (installed, patched)
    const std::string command = "timeout 120 " + std::string(binDir ? binDir : EAPSCOPE_BIN_DIR) +
                                "/eapscope-cli run " + args +
                                " --identity alice --password secret --json 2>" + errFile.string();
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return run;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = slurp(errFile);
    std::filesystem::remove(errFile);
    run.doc = json::parse(run.out, nullptr, false);
    return run;
}

struct Expectation {
    const char* method;  // training method name without the "training-" prefix
    const char* side;    // the side the training method plays
    const char* extra;   // further CLI arguments
    const char* rule;
    int context;       // 1-based, per side
    const char* call;  // entry point name as in the JSON
};

std::ostream& operator<<(std::ostream& out, const Expectation& e)
{
    return out << e.method;
}

std::string describe(const CliRun& run)
{
    return "exit " + std::to_string(run.exitCode) + "\nstdout:\n" + run.out.substr(0, 6000) + "\nstderr:\n" +
           run.err.substr(0, 3000);
}

class TrainingMethod : public ::testing::TestWithParam<Expectation> {};

TEST_P(TrainingMethod, BreaksExactlyItsRuleOnItsSideContextAndCall)
{
    const Expectation& e = GetParam();
    const std::string spec = std::string("training-") + e.method;
    const bool auth = std::string(e.side) == "authenticator";
    const CliRun run =
        runCli("--auth " + (auth ? spec : "md5") + " --peer " + (auth ? "md5" : spec) + " " + e.extra);
    ASSERT_FALSE(run.doc.is_discarded()) << "stdout is not one JSON document\n" << describe(run);
    EXPECT_EQ(run.exitCode, 1) << "error findings exit with 1\n" << describe(run);
    ASSERT_TRUE(run.doc.contains("findings")) << describe(run);

    bool found = false;
    for (const json& f : run.doc["findings"]) {
        const std::string rule = f.value("rule", "");
        if (rule == e.rule && f.value("side", "") == e.side && f.value("context", 0) == e.context &&
            f.value("call", "") == e.call) {
            found = true;
        }
        if (f.value("severity", "") == "error") {
            EXPECT_EQ(rule, e.rule) << "only " << e.rule << " may be an error finding: " << f.dump();
        }
    }
    EXPECT_TRUE(found) << e.rule << " on the " << e.side << " side, context " << e.context << ", " << e.call
                       << " is missing\n"
                       << describe(run);
}

INSTANTIATE_TEST_SUITE_P(
    Cli, TrainingMethod,
    ::testing::Values(
        Expectation{"heap-leak", "authenticator", "--contexts 2", "HEAP_LEAK", 2, "RasEapEnd"},
        Expectation{"workbuffer-not-freed", "peer", "", "WORKBUFFER_NOT_FREED", 1, "RasEapEnd"},
        Expectation{"packet-overflow", "authenticator", "", "PACKET_OVERFLOW", 1, "RasEapMakeMessage"},
        Expectation{"crash-in-end", "peer", "", "CRASH", 1, "RasEapEnd"},
        Expectation{"hang-in-makemessage", "authenticator", "--watchdog-ms 1500", "HANG", 1,
                    "RasEapMakeMessage"},
        Expectation{"cross-context-free", "authenticator", "--contexts 2 --interleave", "CROSS_CONTEXT_FREE",
                    2, "RasEapBegin"},
        Expectation{"reused-identifier", "authenticator", "", "PACKET_BAD_ID", 1, "RasEapMakeMessage"},
        Expectation{"keeps-password-pointer", "peer", "", "INPUT_USED_AFTER_CALL", 1, "RasEapMakeMessage"},
        Expectation{"success-with-failure-code", "authenticator", "", "RESULT_INCONSISTENT", 1,
                    "RasEapMakeMessage"},
        Expectation{"resend-differs", "authenticator", "--drop-packet 3", "RESEND_DIFFERS", 1,
                    "RasEapMakeMessage"}),
    [](const ::testing::TestParamInfo<Expectation>& param) {
        std::string name = param.param.method;
        for (char& c : name)
            if (c == '-')
                c = '_';
        return name;
    });

TEST(TrainingHeapFindings, HeapLeakCarriesBytesBlocksAndItsContext)
{
    const CliRun run = runCli("--auth training-heap-leak --peer md5 --contexts 3");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    int leaks = 0;
    for (const json& f : run.doc["findings"]) {
        if (f.value("rule", "") != "HEAP_LEAK")
            continue;
        ++leaks;
        EXPECT_EQ(f.value("side", ""), "authenticator");
        EXPECT_EQ(f.value("bytes", 0), 64) << f.dump();
        EXPECT_EQ(f.value("blocks", 0), 1) << f.dump();
    }
    EXPECT_EQ(leaks, 3) << "one leak per context\n" << describe(run);
}

TEST(TrainingHeapFindings, WorkBufferNotFreedIsShownInItsSession)
{
    const CliRun run = runCli("--auth md5 --peer training-workbuffer-not-freed");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    bool seen = false;
    for (const json& s : run.doc["sessions"]) {
        if (s.value("side", "") != "peer")
            continue;
        ASSERT_TRUE(s.contains("work_buffer")) << s.dump();
        EXPECT_FALSE(s["work_buffer"].value("freed", true)) << s.dump();
        EXPECT_GT(s["work_buffer"].value("size", 0), 0) << s.dump();
        seen = true;
    }
    EXPECT_TRUE(seen) << describe(run);
}

TEST(TrainingBaseline, BundledMd5OverManyContexts_HasNoFindingAndFreesEveryWorkBuffer)
{
    const CliRun run = runCli("--auth md5 --peer md5 --contexts 25");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_TRUE(run.doc["findings"].empty()) << run.doc["findings"].dump(2);
    ASSERT_EQ(run.doc["sessions"].size(), 50u) << describe(run);
    for (const json& s : run.doc["sessions"]) {
        EXPECT_EQ(s.value("outcome", ""), "success") << s.dump();
        ASSERT_TRUE(s.contains("work_buffer") && s.contains("heap")) << s.dump();
        EXPECT_TRUE(s["work_buffer"].value("freed", false)) << s.dump();
        EXPECT_GT(s["work_buffer"].value("size", 0), 0) << s.dump();
        EXPECT_GT(s["heap"].value("allocated_bytes", 0), 0) << s.dump();
        EXPECT_EQ(s["heap"].value("leaked_bytes", -1), 0) << s.dump();
    }
}

TEST(TrainingBaseline, BundledMd5Interleaved_HasNoFinding)
{
    const CliRun run = runCli("--auth md5 --peer md5 --contexts 4 --interleave");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_TRUE(run.doc["findings"].empty()) << run.doc["findings"].dump(2);
}

}  // namespace
