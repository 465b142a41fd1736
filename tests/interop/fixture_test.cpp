// The interop helpers against the real programs: a private FreeRADIUS comes up on a free port
// and goes away by pid, eapol_test authenticates against it (MD5 and EAP-TLS with the test
// PKI), and EapScope's RADIUS codec talks to it directly (its authenticators are accepted and
// FreeRADIUS's verify).
#include "eapol_test_runner.h"
#include "free_radius_server.h"
#include "radius/radius_authenticator.h"
#include "radius/radius_packet.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace eapscope;
using namespace eapscope::interop;

namespace {

// One UDP exchange with 127.0.0.1:port; empty when nothing came back within `waitMs`.
radius::Bytes exchange(std::uint16_t port, const radius::Bytes& request, int waitMs)
{
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(port);
    sendto(fd, request.data(), request.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    pollfd p{fd, POLLIN, 0};
    radius::Bytes reply;
    if (poll(&p, 1, waitMs) == 1) {
        reply.resize(4096);
        const ssize_t n = recv(fd, reply.data(), reply.size(), 0);
        reply.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    }
    close(fd);
    return reply;
}

radius::RadiusPacket identityRequest()
{
    radius::RadiusPacket p;
    p.code = radius::AccessRequest;
    p.identifier = 42;
    p.authenticator = radius::randomAuthenticator();
    p.addText(radius::UserName, "alice");
    p.add(radius::NasIpAddress, radius::Bytes{127, 0, 0, 1});
    p.addText(radius::CallingStationId, "02-00-00-00-00-01");
    p.setEapMessage(radius::Bytes{2, 1, 0, 10, 1, 'a', 'l', 'i', 'c', 'e'});
    return p;
}

}  // namespace

TEST(InteropConfig, ReplaceListenBlocks_DropsEveryListenerAndPutsOneWhereTheFirstWas)
{
    const std::string config =
        "server default {\n"
        "listen {\n\ttype = auth\n\t# a { brace in a comment\n\tlimit {\n\t\tx = 1\n\t}\n}\n"
        "#listen { commented out }\n"
        "listen {\n\ttype = acct\n}\n"
        "authorize {\n}\n}\n";
    const std::string out = replaceListenBlocks(config, "listen { port = 5 }\n");
    EXPECT_EQ(out, "server default {\nlisten { port = 5 }\n#listen { commented out }\nauthorize {\n}\n}\n");
    EXPECT_EQ(replaceListenBlocks("listen {\n}\nx\n", {}), "x\n");
}

TEST(InteropFreeRadius, StartsOnAFreeLoopbackPortAndStopsByPid)
{
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    EXPECT_TRUE(udpPortBound(server->port()));
    const pid_t pid = server->pid();
    EXPECT_FALSE(processGone(pid));
    const std::string log = server->log();
    EXPECT_NE(log.find("Listening on auth address 127.0.0.1 port " + std::to_string(server->port())),
              std::string::npos)
        << log;
    EXPECT_EQ(log.find("port 18120"), std::string::npos) << "the inner tunnel's listener must be gone";
    EXPECT_EQ(log.find("acct address"), std::string::npos) << "no accounting listener";
    EXPECT_TRUE(server->stop());
    EXPECT_TRUE(processGone(pid));
}

TEST(InteropFreeRadius, EapolTestMd5_RightPasswordSucceedsWrongPasswordIsRejected)
{
    ScopedTempDir dir("interop");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    EapolTestRun run;
    run.port = server->port();
    run.expectKeys = false;  // EAP-MD5 derives no keys
    EapolTestConfig config;
    const EapolTestResult good = EapolTestRunner::run(config, run, dir.path(), "good");
    EXPECT_EQ(good.exitCode, 0) << good.output;
    EXPECT_TRUE(good.success);
    config.password = "wrong";
    const EapolTestResult bad = EapolTestRunner::run(config, run, dir.path(), "bad");
    EXPECT_EQ(bad.exitCode, 253) << bad.output;
    EXPECT_FALSE(bad.success);
    EXPECT_TRUE(bad.accessReject);
}

TEST(InteropFreeRadius, EapolTestTls_WithTheTestPkiDerivesMatchingMppeKeys)
{
    ScopedTempDir dir("interop");
    auto pki = TestPki::create(dir.path() / "pki");
    ASSERT_TRUE(pki) << pki.error();
    FreeRadiusOptions options;
    options.pki = *pki;
    auto server = FreeRadiusServer::start(options);
    ASSERT_TRUE(server) << server.error();
    EapolTestConfig config;
    config.eap = "TLS";
    config.password.reset();
    config.caCert = pki->caCert;
    config.clientCert = pki->clientCert;
    config.privateKey = pki->clientKey;
    config.domainSuffixMatch = pki->serverName;
    EapolTestRun run;
    run.port = server->port();
    const EapolTestResult r = EapolTestRunner::run(config, run, dir.path(), "tls");
    EXPECT_EQ(r.exitCode, 0) << r.output << server->log();
    EXPECT_EQ(r.mppeOk, 1);
    EXPECT_EQ(r.mppeMismatch, 0);
}

TEST(InteropCodec, FreeRadiusAcceptsOurSignedRequestAndWeVerifyItsChallenge)
{
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const radius::RadiusPacket request = identityRequest();
    auto bytes = radius::signRequest(request, server->secret());
    ASSERT_TRUE(bytes);
    const radius::Bytes reply = exchange(server->port(), *bytes, 5000);
    ASSERT_FALSE(reply.empty()) << server->log();
    EXPECT_TRUE(radius::verifyResponse(reply, request.authenticator, server->secret()));
    auto challenge = radius::decodePacket(reply);
    ASSERT_TRUE(challenge);
    EXPECT_EQ(challenge->code, radius::AccessChallenge);
    EXPECT_EQ(challenge->identifier, 42);
    EXPECT_NE(challenge->find(radius::State), nullptr);
    const radius::Bytes eap = challenge->eapMessage();
    ASSERT_GE(eap.size(), 5u);
    EXPECT_EQ(eap[0], 1);  // Request
    EXPECT_EQ(eap[4], 4);  // MD5-Challenge: Debian's default_eap_type
    EXPECT_FALSE(radius::verifyResponse(reply, request.authenticator, "testing124"));
}

TEST(InteropCodec, FreeRadiusDropsARequestSignedWithAnotherSecret)
{
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    auto bytes = radius::signRequest(identityRequest(), "not-the-secret");
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(exchange(server->port(), *bytes, 1500).empty());
    // And the same request with the right secret is answered: the silence above was the secret.
    auto good = radius::signRequest(identityRequest(), server->secret());
    EXPECT_FALSE(exchange(server->port(), *good, 5000).empty()) << server->log();
}
