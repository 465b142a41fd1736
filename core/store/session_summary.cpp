#include "store/session_summary.h"

namespace eapscope {

std::vector<std::pair<std::string, SummaryValue>> summaryRows(
    const SessionCounts& c, const std::vector<std::pair<std::string, std::string>>& options,
    std::uint64_t packetBytes, bool complete)
{
    auto n = [](std::uint64_t v) { return SummaryValue(static_cast<std::int64_t>(v)); };
    std::vector<std::pair<std::string, SummaryValue>> rows = {
        {"events", n(c.events)},     {"packets", n(c.packets)},   {"packet_bytes", n(packetBytes)},
        {"contexts", n(c.contexts)}, {"findings", n(c.findings)}, {"errors", n(c.errors)},
        {"warnings", n(c.warnings)}, {"infos", n(c.infos)},       {"complete", n(complete ? 1 : 0)},
    };
    for (const auto& [key, value] : options) {
        if (key.starts_with("outcome")) {
            rows.emplace_back(key, SummaryValue(value));
        }
    }
    return rows;
}

}  // namespace eapscope
