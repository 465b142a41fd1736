// MS-CHAPv2 arithmetic for the back end (RFC 2759 §8) and its MPPE keys (RFC 3079 §3): what an
// authentication provider computes when EAP-MSCHAPv2 hands it MS-CHAP-Challenge and
// MS-CHAP2-Response (RFC 2548 §2.1.3, §2.3.2). The crypto primitives are OpenSSL's (MD4 and
// single DES from its legacy provider, SHA-1 from the default one).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eapscope::mschapv2 {

using Challenge = std::array<std::uint8_t, 16>;
using NtResponse = std::array<std::uint8_t, 24>;
using Hash = std::array<std::uint8_t, 16>;

/// NtPasswordHash (RFC 2759 §8.3): MD4 of the UTF-16LE password. Empty when MD4 is unavailable.
std::optional<Hash> ntPasswordHash(std::string_view passwordUtf8);

/// UserName as RFC 2759 §8.2 hashes it: without a "DOMAIN\" prefix.
std::string_view hashedUserName(std::string_view userName);

/// GenerateNTResponse (RFC 2759 §8.1).
std::optional<NtResponse> ntResponse(const Challenge& authenticatorChallenge, const Challenge& peerChallenge,
                                     std::string_view userName, std::string_view passwordUtf8);

/// GenerateAuthenticatorResponse (RFC 2759 §8.7): "S=" and 40 upper-case hex digits.
std::optional<std::string> authenticatorResponse(std::string_view passwordUtf8, const NtResponse& response,
                                                 const Challenge& peerChallenge,
                                                 const Challenge& authenticatorChallenge,
                                                 std::string_view userName);

/// RFC 3079 §3.4 with 128-bit keys, from the authenticator's side (IsServer): its Send key
/// (the peer's Recv key) and its Recv key (the peer's Send key).
struct MppeKeys {
    Hash send{};
    Hash recv{};
};
std::optional<MppeKeys> serverMppeKeys(std::string_view passwordUtf8, const NtResponse& response);

}  // namespace eapscope::mschapv2
