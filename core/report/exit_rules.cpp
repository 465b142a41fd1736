#include "report/exit_rules.h"

#include "analysis/heap_ledger.h"
#include "report/session_summary.h"

#include <algorithm>
#include <vector>

namespace eapscope {

std::string overallOutcome(std::span<const std::string> sideOutcomes)
{
    bool allSuccess = !sideOutcomes.empty();
    for (const std::string& outcome : sideOutcomes) {
        if (outcome == "error" || outcome == "none") {
            return "error";
        }
        allSuccess = allSuccess && outcome == "success";
    }
    return allSuccess ? "success" : "failure";
}

std::string overallOutcome(const Trace& trace)
{
    std::vector<std::string> outcomes;
    for (const SessionSummary& s : summarizeSessions(trace, HeapLedger::rebuild(trace))) {
        outcomes.push_back(s.outcome);
    }
    return overallOutcome(outcomes);
}

bool hasErrorFindings(const Trace& trace)
{
    return std::ranges::any_of(trace.findings(),
                               [](const FindingRecord& f) { return f.severity == Severity::Error; });
}

ExitCode sessionExitCode(const Trace& trace, std::string_view overall,
                         const std::optional<std::string>& expected)
{
    if (hasErrorFindings(trace)) {
        return kExitFindings;
    }
    if (expected && *expected != overall) {
        return kExitExpect;
    }
    return kExitOk;
}

}  // namespace eapscope
