#include "method/method_resolver.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace eapscope {
namespace {

class MethodResolver : public ::testing::Test {
protected:
    void SetUp() override { setenv("EAPSCOPE_METHODS_DIR", EAPSCOPE_METHODS_DIR, 1); }
    void TearDown() override { unsetenv("EAPSCOPE_METHODS_DIR"); }
};

TEST_F(MethodResolver, BundledNameResolvesToItsLibrary)
{
    const auto path = resolveMethodSpec("md5");
    ASSERT_TRUE(path.ok()) << path.error();
    EXPECT_EQ(std::filesystem::path(*path).filename(), "md5.so");
    EXPECT_TRUE(std::filesystem::path(*path).is_absolute());
}

TEST_F(MethodResolver, UnknownNameIsAnErrorNamingItAndTheKnownOnes)
{
    const auto path = resolveMethodSpec("nosuchmethod");
    ASSERT_FALSE(path.ok());
    EXPECT_NE(path.error().find("nosuchmethod"), std::string::npos);
    EXPECT_NE(path.error().find("md5"), std::string::npos);
}

TEST_F(MethodResolver, MissingPathIsAnErrorNamingIt)
{
    const auto path = resolveMethodSpec("/nonexistent/dir/foo.so");
    ASSERT_FALSE(path.ok());
    EXPECT_NE(path.error().find("/nonexistent/dir/foo.so"), std::string::npos);
}

TEST_F(MethodResolver, ExistingPathIsReturnedAbsolute)
{
    const std::string relative = std::filesystem::relative(EAPSCOPE_METHODS_DIR "/md5.so").string();
    const auto path = resolveMethodSpec(relative);
    ASSERT_TRUE(path.ok()) << path.error();
    EXPECT_EQ(*path, std::filesystem::canonical(EAPSCOPE_METHODS_DIR "/md5.so").string());
}

TEST_F(MethodResolver, ListsBundledMethods)
{
    const auto methods = listBundledMethods();
    ASSERT_FALSE(methods.empty());
    const auto md5 =
        std::find_if(methods.begin(), methods.end(), [](const auto& m) { return m.name == "md5"; });
    ASSERT_NE(md5, methods.end());
    EXPECT_TRUE(std::filesystem::exists(md5->path));
}

TEST(MethodResolverDefault, BundledDirIsNextToTheExecutable)
{
    unsetenv("EAPSCOPE_METHODS_DIR");
    EXPECT_EQ(std::filesystem::canonical(bundledMethodsDir()),
              std::filesystem::canonical(EAPSCOPE_METHODS_DIR));
}

}  // namespace
}  // namespace eapscope
