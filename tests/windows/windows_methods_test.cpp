// Windows x64 DLLs through eapscope-host.exe under Wine (DESIGN.md "Windows methods"): the
// Windows builds of md5 and every training method give the same findings, sides, contexts and
// calls as their Linux builds; the stranger's EAP-MD5 DLL works in both roles against the Linux
// md5 and against itself; purpose-built DLLs show each fault.
#include "windows_support.h"

#include <gtest/gtest.h>

namespace eapscope::windows_test {
namespace {

const std::string kRun = "run --identity alice --password secret --json ";

TEST(WindowsMethods, Md5DllInBothRolesAgainstLinuxMd5_SucceedsWithoutFindings)
{
    for (const std::string& pair :
         {"--auth " + windowsMethod("md5") + " --peer md5", "--auth md5 --peer " + windowsMethod("md5"),
          "--auth " + windowsMethod("md5") + " --peer " + windowsMethod("md5")}) {
        const CliRun run = cli(kRun + pair + " --contexts 3");
        ASSERT_FALSE(run.doc.is_discarded()) << pair << "\n" << describe(run);
        EXPECT_EQ(run.exitCode, 0) << pair << "\n" << describe(run);
        EXPECT_TRUE(run.doc["findings"].empty()) << pair << "\n" << run.doc["findings"].dump(2);
        ASSERT_EQ(run.doc["sessions"].size(), 6u) << describe(run);
        for (const auto& s : run.doc["sessions"]) {
            EXPECT_EQ(s.value("outcome", ""), "success") << s.dump();
            ASSERT_TRUE(s.contains("work_buffer")) << s.dump();
            EXPECT_TRUE(s["work_buffer"].value("freed", false)) << pair << " " << s.dump();
            EXPECT_GT(s["work_buffer"].value("size", 0), 0) << pair << " " << s.dump();
        }
    }
}

// `methods LIBRARY…` lists a DLL's RasEapGetInfo answers as it does a .so's, each through its
// own host; a DLL that is no method, or a file that is not there, is exit 2 naming the file.
TEST(WindowsMethods, MethodsCommand_ListsDllsLikeSharedObjects)
{
    const CliRun run = cli("methods --json " + windowsMethod("md5") + " " + linuxMethod("md5") + " " +
                           testMethod("stranger-md5", ".dll"));
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    ASSERT_EQ(run.doc["methods"].size(), 3u) << describe(run);
    for (const auto& m : run.doc["methods"]) {
        EXPECT_EQ(m["types"], nlohmann::json::array({4})) << m.dump();
        EXPECT_EQ(m["roles"], nlohmann::json::array({"authenticator", "peer"})) << m.dump();
        EXPECT_FALSE(m.contains("error")) << m.dump();
    }
    EXPECT_EQ(run.doc["methods"][0]["path"], windowsMethod("md5"));
    EXPECT_EQ(run.doc["methods"][2]["name"], "stranger-md5");

    const CliRun text = cli("methods " + windowsMethod("md5"));
    EXPECT_EQ(text.exitCode, 0) << describe(text);
    EXPECT_NE(text.out.find("md5\ttypes: 4\troles: authenticator peer\t" + windowsMethod("md5")),
              std::string::npos)
        << describe(text);
}

// RasEapRolesSupported (RASEAP.md §2.5) crosses eapscope-host.exe's wire like eapscope-host's: the
// peer-only training method lists the peer role alone in both builds.
TEST(WindowsMethods, MethodsCommand_PeerOnlyDllListsThePeerRoleAloneLikeItsSharedObject)
{
    const CliRun run = cli("methods --json " + windowsMethod("training-keeps-password-pointer") + " " +
                           linuxMethod("training-keeps-password-pointer"));
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    ASSERT_EQ(run.doc["methods"].size(), 2u) << describe(run);
    for (const auto& m : run.doc["methods"]) {
        EXPECT_EQ(m["roles"], nlohmann::json::array({"peer"})) << m.dump();
    }
}

TEST(WindowsMethods, MethodsCommand_DllThatIsNoMethodOrMissing_IsExit2NamingTheFile)
{
    const std::string notAMethod = testMethod("broken-load-no-getinfo", ".dll");
    const CliRun run = cli("methods --json " + notAMethod + " /nonexistent/nothing.dll");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    ASSERT_EQ(run.doc["methods"].size(), 2u) << describe(run);
    const auto& first = run.doc["methods"][0];
    EXPECT_NE(first.value("error", "").find(notAMethod), std::string::npos) << first.dump();
    ASSERT_EQ(first["findings"].size(), 1u) << first.dump();
    EXPECT_EQ(first["findings"][0]["rule"], "LOAD_NO_GETINFO");
    EXPECT_NE(run.doc["methods"][1].value("error", "").find("/nonexistent/nothing.dll"), std::string::npos);

    const CliRun text = cli("methods " + notAMethod);
    EXPECT_EQ(text.exitCode, 2);
    EXPECT_NE(text.err.find(notAMethod + ": does not export RasEapGetInfo"), std::string::npos)
        << describe(text);
}

// What a library allocates while it loads (a constructor; in a DLL, DllMain) is tracked: the
// per-context blocks kept through the load-time table are RETAINED, not leaked, on both hosts.
TEST(WindowsMethods, BlocksKeptThroughALoadTimeTable_AreRetainedNotLeakedInBothBuilds)
{
    for (const char* extension : {".so", ".dll"}) {
        const std::string library = testMethod("load-time-state", extension);
        const CliRun run = cli(kRun + "--auth " + library + " --peer md5 --contexts 3");
        ASSERT_FALSE(run.doc.is_discarded()) << library << "\n" << describe(run);
        EXPECT_EQ(run.exitCode, 0) << library << "\n" << describe(run);
        EXPECT_TRUE(findingsOf(run, "HEAP_LEAK").empty()) << library << "\n" << run.doc["findings"].dump(2);
        int authenticators = 0;
        for (const auto& session : run.doc["sessions"]) {
            if (session.value("side", "") != "authenticator") {
                continue;
            }
            ++authenticators;
            EXPECT_EQ(session.value("outcome", ""), "success") << session.dump();
            EXPECT_GE(session["heap"].value("allocated_blocks", 0), 2) << library << ": " << session.dump();
            EXPECT_EQ(session["heap"].value("leaked_blocks", -1), 0) << library << ": " << session.dump();
        }
        EXPECT_EQ(authenticators, 3) << describe(run);
    }
}

// `replay` takes a DLL like a .so: the captured peer's answers come back byte for byte with the
// right password, and diverge at the MD5 value with a wrong one.
TEST(WindowsMethods, ReplayThroughTheMd5Dll_MatchesTheCaptureWithTheRightPassword)
{
    const std::string capture = std::string(EAPSCOPE_SHARED_DIR) + "/captures/loopback/radius-md5.pcapng";
    const std::string replay = "replay " + capture + " --conversation 1 --as peer --method " +
                               windowsMethod("md5") + " --json --password ";
    const CliRun right = cli(replay + "password");
    ASSERT_FALSE(right.doc.is_discarded()) << describe(right);
    EXPECT_EQ(right.exitCode, 0) << describe(right);
    EXPECT_EQ(right.doc["divergences"], 0) << describe(right);
    EXPECT_EQ(right.doc["comparisons"].size(), 2u) << describe(right);
    const CliRun wrong = cli(replay + "wrong");
    ASSERT_FALSE(wrong.doc.is_discarded()) << describe(wrong);
    EXPECT_EQ(wrong.doc["divergences"], 1) << describe(wrong);
}

TEST(WindowsMethods, Md5DllWithWrongPassword_FailsWithoutFindings)
{
    const CliRun run = cli(kRun + "--auth md5 --peer " + windowsMethod("md5") + " --auth-password wrong");
    ASSERT_FALSE(run.doc.is_discarded()) << describe(run);
    EXPECT_TRUE(run.doc["findings"].empty()) << run.doc["findings"].dump(2);
    for (const auto& s : run.doc["sessions"]) {
        EXPECT_EQ(s.value("outcome", ""), "failure") << s.dump();
    }
}

TEST(WindowsMethods, StrangerMd5DllAgainstLinuxMd5AndItself_SucceedsWithoutFindings)
{
    const std::string stranger = testMethod("stranger-md5", ".dll");
    for (const std::string& pair : {"--auth " + stranger + " --peer md5", "--auth md5 --peer " + stranger,
                                    "--auth " + stranger + " --peer " + stranger}) {
        const CliRun run = cli(kRun + pair + " --type 4 --contexts 2");
        EXPECT_EQ(run.exitCode, 0) << pair << "\n" << describe(run);
        EXPECT_TRUE(run.doc["findings"].empty()) << pair << "\n" << describe(run);
    }
}

TEST(WindowsMethods, DocumentationOnlyMd5DllInBothRolesAndAgainstItself_SucceedsWithoutFindings)
{
    // windows-md5.dll: written from Microsoft's documentation and MinGW-w64's raseapif.h only.
    const std::string dll = testMethod("windows-md5", ".dll");
    for (const std::string& pair :
         {"--auth " + dll + " --peer md5", "--auth md5 --peer " + dll, "--auth " + dll + " --peer " + dll}) {
        const CliRun run = cli(kRun + pair + " --contexts 2");
        EXPECT_EQ(run.exitCode, 0) << pair << "\n" << describe(run);
        EXPECT_TRUE(run.doc["findings"].empty()) << pair << "\n" << describe(run);
        for (const auto& s : run.doc["sessions"]) {
            EXPECT_EQ(s.value("outcome", ""), "success") << s.dump();
        }
    }
}

std::string runArguments(const BuildPair& p, const std::string& library)
{
    const bool auth = p.side == "authenticator";
    return kRun + "--auth " + (auth ? library : "md5") + " --peer " + (auth ? "md5" : library) +
           " --type 4 " + p.extra;
}

class LinuxAndWindowsBuilds : public ::testing::TestWithParam<BuildPair> {};

TEST_P(LinuxAndWindowsBuilds, GiveTheSameFindingsSidesContextsAndCalls)
{
    const BuildPair& p = GetParam();
    const std::string so =
        p.training ? linuxMethod("training-" + p.name) : testMethod("broken-" + p.name, ".so");
    const std::string dll =
        p.training ? windowsMethod("training-" + p.name) : testMethod("broken-" + p.name, ".dll");
    const CliRun linux = cli(runArguments(p, so));
    const CliRun windows = cli(runArguments(p, dll));
    ASSERT_FALSE(linux.doc.is_discarded()) << describe(linux);
    ASSERT_FALSE(windows.doc.is_discarded()) << describe(windows);
    const auto expected = findingKeys(linux);
    EXPECT_FALSE(expected.empty()) << describe(linux);
    EXPECT_EQ(findingKeys(windows), expected) << "Linux build:\n"
                                              << keysText(expected) << "Windows build:\n"
                                              << keysText(findingKeys(windows)) << describe(windows);
    EXPECT_EQ(windows.exitCode, linux.exitCode) << describe(windows);
}

INSTANTIATE_TEST_SUITE_P(Training, LinuxAndWindowsBuilds, ::testing::ValuesIn(trainingPairs()), pairName);
INSTANTIATE_TEST_SUITE_P(Rules, LinuxAndWindowsBuilds, ::testing::ValuesIn(rulePairs()), pairName);

}  // namespace
}  // namespace eapscope::windows_test
