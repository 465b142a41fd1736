// EAP codes and method types (RFC 3748 §4, §5; IANA "EAP Method Types") and their names.
#pragma once

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
                              kExpanded = 254, kExperimental = 255;
}

/// "Request", "Response", … or "Code-N".
std::string eapCodeName(std::uint8_t code);
/// "MD5-Challenge", "TLS", … or "Type-N".
std::string eapTypeName(std::uint32_t type);
/// True for the TLS-based types whose type data start with a flags octet (TLS, TTLS, PEAP, FAST).
bool isTlsFamily(std::uint8_t type);

}  // namespace eapscope
