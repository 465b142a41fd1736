// The summary of a session: counts, outcome and the complete mark, as stored in the summary
// table and as shown by `inspect`.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace eapscope {

using SummaryValue = std::variant<std::int64_t, std::string>;

struct SessionCounts {
    std::size_t events = 0, packets = 0, contexts = 0, findings = 0;
    std::size_t errors = 0, warnings = 0, infos = 0;
};

/// The rows the writer stores: events, packets, packet_bytes, contexts, findings, errors,
/// warnings, infos, outcome* (every option whose key starts with "outcome"), complete (0/1).
std::vector<std::pair<std::string, SummaryValue>> summaryRows(
    const SessionCounts& counts, const std::vector<std::pair<std::string, std::string>>& options,
    std::uint64_t packetBytes, bool complete);

}  // namespace eapscope
