// The diagnosis catalogue (DESIGN.md "Diagnosis of captured conversations"): every reason id with
// its severity, the English sentence a support engineer pastes into a ticket and the English
// advice on what to do next. Ids are interfaces (CLI JSON, HTML report, GUI) and never change
// meaning.
//
// Texts are templates with named placeholders ("{identity}", "{frame}"): a Reason carries the
// values (Reason::details) and the filled English sentence. The GUI shows a reason in French with
//   fillReasonTemplate(QCoreApplication::translate(kReasonTextContext, info.text).toStdString(),
//                      reason.details)
// (same for advice), because every text here is marked EAPSCOPE_TRANSLATE_NOOP with that context.
#pragma once

#include "trace/event_types.h"

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eapscope {

/// The translation context of every catalogue text (lupdate and QCoreApplication::translate).
inline constexpr const char* kReasonTextContext = "DiagnosisCatalogue";

namespace reason {
inline constexpr std::string_view kCredentialsRejected = "CREDENTIALS_REJECTED";
inline constexpr std::string_view kPasswordExpired = "PASSWORD_EXPIRED";
inline constexpr std::string_view kTlsAlertFromPeer = "TLS_ALERT_FROM_PEER";
inline constexpr std::string_view kTlsAlertFromServer = "TLS_ALERT_FROM_SERVER";
inline constexpr std::string_view kTlsHandshakeRejected = "TLS_HANDSHAKE_REJECTED";
inline constexpr std::string_view kCertificateExpired = "CERTIFICATE_EXPIRED";
inline constexpr std::string_view kCertificateNotYetValid = "CERTIFICATE_NOT_YET_VALID";
inline constexpr std::string_view kCertificateWeak = "CERTIFICATE_WEAK";
inline constexpr std::string_view kInnerAuthFailed = "INNER_AUTH_FAILED";
inline constexpr std::string_view kMethodNegotiated = "METHOD_NEGOTIATED";
inline constexpr std::string_view kNoCommonMethod = "NO_COMMON_METHOD";
inline constexpr std::string_view kNoResponse = "NO_RESPONSE";
inline constexpr std::string_view kSlowRoundTrip = "SLOW_ROUND_TRIP";
inline constexpr std::string_view kTlsResumed = "TLS_RESUMED";
inline constexpr std::string_view kEapNotification = "EAP_NOTIFICATION";
}  // namespace reason

struct ReasonInfo {
    std::string_view id;
    Severity severity = Severity::Error;  // Error: why it failed; Warning: a risk; Info: context
    const char* text = "";                // ticket sentence template (English)
    const char* advice = "";              // what to do next, template (English)
};

/// Every reason, in catalogue order (which is also the order of importance for a main reason
/// among reasons of the same severity).
std::span<const ReasonInfo> allReasons();

/// The catalogue entry for `id`, or nullptr for an unknown id.
const ReasonInfo* reasonInfo(std::string_view id);

/// Named values of one reason: the template's placeholders plus reason-specific details that
/// `inspect --json` lists beside "text" (e.g. {"identity","alice"}, {"mschapv2_error","691"}).
using ReasonDetails = std::vector<std::pair<std::string, std::string>>;

/// Replaces every "{name}" in `text` by its value in `details` (an unknown name stays as written).
std::string fillReasonTemplate(std::string_view text, const ReasonDetails& details);

}  // namespace eapscope
