// EAP codes and method types (RFC 3748 §4, §5; IANA "EAP Method Types") and their names.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace eapscope {

namespace eap_code {
inline constexpr std::uint8_t kRequest = 1, kResponse = 2, kSuccess = 3, kFailure = 4, kInitiate = 5,
                              kFinish = 6;
}

namespace eap_type {
inline constexpr std::uint8_t kIdentity = 1, kNotification = 2, kNak = 3, kMd5 = 4, kOtp = 5, kGtc = 6,
                              kTls = 13, kLeap = 17, kSim = 18, kTtls = 21, kAka = 23, kPeap = 25,
                              kMschapv2 = 26, kTlv = 33, kFast = 43, kPsk = 47, kAkaPrime = 50, kPwd = 52,
                              kTeap = 55, kExpanded = 254, kExperimental = 255;
/// The TLS-based methods (EAP-TLS RFC 5216, TTLS RFC 5281, PEAP, FAST RFC 4851, TEAP RFC 7170):
/// their type data start with a flags octet and carry TLS records. The one list of them.
inline constexpr std::array<std::uint8_t, 5> kTlsFamily = {kTls, kTtls, kPeap, kFast, kTeap};
/// TEAP's O flag (RFC 7170 §4.2.1): a 4-byte Outer TLV Length follows, outer TLVs end the packet.
inline constexpr std::uint8_t kTeapFlagOuterTlv = 0x10;
}  // namespace eap_type

/// "Request", "Response", … or "Code-N".
std::string eapCodeName(std::uint8_t code);
/// "MD5-Challenge", "TLS", … or "Type-N".
std::string eapTypeName(std::uint32_t type);
/// True for the TLS-based types (eap_type::kTlsFamily).
bool isTlsFamily(std::uint8_t type);

}  // namespace eapscope
