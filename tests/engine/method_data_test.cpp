// RasEapBegin's connection/user data from the command line: a FILE or inline key=value text,
// and clear errors for anything else (engine/method_data.h).
#include "engine/method_data.h"
#include "trace/trace.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace eapscope {
namespace {

TEST(MethodData, AFileIsReadAsItIs)
{
    const auto path =
        std::filesystem::temp_directory_path() / ("eapscope-data-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << "ca=ca.pem\ncert=me.pem\n";
    const auto data = readMethodData("--peer-user-data", path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(data) << data.error();
    EXPECT_EQ(std::string(data->begin(), data->end()), "ca=ca.pem\ncert=me.pem\n");
}

TEST(MethodData, KeyValueTextIsTakenAsItIs)
{
    const auto data = readMethodData("--auth-connection-data", "ca=/x/ca.pem;cert=/x/s.pem");
    ASSERT_TRUE(data) << data.error();
    EXPECT_EQ(std::string(data->begin(), data->end()), "ca=/x/ca.pem;cert=/x/s.pem");
    EXPECT_TRUE(readMethodData("--peer-user-data", "")->empty());
}

TEST(MethodData, AMissingFileOrADirectoryIsAnErrorNamingTheOption)
{
    const auto missing = readMethodData("--peer-user-data", "/nonexistent/client.conf");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().find("--peer-user-data"), std::string::npos);
    EXPECT_NE(missing.error().find("/nonexistent/client.conf"), std::string::npos);
    const auto directory = readMethodData("--peer-connection-data", "/tmp");
    ASSERT_FALSE(directory);
    EXPECT_NE(directory.error().find("not a regular file"), std::string::npos);
}

TEST(MethodData, ApplyFillsEachSideAndRecordsOnlyWhereItCameFrom)
{
    RunOptions options;
    options.authConnectionData = "cert=s.pem;key=s.key;key_password=hunter2";
    options.peerUserData = "cert=c.pem";
    EngineConfig config;
    Trace trace;
    ASSERT_TRUE(applyMethodData(options, config, trace));
    EXPECT_EQ(config.authenticator.connectionData.size(), options.authConnectionData.size());
    EXPECT_TRUE(config.peer.connectionData.empty());
    EXPECT_EQ(config.peer.userData.size(), options.peerUserData.size());
    // Inline text may hold a key password: the session keeps its size, not its content.
    EXPECT_EQ(trace.option("auth-connection-data"), "inline text, 41 bytes");
    EXPECT_FALSE(trace.option("peer-connection-data").has_value());
}

}  // namespace
}  // namespace eapscope
