// The EAP packet decoder shared by the capture importer and the packet inspector.
//
// Every decoded field carries its byte range into the packet and a stable key (Wireshark's
// field_info model, CONVENTIONS.md), so a tree view and a hex view stay in sync through byte
// ranges alone. A malformed packet decodes as far as its bytes allow and carries anomalies from
// one catalogue (eap_anomaly_catalogue.h); decoding never throws and never aborts.
#pragma once

#include "trace/event_types.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

struct EapField {
    std::string key; /* stable, e.g. "eap.code" */
    std::string label;
    std::string value;
    std::uint32_t offset = 0, length = 0;
    int parent = -1;
    std::string anomaly; /* catalogue id or empty */
};

struct EapAnomaly {
    std::string id;
    Severity severity; /* Info, Warning = data loss, Error */
    std::string message;
    std::uint32_t offset = 0, length = 0;
};

struct DecodedEap {
    std::vector<EapField> fields;
    std::vector<EapAnomaly> anomalies;
    std::string summary; /* "Request/MD5-Challenge id=1 len=22" */
};

/// Decodes one EAP packet (RFC 3748 §4) and its type data. Bytes past the Length field are
/// reported (EAP_TRAILING_BYTES) and not decoded; a Length beyond the bytes present is data loss.
DecodedEap decodeEap(std::span<const std::uint8_t> packet);

}  // namespace eapscope
