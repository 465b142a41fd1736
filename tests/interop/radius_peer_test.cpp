// `eapscope-cli run --peer md5 --radius …` against the real FreeRADIUS 3.2 (EapScope as the
// NAS): the right password authenticates, a wrong one is rejected, a server that does not
// answer gives RADIUS_NO_RESPONSE, and the recorded session keeps the RADIUS packets with the
// shared secret redacted.
#include "eapscope_cli.h"
#include "free_radius_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

using namespace eapscope::interop;

namespace {

nlohmann::json lastJson(const std::string& output)
{
    const auto at = output.find("{\n");
    return at == std::string::npos ? nlohmann::json()
                                   : nlohmann::json::parse(output.substr(at), nullptr, false);
}

std::string outcomeOf(const nlohmann::json& j, const std::string& side)
{
    for (const auto& s : j["sessions"]) {
        if (s["side"] == side) {
            return s["outcome"];
        }
    }
    return "absent";
}

// A UDP port that receives and never answers: a RADIUS server that is down or does not know us.
class BlackHole {
public:
    BlackHole()
    {
        fd_ = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t size = sizeof a;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &size);
        port_ = ntohs(a.sin_port);
    }
    ~BlackHole() { close(fd_); }
    [[nodiscard]] std::uint16_t port() const { return port_; }
    std::vector<std::vector<std::uint8_t>> drain()
    {
        std::vector<std::vector<std::uint8_t>> out;
        pollfd p{fd_, POLLIN, 0};
        while (poll(&p, 1, 0) == 1) {
            std::vector<std::uint8_t> d(4096);
            d.resize(static_cast<std::size_t>(std::max<ssize_t>(0, recv(fd_, d.data(), d.size(), 0))));
            out.push_back(std::move(d));
        }
        return out;
    }

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST(InteropRadiusPeer, Md5AgainstFreeRadius_RightPasswordSucceeds)
{
    ScopedTempDir dir("radius-peer");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun r =
        runCli({"run", "--peer", "md5", "--radius", server->address(), "--secret", server->secret(),
                "--identity", "alice", "--password", "secret", "--json", "--expect", "success"},
               dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.output << server->log();
    const auto j = lastJson(r.output);
    EXPECT_EQ(j["outcome"], "success");
    EXPECT_EQ(outcomeOf(j, "peer"), "success");
    EXPECT_EQ(outcomeOf(j, "authenticator"), "success");  // the RADIUS server's lane: Access-Accept
    EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
}

TEST(InteropRadiusPeer, Md5AgainstFreeRadius_WrongPasswordIsRejected)
{
    ScopedTempDir dir("radius-peer");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun r =
        runCli({"run", "--peer", "md5", "--radius", server->address(), "--secret", server->secret(),
                "--identity", "alice", "--password", "wrong", "--json", "--expect", "failure"},
               dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.output << server->log();
    const auto j = lastJson(r.output);
    EXPECT_EQ(outcomeOf(j, "peer"), "failure");
    EXPECT_EQ(outcomeOf(j, "authenticator"), "failure");
    EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
}

TEST(InteropRadiusPeer, ServerThatDoesNotAnswer_GivesRadiusNoResponse)
{
    ScopedTempDir dir("radius-peer");
    BlackHole hole;
    const CliRun r =
        runCli({"run", "--peer", "md5", "--radius", "127.0.0.1:" + std::to_string(hole.port()), "--secret",
                "testing123", "--radius-timeout-ms", "200", "--radius-retries", "2", "--json"},
               dir.path());
    ASSERT_EQ(r.exitCode, 1) << r.output;  // an error finding
    const auto j = lastJson(r.output);
    ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
    EXPECT_EQ(j["findings"][0]["rule"], "RADIUS_NO_RESPONSE");
    EXPECT_EQ(outcomeOf(j, "peer"), "error");  // it answered the NAS's Request/Identity, then nothing came
    const auto sent = hole.drain();
    ASSERT_EQ(sent.size(), 3u);  // one Access-Request and two retransmissions, identical
    EXPECT_EQ(sent[0], sent[2]);
}

TEST(InteropRadiusPeer, WrongSharedSecret_LooksLikeNoAnswer)
{
    ScopedTempDir dir("radius-peer");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun r =
        runCli({"run", "--peer", "md5", "--radius", server->address(), "--secret", "not-the-secret",
                "--radius-timeout-ms", "300", "--radius-retries", "1", "--json"},
               dir.path());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("RADIUS_NO_RESPONSE"), std::string::npos) << r.output;
}

TEST(InteropRadiusPeer, RecordedSession_KeepsRadiusPacketsAndRedactsTheSecret)
{
    ScopedTempDir dir("radius-peer");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const auto file = (dir.path() / "radius.eapscope").string();
    const CliRun r = runCli({"run", "--peer", "md5", "--radius", server->address(), "--secret",
                             server->secret(), "--record", file},
                            dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const CliRun inspect = runCli({"inspect", file, "--json"}, dir.path(), "inspect");
    ASSERT_EQ(inspect.exitCode, 0) << inspect.output;
    const auto j = lastJson(inspect.output);
    ASSERT_TRUE(j["file"].contains("options")) << inspect.output;
    std::string secret;
    for (const auto& option : j["file"]["options"]) {  // [key, value] pairs
        if (option[0] == "secret") {
            secret = option[1];
        }
    }
    EXPECT_EQ(secret.rfind("[REDACTED", 0), 0u) << j["file"].dump();
    EXPECT_EQ(inspect.output.find(server->secret()), std::string::npos);
    const CliRun csv = runCli({"export", file, "--format", "csv", "-o", (dir.path() / "events.csv").string()},
                              dir.path(), "export");
    ASSERT_EQ(csv.exitCode, 0) << csv.output;
    std::ifstream events(dir.path() / "events.csv");
    const std::string text((std::istreambuf_iterator<char>(events)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Access-Challenge"), std::string::npos);
    EXPECT_NE(text.find("Access-Accept"), std::string::npos);
}
