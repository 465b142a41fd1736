// What `replay` prints (DESIGN.md "Command line"): the comparison of every captured packet with
// the one the method sent, the findings, and the outcome; as one JSON document or as text.
// Functions of the result and its trace, so any front end prints the same thing.
#pragma once

#include "replay/replay_batch.h"
#include "replay/replay_session.h"

#include <nlohmann/json.hpp>

#include <string>

namespace eapscope {

/// {"capture", "conversation", "role", "method", "outcome", "divergences", "comparisons":[{"frame",
/// "captured", "sent", "rule", "match", "differences":[{"offset","length","field"}]}], "findings"}.
nlohmann::json replayReportJson(const std::string& capturePath, const ReplayRequest& request,
                                const ReplayResult& result, const Trace& trace);

/// Several conversations (`replay --conversation LIST`): {"capture", "role", "method",
/// "divergences" (all of them), "replays": [replayReportJson() of each, in list order]}.
nlohmann::json replayBatchJson(const std::string& capturePath, std::span<const ConversationReplay> replays);

/// One line per comparison ("  same  frame 4 …" / "  DIFF  …"), one per finding with its byte
/// offset, and "Outcome: …, divergences: n".
std::string replayReportText(const ReplayResult& result, const Trace& trace);

}  // namespace eapscope
