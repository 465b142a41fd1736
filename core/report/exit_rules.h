// The two rules every front end applies to a finished session (DESIGN.md "Command line"): the
// overall outcome of its side-contexts, and the exit code a script reads. `run`, `inspect` and
// `replay` of the CLI and the GUI's status all ask here, so a recorded session reopened later
// gives the same answer as the live run did.
#pragma once

#include "trace/trace.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eapscope {

/// DESIGN.md "Command line": 0 no error findings, 1 error findings, 2 usage or load error,
/// 3 internal error, 4 outcome differs from --expect.
enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2, kExitInternal = 3, kExitExpect = 4 };

/// "success" when every side-context succeeded, "error" when one ended in error or never ended
/// ("none"), else "failure". No side-context at all is a failure: nothing succeeded.
std::string overallOutcome(std::span<const std::string> sideOutcomes);

/// The overall outcome of the side-contexts a trace records (report/session_summary.h).
std::string overallOutcome(const Trace& trace);

/// True when the trace holds at least one finding of severity Error.
bool hasErrorFindings(const Trace& trace);

/// The exit code of a session that loaded: 1 with error findings, else 4 when `expected` is set
/// and differs from `overall`, else 0.
ExitCode sessionExitCode(const Trace& trace, std::string_view overall = {},
                         const std::optional<std::string>& expected = std::nullopt);

}  // namespace eapscope
