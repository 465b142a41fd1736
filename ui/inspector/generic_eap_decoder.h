// Packet decoding for the inspector: the capture issue's decodeEap() when it is linked, and
// until then (or for what it does not know) a generic EAP header view (RFC 3748 §4, §5:
// Identity, Notification, Nak, MD5-Challenge). Every field carries its byte range, as in
// Wireshark's field_info, so the tree and the hex view stay linked through ranges alone.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope::ui {

struct InspectorField {
    std::string key;    // stable, e.g. "eap.code"
    std::string label;  // "Code"
    std::string value;  // "1 (Request)"
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    int parent = -1;       // index of the parent field, -1 = top level
    std::string anomaly;   // catalogue id or text, empty when the field is fine
};

struct InspectorDecode {
    std::vector<InspectorField> fields;
    std::vector<std::string> anomalies;  // "message (id)" for the tree's footer
    std::string summary;                 // "Request/MD5-Challenge id=1 len=22"
};

/// The generic decoder (always available).
[[nodiscard]] InspectorDecode decodeGenericEap(std::span<const std::uint8_t> packet);

/// The best decoder linked into this build.
[[nodiscard]] InspectorDecode decodeForInspector(std::span<const std::uint8_t> packet);

}  // namespace eapscope::ui
