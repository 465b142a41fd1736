// Failure and notification texts that methods and carriers put in the clear, decoded in one
// place for the packet decoder (fields) and the diagnosis (reasons):
//   EAP-MSCHAPv2 Failure "E=691 R=0 C=… V=3 M=…" (RFC 2759 §6, draft-kamath-pppext-eap-mschapv2 §2)
//   EAP-SIM/AKA AT_NOTIFICATION codes (RFC 4186 §10.18, RFC 4187 §10.19).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eapscope {

struct MschapV2Failure {
    std::optional<std::uint32_t> error;    // E=
    std::optional<bool> retry;             // R=1 retry allowed
    std::string challenge;                 // C= (32 hex digits), empty when absent
    std::optional<std::uint32_t> version;  // V=
    std::string message;                   // M= (rest of the text)
};

/// Parses the Message of an MSCHAPv2 Failure Request; nullopt when it has no "E=".
std::optional<MschapV2Failure> parseMschapV2Failure(std::string_view text);

/// "ERROR_AUTHENTICATION_FAILURE (691)" style name of a Windows RAS error E= value.
std::string mschapV2ErrorName(std::uint32_t error);

/// The meaning of an AT_NOTIFICATION code ("General failure after authentication"), with the
/// S (success) and P (phase) bits described; unknown codes as "notification code N".
std::string simAkaNotificationText(std::uint16_t code);
/// True when the S bit is clear: the code reports a failure.
inline bool simAkaNotificationIsFailure(std::uint16_t code)
{
    return (code & 0x8000u) == 0;
}

}  // namespace eapscope
