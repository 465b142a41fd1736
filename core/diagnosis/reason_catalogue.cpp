#include "diagnosis/reason_catalogue.h"

#include "common/translate.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace eapscope {
namespace {

// Placeholders: {identity} {method} {error} {level} {description} {stage} {sender_name}
// {receiver_name} ("server" or "device") {subject} {not_before} {not_after} {capture_time}
// {weakness} {proposed} {desired} {negotiated} {asked_frame} {count} {seconds} {threshold}
// {message}. Order: errors, then warnings, then info; within a severity, the more specific
// explanation first (a main reason is the first reason in this order).
constexpr std::array kReasons{
    ReasonInfo{
        reason::kPasswordExpired, Severity::Error,
        EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                "The password of {identity} has expired: the server asked for a new one "
                                "({method} error {error})."),
        EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                "Have the user change the password (on a domain-joined computer or the "
                                "self-service portal), then connect again.")},
    ReasonInfo{reason::kCredentialsRejected, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The server refused the credentials of {identity} ({method}): wrong password, "
                   "unknown user or locked account."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Check the user name and password (or token code) configured on the device, then "
                   "check the account on the server side: disabled, locked, or password changed.")},
    ReasonInfo{reason::kCertificateExpired, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The {sender_name}'s certificate \"{subject}\" expired on {not_after}, before this "
                   "capture was taken ({capture_time})."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Renew the {sender_name}'s certificate and install it with its chain; if it looks valid, "
                   "check the clock of the device that took the capture.")},
    ReasonInfo{reason::kCertificateNotYetValid, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The {sender_name}'s certificate \"{subject}\" is valid only from {not_before}, after "
                   "this capture was taken ({capture_time})."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Check the clocks of the device and the server; if they are right, the certificate "
                   "was issued with a future start date and must be reissued.")},
    ReasonInfo{reason::kTlsAlertFromPeer, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The device ended the TLS handshake with a {level} alert \"{description}\" after "
                   "{stage}: it refused what the server sent."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The device most often refuses the server's certificate (unknown CA, wrong server "
                   "name, expired): compare the server certificate with the CA certificate and "
                   "server name configured on the device.")},
    ReasonInfo{reason::kTlsAlertFromServer, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The server ended the TLS handshake with a {level} alert \"{description}\" after "
                   "{stage}: it refused what the device sent."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The server most often refuses the device's certificate (unknown CA, revoked, "
                   "expired) or its TLS version or cipher suites: read the server's log for this "
                   "identity and check its TLS and certificate settings.")},
    ReasonInfo{
        reason::kTlsHandshakeRejected, Severity::Error,
        EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                "The server ended the conversation inside the TLS handshake, after {stage}, "
                                "without sending a TLS alert."),
        EAPSCOPE_TRANSLATE_NOOP(
            "DiagnosisCatalogue",
            "Usually the device and the server share no TLS version or cipher suite, or the "
            "server could not use the device's certificate: compare the versions and cipher "
            "suites the device offered with the server's TLS settings and read the server's "
            "log.")},
    ReasonInfo{reason::kInnerAuthFailed, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The {method} tunnel was set up, then the authentication inside it failed for "
                   "{identity}."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The server certificate was accepted; check the inner user name and password and "
                   "that the device and the server use the same inner method.")},
    ReasonInfo{reason::kNoCommonMethod, Severity::Error,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The device refused {proposed} and asked for {desired}, which the server does not "
                   "offer: there is no EAP method in common."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Configure the same EAP method on the device and the server (the device asked for "
                   "{desired}).")},
    ReasonInfo{reason::kNoResponse, Severity::Warning,
               EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                       "The {receiver_name} did not answer the {sender_name}'s message of "
                                       "frame {asked_frame}: it was sent "
                                       "{count} time(s) over {seconds} s."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Check that the {receiver_name} is reachable and running (network path, RADIUS shared "
                   "secret, firewall, server log); a device that stops answering has often refused the "
                   "server's certificate silently.")},
    ReasonInfo{reason::kCertificateWeak, Severity::Warning,
               EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                       "The {sender_name}'s certificate \"{subject}\" is weak: {weakness}."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Reissue the certificate with a SHA-256 (or stronger) signature and an RSA key of "
                   "at least 2048 bits or an EC key: current devices refuse weak certificates.")},
    ReasonInfo{
        reason::kSlowRoundTrip, Severity::Warning,
        EAPSCOPE_TRANSLATE_NOOP(
            "DiagnosisCatalogue",
            "The {receiver_name} took {seconds} s to answer the message of frame {asked_frame} (more than "
            "{threshold} s)."),
        EAPSCOPE_TRANSLATE_NOOP(
            "DiagnosisCatalogue",
            "Look for a slow back end (directory server, certificate revocation checks) or a "
            "congested link; devices and switches give up after a few such delays.")},
    ReasonInfo{
        reason::kEapNotification, Severity::Info,
        EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue", "The {sender_name} sent a notification: {message}."),
        EAPSCOPE_TRANSLATE_NOOP(
            "DiagnosisCatalogue",
            "Read the notification: it is the server's own explanation and often names the "
            "problem.")},
    ReasonInfo{reason::kMethodNegotiated, Severity::Info,
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "The device refused {proposed} and asked for {desired}; the conversation went on "
                   "with {negotiated}."),
               EAPSCOPE_TRANSLATE_NOOP(
                   "DiagnosisCatalogue",
                   "Nothing to fix; configure {negotiated} as the server's default method to save a "
                   "round trip.")},
    ReasonInfo{
        reason::kTlsResumed, Severity::Info,
        EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue",
                                "The TLS session was resumed (abbreviated handshake): no certificates were "
                                "exchanged."),
        EAPSCOPE_TRANSLATE_NOOP(
            "DiagnosisCatalogue",
            "Nothing to fix; to see the certificates, capture a full authentication (after "
            "the device forgets its session or the server's cache expires).")},
};

}  // namespace

std::span<const ReasonInfo> allReasons()
{
    return kReasons;
}

namespace {

// The catalogue's entries by the length of their id, at most four of each length: a diagnosis
// looks reasons up twice each (to add them, to sort them), and twelve thousand times on a large
// capture, so a lookup compares one or two ids instead of walking the catalogue.
constexpr std::size_t kLongestId = 32, kSameLength = 4;
constexpr auto kByLength = [] {
    std::array<std::array<std::uint8_t, kSameLength>, kLongestId + 1> table{};
    for (auto& row : table)
        row.fill(UINT8_MAX);
    for (std::size_t i = 0; i < kReasons.size(); ++i) {
        auto& row = table.at(kReasons[i].id.size());  // a longer id does not compile
        std::size_t free = 0;
        while (row.at(free) != UINT8_MAX)  // a fifth id of one length does not compile
            ++free;
        row[free] = static_cast<std::uint8_t>(i);
    }
    return table;
}();

}  // namespace

const ReasonInfo* reasonInfo(std::string_view id)
{
    if (id.size() > kLongestId)
        return nullptr;
    const auto& row = kByLength[id.size()];
    // The passes name reasons by the reason:: constants, which the catalogue holds too: the same
    // pointer answers without comparing characters; another string is compared by its text.
    for (std::uint8_t i : row) {
        if (i != UINT8_MAX && kReasons[i].id.data() == id.data())
            return &kReasons[i];
    }
    for (std::uint8_t i : row) {
        if (i != UINT8_MAX && kReasons[i].id == id)
            return &kReasons[i];
    }
    return nullptr;
}

std::string fillReasonTemplate(std::string_view text, const ReasonDetails& details)
{
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t open = text.find('{', i);
        if (open == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(open));
            break;
        }
        std::string_view name = text.substr(open + 1, close - open - 1);
        auto it =
            std::find_if(details.begin(), details.end(), [&](const auto& d) { return d.first == name; });
        out.append(it != details.end() ? std::string_view(it->second) : text.substr(open, close - open + 1));
        i = close + 1;
    }
    return out;
}

}  // namespace eapscope
