// How a packet a method sent during replay is compared with the captured one (issue 6 part 5).
//
// Header fields (Code, Identifier, Length, Type) are always compared, except the Length of
// TLS-based types. Fields that are random by design are not compared; the rule per type:
//   Identity, Notification, Nak, GTC, OTP, Success, Failure, unknown types: every byte.
//   MD5-Challenge (RFC 3748 §5.4): a Request's Value (the authenticator's challenge) is random.
//       A Response's Value is MD5(id ‖ password ‖ challenge): deterministic, so compared — a
//       wrong password shows there. The optional Name (and the Length covering it) names the
//       sending system and differs between implementations: not compared.
//   MSCHAPv2: the authenticator challenge, the peer challenge and the NT-Response (which
//       depends on it), and the Success message (S=<authenticator response>) are random by design.
//   LEAP: a Request's challenge is random; a Response is compared.
//   TLS, TTLS, PEAP, FAST: Code, Identifier, Type and Flags; TLS records carry randoms and keys.
//   SIM, AKA, AKA': Subtype and attribute types/lengths; attribute values (RAND, NONCE, MAC, …).
//   PWD: the exchange octet; Commit/Confirm payloads and the ID token are random.
//   PSK, Expanded (e.g. WSC): the header and the vendor id/type; payload nonces are random.
#pragma once

#include "trace/event_types.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

struct ReplayDifference {
    std::uint32_t offset = 0, length = 0;  // in the captured packet
    std::string field;                     // decoder key of the field there, e.g. "eap.md5.value"
};

/// The differences outside the fields random by design for this packet's code and type.
std::vector<ReplayDifference> compareReplayPacket(std::span<const std::uint8_t> sent,
                                                  std::span<const std::uint8_t> captured);

/// The comparison rule applied to a packet of this code/type, one line for reports.
std::string comparisonRule(std::uint8_t code, int type);

}  // namespace eapscope
