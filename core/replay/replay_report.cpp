#include "replay/replay_report.h"

#include "report/run_report.h"

#include <sstream>

namespace eapscope {
namespace {

using nlohmann::json;

json comparisonJson(const ReplayComparison& c)
{
    json differences = json::array();
    for (const ReplayDifference& d : c.differences) {
        differences.push_back({{"offset", d.offset}, {"length", d.length}, {"field", d.field}});
    }
    return {{"frame", c.frame}, {"captured", c.captured}, {"sent", c.sent},
            {"rule", c.rule},   {"match", c.matches()},   {"differences", differences}};
}

}  // namespace

json replayReportJson(const std::string& capturePath, const ReplayRequest& request,
                      const ReplayResult& result, const Trace& trace)
{
    json comparisons = json::array();
    for (const ReplayComparison& c : result.comparisons) {
        comparisons.push_back(comparisonJson(c));
    }
    json findings = json::array();
    for (const FindingRecord& f : trace.findings()) {
        findings.push_back(findingJson(trace, f));
    }
    return {{"capture", capturePath},
            {"conversation", request.conversation},
            {"role", std::string(toString(request.role))},
            {"method", request.methodSpec},
            {"outcome", result.outcome},
            {"divergences", result.divergences},
            {"comparisons", comparisons},
            {"findings", findings}};
}

json replayBatchJson(const std::string& capturePath, std::span<const ConversationReplay> replays)
{
    json each = json::array();
    std::size_t divergences = 0;
    for (const ConversationReplay& r : replays) {
        each.push_back(replayReportJson(capturePath, r.request, r.result, r.trace));
        divergences += r.result.divergences;
    }
    const ReplayRequest& request = replays.empty() ? ReplayRequest{} : replays.front().request;
    return {{"capture", capturePath},
            {"role", std::string(toString(request.role))},
            {"method", request.methodSpec},
            {"divergences", divergences},
            {"replays", each}};
}

std::string replayReportText(const ReplayResult& result, const Trace& trace)
{
    std::ostringstream out;
    for (const ReplayComparison& c : result.comparisons) {
        out << (c.matches() ? "  same  " : "  DIFF  ") << "frame " << c.frame << "  captured: " << c.captured
            << "  sent: " << (c.sent.empty() ? "-" : c.sent) << "\n";
    }
    for (const FindingRecord& f : trace.findings()) {
        out << toString(f.severity) << " " << f.rule << (f.offset ? " @" + std::to_string(*f.offset) : "")
            << ": " << f.message << "\n";
    }
    out << "Outcome: " << result.outcome << ", divergences: " << result.divergences << "\n";
    return out.str();
}

}  // namespace eapscope
