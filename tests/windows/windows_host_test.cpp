// eapscope-host.exe's own behaviour under Wine: crashes become CRASH with the exception code and
// the faulting module+offset, exits keep their status, hangs are HANG; and a DLL that cannot be
// a method — 32-bit, not a method, imports that cannot be resolved, no Wine on the machine — gets
// a clear message naming the file and what to do, with exit code 2.
#include "windows_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace eapscope::windows_test {
namespace {

std::string faultsRun(const std::string& extra = "")
{
    const std::string dll = testMethod("host-faults", ".dll");
    return "run --auth " + dll + " --peer " + dll + " --type 200 --json " + extra;
}

std::string fault(const char* spec)
{
    return std::string("EAPSCOPE_TEST_FAULT=") + spec;
}

TEST(WindowsHostFaults, AccessViolation_IsCrashWithExceptionCodeAndFaultingModule)
{
    const CliRun run = cli(faultsRun(), fault("segv@make-auth"));
    EXPECT_EQ(run.exitCode, 1) << describe(run);
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << describe(run);
    EXPECT_EQ(crashes[0]["side"], "authenticator");
    EXPECT_EQ(crashes[0]["call"], "RasEapMakeMessage");
    const std::string message = crashes[0]["message"];
    EXPECT_NE(message.find("0xC0000005"), std::string::npos) << message;
    EXPECT_NE(message.find("access violation"), std::string::npos) << message;
    EXPECT_NE(message.find("host-faults.dll+0x"), std::string::npos) << message;
    EXPECT_EQ(crashes[0].value("exception_code", ""), "0xC0000005") << crashes[0].dump();
    EXPECT_FALSE(crashes[0].contains("signal")) << crashes[0].dump();
}

TEST(WindowsHostFaults, StackOverflow_IsCrashWithItsExceptionCode)
{
    const CliRun run = cli(faultsRun(), fault("stack@begin-peer"));
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << describe(run);
    EXPECT_EQ(crashes[0]["call"], "RasEapBegin");
    EXPECT_NE(crashes[0]["message"].get<std::string>().find("0xC00000FD"), std::string::npos)
        << describe(run);
    EXPECT_EQ(crashes[0].value("exception_code", ""), "0xC00000FD") << crashes[0].dump();
}

TEST(WindowsHostFaults, Abort_IsCrashOnItsCall)
{
    const CliRun run = cli(faultsRun(), fault("abort@end-peer"));
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << describe(run);
    EXPECT_EQ(crashes[0]["call"], "RasEapEnd");
    EXPECT_NE(crashes[0]["message"].get<std::string>().find("abort()"), std::string::npos) << describe(run);
    EXPECT_EQ(crashes[0].value("exception_code", ""), "0x40000015")
        << crashes[0].dump();  // STATUS_FATAL_APP_EXIT
}

TEST(WindowsHostFaults, ExitFromTheMethod_CarriesItsExitStatus)
{
    const CliRun run = cli(faultsRun(), fault("exit@begin-peer"));
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << describe(run);
    EXPECT_EQ(crashes[0]["call"], "RasEapBegin");
    EXPECT_EQ(crashes[0]["exit_status"], 3) << describe(run);
    EXPECT_FALSE(crashes[0].contains("exception_code")) << "an exit is no exception: " << crashes[0].dump();
}

TEST(WindowsHostFaults, ExitInGetInfo_IsCrashOnGetInfo)
{
    const CliRun run = cli(faultsRun(), fault("exit@getinfo"));
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto crashes = findingsOf(run, "CRASH");
    ASSERT_EQ(crashes.size(), 1u) << describe(run);
    EXPECT_EQ(crashes[0]["call"], "RasEapGetInfo");
    EXPECT_NE(crashes[0]["message"].get<std::string>().find("exit status 3"), std::string::npos)
        << describe(run);
}

TEST(WindowsHostFaults, Hang_IsHangWithinTheWatchdog)
{
    const CliRun run = cli(faultsRun("--watchdog-ms 1500"), fault("hang@make-peer"));
    EXPECT_EQ(run.exitCode, 1) << describe(run);
    const auto hangs = findingsOf(run, "HANG");
    ASSERT_EQ(hangs.size(), 1u) << describe(run);
    EXPECT_EQ(hangs[0]["side"], "peer");
}

TEST(WindowsHostFaults, PrintingMethod_DoesNotDisturbTheProtocol)
{
    const CliRun run = cli(faultsRun(), fault("print@make"));
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_TRUE(run.doc["findings"].empty()) << describe(run);
}

TEST(WindowsLoadErrors, ThirtyTwoBitDll_NamesTheFileAndSaysBuildForX64)
{
    // A PE32 image: md5.dll with the machine set to i386 and the optional header magic to PE32.
    const auto path = std::filesystem::path(EAPSCOPE_BINARY_DIR) / "tests" / "windows-md5-x86.dll";
    std::filesystem::copy_file(windowsMethod("md5"), path, std::filesystem::copy_options::overwrite_existing);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    char offset[4] = {};
    file.seekg(0x3C);
    file.read(offset, 4);
    const auto pe = static_cast<std::streamoff>(static_cast<unsigned char>(offset[0]) |
                                                (static_cast<unsigned char>(offset[1]) << 8));
    file.seekp(pe + 4);
    file.write("\x4c\x01", 2);
    file.seekp(pe + 24);
    file.write("\x0b\x01", 2);
    file.close();
    const CliRun run = cli("run --auth md5 --peer " + path.string() + " --json");
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto failed = findingsOf(run, "LOAD_LIBRARY_FAILED");
    ASSERT_EQ(failed.size(), 1u) << describe(run);
    const std::string message = failed[0]["message"];
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("32-bit"), std::string::npos) << message;
    EXPECT_NE(message.find("build it for x64"), std::string::npos) << message;
}

TEST(WindowsLoadErrors, DllThatIsNotAMethod_IsLoadNoGetInfo)
{
    const std::string dll = testMethod("not-a-method", ".dll");
    const CliRun run = cli("run --auth md5 --peer " + dll + " --type 4 --json");
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto missing = findingsOf(run, "LOAD_NO_GETINFO");
    ASSERT_EQ(missing.size(), 1u) << describe(run);
    EXPECT_NE(missing[0]["message"].get<std::string>().find(dll), std::string::npos) << describe(run);
}

TEST(WindowsLoadErrors, UnresolvableImport_NamesTheMissingDll)
{
    const std::string dll = testMethod("broken-load-library-failed", ".dll");
    const CliRun run = cli("run --auth md5 --peer " + dll + " --type 4 --json");
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto failed = findingsOf(run, "LOAD_LIBRARY_FAILED");
    ASSERT_EQ(failed.size(), 1u) << describe(run);
    const std::string message = failed[0]["message"];
    EXPECT_NE(message.find(dll), std::string::npos) << message;
    EXPECT_NE(message.find("eapscope-missing-dep.dll"), std::string::npos) << message;
    EXPECT_NE(message.find("error 126"), std::string::npos) << message;
}

TEST(WindowsLoadErrors, NoWine_SaysHowToInstallIt)
{
    const CliRun run =
        cli("run --auth md5 --peer " + windowsMethod("md5") + " --json", "EAPSCOPE_WINE=/nonexistent/wine64");
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto failed = findingsOf(run, "LOAD_LIBRARY_FAILED");
    ASSERT_EQ(failed.size(), 1u) << describe(run);
    const std::string message = failed[0]["message"];
    EXPECT_NE(message.find(windowsMethod("md5")), std::string::npos) << message;
    EXPECT_NE(message.find("wine64"), std::string::npos) << message;
    EXPECT_NE(message.find("/nonexistent/wine64"), std::string::npos) << message;
}

// Wine that ends before the host's handshake (a wineserver going away as the client connects)
// is started again: a launcher that fails its first start and runs wine64 the second time
// gives a normal run. One that always fails is reported after the last attempt, naming it.
TEST(WindowsLoadErrors, WineThatEndsBeforeTheHandshake_IsStartedAgain)
{
    const auto dir =
        std::filesystem::temp_directory_path() / ("eapscope-flaky-wine-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto launcher = dir / "wine64";
    const auto count = dir / "starts";
    {
        std::ofstream script(launcher);
        script << "#!/bin/sh\n"
               << "echo start >> '" << count.string() << "'\n"
               << "[ \"$(wc -l < '" << count.string()
               << "')\" -ge 2 ] || { echo 'wine: no server' >&2; exit 1; }\n"
               << "exec /usr/lib/wine/wine64 \"$@\"\n";
    }
    std::filesystem::permissions(launcher, std::filesystem::perms::owner_all);
    const CliRun run =
        cli("run --identity alice --password secret --json --auth md5 --peer " + windowsMethod("md5"),
            "EAPSCOPE_WINE=" + launcher.string());
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_TRUE(run.doc["findings"].empty()) << describe(run);
    EXPECT_EQ(slurp(count), "start\nstart\n");

    const CliRun never =
        cli("run --json --auth md5 --peer " + windowsMethod("md5"), "EAPSCOPE_WINE=/bin/false");
    EXPECT_EQ(never.exitCode, 2) << describe(never);
    const auto failed = findingsOf(never, "LOAD_LIBRARY_FAILED");
    ASSERT_EQ(failed.size(), 1u) << describe(never);
    EXPECT_NE(failed[0]["message"].get<std::string>().find("/bin/false"), std::string::npos)
        << describe(never);
    std::filesystem::remove_all(dir);
}

// Running a DLL leaves the user's HOME alone apart from EapScope's own cache (where the default
// Wine prefix lives): Wine's menu builder used to write menu and desktop-entry folders
// (~/.config/menus, ~/.local/share/applications, mime, desktop-directories) when it made the
// prefix. A fresh HOME without WINEPREFIX makes the host create that default prefix.
TEST(WindowsHostStart, LeavesNothingInTheUsersHomeOutsideItsCache)
{
    const auto home =
        std::filesystem::temp_directory_path() / ("eapscope-wine-home-" + std::to_string(::getpid()));
    std::filesystem::remove_all(home);
    std::filesystem::create_directories(home);
    const CliRun run =
        cli("run --identity alice --password secret --json --auth md5 --peer " + windowsMethod("md5"),
            "env -u WINEPREFIX -u XDG_CACHE_HOME HOME=" + home.string());
    EXPECT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_TRUE(std::filesystem::exists(home / ".cache/eapscope/wine/drive_c")) << describe(run);
    std::vector<std::string> outside;
    for (auto it = std::filesystem::recursive_directory_iterator(home);
         it != std::filesystem::recursive_directory_iterator(); ++it) {
        const std::string relative = it->path().lexically_relative(home).string();
        if (relative == ".cache/eapscope" || relative == ".cache") {
            if (relative == ".cache/eapscope") {
                it.disable_recursion_pending();
            }
            continue;
        }
        outside.push_back(relative);
    }
    EXPECT_TRUE(outside.empty()) << "left in HOME: " << testing::PrintToString(outside);
    std::filesystem::remove_all(home);
}

TEST(WindowsLoadErrors, InProcessMode_RefusesADllWithAClearMessage)
{
    const CliRun run = cli("run --auth md5 --peer " + windowsMethod("md5") + " --in-process --json");
    EXPECT_EQ(run.exitCode, 2) << describe(run);
    const auto failed = findingsOf(run, "LOAD_LIBRARY_FAILED");
    ASSERT_EQ(failed.size(), 1u) << describe(run);
    EXPECT_NE(failed[0]["message"].get<std::string>().find("without --in-process"), std::string::npos);
}

}  // namespace
}  // namespace eapscope::windows_test
