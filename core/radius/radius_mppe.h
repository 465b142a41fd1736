// MS-MPPE-Send-Key / MS-MPPE-Recv-Key values (RFC 2548 §2.4.2-2.4.3): Salt(2, high bit set)
// followed by the key, prefixed by its length and padded to 16-byte blocks, hidden with MD5
// over the shared secret, the Request Authenticator of the Access-Request and the salt.
#pragma once

#include "radius/radius_packet.h"

namespace eapscope::radius {

/// The attribute value for `key` (at most 239 bytes). `salt` gets its high bit set.
Result<Bytes> encryptMppeKey(std::span<const std::uint8_t> key, std::string_view secret,
                             const Authenticator& request, std::uint16_t salt);

/// The key hidden in an attribute value; error when the value is not salt + whole blocks or its
/// key length byte passes the plaintext.
Result<Bytes> decryptMppeKey(std::span<const std::uint8_t> value, std::string_view secret,
                             const Authenticator& request);

}  // namespace eapscope::radius
