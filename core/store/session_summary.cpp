#include "store/session_summary.h"

namespace eapscope {

SessionCounts countSession(const Trace& trace)
{
    SessionCounts counts;
    counts.events = trace.size();
    counts.packets = trace.packetCount();
    counts.contexts = trace.contexts().size();
    counts.findings = trace.findings().size();
    for (const FindingRecord& f : trace.findings()) {
        switch (f.severity) {
            case Severity::Error:
                ++counts.errors;
                break;
            case Severity::Warning:
                ++counts.warnings;
                break;
            case Severity::Info:
                ++counts.infos;
                break;
        }
    }
    return counts;
}

std::vector<std::pair<std::string, SummaryValue>> summaryRows(const Trace& trace, std::uint64_t packetBytes,
                                                              bool complete)
{
    const SessionCounts c = countSession(trace);
    auto n = [](std::uint64_t v) { return SummaryValue(static_cast<std::int64_t>(v)); };
    std::vector<std::pair<std::string, SummaryValue>> rows = {
        {"events", n(c.events)},     {"packets", n(c.packets)},   {"packet_bytes", n(packetBytes)},
        {"contexts", n(c.contexts)}, {"findings", n(c.findings)}, {"errors", n(c.errors)},
        {"warnings", n(c.warnings)}, {"infos", n(c.infos)},       {"complete", n(complete ? 1 : 0)},
    };
    for (const auto& [key, value] : trace.options()) {
        if (key.starts_with("outcome")) {
            rows.emplace_back(key, SummaryValue(value));
        }
    }
    return rows;
}

}  // namespace eapscope
