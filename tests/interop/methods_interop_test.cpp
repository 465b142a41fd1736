// The bundled gtc, mschapv2 and tls methods against the real counterparts (issue 11): as the
// peer against a private FreeRADIUS (EapScope is the NAS, `run --radius`), and as the
// authenticator behind `serve` against eapol_test. Right and wrong password or certificate;
// the MPPE keys agree (`run` compares the method's keys with the Access-Accept's MS-MPPE keys,
// a mismatch being the MPPE_KEY_MISMATCH error; eapol_test prints "MPPE keys OK").
#include "eapol_test_runner.h"
#include "eapscope_cli.h"
#include "free_radius_server.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <iterator>

using namespace eapscope;
using namespace eapscope::interop;

namespace {

/// `eapscope-cli run --peer METHOD --radius …` against `server`, expecting `expect`, recorded to
/// dir/METHOD-EXPECT.eapscope.
CliRun runPeer(const FreeRadiusServer& server, const std::string& method, const std::string& password,
               const std::string& expect, const std::filesystem::path& dir,
               std::vector<std::string> extra = {})
{
    const std::string name = method + "-" + expect + "-" + std::to_string(extra.size());
    std::vector<std::string> args = {
        "run",      "--peer",        method,       "--radius", server.address(),
        "--secret", server.secret(), "--identity", "alice",    "--password",
        password,   "--expect",      expect,       "--record", (dir / (name + ".eapscope")).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return runCli(args, dir, name);
}

/// The engine's note that the method's MPPE keys equal the Access-Accept's, from the recording
/// (`export --format csv` lists every event with its text).
bool mppeKeysOk(const std::filesystem::path& dir, const std::string& method, const std::string& expect,
                std::size_t extra = 0)
{
    const std::string name = method + "-" + expect + "-" + std::to_string(extra);
    const CliRun csv = runCli({"export", (dir / (name + ".eapscope")).string(), "--format", "csv", "-o",
                               (dir / (name + ".csv")).string()},
                              dir, name + "-export");
    std::ifstream in(dir / (name + ".csv"));
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return csv.exitCode == 0 && text.find("MPPE keys OK") != std::string::npos;
}

bool noFindings(const CliRun& run)
{
    return run.output.find("Findings: 0") != std::string::npos;
}

std::vector<std::string> tlsPeerData(const TestPki& trust, const TestPki& identity)
{
    return {"--peer-connection-data", "ca=" + trust.caCert.string() + ";server_name=" + trust.serverName,
            "--peer-user-data",
            "cert=" + identity.clientCert.string() + ";key=" + identity.clientKey.string()};
}

// ---- the method as the peer, FreeRADIUS as the server -------------------------------------

TEST(MethodsAgainstFreeRadius, Gtc_RightPasswordSucceedsWrongPasswordFails)
{
    ScopedTempDir dir("methods-interop");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun good = runPeer(*server, "gtc", "secret", "success", dir.path());
    EXPECT_EQ(good.exitCode, 0) << good.output << server->log();
    EXPECT_TRUE(noFindings(good)) << good.output;
    const CliRun bad = runPeer(*server, "gtc", "wrong", "failure", dir.path());
    EXPECT_EQ(bad.exitCode, 0) << bad.output;
}

TEST(MethodsAgainstFreeRadius, MsChapV2_RightPasswordSucceedsWithMatchingMppeKeys)
{
    ScopedTempDir dir("methods-interop");
    auto server = FreeRadiusServer::start();
    ASSERT_TRUE(server) << server.error();
    const CliRun good = runPeer(*server, "mschapv2", "secret", "success", dir.path());
    EXPECT_EQ(good.exitCode, 0) << good.output << server->log();
    EXPECT_TRUE(noFindings(good)) << good.output;  // no MPPE_KEY_MISMATCH
    EXPECT_TRUE(mppeKeysOk(dir.path(), "mschapv2", "success"));
    const CliRun bad = runPeer(*server, "mschapv2", "wrong", "failure", dir.path());
    EXPECT_EQ(bad.exitCode, 0) << bad.output;
    EXPECT_NE(bad.output.find("691"), std::string::npos) << bad.output;  // E=691 from FreeRADIUS
}

TEST(MethodsAgainstFreeRadius, Tls_FragmentedHandshakeSucceedsWithMatchingMppeKeysAndAForeignCertificateFails)
{
    ScopedTempDir dir("methods-interop");
    auto pki = TestPki::create(dir.path() / "pki");
    auto rogue = TestPki::create(dir.path() / "rogue");
    ASSERT_TRUE(pki) << pki.error();
    ASSERT_TRUE(rogue) << rogue.error();
    FreeRadiusOptions options;
    options.pki = *pki;
    auto server = FreeRadiusServer::start(options);
    ASSERT_TRUE(server) << server.error();
    const CliRun good = runPeer(*server, "tls", "", "success", dir.path(), tlsPeerData(*pki, *pki));
    EXPECT_EQ(good.exitCode, 0) << good.output << server->log();
    EXPECT_TRUE(noFindings(good)) << good.output;
    EXPECT_TRUE(mppeKeysOk(dir.path(), "tls", "success", 4));
    // FreeRADIUS sends its certificate flight in 1024-byte fragments (L and M set, then the
    // rest), which the peer acknowledged and reassembled.
    EXPECT_NE(good.output.find("[L M]"), std::string::npos) << good.output;
    // A client certificate from another CA: FreeRADIUS refuses it.
    const CliRun foreign = runPeer(*server, "tls", "", "failure", dir.path(), tlsPeerData(*pki, *rogue));
    EXPECT_EQ(foreign.exitCode, 0) << foreign.output;
    // The peer refuses a server its CA did not sign.
    const CliRun untrusted = runPeer(*server, "tls", "", "failure", dir.path(), tlsPeerData(*rogue, *pki));
    EXPECT_EQ(untrusted.exitCode, 0) << untrusted.output;
}

TEST(MethodsAgainstFreeRadius, Peap_MsChapV2InsideSucceedsAndAWrongPasswordFailsInsideTheTunnel)
{
    ScopedTempDir dir("methods-interop");
    auto pki = TestPki::create(dir.path() / "pki");
    ASSERT_TRUE(pki) << pki.error();
    FreeRadiusOptions options;
    options.pki = *pki;
    auto server = FreeRadiusServer::start(options);
    ASSERT_TRUE(server) << server.error();
    const std::vector<std::string> trust = {"--peer-connection-data",
                                            "ca=" + pki->caCert.string() + ";server_name=" + pki->serverName};
    const CliRun good = runPeer(*server, "peap", "secret", "success", dir.path(), trust);
    EXPECT_EQ(good.exitCode, 0) << good.output << server->log();
    EXPECT_TRUE(noFindings(good)) << good.output;
    EXPECT_TRUE(mppeKeysOk(dir.path(), "peap", "success", 2));
    const CliRun bad = runPeer(*server, "peap", "wrong", "failure", dir.path(), trust);
    EXPECT_EQ(bad.exitCode, 0) << bad.output;
}

// ---- the method as the authenticator behind serve, eapol_test as the supplicant ----------

struct Served {
    ScopedTempDir dir{"methods-interop"};
    std::uint16_t port = freeUdpPort();
    Result<ChildProcess> serve = makeError("not started");

    void start(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--secret", "testing123"});
        serve = startServe(args, port, dir.path());
    }
    EapolTestResult eapol(const EapolTestConfig& config, bool expectKeys, const std::string& name)
    {
        EapolTestRun run;
        run.port = port;
        run.expectKeys = expectKeys;
        return EapolTestRunner::run(config, run, dir.path(), name);
    }
    ~Served()
    {
        if (serve) {
            serve->stop(SIGTERM);
        }
    }
};

TEST(MethodsUnderEapolTest, Gtc_RightPasswordSucceedsWrongPasswordIsRejected)
{
    Served s;
    s.start({"--auth", "gtc", "--identity", "alice", "--password", "secret"});
    ASSERT_TRUE(s.serve) << s.serve.error();
    EapolTestConfig config;
    config.eap = "GTC";
    const EapolTestResult good = s.eapol(config, false, "gtc-good");
    EXPECT_EQ(good.exitCode, 0) << good.output << s.serve->output();
    EXPECT_TRUE(good.success);
    config.password = "wrong";
    const EapolTestResult bad = s.eapol(config, false, "gtc-bad");
    EXPECT_NE(bad.exitCode, 0) << bad.output;
    EXPECT_TRUE(bad.accessReject) << bad.output;
}

TEST(MethodsUnderEapolTest, MsChapV2_RightPasswordSucceedsWithMppeKeysOk)
{
    Served s;
    s.start({"--auth", "mschapv2", "--identity", "alice", "--password", "secret"});
    ASSERT_TRUE(s.serve) << s.serve.error();
    EapolTestConfig config;
    config.eap = "MSCHAPV2";
    const EapolTestResult good = s.eapol(config, true, "mschapv2-good");
    EXPECT_EQ(good.exitCode, 0) << good.output << s.serve->output();
    EXPECT_EQ(good.mppeOk, 1) << good.output;
    EXPECT_EQ(good.mppeMismatch, 0);
    config.password = "wrong";
    const EapolTestResult bad = s.eapol(config, true, "mschapv2-bad");
    EXPECT_NE(bad.exitCode, 0) << bad.output;
    EXPECT_TRUE(bad.accessReject) << bad.output;
}

TEST(MethodsUnderEapolTest, Tls_ClientCertificateSucceedsWithMppeKeysOkAForeignOneIsRejected)
{
    Served s;
    auto pki = TestPki::create(s.dir.path() / "pki");
    auto rogue = TestPki::create(s.dir.path() / "rogue");
    ASSERT_TRUE(pki) << pki.error();
    ASSERT_TRUE(rogue) << rogue.error();
    s.start({"--auth", "tls", "--auth-connection-data",
             "ca=" + pki->caCert.string() + ";cert=" + pki->serverCert.string() +
                 ";key=" + pki->serverKey.string()});
    ASSERT_TRUE(s.serve) << s.serve.error();
    EapolTestConfig config;
    config.eap = "TLS";
    config.password.reset();
    config.caCert = pki->caCert;
    config.clientCert = pki->clientCert;
    config.privateKey = pki->clientKey;
    config.domainSuffixMatch = pki->serverName;
    const EapolTestResult good = s.eapol(config, true, "tls-good");
    EXPECT_EQ(good.exitCode, 0) << good.output << s.serve->output();
    EXPECT_EQ(good.mppeOk, 1) << good.output;
    EXPECT_EQ(good.mppeMismatch, 0);
    config.clientCert = rogue->clientCert;
    config.privateKey = rogue->clientKey;
    const EapolTestResult bad = s.eapol(config, true, "tls-foreign");
    EXPECT_NE(bad.exitCode, 0) << bad.output;
    EXPECT_TRUE(bad.accessReject) << bad.output;
}

TEST(MethodsUnderEapolTest, Peap_MsChapV2InsideSucceedsWithMppeKeysOkAWrongPasswordIsRejected)
{
    Served s;
    auto pki = TestPki::create(s.dir.path() / "pki");
    ASSERT_TRUE(pki) << pki.error();
    s.start({"--auth", "peap", "--identity", "alice", "--password", "secret", "--auth-connection-data",
             "cert=" + pki->serverCert.string() + ";key=" + pki->serverKey.string()});
    ASSERT_TRUE(s.serve) << s.serve.error();
    EapolTestConfig config;
    config.eap = "PEAP";
    config.caCert = pki->caCert;
    config.domainSuffixMatch = pki->serverName;
    config.phase1 = "peapver=0";
    config.phase2 = "auth=MSCHAPV2";
    const EapolTestResult good = s.eapol(config, true, "peap-good");
    EXPECT_EQ(good.exitCode, 0) << good.output << s.serve->output();
    EXPECT_EQ(good.mppeOk, 1) << good.output;
    config.password = "wrong";
    const EapolTestResult bad = s.eapol(config, true, "peap-bad");
    EXPECT_NE(bad.exitCode, 0) << bad.output;
    EXPECT_TRUE(bad.accessReject) << bad.output;
}

}  // namespace
