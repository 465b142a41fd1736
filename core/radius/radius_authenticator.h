// The two integrity checks of RADIUS, computed and verified with the shared secret:
//  - the Response Authenticator, MD5(Code+Identifier+Length+Request Authenticator+Attributes+
//    Secret) (RFC 2865 §3);
//  - Message-Authenticator, HMAC-MD5 keyed by the secret over the packet with its own value
//    zeroed and, in responses, the Request Authenticator in the Authenticator field
//    (RFC 3579 §3.2, RFC 2869 §5.14). Packets carrying EAP-Message must have it (RFC 3579 §3.3).
#pragma once

#include "radius/radius_packet.h"

#include <random>

namespace eapscope::radius {

/// A fresh Request Authenticator (RFC 2865 §3: unpredictable, unique over the secret's lifetime).
Authenticator randomAuthenticator();

/// Encodes an Access-Request: the packet's Authenticator is its Request Authenticator; a
/// Message-Authenticator is added (or recomputed) whenever the packet carries EAP-Message.
Result<Bytes> signRequest(RadiusPacket packet, std::string_view secret);

/// Encodes a response to the request whose Authenticator was `request`: Message-Authenticator
/// added when the packet carries EAP-Message (or already has one), then the Response
/// Authenticator computed over the result.
Result<Bytes> signResponse(RadiusPacket packet, const Authenticator& request, std::string_view secret);

/// Checks a received response against the request it answers: Response Authenticator, and
/// Message-Authenticator when present (required with EAP-Message).
Status verifyResponse(std::span<const std::uint8_t> bytes, const Authenticator& request,
                      std::string_view secret);

/// Checks a received Access-Request: Message-Authenticator when present (required with EAP-Message).
Status verifyRequest(std::span<const std::uint8_t> bytes, std::string_view secret);

}  // namespace eapscope::radius
