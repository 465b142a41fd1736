// Performs one call of a loaded method (PPP_EAP_INFO) and observes it: everything CallOutcome
// holds. Contract observations follow RASEAP.md §3.7 and §3.8: checksums of host-owned input,
// a zeroed PPP_EAP_OUTPUT with guard bytes after the host's size, a send buffer of exactly
// cbSendPacket bytes followed by canaries (or a PROT_NONE page in GuardMode::Pages), a
// sentinel in *ppWorkBuffer, and deep copies of every output before the host acts on it.
//
// In GuardMode::Pages the isolated host handles SIGSEGV: sendGuardOffset()/resumeSendOverflow()
// for writes past cbSendPacket, isPoisonedInput()/unpoisonInput() for a Begin-only buffer read
// after Begin (INPUT_USED_AFTER_CALL). Those two resume functions are async-signal-safe.
#pragma once

#include "method/call_types.h"
#include "method/guarded_buffer.h"
#include "method/input_block.h"

#include <eapscope/raseap.h>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace eapscope {

class CallRunner {
public:
    explicit CallRunner(const PPP_EAP_INFO& info, GuardMode mode = GuardMode::Canary);

    CallOutcome initialize(bool initialize);
    CallOutcome begin(const BeginRequest& request);
    CallOutcome makeMessage(const MakeMessageRequest& request);
    CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer);

    [[nodiscard]] GuardMode mode() const { return mode_; }
    /// Contexts whose PPP_EAP_INPUT is alive (between begin() and end()).
    [[nodiscard]] std::size_t liveContexts() const { return blocks_.size(); }

    /// Offset from pSendPacket when `faultAddress` lies in the guard page after the send buffer.
    [[nodiscard]] std::optional<std::int64_t> sendGuardOffset(const void* faultAddress) const;
    /// Records the overflow and opens the guard page so the faulting write resumes.
    bool resumeSendOverflow(const void* faultAddress);
    [[nodiscard]] bool isPoisonedInput(const void* faultAddress) const;
    /// Records INPUT_USED_AFTER_CALL for the call in flight and opens the buffer to resume.
    bool unpoisonInput(const void* faultAddress);

private:
    InputBlock& blockFor(std::uint32_t contextTag);
    void prepareSendBuffer(std::uint32_t cbSendPacket);
    void prepareReceiveBuffer(const std::optional<Bytes>& packet);
    void observeSendBuffer(CallOutcome& outcome) const;
    void observeFaults(CallOutcome& outcome);
    static bool isSendAction(std::uint32_t action);

    PPP_EAP_INFO info_;
    GuardMode mode_;
    std::vector<GuardedBuffer> pool_;  // Pages mode: mapped input buffers of ended contexts
    std::map<std::uint32_t, std::unique_ptr<InputBlock>> blocks_;  // by contextTag
    GuardedBuffer send_;
    GuardedBuffer receive_;
    // Kept between calls so that their storage is reused (one call at a time per runner).
    Bytes receivedBefore_;
    InputBlock::Snapshot inputBefore_;
    // Set from a signal handler during a call (Pages mode), read after it returns.
    std::atomic<const char*> inputFault_{nullptr};
    std::atomic<std::int64_t> sendFaultOffset_{-1};
};

}  // namespace eapscope
