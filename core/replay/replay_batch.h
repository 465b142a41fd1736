// `eapscope-cli replay --conversation LIST --jobs N` (issue 13, "Scale past one process"):
// several captured conversations replayed through one method, spread over N worker threads.
// Every conversation runs on a fresh executor of its own (a fresh host, a freshly loaded
// library), so what a conversation gives never depends on which worker ran it or what ran
// before it: the comparisons, findings and outcomes of --jobs N equal those of --jobs 1, and the
// results come back in the order of the list.
#pragma once

#include "capture/capture_types.h"
#include "common/result.h"
#include "replay/replay_session.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

/// One replayed conversation: its own trace and result.
struct ConversationReplay {
    ReplayRequest request;
    Trace trace;
    ReplayResult result;
};

using ReplayExecutorFactory = std::function<std::unique_ptr<MethodExecutor>()>;

/// The executor a replay of `spec` runs on: an isolated host when `isolated` or when the method is
/// a Windows x64 DLL (only eapscope-host.exe under Wine runs one), else this process.
std::unique_ptr<MethodExecutor> replayExecutor(const std::string& spec, bool isolated);

/// "3", "1,4", "2-5", "all" (every conversation of a capture that has `count`): 1-based numbers
/// in the order given. The error names the text and what is accepted.
Result<std::vector<std::uint32_t>> parseConversationList(const std::string& text, std::size_t count);

/// Replays `conversations` (each with `request`'s role, method, password and type) on `jobs`
/// threads, each conversation on an executor from `factory` (called under a lock). The first
/// failing conversation in list order gives the error.
Result<std::vector<ConversationReplay>> replayConversations(const CaptureImport& capture,
                                                            const ReplayRequest& request,
                                                            std::span<const std::uint32_t> conversations,
                                                            std::uint32_t jobs,
                                                            const ReplayExecutorFactory& factory);

}  // namespace eapscope
