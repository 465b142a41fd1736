// What `inspect CAPTURE` writes from a diagnosis: the JSON interface, the text lines and the
// self-contained HTML page (no external resource, identities redacted on request, escaping).
#include "diagnosis_packets.h"
#include "report/capture_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

namespace eapscope {
namespace {

using namespace testing_packets;

std::vector<Step> peapRejectedByThePeer(const std::string& identity)
{
    std::vector<Step> steps = {{true, eap(1, 1, 1)}, {false, eap(2, 1, 1, text(identity)), 0.01}};
    Bytes expired = makeCertificate({"radius.example.test", 1'600'000'000, 1'700'000'000});
    Bytes flight =
        join({serverHello(Bytes(32, 5), 0xC02F), certificateMessage({expired}), handshake(14, {})});
    steps.push_back({true, eapTls(1, 2, 25, {}, 0x20), 0.02});
    steps.push_back(
        {false, eapTls(2, 2, 25, clientHello({}, {0xC02F, 0x009C}, "radius.example.test")), 0.03});
    steps.push_back({true, eapTls(1, 3, 25, flight), 0.04});
    steps.push_back({false, eapTls(2, 3, 25, alert(2, 45)), 0.05});
    steps.push_back({true, eap(4, 4), 0.06});
    return steps;
}

TEST(InspectJson, ConversationCarriesVerdictReasonsCertificatesAndTls)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("alice"));
    auto json = nlohmann::json::parse(captureInspectJson(capture, diagnoseCapture(capture)));
    const auto& c = json["conversations"][0];
    EXPECT_EQ(c["verdict"], "failure");
    ASSERT_GE(c["reasons"].size(), 2u);
    const auto& main = c["reasons"][0];
    EXPECT_EQ(main["id"], "CERTIFICATE_EXPIRED");
    EXPECT_EQ(main["severity"], "error");
    EXPECT_EQ(main["frame"], 5);
    EXPECT_TRUE(main["text"].is_string());
    EXPECT_TRUE(main["advice"].is_string());
    EXPECT_EQ(main["subject"], "CN=radius.example.test");
    EXPECT_EQ(c["reasons"][1]["id"], "TLS_ALERT_FROM_PEER");
    EXPECT_EQ(c["reasons"][1]["description"], "certificate_expired");
    ASSERT_EQ(c["certificates"].size(), 1u);
    const auto& cert = c["certificates"][0];
    for (const char* key : {"sender", "subject", "issuer", "san", "not_before", "not_after", "key",
                            "signature", "sha256", "frame"}) {
        EXPECT_TRUE(cert.contains(key)) << key;
    }
    EXPECT_EQ(cert["sender"], "server");
    EXPECT_EQ(cert["not_after"], "2023-11-14T22:13:20Z");
    EXPECT_EQ(cert["key"], "RSA 2048");
    const auto& tls = c["tls"];
    EXPECT_EQ(tls["version"], "TLS 1.2");
    EXPECT_EQ(tls["cipher_suite"], "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    EXPECT_EQ(tls["cipher_suites_offered"].size(), 2u);
    EXPECT_EQ(tls["resumed"], false);
    ASSERT_EQ(tls["alerts"].size(), 1u);
    EXPECT_EQ(tls["alerts"][0]["sender"], "peer");
    EXPECT_EQ(tls["alerts"][0]["stage"], "ServerHelloDone");
}

TEST(InspectJson, NoTlsKeyWithoutTls)
{
    CaptureImport capture = conversation({{true, eap(1, 1, 1)}, {false, eap(2, 1, 1, text("bob")), 0.1}});
    auto json = nlohmann::json::parse(captureInspectJson(capture, diagnoseCapture(capture)));
    EXPECT_FALSE(json["conversations"][0].contains("tls"));
    EXPECT_EQ(json["conversations"][0]["verdict"], "incomplete");
    EXPECT_TRUE(json["conversations"][0]["certificates"].empty());
}

TEST(InspectJson, InvalidUtf8FromTheCaptureIsEscaped)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("al\xffice"));
    std::string text = captureInspectJson(capture, diagnoseCapture(capture));
    auto json = nlohmann::json::parse(text);  // would throw on invalid UTF-8
    EXPECT_EQ(json["conversations"][0]["identity"], "al\\xffice");
}

TEST(InspectText, VerdictAndMainReasonUnderEachConversation)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("alice"));
    std::string text = captureInspectText(capture, diagnoseCapture(capture));
    EXPECT_NE(text.find("  verdict: failure — CERTIFICATE_EXPIRED (frame 5): The server's certificate"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  next: Renew the server's certificate"), std::string::npos) << text;
}

TEST(HtmlReport, OnePageWithoutExternalResources)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("alice"));
    std::string html = captureReportHtml(capture, diagnoseCapture(capture));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("</html>"), std::string::npos);
    // Nothing fetched: no src/href to another document, no @import or url( to anything.
    EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(?!#))")));
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("CERTIFICATE_EXPIRED"), std::string::npos);
    EXPECT_NE(html.find("CN=radius.example.test"), std::string::npos);
    EXPECT_NE(html.find("class=\"verdict failure\""), std::string::npos);
    EXPECT_NE(html.find("alice"), std::string::npos);
}

TEST(HtmlReport, RedactedIdentitiesAppearNowhere)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("carol.secret@example.test"));
    HtmlReportOptions options;
    options.redactIdentities = true;
    std::string html = captureReportHtml(capture, diagnoseCapture(capture), options);
    EXPECT_EQ(html.find("carol.secret"), std::string::npos);
    EXPECT_NE(html.find("identity-1"), std::string::npos);
}

TEST(HtmlReport, PasswordsNeverAppear)
{
    // GTC carries the password in the clear; the report shows the packet, never its text.
    std::vector<Step> steps = {{true, eap(1, 1, 1)},
                               {false, eap(2, 1, 1, text("dave")), 0.01},
                               {true, eap(1, 2, 6, text("Password: ")), 0.02},
                               {false, eap(2, 2, 6, text("hunter2-password")), 0.03},
                               {true, eap(4, 2), 0.04}};
    CaptureImport capture = conversation(steps);
    std::string html = captureReportHtml(capture, diagnoseCapture(capture));
    EXPECT_EQ(html.find("hunter2"), std::string::npos);
    std::string json = captureInspectJson(capture, diagnoseCapture(capture));
    EXPECT_EQ(json.find("hunter2"), std::string::npos);
}

TEST(HtmlReport, MarkupFromTheCaptureIsEscaped)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("<script>alert(1)</script>\xfe"));
    std::string html = captureReportHtml(capture, diagnoseCapture(capture));
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("\\xfe"), std::string::npos);
}

TEST(HtmlReport, WriteNamesTheFileOnError)
{
    CaptureImport capture = conversation(peapRejectedByThePeer("alice"));
    Status status = writeCaptureReportHtml("/nonexistent-dir/report.html", capture, diagnoseCapture(capture));
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().find("/nonexistent-dir/report.html"), std::string::npos);
    auto path = std::filesystem::path(EAPSCOPE_BINARY_DIR) / "tests" / "diagnosis-report.html";
    ASSERT_TRUE(writeCaptureReportHtml(path.string(), capture, diagnoseCapture(capture)));
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first, "<!DOCTYPE html>");
}

}  // namespace
}  // namespace eapscope
