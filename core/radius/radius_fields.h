// A RADIUS packet as the packet inspector's field tree (eap/eap_decoder.h's DecodedEap: each field
// with its byte range and a stable key). Decoded with the one strict codec (radius_packet.h); the
// EAP packet carried in EAP-Message attributes is decoded by the EAP decoder and hung under the
// first of them, its byte ranges mapped back into the RADIUS packet.
#pragma once

#include "eap/eap_decoder.h"

#include <cstdint>
#include <span>

namespace eapscope::radius {

/// Keys: "radius.code", "radius.identifier", "radius.length", "radius.authenticator",
/// "radius.attr.<Name>" (e.g. "radius.attr.State"; "radius.attr.<type>" for unnamed types),
/// "radius.vsa" below Vendor-Specific, and the EAP decoder's keys below the first EAP-Message.
/// A packet the codec rejects keeps its header fields and says why in the summary.
DecodedEap decodeRadiusFields(std::span<const std::uint8_t> bytes);

}  // namespace eapscope::radius
