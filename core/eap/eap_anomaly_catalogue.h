// The one catalogue of anomalies found in captured EAP traffic (Perfetto's stats model):
// malformed input is counted under a stable id with a severity — Info (odd but lossless),
// Warning (data loss: something could not be decoded), Error (the input breaks its protocol).
// The EAP decoder, the TLS reassembler, the capture importer and the conversation builder all
// report through these ids; the ids are part of `inspect --json` and never change meaning.
#pragma once

#include "trace/event_types.h"

#include <span>
#include <string_view>

namespace eapscope {

struct AnomalyInfo {
    std::string_view id;
    Severity severity = Severity::Info;
    std::string_view text;
};

/// Every anomaly id, in catalogue order.
std::span<const AnomalyInfo> anomalyCatalogue();

/// The entry for an id, or nullptr when the id is not in the catalogue.
const AnomalyInfo* anomalyInfo(std::string_view id);

}  // namespace eapscope
