// libFuzzer target: RADIUS attribute decoding, strict (radius_packet.h) and the capture
// importer's tolerant view. A decoded packet re-encodes to the bytes it came from (up to its
// Length), verification never reads out of bounds, and an MPPE value never yields a key longer
// than its plaintext; the inspector's field tree stays inside the packet.
#include "radius/radius_authenticator.h"
#include "radius/radius_capture_view.h"
#include "radius/radius_fields.h"
#include "radius/radius_mppe.h"
#include "radius/radius_packet.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eapscope::radius;
    const std::span<const std::uint8_t> bytes(data, size);
    if (auto packet = decodePacket(bytes)) {
        auto again = encodePacket(*packet);
        const std::size_t length = (std::size_t{data[2]} << 8) | data[3];
        if (!again || again->size() != length || !std::equal(again->begin() + 20, again->end(), data + 20)) {
            std::abort();  // the strict codec must be lossless on what it accepts
        }
        (void)packet->eapMessage();
        (void)packet->vendorAttribute(kVendorMicrosoft, kMsMppeSendKey);
        (void)verifyRequest(bytes, "testing123");
        (void)verifyResponse(bytes, Authenticator{}, "testing123");
        (void)summarize(bytes);
        if (auto value = packet->vendorAttribute(kVendorMicrosoft, kMsMppeRecvKey)) {
            auto key = decryptMppeKey(*value, "testing123", packet->authenticator);
            if (key && key->size() + 3 > value->size()) {
                std::abort();
            }
        }
    }
    std::vector<std::uint8_t> scratch;
    (void)parseRadius(bytes, true, scratch);
    (void)parseRadius(bytes, false, scratch);
    // The packet inspector's field tree: every field's byte range lies inside the packet.
    const eapscope::DecodedEap fields = decodeRadiusFields(bytes);
    for (const eapscope::EapField& f : fields.fields) {
        if (std::size_t{f.offset} + f.length > size) {
            std::abort();
        }
    }
    return 0;
}
