// MethodLibrary / InProcessExecutor::load against tiny libraries broken in one way each.
#include "method/in_process_executor.h"
#include "method/method_library.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace eapscope {
namespace {

std::string testMethod(const std::string& name)
{
    return std::string(EAPSCOPE_TEST_METHODS_DIR) + "/" + name + ".so";
}

LoadReport load(const std::string& path, std::optional<std::uint32_t> type = std::nullopt)
{
    MethodLibrary library;
    return library.open(LoadRequest{path, "", type});
}

bool hasFinding(const LoadReport& report, const std::string& rule)
{
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const auto& finding) { return finding.rule == rule; });
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

TEST(Loader, NonLibraryFileIsAClearErrorNamingTheFile)
{
    const auto path = std::filesystem::temp_directory_path() / "eapscope-loader-not-a-library.so";
    std::ofstream(path) << "this is a text file\n";
    const LoadReport report = load(path.string());
    std::filesystem::remove(path);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(contains(report.error, path.string())) << report.error;
    EXPECT_TRUE(contains(report.error, "not a loadable shared library")) << report.error;
}

TEST(Loader, LibraryWithoutGetInfoReportsLoadNoGetInfo)
{
    const LoadReport report = load(testMethod("method-no-getinfo"), 4);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(hasFinding(report, "LOAD_NO_GETINFO"));
    EXPECT_TRUE(contains(report.error, "method-no-getinfo.so")) << report.error;
}

TEST(Loader, LibraryAnsweringAnotherTypeReportsTypeMismatch)
{
    const LoadReport report = load(testMethod("method-wrong-type"), 4);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(hasFinding(report, "LOAD_TYPE_MISMATCH"));
    EXPECT_TRUE(contains(report.error, "dwEapTypeId 5")) << report.error;
}

TEST(Loader, FailingGetInfoReportsGetInfoFailed)
{
    const LoadReport withType = load(testMethod("method-getinfo-fails"), 4);
    EXPECT_FALSE(withType.ok);
    EXPECT_TRUE(hasFinding(withType, "LOAD_GETINFO_FAILED"));
    EXPECT_TRUE(contains(withType.error, "50")) << withType.error;  // ERROR_NOT_SUPPORTED

    const LoadReport probed = load(testMethod("method-getinfo-fails"));
    EXPECT_FALSE(probed.ok);
    EXPECT_TRUE(hasFinding(probed, "LOAD_GETINFO_FAILED"));
    EXPECT_TRUE(probed.answeredTypes.empty());
}

TEST(Loader, SeveralAnsweredTypesRequireTypeOption)
{
    const LoadReport probed = load(testMethod("method-several-types"));
    EXPECT_FALSE(probed.ok);
    EXPECT_EQ(probed.answeredTypes, (std::vector<std::uint32_t>{4, 6}));
    EXPECT_TRUE(contains(probed.error, "4, 6")) << probed.error;
    EXPECT_TRUE(contains(probed.error, "--type")) << probed.error;

    const LoadReport chosen = load(testMethod("method-several-types"), 6);
    EXPECT_TRUE(chosen.ok) << chosen.error;
    EXPECT_EQ(chosen.eapType, 6u);
}

TEST(Loader, WritingPastEapInfoReportsInfoOverrun)
{
    const LoadReport report = load(testMethod("method-info-overrun"), 4);
    EXPECT_TRUE(hasFinding(report, "LOAD_INFO_OVERRUN"));
    const LoadReport clean = load(testMethod("method-several-types"), 4);
    EXPECT_FALSE(hasFinding(clean, "LOAD_INFO_OVERRUN"));
}

TEST(Loader, NullMakeMessageReportsLoadNoMakeMessage)
{
    const LoadReport report = load(testMethod("method-no-makemessage"), 4);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(hasFinding(report, "LOAD_NO_MAKEMESSAGE"));
}

TEST(Loader, EntryPointOutsideTheModuleImageIsNoted)
{
    const LoadReport report = load(testMethod("method-foreign-pointer"), 4);
    ASSERT_TRUE(report.ok) << report.error;
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_TRUE(contains(report.notes[0], "RasEapEnd points outside the module image")) << report.notes[0];
    EXPECT_FALSE(report.hasBegin);
    EXPECT_TRUE(load(testMethod("method-several-types"), 4).notes.empty());
}

TEST(Loader, ProbingFindsTheSingleTypeOfMd5)
{
    const LoadReport report = load(std::string(EAPSCOPE_METHODS_DIR) + "/md5.so");
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.eapType, 4u);
    EXPECT_EQ(report.answeredTypes, (std::vector<std::uint32_t>{4}));
    EXPECT_TRUE(report.findings.empty());
    EXPECT_TRUE(report.notes.empty());
    EXPECT_FALSE(report.hasInitialize);
    EXPECT_TRUE(report.hasBegin && report.hasEnd && report.hasMakeMessage);
    EXPECT_EQ(report.sha256.size(), 64u);
    EXPECT_EQ(report.name, "md5.so");
}

TEST(Loader, ReportsExportsAndRoles)
{
    const LoadReport md5 = load(std::string(EAPSCOPE_METHODS_DIR) + "/md5.so");
    EXPECT_EQ(md5.exports, (std::vector<std::string>{"RasEapGetInfo", "RasEapRolesSupported"}));
    EXPECT_TRUE(md5.rolesExported);
    EXPECT_EQ(md5.roles, 3u);

    const LoadReport authOnly = load(testMethod("method-authenticator-only"), 4);
    EXPECT_TRUE(authOnly.rolesExported);
    EXPECT_EQ(authOnly.roles, 1u);

    const LoadReport noExport = load(testMethod("method-several-types"), 4);
    EXPECT_FALSE(noExport.rolesExported);
    EXPECT_EQ(noExport.roles, 3u);  // absent = both roles (RASEAP.md §2.5)
}

TEST(Loader, Sha256MatchesTheFile)
{
    // sha256 of the same file twice is stable and differs between different files.
    const LoadReport a = load(std::string(EAPSCOPE_METHODS_DIR) + "/md5.so");
    const LoadReport b = load(std::string(EAPSCOPE_METHODS_DIR) + "/md5.so");
    const LoadReport c = load(testMethod("method-several-types"), 4);
    EXPECT_EQ(a.sha256, b.sha256);
    EXPECT_NE(a.sha256, c.sha256);
}

TEST(Loader, InProcessExecutorHonoursNullInitialize)
{
    InProcessExecutor executor;
    const LoadReport report = executor.load({std::string(EAPSCOPE_METHODS_DIR) + "/md5.so", "md5", 4});
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.name, "md5");
    const CallOutcome init = executor.initialize(true);
    EXPECT_EQ(init.result, 0u);
    EXPECT_TRUE(init.skipped);
    EXPECT_EQ(init.entry, EntryPoint::Initialize);
    EXPECT_EQ(executor.initialize(false).entry, EntryPoint::Uninitialize);
    executor.unload();
    executor.unload();                                     // idempotent
    EXPECT_NE(executor.begin(BeginRequest{}).result, 0u);  // nothing loaded any more
}

}  // namespace
}  // namespace eapscope
