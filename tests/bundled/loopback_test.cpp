// The bundled gtc, mschapv2 and tls methods against themselves through the real engine, both
// roles: right and wrong password or certificate, MPPE keys that agree between the sides, no
// contract findings, several interleaved contexts, fragmentation and bad configuration.
#include "key_capture.h"

#include "../pki/test_pki.h"
#include "engine/session_runner.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace eapscope {
namespace {

using testing::KeyCapture;
using testing::mppeKeysOf;

std::string bundled(const std::string& name)
{
    return std::string(EAPSCOPE_METHODS_DIR) + "/" + name + ".so";
}

struct Loopback {
    Trace trace;
    RunSummary summary;
    KeyCapture* auth = nullptr;  // owned by the run below; kept alive in `executors`
    KeyCapture* peer = nullptr;
    std::vector<std::unique_ptr<MethodExecutor>> kept;
};

std::unique_ptr<Loopback> run(const RunOptions& options)
{
    auto r = std::make_unique<Loopback>();
    auto summary = runSession(options, r->trace, [&r](Side side) {
        auto executor = std::make_unique<KeyCapture>();
        (side == Side::Authenticator ? r->auth : r->peer) = executor.get();
        // The engine owns the executor it gets; hand it a forwarding shell so the captures
        // outlive the run.
        struct Forward : MethodExecutor {
            explicit Forward(MethodExecutor* to) : to_(to) {}
            LoadReport load(const LoadRequest& q) override { return to_->load(q); }
            CallOutcome initialize(bool i) override { return to_->initialize(i); }
            CallOutcome begin(const BeginRequest& q) override { return to_->begin(q); }
            CallOutcome makeMessage(const MakeMessageRequest& q) override { return to_->makeMessage(q); }
            CallOutcome end(std::uint32_t t, std::uint64_t w) override { return to_->end(t, w); }
            void unload() override { to_->unload(); }
            MethodExecutor* to_;
        };
        auto forward = std::make_unique<Forward>(executor.get());
        r->kept.push_back(std::move(executor));
        return forward;
    });
    EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error());
    if (summary.ok()) {
        r->summary = *summary;
    }
    return r;
}

RunOptions options(const std::string& method)
{
    RunOptions o;
    o.authSpec = bundled(method);
    o.peerSpec = bundled(method);
    o.identity = "alice";
    o.password = "secret";
    return o;
}

std::string findingsText(const Trace& trace)
{
    std::string s;
    for (const auto& f : trace.findings()) {
        s += f.rule + " (" + std::string(toString(f.side)) + "): " + f.message + "\n";
    }
    return s;
}

void expectAll(const Loopback& r, Outcome outcome, std::size_t sides = 2)
{
    ASSERT_EQ(r.summary.outcomes.size(), sides);
    for (const auto& o : r.summary.outcomes) {
        EXPECT_EQ(o.outcome, outcome) << toString(o.side) << " #" << o.number << ": " << o.message;
    }
}

/// Every conversation's keys agree: authenticator Send = peer Recv and the other way round.
void expectKeysAgree(const Loopback& r, std::size_t keyLength, std::size_t conversations = 1)
{
    ASSERT_EQ(r.auth->results.size(), conversations);
    ASSERT_EQ(r.peer->results.size(), conversations);
    auto a = r.auth->results.begin();
    auto p = r.peer->results.begin();
    for (; a != r.auth->results.end(); ++a, ++p) {
        const auto authKeys = mppeKeysOf(a->second.outputAttributes);
        const auto peerKeys = mppeKeysOf(p->second.outputAttributes);
        ASSERT_TRUE(authKeys.has_value()) << "the authenticator reported no MPPE keys";
        ASSERT_TRUE(peerKeys.has_value()) << "the peer reported no MPPE keys";
        EXPECT_EQ(authKeys->send.size(), keyLength);
        EXPECT_EQ(authKeys->send, peerKeys->recv);
        EXPECT_EQ(authKeys->recv, peerKeys->send);
        EXPECT_NE(authKeys->send, authKeys->recv);
    }
}

// ---- GTC ------------------------------------------------------------------------------------

TEST(GtcLoopback, RightPasswordSucceedsWithNoFindings)
{
    const auto r = run(options("gtc"));
    expectAll(*r, Outcome::Success);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
}

TEST(GtcLoopback, WrongPasswordFailsBothSidesWithNoFindings)
{
    RunOptions o = options("gtc");
    o.authPassword = "other";
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
}

TEST(GtcLoopback, InterleavedContextsAllSucceed)
{
    RunOptions o = options("gtc");
    o.contexts = 4;
    o.interleave = true;
    const auto r = run(o);
    expectAll(*r, Outcome::Success, 8);
}

// ---- MSCHAPv2 -------------------------------------------------------------------------------

TEST(MsChapV2Loopback, RightPasswordSucceedsAndMppeKeysAgree)
{
    const auto r = run(options("mschapv2"));
    expectAll(*r, Outcome::Success);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    expectKeysAgree(*r, 16);
}

TEST(MsChapV2Loopback, WrongPasswordFailsWithE691AndNoKeys)
{
    RunOptions o = options("mschapv2");
    o.authPassword = "other";
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    for (const auto& outcome : r->summary.outcomes) {
        EXPECT_EQ(outcome.resultCode, 691u) << toString(outcome.side);
    }
    ASSERT_EQ(r->peer->results.size(), 1u);
    EXPECT_FALSE(mppeKeysOf(r->peer->results.begin()->second.outputAttributes).has_value());
}

TEST(MsChapV2Loopback, DomainUserAndUnicodePasswordSucceed)
{
    RunOptions o = options("mschapv2");
    o.identity = "CORP\\alice";
    o.password = "pässwörd€";
    const auto r = run(o);
    expectAll(*r, Outcome::Success);
    expectKeysAgree(*r, 16);
}

TEST(MsChapV2Loopback, InterleavedContextsHaveTheirOwnKeys)
{
    RunOptions o = options("mschapv2");
    o.contexts = 3;
    o.interleave = true;
    const auto r = run(o);
    expectAll(*r, Outcome::Success, 6);
    expectKeysAgree(*r, 16, 3);
}

// ---- TLS ------------------------------------------------------------------------------------

class TlsLoopback : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ =
            std::filesystem::temp_directory_path() / ("eapscope-tls-loopback-" + std::to_string(::getpid()));
        pki_ = testing::makeTestPki(dir_);
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

    static RunOptions tls(const std::string& clientCert, const std::string& clientKey)
    {
        RunOptions o = options("tls");
        o.authConnectionData = pki_.serverData();
        o.peerConnectionData = "ca=" + pki_.ca.string() + "\nserver_name=server.test";
        o.peerUserData = "cert=" + clientCert + "\nkey=" + clientKey;
        return o;
    }
    static RunOptions good() { return tls(pki_.clientCert.string(), pki_.clientKey.string()); }

    static inline std::filesystem::path dir_;
    static inline testing::TestPki pki_;
};

TEST_F(TlsLoopback, MutualAuthenticationSucceedsAndMppeKeysAgree)
{
    const auto r = run(good());
    expectAll(*r, Outcome::Success);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    expectKeysAgree(*r, 32);
}

TEST_F(TlsLoopback, SmallFragmentsReassembleOnBothSides)
{
    RunOptions o = good();
    o.authConnectionData += "fragment_size=100\n";
    o.peerUserData += ";fragment_size=64";
    const auto r = run(o);
    expectAll(*r, Outcome::Success);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    expectKeysAgree(*r, 32);
    // Fragmentation shows on the wire: far more packets than the ~8 of an unfragmented exchange.
    std::size_t packets = 0;
    for (EventKind kind : r->trace.kinds()) {
        packets += kind == EventKind::Packet ? 1 : 0;
    }
    EXPECT_GT(packets, 30u);
}

TEST_F(TlsLoopback, ClientCertificateFromAnotherCaFails)
{
    const auto r = run(tls(pki_.rogueCert.string(), pki_.rogueKey.string()));
    expectAll(*r, Outcome::Failure);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    EXPECT_TRUE(r->auth->results.empty() ||
                !mppeKeysOf(r->auth->results.begin()->second.outputAttributes).has_value());
}

TEST_F(TlsLoopback, ExpiredClientCertificateFails)
{
    const auto r = run(tls(pki_.expiredCert.string(), pki_.expiredKey.string()));
    expectAll(*r, Outcome::Failure);
}

TEST_F(TlsLoopback, PeerRejectsAServerItsCaDidNotSign)
{
    RunOptions o = good();
    o.peerConnectionData = "ca=" + pki_.rogueCa.string();
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
}

TEST_F(TlsLoopback, PeerRejectsAServerWithAnotherName)
{
    RunOptions o = good();
    o.peerConnectionData = "ca=" + pki_.ca.string() + "\nserver_name=other.test";
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
}

TEST_F(TlsLoopback, InterleavedContextsHaveTheirOwnKeys)
{
    RunOptions o = good();
    o.contexts = 3;
    o.interleave = true;
    const auto r = run(o);
    expectAll(*r, Outcome::Success, 6);
    expectKeysAgree(*r, 32, 3);
}

TEST_F(TlsLoopback, MissingCertificateFailsBeginWithAnError)
{
    RunOptions o = good();
    o.authConnectionData = "ca=" + pki_.ca.string();  // no cert, no key
    const auto r = run(o);
    ASSERT_FALSE(r->summary.outcomes.empty());
    EXPECT_EQ(r->summary.overall, "error");
}

TEST_F(TlsLoopback, UnreadableCertificateFileFailsBegin)
{
    RunOptions o = good();
    o.peerUserData = "cert=/nonexistent/client.pem;key=" + pki_.clientKey.string();
    const auto r = run(o);
    EXPECT_EQ(r->summary.overall, "error");
}

// ---- PEAP (PEAPv0 with EAP-MSCHAPv2 inside) -------------------------------------------------

class PeapLoopback : public TlsLoopback {
protected:
    static RunOptions peap()
    {
        RunOptions o = options("peap");
        o.authConnectionData = "cert=" + pki_.serverCert.string() + "\nkey=" + pki_.serverKey.string();
        o.peerConnectionData = "ca=" + pki_.ca.string() + "\nserver_name=server.test";
        return o;
    }
};

TEST_F(PeapLoopback, RightPasswordSucceedsAndTlsKeysAgree)
{
    const auto r = run(peap());
    expectAll(*r, Outcome::Success);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    expectKeysAgree(*r, 32);
}

TEST_F(PeapLoopback, WrongPasswordFailsInsideTheTunnelWith691)
{
    RunOptions o = peap();
    o.authPassword = "other";
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
    EXPECT_TRUE(r->trace.findings().empty()) << findingsText(r->trace);
    for (const auto& outcome : r->summary.outcomes) {
        EXPECT_EQ(outcome.resultCode, 691u) << toString(outcome.side);
    }
}

TEST_F(PeapLoopback, PeerRejectsAServerItsCaDidNotSign)
{
    RunOptions o = peap();
    o.peerConnectionData = "ca=" + pki_.rogueCa.string();
    const auto r = run(o);
    expectAll(*r, Outcome::Failure);
}

TEST_F(PeapLoopback, InterleavedContextsWithSmallFragmentsHaveTheirOwnKeys)
{
    RunOptions o = peap();
    o.authConnectionData += "\nfragment_size=120";
    o.contexts = 3;
    o.interleave = true;
    const auto r = run(o);
    expectAll(*r, Outcome::Success, 6);
    expectKeysAgree(*r, 32, 3);
}

}  // namespace
}  // namespace eapscope
