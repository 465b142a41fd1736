// The report of a run, as JSON (issue 2 part 7, issue 3 part 6) and as text for a person:
// every call of both sides with its packets, the outcome of each side, the findings.
// Functions of a Trace, so `run` and `inspect` (a stored session) print the same thing.
#pragma once

#include "trace/trace.h"

#include <nlohmann/json.hpp>

#include <string>

namespace eapscope {

/// {"sessions":[…], "findings":[…], "events":n, "methods":[…]} — the CLI's --json document.
nlohmann::json runReportJson(const Trace& trace);

/// Every call (entry point, side, context, received and sent packet decoded, action, result),
/// the outcome per side, and the findings.
std::string runReportText(const Trace& trace);

/// One finding as the --json documents of `run`, `inspect` and `replay` print it.
nlohmann::json findingJson(const Trace& trace, const FindingRecord& finding);

/// "RasEapMakeMessage" etc., or "" for findings not tied to a call.
std::string findingCallName(const FindingRecord& finding);

}  // namespace eapscope
