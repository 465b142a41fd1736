// `run --jobs N` and `replay --jobs N` (issue 13, "Scale past one process"): every training
// method and every rule test method gives with two jobs what it gives with one (rule, side,
// context, call and message of each finding, the sessions in order, the exit code); the session
// file of a two-job run opens with all contexts in order; a replay of several conversations
// compares the same on two jobs; option combinations that cannot be split are refused naming
// the option. The Windows DLL runs each shard in its own Wine host.
#include "windows_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <vector>

namespace eapscope::windows_test {
namespace {

using Finding = std::tuple<std::string, std::string, int, std::string, std::string>;

// Heap addresses differ between any two runs (ASLR), with one job as with two.
std::string withoutAddresses(const std::string& message)
{
    static const std::regex address("0x[0-9a-fA-F]+");
    return std::regex_replace(message, address, "0x…");
}

std::vector<Finding> findings(const CliRun& run)
{
    std::vector<Finding> out;
    if (run.doc.is_discarded() || !run.doc.contains("findings")) {
        return out;
    }
    for (const auto& f : run.doc["findings"]) {
        out.emplace_back(f.value("rule", ""), f.value("side", ""),
                         f["context"].is_number() ? f["context"].get<int>() : 0,
                         f["call"].is_string() ? f["call"].get<std::string>() : std::string(),
                         withoutAddresses(f.value("message", "")));
    }
    // Per-host findings (load, initialisation) come where each shard's host had them.
    std::sort(out.begin(), out.end());
    return out;
}

// side, context and outcome of every session, in report order.
std::vector<std::string> sessions(const CliRun& run)
{
    std::vector<std::string> out;
    if (run.doc.is_discarded() || !run.doc.contains("sessions")) {
        return out;
    }
    for (const auto& s : run.doc["sessions"]) {
        out.push_back(s.value("side", "") + " #" + std::to_string(s.value("context", 0)) + " " +
                      s.value("outcome", "") + " " + s.value("message", ""));
    }
    return out;
}

std::string text(const std::vector<Finding>& findings)
{
    std::string out;
    for (const auto& [rule, side, context, call, message] : findings) {
        out += rule + " " + side + " #" + std::to_string(context) + " " + call + ": " + message + "\n";
    }
    return out.empty() ? "(none)\n" : out;
}

std::string withoutOption(std::string arguments, const std::string& option)
{
    const std::size_t at = arguments.find(option);
    if (at == std::string::npos) {
        return arguments;
    }
    std::size_t end = at + option.size();
    if (option != "--interleave") {  // skip the option's value
        end = arguments.find_first_not_of(' ', end);
        end = std::min(arguments.size(), arguments.find(' ', end));
    }
    return arguments.erase(at, end - at);
}

// Four contexts, so that two jobs really split the run (contexts 1-2 and 3-4).
std::string fourContexts(const BuildPair& p, const std::string& library)
{
    const bool auth = p.side == "authenticator";
    const std::string extra = withoutOption(p.extra, "--contexts");
    return "run --identity alice --password secret --json --auth " + (auth ? library : "md5") + " --peer " +
           (auth ? "md5" : library) + " --type 4 --contexts 4 " + extra;
}

void expectSameRun(const std::string& arguments, const std::string& jobs = "2")
{
    const CliRun one = cli(arguments + " --jobs 1");
    const CliRun two = cli(arguments + " --jobs " + jobs);
    ASSERT_FALSE(one.doc.is_discarded()) << arguments << "\n" << describe(one);
    ASSERT_FALSE(two.doc.is_discarded()) << arguments << "\n" << describe(two);
    EXPECT_EQ(findings(two), findings(one)) << arguments << "\n--jobs 1:\n"
                                            << text(findings(one)) << "--jobs 2:\n"
                                            << text(findings(two)) << describe(two);
    EXPECT_EQ(sessions(two), sessions(one)) << arguments;
    EXPECT_EQ(two.exitCode, one.exitCode) << arguments << "\n" << describe(two);
    EXPECT_EQ(two.doc.value("outcome", ""), one.doc.value("outcome", "")) << arguments;
}

class JobsOfEveryMethod : public ::testing::TestWithParam<BuildPair> {};

TEST_P(JobsOfEveryMethod, TwoJobsGiveTheFindingsSessionsAndExitCodeOfOne)
{
    const BuildPair& p = GetParam();
    const std::string so =
        p.training ? linuxMethod("training-" + p.name) : testMethod("broken-" + p.name, ".so");
    std::string arguments = fourContexts(p, so);
    for (const std::string option : {"--interleave", "--drop-packet"}) {
        if (arguments.find(option) == std::string::npos) {
            continue;
        }
        // Per-run options refuse a split, naming themselves; the method is compared without them.
        const CliRun refused = cli(arguments + " --jobs 2");
        EXPECT_EQ(refused.exitCode, 2) << describe(refused);
        EXPECT_NE(refused.err.find("--jobs 2 cannot be combined with " + option), std::string::npos)
            << describe(refused);
        arguments = withoutOption(arguments, option);
    }
    expectSameRun(arguments);
}

INSTANTIATE_TEST_SUITE_P(Training, JobsOfEveryMethod, ::testing::ValuesIn(trainingPairs()), pairName);
INSTANTIATE_TEST_SUITE_P(Rules, JobsOfEveryMethod, ::testing::ValuesIn(rulePairs()), pairName);

TEST(Jobs, CrossContextFreeInterleavedOnOneJob_IsStillFound)
{
    // The one combination --jobs refuses keeps working on one job (its finding needs both contexts).
    const std::string arguments = "run --json --auth " + linuxMethod("training-cross-context-free") +
                                  " --peer md5 --contexts 2 --interleave --jobs 1";
    const CliRun run = cli(arguments);
    EXPECT_EQ(run.exitCode, 1) << describe(run);
    EXPECT_FALSE(findingsOf(run, "CROSS_CONTEXT_FREE").empty()) << describe(run);
}

TEST(Jobs, WindowsDllOnTwoJobs_EachShardInItsOwnWineHost_GivesTheFindingsOfOne)
{
    expectSameRun(
        fourContexts(BuildPair{"heap-leak", "authenticator", ""}, windowsMethod("training-heap-leak")));
}

TEST(Jobs, FewerContextsThanJobs_RunsOneShardPerContext)
{
    expectSameRun("run --json --auth " + linuxMethod("training-heap-leak") + " --peer md5 --contexts 3", "8");
    const CliRun one = cli("run --json --auth md5 --peer md5 --contexts 1 --jobs 4");
    EXPECT_EQ(one.exitCode, 0) << describe(one);
    EXPECT_EQ(one.doc["sessions"].size(), 2u) << describe(one);
}

TEST(Jobs, RecordedTwoJobSession_OpensWithEveryContextInOrder)
{
    const auto file = std::filesystem::temp_directory_path() /
                      ("eapscope-jobs-" + std::to_string(::getpid()) + ".eapscope");
    std::filesystem::remove(file);
    const CliRun run = cli("run --json --auth " + linuxMethod("training-heap-leak") +
                           " --peer md5 --contexts 5 --jobs 2 --record " + file.string());
    EXPECT_EQ(run.exitCode, 1) << describe(run);
    const CliRun inspect = cli("inspect --json " + file.string());
    std::filesystem::remove(file);
    ASSERT_FALSE(inspect.doc.is_discarded()) << describe(inspect);
    EXPECT_EQ(inspect.exitCode, 1) << "the file has the run's error findings\n" << describe(inspect);
    EXPECT_TRUE(inspect.doc["file"].value("complete", false)) << inspect.doc["file"].dump();
    std::vector<std::string> order;
    for (const auto& s : inspect.doc["sessions"]) {
        order.push_back(s.value("side", "") + " #" + std::to_string(s.value("context", 0)));
    }
    std::vector<std::string> expected;
    for (int n = 1; n <= 5; ++n) {
        expected.push_back("authenticator #" + std::to_string(n));
        expected.push_back("peer #" + std::to_string(n));
    }
    EXPECT_EQ(order, expected) << describe(inspect);
    EXPECT_EQ(findings(inspect), findings(run)) << "the file holds what the run reported";
    EXPECT_EQ(findingsOf(inspect, "HEAP_LEAK").size(), 5u) << describe(inspect);
}

TEST(Jobs, ReplayOfSeveralConversationsOnTwoJobs_ComparesAsOnOne)
{
    // Two EAP-MD5 conversations of steve (password "testing"): the first was rejected, the second
    // accepted, so the first diverges at the MD5 value and the second matches.
    const std::string replay = "replay " + std::string(EAPSCOPE_SHARED_DIR) +
                               "/captures/public/zeek-radius_localhost.pcap --conversation all --as peer "
                               "--method md5 --password testing --json";
    const CliRun one = cli(replay + " --jobs 1");
    const CliRun two = cli(replay + " --jobs 2");
    ASSERT_FALSE(one.doc.is_discarded()) << describe(one);
    ASSERT_FALSE(two.doc.is_discarded()) << describe(two);
    ASSERT_EQ(one.doc["replays"].size(), 2u) << describe(one);
    EXPECT_EQ(one.doc["divergences"], 1) << describe(one);
    EXPECT_EQ(one.exitCode, 1) << describe(one);
    EXPECT_EQ(two.exitCode, one.exitCode) << describe(two);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = one.doc["replays"][i];
        const auto& b = two.doc["replays"][i];
        EXPECT_EQ(b["conversation"], i + 1);
        EXPECT_EQ(b["comparisons"], a["comparisons"]) << i;
        EXPECT_EQ(b["outcome"], a["outcome"]) << i;
        EXPECT_EQ(b["divergences"], a["divergences"]) << i;
    }
}

TEST(Jobs, BadJobCountsAndUnsplittableOptions_ExitTwoNamingTheProblem)
{
    for (const std::string& bad : {"0", "two", "-1", "1000"}) {
        const CliRun run = cli("run --auth md5 --peer md5 --jobs " + bad);
        EXPECT_EQ(run.exitCode, 2) << bad << "\n" << describe(run);
        EXPECT_NE(run.err.find("--jobs"), std::string::npos) << describe(run);
        EXPECT_NE(run.err.find("whole number from 1 to 256"), std::string::npos) << describe(run);
        const CliRun replay = cli("replay x.pcap --method md5 --jobs " + bad);
        EXPECT_EQ(replay.exitCode, 2) << bad << "\n" << describe(replay);
    }
    const CliRun inProcess = cli("run --json --auth md5 --peer md5 --contexts 4 --in-process --jobs 2");
    EXPECT_EQ(inProcess.exitCode, 2) << describe(inProcess);
    EXPECT_NE(inProcess.err.find("--jobs 2 cannot be combined with --in-process"), std::string::npos)
        << describe(inProcess);
    EXPECT_EQ(inProcess.doc.value("error", "").empty(), false) << describe(inProcess);
    const CliRun radius = cli("run --peer md5 --radius 127.0.0.1:1 --secret s --jobs 2");
    EXPECT_EQ(radius.exitCode, 2) << describe(radius);
    EXPECT_NE(radius.err.find("cannot be combined with --radius"), std::string::npos) << describe(radius);
}

}  // namespace
}  // namespace eapscope::windows_test
