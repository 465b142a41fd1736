#include "report/capture_report.h"

#include "capture/capture_json.h"
#include "common/text_escape.h"
#include "eap/tls_handshake.h"

#include <ctime>
#include <span>

namespace eapscope {
namespace {

using nlohmann::json;

// RFC 3339 in UTC: what scripts parse.
std::string isoUtc(std::int64_t seconds)
{
    auto time = static_cast<std::time_t>(seconds);
    struct tm parts {};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

json reasonJson(const Reason& reason)
{
    json out{{"id", std::string(reason.id)},
             {"severity", toString(reason.severity)},
             {"frame", reason.frame},
             {"text", reason.text()},
             {"advice", reason.advice()}};
    for (const auto& [key, value] : reason.details()) {
        if (!out.contains(key))
            out[key] = value;
    }
    return out;
}

json certificateJson(const CapturedCertificate& cert)
{
    const CertificateDetails& d = *cert.details;
    return json{{"sender", toString(cert.sender)},
                {"chain_index", cert.chainIndex},
                {"subject", d.subject},
                {"issuer", d.issuer},
                {"san", d.san},
                {"not_before", isoUtc(d.notBefore)},
                {"not_after", isoUtc(d.notAfter)},
                {"expired", cert.expired},
                {"not_yet_valid", cert.notYetValid},
                {"key", d.keyDescription()},
                {"signature", d.signature},
                {"sha256", d.sha256},
                {"serial", d.serial},
                {"self_signed", d.selfSigned},
                {"ca", d.isCa},
                {"weaknesses", d.weaknesses()},
                {"frame", cert.frame}};
}

json names(std::span<const std::uint16_t> values, std::string (*name)(std::uint16_t))
{
    json names = json::array();
    for (std::uint16_t value : values)
        names.push_back(name(value));
    return names;
}

json tlsJson(const TlsSummary& tls)
{
    json alerts = json::array();
    for (const TlsAlertSeen& seen : tls.alerts) {
        json alert{
            {"sender", toString(seen.sender)}, {"frame", seen.frame}, {"encrypted", seen.alert.encrypted}};
        if (!seen.alert.encrypted) {
            alert["level"] = tlsAlertLevelName(seen.alert.level);
            alert["description"] = tlsAlertDescriptionName(seen.alert.description);
        }
        alert["stage"] = seen.stage;
        alerts.push_back(std::move(alert));
    }
    json out{{"version", tls.version.empty() ? json(nullptr) : json(tls.version)},
             {"versions_offered", names(tls.versionsOffered(), tlsVersionName)},
             {"cipher_suites_offered", names(tls.cipherSuitesOffered(), tlsCipherSuiteName)},
             {"cipher_suite", tls.cipherSuite ? json(tlsCipherSuiteName(*tls.cipherSuite)) : json(nullptr)},
             {"resumed", tls.resumed},
             {"certificates_encrypted", tls.certificatesEncrypted},
             {"alerts", std::move(alerts)}};
    if (!tls.serverName().empty())
        out["server_name"] = tls.serverName();
    return out;
}

}  // namespace

std::string captureInspectJson(const CaptureImport& capture, const CaptureDiagnosis& diagnosis, int indent)
{
    json document = captureJsonDocument(capture);
    json& conversations = document["conversations"];
    for (const ConversationDiagnosis& d : diagnosis.conversations) {
        if (d.conversation >= conversations.size())
            continue;
        json& c = conversations[d.conversation];
        c["verdict"] = toString(d.verdict);
        json reasons = json::array();
        for (const Reason& reason : d.reasons)
            reasons.push_back(reasonJson(reason));
        c["reasons"] = std::move(reasons);
        json certificates = json::array();
        for (const CapturedCertificate& cert : d.certificates)
            certificates.push_back(certificateJson(cert));
        c["certificates"] = std::move(certificates);
        if (d.tls)
            c["tls"] = tlsJson(*d.tls);
    }
    return jsonText(document, indent);
}

std::string captureInspectText(const CaptureImport& capture, const CaptureDiagnosis& diagnosis)
{
    return captureToText(capture, [&](std::size_t index) -> std::string {
        if (index >= diagnosis.conversations.size())
            return {};
        const ConversationDiagnosis& d = diagnosis.conversations[index];
        std::string text = "  verdict: " + std::string(toString(d.verdict));
        if (const Reason* main = d.mainReason()) {
            text += " — " + std::string(main->id) +
                    (main->frame ? " (frame " + std::to_string(main->frame) + ")" : "") + ": " +
                    main->text() + "\n  next: " + main->advice();
        }
        text += "\n";
        if (d.tls && d.tls->certificatesEncrypted)
            text += "  TLS 1.3: the certificates were sent encrypted and cannot be shown.\n";
        if (d.tls && d.tls->resumed)
            text += "  TLS session resumed: no certificates were exchanged.\n";
        return validUtf8(text);
    });
}

}  // namespace eapscope
