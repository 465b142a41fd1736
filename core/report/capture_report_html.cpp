// The HTML report of a capture: one page, inline CSS and SVG, nothing fetched. Every text that
// came from the capture goes through htmlEscape (invalid UTF-8 included).
#include "report/capture_report.h"

#include "common/text_escape.h"
#include "eap/eap_decoder.h"
#include "eap/eap_types.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

namespace eapscope {
namespace {

constexpr std::size_t kLadderMaxPackets = 400;  // a page stays readable; the rest is counted

const char* const kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1d1d1f;max-width:70em}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin-bottom:.3em}
table{border-collapse:collapse;margin:.5em 0;width:100%} th,td{border:1px solid #d0d0d0;padding:.3em .5em;
text-align:left;vertical-align:top;font-size:.92em} th{background:#f2f2f2}
.verdict{font-weight:bold;padding:.1em .5em;border-radius:.3em;color:#fff;white-space:nowrap}
.success{background:#2e7d32} .failure{background:#c62828} .incomplete{background:#ef6c00}
.sev-error{color:#c62828;font-weight:bold} .sev-warning{color:#b26a00;font-weight:bold} .sev-info{color:#1565c0}
.reason{margin:.6em 0;padding:.5em .8em;border-left:4px solid #999;background:#fafafa}
.reason.error{border-color:#c62828} .reason.warning{border-color:#ef6c00} .reason.info{border-color:#1565c0}
.advice{margin-top:.3em;color:#333} .muted{color:#666;font-size:.9em} code{font-size:.9em}
.bad{color:#c62828;font-weight:bold} svg text{font-family:ui-monospace,monospace;font-size:11px}
)";

// Identities become "identity-1", "identity-2", … in the same order everywhere on the page.
struct Redactor {
    bool enabled = false;
    std::map<std::string, std::string> aliases;

    void learn(const std::string& identity)
    {
        if (enabled && !identity.empty() && !aliases.count(identity))
            aliases.emplace(identity, "identity-" + std::to_string(aliases.size() + 1));
    }
    [[nodiscard]] std::string identity(const std::string& identity) const
    {
        auto it = aliases.find(identity);
        return it == aliases.end() ? identity : it->second;
    }
};

std::string esc(std::string_view text)
{
    return htmlEscape(text);
}

std::string seconds(std::uint64_t ns)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(ns) / 1e9);
    return text;
}

std::string methodOf(const CaptureConversation& c)
{
    if (c.negotiated)
        return eapTypeName(*c.negotiated);
    return c.proposed.empty() ? "-" : eapTypeName(c.proposed.back());
}

// A reason's sentence with redacted identities: refilled from the catalogue with the alias in
// place of the identity, so no substring of the text is guessed at.
std::string reasonText(const Reason& reason, const Redactor& redact, bool advice)
{
    const ReasonInfo* info = reasonInfo(reason.id);
    if (!redact.enabled || !info)
        return advice ? reason.advice() : reason.text();
    ReasonDetails details = reason.details();
    for (auto& [key, value] : details) {
        if (key == "identity")
            value = redact.identity(value);
    }
    return fillReasonTemplate(advice ? info->advice : info->text, details);
}

std::string summaryTable(const CaptureImport& capture, const CaptureDiagnosis& diagnosis,
                         const Redactor& redact)
{
    std::string html =
        "<table><tr><th>#</th><th>Carrier</th><th>Endpoints</th><th>Identity</th><th>Method</th>"
        "<th>Verdict</th><th>Main reason</th><th>Start (s)</th><th>Round trips</th></tr>\n";
    for (const ConversationDiagnosis& d : diagnosis.conversations) {
        const CaptureConversation& c = capture.conversations[d.conversation];
        const Reason* main = d.mainReason();
        std::string verdict(toString(d.verdict));
        html += "<tr><td><a href=\"#c" + std::to_string(d.conversation + 1) + "\">" +
                std::to_string(d.conversation + 1) + "</a></td><td>" + esc(c.link) + "</td><td>" +
                esc(c.authenticator) + " ↔ " + esc(c.peer) + "</td><td>" + esc(redact.identity(c.identity)) +
                "</td><td>" + esc(methodOf(c)) + "</td><td><span class=\"verdict " + verdict + "\">" +
                verdict + "</span></td><td>" + (main ? esc(reasonText(*main, redact, false)) : "") +
                "</td><td>" + seconds(c.startNs) + "</td><td>" + std::to_string(c.roundTrips) +
                "</td></tr>\n";
    }
    return html + "</table>\n";
}

std::string reasonsHtml(const ConversationDiagnosis& d, const Redactor& redact)
{
    if (d.reasons.empty())
        return "<p class=\"muted\">No reason to report.</p>\n";
    std::string html;
    for (const Reason& r : d.reasons) {
        std::string severity(toString(r.severity));
        html += "<div class=\"reason " + severity + "\"><span class=\"sev-" + severity + "\">" + severity +
                "</span> <code>" + htmlEscape(r.id) + "</code>" +
                (r.frame ? " <span class=\"muted\">frame " + std::to_string(r.frame) + "</span>" : "") +
                "<br>" + esc(reasonText(r, redact, false)) +
                "<div class=\"advice\">What to do: " + esc(reasonText(r, redact, true)) + "</div></div>\n";
    }
    return html;
}

std::string listText(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "-" : text;
}

std::string tlsHtml(const TlsSummary& tls)
{
    std::string html = "<h3>TLS</h3><table>";
    auto row = [&](const char* name, const std::string& value) {
        html +=
            std::string("<tr><th>") + name + "</th><td>" + esc(value.empty() ? "-" : value) + "</td></tr>";
    };
    row("Version", tls.version);
    std::vector<std::string> versions;
    for (std::uint16_t version : tls.versionsOffered())
        versions.push_back(tlsVersionName(version));
    row("Versions offered", listText(versions));
    std::vector<std::string> offered;
    for (std::uint16_t suite : tls.cipherSuitesOffered())
        offered.push_back(tlsCipherSuiteName(suite));
    row("Cipher suite", tls.cipherSuite ? tlsCipherSuiteName(*tls.cipherSuite) : std::string());
    row("Cipher suites offered", listText(offered));
    row("Server name (SNI)", std::string(tls.serverName()));
    row("Resumed", tls.resumed ? "yes (abbreviated handshake: no certificates exchanged)" : "no");
    if (tls.certificatesEncrypted)
        row("Certificates", "encrypted (TLS 1.3): not visible in a capture");
    for (const TlsAlertSeen& a : tls.alerts) {
        row("Alert", std::string(toString(a.sender)) + ", frame " + std::to_string(a.frame) + ": " +
                         (a.alert.encrypted ? std::string("encrypted")
                                            : tlsAlertLevelName(a.alert.level) + " " +
                                                  tlsAlertDescriptionName(a.alert.description)) +
                         " after " + a.stage);
    }
    return html + "</table>\n";
}

std::string certificatesHtml(const ConversationDiagnosis& d)
{
    if (d.certificates.empty())
        return {};
    std::string html =
        "<h3>Certificates</h3><table><tr><th>Sent by</th><th>Subject / issuer</th><th>Names</th>"
        "<th>Valid</th><th>Key / signature</th><th>SHA-256</th><th>Frame</th></tr>\n";
    for (const CapturedCertificate& c : d.certificates) {
        const CertificateDetails& x = *c.details;
        std::string validity =
            htmlEscape(formatUtc(x.notBefore)) + " →<br>" + htmlEscape(formatUtc(x.notAfter));
        if (c.expired)
            validity += "<br><span class=\"bad\">expired at capture time</span>";
        if (c.notYetValid)
            validity += "<br><span class=\"bad\">not yet valid at capture time</span>";
        std::string key = htmlEscape(x.keyDescription()) + "<br>" + htmlEscape(x.signature);
        for (const std::string& weak : x.weaknesses())
            key += "<br><span class=\"bad\">" + htmlEscape(weak) + "</span>";
        html += "<tr><td>" + std::string(toString(c.sender)) + (c.chainIndex ? " (chain " : " (own") +
                (c.chainIndex ? std::to_string(c.chainIndex) : "") + ")</td><td>" + htmlEscape(x.subject) +
                "<br><span class=\"muted\">issuer: " + htmlEscape(x.issuer) + "</span></td><td>" +
                htmlEscape(listText(x.san)) + "</td><td>" + validity + "</td><td>" + key + "</td><td><code>" +
                htmlEscape(x.sha256) + "</code></td><td>" + std::to_string(c.frame) + "</td></tr>\n";
    }
    return html + "</table>\n";
}

struct LadderRow {
    std::uint32_t frame = 0;
    std::uint64_t timeNs = 0;
    bool toPeer = true;
    bool proves = false;   // a reason points at it
    bool control = false;  // EAPOL-Start/Logoff/Key, drawn dashed
    std::string label;
};

std::vector<LadderRow> ladderRows(const CaptureImport& capture, const ConversationDiagnosis& d,
                                  const Redactor& redact)
{
    const CaptureConversation& c = capture.conversations[d.conversation];
    std::vector<LadderRow> rows;
    for (std::uint32_t index : c.packets) {
        const CapturedPacket& p = capture.packets[index];
        LadderRow row{p.frame, p.timeNs, p.direction != Direction::ToAuthenticator,
                      false,   false,    decodeEap(capture.packetBytes(p)).summary};
        row.proves = std::any_of(d.reasons.begin(), d.reasons.end(),
                                 [&](const Reason& r) { return r.packet == index; });
        if (redact.enabled && p.type == eap_type::kIdentity && p.code == eap_code::kResponse &&
            row.label.find('"') != std::string::npos)
            row.label = row.label.substr(0, row.label.find('"')) + "\"" + redact.identity(c.identity) + "\"";
        if (row.label.size() > 70)
            row.label = row.label.substr(0, 67) + "...";
        rows.push_back(std::move(row));
    }
    for (const CapturedControl& control : capture.controls) {
        if (control.conversation == d.conversation)
            rows.push_back({control.frame, control.timeNs, control.direction == Direction::ToPeer, false,
                            true, std::string(toString(control.kind))});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const LadderRow& x, const LadderRow& y) { return x.frame < y.frame; });
    return rows;
}

// Ladder: the authenticator (or RADIUS server) on the left, the peer on the right, one arrow
// per EAP packet (EAPOL-Start/Logoff/Key dashed), the frames that prove a reason in red.
std::string ladderSvg(const CaptureImport& capture, const ConversationDiagnosis& d, const Redactor& redact)
{
    const CaptureConversation& c = capture.conversations[d.conversation];
    std::vector<LadderRow> rows = ladderRows(capture, d, redact);
    std::size_t shown = std::min(rows.size(), kLadderMaxPackets);
    const int left = 150, right = 650, top = 40, step = 26;
    int height = top + static_cast<int>(shown) * step + 20;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"820\" height=\"" +
                      std::to_string(height) +
                      "\" role=\"img\" aria-label=\"ladder diagram\">\n"
                      "<defs><marker id=\"a\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
                      "fill=\"context-stroke\"/></marker></defs>\n";
    svg += "<text x=\"" + std::to_string(left) + "\" y=\"16\" text-anchor=\"middle\">" +
           esc(c.carrier == Carrier::Radius ? "RADIUS server" : "Authenticator") + "</text>";
    svg += "<text x=\"" + std::to_string(right) + "\" y=\"16\" text-anchor=\"middle\">" +
           esc(c.carrier == Carrier::Radius ? "NAS (for the peer)" : "Peer") + "</text>\n";
    for (int x : {left, right}) {
        svg += "<line x1=\"" + std::to_string(x) + "\" y1=\"24\" x2=\"" + std::to_string(x) + "\" y2=\"" +
               std::to_string(height - 10) + "\" stroke=\"#888\"/>\n";
    }
    for (std::size_t i = 0; i < shown; ++i) {
        const LadderRow& row = rows[i];
        int y = top + static_cast<int>(i) * step;
        const char* colour = row.proves    ? "#c62828"
                             : row.control ? "#666"
                                           : (row.toPeer ? "#1565c0" : "#2e7d32");
        svg += "<line x1=\"" + std::to_string(row.toPeer ? left : right) + "\" y1=\"" + std::to_string(y) +
               "\" x2=\"" + std::to_string(row.toPeer ? right : left) + "\" y2=\"" + std::to_string(y) +
               "\" stroke=\"" + colour + "\" stroke-width=\"" + (row.proves ? "2.5" : "1.2") + "\"" +
               (row.control ? " stroke-dasharray=\"5,4\"" : "") + " marker-end=\"url(#a)\"/>";
        svg += "<text x=\"" + std::to_string((left + right) / 2) + "\" y=\"" + std::to_string(y - 4) +
               "\" text-anchor=\"middle\" fill=\"" + colour + "\">" + esc(row.label) + "</text>";
        svg += "<text x=\"4\" y=\"" + std::to_string(y + 4) + "\" fill=\"#666\">#" +
               std::to_string(row.frame) + " " + seconds(row.timeNs) + "</text>\n";
    }
    svg += "</svg>\n";
    if (shown < rows.size())
        svg +=
            "<p class=\"muted\">… " + std::to_string(rows.size() - shown) + " more frames not drawn.</p>\n";
    return svg;
}

std::string conversationHtml(const CaptureImport& capture, const ConversationDiagnosis& d,
                             const Redactor& redact)
{
    const CaptureConversation& c = capture.conversations[d.conversation];
    std::string verdict(toString(d.verdict));
    std::string html = "<h2 id=\"c" + std::to_string(d.conversation + 1) + "\">Conversation " +
                       std::to_string(d.conversation + 1) + " <span class=\"verdict " + verdict + "\">" +
                       verdict + "</span></h2>\n<p>" + esc(c.label()) +
                       "<br>Identity: " + esc(c.identity.empty() ? "-" : redact.identity(c.identity)) +
                       " · Method: " + esc(methodOf(c)) + " · " + std::to_string(c.packets.size()) +
                       " packets, " + std::to_string(c.roundTrips) + " round trips, " + seconds(c.startNs) +
                       "–" + seconds(c.endNs) + " s</p>\n";
    html += "<h3>Diagnosis</h3>\n" + reasonsHtml(d, redact);
    if (d.tls)
        html += tlsHtml(*d.tls);
    html += certificatesHtml(d);
    html += "<h3>Ladder</h3>\n" + ladderSvg(capture, d, redact);
    return html;
}

}  // namespace

std::string captureReportHtml(const CaptureImport& capture, const CaptureDiagnosis& diagnosis,
                              const HtmlReportOptions& options)
{
    Redactor redact;
    redact.enabled = options.redactIdentities;
    for (const CaptureConversation& c : capture.conversations)
        redact.learn(c.identity);
    std::string name = capture.path.substr(
        capture.path.find_last_of('/') == std::string::npos ? 0 : capture.path.find_last_of('/') + 1);
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width\">"
        "<title>EapScope report — " +
        htmlEscape(name) + "</title><style>" + kStyle + "</style></head><body>\n";
    html += "<h1>Authentication report: " + htmlEscape(name) + "</h1>\n<p class=\"muted\">" +
            std::to_string(capture.frames) + " frames, " + std::to_string(capture.packets.size()) +
            " EAP packets, " + std::to_string(capture.conversations.size()) + " conversations" +
            (capture.truncated ? " — the file is cut short" : "") +
            (options.redactIdentities ? " — identities redacted" : "") + "</p>\n";
    if (capture.conversations.empty())
        html += "<p>No EAP conversation was found in this capture.</p>\n";
    else
        html += summaryTable(capture, diagnosis, redact);
    for (const ConversationDiagnosis& d : diagnosis.conversations) {
        if (d.conversation < capture.conversations.size())
            html += conversationHtml(capture, d, redact);
    }
    html += "<p class=\"muted\">Written by " + htmlEscape(options.generator) +
            ". Passwords and key material are never included.</p>\n</body></html>\n";
    return html;
}

Status writeCaptureReportHtml(const std::string& path, const CaptureImport& capture,
                              const CaptureDiagnosis& diagnosis, const HtmlReportOptions& options)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return makeError("cannot write the report '" + path + "': " + std::strerror(errno));
    out << captureReportHtml(capture, diagnosis, options);
    out.close();
    if (!out)
        return makeError("writing the report '" + path + "' failed: " + std::strerror(errno));
    return Ok{};
}

}  // namespace eapscope
