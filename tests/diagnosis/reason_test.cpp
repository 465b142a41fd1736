// Every reason of the catalogue with a conversation that triggers it and one that does not
// (CONVENTIONS.md: every diagnosis reason has both), on hand-made packets.
#include "capture/capture_trace.h"
#include "diagnosis/capture_diagnosis.h"
#include "diagnosis_packets.h"
#include "eap/eap_types.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

using namespace testing_packets;

constexpr std::uint8_t kReq = 1, kResp = 2, kSuccess = 3, kFailure = 4;
constexpr std::uint16_t kSuite = 0xC02F;

ConversationDiagnosis diagnose(const std::vector<Step>& steps, std::int64_t epoch = 1'765'000'000)
{
    CaptureImport capture = conversation(steps, epoch);
    EXPECT_EQ(capture.conversations.size(), 1u);
    return diagnoseConversation(capture, 0);
}

const Reason* find(const ConversationDiagnosis& d, std::string_view id)
{
    auto it = std::find_if(d.reasons.begin(), d.reasons.end(), [&](const Reason& r) { return r.id == id; });
    return it == d.reasons.end() ? nullptr : &*it;
}

std::string detail(const Reason& r, std::string_view key)
{
    for (const auto& [k, v] : r.details()) {
        if (k == key)
            return v;
    }
    return "<absent>";
}

std::vector<Step> with(std::vector<Step> steps, std::initializer_list<Step> more)
{
    double t = steps.empty() ? 0 : steps.back().seconds;
    for (Step step : more) {
        t += 0.01;
        if (step.seconds == 0)
            step.seconds = t;
        t = step.seconds;
        steps.push_back(step);
    }
    return steps;
}

std::vector<Step> md5(std::uint8_t result)
{
    return with(identityExchange(), {{true, eap(kReq, 2, 4, join({{16}, Bytes(16, 7)}))},
                                     {false, eap(kResp, 2, 4, join({{16}, Bytes(16, 9)}))},
                                     {true, eap(result, 2)}});
}

Bytes mschapFailure(const std::string& message)
{
    Bytes body = join({Bytes{4, 3, 0, 0}, text(message)});
    std::size_t msLength = body.size();
    body[2] = static_cast<std::uint8_t>(msLength >> 8);
    body[3] = static_cast<std::uint8_t>(msLength);
    return eap(kReq, 4, eap_type::kMschapv2, body);
}

std::vector<Step> mschap(const std::string& failure)
{
    return with(identityExchange(),
                {{true, eap(kReq, 2, 26, join({{1, 2, 0, 26, 16}, Bytes(16, 1), text("srv")}))},
                 {false, eap(kResp, 2, 26, join({{2, 2, 0, 59, 49}, Bytes(49, 2), text("alice")}))},
                 {true, mschapFailure(failure)},
                 {false, eap(kResp, 4, 26, {4})},
                 {true, eap(kFailure, 4)}});
}

// EAP-TLS up to the server's first flight; `peerAnswer` is what the peer sends back.
std::vector<Step> tlsUntilServerFlight(const std::vector<Bytes>& chain, std::uint8_t type = eap_type::kTls)
{
    Bytes serverFlight =
        join({serverHello(Bytes(32, 5), kSuite), certificateMessage(chain), handshake(14, {})});
    return with(identityExchange(),
                {{true, eapTls(kReq, 2, type, {}, 0x20)},
                 {false, eapTls(kResp, 2, type, clientHello({}, {kSuite, 0x009C}, "radius.test"))},
                 {true, eapTls(kReq, 3, type, serverFlight)}});
}

std::vector<Step> tlsComplete(std::uint8_t type, std::uint8_t result)
{
    Bytes peerFinish = join({handshake(16, Bytes(70, 3)), changeCipherSpec(), record(22, Bytes(40, 9))});
    Bytes serverFinish = join({changeCipherSpec(), record(22, Bytes(40, 8))});
    auto steps =
        with(tlsUntilServerFlight({makeCertificate({})}, type),
             {{false, eapTls(kResp, 3, type, peerFinish)}, {true, eapTls(kReq, 4, type, serverFinish)}});
    if (type != eap_type::kTls) {
        steps = with(steps, {{false, eapTls(kResp, 4, type, {})},
                             {true, eapTls(kReq, 5, type, applicationData(40))},
                             {false, eapTls(kResp, 5, type, applicationData(60))}});
    } else {
        steps = with(steps, {{false, eapTls(kResp, 4, type, {})}});
    }
    return with(steps, {{true, eap(result, 6)}});
}

TEST(Verdict, FollowsTheOutcome)
{
    EXPECT_EQ(diagnose(md5(kSuccess)).verdict, Verdict::Success);
    EXPECT_EQ(diagnose(md5(kFailure)).verdict, Verdict::Failure);
    auto cut = md5(kSuccess);
    cut.pop_back();
    EXPECT_EQ(diagnose(cut).verdict, Verdict::Incomplete);
}

TEST(CredentialsRejected, Md5FailureAfterTheResponse)
{
    auto d = diagnose(md5(kFailure));
    const Reason* r = find(d, reason::kCredentialsRejected);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(r->severity, Severity::Error);
    EXPECT_EQ(detail(*r, "identity"), "alice");
    EXPECT_EQ(detail(*r, "method"), "MD5-Challenge");
    EXPECT_NE(r->text().find("alice"), std::string::npos) << r->text();
    EXPECT_EQ(r->text().find('{'), std::string::npos) << r->text();
    EXPECT_FALSE(r->advice().empty());
}

TEST(CredentialsRejected, NotOnSuccess)
{
    EXPECT_EQ(find(diagnose(md5(kSuccess)), reason::kCredentialsRejected), nullptr);
}

TEST(CredentialsRejected, MschapV2Error691IsDecoded)
{
    auto d = diagnose(mschap("E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failed"));
    const Reason* r = find(d, reason::kCredentialsRejected);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(detail(*r, "mschapv2_error"), "ERROR_AUTHENTICATION_FAILURE (691)");
    EXPECT_EQ(detail(*r, "mschapv2_message"), "Authentication failed");
    EXPECT_EQ(find(d, reason::kPasswordExpired), nullptr);
}

TEST(PasswordExpired, MschapV2Error648)
{
    auto d = diagnose(mschap("E=648 R=0 V=3 M=Password expired"));
    const Reason* r = find(d, reason::kPasswordExpired);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(detail(*r, "error"), "648");
    EXPECT_EQ(find(d, reason::kCredentialsRejected), nullptr);
}

TEST(PasswordExpired, NotForAWrongPassword)
{
    EXPECT_EQ(find(diagnose(mschap("E=691 R=1 V=3")), reason::kPasswordExpired), nullptr);
}

TEST(TlsAlertFromPeer, UnknownCaAfterTheServerCertificate)
{
    auto steps = with(tlsUntilServerFlight({makeCertificate({})}),
                      {{false, eapTls(kResp, 3, eap_type::kTls, alert(2, 48))}, {true, eap(kFailure, 4)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kTlsAlertFromPeer);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(r->frame, 6u);
    EXPECT_EQ(detail(*r, "description"), "unknown_ca");
    EXPECT_EQ(detail(*r, "level"), "fatal");
    EXPECT_EQ(detail(*r, "stage"), "ServerHelloDone");
    ASSERT_TRUE(d.tls);
    ASSERT_EQ(d.tls->alerts.size(), 1u);
    EXPECT_EQ(d.tls->alerts[0].sender, Sender::Peer);
    EXPECT_EQ(find(d, reason::kTlsHandshakeRejected), nullptr);
    EXPECT_EQ(find(d, reason::kCredentialsRejected), nullptr);
}

TEST(TlsAlertFromPeer, NotWithoutAnAlert)
{
    auto d = diagnose(tlsComplete(eap_type::kTls, kSuccess));
    EXPECT_EQ(find(d, reason::kTlsAlertFromPeer), nullptr);
    EXPECT_EQ(find(d, reason::kTlsAlertFromServer), nullptr);
    EXPECT_TRUE(d.reasons.empty()) << d.reasons[0].id;
}

TEST(TlsAlertFromServer, HandshakeFailureAfterClientHello)
{
    auto steps =
        with(identityExchange(), {{true, eapTls(kReq, 2, eap_type::kPeap, {}, 0x20)},
                                  {false, eapTls(kResp, 2, eap_type::kPeap, clientHello({}, {0x0005}))},
                                  {true, eapTls(kReq, 3, eap_type::kPeap, alert(2, 40))},
                                  {false, eapTls(kResp, 3, eap_type::kPeap, {})},
                                  {true, eap(kFailure, 4)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kTlsAlertFromServer);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(detail(*r, "description"), "handshake_failure");
    EXPECT_EQ(detail(*r, "stage"), "ClientHello");
    ASSERT_EQ(d.tls->cipherSuitesOffered().size(), 1u);
    EXPECT_EQ(tlsCipherSuiteName(d.tls->cipherSuitesOffered()[0]), "TLS_RSA_WITH_RC4_128_SHA");
    EXPECT_EQ(find(d, reason::kTlsAlertFromPeer), nullptr);
}

TEST(TlsAlertFromServer, CloseNotifyIsNoReason)
{
    auto steps = with(tlsComplete(eap_type::kPeap, kSuccess), {});
    steps.insert(steps.end() - 1,
                 Step{true, eapTls(kReq, 6, eap_type::kPeap, alert(1, 0)), steps.back().seconds});
    auto d = diagnose(steps);
    EXPECT_EQ(find(d, reason::kTlsAlertFromServer), nullptr);
}

TEST(TlsHandshakeRejected, FailureRightAfterClientHello)
{
    auto steps = with(identityExchange(),
                      {{true, eapTls(kReq, 2, eap_type::kTls, {}, 0x20)},
                       {false, eapTls(kResp, 2, eap_type::kTls, clientHello({}, {0x0004}, {}, {0x0301}))},
                       {true, eap(kFailure, 3)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kTlsHandshakeRejected);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(detail(*r, "stage"), "ClientHello");
    EXPECT_TRUE(std::ranges::equal(d.tls->versionsOffered(), std::vector<std::uint16_t>{0x0301}));
    EXPECT_EQ(find(d, reason::kCredentialsRejected), nullptr);
}

TEST(TlsHandshakeRejected, NotWhenTheHandshakeCompleted)
{
    auto d = diagnose(tlsComplete(eap_type::kTls, kFailure));
    EXPECT_EQ(find(d, reason::kTlsHandshakeRejected), nullptr);
    EXPECT_NE(find(d, reason::kCredentialsRejected), nullptr);  // the server refused afterwards
}

TEST(CertificateExpired, AgainstTheCaptureTime)
{
    Bytes expired = makeCertificate({"old.example.test", 1'600'000'000, 1'700'000'000});
    auto steps = with(tlsUntilServerFlight({expired}),
                      {{false, eapTls(kResp, 3, eap_type::kTls, alert(2, 45))}, {true, eap(kFailure, 4)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kCertificateExpired);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(detail(*r, "subject"), "CN=old.example.test");
    EXPECT_EQ(detail(*r, "not_after"), "2023-11-14 22:13:20 UTC");
    ASSERT_EQ(d.certificates.size(), 1u);
    EXPECT_TRUE(d.certificates[0].expired);
    EXPECT_EQ(d.certificates[0].sender, Sender::Server);
    EXPECT_NE(find(d, reason::kTlsAlertFromPeer), nullptr);
}

TEST(CertificateExpired, NotWhileValid)
{
    auto d = diagnose(tlsComplete(eap_type::kTls, kSuccess));
    ASSERT_EQ(d.certificates.size(), 1u);
    EXPECT_FALSE(d.certificates[0].expired);
    EXPECT_EQ(find(d, reason::kCertificateExpired), nullptr);
}

TEST(CertificateExpired, AWarningWhenTheDeviceWentOnAllTheSame)
{
    CertificateSpec old{"old.example.test", 1'600'000'000, 1'700'000'000};
    auto steps = tlsComplete(eap_type::kTls, kSuccess);
    auto fresh = tlsUntilServerFlight({makeCertificate(old)});
    steps[4] = fresh[4];  // the server flight, with the expired certificate
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kCertificateExpired);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->severity, Severity::Warning);
}

TEST(CertificateExpired, NotWhenTheCaptureIsFromItsValidity)
{
    // Same certificate, but the capture is from 2023-01-01: then it is valid.
    Bytes cert = makeCertificate({"x", 1'600'000'000, 1'700'000'000});
    auto steps = with(tlsUntilServerFlight({cert}),
                      {{false, eapTls(kResp, 3, eap_type::kTls, alert(2, 45))}, {true, eap(kFailure, 4)}});
    EXPECT_EQ(find(diagnose(steps, 1'672'531'200), reason::kCertificateExpired), nullptr);
}

TEST(CertificateNotYetValid, StartsAfterTheCapture)
{
    Bytes future = makeCertificate({"new.example.test", 1'900'000'000, 2'000'000'000});
    auto steps = with(tlsUntilServerFlight({future}),
                      {{false, eapTls(kResp, 3, eap_type::kTls, alert(2, 42))}, {true, eap(kFailure, 4)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kCertificateNotYetValid);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(find(d, reason::kCertificateExpired), nullptr);
    EXPECT_TRUE(d.certificates[0].notYetValid);
}

TEST(CertificateNotYetValid, NotWhenAlreadyValid)
{
    EXPECT_EQ(find(diagnose(tlsComplete(eap_type::kPeap, kSuccess)), reason::kCertificateNotYetValid),
              nullptr);
}

TEST(CertificateWeak, Sha1AndShortRsaKey)
{
    Bytes weak = makeCertificate({"weak.example.test", 1'700'000'000, 1'900'000'000, 1024, "SHA1"});
    auto d = diagnose(with(tlsUntilServerFlight({weak}), {}));
    const Reason* r = find(d, reason::kCertificateWeak);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->severity, Severity::Warning);
    EXPECT_NE(detail(*r, "weakness").find("SHA-1 signature"), std::string::npos) << detail(*r, "weakness");
    EXPECT_NE(detail(*r, "weakness").find("RSA key of 1024 bits"), std::string::npos);
}

TEST(CertificateWeak, NotForSha256AndRsa2048)
{
    EXPECT_EQ(find(diagnose(tlsComplete(eap_type::kTls, kSuccess)), reason::kCertificateWeak), nullptr);
}

TEST(CertificateWeak, ASelfSignedRootsSha1SignatureIsNotChecked)
{
    Bytes root = makeCertificate({"Root", 1'700'000'000, 1'900'000'000, 2048, "SHA1", true});
    auto d = diagnose(with(tlsUntilServerFlight({makeCertificate({}), root}), {}));
    EXPECT_EQ(find(d, reason::kCertificateWeak), nullptr);
    ASSERT_EQ(d.certificates.size(), 2u);
    EXPECT_EQ(d.certificates[1].chainIndex, 1u);
}

TEST(InnerAuthFailed, TunnelUpThenFailure)
{
    auto d = diagnose(tlsComplete(eap_type::kPeap, kFailure));
    const Reason* r = find(d, reason::kInnerAuthFailed);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(detail(*r, "method"), "PEAP");
    EXPECT_EQ(find(d, reason::kCredentialsRejected), nullptr);
    EXPECT_EQ(find(d, reason::kTlsHandshakeRejected), nullptr);
}

TEST(InnerAuthFailed, TeapTunnelUpThenFailure)
{
    auto d = diagnose(tlsComplete(eap_type::kTeap, kFailure));
    const Reason* r = find(d, reason::kInnerAuthFailed);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(detail(*r, "method"), "TEAP");
    ASSERT_TRUE(d.tls) << "TEAP is TLS-based: its handshake is summarised";
    EXPECT_EQ(d.tls->version, "TLS 1.2");
    EXPECT_EQ(d.certificates.size(), 1u);
}

TEST(InnerAuthFailed, NotOnSuccess)
{
    EXPECT_EQ(find(diagnose(tlsComplete(eap_type::kTtls, kSuccess)), reason::kInnerAuthFailed), nullptr);
}

std::vector<Step> nakTo(std::initializer_list<std::uint8_t> desired, bool serverFollows)
{
    auto steps = with(identityExchange(), {{true, eap(kReq, 2, 4, join({{16}, Bytes(16, 7)}))},
                                           {false, eap(kResp, 2, eap_type::kNak, Bytes(desired))}});
    if (serverFollows) {
        return with(steps, {{true, eap(kReq, 3, 6, text("Password: "))},
                            {false, eap(kResp, 3, 6, text("secret"))},
                            {true, eap(kSuccess, 3)}});
    }
    return with(steps, {{true, eap(kFailure, 2)}});
}

TEST(MethodNegotiated, NakToGtcAccepted)
{
    auto d = diagnose(nakTo({6}, true));
    const Reason* r = find(d, reason::kMethodNegotiated);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->severity, Severity::Info);
    EXPECT_EQ(r->frame, 4u);
    EXPECT_EQ(detail(*r, "proposed"), "MD5-Challenge");
    EXPECT_EQ(detail(*r, "desired"), "GTC");
    EXPECT_EQ(detail(*r, "negotiated"), "GTC");
    EXPECT_EQ(find(d, reason::kNoCommonMethod), nullptr);
}

TEST(MethodNegotiated, NotWithoutANak)
{
    EXPECT_EQ(find(diagnose(md5(kSuccess)), reason::kMethodNegotiated), nullptr);
}

TEST(NoCommonMethod, NakThenFailure)
{
    auto d = diagnose(nakTo({13, 25}, false));
    const Reason* r = find(d, reason::kNoCommonMethod);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(detail(*r, "desired"), "TLS, PEAP");
    EXPECT_EQ(find(d, reason::kCredentialsRejected), nullptr);
    EXPECT_EQ(find(d, reason::kMethodNegotiated), nullptr);
}

TEST(NoCommonMethod, NotWhenTheServerSwitched)
{
    EXPECT_EQ(find(diagnose(nakTo({6}, true)), reason::kNoCommonMethod), nullptr);
}

TEST(NoResponse, RequestRepeatedWithoutAnswer)
{
    auto steps = with(identityExchange(), {{true, eap(kReq, 2, 4, join({{16}, Bytes(16, 7)})), 1},
                                           {true, eap(kReq, 2, 4, join({{16}, Bytes(16, 7)})), 4},
                                           {true, eap(kReq, 2, 4, join({{16}, Bytes(16, 7)})), 10}});
    auto d = diagnose(steps);
    EXPECT_EQ(d.verdict, Verdict::Incomplete);
    const Reason* r = find(d, reason::kNoResponse);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(d.mainReason(), r);
    EXPECT_EQ(r->frame, 3u);
    EXPECT_EQ(detail(*r, "count"), "3");
    EXPECT_EQ(detail(*r, "seconds"), "9.0");
    EXPECT_EQ(detail(*r, "receiver_name"), "device");
    EXPECT_EQ(detail(*r, "answered"), "no");
}

TEST(NoResponse, ServerSilentAfterTheResponse)
{
    auto steps = md5(kSuccess);
    steps.pop_back();
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kNoResponse);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 4u);
    EXPECT_EQ(detail(*r, "receiver_name"), "server");
}

TEST(NoResponse, NotInACompleteExchange)
{
    EXPECT_EQ(find(diagnose(md5(kSuccess)), reason::kNoResponse), nullptr);
}

TEST(SlowRoundTrip, ServerTakesFiveSeconds)
{
    auto steps = md5(kSuccess);
    for (std::size_t i = 4; i < steps.size(); ++i)
        steps[i].seconds += 5;
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kSlowRoundTrip);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 5u);
    EXPECT_EQ(detail(*r, "asked_frame"), "4");
    EXPECT_EQ(detail(*r, "receiver_name"), "server");
    EXPECT_EQ(detail(*r, "seconds"), "5.0");
}

TEST(SlowRoundTrip, NotUnderTheThresholdNorForTheIdentityRequest)
{
    auto steps = md5(kSuccess);
    steps[1].seconds = 0.001;
    for (std::size_t i = 1; i < steps.size(); ++i)
        steps[i].seconds += 20;  // a supplicant answering the Identity Request late is not slow
    EXPECT_EQ(find(diagnose(steps), reason::kSlowRoundTrip), nullptr);
}

TEST(TlsResumed, SessionIdEchoedWithoutCertificate)
{
    Bytes session(32, 0x42);
    auto steps = with(
        identityExchange(),
        {{true, eapTls(kReq, 2, eap_type::kPeap, {}, 0x20)},
         {false, eapTls(kResp, 2, eap_type::kPeap, clientHello(session, {kSuite}))},
         {true, eapTls(kReq, 3, eap_type::kPeap,
                       join({serverHello(session, kSuite), changeCipherSpec(), record(22, Bytes(40, 1))}))},
         {false, eapTls(kResp, 3, eap_type::kPeap, join({changeCipherSpec(), record(22, Bytes(40, 2))}))},
         {true, eapTls(kReq, 4, eap_type::kPeap, applicationData(30))},
         {false, eapTls(kResp, 4, eap_type::kPeap, applicationData(30))},
         {true, eap(kSuccess, 5)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kTlsResumed);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 5u);
    ASSERT_TRUE(d.tls);
    EXPECT_TRUE(d.tls->resumed);
    EXPECT_TRUE(d.certificates.empty());
}

TEST(TlsResumed, NotForAFullHandshake)
{
    auto d = diagnose(tlsComplete(eap_type::kPeap, kSuccess));
    EXPECT_EQ(find(d, reason::kTlsResumed), nullptr);
    EXPECT_FALSE(d.tls->resumed);
}

TEST(TlsSummary, Tls13SaysTheCertificatesAreEncrypted)
{
    auto steps = with(
        identityExchange(),
        {{true, eapTls(kReq, 2, eap_type::kTls, {}, 0x20)},
         {false, eapTls(kResp, 2, eap_type::kTls, clientHello(Bytes(32, 1), {0x1301}, {}, {0x0304, 0x0303}))},
         {true, eapTls(kReq, 3, eap_type::kTls,
                       join({serverHello(Bytes(32, 1), 0x1301, 0x0304), changeCipherSpec(),
                             applicationData(900)}))}});
    auto d = diagnose(steps);
    ASSERT_TRUE(d.tls);
    EXPECT_EQ(d.tls->version, "TLS 1.3");
    EXPECT_TRUE(d.tls->certificatesEncrypted);
    EXPECT_TRUE(std::ranges::equal(d.tls->versionsOffered(), std::vector<std::uint16_t>{0x0304, 0x0303}));
    EXPECT_TRUE(d.certificates.empty());
    EXPECT_FALSE(d.tls->resumed);
}

TEST(EapNotification, NotificationTextIsQuoted)
{
    auto steps =
        with(identityExchange(), {{true, eap(kReq, 2, eap_type::kNotification, text("Account locked"))},
                                  {false, eap(kResp, 2, eap_type::kNotification)},
                                  {true, eap(kFailure, 3)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kEapNotification);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->frame, 3u);
    EXPECT_EQ(detail(*r, "message"), "\"Account locked\"");
}

TEST(EapNotification, SimNotificationCodeIsDecoded)
{
    // EAP-SIM Notification (subtype 12), AT_NOTIFICATION (12) = 1026 (RFC 4186 §10.18).
    auto steps =
        with(identityExchange(),
             {{true, eap(kReq, 2, eap_type::kSim, {12, 0, 0, 12, 1, 0x04, 0x02})}, {true, eap(kFailure, 3)}});
    auto d = diagnose(steps);
    const Reason* r = find(d, reason::kEapNotification);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(detail(*r, "message"), "User has been temporarily denied access (1026)");
}

TEST(EapNotification, NotWithoutOne)
{
    EXPECT_EQ(find(diagnose(md5(kFailure)), reason::kEapNotification), nullptr);
}

TEST(ReasonsPointAtEvents, EventIsThePacketRowOfTheTrace)
{
    CaptureImport capture = conversation(md5(kFailure));
    capture.controls.push_back(
        CapturedControl{CapturedControl::Kind::EapolStart, 0, 0, Direction::ToAuthenticator, 0});
    auto d = diagnoseConversation(capture, 0);
    const Reason* r = find(d, reason::kCredentialsRejected);
    ASSERT_NE(r, nullptr);
    Trace trace = captureToTrace(capture);
    ASSERT_TRUE(r->event.valid());
    EventRow row = trace.row(r->event);
    EXPECT_EQ(row.kind, EventKind::Packet);
    EXPECT_EQ(row.aux, r->frame);
    EXPECT_EQ(trace.row(EventId(0)).kind, EventKind::Note);
    EXPECT_EQ(trace.string(trace.row(EventId(0)).text), "EAPOL-Start");
}

TEST(RadiusReplyMessage, GoesWithTheMainReason)
{
    auto steps = md5(kFailure);
    steps.back().replyMessage = "Your account has been disabled";
    auto d = diagnose(steps);
    ASSERT_NE(d.mainReason(), nullptr);
    EXPECT_EQ(detail(*d.mainReason(), "reply_message"), "Your account has been disabled");
}

}  // namespace
}  // namespace eapscope
